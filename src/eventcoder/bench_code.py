"""`eventcoder bench`: coding speed of the fast path against a parse-everything run of the same
documents, on short and long reports, end to end, and (optionally) the accuracy of both.

    eventcoder bench ../shared/devset/reports --repeat 2
    eventcoder bench --gold ../shared/devset/gold.jsonl --gold heldout/gold.jsonl --real-split dev

Short reports are the documents under PATHS; long ones are those documents joined in order into
reports of 300-600 words (real-news length). Each is coded `repeat` times, in one process (with the
per-stage split) and on `workers` processes, on the fast path (`pipeline.code_batch`) and on the
parse-everything path (`pipeline.code_one`: every document fully parsed, one at a time, by spaCy's
pipeline as shipped: the coder as it was before the fast path); models are loaded before every
clock starts. The end-to-end run is `eventcoder code corpus.jsonl --db X`
with default options in a fresh process (start-up and model loading included) on `--e2e-docs`
short reports; its peak RSS is the largest sum over the process and its workers. Figures only,
no asserts: timings on a shared machine are noisy, compare the ratios measured in one run.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Iterable, Optional


def long_reports(docs: list, low: int = 300, high: int = 600) -> list:
    """The documents joined in order (paragraphs) into reports of `low`-`high` words, one language each."""
    from dataclasses import replace

    from .nlp import document_language

    out, group, words = [], [], 0

    def flush() -> None:
        if group and words >= low:
            first = group[0]
            out.append(replace(first, text="\n\n".join(d.text.strip() for d in group), doc_id=f"{first.doc_id}-long",
                               origin=f"{first.origin}+{len(group) - 1}"))

    for doc in docs:
        n = len(doc.text.split())
        if group and (words + n > high or document_language(doc) != document_language(group[0])):
            flush()
            group, words = [], 0
        group.append(doc)
        words += n
    flush()
    return out


def _firsts(docs: list) -> list:
    from .nlp import document_language

    out: dict = {}
    for d in docs:
        out.setdefault(document_language(d), d)
    return list(out.values())


def _in_process(docs: list, fast: bool) -> tuple[float, dict]:
    """Seconds to code `docs` once in this process, and the per-stage seconds."""
    from .pipeline import code_documents, default_coder

    coder = default_coder()
    coder.seconds.clear()
    started = time.perf_counter()
    for _item in code_documents(docs, fast=fast):
        pass
    return time.perf_counter() - started, dict(coder.seconds)


def _pool_pass(pool, docs: list) -> float:
    started = time.perf_counter()
    for _item in pool.code(docs):
        pass
    return time.perf_counter() - started


def _rate(n: int, words: int, seconds: float) -> str:
    return f"{n / seconds:6.1f} reports/s {words / seconds:8,.0f} words/s"


def bench_corpus(name: str, docs: list, repeat: int, workers: int) -> dict:
    """Fast vs parse-everything on `docs`, in one process and on `workers`; prints and returns figures.

    The two paths take turns, pass after pass, so that a machine shared with other work slows
    both alike; the ratio is that of their total times.
    """
    from .parallel import CodingPool

    n, words = len(docs) * repeat, sum(len(d.text.split()) for d in docs) * repeat
    fast_s = full_s = 0.0
    stages: dict = {}
    for _ in range(repeat):
        seconds, split = _in_process(docs, True)
        fast_s += seconds
        stages = {k: stages.get(k, 0.0) + v for k, v in split.items()}
        full_s += _in_process(docs, False)[0]
    out = {"reports": n, "words": words, "words_per_report": round(words / n),
           "one_process": {"fast_per_s": round(n / fast_s, 1), "full_per_s": round(n / full_s, 1),
                           "words_per_s": round(words / fast_s), "ratio": round(full_s / fast_s, 2)},
           "stages_s": {k: round(v, 2) for k, v in sorted(stages.items(), key=lambda kv: -kv[1])}}
    print(f"{name}: {n} reports, {words / n:.0f} words each")
    print(f"  1 process   fast {_rate(n, words, fast_s)} | parse-everything {_rate(n, words, full_s)} | "
          f"x{out['one_process']['ratio']}")
    if workers > 1:
        with CodingPool(workers, fast=True) as fast_pool, CodingPool(workers, fast=False) as full_pool:
            for pool in (fast_pool, full_pool):  # start and warm every process (each language's model)
                list(pool.code([d for _ in range(workers * pool.chunk) for d in _firsts(docs)]))
            pf = pe = 0.0
            for _ in range(repeat):
                pf += _pool_pass(fast_pool, docs)
                pe += _pool_pass(full_pool, docs)
        out["workers"] = {"n": workers, "fast_per_s": round(n / pf, 1), "full_per_s": round(n / pe, 1),
                          "words_per_s": round(words / pf), "ratio": round(pe / pf, 2)}
        print(f"  {workers} processes fast {_rate(n, words, pf)} | parse-everything {_rate(n, words, pe)} | "
              f"x{out['workers']['ratio']}")
    total = sum(stages.values()) or 1.0
    print("  stages (fast, 1 process): " + ", ".join(f"{k} {100 * v / total:.0f} %" for k, v in
                                                     sorted(stages.items(), key=lambda kv: -kv[1])))
    return out


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc), in MB."""
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm", "rb") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError, IndexError):
            continue
    return total


