"""Event records for the API, built fast: the same JSON object as `export.jsonl.event_record`
(every Event field, then the report's context fields), without the generic dataclass walk and
without reading the reports' texts. A test checks the two stay equal."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable
from typing import Any, Optional

from sqlalchemy import select

from ..schema import DOCUMENT_CONTEXT_FIELDS, Event
from ..store import tables as t

_EVENT_FIELDS = tuple(f.name for f in dataclasses.fields(Event))
#: the document columns a record carries (its context, and the outlet when the event has none)
_CONTEXT_COLUMNS = tuple(dict.fromkeys(("doc_id", *DOCUMENT_CONTEXT_FIELDS, "source")))


@functools.lru_cache(maxsize=None)
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


_SCALARS = frozenset((str, int, float, bool, type(None)))


def _plain(value: Any) -> Any:
    if type(value) in _SCALARS:  # most fields: nothing to convert
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _names(type(value))}
    return value


def event_json(event: Event, context: Optional[dict[str, Any]]) -> dict[str, Any]:
    """`event_record(event, document)` from the document's context columns (`contexts`)."""
    record = {name: _plain(getattr(event, name)) for name in _EVENT_FIELDS}
    context = context or {}
    for name in DOCUMENT_CONTEXT_FIELDS:
        record[name] = context.get(name)
    if not record.get("source"):
        record["source"] = context.get("source")
    return record


def contexts(engine, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """doc_id -> the report's context fields (JSON-ready), texts left in the database."""
    wanted = sorted(set(doc_ids))
    columns = [t.documents.c[name] for name in _CONTEXT_COLUMNS]
    out: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            for row in conn.execute(select(*columns).where(t.documents.c.doc_id.in_(wanted[i:i + 500]))).mappings():
                out[row["doc_id"]] = {k: _plain(v) for k, v in row.items()}
    return out
