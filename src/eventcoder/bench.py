"""Benchmarks: coding throughput per stage, merge scaling and ingest throughput (figures, no asserts).

    eventcoder bench ../shared/devset/reports --repeat 3      (coding: docs/s, words/s, RSS, stages)
    python -m eventcoder.bench merge --gold ../shared/devset/gold.jsonl
    python -m eventcoder.bench ingest --docs 2000
    python -m eventcoder.bench dask --workers 2     (Dask speed-up, 1 vs 2 local workers)

Merge: the devset gold events are replicated into n synthetic events: copy k shifts every
date by 7*k days (so copies never share a date window) and perturbs coordinates (+-0.02
deg), fatalities (+-1) and, for one event in five, the date (+-1 day); doc and event ids get
a `-rK` suffix. The result has the devset's block structure repeated, so a near-linear
merger should take ~10x longer for 10x the events (the 100k/10k ratio is printed).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from .dedup_eval import gold_events
from .evaluate import load_gold
from .merge import cluster
from .schema import Event


def bench_code(paths: list[str], repeat: int = 1, workers: int = 1) -> dict:
    """Code every document under `paths` `repeat` times; print and return throughput figures.

    The first document is coded once before timing so model and gazetteer loading are excluded
    (their cost is printed separately as `warm-up`). With `workers` > 1 the same documents are
    then coded on that many processes (pool start-up and warm-up excluded) and the speed-up over
    one process is printed.
    """
    import resource

    from .pipeline import code_documents, default_coder
    from .reading import read_paths
    from .schema import Failure

    docs = [d for d in read_paths(paths) if not isinstance(d, Failure)]
    if not docs:
        raise SystemExit("no readable documents under " + ", ".join(paths))
    started = time.perf_counter()
    list(code_documents(docs[:1]))
    warm = time.perf_counter() - started
    coder = default_coder()
    coder.seconds.clear()
    events = 0
    started = time.perf_counter()
    for _ in range(repeat):
        for item in code_documents(docs):
            events += len(getattr(item, "events", []))
    elapsed = time.perf_counter() - started
    n = len(docs) * repeat
    words = sum(len(d.text.split()) for d in docs) * repeat
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {"documents": n, "events": events, "seconds": round(elapsed, 2),
               "docs_per_s": round(n / elapsed, 1), "words_per_s": round(words / elapsed),
               "docs_per_min": round(60 * n / elapsed), "peak_rss_mb": round(rss_mb),
               "warm_up_s": round(warm, 2),
               "stages_s": {k: round(v, 2) for k, v in coder.seconds.most_common()}}
    print(f"coded {n} documents ({words:,} words) in {elapsed:.2f} s: {figures['docs_per_s']} docs/s, "
          f"{figures['docs_per_min']:,} docs/min, {figures['words_per_s']:,} words/s; "
          f"{events} events; peak RSS {figures['peak_rss_mb']} MB; warm-up {warm:.1f} s")
    total = sum(coder.seconds.values()) or 1.0
    for stage, secs in coder.seconds.most_common():
        print(f"  {stage:<12} {secs:7.2f} s  {100 * secs / total:5.1f} %")
    if workers > 1:
        figures["parallel"] = _bench_parallel(docs, repeat, workers, elapsed)
    return figures


def _bench_parallel(docs: list, repeat: int, workers: int, one_process_s: float) -> dict:
    from .parallel import CodingPool

    with CodingPool(workers) as pool:
        list(pool.code(docs[:workers]))  # start and warm every process
        started = time.perf_counter()
        for _ in range(repeat):
            for _item in pool.code(docs):
                pass
        elapsed = time.perf_counter() - started
    n = len(docs) * repeat
    out = {"workers": workers, "seconds": round(elapsed, 2), "docs_per_s": round(n / elapsed, 1),
           "docs_per_min": round(60 * n / elapsed), "speed_up": round(one_process_s / elapsed, 2)}
    print(f"{workers} processes: {n} documents in {elapsed:.2f} s: {out['docs_per_s']} docs/s, "
          f"{out['docs_per_min']:,} docs/min; speed-up over 1 process x{out['speed_up']}")
    return out


def synthetic_events(base: list[Event], n: int, seed: int = 1) -> list[Event]:
    """`n` events made by replicating and perturbing `base` (see module doc)."""
    rng = random.Random(seed)
    out: list[Event] = []
    k = 0
    while len(out) < n:
        for e in base:
            if len(out) >= n:
                break
            jitter = dt.timedelta(days=rng.choice((-1, 1))) if rng.random() < 0.2 else dt.timedelta(0)
            out.append(dataclasses.replace(
                e, event_id=f"{e.event_id}-r{k}", doc_id=f"{e.doc_id}-r{k}", incident_id=None, evidence=[],
                event_date=e.event_date + dt.timedelta(days=7 * k) + jitter if e.event_date else None,
                latitude=e.latitude + rng.uniform(-0.02, 0.02) if e.latitude is not None else None,
                longitude=e.longitude + rng.uniform(-0.02, 0.02) if e.longitude is not None else None,
                fatalities=max(0, (e.fatalities or 0) + rng.choice((-1, 0, 0, 1)))))
        k += 1
    return out


def bench_merge(gold: str, sizes: tuple[int, ...] = (1_000, 10_000, 100_000)) -> dict[int, float]:
    """Seconds to merge each size of synthetic events; prints a table and the 10k/100k ratio."""
    base, _ = gold_events(load_gold(Path(gold)))
    times: dict[int, float] = {}
    for n in sizes:
        events = synthetic_events(base, n)
        started = time.perf_counter()
        result = cluster(events)
        times[n] = time.perf_counter() - started
        multi = sum(1 for inc in result.incidents if len(inc.event_ids) > 1)
        print(f"merge {n:>7,} events: {times[n]:7.2f} s  {len(result.incidents):>7,} incidents "
              f"({multi:,} multi-report)  {n / times[n]:,.0f} events/s")
    if 10_000 in times and 100_000 in times:
        print(f"100k/10k time ratio: {times[100_000] / times[10_000]:.1f} (10.0 = linear); "
              f"target: 100k in < 60 s -> {'met' if times[100_000] < 60 else 'NOT met'}")
    return times


def bench_ingest(docs: int = 2000, code_docs: int = 200, db: str | None = None) -> None:
    """Documents per second of `ingest`, store-only and with coding (SQLite unless `db` is a URL)."""
    from .ingest import ingest
    from .store import Store
    from .synthetic import write_jsonl

    with tempfile.TemporaryDirectory() as tmp:
        for label, n, code in (("store only", docs, False), ("with coding", code_docs, True)):
            path = write_jsonl(Path(tmp) / f"{label[:4]}.jsonl", n, seed=3 if code else 5)
            store = Store.open(db or str(Path(tmp) / f"{label[:4]}.db"))
            store.init()
            if code:
                from .pipeline import default_coder

                default_coder()  # model loading is not ingest time
            stats = ingest([str(path)], store, code=code)
            print(f"ingest {label:<12} {stats.line()}")
            store.close()


def bench_dask(paths: list[str], workers: int = 2, repeat: int = 2, partition_size: int = 20) -> dict:
    """Dask speed-up: the same documents coded on 1 and on `workers` local worker processes
    (cluster start and model loading excluded: each cluster codes a warm-up partition first)."""
    from distributed import Client, LocalCluster

    from .cluster import code_on_dask

    sources = list(paths) * repeat
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (1, workers):
            with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cl, \
                    Client(cl) as client:
                client.run(_warm_worker)
                stats = code_on_dask(sources, out=str(Path(tmp) / f"w{n}"), client=client,
                                     partition_size=partition_size)
                out[f"{n}_workers_s"] = round(stats.seconds, 2)
                print(f"dask {n} worker(s): {stats.line()}")
    out["speed_up"] = round(out["1_workers_s"] / out[f"{workers}_workers_s"], 2)
    print(f"dask speed-up {workers} vs 1 worker: x{out['speed_up']}")
    return out


def _warm_worker() -> None:
    from .pipeline import warm_up

    warm_up()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m eventcoder.bench")
    sub = parser.add_subparsers(dest="what", required=True)
    m = sub.add_parser("merge")
    m.add_argument("--gold", default="../shared/devset/gold.jsonl")
    m.add_argument("--sizes", default="1000,10000,100000")
    i = sub.add_parser("ingest")
    i.add_argument("--docs", type=int, default=2000)
    i.add_argument("--code-docs", type=int, default=200)
    i.add_argument("--db", default=None, help="a database URL (default: a temporary SQLite file)")
    d = sub.add_parser("dask")
    d.add_argument("paths", nargs="*", default=["../shared/devset/reports"])
    d.add_argument("--workers", type=int, default=2)
    d.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if args.what == "merge":
        bench_merge(args.gold, tuple(int(s) for s in args.sizes.split(",")))
    elif args.what == "dask":
        bench_dask(args.paths, args.workers, args.repeat)
    else:
        bench_ingest(args.docs, args.code_docs, args.db)


if __name__ == "__main__":
    main()
