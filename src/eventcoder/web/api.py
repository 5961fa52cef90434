"""Read routes: events (with the workbench's filters), map points, one event's card, documents,
incidents and their side-by-side comparison, search, stats, schema and exports of a filter.

Every event is its JSONL record (`export.jsonl.event_record`) with the reviewed values laid over
(`review.records.overlay`): `reviewed` says whether a reviewer changed or judged it, and
`review.coded` keeps the coded values that were replaced.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import func, select

from .. import __version__
from ..review.exports import csv_chunk, geojson_chunks
from ..review.records import audit_entries, effective_records, reviews_for
from ..schema import json_schema
from ..store import tables as t
from ..validate import INT_MAX
from .cache import cached_json
from .query import POINT_COLUMNS, EventFilters, event_filters
from .records import contexts, event_json
from .security import require_reader

MAX_LIMIT = 1000
#: most map points one request returns
MAX_POINTS = 50_000
#: fields compared across an incident's reports (the differences are listed)
COMPARE_FIELDS = ("event_date", "time_precision", "sub_event_type", "actor1", "actor2", "country", "admin1",
                  "location", "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "injured",
                  "source", "source_chain", "certainty", "claimed_by", "speculated_perpetrators")

router = APIRouter(dependencies=[Depends(require_reader)])


def _store(request: Request):
    return request.app.state.store


def records(store, events) -> list[dict[str, Any]]:
    """Events as effective JSON records (reviewed values over coded ones, flagged)."""
    context = contexts(store.engine, {e.doc_id for e in events})
    return effective_records(store.engine, [event_json(e, context.get(e.doc_id)) for e in events])


def _matching_ids(store, filters: EventFilters, limit: int | None, offset: int) -> list[str]:
    with store.engine.connect() as conn:
        query = filters.events_query(conn).with_only_columns(t.events.c.event_id).limit(limit).offset(offset or None)
        return list(conn.execute(query).scalars())


@router.get("/api/health", summary="Liveness and the store's row counts")
def health(request: Request) -> dict[str, Any]:
    return {"status": "ok", "version": __version__, "counts": _store(request).counts()}


@router.get("/api/events", summary="Events matching every filter, ordered by date (reviewed values, flagged)")
def events(request: Request, filters: EventFilters = Depends(event_filters),
           limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=INT_MAX)) -> Response:
    store = _store(request)

    def build() -> bytes:
        ids = _matching_ids(store, filters, limit, offset)
        found = store.events(event_ids=ids) if ids else []
        return _json({"limit": limit, "offset": offset, "count": len(found), "events": records(store, found)})
    return cached_json(request, build)


@router.get("/api/points", summary="Map points of every matching event: compact rows for the map and timeline")
def points(request: Request, filters: EventFilters = Depends(event_filters),
           limit: int = Query(20_000, ge=1, le=MAX_POINTS)) -> Response:
    """`columns` names each row's cells (POINT_COLUMNS, then `reviewed`); reviewed values replace coded ones."""
    return cached_json(request, lambda: _points(_store(request), filters, limit))


def _points(store, filters: EventFilters, limit: int) -> bytes:
    r = t.reviews.c
    with store.engine.connect() as conn:
        query = (filters.points_query(conn).add_columns(r.fields, r.status)
                 .outerjoin(t.reviews, r.event_id == t.events.c.event_id).limit(limit))
        rows = conn.execute(query).all()
    out = []
    for row in rows:
        cells = list(row[:len(POINT_COLUMNS)])
        fields, status = row[len(POINT_COLUMNS):]
        if fields:
            for i, name in enumerate(POINT_COLUMNS):
                if name in fields:
                    cells[i] = fields[name]
        if cells[5] is not None and not isinstance(cells[5], str):
            cells[5] = cells[5].isoformat()
        cells.append(status or (fields and "edited") or None)
        out.append(cells)
    return _json({"columns": [*POINT_COLUMNS, "reviewed"], "count": len(out), "truncated": len(out) == limit,
                  "points": out})


def _json(data: Any) -> bytes:
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=str).encode("utf-8")


@router.get("/api/events/{event_id}", summary="One event (reviewed values), its evidence and its report's text")
def event(request: Request, event_id: str) -> dict[str, Any]:
    store = _store(request)
    found = store.events(event_ids=[event_id])
    if not found:
        raise HTTPException(404, f"no event {event_id!r}")
    doc = store.get_document(found[0].doc_id)
    return {"event": records(store, found)[0], "document": doc.to_dict() if doc else None}


@router.get("/api/events/{event_id}/audit", summary="Every reviewer change to an event, oldest first")
def event_audit(request: Request, event_id: str) -> dict[str, Any]:
    store = _store(request)
    if not store.events(event_ids=[event_id]):
        raise HTTPException(404, f"no event {event_id!r}")
    return {"event_id": event_id, "audit": audit_entries(store.engine, event_id)}


@router.get("/api/documents/{doc_id}", summary="One report with every event coded from it")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    store = _store(request)
    doc = store.get_document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return {"document": doc.to_dict(), "events": records(store, store.events(doc_id=doc_id))}


