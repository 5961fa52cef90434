"""Idempotent, resumable ingest of folders, files, JSONL, RSS/Atom feeds and URLs into a Store.

    stats = ingest(["reports/", "feed.xml", "https://example.org/rss"], Store.open("x.db"))

* Idempotent: documents are keyed by `doc_id` (a hash of the text); one already stored is
  skipped before it is coded, so the same document twice is stored once. A changed text is
  a new doc_id and is recorded as the next version of its URL (or origin), see
  `Store.versions`.
* Resumable: every batch of `batch_size` documents is coded, then written in ONE
  transaction (`Store.add_batch`) with the failures met on the way. A run killed at any
  moment (kill -9 included) leaves whole batches only; a re-run skips them and does the rest.
* Merged as it arrives: in that same transaction every new event is attached to an incident
  (a new one, or the one of the same real event told by another outlet), see `merge`.
* URLs: a feed URL is parsed with feedparser and each entry's linked article is fetched and
  extracted with trafilatura (`reading.parse_html`), falling back to the entry's own text
  when the page cannot be fetched; any other URL is fetched as one HTML article.
* `watch` re-runs `ingest` every `interval` seconds (new feed entries are picked up; the
  rest is skipped as already stored).
"""
from __future__ import annotations

import dataclasses
import logging
import time
import urllib.request
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional, Union

from .errors import ReadError
from .reading import DEFAULT_MAX_BYTES, parse_feed, parse_html, read_path
from .reading.feed import looks_like_feed
from .schema import Document, Event, Failure

log = logging.getLogger(__name__)

Item = Union[Document, Failure]
#: Failure code of a URL that could not be fetched (network, HTTP status, timeout).
FETCH_FAILED = "E211"  # reading uses E200-E210
USER_AGENT = "eventcoder-ingest/0.1 (+https://github.com/)"
TIMEOUT = 20.0


@dataclass
class IngestStats:
    """What one ingest run did."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (f"{self.read} documents read, {self.stored} stored, {self.skipped} already stored, "
                f"{self.failed} failed, {self.events} events; {self.seconds:.1f} s ({rate:.0f} docs/s)")


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str, timeout: float = TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """GET `url` (at most `max_bytes`). RAISES ReadError (E210) on any network or HTTP error."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https only)
            data = response.read(max_bytes + 1)
    except Exception as exc:  # URLError, HTTPError, timeouts, bad status lines...
        raise ReadError(f"{url} could not be fetched ({exc})", origin=url, code=FETCH_FAILED) from exc
    if len(data) > max_bytes:
        raise ReadError(f"{url} is larger than the {max_bytes:,}-byte limit", origin=url, code="E203")
    return data


def _failure(error: ReadError, origin: str) -> Failure:
    code = getattr(error, "code", None) or FETCH_FAILED
    return Failure(origin=origin, code=code, message=str(error))


def fetch_article(entry: Document, timeout: float = TIMEOUT) -> Document:
    """The article an entry links to, with the entry's title/date/source where the page lacks
    them; the entry itself when the page cannot be fetched or read."""
    try:
        page = parse_html(fetch(entry.url, timeout), origin=entry.url)
    except ReadError as error:
        log.warning("%s: using the feed entry's own text (%s)", entry.url, error)
        return entry
    fill = {name: getattr(entry, name) for name in ("title", "published", "source", "lang")
            if getattr(page, name) is None and getattr(entry, name) is not None}
    return dataclasses.replace(page, url=entry.url, origin=entry.url, doc_id=page.doc_id, **fill)


def read_url(url: str, fetch_articles: bool = True, timeout: float = TIMEOUT) -> Iterator[Item]:
    """Documents of a feed URL (one per entry) or of an article URL (one)."""
    try:
        data = fetch(url, timeout)
        if looks_like_feed(data[:4096]):
            for item in parse_feed(data, origin=url):
                if isinstance(item, Document) and fetch_articles and item.url and is_url(item.url):
                    item = fetch_article(item, timeout)
                yield item
            return
        doc = parse_html(data, origin=url)
        yield dataclasses.replace(doc, url=doc.url or url) if not doc.url else doc
    except ReadError as error:
        yield _failure(error, url)


