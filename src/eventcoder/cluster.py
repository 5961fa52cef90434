"""Code a large corpus on a Dask cluster (local processes or a running scheduler).

The client reads the sources (folders, files, JSONL, feeds) as a stream and cuts it into
partitions of `partition_size` documents; each partition is coded on a worker (the spaCy model,
lexicons and gazetteer load once per worker process) and its events come back to the client,
which writes them as one Parquet part file per partition (`part-00000.parquet`, ...) and/or
stores them (`--db`, SQLite or PostgreSQL). At most two partitions per worker are in flight, so
memory stays flat however large the corpus. Read and coding failures are kept, never dropped:
they go to `failures.jsonl` (and to the store with `--db`).

    eventcoder cluster reports/ --out coded/ --workers 4
    eventcoder cluster big.jsonl --db postgresql://... --scheduler tcp://10.0.0.5:8786

Documents travel to the workers and events back, so workers need no access to the sources or
the output folder.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .schema import Document, Event, Failure

LOGGER = logging.getLogger(__name__)

Item = Union[Document, Failure]


@dataclass
class ClusterStats:
    documents: int = 0
    events: int = 0
    failures: int = 0
    partitions: int = 0
    seconds: float = 0.0
    parts: list[str] = field(default_factory=list)

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (f"{self.documents} documents in {self.partitions} partitions, {self.events} events, "
                f"{self.failures} failures in {self.seconds:.1f} s ({rate:.1f} documents/s)")


def code_partition(items: list[Item]) -> list[tuple[Optional[Document], list[Event], Optional[Failure]]]:
    """Runs on a worker: (document, events, None) or (None, [], failure) per item, in order."""
    from .pipeline import Coded, code_documents

    out = []
    for result in code_documents(items):  # the fast path; read failures pass through in place
        if isinstance(result, Coded):
            out.append((result.document, result.events, None))
        else:
            out.append((None, [], result))
    return out


def partitions(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def code_on_dask(sources: Iterable[str], *, out: Optional[str] = None, store=None, client=None,
                 workers: int = 2, scheduler: Optional[str] = None, partition_size: int = 200) -> ClusterStats:
    """Code every document of `sources` on Dask; write Parquet parts to `out` and/or into `store`.

    Args:
        sources: folders, files, JSONL, feed files (read on the client).
        out (str | None): folder for `part-NNNNN.parquet` and `failures.jsonl`.
        store (Store | None): an initialised store to add the coded documents to.
        client (distributed.Client | None): an existing client; else one is made for `scheduler`
            or for a LocalCluster of `workers` single-threaded processes (closed at the end).
        partition_size (int): documents per task.
    RETURNS (ClusterStats)
    """
    from distributed import Client, LocalCluster, as_completed

    from .ingest import read_sources

    if out is None and store is None:
        raise ValueError("give an output folder, a store, or both")
    folder = Path(out) if out else None
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
    own = client is None
    cluster = None
    if own:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    stats = ClusterStats()
    started = time.perf_counter()
    failures: list[Failure] = []
    in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})) if not cluster else workers)
    prefix = f"code-partition-{time.time_ns()}-"
    try:
        pending = as_completed()
        for n, chunk in enumerate(partitions(read_sources(list(sources)), partition_size)):
            pending.add(client.submit(code_partition, chunk, pure=False, key=f"{prefix}{n}"))
            while pending.count() >= in_flight:
                _collect(next(pending), folder, store, stats, failures)
        for future in pending:
            _collect(future, folder, store, stats, failures)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
    if folder:
        with open(folder / "failures.jsonl", "w", encoding="utf-8") as fh:
            for f in failures:
                fh.write(f.to_json() + "\n")
    stats.seconds = time.perf_counter() - started
    return stats


def _collect(future, folder: Optional[Path], store, stats: ClusterStats, failures: list[Failure]) -> None:
    from .export.parquet import write_parquet

    results = future.result()
    coded = [(doc, events) for doc, events, failure in results if doc is not None]
    failed = [failure for _, _, failure in results if failure is not None]
    stats.partitions += 1
    stats.documents += len(results)
    stats.events += sum(len(events) for _, events in coded)
    stats.failures += len(failed)
    failures.extend(failed)
    if folder is not None:
        path = folder / f"part-{_partition(future):05d}.parquet"
        write_parquet([e for _, events in coded for e in events], str(path),
                      {doc.doc_id: doc for doc, _ in coded})
        stats.parts.append(str(path))
    if store is not None:
        refused: list[Failure] = []  # documents the store refused: recorded as their failures
        store.add_batch(coded, failed, store_failures=refused)
        stats.failures += len(refused)
        failures.extend(refused)
    LOGGER.info("partition %d: %d documents, %d failures", _partition(future), len(results), len(failed))


def _partition(future) -> int:
    """The partition number in the task key ("code-partition-<run>-<n>")."""
    return int(str(future.key).rsplit("-", 1)[1])
