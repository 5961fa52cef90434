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
from dataclasses import replace
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
#: an administrative unit written after a name: the name is the unit's ("Zurmi Local Government Area")
_UNIT_NEXT = re.compile(r"\s+(?:Local\s+Government|LGA\b|district|county|province|region|state|governorate|"
                        r"municipality|prefecture|department)", re.I)
#: words before a village that say where people came from or lived, not where the act was
_ORIGIN_BEFORE = re.compile(r"(?i:\b(?:from|residents?\s+of|natives?\s+of|originaires?\s+d[eu]|desde|"
                            r"oriundos?\s+de)\s+(?:the\s+|la\s+|le\s+|l['’])?)$")
#: a possessor before the name: "Dantewada's Cholnar village"
_POSSESSOR = re.compile(r"^.*['’]s\s+(?=\S)")
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
        out.append(re.compile(rf"(?i:\b(?P<pre>{_alternatives(cues['of'])})){link}{_NAME}"))
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
                   admin1: Optional[str] = None, settlements: bool = False) -> Optional[Place]:
    """The first place named in `sentences` (in order) that the gazetteer lacks (in `admin1`, when
    given: the province the event is known to be in), or None. `settlements`: only a name its kind
    word calls a village, town or locality (the lexicon's `settlement` kinds), not an area or a unit."""
    settlement = {w.lower() for w in load_cues(ana.lang, "unlisted_places").get("settlement", ())} \
        if settlements else set()
    for i in sentences:
        if not 0 <= i < len(ana.sentences):
            continue
        sent = ana.sentences[i]
        found = [m for pattern in _patterns(ana.lang) for m in pattern.finditer(ana.text, sent.start, sent.end)]
        if settlements:  # the first village the sentence names, whichever way it is written
            found.sort(key=lambda m: m.start("name"))
        for m in found:
            kind = m.groupdict().get("kind")
            if settlements and (re.sub(r"\s+", " ", (kind or m.groupdict().get("pre") or "").lower()) not in settlement
                                or (m.groupdict().get("pre") and _UNIT_NEXT.match(ana.text, m.end("name")))):
                continue  # "X community of Zurmi Local Government Area": Zurmi is the unit, not a village
            if settlements and _ORIGIN_BEFORE.search(ana.text, max(sent.start, m.start() - 40), m.start()):
                continue  # "gunmen from the village of X attacked Y": where they came from
            name = _POSSESSOR.sub("", m.group("name"))  # "Dantewada's Cholnar village" is Cholnar
            start = m.end("name") - len(name)
            name = _UNIT_TAIL.sub("", name) or name  # "Triveni Rural Municipality-7" is Triveni
            while ana.lang == "ru" and " " in name and _RU_UNIT_NEXT.match(ana.text, start + len(name)):
                name = name.rsplit(" ", 1)[0]  # "в селе Липовка Лесного района": Lipovka
            if not _is_name(ana, name, start) or _in_gazetteer(name, iso3, admin1):
                continue
            if kind and kind[:1].isupper() and kind.lower().endswith(_NAMED_KINDS):
                # "W National Park": the kind is part of the name ("Triveni Rural Municipality" is Triveni)
                name = ana.text[start:m.end("kind")]
            span = ana.span(start, start + len(name))
            if ana.lang == "ru":  # "в селе Кок-Таш" -> "Kok-Tash", as ACLED spells it
                name = morph.ru_latin(name)
            return Place(span=span, name=name, country=country, iso3=iso3, geo_precision=3, kind="place",
                         sentence=i, modifier="unlisted",
                         reason=f"{name!r} is not in the gazetteer: the named place, in {country}, "
                                f"without coordinates")
    return None


#: the most characters between a village and the known town told after it as its neighbour
NEIGHBOUR_GAP = 80


def village_over(ana: Analysis, best: Place, first: int) -> Place:
    """The event sentence calls a place the gazetteer lacks a village, town or locality ("gunmen
    attacked the village of X, 30 km from Y"; "X community of Y district"), while the place chosen
    is a known town or a border area, which the report names as the village's neighbour, its
    district's seat or the next city: the village is the event's place (codebook §3: the most
    specific place named). In the chosen town's province and at its point (precision 2) when that
    town is told in the same or a following event sentence, else without coordinates."""
    if best.kind not in ("place", "border") or best.modifier in ("unlisted", "dateline") or first < 0:
        return best
    village = unlisted_place(ana, [first], best.country or "", best.iso3, settlements=True)
    if village is None or village.name == best.name or (best.span is not None and village.name in best.span.text):
        return best
    if best.sentence == first and best.span is not None and not (
            village.span.start < best.span.start <= village.span.end + NEIGHBOUR_GAP
            or re.fullmatch(r"['’]s\s+", ana.text[best.span.end:village.span.start])):  # "Y's X village"
        return best  # "gunmen killed five in Y, residents of the village of X said": Y
    if best.kind == "place" and best.latitude is not None and best.sentence >= first:
        return replace(village, admin1=best.admin1, admin2=best.admin2, latitude=best.latitude,
                       longitude=best.longitude, geo_precision=2,
                       reason=f"{village.name!r} is not in the gazetteer: the village the event sentence "
                              f"names, coded at {best.name} (precision 2)")
    return village
