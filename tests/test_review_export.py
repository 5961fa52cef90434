"""`eventcoder export --reviewed`: reviewed values in place of the coded ones, flagged in `reasons`,
rejected events left out; without the flag the coded values, as stored."""
from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from eventcoder.cli import cli
from eventcoder.review.records import apply_review
from eventcoder.store import Store
from tests.web.conftest import seed


def test_export_reviewed_values_flagged_and_rejected_left_out(tmp_path):
    db = str(tmp_path / "export.db")
    store = Store.open(db)
    store.init()
    docs = seed(store)
    one, gao = f"{docs['one'].doc_id}-e1", f"{docs['gao'].doc_id}-e1"
    apply_review(store.engine, one, "edit", {"fatalities": 6}, reason="toll rose", who="ana")
    apply_review(store.engine, gao, "reject", reason="not an event", who="ana")
    store.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--db", db, "--format", "jsonl", "--reviewed"])
    assert result.exit_code == 0, result.output
    lines = {r["event_id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert gao not in lines and len(lines) == 2
    assert lines[one]["fatalities"] == 6 and lines[one]["reasons"]["review"] == "edited"
    assert lines[one]["reasons"]["fatalities"] == "reviewed (edited by ana)"
    assert "1 reviewed events with their reviewed values, 1 rejected left out" in result.stderr
    rows = list(csv.DictReader(io.StringIO(runner.invoke(cli, ["export", "--db", db, "--format", "acled-csv",
                                                               "--reviewed"]).stdout)))
    assert sorted(r["fatalities"] for r in rows) == ["6", "7"]
    coded = {r["event_id"]: r for r in map(json.loads, runner.invoke(cli, ["export", "--db", db]).stdout.splitlines())}
    assert coded[one]["fatalities"] == 5 and gao in coded and "review" not in coded[one]["reasons"]
