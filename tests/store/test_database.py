"""Store: round trips, idempotence, transactions, filters, failures, opening databases.

Runs on a SQLite file; set EVENTCODER_TEST_PG_URL (e.g. postgresql://user@localhost/test)
to run the same tests on PostgreSQL too (the tables are dropped after each test).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import exc, insert

from eventcoder.errors import StoreError
from eventcoder.schema import Document, Event, Evidence, Failure
from eventcoder.store import Store, database, reads, resolve_url, tables

PG_URL = os.environ.get("EVENTCODER_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """An initialised, empty Store on each backend under test."""
    url = str(tmp_path / "events.db") if request.param == "sqlite" else PG_URL
    opened = Store.open(url)
    if request.param == "postgresql":
        tables.metadata.drop_all(opened.engine)  # leftovers of an interrupted run
    opened.init()
    yield opened
    if request.param == "postgresql":
        tables.metadata.drop_all(opened.engine)
    opened.close()


@pytest.fixture
def sqlite_store(tmp_path):
    """An initialised SQLite-file Store, for SQLite-only checks (pragmas)."""
    with Store.open(str(tmp_path / "events.db")) as opened:
        opened.init()
        yield opened


def make_doc(text="Gunmen killed seven people in Mogadishu on Thursday, police said.", **fields):
    fields.setdefault("title", "Seven killed in Mogadishu")
    fields.setdefault("published", dt.date(2025, 3, 14))
    fields.setdefault("origin", "reports/d001.txt")
    return Document(text=text, **fields)


def make_event(doc: Document, event_id="e1", **fields) -> Event:
    fields.setdefault("event_date", dt.date(2025, 3, 13))
    fields.setdefault("event_type", "Violence against civilians")
    fields.setdefault("sub_event_type", "Attack")
    fields.setdefault("country", "Somalia")
    return Event(event_id=event_id, doc_id=doc.doc_id, **fields)


def rich_event(doc: Document) -> Event:
    """An event using every kind of column: lists, dict, dates, floats, None, evidence."""
    return make_event(
        doc, "d001-e1", time_precision=1, disorder_type="Political violence",
        actor1="Unidentified Armed Group (Somalia)", inter1=3, actor2="Civilians (Somalia)",
        inter2=7, interaction="37", iso3="SOM", admin1="Banadir", admin2="Mogadishu",
        admin3=None, location="Mogadishu", latitude=2.0469, longitude=45.3182, geo_precision=1,
        fatalities=7, fatalities_low=7, fatalities_high=None, injured=None, source="Meridian Wire",
        source_chain=["Meridian Wire", "Police Forces of Somalia"], certainty="reported",
        speculated_perpetrators=["Al Shabaab"], notes="On 13 March 2025, gunmen killed 7 people.",
        confidence=0.83, reasons={"sub_event_type": "trigger 'killed', unarmed victims"},
        evidence=[Evidence("actor1", 0, 6, "Gunmen"), Evidence("fatalities", 14, 19, "seven")],
        cameo_code="180", ucdp_type=3,
    )


# ---------------------------------------------------------------- round trips


def unmerged(events: list[Event]) -> list[Event]:
    """Stored events without the incident the store attached them to (the coded values)."""
    return [dataclasses.replace(e, incident_id=None) for e in events]


def test_database_event_round_trip(store):
    doc = make_doc()
    event = rich_event(doc)
    assert doc.text[14:19] == "seven"  # the evidence offsets above are real spans
    assert store.add_coded(doc, [event]) is True
    assert unmerged(store.events()) == [event]
    assert store.events()[0].incident_id  # a main event is attached to an incident as it is stored


def test_database_document_round_trip(store):
    doc = make_doc(url="https://example.org/a?b=1", source="Meridian Wire", lang="en",
                   ingested_at=dt.datetime(2025, 3, 14, 9, 30, 5, 123456, tzinfo=dt.timezone.utc))
    assert store.add_document(doc) is True
    assert store.get_document(doc.doc_id) == doc
    assert store.get_document("no-such-id") is None


def test_database_datetime_comes_back_in_utc(store):
    cet = dt.timezone(dt.timedelta(hours=1))
    doc = make_doc(ingested_at=dt.datetime(2025, 3, 14, 10, 0, tzinfo=cet))
    store.add_document(doc)
    back = store.get_document(doc.doc_id).ingested_at
    assert back == doc.ingested_at
    assert back.utcoffset() == dt.timedelta(0)


def test_database_evidence_keeps_its_order(store):
    doc = make_doc()
    spans = [Evidence("fatalities", 14, 19, "seven"), Evidence("actor1", 0, 6, "Gunmen"),
             Evidence("location", 30, 39, "Mogadishu")]
    store.add_coded(doc, [make_event(doc, evidence=spans)])
    assert store.events()[0].evidence == spans


# ---------------------------------------------------------------- idempotence and transactions


def test_database_add_document_is_idempotent(store):
    doc = make_doc()
    assert store.add_document(doc) is True
    assert store.add_document(make_doc()) is False
    assert store.has_document(doc.doc_id)
    assert store.counts()["documents"] == 1


def test_database_add_coded_stores_document_once(store):
    doc = make_doc()
    assert store.add_coded(doc, [make_event(doc, "e1")]) is True
    assert store.add_coded(doc, [make_event(doc, "e2")]) is False
    assert [e.event_id for e in store.events()] == ["e1"]


def test_database_add_coded_fills_empty_doc_id(store):
    doc = make_doc()
    store.add_coded(doc, [Event(event_id="e1")])
    assert store.events()[0].doc_id == doc.doc_id


def test_database_add_coded_rolls_back_on_error(store, monkeypatch):
    original = Store._insert_events

    def insert_then_fail(conn, doc_id, events):
        original(conn, doc_id, events)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "_insert_events", staticmethod(insert_then_fail))
    doc = make_doc()
    with pytest.raises(RuntimeError):
        store.add_coded(doc, [rich_event(doc)])
    assert not store.has_document(doc.doc_id)
    assert store.counts() == {"documents": 0, "events": 0, "main_events": 0, "failures": 0}


def test_database_duplicate_event_id_raises_store_error(store):
    first, second = make_doc(), make_doc("Another report entirely.")
    store.add_coded(first, [make_event(first, "same")])
    with pytest.raises(StoreError) as info:
        store.add_coded(second, [make_event(second, "same")])
    assert info.value.code == "E303"
    assert not store.has_document(second.doc_id)


def test_database_event_of_other_document_is_refused(store):
    doc, other = make_doc(), make_doc("Another report entirely.")
    with pytest.raises(StoreError, match="belongs to document") as info:
        store.add_coded(doc, [make_event(other)])
    assert info.value.code == "E303"
    assert store.counts()["documents"] == 0


# ---------------------------------------------------------------- queries


@pytest.fixture
def three_events(store):
    doc_a, doc_b = make_doc("Report A."), make_doc("Report B.")
    store.add_coded(doc_a, [
        make_event(doc_a, "a1", event_date=dt.date(2025, 3, 1), admin1="Banadir"),
        make_event(doc_a, "a2", event_date=dt.date(2025, 3, 5), main=False, background=True,
                   event_type="Battles", sub_event_type="Armed clash", admin1="Lower Shabelle"),
    ])
    store.add_coded(doc_b, [make_event(doc_b, "b1", event_date=dt.date(2025, 3, 9), country="Kenya",
                                       event_type="Protests", sub_event_type="Peaceful protest")])
    return store, doc_a, doc_b


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, ["a1", "a2", "b1"]),
        ({"country": "Somalia"}, ["a1", "a2"]),
        ({"admin1": "Banadir"}, ["a1"]),
        ({"event_type": "Protests"}, ["b1"]),
        ({"sub_event_type": "Armed clash"}, ["a2"]),
        ({"main": True}, ["a1", "b1"]),
        ({"main": False}, ["a2"]),
        ({"date_from": dt.date(2025, 3, 5)}, ["a2", "b1"]),
        ({"date_to": dt.date(2025, 3, 5)}, ["a1", "a2"]),
        ({"date_from": dt.date(2025, 3, 2), "date_to": dt.date(2025, 3, 8)}, ["a2"]),
        ({"country": "Somalia", "main": True}, ["a1"]),
        ({"country": "Chad"}, []),
        ({"limit": 2}, ["a1", "a2"]),
    ],
)
def test_database_events_filters(three_events, filters, expected):
    store = three_events[0]
    assert [e.event_id for e in store.events(**filters)] == expected


def test_database_events_filter_by_doc_id(three_events):
    store, _, doc_b = three_events
    assert [e.event_id for e in store.events(doc_id=doc_b.doc_id)] == ["b1"]


def test_database_events_with_limit_keep_evidence(store):
    doc = make_doc()
    event = rich_event(doc)
    store.add_coded(doc, [event])
    assert unmerged(store.events(limit=1)) == [event]


def test_database_counts(three_events):
    store = three_events[0]
    store.add_failure(Failure("bad.html", "E201", "empty document"))
    assert store.counts() == {"documents": 2, "events": 3, "main_events": 2, "failures": 1}


def test_database_documents_iterates_in_batches(store, monkeypatch):
    monkeypatch.setattr(reads, "BATCH", 2)  # the queries live in store/reads.py
    docs = [make_doc(f"Report number {i}.") for i in range(5)]
    for doc in docs:
        store.add_document(doc)
    assert list(store.documents()) == sorted(docs, key=lambda d: d.doc_id)
    assert store.get_documents([docs[0].doc_id, docs[3].doc_id, "missing"]) == {
        docs[0].doc_id: docs[0], docs[3].doc_id: docs[3]}


def test_database_failures_round_trip(store):
    failures = [Failure("a.txt", "E201", "empty document"),
                Failure("feed.xml", "E205", "malformed feed: line 3", doc_id="abc123")]
    for failure in failures:
        store.add_failure(failure)
    assert store.failures() == failures


# ---------------------------------------------------------------- schema and SQLite settings


def test_database_init_records_schema_version(store):
    store.init()  # a second init is harmless
    assert store.schema_version() == tables.SCHEMA_VERSION


def test_database_init_refuses_other_schema_version(sqlite_store):
    with sqlite_store.engine.begin() as conn:
        conn.execute(tables.meta.update().values(value="0"))
    with pytest.raises(StoreError, match="schema version 0") as info:
        sqlite_store.init()
    assert info.value.code == "E302"


def test_database_uninitialised_has_no_schema_version(tmp_path):
    with Store.open(str(tmp_path / "new.db")) as fresh:
        assert fresh.schema_version() is None


def test_database_sqlite_uses_wal(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_database_sqlite_enforces_foreign_keys(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with pytest.raises(exc.IntegrityError), sqlite_store.engine.begin() as conn:
        conn.execute(insert(tables.events).values(event_id="orphan", doc_id="no-such-doc", main=True,
                                                  background=False, fatalities=0, source_chain=[],
                                                  speculated_perpetrators=[], confidence=0.0, reasons={}))


# ---------------------------------------------------------------- opening


@pytest.mark.parametrize(
    "given_url, expected",
    [
        ("postgresql://u:p@db/events", "postgresql+psycopg://u:p@db/events"),
        ("postgres://u@db/events", "postgresql+psycopg://u@db/events"),
        ("postgresql+psycopg://u@db/events", "postgresql+psycopg://u@db/events"),
        ("sqlite:///relative.db", "sqlite:///relative.db"),
        (":memory:", "sqlite://"),
    ],
)
def test_database_resolve_url(given_url, expected):
    assert resolve_url(given_url) == expected


def test_database_plain_path_is_sqlite_file(tmp_path):
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"


def test_database_default_path_from_env(tmp_path, monkeypatch):
    monkeypatch.setenv(database.DB_ENV, str(tmp_path / "from_env.db"))
    with Store.open() as opened:
        opened.init()
    assert (tmp_path / "from_env.db").is_file()


def test_database_default_path_in_cwd(tmp_path, monkeypatch):
    monkeypatch.delenv(database.DB_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    with Store.open() as opened:
        opened.init()
    assert (tmp_path / "eventcoder.db").is_file()


def test_database_bad_path_raises_store_error(tmp_path):
    bad = tmp_path / "no" / "such" / "folder" / "x.db"
    with pytest.raises(StoreError, match="cannot open database at .*x.db") as info:
        Store.open(str(bad))
    assert info.value.code == "E301"
    assert "folder exists" in str(info.value)


def test_database_non_database_file_raises_store_error(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"this is not an SQLite database, just some text" * 100)
    with pytest.raises(StoreError, match="notes.db") as info:
        Store.open(str(junk))
    assert info.value.code == "E301"


def test_database_unknown_url_scheme_raises_store_error():
    with pytest.raises(StoreError, match="cannot open database") as info:
        Store.open("nosuchdb://host/db")
    assert info.value.code == "E301"


def test_database_error_hides_password():
    # Port 1 on localhost refuses at once, so this fails fast without a server.
    with pytest.raises(StoreError) as info:
        Store.open("postgresql://someone:hunter2@127.0.0.1:1/events")
    assert "hunter2" not in str(info.value)
    assert info.value.code == "E301"


# ---------------------------------------------------------------- property: values survive

# PostgreSQL text cannot hold NUL; surrogates are not valid UTF-8 for any backend.
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts.filter(str.strip), label=texts, number=st.integers(0, 100_000),
       amount=st.floats(-90, 90), chance=st.floats(0, 1), chain=st.lists(texts, max_size=4),
       reasons=st.dictionaries(texts, texts, max_size=3))
def test_database_values_survive_round_trip(store, text, label, number, amount, chance, chain, reasons):
    """Values within the schema's limits (validate.py) are stored and read back unchanged; values
    outside them are dropped with a reason (tests/property/test_store_property.py)."""
    doc = Document(text=text, doc_id=uuid.uuid4().hex, title=label.strip() or None)
    start = min(number, len(doc.text))
    event = Event(event_id=uuid.uuid4().hex, doc_id=doc.doc_id, actor1=label, notes=text,
                  fatalities=number, injured=number, latitude=amount, confidence=chance,
                  source_chain=chain, reasons=reasons,
                  evidence=[Evidence(label, start, len(doc.text), doc.text[start:])])
    assert store.add_coded(doc, [event])
    assert unmerged(store.events(doc_id=doc.doc_id)) == [event]
    assert store.get_document(doc.doc_id) == doc
