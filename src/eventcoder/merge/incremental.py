"""Merging in the store: attach new events as they are stored, or rebuild everything.

`attach(conn, coded)` runs inside the transaction that stores the events (`Store.add_batch`,
`Store.add_coded`), on SQLite and PostgreSQL alike:

1. the profile and blocking keys of every new event are stored (`merge_profiles`, `merge_keys`);
2. its candidates are found with indexed queries (same country within DATE_WINDOW days; same
   key within KEY_DAYS), scored, and the pairs at or above the threshold stored (`merge_edges`);
3. the connected component of the new events in that pair graph is collected (it holds every
   incident the new events could join or bridge) and clustered again from scratch with
   `cluster.partition`; its old incidents are replaced by the new ones.

Because a component's clusters depend only on the component (see `merge.cluster`), the store
ends up exactly as `rebuild` (what `eventcoder merge` runs) would leave it, whatever the order
in which the reports arrived. The work per new event is its candidates plus its component:
neither grows with the size of the store.

On PostgreSQL the step takes a transaction-level advisory lock, so concurrent writers (Dask
workers) merge one at a time and never miss each other's events; SQLite serialises writers.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Optional

from sqlalchemy import Connection, delete, insert, or_, select, update

from ..schema import Document, Event
from .blocking import KEY_DAYS
from .cluster import pair_key, partition
from .profile import Profile, build_for_document
from .result import MergeResult, result_from, score_pairs
from .score import DATE_WINDOW, THRESHOLD, Match, compare

_CHUNK = 500
#: `meta` key holding the threshold of the last rebuild (ingest merges with the same one)
THRESHOLD_KEY = "merge_threshold"
#: PostgreSQL advisory lock id for merging (any constant; "ecmerge" in ASCII)
LOCK_ID = 0x65636D65726765


def _tables():
    from ..store import tables

    return tables


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({LOCK_ID})")


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def stored_threshold(conn: Connection) -> float:
    t = _tables()
    value = conn.execute(select(t.meta.c.value).where(t.meta.c.key == THRESHOLD_KEY)).scalar()
    return float(value) if value is not None else THRESHOLD


def _set_threshold(conn: Connection, threshold: float) -> None:
    t = _tables()
    conn.execute(delete(t.meta).where(t.meta.c.key == THRESHOLD_KEY))
    conn.execute(insert(t.meta).values(key=THRESHOLD_KEY, value=repr(float(threshold))))


# ------------------------------------------------------------------------------ reads


def _events(conn: Connection, event_ids: Iterable[str]) -> dict[str, Event]:
    """Stored events (without evidence) by id."""
    t = _tables()
    out = {}
    for chunk in _chunks(sorted(set(event_ids))):
        for row in conn.execute(select(t.events).where(t.events.c.event_id.in_(chunk))).mappings():
            out[row["event_id"]] = Event(**dict(row))
    return out


def _profiles(conn: Connection, event_ids: Iterable[str]) -> dict[str, Profile]:
    t = _tables()
    out = {}
    mp = t.merge_profiles.c
    for chunk in _chunks(sorted(set(event_ids))):
        for eid, data in conn.execute(select(mp.event_id, mp.profile).where(mp.event_id.in_(chunk))):
            out[eid] = Profile.from_dict(data)
    return out


def _candidates(conn: Connection, new: Sequence[Profile], window: int) -> dict[str, set[str]]:
    """For each new profile, the ids of the stored events (the other new ones included) that
    `blocking.is_candidate` pairs with it, less those of its own report.

    A few indexed queries per batch, not per event: the profiles of the batch's countries within
    `window` days of its dates, and the rows of its keys within KEY_DAYS of its reference dates
    (range scans of the (key, ref_date) index, never a whole posting list); the exact relation
    is then checked per event."""
    t = _tables()
    out: dict[str, set[str]] = {p.event_id: set() for p in new}
    dated = [p for p in new if p.country and p.event_date]
    if dated:
        mp = t.merge_profiles.c
        span = dt.timedelta(days=window)
        low, high = min(p.event_date for p in dated) - span, max(p.event_date for p in dated) + span
        by_country: dict[str, list[tuple[str, dt.date]]] = defaultdict(list)
        for chunk in _chunks(sorted({p.country for p in dated})):
            query = select(mp.event_id, mp.country, mp.event_date).where(
                mp.country.in_(chunk), mp.event_date >= low, mp.event_date <= high)
            for eid, country, date in conn.execute(query):
                by_country[country].append((eid, date))
        for p in dated:
            out[p.event_id].update(eid for eid, date in by_country.get(p.country, ())
                                   if abs((date - p.event_date).days) <= window)
    k = t.merge_keys.c
    rows: dict[str, list[tuple[str, Optional[dt.date]]]] = defaultdict(list)
    timed = [p for p in new if p.ref_date and p.keys()]
    untimed_keys = sorted({key for p in new if not p.ref_date for key in p.keys()})
    queries = []
    if timed:
        span = dt.timedelta(days=KEY_DAYS)
        low, high = min(p.ref_date for p in timed) - span, max(p.ref_date for p in timed) + span
        timed_keys = sorted({key for p in timed for key in p.keys()})
        queries += [(chunk, [k.ref_date >= low, k.ref_date <= high]) for chunk in _chunks(timed_keys)]
        queries += [(chunk, [k.ref_date.is_(None)]) for chunk in _chunks(timed_keys)]
    queries += [(chunk, []) for chunk in _chunks(untimed_keys)]
    seen: set[tuple[str, str]] = set()
    for chunk, conditions in queries:
        for key, eid, ref in conn.execute(select(k.key, k.event_id, k.ref_date).where(k.key.in_(chunk), *conditions)):
            if (key, eid) not in seen:
                seen.add((key, eid))
                rows[key].append((eid, ref))
    for p in new:
        found = out[p.event_id]
        for key in p.keys():
            for eid, ref in rows.get(key, ()):
                if p.ref_date is None or ref is None or abs((ref - p.ref_date).days) <= KEY_DAYS:
                    found.add(eid)
        found.discard(p.event_id)
    return out


def _component(conn: Connection, seeds: set[str]) -> tuple[set[str], dict[tuple[str, str], Match]]:
    """The connected component of `seeds` in the stored pair graph, and its pairs."""
    t = _tables()
    e = t.merge_edges.c
    component, frontier = set(seeds), set(seeds)
    matches: dict[tuple[str, str], Match] = {}
    while frontier:
        nxt: set[str] = set()
        for chunk in _chunks(sorted(frontier)):
            query = select(e.a, e.b, e.score, e.evidence).where(or_(e.a.in_(chunk), e.b.in_(chunk)))
            for a, b, score, evidence in conn.execute(query):
                matches[(a, b)] = Match(score, evidence)
                nxt.update((a, b))
        frontier = nxt - component
        component |= frontier
    return component, matches


# ------------------------------------------------------------------------------ writes


def _store_profiles(conn: Connection, profiles: Sequence[Profile]) -> None:
    t = _tables()
    if not profiles:
        return
    conn.execute(insert(t.merge_profiles), [
        {"event_id": p.event_id, "country": p.country, "event_date": p.event_date, "profile": p.to_dict()}
        for p in profiles])
    keys = [{"key": key, "event_id": p.event_id, "ref_date": p.ref_date}
            for p in profiles for key in dict.fromkeys(p.keys())]
    if keys:
        conn.execute(insert(t.merge_keys), keys)


def _store_edges(conn: Connection, matches: dict[tuple[str, str], Match], threshold: float) -> None:
    t = _tables()
    rows = [{"a": a, "b": b, "score": m.score, "evidence": m.evidence}
            for (a, b), m in sorted(matches.items()) if m.score >= threshold]
    for chunk in _chunks(rows):
        conn.execute(insert(t.merge_edges), list(chunk))


def _replace_incidents(conn: Connection, event_ids: set[str], result: MergeResult) -> None:
    """Drop the incidents holding any of `event_ids` and write `result`'s in their place."""
    t = _tables()
    ie = t.incident_events.c
    old: set[str] = set()
    for chunk in _chunks(sorted(event_ids)):
        old.update(conn.execute(select(ie.incident_id).where(ie.event_id.in_(chunk)).distinct()).scalars())
    created: dict[str, dt.datetime] = {}
    for chunk in _chunks(sorted(old)):
        created.update(conn.execute(select(t.incidents.c.incident_id, t.incidents.c.created)
                                    .where(t.incidents.c.incident_id.in_(chunk))).all())
        conn.execute(delete(t.incident_events).where(ie.incident_id.in_(chunk)))
        conn.execute(delete(t.incidents).where(t.incidents.c.incident_id.in_(chunk)))
    for chunk in _chunks(sorted(event_ids)):
        conn.execute(update(t.events).where(t.events.c.event_id.in_(chunk)).values(incident_id=None))
    write_incidents(conn, result, created)


