"""Reviewers' incident merges and splits survive a full `eventcoder merge` rebuild (review/replay.py)."""
from __future__ import annotations

from eventcoder import merge
from eventcoder.review.incidents import merge_incidents, split_incident
from eventcoder.review.replay import replay_decisions

from .conftest import seed


def _incidents(store) -> dict[str, str]:
    """event id -> incident id, as stored."""
    with store.engine.connect() as conn:
        from sqlalchemy import select

        from eventcoder.store import tables as t

        ie = t.incident_events.c
        return {e: i for e, i in conn.execute(select(ie.event_id, ie.incident_id))}


def test_a_split_survives_a_rebuild(any_store):
    docs = seed(any_store)
    one, two = (f"{docs[n].doc_id}-e1" for n in ("one", "two"))
    merge.merge_store(any_store)
    where = _incidents(any_store)
    assert where[one] == where[two]  # the merger joins the two Gusau reports
    split_incident(any_store.engine, where[one], [two], "two different villages", "analyst")
    merge.merge_store(any_store)  # the rebuild joins them again...
    assert _incidents(any_store)[one] == _incidents(any_store)[two]
    assert replay_decisions(any_store.engine) == 1  # ...and the reviewer's split is re-applied
    where = _incidents(any_store)
    assert where[one] != where[two]
    assert replay_decisions(any_store.engine) == 0  # replaying twice changes nothing


def test_a_merge_survives_a_rebuild(any_store):
    docs = seed(any_store)
    one, gao = (f"{docs[n].doc_id}-e1" for n in ("one", "gao"))
    merge.merge_store(any_store)
    where = _incidents(any_store)
    assert where[one] != where[gao]
    merge_incidents(any_store.engine, where[one], [where[gao]], "one campaign, by the reviewer's call", "analyst")
    merge.merge_store(any_store)
    assert _incidents(any_store)[one] != _incidents(any_store)[gao]
    assert replay_decisions(any_store.engine) >= 1
    where = _incidents(any_store)
    assert where[one] == where[gao]
    assert replay_decisions(any_store.engine) == 0
