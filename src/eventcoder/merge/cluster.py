"""Clustering scored pairs into incidents: the one algorithm behind `cluster`, `rebuild` and ingest.

`partition` joins the pairs scoring at least the threshold best first (ties by event id), as
single-link clustering, then lets each event move to the cluster its pairs weigh most towards
(the sum of its scores with the members), so a report joins the incident most of its pairs
point to rather than the one stray pair with a slightly higher score (a coder's duplicate
event in another report); a cluster an event left keeps its connected parts. Two clusters
(or an event and a cluster) are never joined when

* they hold events of the same report (one report's events are distinct events by construction);
* their dated members would span more than `DATE_WINDOW` days;
* one holds an event dated more than a day after a report of the other was published.

Background events (a report's mention of an earlier incident) never join or create a cluster:
each links to the incident of its best-scoring main event, if any reaches the threshold.

The result depends only on the profiles and the scored pairs, never on the order they come in:
every choice is ordered by (score, event ids). And the clusters of one connected component of
the pair graph (pairs at or above the threshold) depend only on that component, which is what
lets ingest re-cluster just the component a new event touches (`merge.incremental`) and still
get what a full rebuild gets.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional

from .profile import Profile
from .score import DATE_WINDOW, Match

Pair = tuple[str, str]
#: rounds of moves (each only ever raises the total score inside clusters, so they stop)
MOVE_ROUNDS = 10
#: a move must gain at least this much summed score
MOVE_MARGIN = 1e-9


@dataclass
class Partition:
    """Main-event clusters (sorted ids), background links (event -> main event) and, for every
    member of a cluster of two or more, its best pair inside the cluster (partner, Match)."""

    clusters: list[list[str]] = field(default_factory=list)
    links: dict[str, tuple[str, Match]] = field(default_factory=dict)
    joins: dict[str, tuple[str, Match]] = field(default_factory=dict)


def pair_key(a: str, b: str) -> Pair:
    return (a, b) if a <= b else (b, a)


def incident_id_for(event_ids: Iterable[str]) -> str:
    """An incident's id: a hash of its smallest member event id (the same whatever the order of arrival)."""
    return "I" + hashlib.sha1(min(event_ids).encode("utf-8")).hexdigest()[:15]


class _Cluster:
    __slots__ = ("members", "docs", "first", "last", "published")

    def __init__(self, p: Profile):
        self.members = [p.event_id]
        self.docs = {p.doc_id}
        self.first = self.last = p.event_date
        self.published = p.published

    def compatible(self, other: "_Cluster", window: int) -> bool:
        if self.docs & other.docs:
            return False
        firsts = [d for d in (self.first, other.first) if d]
        lasts = [d for d in (self.last, other.last) if d]
        if firsts and (max(lasts) - min(firsts)).days > window:
            return False
        for x, y in ((self, other), (other, self)):
            if x.last and y.published and (x.last - y.published).days > 1:
                return False
        return True

    def absorb(self, other: "_Cluster") -> None:
        self.members += other.members
        self.docs |= other.docs
        self.first = _min(self.first, other.first)
        self.last = _max(self.last, other.last)
        self.published = _min(self.published, other.published)


def _min(a: Optional[dt.date], b: Optional[dt.date]) -> Optional[dt.date]:
    return b if a is None else a if b is None else min(a, b)


def _max(a: Optional[dt.date], b: Optional[dt.date]) -> Optional[dt.date]:
    return b if a is None else a if b is None else max(a, b)


