"""Code documents on several local processes, in input order, without losing any document.

`code_documents(items, workers=N)` sends documents, in chunks of `chunk` (coded together by
`pipeline.code_batch`: the fast path), to a pool of N processes (each loads the spaCy model of a
language the first time it meets one, and the gazetteer once) and yields results in the order the
documents came in. At most `window` documents are in flight, so a stream of millions is never held
in memory. One process (workers=1) codes in this process, with no pool.

A worker that dies (killed, out of memory, a crash in native code) takes the documents it held
with it: they are sent again, one at a time, to a fresh pool; a document that kills a worker on
its own is recorded as Failure E501 and the batch goes on.

Each document is coded under the per-document limits (`limits`: E502 time, E503 memory). A
worker stuck in native code past them does not answer: after `backstop_seconds()` (twice that for
a chunk of several documents) its pool is killed and its documents are coded again one at a time; the document that stalls a worker on
its own is recorded as Failure E502 and the batch goes on.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Optional, Union

from . import pipeline
from .pipeline import code_batch, code_one
from .schema import Document, Failure

LOGGER = logging.getLogger(__name__)


def default_workers() -> int:
    """One worker per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


#: prctl option: the signal a process gets when its parent ends (linux/prctl.h)
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """A worker ends when the process that started it ends, even by kill -9 (Linux: the kernel
    sends it SIGKILL, PR_SET_PDEATHSIG); otherwise orphaned workers would wait forever on their
    pipes. Elsewhere nothing is done (there is no such call)."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the call: it would never come
        os._exit(1)


def _warm(parent: int = 0) -> None:
    """Pool initializer: tie the worker's life to its parent, then load the model, lexicons and
    gazetteer before the first document."""
    if parent and sys.platform.startswith("linux"):
        _die_with_parent(parent)
    pipeline.warm_up()
    # what is loaded now (model, lexicons, gazetteer) lives as long as the worker: the garbage
    # collector need not walk it at every full collection (about 2 % of coding time), and the
    # pages shared with the parent are not written to by it
    gc.collect()
    gc.freeze()


def _pool(workers: int) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    # fork shares the parent's loaded modules copy-on-write; spawn elsewhere
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm, initargs=(os.getpid(),))


def backstop_seconds() -> float | None:
    """How long to wait for one document's result before killing its worker (None: forever)."""
    from .limits import default_seconds

    limit = default_seconds()
    return 2 * limit + 5 if limit else None


def _kill(pool: ProcessPoolExecutor) -> None:
    """Kill every process of `pool` (one of them is stuck) and drop the pool."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def _stalled(doc: Document, seconds: float) -> Failure:
    return Failure(origin=doc.origin or doc.doc_id, code="E502",
                   message=f"E502 coding failed: the worker did not answer within {seconds:g} s while "
                           "coding this document (stuck in native code); it was killed",
                   doc_id=doc.doc_id)


def _died(doc: Document) -> Failure:
    return Failure(origin=doc.origin or doc.doc_id, code="E501",
                   message="E501 coding failed: the worker process died while coding this document",
                   doc_id=doc.doc_id)


#: documents sent to a worker at a time (parsed together there)
CHUNK = 16


class CodingPool:
    """A pool of coding processes that lives across calls (an ingest codes batch after batch).

    with CodingPool(4) as pool:
        for result in pool.code(documents): ...

    fast=False codes every document on the parse-everything path (the benchmark's reference).
    """

    def __init__(self, workers: int, window: Optional[int] = None, fast: bool = True, chunk: int = CHUNK):
        self.workers = workers
        self.window = window or workers * 2 * max(1, chunk)
        self.chunk = max(1, min(chunk, self.window))
        self.fast = fast
        self._pool: Optional[ProcessPoolExecutor] = None

    def __enter__(self) -> "CodingPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = _pool(self.workers)
        return self._pool

    def code(self, items: Iterable[Union[Document, Failure]]) -> Iterator:
        """Coded/Failure for every item, in input order."""
        # pending: (the chunk's items, future of code_batch over its Documents, or None: no Document)
        pending: deque[tuple[list, Optional[Future]]] = deque()
        in_flight = 0
        chunk: list = []

        def submit(items: list) -> None:
            docs = [item for item in items if not isinstance(item, Failure)]
            pending.append((items, self._executor().submit(code_batch, docs, self.fast) if docs else None))

        try:
            for item in items:
                chunk.append(item)
                if len(chunk) >= self.chunk:
                    submit(chunk)
                    in_flight, chunk = in_flight + len(chunk), []
                while in_flight >= self.window:
                    done = self._drain_one(pending)
                    in_flight -= len(done)
                    yield from done
            if chunk:
                submit(chunk)
            while pending:
                yield from self._drain_one(pending)
        finally:
            for _, future in pending:  # the caller stopped early: nothing left running for it
                if future is not None:
                    future.cancel()

    def _drain_one(self, pending: deque) -> list:
        items, future = pending.popleft()
        if future is None:
            return items
        try:
            # a chunk of short reports takes a second or two: twice one document's backstop is ample,
            # and a worker stuck in native code is still found within minutes
            wait = backstop_seconds()
            coded = iter(future.result(timeout=wait * min(2, len(items)) if wait else None))
            return [item if isinstance(item, Failure) else next(coded) for item in items]
        except (BrokenProcessPool, FutureTimeout) as error:
            # every document still in flight is lost with the pool: code them again, one by one
            order = items + [d for chunk, _ in pending for d in chunk]
            if isinstance(error, FutureTimeout):
                LOGGER.warning("a worker did not answer on a chunk from %s: killing the pool",
                               next((d.origin or d.doc_id for d in items if not isinstance(d, Failure)), "?"))
            docs = [d for d in order if not isinstance(d, Failure)]
            pending.clear()
            _kill(self._pool)
            self._pool = None
            redone = {id(d): r for d, r in zip(docs, _retry_alone(docs))}
            return [redone.get(id(d), d) for d in order]


def _retry_alone(docs: list[Document]) -> list:
    """After a worker died: each document on a fresh one-process pool of its own."""
    results = []
    wait = backstop_seconds()
    for doc in docs:
        single, stuck = _pool(1), False
        try:
            results.append(single.submit(code_one, doc).result(timeout=wait))
        except BrokenProcessPool:
            LOGGER.warning("worker died coding %s", doc.origin or doc.doc_id)
            results.append(_died(doc))
        except FutureTimeout:
            LOGGER.warning("worker stuck coding %s: killed", doc.origin or doc.doc_id)
            results.append(_stalled(doc, wait or 0))
            stuck = True
        finally:
            if stuck:
                _kill(single)
            else:
                single.shutdown(wait=True)
    return results


def code_parallel(items: Iterable[Union[Document, Failure]], workers: int,
                  window: Optional[int] = None, fast: bool = True) -> Iterator:
    """Coded/Failure for every item, in input order, coded on `workers` processes."""
    with CodingPool(workers, window, fast) as pool:
        yield from pool.code(items)


def code_documents(items: Iterable[Union[Document, Failure]], workers: int = 0,
                   fast: bool = True) -> Iterator:
    """Coded/Failure for every item, in input order: on `workers` processes (0: one per CPU), or in
    this process when that is 1. fast=False: the parse-everything path (the benchmark's reference)."""
    workers = workers or default_workers()
    if workers <= 1:
        yield from pipeline.code_documents(items, fast=fast)
    else:
        yield from code_parallel(items, workers, fast=fast)
