"""The event store: documents, coded events with their evidence, and failures.

SQLAlchemy Core over SQLite (default, a file in WAL mode) or PostgreSQL (psycopg 3), with
the same portable SQL for both. Documents are stored once: writes are idempotent by
`doc_id`, so re-running `eventcoder code` over a folder adds only what is new.

Example:
    >>> store = Store.open(":memory:")
    >>> store.init()
    >>> store.add_coded(document, events)
    True
    >>> store.events(country="Somalia", main=True)
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import Connection, Engine, create_engine, event, exc, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from ..errors import StoreError
from ..schema import Document, Event, Failure
from ..validate import check_failure
from . import migrations
from . import tables as t
from .batch import BatchMixin, insert_version
from .checks import _store_error, checked, store_failure
from .incidents import IncidentMixin
from .reads import _EVIDENCE_FIELDS, ReadMixin

log = logging.getLogger(__name__)

#: Environment variable naming the default database (a path or a SQLAlchemy URL).
DB_ENV = "EVENTCODER_DB"
DEFAULT_PATH = "eventcoder.db"
_EVENT_COLUMNS = tuple(t.events.c.keys())


def resolve_url(url_or_path: str | None = None) -> str:
    """Turn a path, URL or nothing into a SQLAlchemy URL.

    Args:
        url_or_path (str | None): a file path (SQLite), `:memory:`, or a URL such as
            `sqlite:///x.db`, `postgresql://user@host/db`. None means `$EVENTCODER_DB`,
            else `eventcoder.db` in the current directory.
    RETURNS (str): the URL; `postgresql://` and `postgres://` get the psycopg 3 driver.
    """
    value = url_or_path or os.environ.get(DB_ENV) or DEFAULT_PATH
    if value == ":memory:":
        return "sqlite://"
    if "://" in value:
        scheme, rest = value.split("://", 1)
        # SQLAlchemy's bare "postgresql" means psycopg2, which is not installed.
        if scheme in ("postgresql", "postgres"):
            return f"postgresql+psycopg://{rest}"
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _open_hint(url: str) -> str:
    if url.startswith("sqlite"):
        return (f"Check that the folder exists and is writable, or pass another path with "
                f"--db or ${DB_ENV}.")
    return ("Check that the server is running and that the URL's host, user, password and "
            "database name are right.")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL lets readers (the web UI) work while a batch writes; SQLite ships FKs off."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _event_row(ev: Event, doc_id: str) -> dict[str, Any]:
    row = {name: getattr(ev, name) for name in _EVENT_COLUMNS}
    row["doc_id"] = ev.doc_id or doc_id
    return row


def is_warning(failure: Failure) -> bool:
    """Whether a row of `failures` is a document's warning (W2xx), not a failure."""
    return failure.code.startswith("W")


