"""Versioned schema migrations and the full-text index, for SQLite and PostgreSQL.

The schema version is stored in `meta` (key `schema_version`). `eventcoder db init` makes
a new database at the latest version (`tables.SCHEMA_VERSION`); `eventcoder db upgrade`
applies the steps of `MIGRATIONS` in order from the stored version, each in its own
transaction, so an interrupted upgrade resumes from the last completed step.

Versions:
    1  documents, events, evidence, failures, incidents, incident_events, audit, meta.
    2  document_versions; indexes on events.event_type, actor2, incident_id and
       incident_events.event_id; full-text search on documents (FTS5 table
       `documents_fts` kept in sync by triggers on SQLite, a GIN index over
       to_tsvector('simple', title || text) on PostgreSQL).

    3  incremental merging: `merge_profiles`, `merge_keys`, `merge_edges`; `incident_events`
       gets `role`, `score` and `joined` (why each event is in its incident). Stored events
       get incidents by running `eventcoder merge` once after the upgrade (ingest then keeps
       them up to date).
    4  review: `reviews` (reviewed values beside the coded ones, status per event), `api_tokens`
       (hashed bearer tokens for the API's writes), an index on `audit.target_id`.
    5  reference data: `reference_events` (events of another dataset, e.g. an ACLED export loaded by
       `eventcoder import-acled`, for `eventcoder compare`).

Adding version N+1: bump `tables.SCHEMA_VERSION`, write `_vN_to_vN1(conn)` that creates what
is new with IF NOT EXISTS / checkfirst (a step may run twice after a crash), and add it to
`MIGRATIONS`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from sqlalchemy import Connection, inspect, select, text, update

from . import tables as t

#: The text-search configuration of PostgreSQL: language-neutral (reports come in 5 languages).
PG_TS_CONFIG = "simple"
_PG_DOC_VECTOR = (f"to_tsvector('{PG_TS_CONFIG}', coalesce(title, '') || ' ' || text)")

_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
    "doc_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts (doc_id, title, text) VALUES (new.doc_id, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_ad AFTER DELETE ON documents BEGIN "
    "DELETE FROM documents_fts WHERE doc_id = old.doc_id; END",
]


def create_fulltext(conn: Connection, backfill: bool) -> None:
    """Create the full-text index (idempotent); `backfill` indexes documents already stored."""
    if conn.dialect.name == "sqlite":
        exists = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'").first() is not None
        for statement in _SQLITE_FTS:
            conn.exec_driver_sql(statement)
        if backfill and not exists:
            conn.exec_driver_sql("INSERT INTO documents_fts (doc_id, title, text) "
                                 "SELECT doc_id, title, text FROM documents")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING GIN ({_PG_DOC_VECTOR})")


def drop_fulltext(conn: Connection) -> None:
    """Remove the full-text index (tests and `drop_all` helpers)."""
    if conn.dialect.name == "sqlite":
        for name in ("documents_fts_ai", "documents_fts_ad"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        conn.exec_driver_sql("DROP TABLE IF EXISTS documents_fts")
    else:
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_documents_fts")


def search_documents(conn: Connection, query: str, limit: int) -> list[tuple[str, float]]:
    """(doc_id, score) of documents containing every word of `query`, best first.

    Words are matched as terms (punctuation ignored), like PostgreSQL's plainto_tsquery,
    so user input can never be a syntax error.
    """
    words = [w for w in re.findall(r"\w+", query, flags=re.UNICODE)]
    if not words:
        return []
    if conn.dialect.name == "sqlite":
        match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = conn.execute(text("SELECT doc_id, bm25(documents_fts) AS score FROM documents_fts "
                                 "WHERE documents_fts MATCH :q ORDER BY score LIMIT :n"),
                            {"q": match, "n": limit})
        return [(doc_id, -score) for doc_id, score in rows]
    rows = conn.execute(text(
        f"SELECT doc_id, ts_rank({_PG_DOC_VECTOR}, q) AS score FROM documents, "
        f"plainto_tsquery('{PG_TS_CONFIG}', :q) AS q WHERE {_PG_DOC_VECTOR} @@ q "
        f"ORDER BY score DESC, doc_id LIMIT :n"), {"q": " ".join(words), "n": limit})
    return [(doc_id, float(score)) for doc_id, score in rows]


def _v1_to_v2(conn: Connection) -> None:
    from sqlalchemy import func, insert, literal

    if not inspect(conn).has_table("document_versions"):
        t.document_versions.create(conn)
        # every stored document is version 1 of itself (key: url, else origin, else doc_id)
        d = t.documents.c
        now = literal(dt.datetime.now(dt.timezone.utc), t.UTCDateTime())
        rows = select(func.coalesce(d.url, d.origin, d.doc_id), d.doc_id, literal(1), func.coalesce(d.ingested_at, now))
        conn.execute(insert(t.document_versions).from_select(["key", "doc_id", "version", "seen_at"], rows))
    for index in (*t.events.indexes, *t.incident_events.indexes, *t.document_versions.indexes):
        index.create(conn, checkfirst=True)
    create_fulltext(conn, backfill=True)


def _v2_to_v3(conn: Connection) -> None:
    columns = {c["name"] for c in inspect(conn).get_columns("incident_events")}
    types = {"role": "TEXT", "score": "DOUBLE PRECISION" if conn.dialect.name == "postgresql" else "FLOAT",
             "joined": "JSON"}
    for name, sql_type in types.items():
        if name not in columns:
            conn.exec_driver_sql(f"ALTER TABLE incident_events ADD COLUMN {name} {sql_type}")
    for table in t.V3_TABLES:
        table.create(conn, checkfirst=True)
        for index in table.indexes:
            index.create(conn, checkfirst=True)


def _v3_to_v4(conn: Connection) -> None:
    for table in t.V4_TABLES:
        table.create(conn, checkfirst=True)
    for index in t.audit.indexes:
        index.create(conn, checkfirst=True)


def _v4_to_v5(conn: Connection) -> None:
    for table in t.V5_TABLES:
        table.create(conn, checkfirst=True)
        for index in table.indexes:
            index.create(conn, checkfirst=True)


#: from-version -> (to-version, step)
MIGRATIONS: dict[str, tuple[str, Callable[[Connection], None]]] = {
    "1": ("2", _v1_to_v2),
    "2": ("3", _v2_to_v3),
    "3": ("4", _v3_to_v4),
    "4": ("5", _v4_to_v5),
}


def stored_version(conn: Connection) -> str | None:
    """The version in `meta`, or None when the database has no eventcoder tables."""
    if not inspect(conn).has_table("meta"):
        return None
    return conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).scalar()


def pending(version: str) -> list[tuple[str, str]]:
    """The (from, to) steps that take `version` to `tables.SCHEMA_VERSION`."""
    steps = []
    while version != t.SCHEMA_VERSION:
        if version not in MIGRATIONS:
            raise KeyError(version)
        target, _ = MIGRATIONS[version]
        steps.append((version, target))
        version = target
    return steps


def upgrade(engine, on_step: Callable[[str, str], None] | None = None) -> list[tuple[str, str]]:
    """Apply every pending step, one transaction each; RETURNS the steps applied."""
    with engine.connect() as conn:
        version = stored_version(conn)
    if version is None:
        return []
    applied = []
    for source, target in pending(version):
        with engine.begin() as conn:
            MIGRATIONS[source][1](conn)
            conn.execute(update(t.meta).where(t.meta.c.key == "schema_version").values(value=target))
        applied.append((source, target))
        if on_step:
            on_step(source, target)
    return applied
