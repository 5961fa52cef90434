"""The command line through click's CliRunner."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from eventcoder import __version__
from eventcoder.cli import cli
from eventcoder.export.crosswalk import columns

REPORT = """TITLE: Gunmen kill four villagers near Gusau
DATE: 2025-02-14
SOURCE: Test Wire
LANG: en

GUSAU, Nigeria (Feb 14) — Gunmen on motorcycles stormed a village near Gusau in Zamfara state on Wednesday night, shooting dead four villagers, police said.
"""

pytestmark = pytest.mark.model


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "r1.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_cli_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_cli_code_prints_standalone_jsonl(report):
    result = CliRunner().invoke(cli, ["code", str(report)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    main = [e for e in lines if e["main"]]
    assert len(main) == 1
    assert main[0]["origin"] == str(report) and main[0]["title"].startswith("Gunmen kill")
    assert main[0]["event_type"] == "Violence against civilians" and main[0]["fatalities"] == 4
    assert main[0]["evidence"], "every event carries evidence"


def test_cli_code_csv_has_acled_columns(report):
    result = CliRunner().invoke(cli, ["code", str(report), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == columns("acled-csv") and rows[0][0] == "event_id_cnty" and len(rows) >= 2


def test_cli_code_stores_once_and_exports(report, tmp_path):
    db = tmp_path / "ev.db"
    runner = CliRunner()
    for _ in range(2):  # idempotent: the same document twice is stored once
        assert runner.invoke(cli, ["code", str(report), "--db", str(db), "--summary"]).exit_code == 0
    out = tmp_path / "events.jsonl"
    result = runner.invoke(cli, ["export", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert sum(e["main"] for e in events) == 1


def test_cli_one_bad_document_does_not_stop_the_batch(report, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = CliRunner().invoke(cli, ["code", str(bad), str(report), "--summary"])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.stderr and "1 documents coded" in result.stdout and "1 failures" in result.stdout


def test_cli_every_document_failed_exits_non_zero(tmp_path):
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(cli, ["code", str(bad)])
    assert result.exit_code != 0 and "every document failed" in result.output


def test_cli_usage_error_exit_code():
    assert CliRunner().invoke(cli, ["code"]).exit_code == 2


def test_cli_evaluate_prints_table_and_writes_json(tmp_path, report):
    gold = {"id": "r1", "file": report.name, "lang": "en", "negative": False, "events": [{
        "event_type": "Violence against civilians", "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Nigeria)", "actor2": "Civilians (Nigeria)", "country": "Nigeria",
        "admin1": "Zamfara", "location": "Gusau", "latitude": 12.17, "longitude": 6.66, "geo_precision": 2,
        "event_date": "2025-02-12", "time_precision": 1, "fatalities": 4, "main": True}]}
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps(gold))
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold_path), "--json", str(out), "--details"])
    assert result.exit_code == 0, result.output
    assert "main_events" in result.stdout and "sub_event_type" in result.stdout
    scores = json.loads(out.read_text())
    assert scores["main_events"]["tp"] == 1
    # the reliability of `confidence` (--details prints the table)
    assert "expected calibration error" in result.stdout and scores["calibration"]["events"] >= 1
