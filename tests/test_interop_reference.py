"""ACLED import (per-row errors, re-import), comparison with coded events (found / missed / added), the
import-acled and compare commands, and the schema v4 -> v5 upgrade that adds reference_events.

The ACLED-format file (tests/export/data/acled_sample.csv) is written for these tests: invented events
in ACLED's columns, five good rows and eight rows each wrong in one way.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, inspect, select, update

from eventcoder.cli import cli
from eventcoder.reference import ReferenceDataError
from eventcoder.reference.acled_import import import_acled, parse_date
from eventcoder.reference.compare import Point, compare, match
from eventcoder.schema import Document, Event
from eventcoder.store import Store, tables
from eventcoder.store.migrations import drop_fulltext

SAMPLE = Path(__file__).parent / "export" / "data" / "acled_sample.csv"


PG_URL = os.environ.get("EVENTCODER_TEST_PG_URL")


def _drop_all(store: Store) -> None:
    with store.engine.begin() as conn:
        drop_fulltext(conn)
    tables.metadata.drop_all(store.engine)


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def store(request):
    """An empty store on each backend under test (PostgreSQL when EVENTCODER_TEST_PG_URL is set, as in CI)."""
    with Store.open(":memory:" if request.param == "sqlite" else PG_URL) as s:
        if request.param == "postgresql":
            _drop_all(s)
        s.init()
        yield s
        if request.param == "postgresql":
            _drop_all(s)


def _coded(store):
    """Coded events beside the sample: one per outcome (found, found by family, added, background, Nigeria)."""
    doc = Document(text="Reports of March 2025.", source="Meridian Wire", published=dt.date(2025, 3, 21))
    base = dict(doc_id=doc.doc_id, country="Somalia", iso3="SOM", time_precision=1, fatalities=1)
    events = [
        Event(event_id=f"{doc.doc_id}-e1", event_date=dt.date(2025, 3, 13), event_type="Violence against civilians",
              sub_event_type="Attack", location="Mogadishu", admin1="Banadir", latitude=2.0469, longitude=45.3182,
              **base),
        Event(event_id=f"{doc.doc_id}-e2", event_date=dt.date(2025, 3, 10), event_type="Explosions/Remote violence",
              sub_event_type="Remote explosive/landmine/IED", location="Baidoa", admin1="Bay", latitude=3.12,
              longitude=43.65, main=False, **base),
        Event(event_id=f"{doc.doc_id}-e3", event_date=dt.date(2025, 3, 20), event_type="Battles",
              sub_event_type="Armed clash", location="Kismayo", admin1="Lower Juba", latitude=-0.3582,
              longitude=42.5454, main=False, **base),
        Event(event_id=f"{doc.doc_id}-e4", event_date=dt.date(2025, 3, 15), event_type="Battles",
              sub_event_type="Armed clash", location="Beledweyne", admin1="Hiraan", latitude=4.7358,
              longitude=45.2036, main=False, background=True, **base),
        Event(event_id=f"{doc.doc_id}-e5", event_date=dt.date(2025, 3, 13), event_type="Battles",
              sub_event_type="Armed clash", location="Maiduguri", admin1="Borno", latitude=11.85, longitude=13.16,
              main=False, **{**base, "country": "Nigeria", "iso3": "NGA"}),
    ]
    store.add_coded(doc, events)
    return events


# ------------------------------------------------------------------ import


def test_import_acled_stores_good_rows_and_reports_each_bad_one(store):
    seen = []
    report = import_acled(SAMPLE, store, on_error=seen.append)
    assert (report.read, report.stored, report.replaced) == (13, 5, 0)
    assert [(e.line, e.code) for e in report.errors] == [
        (7, "E611"), (8, "E612"), (9, "E614"), (10, "E613"), (11, "E610"), (12, "E616"), (13, "E615"), (14, "E614")]
    assert seen == report.errors
    by_code = {e.code: e for e in report.errors}
    assert "2025-13-45" in by_code["E611"].message and "outside -90..90" in by_code["E612"].message
    assert by_code["E616"].ref_id == "SOM90001" and "the first one is kept" in by_code["E616"].message
    assert by_code["E610"].text("acled.csv").startswith("acled.csv:11 (SOM90010): E610 the row has")
    c = tables.reference_events.c
    with store.engine.connect() as conn:
        rows = {r.ref_id: r for r in conn.execute(select(tables.reference_events))}
    assert set(rows) == {"SOM90001", "SOM90002", "SOM90003", "SOM90004", "NGA90001"}
    assert rows["SOM90004"].event_date == dt.date(2025, 3, 14)  # "14 March 2025", ACLED's older form
    assert rows["SOM90001"].fatalities == 7 and rows["SOM90001"].latitude == pytest.approx(2.0371)
    assert rows["SOM90001"].record["notes"].endswith('"witnesses said".')
    assert rows["SOM90003"].geo_precision == 2 and rows["NGA90001"].country == "Nigeria"
    assert c.dataset.name == "dataset" and {r.dataset for r in rows.values()} == {"acled"}


def test_import_acled_again_replaces_rather_than_duplicates(store):
    import_acled(SAMPLE, store)
    report = import_acled(SAMPLE, store, batch=2)
    assert (report.stored, report.replaced) == (5, 5)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(tables.reference_events)).scalar_one() == 5


def test_import_acled_file_without_acled_columns_is_refused(store, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("id,date,place\n1,2025-03-01,Kabul\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="E602 .* lacks the column"):
        import_acled(path, store)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="E602 .* is empty"):
        import_acled(empty, store)


def test_import_acled_semicolons_bom_and_non_utf8_row(store, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").splitlines()
    rows = list(csv.reader(text[:3]))
    path = tmp_path / "semi.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    with open(path, "ab") as fh:  # a row in Latin-1 bytes: rejected alone
        fh.write(";".join(rows[1]).replace("SOM90001", "SOM9\xe9").encode("latin-1") + b"\r\n")
    report = import_acled(path, store)
    assert report.stored == 2 and [e.code for e in report.errors] == ["E617"]


def test_import_acled_unreadable_row_does_not_stop_the_import(store, tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    huge = lines[1].replace("SOM90001", "SOM90099").replace("witnesses said", "x" * 5000)
    path = tmp_path / "huge.csv"
    path.write_text("\n".join([lines[0], huge, lines[2]]) + "\n", encoding="utf-8")
    limit = csv.field_size_limit(1000)  # the limit is process-wide: other modules may have raised it
    try:
        report = import_acled(path, store)
    finally:
        csv.field_size_limit(limit)
    assert report.stored == 1 and [e.code for e in report.errors] == ["E610"]
    assert "field larger than field limit" in report.errors[0].message


@pytest.mark.parametrize("value, expected", [("2025-03-13", dt.date(2025, 3, 13)), ("13 March 2025", dt.date(2025, 3, 13)),
                                             ("13-March-2025", dt.date(2025, 3, 13)), ("3 Mar 2025", dt.date(2025, 3, 3))])
def test_import_acled_date_forms(value, expected):
    assert parse_date(value) == expected


# ------------------------------------------------------------------ compare


def test_compare_found_missed_added(store):
    import_acled(SAMPLE, store)
    coded = _coded(store)
    result = compare(store, "acled", country="Somalia")
    assert {(p.reference.id, p.coded.id) for p in result.pairs} == {("SOM90001", coded[0].event_id),
                                                                    ("SOM90002", coded[1].event_id)}
    assert {r.id for r in result.missed} == {"SOM90003", "SOM90004"}  # the background Beledweyne event is not coded
    assert [c.id for c in result.added] == [coded[2].event_id]
    assert result.rates() == {"found": 0.5, "missed": 0.5, "added": pytest.approx(1 / 3),
                              "precision": pytest.approx(2 / 3), "same_sub_type": 0.5}


def test_compare_levels_and_filters(store):
    import_acled(SAMPLE, store)
    _coded(store)
    strict = compare(store, "acled", country="Somalia", level="sub-type")
    assert [p.reference.id for p in strict.pairs] == ["SOM90001"]  # the IED is not a suicide bomb
    window = compare(store, "acled", country="Somalia", date_from=dt.date(2025, 3, 12), date_to=dt.date(2025, 3, 14))
    assert (len(window.pairs), len(window.missed), len(window.added)) == (1, 1, 0)
    everywhere = compare(store, "acled")
    assert ("NGA90001" in {p.reference.id for p in everywhere.pairs}) and everywhere.n_reference == 5
    assert compare(store, "acled", window=0).rates()["found"] == pytest.approx(1 / 5)


def _point(pid, day, precision=1, lat=2.0, lon=45.0, sub="Armed clash", location="X", admin1="A"):
    return Point(pid, day, precision, "Somalia", admin1, location, sub, lat, lon, 0)


def test_match_widens_the_window_for_imprecise_dates_and_keeps_distance():
    day = dt.date(2025, 3, 15)
    reference = [_point("r1", day, precision=3)]
    assert len(match(reference, [_point("c1", day + dt.timedelta(days=10))]).pairs) == 1  # month precision
    assert len(match([_point("r1", day)], [_point("c1", day + dt.timedelta(days=10))]).pairs) == 0
    far = _point("c2", day, lat=3.0)  # about 111 km north
    assert not match([_point("r1", day)], [far]).pairs and match([_point("r1", day)], [far], max_km=150).pairs
    no_coords = _point("c3", day, lat=None, lon=None)
    assert match([_point("r1", day)], [no_coords]).pairs  # same location name
    assert not match([_point("r1", day)], [_point("c4", day, lat=None, lon=None, location="Y", admin1="B")]).pairs


def test_match_is_one_to_one_best_first():
    day = dt.date(2025, 3, 15)
    reference = [_point("r1", day), _point("r2", day + dt.timedelta(days=1))]
    coded = [_point("c1", day + dt.timedelta(days=1)), _point("c2", day)]
    pairs = {(p.reference.id, p.coded.id) for p in match(reference, coded).pairs}
    assert pairs == {("r1", "c2"), ("r2", "c1")}


# ------------------------------------------------------------------ commands


def test_cli_import_acled_and_compare(tmp_path):
    db = str(tmp_path / "x.db")
    with Store.open(db) as s:
        s.init()
        _coded(s)
    runner = CliRunner()
    imported = runner.invoke(cli, ["import-acled", str(SAMPLE), "--db", db])
    assert imported.exit_code == 0, imported.output
    assert "rejected: " in imported.stderr and ":7 (SOM90005): E611" in imported.stderr
    assert "13 rows read, 5 stored (0 replaced), 8 rejected" in imported.stderr
    out = tmp_path / "table.csv"
    result = runner.invoke(cli, ["compare", "--reference", "acled", "--db", db, "--country", "Somalia",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "found        2 of 4 reference events  (rate 0.500)" in result.stdout
    assert "missed       2 of 4 reference events  (rate 0.500)" in result.stdout
    assert "added        1 of 3 coded events not in the reference  (rate 0.333" in result.stdout
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert sorted(r["status"] for r in rows) == ["added", "found", "found", "missed", "missed"]
    found = next(r for r in rows if r["ref_id"] == "SOM90001")
    assert found["days"] == "0" and float(found["km"]) < 5 and found["same_sub_type"] == "true"


def test_cli_compare_rejects_bad_dates_and_warns_without_reference(tmp_path):
    db = str(tmp_path / "x.db")
    runner = CliRunner()
    bad = runner.invoke(cli, ["compare", "--db", db, "--from", "March 2025"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output
    empty = runner.invoke(cli, ["compare", "--db", db])
    assert empty.exit_code == 0 and "no reference events" in empty.stderr


def test_cli_import_acled_with_no_good_row_fails(tmp_path):
    path = tmp_path / "bad.csv"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], lines[6]]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import-acled", str(path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "no row of" in result.output


# ------------------------------------------------------------------ schema


def test_upgrade_from_v4_adds_reference_events(tmp_path):
    db = str(tmp_path / "old.db")
    with Store.open(db) as s:
        s.init()
        with s.engine.begin() as conn:
            tables.reference_events.drop(conn)
            conn.execute(update(tables.meta).values(value="4"))
        assert not inspect(s.engine).has_table("reference_events")
        assert s.upgrade() == [("4", "5")]
        assert inspect(s.engine).has_table("reference_events")
        assert import_acled(SAMPLE, s).stored == 5
        assert s.upgrade() == []
