"""ACLED CSV export: column order, derived cells, quoting, civilian targeting."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from eventcoder.export import export
from eventcoder.export.acled_csv import acled_row, civilian_targeting, write_acled_csv
from eventcoder.schema import ACLED_COLUMNS, Document, Event


@pytest.fixture
def doc():
    return Document(text="Gunmen killed seven people in Mogadishu.", source="Meridian Wire",
                    published=dt.date(2025, 3, 14))


def make_event(doc, **fields):
    base = dict(event_id="d001-e1", doc_id=doc.doc_id, event_date=dt.date(2025, 3, 13), time_precision=1,
                event_type="Violence against civilians", sub_event_type="Attack",
                disorder_type="Political violence", actor1="Unidentified Armed Group (Somalia)", inter1=3,
                actor2="Civilians (Somalia)", inter2=7, interaction="37", country="Somalia", iso3="SOM",
                admin1="Banadir", location="Mogadishu", latitude=2.0469, longitude=45.3182,
                geo_precision=1, fatalities=7, source_chain=["Meridian Wire", "Police Forces of Somalia"],
                certainty="reported")
    base.update(fields)
    return Event(**base)


def write_rows(events, documents=None):
    fh = io.StringIO(newline="")
    count = write_acled_csv(events, fh, documents)
    rows = list(csv.DictReader(io.StringIO(fh.getvalue(), newline="")))
    assert count == len(rows)
    return fh.getvalue(), rows


def test_acled_csv_header_is_acled_columns_in_order(doc):
    text, _ = write_rows([make_event(doc)])
    assert next(csv.reader(io.StringIO(text))) == list(ACLED_COLUMNS)


def test_acled_csv_row_cells(doc):
    _, (row,) = write_rows([make_event(doc)])
    assert row["event_date"] == "2025-03-13"
    assert row["year"] == "2025"
    assert row["inter1"] == "3" and row["inter2"] == "7" and row["interaction"] == "37"
    assert row["latitude"] == "2.0469"
    assert row["fatalities"] == "7"
    assert row["source_chain"] == "Meridian Wire; Police Forces of Somalia"
    assert row["main"] == "true"
    assert row["admin2"] == "" and row["claimed_by"] == ""
    assert row["doc_id"] == doc.doc_id


def test_acled_csv_row_has_one_cell_per_column(doc):
    assert len(acled_row(make_event(doc))) == len(ACLED_COLUMNS)


def test_acled_csv_background_event_is_false(doc):
    _, (row,) = write_rows([make_event(doc, main=False, background=True)])
    assert row["main"] == "false"


def test_acled_csv_missing_date_leaves_year_empty(doc):
    _, (row,) = write_rows([make_event(doc, event_date=None)])
    assert row["year"] == "" and row["event_date"] == ""


@pytest.mark.parametrize(
    "notes",
    ['Gunmen, wearing uniforms, opened fire.', 'Police said "at least seven" died.', "Line one.\nLine two."],
)
def test_acled_csv_quotes_commas_quotes_and_newlines(doc, notes):
    _, (row,) = write_rows([make_event(doc, notes=notes)])
    assert row["notes"] == notes


@pytest.mark.parametrize("event_source, documents, expected", [
    (None, "doc", "Meridian Wire"),
    ("Horn Observer", "doc", "Horn Observer"),
    (None, None, ""),
])
def test_acled_csv_source_falls_back_to_document(doc, event_source, documents, expected):
    docs = {doc.doc_id: doc} if documents else None
    _, (row,) = write_rows([make_event(doc, source=event_source)], docs)
    assert row["source"] == expected


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({}, "Civilians targeted"),  # VAC with Civilians as actor2
        ({"actor2": None, "inter2": None}, "Civilians targeted"),  # VAC is civilian targeting by definition
        ({"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
         "Civilians targeted"),
        ({"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
          "actor2": "Al Shabaab", "assoc_actor_2": "Civilians (Somalia)"}, ""),
        ({"event_type": "Battles", "sub_event_type": "Armed clash", "actor2": "Civilians (Somalia)"}, ""),
        ({"event_type": "Protests", "sub_event_type": "Excessive force against protesters",
          "actor2": "Protesters (Somalia)"}, "Civilians targeted"),
        ({"event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": "Protesters (Somalia)",
          "actor2": None}, ""),
    ],
)
def test_acled_csv_civilian_targeting(doc, fields, expected):
    assert civilian_targeting(make_event(doc, **fields)) == expected


def test_acled_csv_via_export_registry(doc):
    fh = io.StringIO(newline="")
    assert export([make_event(doc), make_event(doc, event_id="d001-e2")], "csv", fh) == 2
    assert fh.getvalue().count("\r\n") == 3  # header + 2 rows, RFC 4180 line ends
