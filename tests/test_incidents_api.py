"""Incidents served and exported: /api/incidents, /api/incidents/{id}, `export --incidents`, `merge`, `ingest --no-merge`."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from eventcoder.cli import cli
from eventcoder.schema import Document, Event
from eventcoder.store import Store
from eventcoder.web import create_app

STORY = ("Gunmen killed five farmers near Gusau on Sunday, police spokesman Yazid Abubakar said. "
         "\u201cThey came on motorbikes and shot everyone in the field,\u201d said farmer Sani Garba.")
REWRITE = ("Five farmers were shot dead near Gusau, according to police spokesman Yazid Abubakar. "
           "\u201cThey came on motorbikes and shot everyone in the field,\u201d Sani Garba told reporters.")
OTHER = "Police fired tear gas at protesters in Kano on Monday."


def _event(doc: Document, **fields) -> Event:
    base = dict(doc_id=doc.doc_id, event_id=f"{doc.doc_id}-e1", event_type="Violence against civilians",
                sub_event_type="Attack", actor1="Unidentified Armed Group (Nigeria)", actor2="Civilians (Nigeria)",
                country="Nigeria", admin1="Zamfara", location="Gusau", latitude=12.17, longitude=6.66, geo_precision=1,
                event_date=dt.date(2025, 6, 22), time_precision=1, fatalities=5)
    base.update(fields)
    return Event(**base)


@pytest.fixture
def store(tmp_path):
    s = Store.open(str(tmp_path / "inc.db"))
    s.init()
    one = Document(text=STORY, title="Gunmen kill five near Gusau", source="Test Wire", published=dt.date(2025, 6, 23))
    two = Document(text=REWRITE, title="Five farmers shot", source="Other Wire")
    three = Document(text=OTHER, title="Kano protest", source="Test Wire", published=dt.date(2025, 6, 24))
    s.add_batch([(one, [_event(one)]), (two, [_event(two, event_date=None, time_precision=None, fatalities=4)]),
                 (three, [_event(three, event_type="Protests", sub_event_type="Protest with intervention",
                                 actor1="Protesters (Nigeria)", admin1="Kano", location="Kano", latitude=12.0,
                                 longitude=8.52, event_date=dt.date(2025, 6, 23), fatalities=0)])])
    s.docs = (one, two, three)
    yield s
    s.close()


def test_api_incidents_with_reports_filters_and_one_by_id(store):
    with TestClient(create_app(store=store)) as client:
        everything = client.get("/api/incidents").json()
        assert everything["total"] == 2
        merged = client.get("/api/incidents", params={"min_reports": 2}).json()
        assert merged["total"] == 1
        [record] = merged["incidents"]
        assert record["fatalities"] == {"best": 4, "low": 4, "high": 5}
        assert {r["outlet"] for r in record["reports"]} == {"Test Wire", "Other Wire"}
        undated = next(r for r in record["reports"] if r["event_date"] is None)
        assert undated["date_from_incident"]["date"] == "2025-06-22"
        assert "yazid abubakar" in undated["joined"]["evidence"]["names"]
        assert client.get("/api/incidents", params={"country": "Kenya"}).json()["total"] == 0
        one = client.get(f"/api/incidents/{record['incident_id']}").json()
        assert one == record
        assert client.get("/api/incidents/nope").status_code == 404
        assert client.get("/api/incidents", params={"min_reports": 0}).status_code == 422


def test_export_incidents_jsonl_and_csv(store, tmp_path):
    db = str(tmp_path / "inc.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--db", db, "--incidents", "--min-reports", "2"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0]["n_reports"] == 2 and len(lines[0]["reports"]) == 2
    out = tmp_path / "incidents.csv"
    result = runner.invoke(cli, ["export", "--db", db, "--incidents", "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == 2 and {r["location"] for r in rows} == {"Gusau", "Kano"}
    events = runner.invoke(cli, ["export", "--db", db])  # without --incidents: the events, as before
    assert events.exit_code == 0 and len(events.stdout.splitlines()) == 3


def test_cli_merge_rebuilds_and_ingest_no_merge(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps({"text": t, "published": "2025-06-23"}) for t in (STORY, REWRITE)) + "\n",
                    encoding="utf-8")
    db = str(tmp_path / "m.db")
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(path), "--db", db, "--no-code", "--no-merge", "-q"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["merge", "--db", db])
    assert result.exit_code == 0, result.output
    assert "0 incidents" in result.output and "threshold 0.5" in result.output  # no events coded: nothing to merge
