"""ACLED CSV export: ACLED's exact columns and order, derived cells (iso, region, text inter codes), quoting,
civilian targeting."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io

import pytest

from eventcoder.export import export
from eventcoder.export.acled_csv import acled_row, civilian_targeting, interaction_text, write_acled_csv
from eventcoder.schema import Document, Event

#: ACLED's export columns, in ACLED's order (typed out here, not read from the data file the writer uses)
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)


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


def write_rows(events, documents=None, **options):
    fh = io.StringIO(newline="")
    count = write_acled_csv(events, fh, documents, **options)
    rows = list(csv.DictReader(io.StringIO(fh.getvalue(), newline="")))
    assert count == len(rows)
    return fh.getvalue(), rows


def test_acled_csv_header_is_acled_columns_in_order(doc):
    text, _ = write_rows([make_event(doc)])
    assert next(csv.reader(io.StringIO(text))) == list(ACLED_COLUMNS)


def test_acled_csv_row_cells(doc):
    _, (row,) = write_rows([make_event(doc)])
    assert row["event_id_cnty"] == "d001-e1"
    assert row["event_date"] == "2025-03-13"
    assert row["year"] == "2025"
    assert row["inter1"] == "Political militia" and row["inter2"] == "Civilians"
    assert row["interaction"] == "Political militia-Civilians"
    assert row["iso"] == "706" and row["region"] == "Eastern Africa" and row["country"] == "Somalia"
    assert row["latitude"] == "2.0469"
    assert row["fatalities"] == "7"
    assert row["source"] == "Meridian Wire; Police Forces of Somalia"
    assert row["admin2"] == "" and row["tags"] == "" and row["source_scale"] == ""


def test_acled_csv_numeric_inter_codes_on_request(doc):
    _, (row,) = write_rows([make_event(doc)], inter="numeric")
    assert row["inter1"] == "3" and row["inter2"] == "7" and row["interaction"] == "37"


@pytest.mark.parametrize("inter1, inter2, expected", [
    (2, 1, "State forces-Rebel group"),
    (1, 1, "State forces-State forces"),
    (2, None, "Rebel group only"),
    (8, 7, "Civilians-External/Other forces"),
    (None, None, None),
])
def test_acled_csv_interaction_text(inter1, inter2, expected):
    assert interaction_text(inter1, inter2) == expected


def test_acled_csv_coordinates_have_four_decimals(doc):
    _, (row,) = write_rows([make_event(doc, latitude=2.046912345, longitude=45.31829999)])
    assert row["latitude"] == "2.0469" and row["longitude"] == "45.3183"


def test_acled_csv_timestamp_is_when_the_report_was_stored(doc):
    stored = dataclasses.replace(doc, ingested_at=dt.datetime(2025, 3, 14, 12, 0, tzinfo=dt.timezone.utc))
    _, (row,) = write_rows([make_event(doc)], {doc.doc_id: stored})
    assert row["timestamp"] == str(int(stored.ingested_at.timestamp())) == "1741953600"


def test_acled_csv_kosovo_iso_is_zero_as_in_acled(doc):
    _, (row,) = write_rows([make_event(doc, country="Kosovo", iso3="XKX")])
    assert row["iso"] == "0" and row["region"] == "Europe"


def test_acled_csv_row_has_one_cell_per_column(doc):
    assert len(acled_row(make_event(doc))) == len(ACLED_COLUMNS)


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
    ("Horn Observer", None, "Horn Observer"),
    (None, None, ""),
])
def test_acled_csv_source_without_chain_falls_back_to_outlet(doc, event_source, documents, expected):
    docs = {doc.doc_id: doc} if documents else None
    _, (row,) = write_rows([make_event(doc, source=event_source, source_chain=[])], docs)
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
