"""`eventcoder ingest`: idempotent, resumable (kill -9), feeds and URLs (local server only), errors, watch."""
from __future__ import annotations

import functools
import http.server
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventcoder.cli import cli
from eventcoder.ingest import FETCH_FAILED, ingest, watch
from eventcoder.store import Store

from eventcoder.synthetic import write_jsonl

ARTICLE = """<html><head><title>{title}</title><meta name="date" content="2025-03-14"></head><body>
<article><h1>{title}</h1><p>{body}</p><p>Residents said the attackers fled into the bush before
security forces arrived, and the local administration promised an inquiry.</p></article></body></html>"""
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>{base}</link>
<description>t</description>{items}</channel></rss>"""
ITEM = "<item><title>{title}</title><link>{link}</link><description>{summary}</description></item>"


@pytest.fixture
def store(tmp_path):
    with Store.open(str(tmp_path / "x.db")) as opened:
        opened.init()
        yield opened


@pytest.fixture
def site(tmp_path):
    """A local HTTP server on 127.0.0.1 serving tmp_path/site; yields (base_url, folder)."""
    root = tmp_path / "site"
    root.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()
    server.server_close()


def _feed(base, root, n):
    items = "".join(ITEM.format(title=f"Story {i}", link=f"{base}/a{i}.html", summary=f"Summary of story {i}.")
                    for i in range(n))
    (root / "feed.xml").write_text(FEED.format(base=base, items=items), encoding="utf-8")
    for i in range(n - 1):  # the last entry's page is missing: the feed text is used
        body = f"Gunmen killed {i + 3} villagers in Gusau, Zamfara state, on Thursday, police said."
        (root / f"a{i}.html").write_text(ARTICLE.format(title=f"Story {i}", body=body), encoding="utf-8")


def test_same_documents_twice_are_stored_once(store, tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", 30)
    first = ingest([str(path)], store, code=False, batch_size=7)
    second = ingest([str(path), str(path)], store, code=False)
    assert (first.stored, second.stored, second.skipped) == (30, 0, 60)
    assert store.counts()["documents"] == 30


def test_coded_ingest_stores_events_and_errors(store, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("TITLE: t\nDATE: 2025-03-14\n\nGunmen killed seven villagers in Gusau, "
                                  "Zamfara state, on Thursday, police said.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("   ", encoding="utf-8")
    stats = ingest([str(folder)], store)
    assert (stats.stored, stats.failed) == (1, 1) and stats.events >= 1
    ingest([str(folder)], store)  # the failure is not recorded twice
    result = CliRunner().invoke(cli, ["errors", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0 and "E202" in result.output and result.output.count("\n") == 2  # 1 line + total


def test_errors_lists_warnings_on_request(store, tmp_path):
    path = tmp_path / "w.jsonl"
    path.write_text('{"text": "Gunmen killed seven villagers in Gusau, Zamfara state, on Thursday, police said.", '
                    '"published": "sometime"}\n', encoding="utf-8")
    stats = ingest([str(path)], store)
    assert stats.stored == 1
    plain = CliRunner().invoke(cli, ["errors", "--db", str(tmp_path / "x.db")])
    assert plain.exit_code == 0 and "W201" not in plain.output and "0 errors" in plain.output
    both = CliRunner().invoke(cli, ["errors", "--db", str(tmp_path / "x.db"), "--warnings"])
    assert both.exit_code == 0 and "W201" in both.output and "0 errors, 1 warnings" in both.output


def test_feed_url_fetches_articles(store, site):
    base, root = site
    _feed(base, root, 3)
    stats = ingest([f"{base}/feed.xml", f"{base}/missing.html"], store, code=False, timeout=5)
    assert (stats.stored, stats.failed) == (3, 1)
    docs = {d.url: d for d in store.documents()}
    assert "Gusau" in docs[f"{base}/a0.html"].text and docs[f"{base}/a0.html"].title == "Story 0"
    assert docs[f"{base}/a2.html"].text.startswith("Summary of story 2")
    assert store.failures()[0].code == FETCH_FAILED


def test_watch_picks_up_new_entries_and_changed_versions(store, site):
    base, root = site
    _feed(base, root, 2)
    polls = []

    def report(stats):
        polls.append(stats.stored)
        if len(polls) == 1:
            _feed(base, root, 4)
            (root / "a0.html").write_text(ARTICLE.format(title="Story 0", body="Updated: nine killed in Gusau."))

    watch([f"{base}/feed.xml"], store, interval=0, polls=2, report=report, code=False, timeout=5)
    assert polls == [2, 4]  # a0 changed, a1 now has a page (new text), a2 and a3 are new
    assert [v for v, _, _ in store.versions(f"{base}/a0.html")] == [1, 2]


def test_cli_ingest_and_db_commands(tmp_path):
    db = str(tmp_path / "c.db")
    path = write_jsonl(tmp_path / "r.jsonl", 5)
    runner = CliRunner()
    from eventcoder.store.tables import SCHEMA_VERSION

    assert f"schema version {SCHEMA_VERSION}" in runner.invoke(cli, ["db", "init", "--db", db]).output
    assert "up to date" in runner.invoke(cli, ["db", "upgrade", "--db", db]).output
    result = runner.invoke(cli, ["ingest", str(path), "--db", db, "--no-code", "-q"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["search", "Report 3", "--db", db])
    assert result.exit_code == 0 and result.output.count("\t") >= 3


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def _kill_mid_run_then_rerun(tmp_path, n: int, kill_after: int, *extra: str) -> Path:
    """Run `eventcoder ingest` on n generated reports, kill -9 it once kill_after are stored, re-run."""
    path = write_jsonl(tmp_path / "r.jsonl", n)
    db = tmp_path / "k.db"
    command = [sys.executable, "-m", "eventcoder", "ingest", str(path), "--db", str(db), "-q", *extra]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db, "documents") < kill_after and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    killed_at = _count(db, "documents")
    assert 0 < killed_at < n, f"the kill must land mid-run ({killed_at} of {n} stored)"
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == n
        assert conn.execute("SELECT count(DISTINCT doc_id) FROM documents").fetchone()[0] == n
        assert conn.execute("SELECT count(*) FROM document_versions").fetchone()[0] == n
        dup = conn.execute("SELECT count(*) FROM (SELECT doc_id, sub_event_type, event_date, location, "
                           "count(*) c FROM events GROUP BY 1, 2, 3, 4 HAVING c > 1)").fetchone()[0]
        assert dup == 0
    return db


def test_kill_9_mid_ingest_of_2000_documents_then_rerun(tmp_path):
    """Store-only (--no-code) so that 2,000 documents fit in a few seconds."""
    _kill_mid_run_then_rerun(tmp_path, 2000, 300, "--no-code", "--batch-size", "20")


@pytest.mark.slow
@pytest.mark.model
def test_kill_9_mid_coded_ingest_of_2000_documents_then_rerun(tmp_path):
    """Issue 7's test, with coding: exactly 2,000 stored, no duplicate event, none without its events."""
    db = _kill_mid_run_then_rerun(tmp_path, 2000, 200, "--batch-size", "20")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                            "(SELECT 1 FROM events e WHERE e.doc_id = d.doc_id)").fetchone()[0] == 0
