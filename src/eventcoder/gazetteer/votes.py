"""Which countries a report is about: votes from country names, demonyms, unambiguous towns and the dateline.

Used by `eventcoder.extract.places.find_places` to choose among same-named places (codebook §3) and to drop
a small foreign town nothing else in the report points to (a name clash: "Levant", Maine).
"""
from __future__ import annotations

from collections import Counter

from .. import countries
from ..extract.base import Analysis
from .lookup import Candidate, get_gazetteer
from .mentions import Mention

FOREIGN_MIN_POP = 50_000
# a short country name two states share: a mention votes for both ("Congo": Republic of Congo and the DRC)
_SHARED_NAMES = {"congo": ("CD",), "the congo": ("CD",)}


def context_countries(ana: Analysis, mentions: list[Mention]) -> Counter:
    ctx: Counter = Counter()
    for m in mentions:
        if m.country:
            ctx[m.country.iso2] += 2
            for iso2 in _SHARED_NAMES.get(m.text.lower(), ()):
                ctx[iso2] += 2  # "GOMA, Congo (AP)": AP's "Congo" is mostly the DRC
        elif len({c.iso2 for c in m.candidates}) == 1 and m.candidates[0].iso2:
            ctx[m.candidates[0].iso2] += 1
            ctx[(m.text.lower(), m.candidates[0].iso2)] += 1  # its own vote, see foreign_clash
    if ana.dateline_place:
        parts = [p.strip() for p in ana.dateline_place.split(",")]
        dl_country = countries.lookup(parts[-1]) if len(parts) > 1 else None
        if dl_country:
            ctx[dl_country.iso2] += 3
            for iso2 in _SHARED_NAMES.get(parts[-1].lower(), ()):
                ctx[iso2] += 3
        else:
            cands = get_gazetteer().lookup(parts[0])
            if cands:
                ctx[cands[0].iso2] += 2
    return ctx


def foreign_clash(best: Candidate, m: Mention, ctx: Counter) -> bool:
    """A small, uncurated town in a country nothing else in the report points to ("Levant", Maine)."""
    if best.curated or best.population >= FOREIGN_MIN_POP or best.kind == "admin1":
        return False
    support = ctx[best.iso2] - ctx[(m.text.lower(), best.iso2)]
    others = any(isinstance(k, str) and k != best.iso2 and v > 0 for k, v in ctx.items())
    return support <= 0 and others
