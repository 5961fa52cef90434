"""Incidents in the store: merge_store is incremental and writes members, links and canonical records."""
from __future__ import annotations

import datetime as dt

from eventcoder import merge
from eventcoder.schema import Document, Event


def _report(store, name, fatalities, day=13, background=False, country="Somalia"):
    doc = Document(text=f"Report {name}: bombing in Mogadishu.", origin=name)
    event = Event(event_id=f"{name}-e1", doc_id=doc.doc_id, event_date=dt.date(2025, 3, day), time_precision=1,
                  event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", actor1="Al Shabaab",
                  country=country, admin1="Banadir", location="Mogadishu", latitude=2.05, longitude=45.32,
                  geo_precision=1, fatalities=fatalities, source=name, background=background)
    store.add_coded(doc, [event])
    return event.event_id


def test_merge_store_incremental(any_store):
    a = _report(any_store, "a", 7)
    _report(any_store, "k", 1, country="Kenya")
    first = merge.merge_store(any_store)
    assert len(first.incidents) == 2 and any_store.incident_count() == 2
    inc_a = next(i for i in first.incidents if i.event_ids == [a])
    b = _report(any_store, "b", 11, day=14)
    bg = _report(any_store, "bg", 7, background=True)
    second = merge.merge_store(any_store)
    assert [(i.incident_id, i.event_ids) for i in second.incidents] == [(inc_a.incident_id, [a, b])]
    assert second.links == {bg: inc_a.incident_id}
    stored = {i.incident_id: i for i in any_store.incidents()}
    assert len(stored) == 2
    assert sorted(stored[inc_a.incident_id].event_ids) == sorted([a, b, bg])
    assert stored[inc_a.incident_id].canonical.fatalities == 7
    assert {e.event_id: e.incident_id for e in any_store.events()}[b] == inc_a.incident_id
    assert merge.merge_store(any_store).incidents == []  # nothing new: nothing to do
