"""JSON Lines export: one Event per line, each line standing alone.

A line holds every Event field (`Event.to_dict()`, evidence included) followed by the
document context named in `schema.DOCUMENT_CONTEXT_FIELDS` (origin, url, title,
published), so a line can be read, filtered or shipped without the database. An event
without its own `source` takes its document's outlet. Context keys are always present
(null when the document is unknown), so every line has the same keys.

Example line (abridged):
    {"event_id": "d001-e1", "doc_id": "61d2…", …, "origin": "reports/d001.txt",
     "url": null, "title": "Suicide bomber strikes…", "published": "2025-03-14"}
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Optional, TextIO

from ..schema import DOCUMENT_CONTEXT_FIELDS, Document, Event
from .rows import Item, as_rows


def event_record(event: Event, document: Optional[Document] = None) -> dict[str, Any]:
    """The standalone JSON object of one event.

    Args:
        event (Event): the coded event.
        document (Document | None): its report; None leaves the context fields null.
    RETURNS (dict[str, Any]): Event fields, then DOCUMENT_CONTEXT_FIELDS; JSON-ready.
    """
    record = event.to_dict()
    context = document.to_dict() if document is not None else {}
    for name in DOCUMENT_CONTEXT_FIELDS:
        record[name] = context.get(name)
    if not record.get("source"):
        record["source"] = context.get("source")
    return record


def write_jsonl(
    events: Iterable[Item], fh: TextIO, documents: Optional[Mapping[str, Document]] = None
) -> int:
    """Write one standalone JSON object per event and line, streaming.

    An incident Row (`export --incidents`) is written as its full incident record
    (`merge.incident_record`: canonical values, fatality range, every report).

    Args:
        events (Iterable[Event | Row]): what to write, in order.
        fh (TextIO): a text stream (UTF-8; non-ASCII is written as is).
        documents (Mapping[str, Document] | None): documents by doc_id, for the context.
    RETURNS (int): the number of lines written.
    """
    count = 0
    for row in as_rows(events, documents):
        record = row.record if row.record is not None else event_record(row.event, row.document)
        fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count
