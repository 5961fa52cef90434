"""SQLAlchemy Core tables generated from the dataclasses of `schema.py`.

`schema.py` is the single source of truth: every column of `documents`, `events`,
`evidence`, `failures` and `audit` comes from `dataclasses.fields()` of the matching
record, with its type mapped by `column_type`. Adding a field to `Event` therefore adds a
column here with no edit (a stored database then needs a migration: bump
`SCHEMA_VERSION`).

Type mapping (portable between SQLite and PostgreSQL):

    str -> Text, int -> BigInteger, float -> Float (double), bool -> Boolean,
    date -> Date, datetime -> UTCDateTime, list / dict / Any / dataclass -> JSON.

`Optional[X]` makes the column nullable; anything else is NOT NULL. `Event.evidence` is
not a column: each Evidence is a row of `evidence`, ordered by `seq`. `Incident.event_ids`
likewise becomes rows of `incident_events`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    UniqueConstraint,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.types import TypeDecorator, TypeEngine

from ..schema import AuditEntry, Document, Event, Evidence, Failure

#: Bumped whenever a table changes shape; stored in `meta` by `Store.init()`.
SCHEMA_VERSION = "5"

#: Event fields that live in their own table rather than as a column of `events`.
EVENT_CHILD_FIELDS: dict[str, str] = {"evidence": "evidence"}


class UTCDateTime(TypeDecorator):
    """A timestamp stored in UTC and read back timezone-aware (UTC) on every backend.

    SQLite has no timezone-aware type and drops the offset, so values are normalised to
    UTC before they are written; a naive datetime is taken to be UTC already.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        value = value.astimezone(dt.timezone.utc)
        # SQLite's DATETIME keeps no offset: store the UTC wall time, which also sorts
        # correctly as text. PostgreSQL's timestamptz takes the aware value as is.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    """`Optional[X]` -> (X, True); anything else -> (hint, False)."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(hint)) == 2:
            return args[0], True
    return hint, False


def column_type(hint: Any) -> tuple[TypeEngine, bool]:
    """Map a resolved Python type hint to (SQLAlchemy type, nullable).

    Args:
        hint (Any): a type from `typing.get_type_hints` of a schema dataclass.
    RETURNS (tuple[TypeEngine, bool]): the column type and whether NULL is allowed.
    Raises:
        TypeError: for a type with no mapping, so a new schema field cannot silently vanish.
    """
    inner, nullable = _unwrap_optional(hint)
    if inner is Any:
        return JSON(none_as_null=True), True
    origin = typing.get_origin(inner) or inner
    # bool before int: bool is a subclass of int.
    simple: list[tuple[type, TypeEngine]] = [
        (bool, Boolean()), (int, BigInteger()), (float, Float()), (str, Text()),
        (dt.datetime, UTCDateTime()), (dt.date, Date()),  # datetime before date: subclass
        (list, JSON()), (tuple, JSON()), (dict, JSON()),
    ]
    for py_type, sa_type in simple:
        if isinstance(origin, type) and issubclass(origin, py_type):
            return sa_type, nullable
    if dataclasses.is_dataclass(inner):
        return JSON(none_as_null=True), nullable
    raise TypeError(f"no column type for {hint!r}: extend store.tables.column_type")


def schema_columns(record: type, skip: tuple[str, ...] = (), primary_key: str | None = None) -> list[Column]:
    """One Column per dataclass field of `record`, in field order.

    Args:
        record (type): a dataclass from `schema.py`.
        skip (tuple[str, ...]): field names stored elsewhere (child tables).
        primary_key (str | None): the field that is the primary key.
    RETURNS (list[Column]): fresh Column objects (a Column belongs to one Table).
    """
    hints = typing.get_type_hints(record)
    columns = []
    for f in dataclasses.fields(record):
        if f.name in skip:
            continue
        sa_type, nullable = column_type(hints[f.name])
        is_pk = f.name == primary_key
        columns.append(Column(f.name, sa_type, primary_key=is_pk, nullable=nullable and not is_pk))
    return columns


def _with_foreign_key(columns: list[Column], name: str, target: str) -> list[Column]:
    """Replace column `name` by the same column with a foreign key to `target`."""
    out = []
    for col in columns:
        if col.name == name:
            col = Column(col.name, col.type, ForeignKey(target), nullable=col.nullable)
        out.append(col)
    return out


metadata = MetaData()

#: Document fields stored elsewhere: `warnings` are rows of `failures` with a W2xx code.
DOCUMENT_CHILD_FIELDS: tuple[str, ...] = ("warnings",)

documents = Table("documents", metadata,
                  *schema_columns(Document, skip=DOCUMENT_CHILD_FIELDS, primary_key="doc_id"))

events = Table(
    "events",
    metadata,
    *_with_foreign_key(
        schema_columns(Event, skip=tuple(EVENT_CHILD_FIELDS), primary_key="event_id"),
        "doc_id",
        "documents.doc_id",
    ),
)

