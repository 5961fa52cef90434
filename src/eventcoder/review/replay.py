"""Reviewers' incident merges and splits kept across a full `eventcoder merge` rebuild.

A rebuild recomputes every incident from the merger's scores. The reviewers' decisions are then
replayed from the audit trail, in the order they were made, on the events they named (incident ids
change with a rebuild, event ids do not):

* a `members` entry on an incident (written by every merge and split) lists events that a
  reviewer left together: if the rebuild spread them over several incidents, they are merged
  back into the incident of the first of them;
* `incident_id` entries on events (written by a split) name the events a reviewer moved out of
  an incident together: if the rebuild put them back with others, they are split off again.

Replaying writes no new audit entry (the decisions are already there) and adds or drops the
same reviewed edges in the pair graph as the original decision did, so later incremental merging
keeps them too. Events deleted since (a document re-coded) are skipped.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from itertools import groupby
from typing import Iterable

from sqlalchemy import Connection, Engine, delete, insert, select

from ..merge.cluster import incident_id_for
from ..store import tables as t
from .incidents import _drop_edges_between, _members, _move, _recanonical, _reviewed_edge


def _incident_of(conn: Connection, event_ids: Iterable[str]) -> dict[str, str]:
    ie = t.incident_events.c
    rows = conn.execute(select(ie.event_id, ie.incident_id).where(ie.event_id.in_(list(event_ids))))
    return {e: i for e, i in rows}


def _member_ids(conn: Connection, incident_id: str) -> list[str]:
    return [e for e, role in _members(conn, incident_id) if role == "member"]


def _together(conn: Connection, event_ids: list[str]) -> bool:
    """Merge the incidents holding `event_ids` into the one holding the first; True if anything moved."""
    where = _incident_of(conn, event_ids)
    present = [e for e in event_ids if e in where]
    incidents = list(dict.fromkeys(where[e] for e in present))
    if len(incidents) < 2:
        return False
    target = incidents[0]
    anchor = min(_member_ids(conn, target) or present)
    for other in incidents[1:]:
        everything = _members(conn, other)
        moved = [e for e, role in everything if role == "member"]
        _move(conn, [e for e, _ in everything], target)
        conn.execute(delete(t.incidents).where(t.incidents.c.incident_id == other))
        if moved:
            _reviewed_edge(conn, anchor, min(moved), "replayed")
    _recanonical(conn, target)
    return True


def _apart(conn: Connection, moving: list[str]) -> bool:
    """Split `moving` off the incident holding them when it holds others too; True if it did."""
    where = _incident_of(conn, moving)
    present = sorted(e for e in moving if e in where)
    incidents = {where[e] for e in present}
    if not present or len(incidents) != 1:
        return False
    incident_id = incidents.pop()
    members = _member_ids(conn, incident_id)
    rest = sorted(e for e in members if e not in set(present))
    if not rest or not set(present) <= set(members):
        return False
    new_id = incident_id_for(present)
    if new_id == incident_id or conn.execute(select(t.incidents.c.incident_id)
                                             .where(t.incidents.c.incident_id == new_id)).first():
        new_id = "R" + hashlib.sha1(" ".join(present).encode("utf-8")).hexdigest()[:15]
    conn.execute(insert(t.incidents).values(incident_id=new_id, canonical=None,
                                            created=dt.datetime.now(dt.timezone.utc)))
    _move(conn, present, new_id)
    _drop_edges_between(conn, present, rest)
    _recanonical(conn, incident_id)
    _recanonical(conn, new_id)
    return True


def replay_decisions(engine: Engine) -> int:
    """Re-apply every reviewer merge and split to the store's incidents; RETURNS how many changed them."""
    a = t.audit.c
    with engine.begin() as conn:
        rows = conn.execute(select(a.id, a.target_id, a.field, a.new, a.when)
                            .where(a.field.in_(["members", "incident_id"])).order_by(a.id)).all()
        changed = 0
        # the events one split moved share its time and their new incident: one group per decision
        for (field, when, new), group in groupby(rows, key=lambda r: (r.field, r.when,
                                                                    r.new if r.field == "incident_id" else r.id)):
            group = list(group)
            if field == "members":
                changed += _together(conn, [e for e in (group[0].new or []) if isinstance(e, str)])
            else:
                changed += _apart(conn, [r.target_id for r in group])
    return changed
