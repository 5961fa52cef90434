"""Exports with the reviewed values: the project's CSV and GeoJSON exporters, each row flagged.

The events are given to the ordinary exporters (`export.export`) with their reviewed values laid
over, so the columns are exactly the CSV export's, followed by `reviewed` (true/false) and
`review_status` (accepted / rejected / edited, empty when never reviewed). Each GeoJSON feature's
properties also carry `reviewed` and `review` (status, who, and the coded values replaced).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Optional

from ..export import export
from ..schema import Document, Event, _to_jsonable
from .records import reviewed_event

#: the flag columns after the export's own
REVIEW_COLUMNS = ("reviewed", "review_status")
EXPORT_FORMATS = ("csv", "geojson")


def _exported(events: Sequence[Event], reviews: Mapping[str, dict], documents: Mapping[str, Document],
              fmt: str) -> str:
    buffer = io.StringIO(newline="")
    export([reviewed_event(e, reviews.get(e.event_id)) for e in events], fmt, buffer, documents)
    return buffer.getvalue()


def csv_chunk(events: Sequence[Event], reviews: Mapping[str, dict], documents: Mapping[str, Document],
              header: bool = True) -> str:
    """CSV text of `events` (reviewed values), each row followed by the REVIEW_COLUMNS flags."""
    rows = list(csv.reader(io.StringIO(_exported(events, reviews, documents, "csv"), newline="")))
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    if header:
        writer.writerow([*rows[0], *REVIEW_COLUMNS])
    for event, row in zip(events, rows[1:]):
        review = reviews.get(event.event_id)
        writer.writerow([*row, "true" if review else "false", (review or {}).get("status") or ""])
    return out.getvalue()


def features(events: Sequence[Event], reviews: Mapping[str, dict],
             documents: Mapping[str, Document]) -> list[dict[str, Any]]:
    """GeoJSON Features of `events` (reviewed values and coordinates), with `reviewed` and `review`."""
    found = json.loads(_exported(events, reviews, documents, "geojson"))["features"]
    for event, feature in zip(events, found):
        review = reviews.get(event.event_id)
        coded = {name: getattr(event, name) for name in (review or {}).get("fields") or {}}
        feature["properties"]["reviewed"] = bool(review)
        feature["properties"]["review"] = None if not review else {
            "status": review.get("status"), "who": review.get("who"), "coded": _to_jsonable(coded)}
    return found


def geojson_chunks(pages: Iterator[tuple[Sequence[Event], Mapping[str, dict], Mapping[str, Document]]]) -> Iterator[str]:
    """A FeatureCollection written page by page (each page: events, their reviews, their documents)."""
    yield '{"type": "FeatureCollection", "features": ['
    sep = ""
    for events, reviews, documents in pages:
        for feature in features(events, reviews, documents):
            yield sep + "\n" + json.dumps(feature, ensure_ascii=False)
            sep = ","
    yield "\n]}\n"


def reviewed_rows(store, rows, stats: Optional[dict] = None, batch: int = 500):
    """`rows` (export Rows of events) with the reviewed values (`eventcoder export --reviewed`).

    Each reviewed event gets `reasons["review"]` = its status, and each replaced field
    `reasons[field]` = "reviewed (<status> by <who>)", so formats that carry `reasons` (jsonl, parquet)
    flag it. Events a reviewer rejected are left out (counted in `stats["rejected"]`).
    """
    import dataclasses
    from itertools import islice

    from .records import reviews_for

    stats = stats if stats is not None else {}
    stats.setdefault("rejected", 0)
    stats.setdefault("reviewed", 0)
    rows = iter(rows)
    while True:
        page = list(islice(rows, batch))
        if not page:
            return
        with store.engine.connect() as conn:
            reviews = reviews_for(conn, [row.event.event_id for row in page])
        for row in page:
            review = reviews.get(row.event.event_id)
            if review is None:
                yield row
                continue
            if review.get("status") == "rejected":
                stats["rejected"] += 1
                continue
            stats["reviewed"] += 1
            event = reviewed_event(row.event, review)
            why = f"reviewed ({review.get('status')} by {review.get('who')})"
            reasons = {**event.reasons, "review": review.get("status") or "reviewed",
                       **{name: why for name in review.get("fields") or {}}}
            yield dataclasses.replace(row, event=dataclasses.replace(event, reasons=reasons))
