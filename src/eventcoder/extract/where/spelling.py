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

from ... import countries
from ...gazetteer import get_gazetteer
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


def name_locations(events: list, places: list) -> None:
    """Give the report's events their final `location` names, once segmentation and aggregation
    (which compare the gazetteer's names) are done:
    - a province-level event (precision 3, the location is the province) is named by the town whose
      point it has, the province's capital (codebook §geo_precision 3: "Diyala" -> Baqubah);
    - a known town is written as the report spells it (`written_name`), where the event's location
      evidence is that very mention."""
    written = {(p.span.start, p.name): p.written for p in places if p.written and p.span is not None}
    for ev in events:
        if ev.geo_precision == 3 and ev.admin1 and ev.location == ev.admin1 and ev.iso3:
            c = countries.lookup(ev.iso3)
            centre = get_gazetteer().admin1_centre(c.iso2, ev.admin1) if c and c.iso2 else None
            if centre is not None and centre.latitude == ev.latitude and centre.longitude == ev.longitude:
                ev.location = centre.name
            continue
        span = next((e for e in ev.evidence if e.field == "location"), None)
        if span is not None and (span.start, ev.location) in written:
            ev.location = written[(span.start, ev.location)]
