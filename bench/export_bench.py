"""Export memory benchmark: peak Python memory while `export` streams 1k vs 20k stored events, per format.

    .venv/bin/python bench/export_bench.py [--sizes 1000,20000] [--formats acled-csv,gdelt-tsv,...]

Each size gets its own SQLite store of synthetic events (10 per report, each with two evidence spans and
a 200-character note) stored without merging. For every format the export streams the rows from the
store (`export.stream.stored_rows`) to a file while `tracemalloc` records the peak of Python allocations
(the SQLite engine's own memory and the process's baseline are not counted). Flat memory means a
largest/smallest ratio near 1 although the events grow 20x; a writer that held every row would show
about 20x. Prints figures and ratios only: nothing is asserted. The seconds include tracemalloc's own
overhead (it slows Python allocations several times), so they are an upper bound on export time.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
import tracemalloc

from eventcoder.export import export
from eventcoder.export.stream import stored_rows
from eventcoder.mappings import apply_codes
from eventcoder.schema import SUB_EVENT_TYPES, SUB_TO_TYPE, Document, Event, Evidence, disorder_type
from eventcoder.store import Store

FORMATS = ("acled-csv", "gdelt-tsv", "ucdp-csv", "plover-jsonl", "geojson", "jsonl", "parquet")
PER_DOC = 10


def make_store(path: str, n: int) -> None:
    """A store with `n` synthetic events (all 25 sub-event types, dated over a year)."""
    with Store.open(path) as store:
        store.init()
        batch = []
        for d in range(0, n, PER_DOC):
            doc = Document(text=f"Synthetic report {d}: gunmen attacked a convoy near Baidoa. " * 3,
                           source=f"Outlet {d % 37}", url=f"https://outlet.example/{d}", title=f"Report {d}",
                           published=dt.date(2025, 1, 1) + dt.timedelta(days=d % 365))
            events = []
            for k in range(min(PER_DOC, n - d)):
                sub = SUB_EVENT_TYPES[(d + k) % len(SUB_EVENT_TYPES)]
                events.append(apply_codes(Event(
                    event_id=f"{doc.doc_id}-e{k}", doc_id=doc.doc_id, main=k == 0,
                    event_date=doc.published - dt.timedelta(days=k % 3), time_precision=1 + k % 3,
                    event_type=SUB_TO_TYPE[sub], sub_event_type=sub, disorder_type=disorder_type(sub),
                    actor1="Al Shabaab", inter1=2, actor2="Military Forces of Somalia (2022-)", inter2=1,
                    interaction="12", country="Somalia", iso3="SOM", admin1="Bay", location="Baidoa",
                    latitude=3.1136 + k / 100, longitude=43.6498, geo_precision=1, fatalities=k,
                    source_chain=[doc.source or "", "Local officials"], notes="x" * 200, certainty="reported",
                    evidence=[Evidence("fatalities", 0, 9, "Synthetic"), Evidence("location", 54, 60, "Baidoa")])))
            batch.append((doc, events))
            if len(batch) == 100:
                store.add_batch(batch, merge=False)
                batch = []
        if batch:
            store.add_batch(batch, merge=False)


def peak_export(path: str, fmt: str, out: str) -> tuple[int, float, float]:
    """(rows, peak MiB, seconds) of one export from the store at `path`."""
    with Store.open(path) as store:
        tracemalloc.start()
        started = time.perf_counter()
        binary = fmt == "parquet"
        with open(out, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            rows = export(stored_rows(store), fmt, fh)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return rows, peak / 2**20, elapsed


def main(argv: list[str] | None = None) -> dict[str, dict[int, float]]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,20000")
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = args.formats.split(",")
    peaks: dict[str, dict[int, float]] = {fmt: {} for fmt in formats}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            db = os.path.join(tmp, f"events_{n}.db")
            started = time.perf_counter()
            make_store(db, n)
            print(f"store of {n:,} events built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
            for fmt in formats:
                rows, peak, elapsed = peak_export(db, fmt, os.path.join(tmp, f"out_{n}.{fmt}"))
                peaks[fmt][n] = peak
                print(f"export {fmt:<13} {n:>7,} events: {rows:>7,} rows, peak {peak:6.2f} MiB, {elapsed:6.2f} s "
                      f"({n / elapsed:,.0f} events/s)")
    small, large = min(sizes), max(sizes)
    print(f"\npeak memory ratio {large:,} / {small:,} events ({large / small:.0f}x the events; 1.0 = flat):")
    for fmt in formats:
        print(f"  {fmt:<13} {peaks[fmt][large] / peaks[fmt][small]:5.2f}")
    return peaks


if __name__ == "__main__":
    main()