@router.get("/api/incidents", summary="Incidents: one per real event, with every report that told it")
def incidents(request: Request, country: str | None = None,
              min_reports: int = Query(1, ge=1, le=INT_MAX, description="only incidents told by this many reports or more"),
              limit: int = Query(100, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=INT_MAX)) -> Response:
    """Each incident's record: canonical values (most precise date and place, conservative
    fatalities with the range across reports, union of sources), its reports (outlet, url,
    dates) and why each joined (score, evidence). Kept up to date by ingest."""
    store = _store(request)

    def build() -> bytes:
        total = store.incident_count(country=country, min_reports=min_reports)
        found = store.incident_records(country=country, min_reports=min_reports, limit=limit, offset=offset)
        return _json({"total": total, "limit": limit, "offset": offset, "incidents": found})
    return cached_json(request, build)


@router.get("/api/incidents/{incident_id}", summary="One incident with every report that told it")
def incident(request: Request, incident_id: str) -> dict[str, Any]:
    found = _store(request).incident_records([incident_id])
    if not found:
        raise HTTPException(404, f"no incident {incident_id!r}")
    return found[0]


@router.get("/api/incidents/{incident_id}/compare",
            summary="An incident's reports side by side: each one's values and the fields where they differ")
def compare(request: Request, incident_id: str) -> dict[str, Any]:
    store = _store(request)
    found = store.incidents([incident_id])
    if not found:
        raise HTTPException(404, f"no incident {incident_id!r}")
    reports = records(store, store.events(event_ids=found[0].event_ids))
    members = [r for r in reports if not r.get("background")]
    differ = [f for f in COMPARE_FIELDS
              if len({json.dumps(r.get(f), sort_keys=True) for r in members}) > 1]
    return {"incident_id": incident_id, "fields": list(COMPARE_FIELDS), "differ": differ,
            "canonical": found[0].canonical.to_dict() if found[0].canonical else None, "reports": reports}


@router.get("/api/incidents/{incident_id}/audit", summary="Every merge and split of an incident, oldest first")
def incident_audit(request: Request, incident_id: str) -> dict[str, Any]:
    return {"incident_id": incident_id, "audit": audit_entries(_store(request).engine, incident_id)}


@router.get("/api/search", summary="Full-text search of the reports")
def search(request: Request, q: str = Query(..., min_length=1, max_length=500),
           limit: int = Query(20, ge=1, le=200)) -> dict[str, Any]:
    store = _store(request)
    hits = store.search(q, limit)
    docs = store.get_documents([doc_id for doc_id, _ in hits])
    return {"query": q, "results": [
        {"doc_id": doc_id, "score": score, "title": docs[doc_id].title if doc_id in docs else None,
         "origin": docs[doc_id].origin if doc_id in docs else None} for doc_id, score in hits]}


@router.get("/api/stats", summary="Events by event type and by country; countries' first-level units")
def stats(request: Request) -> dict[str, Any]:
    store = _store(request)
    c = t.events.c
    with store.engine.connect() as conn:
        by_type = dict(conn.execute(select(c.event_type, func.count()).group_by(c.event_type)).all())
        by_country = dict(conn.execute(select(c.country, func.count()).group_by(c.country)).all())
        admin1 = conn.execute(select(c.country, c.admin1).where(c.admin1.is_not(None)).distinct()).all()
        reviewed = conn.execute(select(func.count()).select_from(t.reviews)).scalar_one()
    units: dict[str, list[str]] = {}
    for country, unit in sorted(admin1, key=lambda r: (r[0] or "", r[1])):
        units.setdefault(country or "", []).append(unit)
    return {"counts": {**store.counts(), "reviewed": reviewed},
            "by_event_type": {k or "": v for k, v in by_type.items()},
            "by_country": {k or "": v for k, v in by_country.items()}, "admin1": units}


@router.get("/api/schema", summary="JSON Schema of the records (events, documents, incidents)")
def schema() -> dict[str, Any]:
    return json_schema()


@router.get("/api/export", summary="Every event matching the filters as CSV (ACLED columns) or GeoJSON, "
            "with reviewed values and a `reviewed` flag")
def export(request: Request, filters: EventFilters = Depends(event_filters),
           format: Literal["csv", "geojson"] = "csv") -> StreamingResponse:
    store = _store(request)
    ids = _matching_ids(store, filters, None, 0)

    def pages() -> Iterator[tuple[list, dict, dict]]:
        for i in range(0, len(ids), 500):
            found = store.events(event_ids=ids[i:i + 500])
            with store.engine.connect() as conn:
                reviews = reviews_for(conn, ids[i:i + 500])
            yield found, reviews, store.get_documents({e.doc_id for e in found})

    def csv_body() -> Iterator[str]:
        header = True
        for found, reviews, docs in pages():
            yield csv_chunk(found, reviews, docs, header=header)
            header = False
        if header:
            yield csv_chunk([], {}, {})

    media = "text/csv; charset=utf-8" if format == "csv" else "application/geo+json"
    name = f"events.{format}"
    return StreamingResponse(csv_body() if format == "csv" else geojson_chunks(pages()), media_type=media,
                             headers={"content-disposition": f'attachment; filename="{name}"'})
