"""Load benchmark of the workbench's reads: N concurrent readers against `eventcoder serve` on a
store of synthetic events. Loopback only, bounded in requests and time; prints figures, asserts
nothing (it is not a unit test).

    python -m eventcoder.web.loadtest --events 10000 --readers 200 --workers 2

Each reader is an analyst's page: it asks for a filtered list, the map points of a country, an event
card or the incidents, pauses (`--think`, seconds, random up to that), and goes on until it has
sent `--requests` requests. The server is `eventcoder serve --workers N` in a subprocess (several
processes, each with its own connection pool). Printed: requests, errors, throughput, p50/p90/p99
and max latency, by kind of request and overall.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from ..schema import SUB_TO_TYPE, Document, Event
from ..store import Store
from ..store import tables as t

#: (country, iso3, admin1, location, lat, lon) of the synthetic events
PLACES = [("Nigeria", "NGA", "Borno", "Maiduguri", 11.85, 13.16), ("Somalia", "SOM", "Banadir", "Mogadishu", 2.05, 45.32),
          ("Sudan", "SDN", "Khartoum", "Omdurman", 15.64, 32.48), ("Syria", "SYR", "Idlib", "Idlib", 35.93, 36.63),
          ("Yemen", "YEM", "Taizz", "Taizz", 13.58, 44.02), ("Ukraine", "UKR", "Donetsk", "Pokrovsk", 48.28, 37.18),
          ("Democratic Republic of Congo", "COD", "North Kivu", "Goma", -1.68, 29.22),
          ("Burkina Faso", "BFA", "Sahel", "Djibo", 14.1, -1.63), ("Myanmar", "MMR", "Sagaing", "Monywa", 22.11, 95.13),
          ("Colombia", "COL", "Cauca", "Popayan", 2.44, -76.61), ("Pakistan", "PAK", "Khyber Pakhtunkhwa", "Peshawar", 34.01, 71.58),
          ("Ethiopia", "ETH", "Amhara", "Bahir Dar", 11.59, 37.39)]
ACTORS = ["Unidentified Armed Group ({c})", "Military Forces of {c}", "Police Forces of {c}", "Protesters ({c})",
          "Rioters ({c})", "Civilians ({c})"]


def synthetic_events(n: int, seed: int = 7) -> list[tuple[Document, Event]]:
    """`n` one-event reports spread over PLACES, the 25 sub-types and three years (reproducible)."""
    rng = random.Random(seed)
    subs = list(SUB_TO_TYPE)
    start = dt.date(2023, 1, 1)
    out = []
    for i in range(n):
        country, iso3, admin1, location, lat, lon = rng.choice(PLACES)
        sub = rng.choice(subs)
        actor1, actor2 = rng.sample(ACTORS, 2)
        text = (f"Synthetic report {i}: {sub.lower()} near {location} in {admin1}, {country}; "
                f"{actor1.format(c=country)} against {actor2.format(c=country)}.")
        doc = Document(text=text, title=f"Synthetic {sub} in {location} #{i}", source="Synthetic Wire",
                       published=start + dt.timedelta(days=rng.randrange(3 * 365)), lang="en")
        event = Event(event_id=f"{doc.doc_id}-e1", doc_id=doc.doc_id, event_date=doc.published, time_precision=1,
                      event_type=SUB_TO_TYPE[sub], sub_event_type=sub, actor1=actor1.format(c=country), inter1=3,
                      actor2=actor2.format(c=country), inter2=7, country=country, iso3=iso3, admin1=admin1,
                      location=location, latitude=round(lat + rng.uniform(-1.5, 1.5), 4),
                      longitude=round(lon + rng.uniform(-1.5, 1.5), 4), geo_precision=1,
                      fatalities=rng.choice([0, 0, 1, 2, 3, 5, 8, 12]), certainty=rng.choice(["reported", "confirmed",
                                                                                               "claimed"]),
                      source="Synthetic Wire", source_chain=["Synthetic Wire"], confidence=round(rng.random(), 2))
        out.append((doc, event))
    return out


def fill_store(store: Store, n: int) -> None:
    """Insert `n` synthetic reports and events in bulk (no merging: each is its own incident-less event)."""
    rows = synthetic_events(n)
    doc_columns, event_columns = t.documents.c.keys(), t.events.c.keys()
    with store.engine.begin() as conn:
        for i in range(0, len(rows), 1000):
            chunk = rows[i:i + 1000]
            conn.execute(insert(t.documents), [{k: getattr(d, k) for k in doc_columns} for d, _ in chunk])
            conn.execute(insert(t.events), [{k: getattr(e, k) for k in event_columns} for _, e in chunk])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Connection:
    """One reader's keep-alive HTTP/1.1 connection (as a browser keeps one), reopened if it drops."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, float]:
        """GET `path`; (status, seconds including any reconnect)."""
        began = time.perf_counter()
        for attempt in (1, 2):
            try:
                if self.writer is None:
                    self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
                self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
                await self.writer.drain()
                head = await self.reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                status = int(lines[0].split()[1])
                length = next(int(v) for k, _, v in (ln.partition(":") for ln in lines[1:])
                              if k.lower() == "content-length")
                await self.reader.readexactly(length)  # the whole body, as a browser would
                return status, time.perf_counter() - began
            except (OSError, asyncio.IncompleteReadError, StopIteration, ValueError, IndexError):
                self.close()
                if attempt == 2:
                    raise OSError("connection failed twice")
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _get(host: str, port: int, path: str) -> tuple[int, float]:
    """One GET on its own connection."""
    conn = _Connection(host, port)
    try:
        return await conn.get(path)
    finally:
        conn.close()


