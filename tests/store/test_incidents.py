"""Incidents in the store: every stored event is attached as it is stored, on each backend, and a
rebuild (`eventcoder merge`) gives exactly what incremental merging gave, in any order of arrival."""
from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from eventcoder import merge
from eventcoder.schema import Document, Event
from eventcoder.store import tables as t

QUOTE = "\u201cWe were at prayers when the first explosion shook the whole street,\u201d"


def _report(name, fatalities, day=13, background=False, country="Somalia", undated=False, place="Mogadishu",
            text=None, published=None, lat=2.05, lon=45.32, kind="Suicide bomb"):
    text = text or (f"Report {name}: a suicide bomber struck a crowded market in {place}, police commander "
                    f"Abdirahman Osman said. {QUOTE} said shopkeeper Faduma Ali. {fatalities} people died.")
    doc = Document(text=text, origin=name, source=f"Outlet {name.upper()}", published=published)
    event = Event(event_id=f"{name}-e1", doc_id=doc.doc_id, event_date=None if undated else dt.date(2025, 3, day),
                  time_precision=None if undated else 1, event_type="Explosions/Remote violence",
                  sub_event_type=kind, actor1="Al Shabaab", country=country, admin1="Banadir",
                  location=place, latitude=lat, longitude=lon, geo_precision=1, fatalities=fatalities,
                  source=f"Outlet {name.upper()}", background=background)
    return doc, [event]


LATER = ("A week later another suicide bomber hit a tea shop near the Sahafi hotel in Mogadishu, killing seven, "
         "said district commissioner Hussein Farah.")
KENYA = _report("k", 1, country="Kenya", place="Nairobi", lat=-1.29, lon=36.82,
                text="Report k: a grenade thrown at a bus stop in Nairobi wounded a passer-by, police said.")


def _state(store) -> tuple:
    """Everything merging writes, less creation times."""
    with store.engine.connect() as conn:
        incidents = sorted((r.incident_id, str(r.canonical)) for r in conn.execute(select(t.incidents)))
        members = sorted((r.incident_id, r.event_id, r.role, r.score, str(r.joined))
                         for r in conn.execute(select(t.incident_events)))
        events = sorted(tuple(r) for r in conn.execute(select(t.events.c.event_id, t.events.c.incident_id)))
        edges = sorted(tuple(r) for r in conn.execute(select(t.merge_edges.c.a, t.merge_edges.c.b, t.merge_edges.c.score)))
    return incidents, members, events, edges


def test_every_stored_event_is_attached_in_the_same_write(any_store):
    doc, events = _report("a", 7)
    any_store.add_coded(doc, events)
    assert [e.incident_id for e in any_store.events()] == [merge.incident_id_for(["a-e1"])]
    assert any_store.incident_count() == 1
    any_store.add_batch([_report("b", 11, day=14), KENYA])
    stored = {e.event_id: e.incident_id for e in any_store.events()}
    assert stored["a-e1"] == stored["b-e1"] != stored["k-e1"]
    assert any_store.incident_count() == 2 and any_store.incident_count(min_reports=2) == 1


def test_incident_records_list_reports_outlets_and_why_each_joined(any_store):
    any_store.add_batch([_report("a", 7, published=dt.date(2025, 3, 13)), _report("b", 11, undated=True),
                         _report("bg", 7, background=True)])
    [record] = any_store.incident_records(min_reports=2)
    assert record["fatalities"] == {"best": 7, "low": 7, "high": 11}
    assert record["n_reports"] == 2 and record["canonical"]["event_date"] == "2025-03-13"
    by_event = {r["event_id"]: r for r in record["reports"]}
    assert by_event["a-e1"]["outlet"] == "Outlet A" and by_event["a-e1"]["published"] == "2025-03-13"
    b = by_event["b-e1"]
    assert b["event_date"] is None and b["date_from_incident"]["date"] == "2025-03-13"
    assert b["joined"]["with"] == "a-e1" and b["joined"]["score"] >= merge.THRESHOLD
    assert "abdirahman osman" in b["joined"]["evidence"]["names"]
    assert by_event["bg-e1"]["role"] == "background"
    assert [r["role"] for r in record["reports"]] == ["member", "member", "background"]


def test_incremental_merging_equals_a_rebuild_in_any_order(any_store):
    reports = [_report("a", 7), _report("b", 11, day=14), _report("c", 7, undated=True),
               _report("d", 8, day=13, place="Afgooye", lat=2.14, lon=45.12, kind="Remote explosive/landmine/IED",
                       text="Report d: a bomb went off at a checkpoint in Afgooye, killing eight soldiers."),
               _report("e", 7, day=20, text=LATER), _report("f", 7, day=21, text=LATER + " More to follow."),
               _report("bg", 7, background=True), KENYA]
    states = []
    for seed in range(4):
        order = reports[:]
        random.Random(seed).shuffle(order)
        with any_store.engine.begin() as conn:
            for table in (t.merge_edges, t.merge_keys, t.merge_profiles, t.incident_events, t.incidents, t.evidence,
                          t.events, t.document_versions, t.documents):
                conn.execute(table.delete())
        i = 0
        while i < len(order):
            size = random.Random(seed + i).randint(1, 3)
            any_store.add_batch(order[i:i + size])
            i += size
        incremental = _state(any_store)
        merge.merge_store(any_store)
        assert _state(any_store) == incremental
        states.append(incremental)
    assert all(state == states[0] for state in states)
    groups = sorted(sorted(i.event_ids) for i in any_store.incidents())
    # the undated report joined on the shared quote and names; two days later is another event
    assert groups == [["a-e1", "b-e1", "bg-e1", "c-e1"], ["d-e1"], ["e-e1", "f-e1"], ["k-e1"]]


def test_no_merge_then_rebuild(any_store):
    any_store.add_batch([_report("a", 7), _report("b", 7)], merge=False)
    assert any_store.incident_count() == 0 and all(e.incident_id is None for e in any_store.events())
    result = merge.merge_store(any_store, threshold=0.6)
    assert [i.event_ids for i in result.incidents] == [["a-e1", "b-e1"]]
    with any_store.engine.connect() as conn:
        assert merge.incremental.stored_threshold(conn) == 0.6  # ingest goes on with the rebuild's threshold
    any_store.add_batch([_report("c", 7)])
    assert {e.incident_id for e in any_store.events()} == {result.incidents[0].incident_id}