def write_incidents(conn: Connection, result: MergeResult, created: Optional[dict] = None) -> None:
    """Insert `result`'s incidents, members, links and join reasons; point events at them."""
    from sqlalchemy import bindparam

    t = _tables()
    now = dt.datetime.now(dt.timezone.utc)
    created = created or {}
    if result.incidents:
        rows = [{"incident_id": inc.incident_id, "created": created.get(inc.incident_id, now),
                 "canonical": inc.canonical.to_dict() if inc.canonical else None} for inc in result.incidents]
        for chunk in _chunks(rows):
            conn.execute(insert(t.incidents), list(chunk))
    links = [(inc.incident_id, e) for inc in result.incidents for e in inc.event_ids]
    links += sorted((i, e) for e, i in result.links.items())
    rows = []
    for incident_id, event_id in links:
        join = dict(result.joins.get(event_id) or {})
        rows.append({"incident_id": incident_id, "event_id": event_id, "role": join.pop("role", "member"),
                     "score": join.get("score"), "joined": join or None})
    for chunk in _chunks(rows):
        conn.execute(insert(t.incident_events), list(chunk))
    stmt = update(t.events).where(t.events.c.event_id == bindparam("eid")).values(incident_id=bindparam("iid"))
    for chunk in _chunks(links):
        conn.execute(stmt, [{"eid": e, "iid": i} for i, e in chunk])


