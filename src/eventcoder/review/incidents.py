"""Merging and splitting incidents by hand, audited.

A merge moves every event of the other incidents into the target incident; a split moves some
member events into a new incident. Canonical records are recomputed with the merger's own rules
(`merge.canonical.canonical`). The pair graph incremental merging cuts incidents from
(`merge_edges`) is changed to match, so a later report that touches these events keeps the
reviewer's decision: a merge adds a reviewed edge (score 1.0) between the incidents, a split drops
the edges between the two parts. A full `eventcoder merge` rebuild recomputes the graph from the
scores and then replays these decisions from the audit trail (`review.replay`).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Sequence
from typing import Any, Optional

from sqlalchemy import Connection, Engine, and_, delete, insert, or_, select, update

from ..merge.canonical import canonical
from ..merge.cluster import incident_id_for
from ..schema import AuditEntry, Event
from ..store import tables as t
from .errors import ReviewError


def _members(conn: Connection, incident_id: str) -> list[tuple[str, str]]:
    """(event_id, role) of an incident, or ReviewError 404."""
    if conn.execute(select(t.incidents.c.incident_id).where(t.incidents.c.incident_id == incident_id)).first() is None:
        raise ReviewError(f"no incident {incident_id!r}", status=404)
    ie = t.incident_events.c
    rows = conn.execute(select(ie.event_id, ie.role).where(ie.incident_id == incident_id).order_by(ie.event_id))
    return [(e, role or "member") for e, role in rows]


def _recanonical(conn: Connection, incident_id: str) -> None:
    ids = [e for e, role in _members(conn, incident_id) if role == "member"]
    rows = conn.execute(select(t.events).where(t.events.c.event_id.in_(ids))).mappings().all()
    members = [Event(**dict(row)) for row in rows]
    record = canonical(members, incident_id).to_dict() if members else None
    conn.execute(update(t.incidents).where(t.incidents.c.incident_id == incident_id).values(canonical=record))


def _move(conn: Connection, event_ids: Sequence[str], to: str) -> None:
    conn.execute(update(t.incident_events).where(t.incident_events.c.event_id.in_(list(event_ids)))
                 .values(incident_id=to))
    conn.execute(update(t.events).where(t.events.c.event_id.in_(list(event_ids))).values(incident_id=to))


def _reviewed_edge(conn: Connection, x: str, y: str, who: str) -> None:
    """A reviewer's merge as an edge of the pair graph (score 1.0), unless the pair has one."""
    a, b = sorted((x, y))
    me = t.merge_edges.c
    if not conn.execute(select(me.a).where(me.a == a, me.b == b)).first():
        conn.execute(insert(t.merge_edges).values(a=a, b=b, score=1.0, evidence={"review": who}))


def _drop_edges_between(conn: Connection, xs: Sequence[str], ys: Sequence[str]) -> None:
    """A reviewer's split: no edge of the pair graph joins the two parts any more."""
    me = t.merge_edges.c
    conn.execute(delete(t.merge_edges).where(or_(and_(me.a.in_(list(xs)), me.b.in_(list(ys))),
                                                 and_(me.a.in_(list(ys)), me.b.in_(list(xs))))))


def _check_reason(reason: Optional[str]) -> str:
    if not (reason or "").strip():
        raise ReviewError("merging or splitting incidents needs a reason")
    return reason.strip()[:2000]


def merge_incidents(engine: Engine, target_id: str, other_ids: Sequence[str], reason: Optional[str],
                    who: str) -> dict[str, Any]:
    """Move every event of `other_ids` into `target_id` and drop the others.

    RETURNS (dict): incident_id, members (event ids), merged (the incidents dropped).
    Raises:
        ReviewError: 404 for an unknown incident, 422 for no other incident or no reason.
    """
    reason = _check_reason(reason)
    others = [i for i in dict.fromkeys(other_ids) if i != target_id]
    if not others:
        raise ReviewError("merge needs at least one other incident than the target")
    now = dt.datetime.now(dt.timezone.utc)
    with engine.begin() as conn:
        before = _members(conn, target_id)
        entries = []
        for other in others:
            moved = _members(conn, other)
            _move(conn, [e for e, _ in moved], target_id)
            conn.execute(delete(t.incidents).where(t.incidents.c.incident_id == other))
            entries.append(AuditEntry(other, "merged_into", None, target_id, reason, who, now))
            if before and moved:
                _reviewed_edge(conn, min(e for e, _ in before), min(e for e, _ in moved), who)
        after = _members(conn, target_id)
        entries.append(AuditEntry(target_id, "members", [e for e, _ in before], [e for e, _ in after], reason,
                                  who, now))
        _recanonical(conn, target_id)
        conn.execute(insert(t.audit), [dataclasses.asdict(e) for e in entries])
    return {"incident_id": target_id, "members": [e for e, _ in after], "merged": others}


def split_incident(engine: Engine, incident_id: str, event_ids: Sequence[str], reason: Optional[str],
                   who: str) -> dict[str, Any]:
    """Move `event_ids` (some of the incident's members) into a new incident.

    RETURNS (dict): incident_id (the old one), members (what is left), new_incident_id, new_members.
    Raises:
        ReviewError: 404 for an unknown incident, 422 when the events are not a proper part of it.
    """
    reason = _check_reason(reason)
    now = dt.datetime.now(dt.timezone.utc)
    with engine.begin() as conn:
        before = _members(conn, incident_id)
        members = {e for e, role in before if role == "member"}
        moving = sorted(set(event_ids))
        strangers = [e for e in moving if e not in members]
        if not moving or strangers or len(moving) >= len(members):
            raise ReviewError(f"split needs some, not all, of the incident's member events {sorted(members)}"
                              + (f"; not members: {strangers}" if strangers else ""))
        new_id = incident_id_for(moving)
        if conn.execute(select(t.incidents.c.incident_id).where(t.incidents.c.incident_id == new_id)).first():
            new_id = "R" + hashlib.sha1(" ".join(moving).encode("utf-8")).hexdigest()[:15]
        conn.execute(insert(t.incidents).values(incident_id=new_id, canonical=None, created=now))
        _move(conn, moving, new_id)
        rest = sorted(e for e, _ in before if e not in set(moving))
        _drop_edges_between(conn, moving, rest)
        _recanonical(conn, incident_id)
        _recanonical(conn, new_id)
        entries = [AuditEntry(incident_id, "members", [e for e, _ in before], rest, reason, who, now),
                   AuditEntry(new_id, "split_from", None, incident_id, reason, who, now)]
        entries += [AuditEntry(e, "incident_id", incident_id, new_id, reason, who, now) for e in moving]
        conn.execute(insert(t.audit), [dataclasses.asdict(e) for e in entries])
    return {"incident_id": incident_id, "members": rest, "new_incident_id": new_id, "new_members": moving}
