"""JSONL export: one standalone line per event, carrying its document's context."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json

import pytest

from eventcoder.export import EXPORTERS, export
from eventcoder.export.jsonl import event_record, write_jsonl
from eventcoder.schema import DOCUMENT_CONTEXT_FIELDS, Document, Event, Evidence


@pytest.fixture
def doc():
    return Document(text="Gunmen killed seven people in Mogadishu.", title="Seven killed, police say",
                    url="https://example.org/a", source="Meridian Wire", published=dt.date(2025, 3, 14),
                    origin="reports/d001.txt")


def make_event(doc, event_id="e1", **fields):
    fields.setdefault("event_date", dt.date(2025, 3, 13))
    fields.setdefault("evidence", [Evidence("fatalities", 14, 19, "seven")])
    return Event(event_id=event_id, doc_id=doc.doc_id, fatalities=7, source_chain=["Meridian Wire", "Police"],
                 **fields)


def read_lines(text):
    return [json.loads(line) for line in text.splitlines()]


def test_jsonl_line_carries_document_context(doc):
    fh = io.StringIO()
    write_jsonl([make_event(doc)], fh, {doc.doc_id: doc})
    (line,) = read_lines(fh.getvalue())
    assert line["origin"] == "reports/d001.txt"
    assert line["url"] == "https://example.org/a"
    assert line["title"] == "Seven killed, police say"
    assert line["published"] == "2025-03-14"


def test_jsonl_line_has_every_event_field(doc):
    line = event_record(make_event(doc), doc)
    missing = {f.name for f in dataclasses.fields(Event)} - set(line)
    assert not missing
    assert set(DOCUMENT_CONTEXT_FIELDS) <= set(line)


def test_jsonl_line_reads_back_as_the_event(doc):
    event = make_event(doc, source="Horn Observer", reasons={"fatalities": "lowest credible toll"})
    fh = io.StringIO()
    write_jsonl([event], fh, {doc.doc_id: doc})
    assert Event.from_dict(read_lines(fh.getvalue())[0]) == event


@pytest.mark.parametrize("event_source, expected", [(None, "Meridian Wire"), ("Horn Observer", "Horn Observer")])
def test_jsonl_source_falls_back_to_document(doc, event_source, expected):
    assert event_record(make_event(doc, source=event_source), doc)["source"] == expected


def test_jsonl_unknown_document_leaves_context_null(doc):
    line = event_record(make_event(doc))
    assert all(line[name] is None for name in DOCUMENT_CONTEXT_FIELDS)


def test_jsonl_one_line_per_event_non_ascii_kept(doc):
    events = [make_event(doc, "e1", notes="Attaque à Mopti\nsecond line"), make_event(doc, "e2")]
    fh = io.StringIO()
    assert write_jsonl(events, fh, {doc.doc_id: doc}) == 2
    text = fh.getvalue()
    assert text.count("\n") == 2 and "à" in text
    assert [line["event_id"] for line in read_lines(text)] == ["e1", "e2"]


def test_jsonl_export_registry(doc):
    fh = io.StringIO()
    assert export([make_event(doc)], "jsonl", fh, {doc.doc_id: doc}) == 1
    assert EXPORTERS["jsonl"] is write_jsonl
    assert read_lines(fh.getvalue())[0]["origin"] == "reports/d001.txt"


def test_jsonl_unknown_format_names_the_choices(doc):
    with pytest.raises(ValueError, match="choose one of: acled-csv, csv, gdelt-tsv, geojson, jsonl, parquet, plover-jsonl, ucdp-csv"):
        export([], "xlsx", io.StringIO())