def read_sources(sources: Iterable[str], fetch_articles: Optional[bool] = None,
                 timeout: float = TIMEOUT) -> Iterator[Item]:
    """Documents and Failures of every source, in order.

    Args:
        sources: folders, files (text, HTML, JSONL, RSS/Atom) or http(s) URLs.
        fetch_articles: fetch the page each feed entry links to; None: for feed URLs only,
            not for local feed files (their entries are read as they are).
    """
    for source in sources:
        if is_url(source):
            yield from read_url(source, fetch_articles is not False, timeout)
            continue
        for item in read_path(source):
            if (fetch_articles and isinstance(item, Document) and item.url and is_url(item.url)
                    and "#entry" in (item.origin or "")):
                item = fetch_article(item, timeout)
            yield item


def _code(docs: list[Document], pool=None) -> tuple[list[tuple[Document, list[Event]]], list[Failure]]:
    from .pipeline import Coded, code_documents

    coded, failures = [], []
    for result in (pool.code(docs) if pool is not None else code_documents(docs)):
        if isinstance(result, Coded):
            coded.append((result.document, result.events))
        else:
            failures.append(result)
    return coded, failures


def ingest(sources: Iterable[str], store, *, code: bool = True, batch_size: int = 50,
           fetch_articles: Optional[bool] = None, timeout: float = TIMEOUT,
           on_batch: Optional[Callable[[IngestStats], None]] = None, workers: int = 1,
           merge: bool = True) -> IngestStats:
    """Read, code and store every document of `sources`, batch by batch (see module doc).

    Args:
        sources: folders, files, JSONL, feed files, http(s) URLs.
        store (Store): an initialised store.
        code (bool): code the documents; False stores the documents only (they can be
            coded later), which is what a fast bulk load wants.
        batch_size (int): documents per transaction.
        fetch_articles (bool | None): see `read_sources`.
        on_batch: called with the running stats after each batch is committed.
        workers (int): processes that code each batch (one pool for the whole run).
        merge (bool): attach every stored event to an incident in the batch's transaction
            (`merge.incremental`); False leaves that to `eventcoder merge`.
    RETURNS (IngestStats): counts and time.
    """
    from contextlib import nullcontext

    from .parallel import CodingPool

    with (CodingPool(workers) if code and workers > 1 else nullcontext()) as pool:
        return _ingest(sources, store, code, batch_size, fetch_articles, timeout, on_batch, pool, merge)


def _ingest(sources, store, code, batch_size, fetch_articles, timeout, on_batch, pool, merge=True) -> IngestStats:
    stats = IngestStats()
    started = time.perf_counter()
    pending: list[Item] = []

    def flush() -> None:
        docs = [d for d in pending if isinstance(d, Document)]
        read_failures = [f for f in pending if isinstance(f, Failure)]
        known = store.known_doc_ids(d.doc_id for d in docs)
        new: dict[str, Document] = {}
        for d in docs:
            if d.doc_id in known or d.doc_id in new:
                stats.skipped += 1
            else:
                new[d.doc_id] = d
        if code:
            coded, code_failures = _code(list(new.values()), pool)
        else:
            coded, code_failures = [(d, []) for d in new.values()], []
        failures = read_failures + code_failures
        refused: list[Failure] = []  # documents the store refused: recorded as their failures
        stats.stored += store.add_batch(coded, failures, merge=merge, store_failures=refused)
        refused_ids = {f.doc_id for f in refused}
        stats.events += sum(len(events) for doc, events in coded if doc.doc_id not in refused_ids)
        stats.failed += len(failures) + len(refused)
        stats.read += len(pending)
        pending.clear()
        stats.seconds = time.perf_counter() - started
        if on_batch:
            on_batch(stats)

    for item in read_sources(sources, fetch_articles, timeout):
        pending.append(item)
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    stats.seconds = time.perf_counter() - started
    return stats


def watch(sources: Iterable[str], store, interval: float, polls: Optional[int] = None,
          report: Callable[[IngestStats], None] = lambda s: None, **options) -> list[IngestStats]:
    """Run `ingest` every `interval` seconds, `polls` times (forever when None; Ctrl-C stops).

    RETURNS (list[IngestStats]): one per poll.
    """
    sources = list(sources)
    done: list[IngestStats] = []
    try:
        while polls is None or len(done) < polls:
            if done:
                time.sleep(interval)
            stats = ingest(sources, store, **options)
            done.append(stats)
            report(stats)
    except KeyboardInterrupt:
        log.info("watch stopped after %d polls", len(done))
    return done