async def _warm_up(port: int, workers: int) -> None:
    """Until every worker process answers: health checks only (no cached view is primed)."""
    for _ in range(50):
        answers = await asyncio.gather(*(_get("127.0.0.1", port, "/api/health") for _ in range(4 * workers)),
                                       return_exceptions=True)
        if all(not isinstance(a, BaseException) and a[0] == 200 and a[1] < 0.05 for a in answers):
            return
        await asyncio.sleep(0.2)


def _paths(rng: random.Random, event_ids: list[str]) -> tuple[str, str]:
    country = rng.choice(PLACES)[0].replace(" ", "%20")
    kind = rng.choices(["list", "points", "card", "incidents"], weights=[4, 2, 3, 1])[0]
    if kind == "list":
        return kind, f"/api/events?country={country}&limit=100&offset={rng.randrange(0, 400, 100)}"
    if kind == "points":
        return kind, f"/api/points?country={country}"
    if kind == "card":
        return kind, f"/api/events/{rng.choice(event_ids)}"
    return kind, "/api/incidents?limit=50"


async def run_readers(port: int, readers: int, requests: int, think: float, event_ids: list[str],
                      deadline: float) -> list[tuple[str, int, float]]:
    """`readers` concurrent readers, each sending `requests` requests; RETURNS (kind, status, seconds)."""
    results: list[tuple[str, int, float]] = []

    async def reader(k: int) -> None:
        rng = random.Random(k)
        conn = _Connection("127.0.0.1", port)
        await asyncio.sleep(rng.uniform(0, think))  # readers arrive over the first pause, as people do
        for _ in range(requests):
            if time.monotonic() > deadline:
                break
            kind, path = _paths(rng, event_ids)
            began = time.perf_counter()
            try:
                status, seconds = await asyncio.wait_for(conn.get(path), timeout=30)
            except (OSError, asyncio.TimeoutError):
                status, seconds = 0, time.perf_counter() - began
                conn.close()
            results.append((kind, status, seconds))
            await asyncio.sleep(rng.uniform(0, think))
        conn.close()

    await asyncio.gather(*(reader(k) for k in range(readers)))
    return results


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] * 1000


def report(results: list[tuple[str, int, float]], seconds: float) -> str:
    """The printed table: by kind and overall."""
    lines = [f"{'kind':<10} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}"]
    for kind in sorted({k for k, _, _ in results}) + ["all"]:
        rows = [r for r in results if kind in ("all", r[0])]
        times = [s for _, _, s in rows]
        errors = sum(1 for _, status, _ in rows if status != 200)
        lines.append(f"{kind:<10} {len(rows):>8} {errors:>6} {_pct(times, .5):>8.1f} {_pct(times, .9):>8.1f} "
                     f"{_pct(times, .99):>8.1f} {max(times) * 1000:>8.1f}")
    lines.append(f"throughput {len(results) / seconds:.0f} requests/s over {seconds:.1f} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--requests", type=int, default=5, help="requests per reader")
    parser.add_argument("--think", type=float, default=2.0, help="longest pause between a reader's requests (s)")
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--cache-seconds", type=float, default=2.0, help="serve --cache-seconds (0: no cache)")
    parser.add_argument("--limit", type=float, default=180.0, help="stop sending after this many seconds")
    parser.add_argument("--db", default=None, help="an existing store (default: a new synthetic one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "load.db")
        store = Store.open(db)
        store.init()
        if args.db is None:
            began = time.perf_counter()
            fill_store(store, args.events)
            print(f"store: {args.events} synthetic events in {time.perf_counter() - began:.1f} s", flush=True)
        event_ids = [e.event_id for e in store.events(limit=2000)]
        counts = store.counts()
        store.close()
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "eventcoder", "serve", "--db", db, "--port", str(port),
                                   "--workers", str(args.workers), "--cache-seconds", str(args.cache_seconds)],
                                  stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, env={**os.environ})
        try:
            for _ in range(300):  # wait for the server (bounded)
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                        break
                except OSError:
                    time.sleep(0.1)
            asyncio.run(_warm_up(port, args.workers))
            print(f"server: eventcoder serve --workers {args.workers} --cache-seconds {args.cache_seconds} on "
                  f"127.0.0.1:{port}; store {counts['events']} "
                  f"events; {args.readers} readers x {args.requests} requests, pauses up to {args.think} s", flush=True)
            began = time.perf_counter()
            results = asyncio.run(run_readers(port, args.readers, args.requests, args.think, event_ids,
                                              time.monotonic() + args.limit))
            print(report(results, time.perf_counter() - began))
            times = [s for _, _, s in results]
            print(f"mean {statistics.mean(times) * 1000:.1f} ms; target p99 < 200 ms with 0 errors: "
                  f"{'met' if _pct(times, .99) < 200 and all(s == 200 for _, s, _ in results) else 'NOT met'}")
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    main()
