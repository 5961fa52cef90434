"""One document the store refuses becomes that document's stored failure; the batch goes on (issue 19)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventcoder.cli import cli
from eventcoder.ingest import ingest
from eventcoder.store import Store
from eventcoder.store.database import Store as StoreClass

GOOD = "Gunmen killed {n} villagers near Gusau, Zamfara state, on Monday, police said."


def _jsonl(path, texts):
    path.write_text("".join(json.dumps({"text": t, "published": "2025-03-10"}) + "\n" for t in texts),
                    encoding="utf-8")
    return path


@pytest.fixture
def poisoned(monkeypatch):
    """The database refuses any document whose text holds POISON (as it would a value it cannot hold)."""
    real = StoreClass._insert_document

    def insert_document(conn, doc):
        if "POISON" in doc.text:
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        real(conn, doc)

    monkeypatch.setattr(StoreClass, "_insert_document", staticmethod(insert_document))


@pytest.mark.model
def test_issue19_code_400_digit_toll_is_stored_and_later_reports_too(tmp_path):
    """The reported crash: a 400-digit casualty figure stopped `code --db` at the store step."""
    texts = [GOOD.format(n=3), GOOD.format(n="9" * 400), GOOD.format(n=4), GOOD.format(n=5)]
    db = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["code", str(_jsonl(tmp_path / "r.jsonl", texts)), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    with Store.open(str(db)) as store:
        assert store.counts()["documents"] == 4 and not store.failures()
        tolls = sorted(e.fatalities for e in store.events(main=True))
        assert tolls == [0, 3, 4, 5]
        (bad,) = [e for e in store.events(main=True) if e.fatalities == 0]
        assert "implausible figure 999999…(400 digits)" in bad.reasons["fatalities"]


@pytest.mark.model
def test_issue19_ingest_refused_document_is_a_failure_and_the_batch_goes_on(tmp_path, poisoned):
    texts = [GOOD.format(n=3), "POISON " + GOOD.format(n=6), GOOD.format(n=4)]
    with Store.open(str(tmp_path / "i.db")) as store:
        store.init()
        stats = ingest([str(_jsonl(tmp_path / "r.jsonl", texts))], store, batch_size=10)
        assert (stats.stored, stats.failed) == (2, 1)
        (failure,) = store.failures()
        assert failure.code == "E305" and "OverflowError" in failure.message and failure.doc_id
        assert store.counts()["documents"] == 2


@pytest.mark.model
def test_issue19_code_refused_document_is_a_failure_and_the_batch_goes_on(tmp_path, poisoned):
    texts = ["POISON " + GOOD.format(n=6), GOOD.format(n=3), GOOD.format(n=4)]
    db = tmp_path / "c.db"
    result = CliRunner().invoke(cli, ["code", str(_jsonl(tmp_path / "r.jsonl", texts)), "--db", str(db), "-q",
                                      "--summary"])
    assert result.exit_code == 0, result.output
    assert "E305" in result.stderr and "2 documents coded" in result.stdout
    with Store.open(str(db)) as store:
        assert store.counts()["documents"] == 2 and [f.code for f in store.failures()] == ["E305"]


def test_issue19_cluster_partition_with_a_refused_document_stores_the_rest(tmp_path, poisoned):
    from eventcoder.cluster import ClusterStats, _collect
    from eventcoder.schema import Document

    class Done:  # a finished Dask future of partition 0
        key = "code-partition-1-0"

        def result(self):
            return [(Document(text=GOOD.format(n=n), origin=f"r:{n}"), [], None) for n in (3, 4)] + \
                [(Document(text="POISON " + GOOD.format(n=5), origin="r:5"), [], None)]

    stats, failures = ClusterStats(), []
    with Store.open(str(tmp_path / "d.db")) as store:
        store.init()
        _collect(Done(), None, store, stats, failures)
        assert store.counts()["documents"] == 2
        assert [(f.origin, f.code) for f in store.failures()] == [("r:5", "E305")]
    assert stats.failures == 1 and [f.origin for f in failures] == ["r:5"]