# ------------------------------------------------------------------------------ entry points


def attach(conn: Connection, coded: Sequence[tuple[Document, Sequence[Event]]],
           threshold: Optional[float] = None, window: int = DATE_WINDOW) -> MergeResult:
    """Merge the events of `coded` (just inserted through `conn`) into the stored incidents.

    Args:
        conn: the open transaction that stored the documents and events.
        coded: (document, events) pairs; the documents give the text evidence.
        threshold: least score to join; None: the one of the last rebuild (`meta`), else THRESHOLD.
        window: largest date difference, in days, within an incident.
    RETURNS (MergeResult): the incidents of the components the new events touched.
    """
    _lock(conn)
    threshold = stored_threshold(conn) if threshold is None else threshold
    new: list[Profile] = []
    for doc, events in coded:
        events = list(events)
        if events:
            new += build_for_document(events, doc.text, doc.published)
    if not new:
        return MergeResult()
    _store_profiles(conn, new)
    new_ids = {p.event_id for p in new}
    candidates = _candidates(conn, new, window)
    others = _profiles(conn, {c for found in candidates.values() for c in found} - new_ids)
    known = {**others, **{p.event_id: p for p in new}}
    scored: dict[tuple[str, str], Match] = {}
    for p in new:
        for c in sorted(candidates[p.event_id]):
            key = pair_key(p.event_id, c)
            if key in scored or c not in known:
                continue
            other = known[c]
            if other.doc_id == p.doc_id:
                continue  # the queries of `_candidates` are the blocking relation itself
            a, b = (p, other) if p.event_id <= c else (other, p)
            match = compare(a, b, window)
            if match is not None:
                scored[key] = match
    _store_edges(conn, scored, threshold)
    component, matches = _component(conn, new_ids)
    profiles = _profiles(conn, component)
    part = partition(profiles, matches, threshold, window)
    result = result_from(part, _events(conn, component))
    _replace_incidents(conn, component, result)
    return result


def rebuild(store, threshold: float = THRESHOLD, window: int = DATE_WINDOW) -> MergeResult:
    """Recompute every profile, pair and incident of `store` from its documents and events.

    What `eventcoder merge` runs: after an upgrade, to change the threshold, or to check that
    incremental merging left the store as a rebuild would. One transaction.
    """
    t = _tables()
    with store._writing("rebuild the incidents"), store.engine.begin() as conn:
        _lock(conn)
        for table in (t.merge_edges, t.merge_keys, t.merge_profiles, t.incident_events, t.incidents):
            conn.execute(delete(table))
        conn.execute(update(t.events).values(incident_id=None))
        by_doc: dict[str, list[Event]] = defaultdict(list)
        for row in conn.execute(select(t.events).order_by(t.events.c.event_id)).mappings():
            by_doc[row["doc_id"]].append(Event(**dict(row)))
        profiles: list[Profile] = []
        doc_ids = sorted(by_doc)
        d = t.documents.c
        for chunk in _chunks(doc_ids):
            for doc_id, text, published in conn.execute(select(d.doc_id, d.text, d.published)
                                                        .where(d.doc_id.in_(chunk))):
                profiles += build_for_document(by_doc[doc_id], text, published)
        _store_profiles(conn, profiles)
        matches = score_pairs(profiles, window)
        _store_edges(conn, matches, threshold)
        part = partition({p.event_id: p for p in profiles}, matches, threshold, window)
        events = {e.event_id: e for evs in by_doc.values() for e in evs}
        result = result_from(part, events)
        write_incidents(conn, result)
        _set_threshold(conn, threshold)
    return result


def incident_joins(conn: Connection, incident_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """event id -> {"role", "score", "with", "reason", "evidence", "date_from_incident"} as stored."""
    t = _tables()
    ie = t.incident_events.c
    out = {}
    for chunk in _chunks(sorted(set(incident_ids))):
        for event_id, role, joined in conn.execute(select(ie.event_id, ie.role, ie.joined)
                                                   .where(ie.incident_id.in_(chunk))):
            out[event_id] = {"role": role or "member", **(joined or {})}
    return out


__all__ = ["attach", "incident_joins", "rebuild", "stored_threshold", "write_incidents"]
