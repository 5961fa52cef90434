"""The report's own spelling of a known place.

GeoNames names many towns in a local or official transliteration ("Sirt", "Dar'a", "Ben Gardane",
"Caldıran", "Zinapecuaro de Figueroa") that the gazetteer also knows under the English spelling a
report writes ("Sirte", "Daraa", "Ben Guerdane", "Caldiran", "Zinapecuaro"). ACLED writes the place as
it is commonly written in English-language sources, which is the report's spelling; the gazetteer's
name is kept where the report's word is another name (an old name, a translation, a French or
Spanish exonym: "Mossoul" stays Mosul) or the place is curated (its name already is ACLED's).
"""
from __future__ import annotations

import re
from typing import Optional

from rapidfuzz import fuzz

from ...gazetteer.lookup import Candidate
from ...gazetteer.mentions import Mention
from ...gazetteer.names import display, fold

#: languages whose reports write place names in Latin script
LATIN_LANGS = frozenset({"en", "fr", "es"})
#: how alike (rapidfuzz ratio of the folded names) the report's word and the gazetteer's name must be
#: to be two spellings of one name ("sirte"/"sirt" 89, "ben guerdane"/"ben gardane" 87,
#: "nakhchivan"/"naxcivan" 78; "duran"/"eloy alfaro" and "stalino"/"donetsk" are other names)
SIMILAR = 75
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÿĀ-ž'’\- .]+")


def written_name(lang: str, mention: Mention, best: Candidate) -> Optional[str]:
    """The report's spelling of `best` when it is another spelling of the same name, else None."""
    if lang not in LATIN_LANGS or best.kind != "place" or best.curated or mention.exonym or " - " in best.name:
        return None
    word = re.sub(r"\s+", " ", mention.text).strip(" '’-.")
    if not word or not _LATIN_NAME.fullmatch(word):
        return None
    said, known = fold(word), fold(best.name)
    if said == known or said.startswith(known + " "):
        return None  # "Malaybalay City" is Malaybalay
    # "Zinapecuaro" for "Zinapecuaro de Figueroa": the short form of an official name
    if not (known.startswith(said + " ") or fuzz.ratio(said, known) >= SIMILAR):
        return None
    if word.isupper():  # "SIRTE, Libya (Reuters) -": a dateline in capitals
        word = word.title()
    return display(word)


def location_name(place) -> Optional[str]:
    """The event's `location`: the report's spelling where `written_name` found one and the place's
    evidence still reads that word (a village or neighbourhood put in the town's stead keeps its own
    name), else the place's name."""
    if place.written and place.span is not None and fold(place.span.text) and \
            fuzz.ratio(fold(place.span.text), fold(place.written)) >= 90:
        return place.written
    return place.name or None
