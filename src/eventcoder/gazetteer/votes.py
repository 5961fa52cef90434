"""Which countries a report is about: votes from country names, demonyms, unambiguous towns and the dateline.

Used by `eventcoder.extract.where.places.find_places` to choose among same-named places (codebook §3) and to drop
a small foreign town nothing else in the report points to (a name clash: "Levant", Maine).
"""
from __future__ import annotations

from collections import Counter

from .. import countries
from ..extract.base import Analysis
from .lookup import Candidate, get_gazetteer
from .mentions import Mention

FOREIGN_MIN_POP = 50_000
#: a report is about one country when it has this many votes and this many times the votes of
#: another country: an uncurated place there under FOREIGN_CITY_POP is then a name clash
DOMINANT_MIN = 4
DOMINANT_RATIO = 3
FOREIGN_CITY_POP = 500_000
# a short country name two states share: a mention votes for both ("Congo": Republic of Congo and the DRC)
_SHARED_NAMES = {"congo": ("CD",), "the congo": ("CD",)}


def context_countries(ana: Analysis, mentions: list[Mention]) -> Counter:
    ctx: Counter = Counter()
    for m in mentions:
        if m.country:
            ctx[m.country.iso2] += 2
            if not m.demonym:  # "Rwandan troops" abroad say little of where the report is
                ctx[("named", m.country.iso2)] += 2
            for iso2 in _SHARED_NAMES.get(m.text.lower(), ()):
                ctx[iso2] += 2  # "GOMA, Congo (AP)": AP's "Congo" is mostly the DRC
        elif len({c.iso2 for c in m.candidates}) == 1 and m.candidates[0].iso2:
            ctx[m.candidates[0].iso2] += 1
            ctx[("named", m.candidates[0].iso2)] += 1
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


def country_inside(name: str):
    """The country a place name of two or more words names ("South Lebanon" -> Lebanon), or None;
    codes and demonyms do not count ("US", "Malian")."""
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return None
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i:i + n])
            if len(key) >= 4 and countries.by_demonym(key) is None:
                found = countries.lookup(key)
                if found is not None:
                    return found
    return None


def foreign_clash(best: Candidate, m: Mention, ctx: Counter) -> bool:
    """A name clash: a small, uncurated town in a country nothing else in the report points to
    ("Levant", Maine), or any uncurated place but a big city in a country the report barely
    mentions beside the one it is about ("Sur" (Oman), "Mara" (Tanzania) and "Christmas" (US) in
    reports about Mexico and Russia)."""
    if best.curated:
        return False
    own = ctx[(m.text.lower(), best.iso2)]
    support = ctx[best.iso2] - own
    votes = {k: v for k, v in ctx.items() if isinstance(k, str) and k != best.iso2 and v > 0}
    # dominance counts names of countries and places, not demonyms ("Russian missiles" in Ukraine)
    dominant = max((v for k, v in ctx.items() if isinstance(k, tuple) and k[0] == "named" and k[1] != best.iso2),
                   default=0)
    if best.kind == "place" and any(c.kind == "admin1" and c.iso2 == best.iso2 for c in m.candidates) \
            and not (support <= 0 and dominant >= DOMINANT_MIN):
        return False  # a town that names its province ("Narathiwat"): no chance name clash, unless
        # nothing else points to its country in a report about another ("Yoro" (Honduras) in one on Mali)
    big_city = best.kind == "place" and best.population >= FOREIGN_CITY_POP
    if dominant >= DOMINANT_MIN and support * DOMINANT_RATIO < dominant and not big_city:
        return True
    if best.population >= FOREIGN_MIN_POP or best.kind == "admin1":
        return False
    return support <= 0 and bool(votes)
