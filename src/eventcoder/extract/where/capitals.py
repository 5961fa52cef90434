"""The capital, when a report places its event at a country's national institutions or "in the
capital" without naming a town (codebook §3: the place where the event happened).

"Police fired on demonstrators trying to storm parliament" in a report that names only Kenya is
coded to Nairobi. Words per language in `data/lexicons/<lang>/capital.yaml`; capitals in
`data/gazetteer/capitals.tsv`.
"""
from __future__ import annotations

import functools
from typing import Optional

from ... import countries
from ...resources import load_tsv
from ..base import Analysis, Place
from ..cues import find_cues, load_cues


@functools.lru_cache(maxsize=None)
def _capitals() -> dict[str, str]:
    return {row["iso2"]: row["capital"] for row in load_tsv("gazetteer/capitals.tsv")}


def national_capital(country: Optional[str]) -> Optional[str]:
    """The capital of `country` (an ACLED name or ISO code) as the gazetteer spells it, or None."""
    c = countries.lookup(country) if country else None
    return _capitals().get(c.iso2) if c else None


def capital_place(ana: Analysis, sentences: list[int], country: Optional[str]) -> Optional[Place]:
    """The capital of `country` (an ACLED name or ISO code) when one of `sentences` names a national
    institution or "the capital", else None."""
    c = countries.lookup(country)
    words = load_cues(ana.lang, "capital").get("words", ())
    if c is None or not words or c.iso2 not in _capitals():
        return None
    hit = None
    for i in sentences:
        if 0 <= i < len(ana.sentences):
            sent = ana.sentences[i]
            found = find_cues(ana.text, words, sent.start, sent.end)
            if found:
                hit = (i, ana.span(found[0].start(), found[0].end()))
                break
    if hit is None:
        return None
    from ...gazetteer.lookup import get_gazetteer

    cands = [x for x in get_gazetteer().lookup(_capitals()[c.iso2]) if x.iso2 == c.iso2 and x.kind == "place"]
    if not cands:
        return None
    best = cands[0]
    return Place(span=hit[1], name=best.name, country=c.name, iso3=c.iso3, admin1=best.admin1, admin2=best.admin2,
                 latitude=best.latitude, longitude=best.longitude, geo_precision=1, kind="place",
                 population=best.population, sentence=hit[0], modifier="capital",
                 reason=f"no town named; {hit[1].text!r} places it in the capital of {c.name}")
