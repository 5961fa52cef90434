"""Run `eventcoder code` on a generated bad-input corpus and check what became of every unit.

    manifest = gen_bad_inputs.generate(folder, 400, big=False)
    figures = run_and_check(manifest, tmp / "x.db")

Figures (what the robustness benchmark prints and the tests assert):
    units, good, bad, either: the manifest's counts;
    exit_code, crashes (exit status not 0, or a signal), tracebacks (in stderr);
    good_stored: good units stored as a document; good_lost: the others (listed);
    bad_failed: bad units stored as a failure with an E code and a message; bad_lost: the others;
    bad_stored_as_document: bad units that nevertheless became a document;
    either_accounted / either_lost: mutated units that became a document or a failure, or nothing;
    leaked_secret: stored documents holding the text of a file only an external entity named.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from eventcoder.reading import read_path
from eventcoder.schema import Document
from eventcoder.store import Store

from .gen_bad_inputs import BAD, EITHER, GOOD, SECRET, Manifest

_CODE = re.compile(r"^E\d{3}$")


def run_code(folder: str, db: str, workers: int = 1, timeout: float = 3600,
             env: dict | None = None) -> tuple[int, str, float]:
    """`eventcoder code FOLDER --db DB` in a subprocess; RETURNS (exit status, stderr, seconds)."""
    command = [sys.executable, "-m", "eventcoder", "code", folder, "--db", db, "-q", "--workers", str(workers)]
    started = time.monotonic()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout,
                          env={**os.environ, **(env or {})})
    return done.returncode, done.stderr.decode("utf-8", "replace"), time.monotonic() - started


def _owner(origin: str, units: dict[str, str]) -> list[str]:
    """The units an origin stands for: itself, or every entry of a feed that failed whole."""
    if origin in units:
        return [origin]
    return [u for u in units if u.startswith(origin + "#entry")]


def check(manifest: Manifest, db: str) -> dict:
    """What became of every unit of `manifest` in the store at `db` (see module doc)."""
    units = manifest.units
    # the same text twice is stored once: a unit is stored when its text's doc_id is
    read_ids = {item.origin: item.doc_id for item in read_path(manifest.folder) if isinstance(item, Document)}
    documents: set[str] = set()
    failed: set[str] = set()
    unclear: list[str] = []
    leaked = 0
    with Store.open(db) as store:
        stored_ids = set()
        for doc in store.documents():
            stored_ids.add(doc.doc_id)
            documents.update(_owner(doc.origin or "", units))
            leaked += SECRET in doc.text or SECRET in (doc.title or "")
        documents.update(origin for origin, doc_id in read_ids.items() if doc_id in stored_ids and origin in units)
        for failure in store.failures():
            owners = _owner(failure.origin, units)
            if owners and _CODE.match(failure.code) and failure.message.strip():
                failed.update(owners)
            elif owners:
                unclear.append(failure.origin)
        counts = store.counts()
    by = {kind: [u for u, e in units.items() if e == kind] for kind in (GOOD, BAD, EITHER)}
    good_lost = [u for u in by[GOOD] if u not in documents]
    bad_lost = [u for u in by[BAD] if u not in failed]
    either_lost = [u for u in by[EITHER] if u not in documents and u not in failed]
    return {
        "units": len(units), "good": len(by[GOOD]), "bad": len(by[BAD]), "either": len(by[EITHER]),
        "good_stored": len(by[GOOD]) - len(good_lost), "good_lost": good_lost,
        "bad_failed": len(by[BAD]) - len(bad_lost), "bad_lost": bad_lost,
        "bad_stored_as_document": [u for u in by[BAD] if u in documents],
        "either_accounted": len(by[EITHER]) - len(either_lost), "either_lost": either_lost,
        "failures_without_code": unclear, "leaked_secret": leaked,
        "documents": counts["documents"], "events": counts["events"], "failures": counts["failures"],
    }


def run_and_check(manifest: Manifest, db: Path, workers: int = 1, env: dict | None = None) -> dict:
    """`run_code` on the manifest's folder, then `check`; RETURNS the figures."""
    exit_code, stderr, seconds = run_code(manifest.folder, str(db), workers, env=env)
    figures = check(manifest, str(db))
    figures.update(exit_code=exit_code, crashes=int(exit_code != 0), tracebacks=stderr.count("Traceback"),
                   seconds=round(seconds, 1), stderr_tail=stderr[-2000:] if exit_code else "")
    return figures
