"""Crash-safety trials: kill -9 at a random moment of `eventcoder ingest` or of review writes,
re-run, then check the store's integrity (issue 19).

    corpus = IngestCorpus.write(tmp / "in", good=40)
    ref = reference_run(corpus, url)                       # an uninterrupted run: what must be there
    problems = ingest_trial(corpus, url, ref, random.Random(1))   # {} when all is well

Ingest integrity: no lost document (every report of the corpus stored), no duplicate (documents,
versions, failures), no half-written document (each has exactly the events, with their evidence,
of the uninterrupted run), no half-written incident (every incident has members, every event of
the run is in one), every bad line a failure. Review integrity: every write the server
acknowledged is in the audit trail, and replaying the audit trail gives exactly the stored reviews.
"""
from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from eventcoder.reading import read_path
from eventcoder.schema import Document
from eventcoder.store import Store, tables as t
from eventcoder.store.migrations import drop_fulltext
from eventcoder.synthetic import report


@dataclass
class IngestCorpus:
    """A JSONL of good reports with bad lines among them, and a few bad files."""

    sources: list[str]
    doc_ids: set[str]
    failures: set[str]

    @classmethod
    def write(cls, folder: Path, good: int = 40, seed: int = 23) -> "IngestCorpus":
        folder.mkdir(parents=True, exist_ok=True)
        rng = random.Random(seed)
        lines = [json.dumps(report(i, seed)) for i in range(good)]
        for k, bad in enumerate(['{"text": "broken', '{"text": 42}', '{"text": "  "}', "[1, 2]"]):
            lines.insert(rng.randrange(len(lines)), bad)
        (folder / "reports.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (folder / "empty.txt").write_bytes(b"")
        (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
        items = list(read_path(folder))
        return cls([str(folder)], {i.doc_id for i in items if isinstance(i, Document)},
                   {i.origin for i in items if not isinstance(i, Document)})


def ingest_command(corpus: IngestCorpus, url: str) -> list[str]:
    return [sys.executable, "-m", "eventcoder", "ingest", *corpus.sources, "--db", url, "-q", "--batch-size", "4"]


def reset(url: str) -> None:
    """An empty database at `url` (SQLite: the files removed; PostgreSQL: every table dropped)."""
    if "://" not in url:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(url + suffix).unlink(missing_ok=True)
        return
    with Store.open(url) as store:
        with store.engine.begin() as conn:
            drop_fulltext(conn)
        t.metadata.drop_all(store.engine)


def _signatures(store: Store) -> dict[str, list[tuple]]:
    """doc_id -> sorted (event_id, sub_event_type, fatalities, evidence count) of its events."""
    out: dict[str, list[tuple]] = {}
    for e in store.events():
        out.setdefault(e.doc_id, []).append((e.event_id, e.sub_event_type, e.fatalities, len(e.evidence)))
    return {doc_id: sorted(sigs) for doc_id, sigs in out.items()}


@dataclass
class Reference:
    seconds: float
    signatures: dict[str, list[tuple]]
    first_write: float = 0.0  # when the first batch was committed (before it: start-up)


def reference_run(corpus: IngestCorpus, url: str) -> Reference:
    """An uninterrupted ingest: how long it takes, when it starts writing, what every document's events are."""
    reset(url)
    started = time.monotonic()
    proc = subprocess.Popen(ingest_command(corpus, url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    first_write = None
    while proc.poll() is None:
        if first_write is None and _count_documents(url):
            first_write = time.monotonic() - started
        time.sleep(0.05)
    if proc.returncode != 0:
        raise RuntimeError(f"ingest failed ({proc.returncode})")
    seconds = time.monotonic() - started
    with Store.open(url) as store:
        return Reference(seconds, _signatures(store), first_write or seconds)


def ingest_integrity(url: str, corpus: IngestCorpus, ref: Reference) -> dict[str, int]:
    """Problems found in the store (name -> count); {} when none."""
    problems: Counter = Counter()
    with Store.open(url) as store, store.engine.connect() as conn:
        ids = list(conn.execute(select(t.documents.c.doc_id)).scalars())
        problems["lost documents"] = len(corpus.doc_ids - set(ids))
        problems["unexpected documents"] = len(set(ids) - corpus.doc_ids)
        problems["duplicated documents"] = len(ids) - len(set(ids))
        c = t.document_versions.c
        problems["duplicated versions"] = len(conn.execute(
            select(c.key, c.doc_id).group_by(c.key, c.doc_id).having(func.count() > 1)).all())
        f = t.failures.c
        failures = Counter(conn.execute(select(f.origin, f.code).where(~f.code.like("W%"))).all())
        problems["duplicated failures"] = sum(n - 1 for n in failures.values())
        problems["lost failures"] = len(corpus.failures - {origin for origin, _ in failures})
        signatures = _signatures(store)
        problems["half-written documents"] = sum(signatures.get(d, []) != ref.signatures.get(d, []) for d in ids)
        ie = t.incident_events.c
        members = Counter(conn.execute(select(ie.incident_id)).scalars())
        incidents = list(conn.execute(select(t.incidents.c.incident_id)).scalars())
        problems["incidents without members"] = sum(1 for i in incidents if not members.get(i))
        in_incident = set(conn.execute(select(ie.event_id)).scalars())
        events = [sig[0] for sigs in signatures.values() for sig in sigs]
        problems["events outside any incident"] = sum(1 for e in events if e not in in_incident)
        problems["dangling incident members"] = len(in_incident - set(events))
    return {k: v for k, v in problems.items() if v}


def ingest_trial(corpus: IngestCorpus, url: str, ref: Reference, rng: random.Random) -> dict:
    """Kill -9 one ingest at a random moment, re-run it to the end, check; RETURNS the figures."""
    reset(url)
    command = ingest_command(corpus, url)
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # a random moment of the writing phase (the start-up before it, loading the model, writes nothing)
    kill_at = rng.uniform(0.8 * ref.first_write, ref.seconds)
    try:
        proc.wait(timeout=kill_at)
        finished_first = True
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        finished_first = False
    stored_at_kill = _count_documents(url)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    problems = ingest_integrity(url, corpus, ref)
    if rerun.returncode != 0:
        problems["re-run failed"] = 1
    return {"kill_at": round(kill_at, 2), "stored_at_kill": stored_at_kill, "finished_before_kill": finished_first,
            "problems": problems}


def _count_documents(url: str) -> int:
    try:
        with Store.open(url) as store, store.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t.documents)).scalar_one()
    except Exception:  # noqa: BLE001 - killed before the tables were made
        return 0


# ---------------------------------------------------------------- review writes


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`eventcoder serve` on a loopback port, in a subprocess."""

    def __init__(self, db: str):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([sys.executable, "-m", "eventcoder", "serve", "--db", db, "--port",
                                      str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/api/health", timeout=2):
                    return
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.1)
        self.kill()
        raise RuntimeError("eventcoder serve did not start")

    def kill(self) -> None:
        """kill -9 (from any thread; killing a process that is already gone is no error)."""
        try:
            self.proc.send_signal(signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()


def _post(base: str, path: str, body: dict, token: str) -> int:
    request = urllib.request.Request(f"{base}{path}", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def review_integrity(db: str, acknowledged: list[str]) -> dict[str, int]:
    """Every acknowledged write's audit rows exist; the audit trail replays to the stored reviews."""
    problems: Counter = Counter()
    with Store.open(db) as store, store.engine.connect() as conn:
        a = t.audit.c
        rows = conn.execute(select(a.target_id, a.field, a.old, a.new, a.reason).order_by(a.id)).all()
        reasons = {r.reason for r in rows}
        problems["acknowledged writes lost"] = sum(1 for reason in acknowledged if reason not in reasons)
        replay: dict[str, dict] = {}
        for target, field, old, new, _ in rows:
            state = replay.setdefault(target, {"status": None, "fields": {}})
            if field == "status":
                state["status"] = new
            elif field != "note":
                state["fields"][field] = new
        reviews = {r.event_id: r for r in conn.execute(select(t.reviews)).all()}
        problems["reviews without audit"] = len(set(reviews) - set(replay))
        problems["audit without review"] = len(set(replay) - set(reviews))
        coded = {e.event_id: e for e in store.events(event_ids=list(reviews))}
        for event_id, review in reviews.items():
            state = replay.get(event_id, {"status": None, "fields": {}})
            expected = {k: v for k, v in state["fields"].items()
                        if event_id not in coded or getattr(coded[event_id], k, None) != v}
            mismatch = review.status != state["status"] or dict(review.fields) != expected
            problems["reviews that differ from their audit trail"] += mismatch
    return {k: v for k, v in problems.items() if v}


def review_trial(db: str, token: str, rng: random.Random, trial: int) -> dict:
    """Send review writes to a server, kill -9 it at a random moment, restart it, check."""
    server = Server(db)
    with urllib.request.urlopen(f"{server.base}/api/events?limit=50", timeout=10) as response:
        event_ids = [e["event_id"] for e in json.loads(response.read())["events"]]
    acknowledged: list[str] = []
    kill_at = rng.uniform(0.05, 1.5)  # seconds after the first acknowledged write
    timer = threading.Timer(kill_at, server.kill)
    writes, deadline = 0, time.monotonic() + 120  # bounded, whatever the server answers
    while server.proc.poll() is None and time.monotonic() < deadline:
        event_id = rng.choice(event_ids)
        reason = f"trial {trial} write {writes}"
        body = rng.choice([{"action": "edit", "values": {"fatalities": rng.randint(0, 99)}, "reason": reason},
                           {"action": "note", "reason": reason},
                           {"action": "edit", "values": {"fatalities": rng.randint(0, 99), "notes": reason},
                            "reason": reason}])
        writes += 1
        try:
            if _post(server.base, f"/api/events/{event_id}/review", body, token) == 200:
                acknowledged.append(reason)
                if not timer.is_alive() and len(acknowledged) == 1:
                    timer.start()
        except OSError:
            break
    timer.cancel()
    server.kill()
    again = Server(db)  # the re-run: the server starts on what was left, and takes a write
    status = _post(again.base, f"/api/events/{event_ids[0]}/review",
                   {"action": "note", "reason": f"trial {trial} after restart"}, token)
    again.kill()
    problems = review_integrity(db, acknowledged + [f"trial {trial} after restart"] * (status == 200))
    if status != 200:
        problems["write after restart failed"] = 1
    return {"kill_at": round(kill_at, 2), "writes": writes, "acknowledged": len(acknowledged), "problems": problems}


def create_token(db: str, name: str = "trial") -> str:
    done = subprocess.run([sys.executable, "-m", "eventcoder", "token", "create", name, "--db", db],
                          capture_output=True, text=True, check=True, timeout=120)
    return done.stdout.strip().splitlines()[-1]
