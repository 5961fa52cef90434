"""Dask runner: every document coded once, parts written, failures kept, store filled."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventcoder.cli import cli
from eventcoder.cluster import code_on_dask, partitions
from eventcoder.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def test_partitions_cut_a_stream():
    assert [len(p) for p in partitions(iter(range(7)), 3)] == [3, 3, 1]
    assert list(partitions([], 3)) == []


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SAMPLES.glob("*.txt"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")  # E202: recorded, not dropped
    return folder


@pytest.fixture
def threads_client():
    from distributed import Client

    with Client(processes=False, n_workers=2, threads_per_worker=1, dashboard_address=None) as client:
        yield client


@pytest.mark.model
def test_cluster_codes_every_document_into_parts_and_store(tmp_path, corpus, threads_client):
    out = tmp_path / "out"
    with Store.open(str(tmp_path / "c.db")) as store:
        store.init()
        stats = code_on_dask([str(corpus)], out=str(out), store=store, client=threads_client, partition_size=2)
        counts = store.counts()
    n_docs = len(list(SAMPLES.glob("*.txt")))
    assert stats.documents == n_docs + 1 and stats.failures == 1 and stats.partitions == 4
    parts = sorted(out.glob("part-*.parquet"))
    assert [p.name for p in parts] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet",
                                       "part-00003.parquet"]
    events = sum(pq.read_table(p).num_rows for p in parts)
    assert events == stats.events == counts["events"] and events >= 4
    assert counts["documents"] == n_docs and counts["failures"] == 1
    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert [f["code"] for f in failures] == ["E202"]


@pytest.mark.model
@pytest.mark.slow
def test_cluster_cli_on_local_processes(tmp_path, corpus):
    out = tmp_path / "coded"
    result = CliRunner().invoke(cli, ["cluster", str(corpus), "--out", str(out), "--workers", "2",
                                      "--partition-size", "3"])
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("part-*.parquet"))) == 3
    assert "failures" in result.output


def test_cluster_cli_needs_a_destination(corpus):
    result = CliRunner().invoke(cli, ["cluster", str(corpus)])
    assert result.exit_code == 2 and "--out" in result.output
