"""A generated corpus of bad, hostile and mutated inputs mixed with good reports (issue 19).

The CI version is small (about 300 units, no 50 MB files); `python bench/robustness.py` runs the
same check on 10,000 units and prints the figures.
"""
from __future__ import annotations

import pytest

from .corpus_check import run_and_check
from .gen_bad_inputs import generate


@pytest.mark.model
@pytest.mark.slow
def test_issue19_bad_inputs_never_crash_and_every_unit_is_accounted_for(tmp_path):
    manifest = generate(tmp_path / "corpus", units=300, big=False)
    figures = run_and_check(manifest, tmp_path / "x.db", env={"EVENTCODER_DOC_SECONDS": "5"})
    print({k: v for k, v in figures.items() if not isinstance(v, list)})
    assert figures["good"] >= 100 and figures["bad"] >= 40 and figures["either"] >= 80
    assert (figures["crashes"], figures["tracebacks"]) == (0, 0), figures["stderr_tail"]
    assert figures["good_lost"] == [] and figures["good_stored"] == figures["good"]
    assert figures["bad_lost"] == [] and figures["bad_stored_as_document"] == []
    assert figures["either_lost"] == [] and figures["failures_without_code"] == []
    assert figures["leaked_secret"] == 0
