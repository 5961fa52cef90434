"""Which pairs of events are compared at all (blocking), in memory and in the store alike.

Two events (of different reports) are candidates when

* they are in the same country and have event dates at most `DATE_WINDOW` days apart, or
* they share a blocking key (`Profile.keys`: an LSH band of their texts' MinHash signatures, or
  a full name), and their reference dates (event date, else publication date) are at most
  `KEY_DAYS` apart when both have one.

The relation is symmetric and depends on the two profiles only, so the store (which finds an
event's candidates with two indexed queries: a date range, and its keys) and `cluster` (which
indexes a list of profiles in memory) compare exactly the same pairs. The work per new event is
bounded by how many events share its country and days, or its keys within KEY_DAYS: it does
not grow with the size of the store. (Keys ignore the country: a rewrite of one story whose
coder placed it in another country is still compared; `score.compare` decides.)
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator, Sequence

from .profile import Profile
from .score import DATE_WINDOW

#: largest difference of reference dates between key-sharing candidates
KEY_DAYS = 31


def key_compatible(a: Profile, b: Profile) -> bool:
    """Whether two key-sharing profiles are close enough in time to be compared."""
    ra, rb = a.ref_date, b.ref_date
    return ra is None or rb is None or abs((ra - rb).days) <= KEY_DAYS


def is_candidate(a: Profile, b: Profile, window: int = DATE_WINDOW) -> bool:
    """The blocking relation itself (for checks and tests); `candidate_pairs` enumerates it."""
    if a.doc_id == b.doc_id:
        return False
    if (a.country and a.country == b.country and a.event_date and b.event_date
            and abs((a.event_date - b.event_date).days) <= window):
        return True
    return key_compatible(a, b) and not a.key_set().isdisjoint(b.key_set())


def candidate_pairs(profiles: Sequence[Profile], window: int = DATE_WINDOW) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of candidate events (see module doc), each once."""
    seen: set[tuple[int, int]] = set()
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        if p.country and p.event_date:
            by_country[p.country].append(i)
    for members in by_country.values():
        members.sort(key=lambda i: profiles[i].event_date)
        for pos, i in enumerate(members):
            date_i = profiles[i].event_date
            for nxt in range(pos + 1, len(members)):
                j = members[nxt]
                if (profiles[j].event_date - date_i).days > window:
                    break
                if profiles[i].doc_id != profiles[j].doc_id:
                    pair = (min(i, j), max(i, j))
                    if pair not in seen:
                        seen.add(pair)
                        yield pair
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for key in p.keys():
            by_key[key].append(i)
    for members in by_key.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                a, b = profiles[i], profiles[j]
                if a.doc_id == b.doc_id or not key_compatible(a, b):
                    continue
                pair = (min(i, j), max(i, j))
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def keys_of(profiles: Iterable[Profile]) -> list[tuple[str, str]]:
    """(key, event_id) rows for the store's key index."""
    return [(key, p.event_id) for p in profiles for key in p.keys()]
