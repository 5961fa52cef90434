"""Learning from corrections: two reviewers' corrections of the same actor become a groups.yaml
alias (`eventcoder suggest`), the diff applies with git, and with the suggestion the coder codes a
new report right; `evaluate --reviewed` measures the difference."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from eventcoder import resources
from eventcoder.cli import cli
from eventcoder.pipeline import code_document
from eventcoder.review.records import apply_review
from eventcoder.review.scoring import score_reviewed
from eventcoder.review.suggest import REPO_DATA, data_overlay, suggest, unified_diff, write_overlay
from eventcoder.schema import Document
from eventcoder.store import Store

pytestmark = pytest.mark.model

REPORTS = [
    "Zarvaki fighters killed five farmers near Gusau in Zamfara state on Sunday, police said.",
    "Zarvaki fighters killed four traders near Gusau in Zamfara state on Tuesday, residents said.",
]
NEW_REPORT = "Zarvaki fighters killed three herders near Gusau in Zamfara state on Friday, police said."


def _main(doc: Document):
    events = code_document(doc)
    return next(e for e in events if e.main)


@pytest.fixture
def corrected(tmp_path):
    """A store with two reports whose actor1 a reviewer corrected to 'Zarvaki'."""
    store = Store.open(str(tmp_path / "review.db"))
    store.init()
    for n, text in enumerate(REPORTS):
        doc = Document(text=text, published=dt.date(2025, 6, 24 + n), lang="en")
        events = code_document(doc)
        store.add_coded(doc, events)
        main = next(e for e in events if e.main)
        assert main.actor1 == "Unidentified Armed Group (Nigeria)"  # the coder does not know the group
        apply_review(store.engine, main.event_id, "edit", {"actor1": "Zarvaki", "inter1": 2},
                     reason="the report names the group", who="ana")
    yield store
    store.close()


def test_repeated_actor_correction_becomes_an_alias_that_fixes_a_new_report(corrected, tmp_path):
    found = suggest(corrected.engine)
    assert [(s.kind, s.alias, s.target, s.support) for s in found] == [("actor", "zarvaki", "Zarvaki", 2)]
    assert suggest(corrected.engine, min_support=3) == []
    diff = unified_diff(found)
    assert f"+++ b/{REPO_DATA}/actors/groups.yaml" in diff and '+- name: "Zarvaki"' in diff
    # the diff applies to the shipped file with git, and gives what the overlay holds
    repo = tmp_path / "repo"
    target = repo / REPO_DATA / "actors"
    target.mkdir(parents=True)
    shutil.copy(str(resources.data_path("actors/groups.yaml")), target / "groups.yaml")
    (tmp_path / "fix.diff").write_text(diff, encoding="utf-8")
    subprocess.run(["git", "apply", str(tmp_path / "fix.diff")], cwd=repo, check=True)
    overlay = tmp_path / "overlay"
    write_overlay(found, overlay)
    assert (target / "groups.yaml").read_text() == (overlay / "actors" / "groups.yaml").read_text()

    new = Document(text=NEW_REPORT, published=dt.date(2025, 6, 28), lang="en")
    assert _main(new).actor1 == "Unidentified Armed Group (Nigeria)"
    with data_overlay(overlay):
        fixed = _main(new)
    assert (fixed.actor1, fixed.inter1) == ("Zarvaki", 2)
    assert _main(new).actor1 == "Unidentified Armed Group (Nigeria)"  # shipped data again outside the block


def test_evaluate_reviewed_measures_the_correction(corrected, tmp_path):
    stored = score_reviewed(corrected, stored=True)
    assert stored["fields"]["actor1"] == {"accuracy": 0.0, "n": 2}
    assert stored["events"]["recall"] == 1.0 and stored["mode"] == "stored"
    overlay = tmp_path / "overlay"
    write_overlay(suggest(corrected.engine), overlay)
    with data_overlay(overlay):
        better = score_reviewed(corrected)
    assert better["fields"]["actor1"] == {"accuracy": 1.0, "n": 2} and better["mode"] == "current coder"


def test_cli_token_suggest_and_evaluate_reviewed(corrected, tmp_path):
    runner = CliRunner()
    db = corrected.url.replace("sqlite:///", "")
    made = runner.invoke(cli, ["token", "create", "ana", "--db", db])
    assert made.exit_code == 0 and made.stdout.startswith("ect_")
    listed = runner.invoke(cli, ["token", "list", "--db", db])
    assert "ana" in listed.stdout and made.stdout.strip().split("_", 2)[2] not in listed.stdout
    out = tmp_path / "fix.diff"
    suggested = runner.invoke(cli, ["suggest", "--db", db, "--out", str(out)])
    assert suggested.exit_code == 0 and "'zarvaki' -> 'Zarvaki'" in suggested.stderr and '+- name: "Zarvaki"' in out.read_text()
    scored = runner.invoke(cli, ["evaluate", "--reviewed", "--stored", "--db", db, "--json", "-"])
    assert scored.exit_code == 0, scored.output
    assert "gold: 2 reviewed events" in scored.stdout and "actor1" in scored.stdout
    assert runner.invoke(cli, ["evaluate"]).exit_code == 2  # neither --gold nor --reviewed
