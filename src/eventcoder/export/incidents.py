"""Incident export: one record per incident (cross-report clusters, see `merge`).

`--format jsonl` writes each incident's full record (`merge.incident_record`): its canonical
event (every Event field, `event_id` = `incident_id`), the fatality range across its reports,
and every report (outlet, url, title, published, its own date and toll, and why it joined:
score, evidence, the date it took from the incident when it had none).

The other formats write each incident's canonical event with the event exporters (ACLED CSV,
GDELT TSV, UCDP CSV, PLOVER JSONL, GeoJSON, Parquet): one row per real event, `fatalities` the
conservative figure and `fatalities_low` / `fatalities_high` the range, `source` and `source_chain`
the union of the reports' sources, GDELT's NumArticles / NumSources the incident's reports.

From the store, `stream.stored_incident_rows` yields the same rows a batch at a time (what
`eventcoder export --incidents` uses); the functions here take records already in memory.

Example:
    >>> records = store.incident_records(min_reports=2)
    >>> write_incident_records(records, "jsonl", fh)
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from ..schema import Event
from .rows import Report, Row


def write_incidents_jsonl(records: Iterable[dict[str, Any]], fh: TextIO) -> int:
    """One incident record (JSON) per line; RETURNS the number written."""
    count = 0
    for record in records:
        fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def canonical_events(records: Iterable[dict[str, Any]]) -> list[Event]:
    """The canonical event of each incident record (for the event exporters)."""
    return [Event.from_dict(r["canonical"]) for r in records if r.get("canonical")]


def incident_rows(records: Iterable[dict[str, Any]]) -> Iterator[Row]:
    """An export Row per incident record (its canonical event, member reports and the record itself)."""
    for record in records:
        if record.get("canonical"):
            reports = tuple(Report.from_record(r) for r in record.get("reports", []) if r.get("role") != "background")
            yield Row(Event.from_dict(record["canonical"]), None, reports, (), record)


def write_incident_records(records: Iterable[dict[str, Any]], fmt: str, fh, **options: Any) -> int:
    """Write incident records in `fmt` (jsonl: full records; others: canonical events)."""
    from . import export

    return export(incident_rows(records), fmt, fh, **options)
