"""Batch writes, document versions and full-text search: a mixin of `Store`.

`add_batch` is what `eventcoder ingest` uses: a whole batch of coded documents (and the
failures met while reading or coding them) is written in ONE transaction, so a process
killed at any moment leaves either the whole batch or none of it; documents already
stored are skipped, so re-running finishes the rest with no duplicate.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select

from ..errors import StoreError
from ..schema import Document, Event, Failure
from . import migrations
from . import tables as t

log = logging.getLogger(__name__)

#: Largest number of bound ids in one IN (...) query.
_IN_CHUNK = 500


def version_key(doc: Document) -> str:
    """What identifies 'the same document' across edits: its URL, else its origin, else its id."""
    return doc.url or doc.origin or doc.doc_id


def insert_version(conn: Connection, doc: Document, at: dt.datetime | None = None) -> int:
    """Record `doc` as the next version of its key (in the caller's transaction); RETURNS it."""
    key = version_key(doc)
    c = t.document_versions.c
    row = conn.execute(select(c.version).where(c.key == key, c.doc_id == doc.doc_id)).first()
    if row is not None:
        return row[0]
    latest = conn.execute(select(func.max(c.version)).where(c.key == key)).scalar() or 0
    conn.execute(insert(t.document_versions), [{
        "key": key, "doc_id": doc.doc_id, "version": latest + 1,
        "seen_at": at or dt.datetime.now(dt.timezone.utc)}])
    return latest + 1


class BatchMixin:
    """Store methods for ingest: known ids, batch writes, versions, search."""

    engine: Any

    def known_doc_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """The ids among `doc_ids` that are already stored."""
        wanted = sorted(set(doc_ids))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), _IN_CHUNK):
                query = select(t.documents.c.doc_id).where(t.documents.c.doc_id.in_(wanted[i:i + _IN_CHUNK]))
                found.update(conn.execute(query).scalars())
        return found

    def add_batch(self, coded: Sequence[tuple[Document, Sequence[Event]]],
                  failures: Sequence[Failure] = (), merge: bool = True) -> int:
        """Store documents with their events, and failures, in ONE transaction.

        Documents already stored (by doc_id) are skipped; a failure already recorded with
        the same origin and code is not recorded twice (re-runs stay clean). In the same
        transaction every new event is attached to an incident (`merge.incremental.attach`).

        Args:
            coded: (document, events) pairs.
            failures: per-document failures met while reading or coding this batch.
            merge: attach the events to incidents (False: leave that to `eventcoder merge`).
        RETURNS (int): the number of documents written.
        Raises:
            StoreError: E303 / E304 as `add_coded`.
        """
        for doc, events in coded:
            for ev in events:
                if ev.doc_id and ev.doc_id != doc.doc_id:
                    raise StoreError(f"E303 event {ev.event_id} belongs to document {ev.doc_id}, "
                                     f"not {doc.doc_id}")
        try:
            with self._writing("store a batch"), self.engine.begin() as conn:  # type: ignore[attr-defined]
                return self._write_batch(conn, coded, failures, merge)
        except StoreError as error:
            if getattr(error, "code", "") != "E303":
                raise
            # A concurrent writer stored some of these documents first: go one by one.
            log.info("batch conflicted with another writer; storing its documents one by one")
            written = sum(self.add_coded(doc, events, merge) for doc, events in coded)  # type: ignore[attr-defined]
            for failure in failures:
                self.add_failure(failure)  # type: ignore[attr-defined]
            return written

    def _write_batch(self, conn: Connection, coded, failures, merge: bool = True) -> int:
        ids = [doc.doc_id for doc, _ in coded]
        known: set[str] = set()
        for i in range(0, len(ids), _IN_CHUNK):
            query = select(t.documents.c.doc_id).where(t.documents.c.doc_id.in_(ids[i:i + _IN_CHUNK]))
            known.update(conn.execute(query).scalars())
        written = 0
        stored: list[tuple[Document, list[Event]]] = []
        for doc, events in coded:
            if doc.doc_id in known:
                continue
            known.add(doc.doc_id)
            self._insert_document(conn, doc)  # type: ignore[attr-defined]
            self._insert_events(conn, doc.doc_id, list(events))  # type: ignore[attr-defined]
            insert_version(conn, doc)
            stored.append((doc, [dataclasses.replace(e, doc_id=e.doc_id or doc.doc_id) for e in events]))
            written += 1
        if merge and any(events for _, events in stored):
            from ..merge.incremental import attach

            attach(conn, stored)
        now = dt.datetime.now(dt.timezone.utc)
        seen: set[tuple[str, str]] = set()
        for f in failures:
            c = t.failures.c
            if (f.origin, f.code) in seen or conn.execute(
                    select(c.id).where(c.origin == f.origin, c.code == f.code).limit(1)).first():
                continue
            seen.add((f.origin, f.code))
            conn.execute(insert(t.failures), [{**{n: getattr(f, n) for n in Failure.field_names()}, "at": now}])
        return written

    def versions(self, key: str) -> list[tuple[int, str, dt.datetime]]:
        """(version, doc_id, seen_at) of every stored text of the document `key` (URL or origin)."""
        c = t.document_versions.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.version, c.doc_id, c.seen_at).where(c.key == key).order_by(c.version))
            return [tuple(row) for row in rows]  # type: ignore[misc]

    def search(self, query: str, limit: int = 20) -> list[tuple[str, float]]:
        """Full-text search of document titles and text (FTS5 / tsvector).

        Args:
            query (str): words; a document matches when it contains every one.
            limit (int): at most this many results.
        RETURNS (list[tuple[str, float]]): (doc_id, score), best first.
        """
        with self.engine.connect() as conn:
            return migrations.search_documents(conn, query, limit)
