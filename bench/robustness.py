"""Robustness benchmark (issue 19): bad inputs, kill -9 trials and schemathesis, with the figures.

    .venv/bin/python bench/robustness.py                     # 10,000 units, 20 trials, 100 cases/operation
    .venv/bin/python bench/robustness.py --pg postgresql://postgres@127.0.0.1:5432/scratch
    .venv/bin/python bench/robustness.py --units 1000 --trials 3 --examples 20   # a quick look

1. A generated corpus (tests/robustness/gen_bad_inputs.py: empty, binary, NUL, invalid UTF-8 and
   legacy encodings, 50 MB lines, deep and huge HTML, hostile RSS/XML, broken JSONL, gigantic
   numbers, mixed scripts, repeated text, junk inside good reports, mutated reports) coded by
   `eventcoder code DIR --db X`: crashes, tracebacks, good reports stored, bad ones stored as failures.
2. kill -9 at random moments of `eventcoder ingest` (SQLite, and PostgreSQL with --pg or
   $EVENTCODER_TEST_PG_URL) and of review writes through the API, each followed by a re-run and an
   integrity check (tests/robustness/kill_trials.py).
3. schemathesis against the OpenAPI schema of a live server on 127.0.0.1.

The PostgreSQL database given is emptied (every eventcoder table dropped) before each trial.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.robustness.api_fuzz import fuzz_api  # noqa: E402
from tests.robustness.corpus_check import run_and_check  # noqa: E402
from tests.robustness.gen_bad_inputs import generate  # noqa: E402
from tests.robustness.kill_trials import (  # noqa: E402
    IngestCorpus, create_token, ingest_trial, reference_run, review_trial,
)


def corpus_figures(tmp: Path, units: int, workers: int, seconds: float) -> dict:
    started = time.monotonic()
    manifest = generate(tmp / "corpus", units=units, big=True)
    print(f"corpus: {len(manifest.units):,} units generated in {time.monotonic() - started:.0f} s "
          f"({dict(manifest.counts())}); coding with --workers {workers} ...", flush=True)
    figures = run_and_check(manifest, tmp / "corpus.db", workers=workers,
                            env={"EVENTCODER_DOC_SECONDS": str(seconds)})
    from eventcoder.store import Store

    with Store.open(str(tmp / "corpus.db")) as store:
        figures["failure_codes"] = dict(sorted(Counter(f.code for f in store.failures()).items()))
        figures["warning_codes"] = dict(sorted(Counter(w.code for w in store.warnings()).items()))
    figures["categories"] = len(manifest.categories)
    return figures


def print_corpus(f: dict) -> None:
    print("\n== 1. bad and mutated inputs mixed with good reports (eventcoder code --db)")
    print(f"units                        {f['units']:>7,}  ({f['categories']} kinds; good {f['good']:,}, "
          f"bad {f['bad']:,}, mutated or pathological {f['either']:,})")
    print(f"crashes (exit status)        {f['crashes']:>7}  (exit {f['exit_code']})")
    print(f"tracebacks on stderr         {f['tracebacks']:>7}")
    print(f"good reports coded, stored   {f['good_stored']:>7,} of {f['good']:,}   lost: {len(f['good_lost'])}")
    print(f"bad inputs stored as failure {f['bad_failed']:>7,} of {f['bad']:,}   lost: {len(f['bad_lost'])}, "
          f"stored as documents: {len(f['bad_stored_as_document'])}")
    print(f"mutated inputs accounted for {f['either_accounted']:>7,} of {f['either']:,}   lost: {len(f['either_lost'])}")
    print(f"failures without code        {len(f['failures_without_code']):>7}")
    print(f"external entity read         {f['leaked_secret']:>7}")
    print(f"stored: {f['documents']:,} documents, {f['events']:,} events, {f['failures']:,} failures; "
          f"{f['seconds']:.0f} s")
    print(f"failure codes: {f['failure_codes']}")
    print(f"warning codes: {f['warning_codes']}")
    for name in ("good_lost", "bad_lost", "bad_stored_as_document", "either_lost", "failures_without_code"):
        if f[name]:
            print(f"  {name}: {f[name][:5]}")
    if f["stderr_tail"]:
        print(f"  stderr: {f['stderr_tail']}")
    sys.stdout.flush()


def kill_figures(tmp: Path, trials: int, pg: str | None) -> list[tuple[str, list[dict]]]:
    results = []
    corpus = IngestCorpus.write(tmp / "ingest-in", good=60)
    backends = [("SQLite", str(tmp / "kill.db"))] + ([("PostgreSQL", pg)] if pg else [])
    for name, url in backends:
        ref = reference_run(corpus, url)
        rng = random.Random(19)
        print(f"kill -9 during ingest on {name}: {trials} trials (an uninterrupted run takes "
              f"{ref.seconds:.1f} s, writing from {ref.first_write:.1f} s on) ...", flush=True)
        results.append((f"ingest, {name}", [ingest_trial(corpus, url, ref, rng) for _ in range(trials)]))
    review_corpus = IngestCorpus.write(tmp / "review-in", good=20)
    for name, db in [("SQLite", str(tmp / "review.db"))] + ([("PostgreSQL", pg)] if pg else []):
        reference_run(review_corpus, db)
        token = create_token(db)
        rng = random.Random(19)
        print(f"kill -9 during review writes on {name}: {trials} trials ...", flush=True)
        results.append((f"review writes, {name}", [review_trial(db, token, rng, n) for n in range(trials)]))
    return results


def print_kills(results: list[tuple[str, list[dict]]]) -> None:
    print("\n== 2. kill -9 at a random moment, re-run, integrity check")
    for name, trials in results:
        problems: Counter = Counter()
        for trial in trials:
            problems.update(trial["problems"])
        clean = sum(not trial["problems"] for trial in trials)
        if name.startswith("ingest"):
            mid = sum(0 < t["stored_at_kill"] for t in trials)
            finished = sum(t["finished_before_kill"] for t in trials)
            detail = (f"{mid} killed with documents already stored, {len(trials) - mid - finished} before the "
                      f"first batch, {finished} finished before the kill")
        else:
            detail = (f"{sum(t['acknowledged'] for t in trials):,} acknowledged writes, "
                      f"{sum(t['writes'] for t in trials):,} sent")
        lost = ("lost documents", "duplicated documents") if name.startswith("ingest") else \
            ("acknowledged writes lost", "reviews that differ from their audit trail")
        print(f"{name:<24} {len(trials)} trials, {clean} clean; {lost[0]} {problems[lost[0]]}, "
              f"{lost[1]} {problems[lost[1]]}; {detail}")
        others = {k: v for k, v in problems.items() if k not in lost}
        print(f"{'':<24} other problems: {others or 'none'}", flush=True)


def api_figures(tmp: Path, examples: int) -> dict:
    db = str(tmp / "api.db")
    reference_run(IngestCorpus.write(tmp / "api-in", good=20), db)
    print(f"schemathesis: {examples} cases per operation ...", flush=True)
    return fuzz_api(db, create_token(db), examples=examples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000, help="inputs in the generated corpus")
    parser.add_argument("--workers", type=int, default=2, help="coding processes for the corpus")
    parser.add_argument("--doc-seconds", type=float, default=20.0, help="per-document time limit (E502)")
    parser.add_argument("--trials", type=int, default=20, help="kill -9 trials of each kind")
    parser.add_argument("--examples", type=int, default=100, help="schemathesis cases per operation")
    parser.add_argument("--pg", default=os.environ.get("EVENTCODER_TEST_PG_URL"),
                        help="a PostgreSQL database to empty and use for the ingest trials")
    parser.add_argument("--skip", action="append", default=[], choices=["corpus", "kill", "api"])
    args = parser.parse_args(argv)
    started = time.monotonic()
    print(f"robustness benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs", flush=True)
    with tempfile.TemporaryDirectory(prefix="eventcoder-robust-") as folder:
        tmp = Path(folder)
        if "corpus" not in args.skip:  # each part's figures are printed as soon as they are known
            print_corpus(corpus_figures(tmp, args.units, args.workers, args.doc_seconds))
        if "kill" not in args.skip:
            print_kills(kill_figures(tmp, args.trials, args.pg))
        if "api" not in args.skip:
            api = api_figures(tmp, args.examples)
            print("\n== 3. schemathesis against the OpenAPI schema (live server on 127.0.0.1)")
            print(f"{api['operations']} operations, {api['requests']:,} requests {api['statuses']} in "
                  f"{api['seconds']:.0f} s; server errors: {len(api['server_errors'])}")
            for error in api["server_errors"][:10]:
                print(f"  {error}")
    print(f"\n{time.monotonic() - started:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
