"""Reading the event store: documents, events with their evidence, failures, warnings and counts
(`ReadMixin`, one of `Store`'s bases; the writing side is in database.py and batch.py)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, Optional

from sqlalchemy import func, not_, select

from ..schema import Document, Event, Evidence, Failure
from . import tables as t

#: Rows fetched per query when streaming documents.
BATCH = 500

_EVIDENCE_FIELDS = tuple(c for c in t.evidence.c.keys() if c not in ("event_id", "seq"))


def _not_warning(column):
    return not_(column.like("W%"))


def _event_from_row(row: dict[str, Any], evidence: list[Evidence]) -> Event:
    return Event(**row, evidence=evidence)


class ReadMixin:
    """The queries of `Store` (needs `self.engine`)."""

    def get_document(self, doc_id: str) -> Optional[Document]:
        """The stored document with this id, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.doc_id == doc_id)).mappings().first()
        if not row:
            return None
        return Document(**row, warnings=[f"{w.code} {w.message}" for w in self.warnings(doc_id)])

    def get_documents(self, doc_ids: Iterable[str]) -> dict[str, Document]:
        """The stored documents among `doc_ids`, by id (what the exporters take)."""
        wanted = sorted(set(doc_ids))
        found: dict[str, Document] = {}
        for i in range(0, len(wanted), BATCH):
            query = select(t.documents).where(t.documents.c.doc_id.in_(wanted[i:i + BATCH]))
            with self.engine.connect() as conn:
                found.update((row["doc_id"], Document(**row)) for row in conn.execute(query).mappings())
        return found

    def documents(self) -> Iterator[Document]:
        """Every stored document, ordered by doc_id, fetched in batches of BATCH."""
        last = None
        while True:
            query = select(t.documents).order_by(t.documents.c.doc_id).limit(BATCH)
            if last is not None:
                # Keyset paging: no connection stays open while the caller works.
                query = query.where(t.documents.c.doc_id > last)
            with self.engine.connect() as conn:
                rows = conn.execute(query).mappings().all()
            if not rows:
                return
            for row in rows:
                yield Document(**row)
            last = rows[-1]["doc_id"]

    # ------------------------------------------------------------ events

    def events(
        self,
        *,
        country: str | None = None,
        admin1: str | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        doc_id: str | None = None,
        main: bool | None = None,
        limit: int | None = None,
        offset: int = 0,
        event_ids: Iterable[str] | None = None,
    ) -> list[Event]:
        """Stored events with their evidence, matching every filter given.

        Args:
            country, admin1, event_type, sub_event_type, doc_id (str | None): exact matches.
            date_from, date_to (date | None): inclusive bounds on event_date.
            main (bool | None): True for main events, False for background ones.
            limit (int | None): at most this many events; offset (int): skip this many first (paging).
            event_ids (Iterable[str] | None): only these events.
        RETURNS (list[Event]): ordered by event_date, then event_id; equal to what was stored.
        """
        c = t.events.c
        conditions = [
            column == value
            for column, value in ((c.country, country), (c.admin1, admin1), (c.event_type, event_type),
                                  (c.sub_event_type, sub_event_type), (c.doc_id, doc_id), (c.main, main))
            if value is not None
        ]
        if date_from is not None:
            conditions.append(c.event_date >= date_from)
        if date_to is not None:
            conditions.append(c.event_date <= date_to)
        if event_ids is not None:
            conditions.append(c.event_id.in_(list(event_ids)))
        query = select(t.events).where(*conditions).order_by(c.event_date, c.event_id).limit(limit)
        if offset:
            query = query.offset(offset)
        # Without a limit the evidence query reuses the filter as a subquery, so no list of
        # ids is bound (SQLite and PostgreSQL cap the number of parameters).
        ids = query.with_only_columns(c.event_id).order_by(None).scalar_subquery() \
            if limit is None and not offset else None
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
            if ids is None:
                ids = [row["event_id"] for row in rows]
            evidence_query = (select(t.evidence).where(t.evidence.c.event_id.in_(ids))
                              .order_by(t.evidence.c.event_id, t.evidence.c.seq))
            evidence: dict[str, list[Evidence]] = {}
            for e in conn.execute(evidence_query).mappings():
                evidence.setdefault(e["event_id"], []).append(Evidence(**{k: e[k] for k in _EVIDENCE_FIELDS}))
        return [_event_from_row(dict(row), evidence.get(row["event_id"], [])) for row in rows]

    def failures(self) -> list[Failure]:
        """Every recorded failure, oldest first (documents' warnings aside, see `warnings`)."""
        query = select(t.failures).where(_not_warning(t.failures.c.code)).order_by(t.failures.c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [Failure(**{name: row[name] for name in Failure.field_names()}) for row in rows]

    def warnings(self, doc_id: str | None = None) -> list[Failure]:
        """Warnings (W2xx: an optional field dropped, the text still coded), of one document or all."""
        c = t.failures.c
        query = select(t.failures).where(c.code.like("W%")).order_by(c.id)
        if doc_id is not None:
            query = query.where(c.doc_id == doc_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [Failure(**{name: row[name] for name in Failure.field_names()}) for row in rows]

    def counts(self) -> dict[str, int]:
        """Row counts: documents, events, main_events, failures."""
        queries = {
            "documents": select(func.count()).select_from(t.documents),
            "events": select(func.count()).select_from(t.events),
            "main_events": select(func.count()).select_from(t.events).where(t.events.c.main.is_(True)),
            "failures": select(func.count()).select_from(t.failures).where(_not_warning(t.failures.c.code)),
        }
        with self.engine.connect() as conn:
            return {name: conn.execute(query).scalar_one() for name, query in queries.items()}
