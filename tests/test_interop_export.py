"""`eventcoder export` end to end: every format streamed from a store and read back (csv module, pyarrow,
json) gives the stored values; GeoJSON checked against RFC 7946 by hand; incidents one row each; the
store is paged (keyset) without losing, repeating or reordering events."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventcoder.cli import cli
from eventcoder.export.crosswalk import columns
from eventcoder.export.stream import stored_incident_rows, stored_rows
from eventcoder.schema import Document, Event, Evidence
from eventcoder.store import Store, tables
from eventcoder.store.migrations import drop_fulltext

NOTES = 'Gunmen, in uniform, said "we are police";\nseven died.'


def _events(doc: Document, n: int, day0: dt.date, **fields) -> list[Event]:
    out = []
    for k in range(n):
        out.append(Event(
            event_id=f"{doc.doc_id}-e{k + 1}", doc_id=doc.doc_id, main=k == 0,
            event_date=None if k == 2 else day0 + dt.timedelta(days=k % 3), time_precision=1 + k % 3,
            event_type="Violence against civilians", sub_event_type="Attack", disorder_type="Political violence",
            actor1="Unidentified Armed Group (Somalia)", inter1=3, actor2="Civilians (Somalia)", inter2=7,
            interaction="37", country="Somalia", iso3="SOM", admin1="Banadir", location="Mogadishu",
            latitude=2.0469 + k / 1000, longitude=45.3182 - k / 1000, geo_precision=1, fatalities=k,
            fatalities_high=k + 2, source_chain=[doc.source or "", "Police Forces of Somalia"], notes=NOTES,
            certainty="reported", cameo_code="180", plover_type="ASSAULT", plover_mode="firearms",
            ucdp_type=3 if k else None, source=doc.source, evidence=[Evidence("fatalities", 0, 6, "Gunmen")], **fields))
    return out


PG_URL = os.environ.get("EVENTCODER_TEST_PG_URL")


def _drop_all(url: str) -> None:
    with Store.open(url) as store:
        with store.engine.begin() as conn:
            drop_fulltext(conn)
        tables.metadata.drop_all(store.engine)


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def db(request, tmp_path):
    """A store with 2 reports (7 events, one undated) and one Kenyan report, on each backend under test."""
    path = str(tmp_path / "x.db") if request.param == "sqlite" else PG_URL
    if request.param == "postgresql":
        _drop_all(path)
        request.addfinalizer(lambda: _drop_all(path))
    docs = [Document(text=f"Report {i}: gunmen killed people in Mogadishu.", source=f"Outlet {i}",
                     url=f"https://outlet{i}.example/a", title=f"Title {i}", published=dt.date(2025, 3, 14),
                     ingested_at=dt.datetime(2025, 3, 14, 8, i, tzinfo=dt.timezone.utc)) for i in range(2)]
    kenya = Document(text="Police dispersed protesters in Kisumu.", source="Lake Daily", published=dt.date(2025, 4, 2))
    with Store.open(path) as store:
        store.init()
        store.add_coded(docs[0], _events(docs[0], 4, dt.date(2025, 3, 12)))
        store.add_coded(docs[1], _events(docs[1], 3, dt.date(2025, 3, 12)))
        store.add_coded(kenya, [Event(
            event_id=f"{kenya.doc_id}-e1", doc_id=kenya.doc_id, event_date=dt.date(2025, 4, 1), time_precision=1,
            event_type="Protests", sub_event_type="Protest with intervention", disorder_type="Demonstrations",
            actor1="Protesters (Kenya)", inter1=6, actor2="Police Forces of Kenya (2022-)", inter2=1,
            interaction="16", country="Kenya", iso3="KEN", admin1="Kisumu", location="Kisumu", latitude=-0.1022,
            longitude=34.7617, geo_precision=1, fatalities=0, cameo_code="141", plover_type="PROTEST",
            plover_mode="demo", source="Lake Daily")])
    return path


def _stored(db) -> dict[str, Event]:
    with Store.open(db) as store:
        return {e.event_id: e for e in store.events()}


def _export(db, *args) -> str:
    result = CliRunner().invoke(cli, ["export", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


# ------------------------------------------------------------------ streaming from the store


def test_stored_rows_pages_every_event_once_in_order(db):
    with Store.open(db) as store:
        expected = [e.event_id for e in store.events()]
        paged = [row.event.event_id for row in stored_rows(store, batch=2)]
        assert sorted(paged) == sorted(expected) and len(paged) == len(set(paged)) == 8
        undated = [r.event.event_date for r in stored_rows(store, batch=2)][:2]
        assert undated == [None, None]  # undated first, then by date and id
        dated = [(r.event.event_date, r.event.event_id) for r in stored_rows(store, batch=3) if r.event.event_date]
        assert dated == sorted(dated)
        rows = list(stored_rows(store, batch=2, country="Somalia", date_from=dt.date(2025, 3, 13)))
        assert {r.event.event_date for r in rows} == {dt.date(2025, 3, 13)} and len(rows) == 2
        assert all(r.document is not None and r.document.doc_id == r.event.doc_id for r in rows)
        assert [r.event.event_id for r in stored_rows(store, main=True)] == sorted(
            [r.event.event_id for r in stored_rows(store, main=True)],
            key=lambda i: next(e.event_date for e in store.events() if e.event_id == i))


def test_stored_rows_carry_their_incident_reports(db):
    with Store.open(db) as store:
        for row in stored_rows(store):
            incident = row.event.incident_id
            assert incident, "ingest attaches every event to an incident"
            members = [e for e in store.events() if e.incident_id == incident and not e.background]
            assert {r.event_id for r in row.reports} == {e.event_id for e in members}
            assert row.n_articles == len({e.doc_id for e in members})


# ------------------------------------------------------------------ every format read back


def test_acled_csv_round_trip(db):
    stored = _stored(db)
    rows = list(csv.DictReader(io.StringIO(_export(db, "--format", "acled-csv"), newline="")))
    assert tuple(rows[0]) == columns("acled-csv") and len(rows) == len(stored)
    for row in rows:
        event = stored[row["event_id_cnty"]]
        assert row["event_date"] == (event.event_date.isoformat() if event.event_date else "")
        assert row["notes"] == (event.notes or "") and row["actor1"] == event.actor1
        assert int(row["fatalities"]) == event.fatalities and float(row["latitude"]) == round(event.latitude, 4)
        assert row["iso"] == {"SOM": "706", "KEN": "404"}[event.iso3]
        assert row["region"] == "Eastern Africa" and row["country"] == event.country
    alias = _export(db, "--format", "csv", "--acled-inter", "numeric")
    assert next(csv.DictReader(io.StringIO(alias)))["inter1"] in {"3", "6"}


def test_gdelt_tsv_round_trip_with_pyarrow(db):
    stored = _stored(db)
    text = _export(db, "--format", "gdelt-tsv")
    codes = {name: pa.string() for name in ("EventCode", "EventBaseCode", "EventRootCode", "GlobalEventID", "Day")}
    table = pacsv.read_csv(io.BytesIO(text.encode("utf-8")), parse_options=pacsv.ParseOptions(delimiter="\t"),
                           convert_options=pacsv.ConvertOptions(column_types=codes))
    assert table.num_columns == 61 and table.num_rows == len(stored)
    by_url = {}
    for row in table.to_pylist():
        by_url.setdefault(row["SOURCEURL"], []).append(row)
        assert row["EventCode"] in {"180", "141"} and row["EventRootCode"] == row["EventCode"][:2]
        assert row["QuadClass"] == 4 and row["GoldsteinScale"] in (-9.0, -6.5)
    kenya = next(e for e in stored.values() if e.country == "Kenya")
    (k,) = by_url["Lake Daily"]  # no URL: the outlet's name
    assert (k["Day"], k["ActionGeo_CountryCode"], k["Actor2Code"]) == ("20250401", "KE", "KENCOP")
    assert k["ActionGeo_Lat"] == pytest.approx(kenya.latitude) and k["IsRootEvent"] == 1
    assert len(by_url["https://outlet0.example/a"]) == 4


def test_ucdp_csv_round_trip(db):
    stored = _stored(db)
    rows = list(csv.DictReader(io.StringIO(_export(db, "--format", "ucdp-csv"))))
    in_scope = [e for e in stored.values() if e.fatalities >= 1]  # the protest and the 0-death attacks are out
    assert {r["id"] for r in rows} == {e.event_id for e in in_scope}
    for row in rows:
        event = stored[row["id"]]
        assert (int(row["best"]), int(row["low"]), int(row["high"])) == (event.fatalities, event.fatalities,
                                                                         event.fatalities_high)
        assert row["date_prec"] == {1: "1", 2: "3", 3: "4"}[event.time_precision]
        assert row["side_b"] == "Civilians" and row["type_of_violence"] == "3"


def test_plover_jsonl_and_jsonl_round_trip(db):
    stored = _stored(db)
    plover = [json.loads(line) for line in _export(db, "--format", "plover-jsonl").splitlines()]
    assert {p["id"] for p in plover} == set(stored)
    for record in plover:
        event = stored[record["id"]]
        assert record["dead"] == event.fatalities and record["event"] == event.plover_type
        assert record["date"] == (event.event_date.isoformat() if event.event_date else None)
        assert [e["text"] for e in record["evidence"]] == [e.text for e in event.evidence]
    lines = [json.loads(line) for line in _export(db, "--format", "jsonl").splitlines()]
    assert {line["event_id"]: Event.from_dict(line) for line in lines} == stored


def test_parquet_round_trip(db, tmp_path):
    stored = _stored(db)
    out = tmp_path / "e.parquet"
    _export(db, "--format", "parquet", "--out", str(out))
    rows = pq.read_table(out).to_pylist()
    assert {r["event_id"] for r in rows} == set(stored)
    for row in rows:
        event = stored[row["event_id"]]
        assert (row["event_date"], row["fatalities"], row["notes"]) == (event.event_date, event.fatalities, event.notes)
        assert row["source_chain"] == event.source_chain


def _check_rfc7946(data: dict) -> None:
    """RFC 7946: a FeatureCollection of Features; Point coordinates [lon, lat] in range; no 'crs' member."""
    assert data["type"] == "FeatureCollection" and isinstance(data["features"], list) and "crs" not in data
    for feature in data["features"]:
        assert feature["type"] == "Feature" and set(feature) >= {"geometry", "properties"}
        assert isinstance(feature.get("id"), (str, int, float))
        assert feature["properties"] is None or isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert geometry["type"] == "Point" and len(geometry["coordinates"]) == 2
        lon, lat = geometry["coordinates"]
        assert all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_is_valid_rfc7946_and_lon_lat(db):
    stored = _stored(db)
    data = json.loads(_export(db, "--format", "geojson"))
    _check_rfc7946(data)
    for feature in data["features"]:
        event = stored[feature["id"]]
        assert feature["geometry"]["coordinates"] == [round(event.longitude, 6), round(event.latitude, 6)]
    _check_rfc7946(json.loads(_export(db, "--format", "geojson", "--incidents")))


# ------------------------------------------------------------------ incidents and filters


def test_export_incidents_one_row_each_with_report_counts(db):
    with Store.open(db) as store:
        incidents = {inc.incident_id: inc for inc in store.incidents()}
        records = {r["incident_id"]: r for r in store.incident_records()}
        rows = list(stored_incident_rows(store, batch=2))
    assert {r.event.event_id for r in rows} == set(incidents)
    text = _export(db, "--format", "gdelt-tsv", "--incidents")
    table = list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(table) == len(incidents)
    from eventcoder.export.gdelt_tsv import global_event_id

    by_id = {global_event_id(i): i for i in incidents}
    for row in table:
        record = records[by_id[int(row["GlobalEventID"])]]
        assert int(row["NumArticles"]) == record["n_reports"]
    full = [json.loads(line) for line in _export(db, "--incidents").splitlines()]
    assert {r["incident_id"] for r in full} == set(incidents) and all("reports" in r for r in full)


def test_export_filters_and_header_option(db):
    kenya = list(csv.DictReader(io.StringIO(_export(db, "--format", "acled-csv", "--country", "Kenya"))))
    assert [r["country"] for r in kenya] == ["Kenya"]
    dated = list(csv.DictReader(io.StringIO(_export(db, "--format", "acled-csv", "--from", "2025-03-13",
                                                    "--to", "2025-03-13"))))
    assert {r["event_date"] for r in dated} == {"2025-03-13"} and len(dated) == 2
    bare = _export(db, "--format", "gdelt-tsv", "--no-header").splitlines()
    assert len(bare) == 8 and not bare[0].startswith("GlobalEventID")
