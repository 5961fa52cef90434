"""Schema versions, `db upgrade` from version 1, full-text search, batches and versions, on both backends."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, update

from eventcoder.errors import StoreError
from eventcoder.schema import Document, Event, Failure
from eventcoder.store import SCHEMA_VERSION, Store, migrations, tables


def _doc(text, **fields):
    fields.setdefault("published", dt.date(2025, 3, 14))
    return Document(text=text, **fields)


def _make_v3(store: Store) -> None:
    """Turn a fresh database into what schema version 3 looked like (no review tables)."""
    with store.engine.begin() as conn:
        for table in reversed(tables.V4_TABLES):
            table.drop(conn)
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_audit_target_id")
        conn.execute(update(tables.meta).values(value="3"))


def _make_v2(store: Store) -> None:
    """Turn a fresh database into what schema version 2 looked like (no merging tables)."""
    _make_v3(store)
    with store.engine.begin() as conn:
        for table in reversed(tables.V3_TABLES):
            table.drop(conn)
        for column in ("role", "score", "joined"):
            conn.exec_driver_sql(f"ALTER TABLE incident_events DROP COLUMN {column}")
        conn.execute(update(tables.meta).values(value="2"))


def _make_v1(store: Store) -> None:
    """Turn a fresh database into what schema version 1 looked like."""
    _make_v2(store)
    with store.engine.begin() as conn:
        migrations.drop_fulltext(conn)
        for name in ("event_type", "actor2", "incident_id"):
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS ix_events_{name}")
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_incident_events_event_id")
        tables.document_versions.drop(conn)
        conn.execute(update(tables.meta).values(value="1"))


def test_init_records_latest_version(any_store):
    assert any_store.schema_version() == SCHEMA_VERSION == "5"
    any_store.init()  # again: nothing changes
    assert any_store.upgrade() == []


def test_upgrade_from_v1_keeps_data_and_indexes_it(any_store):
    doc = _doc("Gunmen attacked Kidal market on Monday.")
    any_store.add_coded(doc, [Event(event_id="e1", doc_id=doc.doc_id, country="Mali")])
    _make_v1(any_store)
    with pytest.raises(StoreError, match="db upgrade"):
        any_store.init()
    assert any_store.upgrade() == [("1", "2"), ("2", "3"), ("3", "4"), ("4", "5")]
    assert any_store.schema_version() == "5"
    any_store.init()
    assert [d for d, _ in any_store.search("kidal market")] == [doc.doc_id]
    names = {ix["name"] for ix in inspect(any_store.engine).get_indexes("events")}
    assert {"ix_events_event_type", "ix_events_incident_id", "ix_events_country"} <= names
    assert any_store.versions(doc.origin or doc.doc_id)[0][:2] == (1, doc.doc_id)


def test_upgrade_from_v2_adds_merging_then_merge_attaches_stored_events(any_store):
    from eventcoder import merge

    doc = _doc("Gunmen attacked Kidal market on Monday.")
    any_store.add_coded(doc, [Event(event_id="e1", doc_id=doc.doc_id, country="Mali",
                                    event_date=dt.date(2025, 3, 10))], merge=False)
    _make_v2(any_store)
    assert any_store.upgrade() == [("2", "3"), ("3", "4"), ("4", "5")]
    columns = {c["name"] for c in inspect(any_store.engine).get_columns("incident_events")}
    assert {"role", "score", "joined"} <= columns
    assert inspect(any_store.engine).has_table("merge_edges")
    assert any_store.incident_count() == 0  # stored before the upgrade: not merged yet
    merge.merge_store(any_store)
    assert [inc.event_ids for inc in any_store.incidents()] == [["e1"]]
    assert any_store.upgrade() == []


def test_upgrade_from_v3_adds_review_tables_and_keeps_events(any_store):
    doc = _doc("Gunmen attacked Kidal market on Monday.")
    any_store.add_coded(doc, [Event(event_id="e1", doc_id=doc.doc_id, country="Mali")])
    _make_v3(any_store)
    assert not inspect(any_store.engine).has_table("reviews")
    assert any_store.upgrade() == [("3", "4"), ("4", "5")]
    assert {"reviews", "api_tokens"} <= set(inspect(any_store.engine).get_table_names())
    assert "ix_audit_target_id" in {ix["name"] for ix in inspect(any_store.engine).get_indexes("audit")}
    assert [e.event_id for e in any_store.events()] == ["e1"]
    assert any_store.upgrade() == []


def test_unknown_version_is_refused(any_store):
    with any_store.engine.begin() as conn:
        conn.execute(update(tables.meta).values(value="99"))
    with pytest.raises(StoreError, match="E302"):
        any_store.upgrade()


def test_search_all_words_any_language_punctuation(any_store):
    a = _doc("Des hommes armés ont attaqué le marché de Gao.", title="Attaque à Gao")
    b = _doc("Protesters marched in Nairobi against taxes.", title="Nairobi protest")
    any_store.add_batch([(a, []), (b, [])])
    assert [d for d, _ in any_store.search("marché Gao")] == [a.doc_id]
    assert [d for d, _ in any_store.search('Nairobi "taxes" (AND) OR*')] == []
    assert [d for d, _ in any_store.search("nairobi, taxes!")] == [b.doc_id]
    assert any_store.search("   ") == []


def test_add_batch_skips_known_and_repeated_failures(any_store):
    docs = [_doc(f"Report number {i} about clashes.", origin=f"r{i}") for i in range(5)]
    events = [(d, [Event(event_id=f"{d.doc_id}-e1", doc_id=d.doc_id)]) for d in docs]
    fail = Failure(origin="bad.txt", code="E202", message="E202 bad.txt is empty")
    assert any_store.add_batch(events[:3], [fail]) == 3
    assert any_store.add_batch(events, [fail, fail]) == 2
    counts = any_store.counts()
    assert (counts["documents"], counts["events"], counts["failures"]) == (5, 5, 1)
    assert any_store.known_doc_ids([d.doc_id for d in docs] + ["nope"]) == {d.doc_id for d in docs}


def test_add_batch_is_one_transaction(any_store):
    good = _doc("A fine report.")
    bad = _doc("Another report.")
    # an event id used by two documents breaks the batch's transaction: nothing of it is kept;
    # one by one, the first document is stored and the second becomes its stored failure (issue 19)
    clash = Event(event_id="same", doc_id=bad.doc_id)
    refused = []
    written = any_store.add_batch([(good, [Event(event_id="same", doc_id=good.doc_id)]), (bad, [clash])],
                                  store_failures=refused)
    assert written == 1 and any_store.counts()["documents"] == any_store.counts()["events"] == 1
    assert [(f.doc_id, f.code) for f in refused] == [(bad.doc_id, "E303")]
    assert [(f.doc_id, f.code) for f in any_store.failures()] == [(bad.doc_id, "E303")]


def test_changed_document_is_a_new_version(any_store):
    v1 = _doc("Five people were killed in Beni.", url="https://news.invalid/a")
    v2 = _doc("Seven people were killed in Beni, officials said.", url="https://news.invalid/a")
    assert any_store.add_batch([(v1, [])]) == 1
    assert any_store.add_batch([(v1, [])]) == 0
    assert any_store.add_coded(v2, []) is True
    assert [(n, d) for n, d, _ in any_store.versions("https://news.invalid/a")] == [(1, v1.doc_id), (2, v2.doc_id)]
