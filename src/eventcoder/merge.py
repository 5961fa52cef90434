"""Cross-report merging: cluster events that tell the same real event into Incidents.

Blocking keeps the cost near-linear: events are only compared inside the same
country x event family (violence / demonstrations / strategic), and there only with
events at most `DATE_WINDOW` days apart (a sliding window over the block sorted by date).
Each candidate pair gets a similarity in [0, 1] (`similarity`, weights in `WEIGHTS`) on
place (distance, location / admin names), date, sub-event type, actors, fatalities and
text; pairs at or above `THRESHOLD` are joined best first, never joining two clusters that
share a report (one report's events are distinct events by construction).

THRESHOLD was tuned on the devset clusters (`eventcoder merge --gold`; docs/storage.md):
on gold events every value in [0.4, 0.8] gives pairwise and B-cubed F1 of 1.0; on coded
events [0.6, 0.75] gives 1.0 (0.957 / 0.995 below 0.6, 0.952 / 0.995 at 0.8): 0.65 sits
inside that plateau. The devset has only 11 clusters (13 gold pairs): treat it as a sanity
bound, not a precise estimate.

Background events (a report's mention of an earlier incident) may link to an incident
but never create one. Merging is incremental (`merge_store`): events with no incident are
compared with each other and with the members of stored incidents in their blocks, join
those incidents or form new ones; stored incidents are never re-clustered or merged.

Example:
    >>> result = cluster(events)
    >>> result.incidents[0].canonical.fatalities
"""
from __future__ import annotations

import dataclasses
import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .schema import SUB_RANK, SUB_TO_TYPE, Event, Incident

THRESHOLD = 0.65
DATE_WINDOW = 3
#: pairs further apart than this (both with coordinates) are never the same event
MAX_KM = 100.0
WEIGHTS = {"place": 0.35, "date": 0.2, "type": 0.2, "actors": 0.15, "fatalities": 0.05, "text": 0.05}
FAMILY = {"Battles": "violence", "Explosions/Remote violence": "violence",
          "Violence against civilians": "violence", "Protests": "demonstrations",
          "Riots": "demonstrations", "Strategic developments": "strategic"}
_DATE_SCORE = {0: 1.0, 1: 0.6, 2: 0.3, 3: 0.1}
_WORD = re.compile(r"\w{3,}", re.UNICODE)


def _norm(value: Optional[str]) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", (value or "").lower()).split())


def _unidentified(actor: Optional[str]) -> bool:
    return not actor or actor.lower().startswith("unidentified")


def family(event: Event) -> Optional[str]:
    """The blocking family of an event's type (None when untyped)."""
    etype = event.event_type or SUB_TO_TYPE.get(event.sub_event_type or "")
    return FAMILY.get(etype or "")


def km(a: Event, b: Event) -> Optional[float]:
    """Great-circle distance in km, or None when either lacks coordinates."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _place(a: Event, b: Event, distance: Optional[float]) -> float:
    coord = max(0.0, 1.0 - distance / 50.0) if distance is not None else 0.0
    if a.location and _norm(a.location) == _norm(b.location):
        name = 1.0
    elif a.admin2 and _norm(a.admin2) == _norm(b.admin2):
        name = 0.8
    elif a.admin1 and _norm(a.admin1) == _norm(b.admin1):
        name = 0.5
    else:
        name = 0.0
    return max(coord, name)


def _actors(a: Event, b: Event) -> float:
    if _unidentified(a.actor1) or _unidentified(b.actor1):
        first = 0.5
    else:
        first = 1.0 if _norm(a.actor1) == _norm(b.actor1) else 0.0
    if not a.actor2 or not b.actor2:
        second = 0.5
    else:
        second = 1.0 if _norm(a.actor2) == _norm(b.actor2) else 0.0
    return 0.7 * first + 0.3 * second


def _words(event: Event) -> set[str]:
    return set(_WORD.findall(" ".join(filter(None, (event.notes, event.location, event.actor1,
                                                     event.actor2))).lower()))


def similarity(a: Event, b: Event) -> float:
    """How likely two events (of different reports) are the same real event, in [0, 1]."""
    distance = km(a, b)
    if distance is not None and distance > MAX_KM:
        return 0.0
    if a.event_date and b.event_date:
        days = abs((a.event_date - b.event_date).days)
        date = _DATE_SCORE.get(days, 0.0)
    else:
        date = 0.3
    if a.sub_event_type and a.sub_event_type == b.sub_event_type:
        kind = 1.0
    elif a.event_type and a.event_type == b.event_type:
        kind = 0.6
    else:
        kind = 0.3 if family(a) == family(b) else 0.0
    fa, fb = a.fatalities or 0, b.fatalities or 0
    fatalities = (min(fa, fb) + 1) / (max(fa, fb) + 1)
    wa, wb = _words(a), _words(b)
    text = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
    parts = {"place": _place(a, b, distance), "date": date, "type": kind, "actors": _actors(a, b),
             "fatalities": fatalities, "text": text}
    return sum(WEIGHTS[k] * v for k, v in parts.items())


def candidate_pairs(events: list[Event], window: int = DATE_WINDOW) -> Iterable[tuple[int, int]]:
    """Index pairs (i, j) in the same country x family block and date window, from different reports."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        fam = family(e)
        if e.country and fam and e.event_date:
            blocks[(e.country, fam)].append(i)
    for members in blocks.values():
        members.sort(key=lambda i: events[i].event_date)
        for pos, i in enumerate(members):
            date_i = events[i].event_date
            for nxt in range(pos + 1, len(members)):  # indices, not a slice: no O(n) copy per event
                j = members[nxt]
                if (events[j].event_date - date_i).days > window:
                    break
                if events[i].doc_id != events[j].doc_id:
                    yield (i, j)


