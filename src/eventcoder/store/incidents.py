"""Incidents (cross-report clusters of events): a mixin of `Store` used by `merge.py`.

An incident is a row of `incidents` (id, canonical record as JSON, created), its member
events are rows of `incident_events`, and each member's `events.incident_id` names it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Optional

from sqlalchemy import bindparam, delete, insert, select, update

from ..schema import Event, Incident
from . import tables as t

_CHUNK = 500


def _event(row: Any) -> Event:
    return Event(**dict(row._mapping))


class IncidentMixin:
    """Store methods for incidents."""

    engine: Any

    def events_for_merge(self, *, assigned: Optional[bool] = None, countries: Iterable[str] | None = None,
                         date_from: dt.date | None = None, date_to: dt.date | None = None,
                         incident_ids: Iterable[str] | None = None) -> list[Event]:
        """Events (without evidence) for the merger.

        Args:
            assigned (bool | None): True: only events already in an incident; False: only
                events in none; None: all.
            countries (Iterable[str] | None): only these countries.
            date_from, date_to (date | None): inclusive bounds on event_date.
            incident_ids (Iterable[str] | None): only members of these incidents.
        """
        c = t.events.c
        conditions = []
        if assigned is not None:
            conditions.append(c.incident_id.is_not(None) if assigned else c.incident_id.is_(None))
        if date_from is not None:
            conditions.append(c.event_date >= date_from)
        if date_to is not None:
            conditions.append(c.event_date <= date_to)
        query = select(t.events).where(*conditions).order_by(c.event_id)
        column, wanted = c.country, sorted(set(countries)) if countries is not None else None
        if incident_ids is not None:
            column, wanted = c.incident_id, sorted(set(incident_ids))
        with self.engine.connect() as conn:
            if wanted is None:
                return [_event(row) for row in conn.execute(query)]
            out: list[Event] = []
            for i in range(0, len(wanted), _CHUNK):
                out.extend(_event(row) for row in conn.execute(query.where(column.in_(wanted[i:i + _CHUNK]))))
            return out

    def save_incidents(self, incidents: Sequence[Incident], background_links: dict[str, str] | None = None) -> None:
        """Write (insert or replace) these incidents and point their events at them, in one transaction.

        Args:
            incidents: incidents whose membership or canonical record changed.
            background_links: background event id -> incident id (a link, not a member
                of the canonical record).
        """
        now = dt.datetime.now(dt.timezone.utc)
        ids = [inc.incident_id for inc in incidents]
        links = [(inc.incident_id, e) for inc in incidents for e in inc.event_ids]
        links += [(i, e) for e, i in (background_links or {}).items()]
        event_ids = [e for _, e in links]
        with self._writing("store incidents"), self.engine.begin() as conn:  # type: ignore[attr-defined]
            for i in range(0, len(ids), _CHUNK):
                chunk = ids[i:i + _CHUNK]
                conn.execute(delete(t.incident_events).where(t.incident_events.c.incident_id.in_(chunk)))
                conn.execute(delete(t.incidents).where(t.incidents.c.incident_id.in_(chunk)))
            for i in range(0, len(event_ids), _CHUNK):
                conn.execute(delete(t.incident_events).where(t.incident_events.c.event_id.in_(event_ids[i:i + _CHUNK])))
            if incidents:
                conn.execute(insert(t.incidents), [
                    {"incident_id": inc.incident_id, "created": now,
                     "canonical": inc.canonical.to_dict() if inc.canonical else None} for inc in incidents])
            if links:
                conn.execute(insert(t.incident_events), [{"incident_id": i, "event_id": e} for i, e in links])
                stmt = (update(t.events).where(t.events.c.event_id == bindparam("eid"))
                        .values(incident_id=bindparam("iid")))
                conn.execute(stmt, [{"eid": e, "iid": i} for i, e in links])

    def incidents(self, incident_ids: Iterable[str] | None = None) -> list[Incident]:
        """Stored incidents (members in event_id order), by incident_id."""
        query = select(t.incidents).order_by(t.incidents.c.incident_id)
        members: dict[str, list[str]] = {}
        with self.engine.connect() as conn:
            if incident_ids is not None:
                wanted = sorted(set(incident_ids))
                rows = []
                for i in range(0, len(wanted), _CHUNK):
                    rows += conn.execute(query.where(t.incidents.c.incident_id.in_(wanted[i:i + _CHUNK]))).mappings().all()
            else:
                rows = conn.execute(query).mappings().all()
            link_query = select(t.incident_events).order_by(t.incident_events.c.event_id)
            for row in conn.execute(link_query).mappings():
                members.setdefault(row["incident_id"], []).append(row["event_id"])
        return [Incident(incident_id=row["incident_id"], event_ids=members.get(row["incident_id"], []),
                         canonical=Event.from_dict(row["canonical"]) if row["canonical"] else None)
                for row in rows]

    def incident_count(self) -> int:
        """Number of stored incidents."""
        from sqlalchemy import func

        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.incidents)).scalar_one()
