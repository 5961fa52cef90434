"""Rules over the resolved places of a report: borders, reference points, uncurated neighbourhoods.

Used by `eventcoder.extract.where.places.find_places` (codebook §3):
- `borders`: "the Iraq-Syria border", "the border with Niger" -> a border place (precision 3);
- `references`: "Zawiya, 45 km west of Tripoli" -> Tripoli only locates Zawiya (modifier "reference");
- `neighbourhoods`: "the Solino neighbourhood of Port-au-Prince" -> "Port-au-Prince - Solino" at the
  city's point when the city is one ACLED codes by neighbourhood and the neighbourhood is not curated.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import replace

from .. import countries
from ..extract.base import Analysis, Place
from .cues import BORDER, CONTAINER_GAP, HOOD_AFTER, HOOD_BEFORE, REFERENCE_GAP

# cities that ACLED codes by neighbourhood ("City - District"): an uncurated "X neighbourhood of City" there
# becomes "City - X" at the city's point; elsewhere the city itself (codebook §3)
DISTRICT_CITIES = {"Port-au-Prince", "Mogadishu", "Tripoli", "Rio de Janeiro", "Sao Paulo", "Fortaleza", "Salvador",
                   "Recife", "Manaus", "Belem", "Porto Alegre", "Dhaka"}


def borders(ana: Analysis) -> list[Place]:
    out = []
    for m in BORDER.finditer(ana.text):
        names = [n for n in (m.group("a"), m.group("b"), m.group("c"), m.group("d")) if n]
        cs = [countries.lookup(n) or countries.by_demonym(n) for n in names]
        if not cs or not all(cs):
            continue
        label = "-".join(c.name for c in cs) + " border"
        out.append(Place(span=ana.span(m.start(), m.end()), name=label, country=cs[0].name,
                         iso3=cs[0].iso3, geo_precision=3, kind="border",
                         modifier="border" if len(cs) > 1 else "border_with",  # "the border with Mali"
                         sentence=ana.sentence_at(m.start()).index,
                         reason="border area: " + ", ".join(c.name for c in cs)))
    return out


def border_side(border: Place, places: list[Place]) -> Place:
    """"near the border with Mali" (modifier "border_with": one country named, the one across the
    border): the event is on the report's side, in the country the report names most (places and
    country names), when that is another one: "Niger-Mali border", in Niger. A border of two named
    countries, or one already placed in a province ("Iraq-Syria border (Anbar)"), is kept as it is."""
    if border.modifier != "border_with":
        return border
    across = border.country
    votes = Counter(p.country for p in places if p.country and p.country != across and p.kind != "border")
    side = countries.lookup(votes.most_common(1)[0][0]) if votes else None
    if side is None:
        return border
    return replace(border, name=f"{side.name}-{across} border", country=side.name, iso3=side.iso3,
                   modifier="border",
                   reason=f"border area: {side.name}, {across} (the report's side of the border with {across})")


def references(text: str, places: list[Place]) -> list[Place]:
    """"Zawiya, 45 km west of Tripoli", "the Abu Shouk camp on the outskirts of El Fasher": Tripoli, El Fasher only
    locate the place before them (modifier "reference"); "the Hays district of
    Hodeidah", "Jaramana, a suburb of Damascus": Hodeidah, Damascus only contain it (modifier "container")."""
    out = list(places)
    for i in range(1, len(out)):
        prev, p = out[i - 1], out[i]
        if (prev.kind == "place" and p.kind == "place" and prev.sentence == p.sentence and prev.modifier != "dateline"
                and (REFERENCE_GAP.match(text[prev.span.end:p.span.start]) or prev.modifier == "relative")):
            out[i] = replace(p, modifier="reference", reason=p.reason + f"; reference point for {prev.name}")
        elif (prev.kind == "place" and p.kind == "place" and prev.sentence == p.sentence and prev.modifier != "dateline"
              and p.modifier is None and CONTAINER_GAP.match(text[prev.span.end:p.span.start])):
            out[i] = replace(p, modifier="container", reason=p.reason + f"; contains {prev.name}")
    return out


def neighbourhoods(ana: Analysis, places: list[Place]) -> list[Place]:
    """"the Solino neighbourhood of Port-au-Prince" with no curated "Port-au-Prince - Solino": the
    neighbourhood at the city's point, precision 1, in cities ACLED codes by neighbourhood."""
    text, out = ana.text, list(places)
    for p in places:
        if p.kind != "place" or p.name not in DISTRICT_CITIES or p.modifier == "dateline":
            continue
        m = HOOD_BEFORE.search(text[max(0, p.span.start - 80):p.span.start])
        off = max(0, p.span.start - 80) if m else p.span.end
        m = m or HOOD_AFTER.match(text[p.span.end:p.span.end + 80])
        if m is None or any(q.span.start < off + m.end("x") and off + m.start("x") < q.span.end
                            and q is not p for q in places):
            continue  # no neighbourhood named, or it is a known place already
        hood = "".join(ch for ch in unicodedata.normalize("NFKD", m.group("x")) if not unicodedata.combining(ch))
        out.append(replace(p, span=ana.span(off + m.start("x"), off + m.end("x")), name=f"{p.name} - {hood}",
                           geo_precision=1, modifier=None, reason=f"uncurated neighbourhood of {p.name}"))
    out.sort(key=lambda q: q.span.start)
    return out
