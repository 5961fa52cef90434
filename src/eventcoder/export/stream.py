"""Stream stored events or incidents as export `Row`s, a batch at a time, so memory stays flat.

`stored_rows` pages through `events` by keyset (undated events first, then by event_date and event_id) and
loads each batch's evidence, documents and incident reports with one query each; no connection stays open
while the caller writes. `stored_incident_rows` pages through incidents by id and builds each incident's
record (`merge.incident_record`) with its member events' evidence.

Example:
    >>> rows = stored_rows(store, country="Somalia", main=True)
    >>> export(rows, "gdelt-tsv", sys.stdout)
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Optional

from sqlalchemy import and_, or_, select

from ..store import tables as t
from .rows import Report, Row

#: events (or incidents) loaded per batch
BATCH = 500


def _event_conditions(country: Optional[str], main: Optional[bool], date_from: Optional[dt.date],
                      date_to: Optional[dt.date]) -> list[Any]:
    c = t.events.c
    conditions: list[Any] = []
    if country is not None:
        conditions.append(c.country == country)
    if main is not None:
        conditions.append(c.main == main)
    if date_from is not None:
        conditions.append(c.event_date >= date_from)
    if date_to is not None:
        conditions.append(c.event_date <= date_to)
    return conditions


def _id_pages(store, conditions: list[Any], batch: int) -> Iterator[list[str]]:
    """Pages of event ids: undated events by id, then dated ones by (event_date, event_id)."""
    c = t.events.c
    last: Optional[str] = None
    while True:  # undated (none when a date bound is given)
        query = select(c.event_id).where(c.event_date.is_(None), *conditions).order_by(c.event_id).limit(batch)
        if last is not None:
            query = query.where(c.event_id > last)
        with store.engine.connect() as conn:
            ids = list(conn.execute(query).scalars())
        if not ids:
            break
        yield ids
        last = ids[-1]
    after: Optional[tuple[dt.date, str]] = None
    while True:
        query = (select(c.event_id, c.event_date).where(c.event_date.is_not(None), *conditions)
                 .order_by(c.event_date, c.event_id).limit(batch))
        if after is not None:
            query = query.where(or_(c.event_date > after[0], and_(c.event_date == after[0], c.event_id > after[1])))
        with store.engine.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:
            return
        yield [r[0] for r in rows]
        after = (rows[-1][1], rows[-1][0])


def incident_reports(store, incident_ids: set[str]) -> dict[str, tuple[Report, ...]]:
    """The member reports of each incident (event, document, outlet, url, title, published)."""
    if not incident_ids:
        return {}
    ie, ev, d = t.incident_events.c, t.events.c, t.documents.c
    query = (select(ie.incident_id, ev.event_id, ev.doc_id, ev.source, d.source, d.url, d.title, d.published)
             .select_from(t.incident_events.join(t.events, ie.event_id == ev.event_id)
                          .join(t.documents, d.doc_id == ev.doc_id))
             .where(ie.incident_id.in_(sorted(incident_ids)), or_(ie.role == "member", ie.role.is_(None)))
             .order_by(ie.incident_id, ev.event_id))
    out: dict[str, list[Report]] = {}
    with store.engine.connect() as conn:
        for incident_id, event_id, doc_id, ev_source, outlet, url, title, published in conn.execute(query):
            out.setdefault(incident_id, []).append(Report(
                event_id, doc_id, outlet or ev_source, url, title, published.isoformat() if published else None))
    return {k: tuple(v) for k, v in out.items()}


def stored_rows(store, *, country: Optional[str] = None, main: Optional[bool] = None,
                date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None,
                batch: int = BATCH) -> Iterator[Row]:
    """Every stored event matching the filters as a Row (its document and its incident's reports).

    Args:
        store (Store): an open store.
        country (str | None): only this country; main (bool | None): only main (True) events.
        date_from, date_to (date | None): inclusive bounds on event_date (undated events are then left out).
        batch (int): events loaded per query.
    """
    conditions = _event_conditions(country, main, date_from, date_to)
    for ids in _id_pages(store, conditions, batch):
        events = {e.event_id: e for e in store.events(event_ids=ids)}
        documents = store.get_documents({e.doc_id for e in events.values()})
        reports = incident_reports(store, {e.incident_id for e in events.values() if e.incident_id})
        for event_id in ids:
            event = events.get(event_id)
            if event is not None:  # deleted between the two queries
                yield Row(event, documents.get(event.doc_id), reports.get(event.incident_id or "", ()))


def stored_incident_rows(store, *, country: Optional[str] = None, min_reports: int = 1,
                         date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None,
                         batch: int = BATCH // 5) -> Iterator[Row]:
    """Every stored incident as a Row: its canonical event, reports, member events and full record.

    Args:
        country (str | None): only incidents in this country; min_reports (int): told by at least this many
            reports; date_from, date_to (date | None): inclusive bounds on the canonical event_date.
    """
    from ..merge import incident_record
    from ..merge.incremental import incident_joins

    offset = 0
    while True:
        found = store.incidents(country=country, min_reports=min_reports, limit=batch, offset=offset)
        if not found:
            return
        offset += len(found)
        event_ids = [e for inc in found for e in inc.event_ids]
        events = {e.event_id: e for e in store.events(event_ids=event_ids)} if event_ids else {}
        documents = store.get_documents({e.doc_id for e in events.values()})
        with store.engine.connect() as conn:
            joins = incident_joins(conn, [inc.incident_id for inc in found])
        for incident in found:
            canon = incident.canonical
            if canon is None or not _in_dates(canon.event_date, date_from, date_to):
                continue
            record = incident_record(incident, events, documents, joins)
            reports = tuple(Report.from_record(r) for r in record["reports"] if r["role"] == "member")
            members = tuple(events[r.event_id] for r in reports if r.event_id in events)
            yield Row(canon, None, reports, members, record)


def _in_dates(day: Optional[dt.date], date_from: Optional[dt.date], date_to: Optional[dt.date]) -> bool:
    if date_from is None and date_to is None:
        return True
    if day is None:
        return False
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)