@dataclass
class MergeResult:
    """Incidents (new or changed), and background events linked to an incident."""

    incidents: list[Incident] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)

    def assignment(self) -> dict[str, str]:
        """event_id -> incident_id for members and linked background events."""
        out = {e: inc.incident_id for inc in self.incidents for e in inc.event_ids}
        out.update(self.links)
        return out


def incident_id_for(event_ids: Iterable[str]) -> str:
    """A stable id from the incident's first member."""
    return "I" + hashlib.sha1(min(event_ids).encode("utf-8")).hexdigest()[:15]


def cluster(events: Iterable[Event], threshold: float = THRESHOLD, window: int = DATE_WINDOW) -> MergeResult:
    """Cluster events into Incidents; events with an `incident_id` are existing members.

    Args:
        events: the events to place, plus the members of existing incidents in their blocks
            (their `incident_id` set); existing incidents keep their id and are never merged
            with each other.
        threshold: least similarity for two events to be joined.
        window: largest date difference, in days, between compared events.
    RETURNS (MergeResult): every incident that has a new member (all, on a first run),
        each with its canonical record, and background links.
    """
    events = list(events)
    main = [e for e in events if not e.background]
    parent = list(range(len(main)))
    docs: list[set[str]] = [{e.doc_id} for e in main]
    existing: list[Optional[str]] = [e.incident_id for e in main]
    # Seed the union-find with the stored incidents.
    first_of: dict[str, int] = {}
    for i, e in enumerate(main):
        if e.incident_id:
            root = first_of.setdefault(e.incident_id, i)
            if root != i:
                parent[i] = root
                docs[root] |= docs[i]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = []
    for i, j in candidate_pairs(main, window):
        if existing[i] and existing[j]:
            continue  # stored incidents are not re-clustered
        score = similarity(main[i], main[j])
        if score >= threshold:
            pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj or docs[ri] & docs[rj] or (existing[ri] and existing[rj]):
            continue
        if existing[rj]:
            ri, rj = rj, ri
        parent[rj] = ri
        docs[ri] |= docs[rj]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(main)):
        groups[find(i)].append(i)
    result = MergeResult()
    root_of_incident: dict[str, int] = {}
    for root, members in groups.items():
        ids = [main[i].event_id for i in members]
        if existing[root] and all(existing[i] for i in members):
            root_of_incident[existing[root]] = root
            continue  # unchanged
        incident_id = existing[root] or incident_id_for(ids)
        root_of_incident[incident_id] = root
        result.incidents.append(Incident(incident_id, sorted(ids), canonical([main[i] for i in members], incident_id)))
    _link_background(events, main, find, existing, threshold, window, result)
    result.incidents.sort(key=lambda inc: inc.incident_id)
    return result


