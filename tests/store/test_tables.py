"""Tables are generated from schema.py: every field has a home and a sensible type."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Optional

import pytest
from sqlalchemy import JSON, BigInteger, Boolean, Date, Float, Text

from eventcoder.schema import AuditEntry, Document, Event, Evidence, Failure
from eventcoder.store import tables


@pytest.mark.parametrize(
    "record, table",
    [(Document, tables.documents), (Evidence, tables.evidence), (Failure, tables.failures),
     (AuditEntry, tables.audit)],
)
def test_tables_every_field_has_a_column(record, table):
    missing = {f.name for f in dataclasses.fields(record)} - set(table.c.keys())
    if record is Document:  # a document's warnings are rows of `failures` (W2xx codes, issue 19)
        assert missing == set(tables.DOCUMENT_CHILD_FIELDS) and "code" in tables.failures.c
    else:
        assert not missing


def test_tables_every_event_field_is_stored():
    """Each Event field is a column of `events` or, for child lists, its own table."""
    for f in dataclasses.fields(Event):
        if f.name in tables.EVENT_CHILD_FIELDS:
            child = tables.metadata.tables[tables.EVENT_CHILD_FIELDS[f.name]]
            assert "event_id" in child.c
        else:
            assert f.name in tables.events.c, f.name
    assert "evidence" not in tables.events.c


@pytest.mark.parametrize(
    "hint, sa_type, nullable",
    [
        (str, Text, False),
        (Optional[str], Text, True),
        (int, BigInteger, False),
        (Optional[float], Float, True),
        (bool, Boolean, False),
        (Optional[dt.date], Date, True),
        (Optional[dt.datetime], tables.UTCDateTime, True),
        (list[str], JSON, False),
        (dict[str, str], JSON, False),
        (Any, JSON, True),
        (Optional[Event], JSON, True),
    ],
)
def test_tables_column_type(hint, sa_type, nullable):
    got_type, got_nullable = tables.column_type(hint)
    assert isinstance(got_type, sa_type)
    assert got_nullable is nullable


def test_tables_unknown_type_is_refused():
    with pytest.raises(TypeError, match="no column type"):
        tables.column_type(complex)


def test_tables_event_columns_keep_schema_order():
    expected = [f.name for f in dataclasses.fields(Event) if f.name not in tables.EVENT_CHILD_FIELDS]
    assert list(tables.events.c.keys()) == expected


@pytest.mark.parametrize("column", ["event_date", "country", "admin1", "sub_event_type", "actor1", "doc_id"])
def test_tables_events_indexed(column):
    indexed = {c.name for index in tables.events.indexes for c in index.columns}
    assert column in indexed
