"""Coding on several processes: same results, input order, and no document lost when a worker dies."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder import pipeline
from eventcoder.cli import cli
from eventcoder.ingest import ingest
from eventcoder.parallel import CodingPool, code_documents
from eventcoder.pipeline import Coded
from eventcoder.reading import read_paths
from eventcoder.schema import Document, Failure
from eventcoder.store import Store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _fake_code_document(document: Document, analysis=None):
    """Stands in for the coder in the worker processes (inherited through fork)."""
    if "CRASH" in document.text:
        os._exit(3)  # a worker dying the hard way: no exception, no clean-up
    if "RAISE" in document.text:
        raise ValueError("bad document")
    return []


@pytest.fixture
def fake_coder(monkeypatch):
    monkeypatch.setattr(pipeline, "code_document", _fake_code_document)
    monkeypatch.setattr(pipeline, "warm_up", lambda: None)
    # the fast path: every document reaches the (fake) coder, with no parse
    monkeypatch.setattr(pipeline, "prepare", lambda document, lang: pipeline.Prepared((None, None, None), document.text))
    monkeypatch.setattr(pipeline, "has_candidate", lambda text, lang, tokens=None: True)
    monkeypatch.setattr(pipeline, "analyse_batch", lambda documents, langs=None, prepared=None: [None] * len(documents))


def _doc(text: str) -> Document:
    return Document(text=text, doc_id=text.split()[0], origin=text.split()[0] + ".txt")


def _label(result) -> str:
    if isinstance(result, Failure):
        return f"{result.doc_id or result.origin}:{result.code}"
    return f"{result.document.doc_id}:ok"


def test_order_kept_and_failures_pass_through(fake_coder):
    items = [_doc(f"d{i} text") for i in range(12)]
    items.insert(5, Failure(origin="broken.txt", code="E201", message="E201 empty", doc_id="broken"))
    items.insert(8, _doc("raiser RAISE"))
    labels = [_label(r) for r in code_documents(items, workers=2)]
    expected = [f"d{i}:ok" for i in range(12)]
    expected.insert(5, "broken:E201")
    expected.insert(8, "raiser:E500")
    assert labels == expected


def test_a_dying_worker_loses_only_its_own_document(fake_coder):
    items = [_doc(f"d{i} text") for i in range(6)] + [_doc("killer CRASH")] + [_doc(f"e{i} text") for i in range(6)]
    with CodingPool(2, window=4) as pool:
        labels = [_label(r) for r in pool.code(items)]
        # the pool is usable again after the crash
        again = [_label(r) for r in pool.code([_doc("after text")])]
    assert labels == [f"d{i}:ok" for i in range(6)] + ["killer:E501"] + [f"e{i}:ok" for i in range(6)]
    assert again == ["after:ok"]


def test_stopping_early_leaves_no_work_behind(fake_coder):
    with CodingPool(2, window=3) as pool:
        stream = pool.code(_doc(f"d{i} text") for i in range(1000))
        first = [_label(next(stream)) for _ in range(3)]
        stream.close()
    assert first == ["d0:ok", "d1:ok", "d2:ok"]


@pytest.mark.model
def test_parallel_coding_gives_the_sequential_events():
    docs = list(read_paths([str(SAMPLES)]))
    one = [r for r in code_documents(docs, workers=1) if isinstance(r, Coded)]
    two = [r for r in code_documents(docs, workers=2) if isinstance(r, Coded)]

    def summary(results):
        return [(r.document.doc_id, [(e.sub_event_type, e.actor1, e.actor2, e.location, e.event_date, e.fatalities,
                                      e.source_chain) for e in r.events]) for r in results]

    assert len(one) >= 5 and summary(two) == summary(one)
    assert sum(len(r.events) for r in two) >= 4


@pytest.mark.model
def test_ingest_and_cli_with_workers(tmp_path):
    with Store.open(str(tmp_path / "p.db")) as store:
        store.init()
        stats = ingest([str(SAMPLES)], store, workers=2, batch_size=4)
        assert stats.stored == len(list(SAMPLES.glob("*.txt"))) and stats.failed == 0
        assert stats.events >= 4
    runner = CliRunner()
    one = runner.invoke(cli, ["code", str(SAMPLES), "--quiet"])
    two = runner.invoke(cli, ["code", str(SAMPLES), "--quiet", "--workers", "2"])
    assert one.exit_code == 0 and two.exit_code == 0
    strip = [line.split('"coded_at"')[0] for line in one.output.splitlines()]
    assert strip and strip == [line.split('"coded_at"')[0] for line in two.output.splitlines()]


_HOLDER = """
import sys, time
from eventcoder import parallel, pipeline
from eventcoder.schema import Document
pipeline.warm_up = lambda: None
pipeline.code_document = lambda document, analysis=None: []
pipeline.prepare = lambda document, lang: pipeline.Prepared((None, None, None), document.text)
pipeline.has_candidate = lambda text, lang, tokens=None: True
pipeline.analyse_batch = lambda documents, langs=None, prepared=None: [None] * len(documents)
pool = parallel.CodingPool(2).__enter__()
list(pool.code([Document(text=f"doc {i}", doc_id=f"d{i}") for i in range(6)]))
print(" ".join(str(pid) for pid in pool._pool._processes), flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc (workers die with their parent there)")
def test_workers_die_when_their_parent_is_killed_9():
    """kill -9 of `eventcoder code/ingest` must not leave its worker processes behind, waiting forever."""
    import signal
    import subprocess
    import sys
    import time

    holder = subprocess.Popen([sys.executable, "-c", _HOLDER], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in holder.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(p) for p in pids)
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait()
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in pids), "orphaned workers outlived their killed parent"