def _link_background(events, main, find, existing, threshold, window, result: MergeResult) -> None:
    """Link each background event to the incident of its most similar main event, if any."""
    background = [e for e in events if e.background]
    if not background:
        return
    incident_of = {}
    for inc in result.incidents:
        for event_id in inc.event_ids:
            incident_of[event_id] = inc.incident_id
    root_incident: dict[int, str] = {}
    for i, e in enumerate(main):
        iid = incident_of.get(e.event_id) or existing[i]
        if iid:
            root_incident[find(i)] = iid
    pool = main + background
    offset = len(main)
    best: dict[int, tuple[float, str]] = {}
    for i, j in candidate_pairs(pool, window):
        bg, other = (i, j) if i >= offset else (j, i)
        if (i >= offset) == (j >= offset):
            continue
        iid = root_incident.get(find(other))
        if iid is None:
            continue
        score = similarity(pool[bg], pool[other])
        if score >= threshold and score > best.get(bg, (0.0, ""))[0]:
            best[bg] = (score, iid)
    for bg, (_, iid) in best.items():
        result.links[pool[bg].event_id] = iid


def canonical(members: list[Event], incident_id: str) -> Event:
    """The incident's record (codebook §6 Deduplication).

    Highest-ranked sub-event type; most precise date (lowest time_precision, then the most
    reported date) and place (lowest geo_precision, then the most reported location); the
    lowest fatality figure (conservative), with the range in fatalities_low/high; a named
    actor over an unidentified one; the union of sources and source chains.
    """
    base = max(members, key=lambda e: (e.confidence, e.event_id))
    out = dataclasses.replace(base, evidence=[], reasons={}, event_id=incident_id, doc_id="",
                              incident_id=incident_id, main=True, background=False)
    typed = [e for e in members if e.sub_event_type in SUB_RANK]
    if typed:
        top = min(typed, key=lambda e: SUB_RANK[e.sub_event_type])
        out.sub_event_type, out.event_type, out.disorder_type = top.sub_event_type, top.event_type, top.disorder_type
    dates = Counter(e.event_date for e in members if e.event_date)
    dated = [e for e in members if e.event_date]
    if dated:
        when = min(dated, key=lambda e: (e.time_precision or 9, -dates[e.event_date], e.event_date))
        out.event_date, out.time_precision = when.event_date, when.time_precision
    places = Counter(_norm(e.location) for e in members if e.location)
    where = min(members, key=lambda e: (e.geo_precision or 9, -places[_norm(e.location)], e.event_id))
    for name in ("country", "iso3", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                 "geo_precision"):
        setattr(out, name, getattr(where, name))
    figures = [e.fatalities or 0 for e in members]
    out.fatalities, out.fatalities_low, out.fatalities_high = min(figures), min(figures), max(figures)
    named = Counter(e.actor1 for e in members if not _unidentified(e.actor1))
    if named:
        actor = named.most_common(1)[0][0]
        who = next(e for e in members if e.actor1 == actor)
        out.actor1, out.assoc_actor_1, out.inter1 = who.actor1, who.assoc_actor_1, who.inter1
    out.source = "; ".join(dict.fromkeys(e.source for e in members if e.source)) or None
    out.source_chain = list(dict.fromkeys(s for e in members for s in e.source_chain))
    out.confidence = max(e.confidence for e in members)
    return out


def merge_store(store, threshold: float = THRESHOLD, window: int = DATE_WINDOW) -> MergeResult:
    """Incremental merge of a Store: place every event with no incident, save what changed.

    Only the stored incident members in the new events' countries and date range are
    loaded, so a run costs about the size of what is new, not of the whole database.
    """
    new = store.events_for_merge(assigned=False)
    dated = [e.event_date for e in new if e.event_date]
    if not new:
        return MergeResult()
    import datetime as dt

    span = dt.timedelta(days=window)
    old = store.events_for_merge(assigned=True, countries={e.country for e in new if e.country},
                                 date_from=min(dated) - span if dated else None,
                                 date_to=max(dated) + span if dated else None) if dated else []
    touched = {e.incident_id for e in old if not e.background}
    # every member of a candidate incident, so its membership and canonical stay whole
    old = [e for e in store.events_for_merge(incident_ids=touched) if not e.background] if touched else []
    result = cluster(old + new, threshold, window)
    store.save_incidents(result.incidents, result.links)
    return result