def end_to_end(docs: list, n: int, workers: int = 0) -> dict:
    """`eventcoder code corpus.jsonl --db X` on `n` reports (the documents repeated), in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for i in range(n):
                d = docs[i % len(docs)]
                fh.write(json.dumps({"id": f"{d.doc_id}-{i}", "text": d.text, "title": d.title,
                                     "published": d.published.isoformat() if d.published else None,
                                     "source": d.source, "lang": d.lang}) + "\n")
        cmd = [sys.executable, "-m", "eventcoder", "code", str(corpus), "--db", str(Path(tmp) / "x.db"),
               "--out", str(Path(tmp) / "events.jsonl"), "--quiet"] + (["--workers", str(workers)] if workers else [])
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        peak = [0.0]

        def watch() -> None:
            while proc.poll() is None:
                peak[0] = max(peak[0], _tree_rss_mb(proc.pid))
                time.sleep(0.1)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        _, err = proc.communicate()
        elapsed = time.perf_counter() - started
        watcher.join()
        events = sum(1 for _ in (Path(tmp) / "events.jsonl").open()) if (Path(tmp) / "events.jsonl").exists() else 0
    if proc.returncode:
        print(err.decode(errors="replace")[-2000:], file=sys.stderr)
    out = {"reports": n, "seconds": round(elapsed, 2), "per_s": round(n / elapsed, 1), "events": events,
           "peak_rss_mb": round(peak[0]), "returncode": proc.returncode}
    print(f"end to end (eventcoder code corpus.jsonl --db x.db, {'default workers' if not workers else workers}; "
          f"start-up and model loading included): {n} reports in {elapsed:.1f} s, {out['per_s']} reports/s, "
          f"{events} events; peak RSS (all processes) {out['peak_rss_mb']} MB")
    return out


def _coded_by_file(files: list[Path], fast: bool, workers: int) -> dict:
    from .parallel import code_documents
    from .reading import read_path

    items, owner = [], []
    for f in files:
        for item in read_path(f):
            items.append(item)
            owner.append(f)
    out: dict = {f: [] for f in files}
    for f, result in zip(owner, code_documents(items, workers=workers, fast=fast)):
        out[f].extend(getattr(result, "events", []))
    return out


def _numbers(tree, prefix: str = "") -> dict:
    if isinstance(tree, dict):
        return {k: v for key, sub in tree.items() for k, v in _numbers(sub, f"{prefix}{key}.").items()}
    return {prefix[:-1]: tree} if isinstance(tree, (int, float)) and not isinstance(tree, bool) else {}


def accuracy(golds: Iterable[str], real_splits: Iterable[str] = (), workers: int = 0,
             real_gold: str = "realnews/gold.jsonl") -> dict:
    """Scores of the parse-everything run ("before") and of the fast path ("after") on each gold file
    (the devset format) and real-news split; prints the headline F1s and the largest difference."""
    from .evaluate import evaluate, load_gold, select
    from .evaluate_real import evaluate_real

    jobs = [(g, None) for g in golds] + [(real_gold, s) for s in real_splits]
    out = {}
    for gold, split in jobs:
        reports = select(load_gold(Path(gold)), splits={split} if split else None)
        files = sorted({Path(gold).parent / r["file"] for r in reports if (Path(gold).parent / r["file"]).is_file()})
        scores = {}
        for label, fast in (("before", False), ("after", True)):
            coded = _coded_by_file(files, fast, workers)
            coder = lambda path, coded=coded: coded.get(Path(path), [])  # noqa: E731
            scores[label] = evaluate_real(gold, (split,), coder)[split]["all"] if split else evaluate(gold, coder)
        a, b = _numbers(scores["before"]), _numbers(scores["after"])
        diffs = {k: round(b[k] - a[k], 3) for k in a if k in b and a[k] != b[k]}
        worst = max((abs(v) for k, v in diffs.items() if not k.endswith((".n", "tp", "pred", "gold"))), default=0.0)
        name = f"{gold} ({split})" if split else gold
        line = "  ".join(f"{key} F1 {scores['before'][key]['f1']:.3f} -> {scores['after'][key]['f1']:.3f}"
                         for key in ("main_events", "events"))
        print(f"accuracy {name}: {line}; {len(diffs)} figures differ, largest score difference {worst:.3f}")
        out[name] = {"before": scores["before"], "after": scores["after"], "differences": diffs,
                     "largest_difference": worst}
    return out


def bench_code(paths: list[str], repeat: int = 1, workers: int = 0, long: bool = True, e2e_docs: int = 1200,
               golds: Iterable[str] = (), real_splits: Iterable[str] = (), json_out: Optional[str] = None) -> dict:
    """The whole coding benchmark (see the module doc); RETURNS the figures (also written to json_out)."""
    from .nlp import spacy_model
    from .parallel import default_workers
    from .pipeline import code_documents
    from .reading import read_paths
    from .schema import Failure

    workers = workers or default_workers()
    docs = [d for d in read_paths(paths) if not isinstance(d, Failure)]
    if not docs:
        raise SystemExit("no readable documents under " + ", ".join(paths))
    started = time.perf_counter()
    from .nlp import document_language

    for lang in {document_language(d) for d in docs}:
        for stock in (False, True):  # every language's model (both forms) is loaded before the clocks start
            spacy_model(lang, stock)
    for fast in (False, True):
        list(code_documents(_firsts(docs), fast=fast))
    figures: dict = {"warm_up_s": round(time.perf_counter() - started, 1), "workers": workers}
    figures["short"] = bench_corpus("short reports", docs, repeat, workers)
    if long:
        figures["long"] = bench_corpus("long reports", long_reports(docs), repeat, workers)
    figures["peak_rss_mb_one_process"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(f"peak RSS of this process (one-process runs; each model loaded twice, with and without the fast "
          f"pipes): {figures['peak_rss_mb_one_process']} MB")
    if e2e_docs:  # English reports, as in issue 15 (a French one loads a second, 380 MB model per process)
        english = [d for d in docs if document_language(d) == "en"] or docs
        figures["end_to_end"] = end_to_end(english, e2e_docs)
    if golds or real_splits:
        figures["accuracy"] = accuracy(golds, real_splits, workers)
    if json_out:
        Path(json_out).write_text(json.dumps(figures, indent=1, default=str), encoding="utf-8")
    return figures
