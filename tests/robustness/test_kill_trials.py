"""kill -9 at random moments of `ingest` (SQLite, PostgreSQL) and of review writes, then a re-run
and an integrity check (issue 19). CI runs 3 trials of each; `python bench/robustness.py` runs 20."""
from __future__ import annotations

import os
import random

import pytest

from .kill_trials import IngestCorpus, create_token, ingest_trial, reference_run, review_trial

PG_URL = os.environ.get("EVENTCODER_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
TRIALS = 3


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("backend", BACKENDS)
def test_issue19_kill_9_during_ingest_loses_and_duplicates_nothing(tmp_path, backend):
    corpus = IngestCorpus.write(tmp_path / "in", good=16)
    url = str(tmp_path / "k.db") if backend == "sqlite" else PG_URL
    ref = reference_run(corpus, url)
    rng = random.Random(19)
    trials = [ingest_trial(corpus, url, ref, rng) for _ in range(TRIALS)]
    print(trials)
    assert [trial["problems"] for trial in trials] == [{}] * TRIALS


@pytest.mark.slow
@pytest.mark.model
@pytest.mark.parametrize("backend", BACKENDS)
def test_issue19_kill_9_during_review_writes_keeps_the_audit_trail(tmp_path, backend):
    corpus = IngestCorpus.write(tmp_path / "in", good=8)
    db = str(tmp_path / "r.db") if backend == "sqlite" else PG_URL
    reference_run(corpus, db)
    token = create_token(db)
    rng = random.Random(19)
    trials = [review_trial(db, token, rng, n) for n in range(TRIALS)]
    print(trials)
    assert all(trial["acknowledged"] > 0 for trial in trials)
    assert [trial["problems"] for trial in trials] == [{}] * TRIALS
