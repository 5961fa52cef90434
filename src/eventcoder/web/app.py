"""REST API over a store: events with filters and paging, one event with its report and evidence,
documents, incidents, full-text search, counts and the record schema. Read-only.

    eventcoder serve --db eventcoder.db        # http://127.0.0.1:8000/ (page), /docs (OpenAPI)

Every event is returned as its JSONL record (`export.jsonl.event_record`: every schema field,
evidence offsets included, plus the report's origin/url/title/published), so the API, the store
and the exports share one field list (`schema.py`).
"""
from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any, Optional

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse
from sqlalchemy import func, select

from .. import __version__
from ..export.jsonl import event_record
from ..schema import EVENT_TYPES, SUB_TO_TYPE, json_schema

MAX_LIMIT = 1000


def create_app(db: Optional[str] = None, store=None) -> FastAPI:
    """The FastAPI application over `store` (or the store at `db`, opened and initialised)."""
    if store is None:
        from ..store import Store

        store = Store.open(db)
        store.init()
    app = FastAPI(title="eventcoder", version=__version__,
                  description="Conflict events coded from news reports, with evidence spans. Read-only.")
    app.state.store = store

    def records(events) -> list[dict[str, Any]]:
        docs = store.get_documents({e.doc_id for e in events})
        return [event_record(e, docs.get(e.doc_id)) for e in events]

    @app.get("/api/health", summary="Liveness and the store's row counts")
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "counts": store.counts()}

    @app.get("/api/events", summary="Events matching every filter, ordered by date")
    def events(country: Optional[str] = None, admin1: Optional[str] = None,
               event_type: Optional[str] = None, sub_event_type: Optional[str] = None,
               date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None,
               main: Optional[bool] = None, doc_id: Optional[str] = None,
               limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        if event_type is not None and event_type not in EVENT_TYPES:
            raise HTTPException(422, f"unknown event_type {event_type!r}; one of {list(EVENT_TYPES)}")
        if sub_event_type is not None and sub_event_type not in SUB_TO_TYPE:
            raise HTTPException(422, f"unknown sub_event_type {sub_event_type!r}")
        if date_from and date_to and date_from > date_to:
            raise HTTPException(422, "date_from is after date_to")
        found = store.events(country=country, admin1=admin1, event_type=event_type,
                             sub_event_type=sub_event_type, date_from=date_from, date_to=date_to,
                             main=main, doc_id=doc_id, limit=limit, offset=offset)
        return {"limit": limit, "offset": offset, "count": len(found), "events": records(found)}

    @app.get("/api/events/{event_id}", summary="One event, its evidence and its report's text")
    def event(event_id: str) -> dict[str, Any]:
        found = store.events(event_ids=[event_id])
        if not found:
            raise HTTPException(404, f"no event {event_id!r}")
        doc = store.get_document(found[0].doc_id)
        return {"event": records(found)[0], "document": doc.to_dict() if doc else None}

    @app.get("/api/documents/{doc_id}", summary="One report with every event coded from it")
    def document(doc_id: str) -> dict[str, Any]:
        doc = store.get_document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return {"document": doc.to_dict(), "events": records(store.events(doc_id=doc_id))}

    @app.get("/api/incidents", summary="Incidents: one per real event, with every report that told it")
    def incidents(country: Optional[str] = None,
                  min_reports: int = Query(1, ge=1, description="only incidents told by this many reports or more"),
                  limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)) -> dict[str, Any]:
        """Each incident's record: canonical values (most precise date and place, conservative
        fatalities with the range across reports, union of sources), its reports (outlet, url,
        dates) and why each joined (score, evidence). Kept up to date by ingest."""
        total = store.incident_count(country=country, min_reports=min_reports)
        found = store.incident_records(country=country, min_reports=min_reports, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "incidents": found}

    @app.get("/api/incidents/{incident_id}", summary="One incident with every report that told it")
    def incident(incident_id: str) -> dict[str, Any]:
        found = store.incident_records([incident_id])
        if not found:
            raise HTTPException(404, f"no incident {incident_id!r}")
        return found[0]

    @app.get("/api/search", summary="Full-text search of the reports")
    def search(q: str = Query(..., min_length=1), limit: int = Query(20, ge=1, le=200)) -> dict[str, Any]:
        hits = store.search(q, limit)
        docs = store.get_documents([doc_id for doc_id, _ in hits])
        return {"query": q, "results": [
            {"doc_id": doc_id, "score": score, "title": docs[doc_id].title if doc_id in docs else None,
             "origin": docs[doc_id].origin if doc_id in docs else None} for doc_id, score in hits]}

    @app.get("/api/stats", summary="Events by event type and by country")
    def stats() -> dict[str, Any]:
        from ..store import tables as t

        c = t.events.c
        with store.engine.connect() as conn:
            by_type = dict(conn.execute(select(c.event_type, func.count()).group_by(c.event_type)).all())
            by_country = dict(conn.execute(select(c.country, func.count()).group_by(c.country)).all())
        return {"counts": store.counts(), "by_event_type": {k or "": v for k, v in by_type.items()},
                "by_country": {k or "": v for k, v in by_country.items()}}

    @app.get("/api/schema", summary="JSON Schema of the records (events, documents, incidents)")
    def schema() -> dict[str, Any]:
        return json_schema()

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> str:
        return resources.files(__package__).joinpath("static/index.html").read_text(encoding="utf-8")

    return app
