"""Parquet export (pyarrow): one row per event, typed columns, for analysis in pandas/DuckDB/R.

Columns are the JSONL record's (`jsonl.event_record`) in schema order: dates are `date32`,
counts and codes integers, `source_chain` and `speculated_perpetrators` lists of strings,
`evidence` a list of `{field, start, end, text}` structs and `reasons` a JSON string (its keys
vary by event). Parquet is binary: it is written to a file, never to a terminal.

Rows are written in row groups of `ROW_GROUP` events as they come, so memory stays flat however many
events the stream holds.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any, BinaryIO, Optional, Union

from ..schema import Document, Event
from .jsonl import event_record
from .rows import Item, as_rows

#: events per Parquet row group (and per batch held in memory)
ROW_GROUP = 2000

_DATES = ("event_date", "published")
_INTS = ("inter1", "inter2", "geo_precision", "time_precision", "fatalities", "fatalities_low",
         "fatalities_high", "injured", "ucdp_type")


def _schema():
    import pyarrow as pa

    evidence = pa.list_(pa.struct([("field", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                                   ("text", pa.string())]))
    return {"evidence": evidence, "source_chain": pa.list_(pa.string()),
            "speculated_perpetrators": pa.list_(pa.string()), "latitude": pa.float64(),
            "longitude": pa.float64(), "confidence": pa.float64(), "main": pa.bool_(), "background": pa.bool_(),
            **{name: pa.date32() for name in _DATES}, **{name: pa.int64() for name in _INTS}}


def _row(record: dict[str, Any]) -> dict[str, Any]:
    row = dict(record)
    for name in _DATES:
        if row.get(name):
            row[name] = dt.date.fromisoformat(str(row[name])[:10])
    row["reasons"] = json.dumps(row.get("reasons") or {}, ensure_ascii=False)
    return row


def write_parquet(events: Iterable[Item], fh: Union[BinaryIO, str],
                  documents: Optional[Mapping[str, Document]] = None) -> int:
    """Write `events` as one Parquet file to `fh` (a binary file or a path), a row group at a time.

    RETURNS (int): the row count.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = list(_row(event_record(Event(doc_id=""), None)))
    known = _schema()
    schema = pa.schema([pa.field(name, known.get(name, pa.string())) for name in names])
    count = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(fh, schema) as writer:
        for row in as_rows(events, documents):
            batch.append(_row(event_record(row.event, row.document)))
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
