"""schemathesis against the OpenAPI schema on loopback: no server error (issue 19). CI: 15 cases per
operation; `python bench/robustness.py` runs more."""
from __future__ import annotations

import pytest

from .api_fuzz import fuzz_api
from .kill_trials import IngestCorpus, create_token, reference_run


@pytest.mark.slow
@pytest.mark.model
def test_issue19_schemathesis_finds_no_server_error(tmp_path):
    db = str(tmp_path / "api.db")
    reference_run(IngestCorpus.write(tmp_path / "in", good=6), db)
    figures = fuzz_api(db, create_token(db), examples=15)
    print(figures)
    assert figures["operations"] >= 10 and figures["requests"] >= 100
    assert figures["server_errors"] == []