def partition(profiles: Mapping[str, Profile], matches: Mapping[Pair, Match], threshold: float,
              window: int = DATE_WINDOW) -> Partition:
    """Cluster the main events of `profiles` over the scored pairs (see module doc)."""
    main = {eid for eid, p in profiles.items() if not p.background}
    edges = sorted(((m.score, a, b) for (a, b), m in matches.items()
                    if m.score >= threshold and a in main and b in main), key=lambda e: (-e[0], e[1], e[2]))
    # 1. best pair first
    clusters = {eid: _Cluster(profiles[eid]) for eid in main}
    owner = {eid: eid for eid in main}
    for _, a, b in edges:
        ra, rb = owner[a], owner[b]
        if ra == rb or not clusters[ra].compatible(clusters[rb], window):
            continue
        keep, gone = (ra, rb) if len(clusters[ra].members) >= len(clusters[rb].members) else (rb, ra)
        clusters[keep].absorb(clusters[gone])
        for eid in clusters.pop(gone).members:
            owner[eid] = keep
    # 2. each event moves to the cluster its pairs weigh most towards
    weight: dict[str, dict[str, float]] = {eid: {} for eid in main}
    for score, a, b in edges:
        weight[a][b] = weight[b][a] = score
    for _ in range(MOVE_ROUNDS):
        moved = False
        for eid in sorted(main):
            here = owner[eid]
            totals: dict[str, float] = {}
            for other, score in sorted(weight[eid].items()):
                totals[owner[other]] = totals.get(owner[other], 0.0) + score
            stay = totals.get(here, 0.0)
            best = None
            for target, total in sorted(totals.items(), key=lambda kv: (-kv[1], min(clusters[kv[0]].members))):
                if target == here or total <= stay + MOVE_MARGIN:
                    continue
                if clusters[target].compatible(_Cluster(profiles[eid]), window):
                    best = target
                    break
            if best is not None:
                clusters[here] = _rebuilt([m for m in clusters[here].members if m != eid], profiles)
                clusters[best].absorb(_Cluster(profiles[eid]))
                owner[eid] = best
                moved = True
        if not moved:
            break
    # 3. a cluster an event left may fall apart: keep its connected parts
    parts: dict[str, _Cluster] = {}
    for name, c in clusters.items():
        for piece in _connected([m for m in c.members], weight):
            parts[min(piece)] = _rebuilt(piece, profiles)
    clusters = parts
    out = Partition(clusters=sorted(sorted(c.members) for c in clusters.values() if c.members))
    owner = {eid: name for name, c in clusters.items() for eid in c.members}
    for (a, b), m in matches.items():
        if m.score < threshold:
            continue
        if a in main and b in main:
            if owner[a] != owner[b]:
                continue
            for x, y in ((a, b), (b, a)):
                best = out.joins.get(x)
                if best is None or (m.score, _neg(y)) > (best[1].score, _neg(best[0])):
                    out.joins[x] = (y, m)
        elif (a in main) != (b in main):
            bg, anchor = (b, a) if a in main else (a, b)
            best = out.links.get(bg)
            if best is None or (m.score, _neg(anchor)) > (best[1].score, _neg(best[0])):
                out.links[bg] = (anchor, m)
    return out


def _rebuilt(members: list[str], profiles: Mapping[str, Profile]) -> "_Cluster":
    """A cluster of these members (empty when none)."""
    if not members:
        out = _Cluster.__new__(_Cluster)
        out.members, out.docs, out.first, out.last, out.published = [], set(), None, None, None
        return out
    out = _Cluster(profiles[members[0]])
    for m in members[1:]:
        out.absorb(_Cluster(profiles[m]))
    return out


def _connected(members: list[str], weight: Mapping[str, Mapping[str, float]]) -> list[list[str]]:
    """The connected parts of `members` over the pairs in `weight`."""
    left, out = set(members), []
    for start in sorted(members):
        if start not in left:
            continue
        piece, todo = [], [start]
        left.discard(start)
        while todo:
            x = todo.pop()
            piece.append(x)
            for y in weight[x]:
                if y in left:
                    left.discard(y)
                    todo.append(y)
        out.append(sorted(piece))
    return out


def _neg(event_id: str) -> tuple[int, ...]:
    """A sort key that orders event ids in reverse (ties go to the smallest id)."""
    return tuple(-ord(c) for c in event_id) + (1,)
