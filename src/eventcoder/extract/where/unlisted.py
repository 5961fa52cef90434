"""A place the report names but the gazetteer does not know: the village, locality or park of the
event, kept with its name instead of dropping the event as "only the country is known".

GeoNames' towns of 1,000 people or more miss most villages, localities and parks where real
events happen ("in the locality of Kpinkanou", "an attack on Zanke community", "in W National
Park"). When no place of the gazetteer is found in the event sentences but the report names its
country, a capitalised name that a place-kind word marks as a place (`data/lexicons/<lang>/
unlisted_places.yaml`: "<kind> of NAME", or a locative word then "NAME <kind>") becomes the
event's location: named, in its country, not georeferenced (no coordinates, no admin areas,
geo_precision 3), with the reason saying so. ACLED records no country-level events (codebook
§3); this is not one: the place is named, only its coordinates are unknown.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from ... import countries, morph
from ..base import Analysis, Place
from ..cues import load_cues

#: a capitalised word (any script); lower-case particles may sit between two ("Deir al Balah")
_UPPER = "[" + "".join(re.escape(chr(c)) for c in range(0x250) if chr(c).isupper()) + "А-ЯЁ]"
_PARTICLES = ("al", "el", "de", "du", "la", "le", "del", "di", "ad", "ash", "as", "ar")
_CAP = rf"{_UPPER}[\w'’\-]*"
_NAME = rf"(?P<name>{_CAP}(?:[ \t]+(?:(?:{'|'.join(_PARTICLES)})[ \t]+)?{_CAP}){{0,3}})"
#: labels of the English parse that say a name is not a place whatever the kind word before or
#: after it (the parse calls many villages a PERSON or an ORG: the kind word outweighs it)
NOT_PLACE = ("DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY")
#: a unit written after a name inside it ("Triveni Rural Municipality-7", "Kanti Ward 4")
_UNIT_TAIL = re.compile(r"\s+(?:Rural\s+|Urban\s+)?(?:Municipality|Ward|Township|Commune|County|District)"
                        r"(?:[\s-]*\d+)?$")
#: a Russian unit noun after a capitalised adjective: "Курской области", "Лесного района" (the unit
#: that holds the village, not a word of its name)
_RU_UNIT_NEXT = re.compile(r"\s+(?:област\w*|обл\.|кра[йяюе]\w*|республик\w*|район\w*|округ\w*)(?!\w)",
                           re.I)
#: capitalised kinds that belong to the name: parks, reserves, forests and camps (not units)
_NAMED_KINDS = ("park", "reserve", "forest", "camp")


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[re.Pattern, ...]:
    cues = load_cues(lang, "unlisted_places")
    out = []
    if cues.get("of"):
        link = rf"\s+(?:{_alternatives(cues['link'])})\s*" if cues.get("link") else r"\s+"
        out.append(re.compile(rf"(?i:\b(?:{_alternatives(cues['of'])})){link}{_NAME}"))
    if cues.get("after") and cues.get("before"):
        out.append(re.compile(rf"(?i:\b(?:{_alternatives(cues['before'])})\s+(?:the\s+)?){_NAME}"
                              rf"\s+(?P<kind>{_alternatives(cues['after'])})\b"))
    if cues.get("unit_after") and cues.get("before"):  # "in Tse-Akaa, Gwer West LGA"
        out.append(re.compile(rf"(?i:\b(?:{_alternatives(cues['before'])})\s+){_NAME},\s+(?:{_CAP}\s+){{1,3}}"
                              rf"(?i:{_alternatives(cues['unit_after'])})\b"))
    return tuple(out)


def _is_name(ana: Analysis, name: str, start: int) -> bool:
    words = name.split()
    proper = [w for w in words if w[:1].isupper()]
    if not proper:
        return False
    if countries.lookup(name) is not None or any(countries.lookup(w) is not None for w in proper):
        return False
    from ...gazetteer.mentions import stopwords
    from ...gazetteer.names import fold

    stop = stopwords(ana.lang)
    if all(fold(w) in stop for w in proper):
        return False
    if len(proper) == 1 and re.search(rf"\b{re.escape(proper[0].lower())}\b", ana.text):
        return False  # a common word the report also writes in lower case
    if ana.lang == "ru" and morph.ru_person_name(proper):
        return False  # "в районе ... Ахмед Хасан": a person's first name and surname
    if ana.lang == "ru" and _RU_UNIT_NEXT.match(ana.text, start + len(name)):
        return False  # "в районе Тверской области": the region's adjective, no village
    doc = ana.spacy_doc
    if doc is not None:
        span = doc.char_span(start, start + len(name), alignment_mode="expand")
        if span is not None and any(t.ent_type_ in NOT_PLACE for t in span):
            return False
    return True


def _in_gazetteer(name: str, iso3: Optional[str], admin1: Optional[str] = None) -> bool:
    """The gazetteer knows a place of this name in this country (then it is no unlisted place); with
    `admin1`, only one in that province counts ("в селе X" of a region whose X's are all elsewhere)."""
    from ...gazetteer.lookup import get_gazetteer

    c = countries.lookup(iso3) if iso3 else None
    return any((c is None or cand.iso2 == c.iso2) and (admin1 is None or cand.admin1 == admin1)
               for cand in get_gazetteer().lookup(name))


def unlisted_place(ana: Analysis, sentences: list[int], country: str, iso3: Optional[str],
                   admin1: Optional[str] = None) -> Optional[Place]:
    """The first place named in `sentences` (in order) that the gazetteer lacks (in `admin1`, when
    given: the province the event is known to be in), or None."""
    for i in sentences:
        if not 0 <= i < len(ana.sentences):
            continue
        sent = ana.sentences[i]
        for pattern in _patterns(ana.lang):
            for m in pattern.finditer(ana.text, sent.start, sent.end):
                kind = m.groupdict().get("kind")
                name = m.group("name")
                name = _UNIT_TAIL.sub("", name) or name  # "Triveni Rural Municipality-7" is Triveni
                while ana.lang == "ru" and " " in name and _RU_UNIT_NEXT.match(ana.text, m.start("name") + len(name)):
                    name = name.rsplit(" ", 1)[0]  # "в селе Липовка Лесного района": Lipovka
                if not _is_name(ana, name, m.start("name")) or _in_gazetteer(name, iso3, admin1):
                    continue
                if kind and kind[:1].isupper() and kind.lower().endswith(_NAMED_KINDS):
                    # "W National Park": the kind is part of the name ("Triveni Rural Municipality" is Triveni)
                    name = ana.text[m.start("name"):m.end("kind")]
                span = ana.span(m.start("name"), m.start("name") + len(name))
                if ana.lang == "ru":  # "в селе Кок-Таш" -> "Kok-Tash", as ACLED spells it
                    name = morph.ru_latin(name)
                return Place(span=span, name=name, country=country, iso3=iso3, geo_precision=3, kind="place",
                             sentence=i, modifier="unlisted",
                             reason=f"{name!r} is not in the gazetteer: the named place, in {country}, "
                                    f"without coordinates")
    return None
