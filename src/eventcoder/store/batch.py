"""Batch writes, document versions and full-text search: a mixin of `Store`.

`add_batch` is what `eventcoder ingest` uses: a whole batch of coded documents (and the
failures met while reading or coding them) is written in ONE transaction, so a process
killed at any moment leaves either the whole batch or none of it; documents already
stored are skipped, so re-running finishes the rest with no duplicate.

Every document and event is validated (`validate`) before it is written. When the batch's
transaction fails, its documents are stored again one by one: a document the database still
refuses becomes that document's stored Failure (E305, or the store's own E30x code) and the
rest of the batch is written.
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
from ..validate import check_failure
from . import migrations
from . import tables as t
from .checks import checked, store_failure

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
                  failures: Sequence[Failure] = (), merge: bool = True,
                  store_failures: list[Failure] | None = None) -> int:
        """Store documents with their events, and failures, in ONE transaction.

        Documents already stored (by doc_id) are skipped; a failure already recorded with
        the same origin and code is not recorded twice (re-runs stay clean). In the same
        transaction every new event is attached to an incident (`merge.incremental.attach`).

        Args:
            coded: (document, events) pairs.
            failures: per-document failures met while reading or coding this batch.
            merge: attach the events to incidents (False: leave that to `eventcoder merge`).
            store_failures: when given, the failures of documents the store refused (each
                also recorded in the store) are appended to it.
        RETURNS (int): the number of documents written.
        Raises:
            StoreError: only when not even a failure can be recorded (the database is down).
        """
        valid: list[tuple[Document, list[Event]]] = []
        refused: list[Failure] = []
        for doc, events in coded:
            try:
                valid.append(checked(doc, events))
            except StoreError as error:
                refused.append(store_failure(doc, error))
        failures = [check_failure(f) for f in (*failures, *refused)]
        try:
            with self._writing("store a batch"), self.engine.begin() as conn:  # type: ignore[attr-defined]
                written = self._write_batch(conn, valid, failures, merge)
        except Exception as error:  # noqa: BLE001 - retried document by document below
            # A concurrent writer stored some of these documents first, or one document holds
            # something the database refuses: go one by one, so only that document fails.
            log.info("batch not stored whole (%s); storing its documents one by one", error)
            written = 0
            for doc, events in valid:
                try:
                    written += self.add_coded(doc, events, merge)  # type: ignore[attr-defined]
                except Exception as one_error:  # noqa: BLE001 - this document's stored failure
                    failure = store_failure(doc, one_error)
                    log.warning("%s: %s", failure.origin, failure.message)
                    failures.append(failure)
                    refused.append(failure)
            self._add_failures(failures)
        if store_failures is not None:
            store_failures.extend(refused)
        return written

    def _add_failures(self, failures: Sequence[Failure]) -> None:
        """Record failures (not twice: same origin and code) in one transaction."""
        with self._writing("record failures"), self.engine.begin() as conn:  # type: ignore[attr-defined]
            self._write_batch(conn, [], failures, merge=False)

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
