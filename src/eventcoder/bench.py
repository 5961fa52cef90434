"""Benchmarks: coding throughput per stage, merge scaling and ingest throughput (figures, no asserts).

    eventcoder bench ../shared/devset/reports --repeat 2      (coding: bench_code.py)
    python -m eventcoder.bench merge --gold ../shared/devset/gold.jsonl
    python -m eventcoder.bench ingest --docs 2000
    python -m eventcoder.bench feed --docs 10000    (incremental merging: ms/doc, first vs last 1000)
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


# ------------------------------------------------------------------ a live feed: merging as it grows

_FEED_PLACES = [("Gusau", "Zamfara", "Nigeria", 12.17, 6.66), ("Maiduguri", "Borno", "Nigeria", 11.85, 13.16),
                ("Kismayo", "Lower Juba", "Somalia", -0.36, 42.55), ("Baidoa", "Bay", "Somalia", 3.12, 43.65),
                ("Goma", "North Kivu", "Democratic Republic of Congo", -1.68, 29.22),
                ("Beni", "North Kivu", "Democratic Republic of Congo", 0.49, 29.47),
                ("Mopti", "Mopti", "Mali", 14.49, -4.19), ("Kidal", "Kidal", "Mali", 18.44, 1.41),
                ("Pemba", "Cabo Delgado", "Mozambique", -12.97, 40.52),
                ("Sokoto", "Sokoto", "Nigeria", 13.06, 5.24), ("Makurdi", "Benue", "Nigeria", 7.73, 8.52),
                ("Jos", "Plateau", "Nigeria", 9.90, 8.86), ("Beledweyne", "Hiraan", "Somalia", 4.74, 45.20),
                ("Bukavu", "South Kivu", "Democratic Republic of Congo", -2.51, 28.86),
                ("Bunia", "Ituri", "Democratic Republic of Congo", 1.56, 30.25), ("Gao", "Gao", "Mali", 16.27, -0.04),
                ("Timbuktu", "Timbuktu", "Mali", 16.77, -3.01), ("Mocimboa da Praia", "Cabo Delgado", "Mozambique",
                                                                 -11.35, 40.35),
                ("Djibo", "Sahel", "Burkina Faso", 14.10, -1.63), ("Kaya", "Centre-Nord", "Burkina Faso", 13.09, -1.08),
                ("Diffa", "Diffa", "Niger", 13.32, 12.61), ("Tillaberi", "Tillaberi", "Niger", 14.21, 1.45)]
_FEED_KINDS = [  # (sub_event_type, actor1, actor2, two phrasings)
    ("Attack", "Unidentified Armed Group ({c})", "Civilians ({c})",
     ("Gunmen killed {n} villagers in {p}, {a}, on {d}, {who} said.",
      "{N} villagers were shot dead by gunmen in {p} in {a} state on {d}, according to {who}.")),
    ("Abduction/forced disappearance", "Unidentified Armed Group ({c})", "Civilians ({c})",
     ("Militants abducted {n} farmers near {p} in {a} on {d}, {who} said.",
      "{N} farmers were kidnapped by militants outside {p}, {a}, on {d}, {who} told reporters.")),
    ("Armed clash", "Military Forces of {c}", "Unidentified Armed Group ({c})",
     ("Soldiers clashed with fighters outside {p}, {a}, on {d}; {n} people died, {who} said.",
      "{N} people died on {d} when troops fought insurgents on the outskirts of {p} in {a}, {who} said.")),
    ("Remote explosive/landmine/IED", "Unidentified Armed Group ({c})", "Military Forces of {c}",
     ("A roadside bomb killed {n} soldiers near {p} in {a} on {d}, {who} said.",
      "{N} soldiers died when their convoy hit an explosive device close to {p}, {a}, on {d}, {who} said.")),
]
_FIRST = ("Musa Amina Abdi Jean Moussa Fatima Yusuf Grace Omar Halima Ibrahim Aisha Idris Zainab Pierre Mariam "
          "Sani Hawa Ali Khadija Daniel Esther Salif Awa Bakari Rukia Joseph Safiya Hamza Nadia").split()
_LAST = ("Bello Warsame Kabila Traore Machel Okafor Hassan Mutombo Diallo Nuur Sanogo Abubakar Farah Lumumba "
         "Keita Nhaca Eze Omar Tshisekedi Coulibaly Guambe Adamu Jama Kasongo Toure Mabunda Garba Aden").split()
_WORDS = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_NUMS = ["Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"]


_VOCAB = ("dawn night smoke fire road bridge river cattle goats school clinic market mosque church well truck "
          "motorbikes rifles children mothers elders soldiers police shop bakery farm field harvest village "
          "hill forest camp border bus petrol phone radio water bread flour rice maize sorghum salt cloth "
          "door roof wall gate yard tree stone dust rain wind moon street corner house shelter").split()
_CONTEXT = ["The area has seen repeated attacks this year.", "Aid groups say thousands have fled the district.",
            "No group has claimed responsibility.", "The army has deployed more troops to the region.",
            "Local officials called for calm.", "Residents said the roads remained closed.",
            "The government condemned the violence.", "It was the third such incident this month.",
            "Humanitarian access to the area is limited.", "Security forces launched a search operation."]


def feed_reports(n: int, per_day: int = 40, seed: int = 11) -> list[dict]:
    """`n` synthetic reports in the order a feed delivers them, `per_day` a day from 2024-01-01:
    each story (one real event: place, kind, toll, day, a named witness and a quote) is told by
    1-3 outlets in different words within two days. Each dict: text, published, source, and the
    truth (story id, event fields) that `--fake-coder` turns into the coded event."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    out: list[dict] = []
    story = 0
    while len(out) < n:
        day = start + dt.timedelta(days=len(out) // per_day)
        place, admin, country, lat, lon = rng.choice(_FEED_PLACES)
        kind, actor1, actor2, phrasings = rng.choice(_FEED_KINDS)
        toll = rng.randint(2, 12)
        witness = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
        quote = " ".join(rng.choice(_VOCAB) for _ in range(rng.randint(8, 12))).capitalize()
        detail = "Witnesses described " + " ".join(rng.choice(_VOCAB) for _ in range(rng.randint(10, 16))) + "."
        for k in range(rng.choice((1, 1, 2, 2, 3))):
            if len(out) >= n:
                break
            published = day + dt.timedelta(days=rng.choice((0, 0, 1)))
            weekday = _WORDS[(day.weekday() + 2) % 7]
            body = rng.choice(phrasings).format(n=toll, N=_NUMS[toll - 2], p=place, a=admin, d=weekday,
                                                who=rng.choice(["police", "officials", "residents", "the army"]))
            context = rng.choice(_CONTEXT)
            text = f'{body} {detail} "{quote}," said {witness}, who lives in {place}. {context}'
            out.append({"text": text, "published": published.isoformat(), "source": f"Outlet {k}",
                        "title": f"{kind} near {place}", "story": story, "event_date": day.isoformat(),
                        "country": country, "admin1": admin, "location": place, "latitude": lat, "longitude": lon,
                        "sub_event_type": kind, "actor1": actor1.format(c=country), "actor2": actor2.format(c=country),
                        "fatalities": toll})
        story += 1
    return out[:n]


def _fake_events(doc, record: dict) -> list[Event]:
    from .schema import SUB_TO_TYPE

    fields = {k: record[k] for k in ("country", "admin1", "location", "latitude", "longitude", "sub_event_type",
                                     "actor1", "actor2", "fatalities")}
    return [Event(event_id=f"{doc.doc_id}-e1", doc_id=doc.doc_id, time_precision=1,
                  event_date=dt.date.fromisoformat(record["event_date"]), event_type=SUB_TO_TYPE[record["sub_event_type"]], geo_precision=1,
                  source=record["source"], **fields)]


def bench_feed(docs: int = 10_000, batch: int = 50, fake_coder: bool = False, workers: int = 0,
               db: str | None = None) -> dict:
    """Ingest a feed of `docs` reports batch by batch, merging as it goes (`Store.add_batch`), and
    print the time per document of each thousand: the last thousand should cost about what the
    first did (blocking keeps the work per document independent of the store's size).

    Coding time is measured apart (it does not depend on the store); with `fake_coder` the events
    come from the generator's truth instead (seconds instead of minutes). Also prints pairwise
    P/R/F1 of the incidents against the generator's stories.
    """
    from .dedup_eval import pairwise
    from .schema import Document
    from .store import Store

    records = feed_reports(docs)
    documents = [Document(text=r["text"], published=dt.date.fromisoformat(r["published"]), source=r["source"],
                          title=r["title"], origin=f"feed/{i}") for i, r in enumerate(records)]
    started = time.perf_counter()
    if fake_coder:
        coded = [(d, _fake_events(d, r)) for d, r in zip(documents, records)]
    else:
        from .parallel import CodingPool, default_workers
        from .pipeline import Coded

        workers = workers or default_workers()
        coded = []
        with CodingPool(workers) if workers > 1 else _InProcess() as pool:
            for item in pool.code(documents):
                coded.append((item.document, item.events) if isinstance(item, Coded) else (None, []))
    coding_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(db or str(Path(tmp) / "feed.db"))
        store.init()
        per_doc: list[float] = []
        for i in range(0, len(coded), batch):
            chunk = [(d, e) for d, e in coded[i:i + batch] if d is not None]
            t0 = time.perf_counter()
            store.add_batch(chunk)
            per_doc += [(time.perf_counter() - t0) / max(1, len(chunk))] * len(chunk)
        story_of = {f"{d.doc_id}-e1": r["story"] for (d, _), r in zip(coded, records) if d is not None}
        assignment = {e.event_id: e.incident_id for e in store.events()}
        incidents = store.incident_count()
        multi = store.incident_count(min_reports=2)
        store.close()
    thousands = [sum(per_doc[k:k + 1000]) / len(per_doc[k:k + 1000]) * 1000 for k in range(0, len(per_doc), 1000)]
    coding_ms = coding_s / len(documents) * 1000
    print(f"feed of {len(documents):,} reports ({'fake coder' if fake_coder else 'coded'}: "
          f"{coding_ms:.1f} ms/doc of coding, measured apart), batches of {batch}")
    for k, ms in enumerate(thousands):
        print(f"  docs {k * 1000 + 1:>6,}-{min(len(per_doc), (k + 1) * 1000):>6,}: store + merge {ms:6.2f} ms/doc")
    ratio = thousands[-1] / thousands[0] if thousands and thousands[0] else float("nan")
    first_total, last_total = thousands[0] + coding_ms, thousands[-1] + coding_ms
    print(f"last/first thousand: store + merge x{ratio:.2f}; ingest (coding + store + merge) "
          f"{first_total:.1f} -> {last_total:.1f} ms/doc, x{last_total / first_total:.2f} (target <= 1.5)")
    truth = {e: f"s{s}" for e, s in story_of.items() if e in assignment}
    pred = {e: assignment[e] or e for e in truth}
    scores = pairwise(pred, truth)
    print(f"{incidents:,} incidents ({multi:,} told by 2+ reports); against the generator's stories: "
          f"pairwise P {scores['precision']:.3f} R {scores['recall']:.3f} F1 {scores['f1']:.3f}")
    return {"ms_per_doc_by_thousand": thousands, "ratio": ratio, "coding_ms_per_doc": coding_ms,
            "ingest_ratio": last_total / first_total, "pairwise": scores}


class _InProcess:
    """A stand-in for CodingPool with one process."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    @staticmethod
    def code(documents):
        from .pipeline import code_documents

        return code_documents(documents)


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
    f = sub.add_parser("feed")
    f.add_argument("--docs", type=int, default=10_000)
    f.add_argument("--batch", type=int, default=50)
    f.add_argument("--fake-coder", action="store_true", help="events from the generator, not the coder")
    f.add_argument("--workers", type=int, default=0, help="coding processes (0: one per CPU)")
    f.add_argument("--db", default=None, help="a database URL (default: a temporary SQLite file)")
    d = sub.add_parser("dask")
    d.add_argument("paths", nargs="*", default=["../shared/devset/reports"])
    d.add_argument("--workers", type=int, default=2)
    d.add_argument("--repeat", type=int, default=2)
    c = sub.add_parser("ceiling", help="the spaCy model alone against the whole coder (bench_ceiling)")
    c.add_argument("paths", nargs="*", default=["../shared/devset/reports"])
    c.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.what == "ceiling":
        from .bench_ceiling import bench_ceiling

        bench_ceiling(args.paths, args.repeat)
        return
    if args.what == "merge":
        bench_merge(args.gold, tuple(int(s) for s in args.sizes.split(",")))
    elif args.what == "feed":
        bench_feed(args.docs, args.batch, args.fake_coder, args.workers, args.db)
    elif args.what == "dask":
        bench_dask(args.paths, args.workers, args.repeat)
    else:
        bench_ingest(args.docs, args.code_docs, args.db)


if __name__ == "__main__":
    main()
