"""The workbench's filters as one object, turned into SQL over `events` (SQLite and PostgreSQL).

Filters: country, admin1, event type, sub-type, actor (any actor field, case-insensitive part),
certainty, minimum confidence, date range, a full-text query over the reports, a bounding box,
main events only. They apply to the coded values (indexed columns); a reviewed value is shown in
place of the coded one but does not move an event between filters.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Optional

from fastapi import HTTPException, Query
from sqlalchemy import Select, func, or_, select

from ..schema import CERTAINTY, EVENT_TYPES, SUB_TO_TYPE
from ..store import tables as t
from ..store.migrations import search_documents

#: reports a text query may match (the events of at most this many reports are shown)
MAX_TEXT_HITS = 2000
#: the columns of one map point, in order (GET /api/points)
POINT_COLUMNS = ("event_id", "latitude", "longitude", "event_type", "sub_event_type", "event_date",
                 "fatalities", "country", "admin1", "location", "actor1", "actor2", "certainty", "incident_id")


@dataclasses.dataclass
class EventFilters:
    """Every filter of the list, map, timeline and exports (all optional, all combined with AND)."""

    country: Optional[str] = None
    admin1: Optional[str] = None
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None
    actor: Optional[str] = None
    certainty: Optional[str] = None
    min_confidence: Optional[float] = None
    date_from: Optional[dt.date] = None
    date_to: Optional[dt.date] = None
    q: Optional[str] = None
    bbox: Optional[str] = None
    main: Optional[bool] = None
    doc_id: Optional[str] = None
    incident_id: Optional[str] = None

    def check(self) -> "EventFilters":
        """Raise HTTP 422 with a clear message for a value no event can have."""
        if self.event_type is not None and self.event_type not in EVENT_TYPES:
            raise HTTPException(422, f"unknown event_type {self.event_type!r}; one of {list(EVENT_TYPES)}")
        if self.sub_event_type is not None and self.sub_event_type not in SUB_TO_TYPE:
            raise HTTPException(422, f"unknown sub_event_type {self.sub_event_type!r}")
        if self.certainty is not None and self.certainty not in CERTAINTY:
            raise HTTPException(422, f"unknown certainty {self.certainty!r}; one of {list(CERTAINTY)}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise HTTPException(422, "date_from is after date_to")
        self.box()
        return self

    def box(self) -> Optional[tuple[float, float, float, float]]:
        """The bounding box as (west, south, east, north), or None."""
        if not self.bbox:
            return None
        try:
            west, south, east, north = (float(x) for x in self.bbox.split(","))
        except ValueError:
            raise HTTPException(422, f"bbox {self.bbox!r} is not west,south,east,north in degrees") from None
        if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
            raise HTTPException(422, f"bbox {self.bbox!r}: need -90 <= south <= north <= 90 and longitudes in ±180")
        return west, south, east, north

    def conditions(self, conn) -> list[Any]:
        """SQL conditions on `events` (the text query runs the full-text search through `conn`)."""
        c = t.events.c
        out = [column == value for column, value in (
            (c.country, self.country), (c.admin1, self.admin1), (c.event_type, self.event_type),
            (c.sub_event_type, self.sub_event_type), (c.certainty, self.certainty), (c.main, self.main),
            (c.doc_id, self.doc_id), (c.incident_id, self.incident_id)) if value is not None]
        if self.min_confidence is not None:
            out.append(c.confidence >= self.min_confidence)
        if self.date_from is not None:
            out.append(c.event_date >= self.date_from)
        if self.date_to is not None:
            out.append(c.event_date <= self.date_to)
        if self.actor:
            pattern = f"%{self.actor.lower()}%"
            out.append(or_(*(func.lower(col).like(pattern) for col in
                             (c.actor1, c.actor2, c.assoc_actor_1, c.assoc_actor_2, c.claimed_by))))
        box = self.box()
        if box:
            west, south, east, north = box
            out.append(c.latitude.between(south, north))
            # a box across the antimeridian has west > east
            out.append(c.longitude.between(west, east) if west <= east
                       else or_(c.longitude >= west, c.longitude <= east))
        if self.q:
            doc_ids = [doc_id for doc_id, _ in search_documents(conn, self.q, MAX_TEXT_HITS)]
            out.append(c.doc_id.in_(doc_ids or [""]))
        return out

    def events_query(self, conn) -> Select:
        """SELECT of the matching events, ordered by date then id."""
        return select(t.events).where(*self.conditions(conn)).order_by(t.events.c.event_date, t.events.c.event_id)

    def points_query(self, conn) -> Select:
        """SELECT of the matching events' map points (POINT_COLUMNS)."""
        c = t.events.c
        return (select(*(c[name] for name in POINT_COLUMNS)).where(*self.conditions(conn))
                .order_by(c.event_date, c.event_id))


def event_filters(country: Optional[str] = None, admin1: Optional[str] = None,
                  event_type: Optional[str] = None, sub_event_type: Optional[str] = None,
                  actor: Optional[str] = Query(None, max_length=200, description="part of any actor's name"),
                  certainty: Optional[str] = None,
                  min_confidence: Optional[float] = Query(None, ge=0, le=1),
                  date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None,
                  q: Optional[str] = Query(None, max_length=500, description="words every report must contain"),
                  bbox: Optional[str] = Query(None, description="west,south,east,north (degrees)"),
                  main: Optional[bool] = None, doc_id: Optional[str] = None,
                  incident_id: Optional[str] = None) -> EventFilters:
    """FastAPI dependency: the filters from the query string, checked."""
    return EventFilters(country=country, admin1=admin1, event_type=event_type, sub_event_type=sub_event_type,
                        actor=actor, certainty=certainty, min_confidence=min_confidence, date_from=date_from,
                        date_to=date_to, q=q, bbox=bbox, main=main, doc_id=doc_id, incident_id=incident_id).check()
