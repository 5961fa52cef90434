"""Incident export: one record per incident (cross-report clusters, see `merge`).

`--format jsonl` writes each incident's full record (`merge.incident_record`): its canonical
event (every Event field, `event_id` = `incident_id`), the fatality range across its reports,
and every report (outlet, url, title, published, its own date and toll, and why it joined:
score, evidence, the date it took from the incident when it had none).

The other formats write each incident's canonical event with the event exporters (ACLED CSV,
GeoJSON, Parquet): one row per real event, `fatalities` the conservative figure and
`fatalities_low` / `fatalities_high` the range, `source` and `source_chain` the union of the
reports' sources.

Example:
    >>> records = store.incident_records(min_reports=2)
    >>> write_incident_records(records, "jsonl", fh)
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from ..schema import Event


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


def write_incident_records(records: Iterable[dict[str, Any]], fmt: str, fh) -> int:
    """Write incident records in `fmt` (jsonl: full records; others: canonical events)."""
    if fmt == "jsonl":
        return write_incidents_jsonl(records, fh)
    from . import export

    return export(canonical_events(records), fmt, fh)
