"""Cross-report merging: similarity, blocking, constraints, canonical record, background, dedup scores."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder import merge
from eventcoder.dedup_eval import bcubed, evaluate_dedup, pairwise
from eventcoder.schema import Event


def ev(event_id, doc_id, **fields) -> Event:
    base = dict(event_date=dt.date(2025, 3, 13), time_precision=1, event_type="Explosions/Remote violence",
                sub_event_type="Suicide bomb", actor1="Al Shabaab", actor2="Civilians (Somalia)",
                country="Somalia", admin1="Banadir", admin2="Mogadishu", location="Mogadishu",
                latitude=2.0469, longitude=45.3182, geo_precision=1, fatalities=7, source=doc_id.upper())
    base.update(fields)
    return Event(event_id=event_id, doc_id=doc_id, **base)


def test_same_event_in_three_reports_is_one_incident_with_a_conservative_record():
    events = [ev("a1", "a", fatalities=7, source_chain=["A", "Police"]),
              ev("b1", "b", fatalities=11, event_date=dt.date(2025, 3, 14), time_precision=2),
              ev("c1", "c", fatalities=5, actor1="Unidentified Armed Group (Somalia)", geo_precision=2,
                 location="Banadir")]
    result = merge.cluster(events)
    assert len(result.incidents) == 1
    inc = result.incidents[0]
    assert inc.event_ids == ["a1", "b1", "c1"]
    c = inc.canonical
    assert (c.fatalities, c.fatalities_low, c.fatalities_high) == (5, 5, 11)
    assert c.event_date == dt.date(2025, 3, 13) and c.location == "Mogadishu" and c.actor1 == "Al Shabaab"
    assert c.source == "A; B; C" and c.source_chain == ["A", "Police"]
    assert c.incident_id == inc.incident_id == c.event_id


def test_events_of_one_report_are_never_merged():
    events = [ev("a1", "a"), ev("a2", "a"), ev("b1", "b")]
    result = merge.cluster(events)
    groups = sorted(inc.event_ids for inc in result.incidents)
    assert groups == [["a1", "b1"], ["a2"]]


def test_different_country_place_date_or_family_stay_apart():
    a = ev("a1", "a")
    others = [ev("b1", "b", country="Kenya"), ev("c1", "c", event_date=dt.date(2025, 3, 25)),
              ev("d1", "d", latitude=4.5, longitude=45.0, location="Beledweyne", admin2="Beledweyne",
                 admin1="Hiraan"),
              ev("e1", "e", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Somalia)")]
    assert all(len(inc.event_ids) == 1 for inc in merge.cluster([a, *others]).incidents)
    assert merge.similarity(a, others[2]) == 0.0  # > MAX_KM apart


def test_candidate_pairs_stay_in_blocks_and_window():
    events = [ev(f"x{i}", f"d{i}", event_date=dt.date(2025, 1, 1) + dt.timedelta(days=10 * i)) for i in range(50)]
    assert list(merge.candidate_pairs(events)) == []
    events += [ev("y", "dy", event_date=dt.date(2025, 1, 2))]
    assert list(merge.candidate_pairs(events)) == [(0, 50)]


def test_background_links_but_never_creates():
    lone = ev("bg1", "z", background=True, event_date=dt.date(2024, 1, 1))
    linked = ev("bg2", "y", background=True)
    result = merge.cluster([ev("a1", "a"), lone, linked])
    assert [inc.event_ids for inc in result.incidents] == [["a1"]]
    assert result.links == {"bg2": result.incidents[0].incident_id}


def test_incremental_join_keeps_existing_ids():
    first = merge.cluster([ev("a1", "a"), ev("k1", "k", country="Kenya")])
    ids = {inc.event_ids[0]: inc.incident_id for inc in first.incidents}
    stored = [ev("a1", "a", incident_id=ids["a1"]), ev("k1", "k", country="Kenya", incident_id=ids["k1"])]
    second = merge.cluster(stored + [ev("b1", "b", fatalities=9)])
    assert [(inc.incident_id, inc.event_ids) for inc in second.incidents] == [(ids["a1"], ["a1", "b1"])]


def test_scores_pairwise_and_bcubed():
    gold = {"a": "X", "b": "X", "c": "Y", "d": "Z"}
    assert pairwise(gold, gold)["f1"] == 1.0 and bcubed(gold, gold)["f1"] == 1.0
    split = {"a": "1", "b": "2", "c": "3", "d": "4"}
    assert pairwise(split, gold)["recall"] == 0.0
    assert bcubed(split, gold)["precision"] == 1.0 and bcubed(split, gold)["recall"] == pytest.approx(0.75)


@pytest.mark.shared
def test_devset_gold_clusters_are_recovered(shared_dir):
    scores = evaluate_dedup(shared_dir / "devset" / "gold.jsonl", coded=False)["gold"]
    assert scores["pairwise"]["f1"] >= 0.9 and scores["bcubed"]["f1"] >= 0.9
    assert scores["same_report_merges"] == 0