class Store(ReadMixin, BatchMixin, IncidentMixin):
    """A database of documents, events, evidence, failures, incidents and audit entries."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # ------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, url_or_path: str | None = None) -> "Store":
        """Connect to a database (see `resolve_url`) and check that it answers.

        Args:
            url_or_path (str | None): path, `:memory:` or URL; None: `$EVENTCODER_DB` or
                `./eventcoder.db`.
        RETURNS (Store): an open store; call `init()` once to create the tables.
        Raises:
            StoreError: E301 when the database cannot be opened.
        """
        url = resolve_url(url_or_path)
        kwargs: dict[str, Any] = {}
        if url in ("sqlite://", "sqlite:///:memory:"):
            # One shared connection, or every new connection would see an empty database.
            kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
        try:
            shown = make_url(url).render_as_string(hide_password=True)
            engine = create_engine(url, **kwargs)
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _sqlite_pragmas)
            # Engines connect lazily: connect now so a bad path fails here, not mid-batch.
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except exc.DBAPIError as error:
            engine.dispose()
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise _store_error("E301", f"cannot open database at {shown}: {reason}. {_open_hint(url)}") from error
        except exc.ArgumentError as error:
            raise _store_error("E301", f"cannot open database at {url_or_path or url}: {error}. "
                               f"Use a file path or a URL like sqlite:///events.db or "
                               f"postgresql://user@host/dbname.") from error
        return cls(engine)

    @property
    def url(self) -> str:
        """The database URL with any password masked."""
        return self.engine.url.render_as_string(hide_password=True)

    def init(self) -> None:
        """Create a new database at the latest schema version; safe to call again.

        Raises:
            StoreError: E302 when the database has an older schema version (run `eventcoder
                db upgrade`) or a newer one (upgrade eventcoder).
        """
        with self._writing("create tables"), self.engine.begin() as conn:
            stored = migrations.stored_version(conn)
            if stored is not None and stored != t.SCHEMA_VERSION:
                hint = ("Run `eventcoder db upgrade`" if stored in migrations.MIGRATIONS
                        else "Upgrade eventcoder")
                raise _store_error("E302", f"database {self.url} has schema version {stored}, this "
                                   f"eventcoder expects {t.SCHEMA_VERSION}. {hint}, or use a new database.")
            t.metadata.create_all(conn)
            migrations.create_fulltext(conn, backfill=False)
            if stored is None:
                conn.execute(insert(t.meta).values(key="schema_version", value=t.SCHEMA_VERSION))

    def upgrade(self) -> list[tuple[str, str]]:
        """Migrate an existing database to the latest schema version (see `migrations`).

        RETURNS (list[tuple[str, str]]): the (from, to) steps applied; [] when up to date.
        Raises:
            StoreError: E302 for a version this eventcoder does not know.
        """
        try:
            with self._writing("upgrade the schema"):
                return migrations.upgrade(self.engine)
        except KeyError as error:
            raise _store_error("E302", f"database {self.url} has schema version {error.args[0]}, "
                               f"which this eventcoder cannot upgrade (it knows "
                               f"{sorted(migrations.MIGRATIONS)} -> {t.SCHEMA_VERSION}).") from None

    def schema_version(self) -> Optional[str]:
        """The schema version stored by `init()`, or None for an uninitialised database."""
        with self.engine.connect() as conn:
            return migrations.stored_version(conn)

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextlib.contextmanager
    def _writing(self, action: str) -> Iterator[None]:
        """Translate SQLAlchemy write errors into StoreError at the boundary."""
        try:
            yield
        except exc.IntegrityError as error:
            raise _store_error("E303", f"cannot {action} in {self.url}: {error.orig}. "
                               f"Event ids must be unique and each event's doc_id must "
                               f"match its document.") from error
        except exc.OperationalError as error:
            raise _store_error("E304", f"cannot {action} in {self.url}: {error.orig}. Run "
                               f"`eventcoder db init` if the tables are missing; retry if the "
                               f"database was locked.") from error

    # ------------------------------------------------------------ documents

    def has_document(self, doc_id: str) -> bool:
        """Whether a document with this id is stored."""
        with self.engine.connect() as conn:
            return self._has_document(conn, doc_id)

    @staticmethod
    def _has_document(conn: Connection, doc_id: str) -> bool:
        query = select(t.documents.c.doc_id).where(t.documents.c.doc_id == doc_id)
        return conn.execute(query).first() is not None

    def add_document(self, doc: Document) -> bool:
        """Store a document unless its `doc_id` is already there.

        RETURNS (bool): True if it was written, False if it was already stored.
        """
        return self.add_coded(doc, [])

    def add_coded(self, doc: Document, events: Iterable[Event], merge: bool = True) -> bool:
        """Store a document with its events and their evidence in ONE transaction.

        Either everything is written or nothing is. A document already stored is left as
        it is, with its events: nothing is written and False is returned. In the same
        transaction every event is attached to an incident (`merge.incremental.attach`).

        Args:
            doc (Document): the report.
            events (Iterable[Event]): its coded events; an empty `doc_id` is taken from doc.
            merge (bool): attach the events to incidents (False: leave that to `eventcoder merge`).
        RETURNS (bool): True if written, False if the document was already stored.
        Raises:
            StoreError: E303 for duplicate event ids or an event of another document.
        """
        events = list(events)
        for ev in events:
            if ev.doc_id and ev.doc_id != doc.doc_id:
                raise _store_error("E303", f"event {ev.event_id} belongs to document {ev.doc_id}, "
                                   f"not {doc.doc_id}; store it with its own document.")
        doc, events = checked(doc, events)
        try:
            with self._writing(f"store document {doc.doc_id}"), self.engine.begin() as conn:
                if self._has_document(conn, doc.doc_id):
                    log.debug("document %s already stored; nothing written", doc.doc_id)
                    return False
                self._insert_document(conn, doc)
                self._insert_events(conn, doc.doc_id, events)
                insert_version(conn, doc)
                if merge and events:
                    from ..merge.incremental import attach

                    attach(conn, [(doc, [dataclasses.replace(e, doc_id=e.doc_id or doc.doc_id) for e in events])])
        except StoreError as error:
            # Another writer (a Dask worker) may have stored the same document between our
            # check and our insert: that is the idempotent case, not an error.
            if error.code == "E303" and self.has_document(doc.doc_id):
                return False
            raise
        return True

    def store_coded(self, doc: Document, events: Iterable[Event], merge: bool = True) -> Optional[Failure]:
        """`add_coded`, where a problem with this one document becomes its stored Failure.

        What `eventcoder code --db` uses: a document that cannot be stored (a value the
        database refuses, a bug in merging) is recorded as a failure and the batch goes on.
        RETURNS (Failure | None): the failure recorded, None when stored (or already stored).
        Raises:
            StoreError: when not even the failure can be recorded (the database is down).
        """
        try:
            self.add_coded(doc, events, merge)
            return None
        except Exception as error:  # noqa: BLE001 - one document's problem, recorded below
            failure = store_failure(doc, error)
        log.warning("%s: %s", failure.origin, failure.message)
        self.add_failure(failure)
        return failure

    @staticmethod
    def _insert_document(conn: Connection, doc: Document) -> None:
        conn.execute(insert(t.documents), [{name: getattr(doc, name) for name in t.documents.c.keys()}])
        Store._insert_warnings(conn, doc)

    @staticmethod
    def _insert_warnings(conn: Connection, doc: Document) -> None:
        """Each of `doc.warnings` ("W2xx message") as a row of `failures` with its doc_id."""
        if not doc.warnings:
            return
        now = dt.datetime.now(dt.timezone.utc)
        rows = []
        for warning in doc.warnings:
            code, _, message = str(warning).partition(" ")
            failure = check_failure(Failure(origin=doc.origin or doc.doc_id, code=code if code.startswith("W")
                                            else "W200", message=message or code, doc_id=doc.doc_id))
            rows.append({**{n: getattr(failure, n) for n in Failure.field_names()}, "at": now})
        conn.execute(insert(t.failures), rows)

    @staticmethod
    def _insert_events(conn: Connection, doc_id: str, events: list[Event]) -> None:
        if not events:
            return
        conn.execute(insert(t.events), [_event_row(ev, doc_id) for ev in events])
        evidence_rows = [
            {"event_id": ev.event_id, "seq": seq, **{name: getattr(e, name) for name in _EVIDENCE_FIELDS}}
            for ev in events for seq, e in enumerate(ev.evidence)
        ]
        if evidence_rows:
            conn.execute(insert(t.evidence), evidence_rows)

    # ------------------------------------------------------------ failures and counts

    def add_failure(self, failure: Failure, at: dt.datetime | None = None) -> None:
        """Record a per-document failure (the batch goes on).

        Args:
            failure (Failure): what failed.
            at (datetime | None): when; now (UTC) by default.
        """
        failure = check_failure(failure)
        row = {name: getattr(failure, name) for name in Failure.field_names()}
        row["at"] = at or dt.datetime.now(dt.timezone.utc)
        with self._writing(f"record failure of {failure.origin}"), self.engine.begin() as conn:
            conn.execute(insert(t.failures), [row])