evidence = Table(
    "evidence",
    metadata,
    Column("event_id", Text, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    # `seq` keeps the order of Event.evidence so a round trip returns the same list.
    Column("seq", Integer, primary_key=True, autoincrement=False),
    *schema_columns(Evidence),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *schema_columns(Failure),
    Column("at", UTCDateTime, nullable=False),
)

#: One row per (key, doc_id): `key` is a document's URL (else its origin); a changed text
#: under the same key is a new doc_id and the next version (schema v2).
document_versions = Table(
    "document_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", Text, nullable=False),
    Column("doc_id", Text, ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("seen_at", UTCDateTime, nullable=False),
    UniqueConstraint("key", "doc_id", name="uq_document_versions_key_doc"),
)

incidents = Table(
    "incidents",
    metadata,
    Column("incident_id", Text, primary_key=True),
    Column("canonical", JSON(none_as_null=True), nullable=True),
    Column("created", UTCDateTime, nullable=False),
)

#: An incident's members and linked background events (schema v3 added `role`, `score` and
#: `joined`: why the event is there, see `merge.MergeResult.joins`).
incident_events = Table(
    "incident_events",
    metadata,
    Column("incident_id", Text, ForeignKey("incidents.incident_id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", Text, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("role", Text, nullable=True),
    Column("score", Float, nullable=True),
    Column("joined", JSON(none_as_null=True), nullable=True),
)

# ---- merging (schema v3): what incremental merging keeps so it never re-reads the texts

#: One row per event: the merger's `Profile` (coded fields + text fingerprint) as JSON.
merge_profiles = Table(
    "merge_profiles",
    metadata,
    Column("event_id", Text, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("country", Text, nullable=True),
    Column("event_date", Date, nullable=True),
    Column("profile", JSON, nullable=False),
)

#: Blocking keys (LSH bands, names) of each event, with its reference date for time bounds.
merge_keys = Table(
    "merge_keys",
    metadata,
    Column("key", Text, primary_key=True),
    Column("event_id", Text, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("ref_date", Date, nullable=True),
)

#: Scored pairs at or above the merge threshold (a < b): the graph incidents are cut from.
merge_edges = Table(
    "merge_edges",
    metadata,
    Column("a", Text, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("b", Text, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("score", Float, nullable=False),
    Column("evidence", JSON, nullable=False),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *schema_columns(AuditEntry),
)

# ---- review (schema v4): reviewers' values beside the coded ones, and the API's tokens

#: One row per reviewed event: its status (accepted | rejected | edited) and the reviewed value
#: of each corrected field. The coded values in `events` are never overwritten; every change is
#: also an `audit` row. No foreign key: a review outlives a re-coding of its event.
reviews = Table(
    "reviews",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("status", Text, nullable=True),
    Column("fields", JSON, nullable=False),
    Column("who", Text, nullable=False),
    Column("updated", UTCDateTime, nullable=False),
)

#: Bearer tokens for the API's writes (`eventcoder token create`): only a sha256 digest is kept.
api_tokens = Table(
    "api_tokens",
    metadata,
    Column("token_id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("digest", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("created", UTCDateTime, nullable=False),
    Column("revoked", UTCDateTime, nullable=True),
)

# ---- reference data (schema v5): events of another dataset (ACLED) to compare the coded ones with

#: One row per reference event (`eventcoder import-acled`): the columns the comparison filters and
#: matches on, and the file's whole row as `record`. Re-importing an id replaces its row (ACLED revises
#: events). Not joined to `events`: reference events come from elsewhere.
reference_events = Table(
    "reference_events",
    metadata,
    Column("dataset", Text, primary_key=True),
    Column("ref_id", Text, primary_key=True),
    Column("event_date", Date, nullable=True),
    Column("country", Text, nullable=True),
    Column("admin1", Text, nullable=True),
    Column("location", Text, nullable=True),
    Column("event_type", Text, nullable=True),
    Column("sub_event_type", Text, nullable=True),
    Column("actor1", Text, nullable=True),
    Column("actor2", Text, nullable=True),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("geo_precision", Integer, nullable=True),
    Column("time_precision", Integer, nullable=True),
    Column("fatalities", BigInteger, nullable=True),
    Column("record", JSON, nullable=False),
    Column("origin", Text, nullable=True),
    Column("imported", UTCDateTime, nullable=False),
)

meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

# The filters of Store.events() and the web API's list views.
#: Indexes of schema v1; V2_INDEXES were added by migration 1 -> 2 (see migrations.py).
V1_EVENT_INDEXES = ("event_date", "country", "admin1", "sub_event_type", "actor1", "doc_id")
V2_EVENT_INDEXES = ("event_type", "actor2", "incident_id")
for _column in V1_EVENT_INDEXES + V2_EVENT_INDEXES:
    Index(f"ix_events_{_column}", events.c[_column])
Index("ix_failures_doc_id", failures.c.doc_id)
Index("ix_incident_events_event_id", incident_events.c.event_id)
Index("ix_document_versions_key", document_versions.c.key)
Index("ix_merge_profiles_country_date", merge_profiles.c.country, merge_profiles.c.event_date)
Index("ix_merge_keys_key_date", merge_keys.c.key, merge_keys.c.ref_date)
Index("ix_merge_keys_event_id", merge_keys.c.event_id)
Index("ix_merge_edges_b", merge_edges.c.b)
#: tables added by schema v3 (merging)
V3_TABLES = (merge_profiles, merge_keys, merge_edges)
Index("ix_audit_target_id", audit.c.target_id)
#: tables added by schema v4 (review), with the index on audit.target_id
V4_TABLES = (reviews, api_tokens)
Index("ix_reference_events_country_date", reference_events.c.dataset, reference_events.c.country,
      reference_events.c.event_date)
#: tables added by schema v5 (reference data)
V5_TABLES = (reference_events,)
