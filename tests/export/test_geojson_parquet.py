"""GeoJSON and Parquet exports: every event kept, typed columns, evidence and context carried."""
from __future__ import annotations

import datetime as dt
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventcoder.cli import cli
from eventcoder.export import BINARY_FORMATS, export
from eventcoder.export.geojson import write_geojson
from eventcoder.export.parquet import write_parquet
from eventcoder.schema import Document, Event, Evidence
from eventcoder.store import Store


@pytest.fixture
def doc():
    return Document(text="Gunmen killed seven people in Mogadishu.", title="Seven killed", source="Meridian Wire",
                    published=dt.date(2025, 3, 14), origin="reports/d001.txt")


@pytest.fixture
def events(doc):
    placed = Event(event_id="e1", doc_id=doc.doc_id, event_date=dt.date(2025, 3, 13), fatalities=7,
                   latitude=2.0371, longitude=45.3438, location="Mogadishu", country="Somalia",
                   source_chain=["Meridian Wire", "Police Forces of Somalia"], reasons={"fatalities": "one figure"},
                   evidence=[Evidence("fatalities", 14, 19, "seven"), Evidence("location", 30, 39, "Mogadishu")])
    country_only = Event(event_id="e2", doc_id=doc.doc_id, country="Somalia", fatalities=0)
    return [placed, country_only]


def test_geojson_points_are_lon_lat_and_unplaced_events_stay(doc, events):
    fh = io.StringIO()
    assert write_geojson(events, fh, {doc.doc_id: doc}) == 2
    data = json.loads(fh.getvalue())
    assert data["type"] == "FeatureCollection"
    first, second = data["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [45.3438, 2.0371]}
    assert first["id"] == "e1" and first["properties"]["title"] == "Seven killed"
    assert first["properties"]["evidence"][1] == {"field": "location", "start": 30, "end": 39, "text": "Mogadishu"}
    assert second["geometry"] is None and second["properties"]["country"] == "Somalia"


def test_geojson_empty_collection_is_valid_json():
    fh = io.StringIO()
    assert write_geojson([], fh) == 0
    assert json.loads(fh.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_columns_are_typed(tmp_path, doc, events):
    path = tmp_path / "e.parquet"
    with open(path, "wb") as fh:
        assert export(events, "parquet", fh, {doc.doc_id: doc}) == 2
    table = pq.read_table(path)
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("fatalities").type) == "int64"
    rows = table.to_pylist()
    assert rows[0]["event_date"] == dt.date(2025, 3, 13) and rows[0]["published"] == dt.date(2025, 3, 14)
    assert rows[0]["source_chain"] == ["Meridian Wire", "Police Forces of Somalia"]
    assert rows[0]["evidence"][0] == {"field": "fatalities", "start": 14, "end": 19, "text": "seven"}
    assert json.loads(rows[0]["reasons"]) == {"fatalities": "one figure"}
    assert rows[1]["event_date"] is None and rows[1]["latitude"] is None


def test_parquet_empty_table_keeps_the_columns(tmp_path):
    path = tmp_path / "empty.parquet"
    assert write_parquet([], str(path)) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and "event_id" in table.schema.names and "evidence" in table.schema.names


def test_cli_export_geojson_and_parquet(tmp_path, doc, events):
    db = str(tmp_path / "x.db")
    with Store.open(db) as store:
        store.init()
        store.add_coded(doc, events)
    runner = CliRunner()
    geo = runner.invoke(cli, ["export", "--db", db, "--format", "geojson"])
    assert geo.exit_code == 0 and len(json.loads(geo.output)["features"]) == 2
    out = tmp_path / "x.parquet"
    assert runner.invoke(cli, ["export", "--db", db, "--format", "parquet", "--out", str(out)]).exit_code == 0
    assert pq.read_table(out).num_rows == 2
    refused = runner.invoke(cli, ["export", "--db", db, "--format", "parquet"])
    assert refused.exit_code == 2 and "--out" in refused.output
    assert BINARY_FORMATS == {"parquet"}
