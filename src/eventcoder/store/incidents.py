"""Incidents (cross-report clusters of events): a mixin of `Store`.

An incident is a row of `incidents` (id, canonical record as JSON, created); its member events
and linked background events are rows of `incident_events` (with `role`, `score` and `joined`:
why the event is there), and each one's `events.incident_id` names it. They are written by
merging (`merge.incremental`): on every write of events (`add_batch`, `add_coded`), and by a
full rebuild (`eventcoder merge`).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Optional

from sqlalchemy import distinct, func, or_, select

from ..schema import Event, Incident
from . import tables as t

_CHUNK = 500


class IncidentMixin:
    """Store methods for incidents."""

    engine: Any

    def _incident_query(self, country: Optional[str], min_reports: int):
        ie, ev = t.incident_events.c, t.events.c
        members = (select(ie.incident_id.label("incident_id"), func.count(distinct(ev.doc_id)).label("n"),
                          func.min(ev.country).label("country"))
                   .select_from(t.incident_events.join(t.events, ie.event_id == ev.event_id))
                   .where(or_(ie.role == "member", ie.role.is_(None)))
                   .group_by(ie.incident_id).subquery())
        query = (select(t.incidents, members.c.n).join(members, members.c.incident_id == t.incidents.c.incident_id))
        if min_reports > 1:
            query = query.where(members.c.n >= min_reports)
        if country is not None:
            query = query.where(members.c.country == country)
        return query

    def incidents(self, incident_ids: Iterable[str] | None = None, *, country: Optional[str] = None,
                  min_reports: int = 1, limit: Optional[int] = None, offset: int = 0) -> list[Incident]:
        """Stored incidents by incident_id; `event_ids` are members then linked background events.

        Args:
            incident_ids: only these incidents.
            country: only incidents in this country.
            min_reports: only incidents told by at least this many reports.
            limit, offset: paging.
        """
        query = self._incident_query(country, min_reports).order_by(t.incidents.c.incident_id)
        rows = []
        with self.engine.connect() as conn:
            if incident_ids is not None:
                wanted = sorted(set(incident_ids))
                for i in range(0, len(wanted), _CHUNK):
                    chunk = query.where(t.incidents.c.incident_id.in_(wanted[i:i + _CHUNK]))
                    rows += conn.execute(chunk).mappings().all()
                rows = rows[offset:offset + limit if limit is not None else None]
            else:
                rows = conn.execute(query.limit(limit).offset(offset or None)).mappings().all()
            members = self._members(conn, [row["incident_id"] for row in rows])
        return [Incident(incident_id=row["incident_id"], event_ids=members.get(row["incident_id"], []),
                         canonical=Event.from_dict(row["canonical"]) if row["canonical"] else None)
                for row in rows]

    @staticmethod
    def _members(conn, incident_ids: list[str]) -> dict[str, list[str]]:
        ie = t.incident_events.c
        out: dict[str, list[tuple[bool, str]]] = {}
        for i in range(0, len(incident_ids), _CHUNK):
            query = select(ie.incident_id, ie.event_id, ie.role).where(ie.incident_id.in_(incident_ids[i:i + _CHUNK]))
            for incident_id, event_id, role in conn.execute(query):
                out.setdefault(incident_id, []).append((role == "background", event_id))
        return {k: [e for _, e in sorted(v)] for k, v in out.items()}

    def incident_count(self, *, country: Optional[str] = None, min_reports: int = 1) -> int:
        """Number of stored incidents (with the filters of `incidents`)."""
        query = self._incident_query(country, min_reports).subquery()
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(query)).scalar_one()

    def incident_records(self, incident_ids: Iterable[str] | None = None, *, country: Optional[str] = None,
                         min_reports: int = 1, limit: Optional[int] = None, offset: int = 0) -> list[dict[str, Any]]:
        """Incidents as JSON records (`merge.incident_record`): canonical values, fatality range,
        and every report with its outlet, dates and why it joined. Filters as `incidents`."""
        from ..merge import incident_record
        from ..merge.incremental import incident_joins

        found = self.incidents(incident_ids, country=country, min_reports=min_reports, limit=limit, offset=offset)
        event_ids = [e for inc in found for e in inc.event_ids]
        stored = self.events(event_ids=event_ids) if event_ids else []  # type: ignore[attr-defined]
        events = {e.event_id: e for e in stored}
        documents = self.get_documents({e.doc_id for e in events.values()})  # type: ignore[attr-defined]
        with self.engine.connect() as conn:
            joins = incident_joins(conn, [inc.incident_id for inc in found])
        return [incident_record(inc, events, documents, joins) for inc in found]
