"""Cross-report merging: scores, blocking, constraints, canonical record, background, order, dedup scores."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from eventcoder import merge
from eventcoder.dedup_eval import bcubed, evaluate_dedup, pairwise
from eventcoder.merge import blocking, profiles_for
from eventcoder.schema import Document, Event


def ev(event_id, doc_id, **fields) -> Event:
    base = dict(event_date=dt.date(2025, 3, 13), time_precision=1, event_type="Explosions/Remote violence",
                sub_event_type="Suicide bomb", actor1="Al Shabaab", actor2="Civilians (Somalia)",
                country="Somalia", admin1="Banadir", admin2="Mogadishu", location="Mogadishu",
                latitude=2.0469, longitude=45.3182, geo_precision=1, fatalities=7, source=doc_id.upper())
    base.update(fields)
    return Event(event_id=event_id, doc_id=doc_id, **base)


def groups(result) -> list[list[str]]:
    return sorted(inc.event_ids for inc in result.incidents)


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
    assert "lowest" in c.reasons["fatalities"]
    assert c.event_date == dt.date(2025, 3, 13) and c.location == "Mogadishu" and c.actor1 == "Al Shabaab"
    assert c.source == "A; B; C" and c.source_chain == ["A", "Police"]
    assert c.incident_id == inc.incident_id == c.event_id == merge.incident_id_for(["a1", "b1", "c1"])
    assert {result.joins[e]["with"] for e in inc.event_ids} <= {"a1", "b1", "c1"}


def test_events_of_one_report_are_never_merged():
    events = [ev("a1", "a"), ev("a2", "a"), ev("b1", "b")]
    assert groups(merge.cluster(events)) == [["a1", "b1"], ["a2"]]


def test_different_country_place_date_or_type_stay_apart():
    a = ev("a1", "a")
    others = [ev("b1", "b", country="Kenya"), ev("c1", "c", event_date=dt.date(2025, 3, 25)),
              ev("d1", "d", latitude=4.5, longitude=45.0, location="Beledweyne", admin2="Beledweyne",
                 admin1="Hiraan"),
              ev("e1", "e", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Somalia)"),
              ev("f1", "f", event_date=dt.date(2025, 3, 15)),  # two days later, no evidence of one story
              ev("g1", "g", sub_event_type="Remote explosive/landmine/IED")]  # another kind, same day and place
    assert all(len(inc.event_ids) == 1 for inc in merge.cluster([a, *others]).incidents)
    assert merge.similarity(a, others[2]) == 0.0  # > MAX_KM apart


def test_candidate_pairs_stay_in_blocks_and_window():
    events = [ev(f"x{i}", f"d{i}", event_date=dt.date(2025, 1, 1) + dt.timedelta(days=10 * i)) for i in range(50)]
    assert list(blocking.candidate_pairs(profiles_for(events))) == []
    events += [ev("y", "dy", event_date=dt.date(2025, 1, 2))]
    assert list(blocking.candidate_pairs(profiles_for(events))) == [(0, 50)]


def test_background_links_but_never_creates():
    lone = ev("bg1", "z", background=True, event_date=dt.date(2024, 1, 1))
    linked = ev("bg2", "y", background=True)
    result = merge.cluster([ev("a1", "a"), lone, linked])
    assert [inc.event_ids for inc in result.incidents] == [["a1"]]
    assert result.links == {"bg2": result.incidents[0].incident_id}
    assert result.joins["bg2"]["role"] == "background" and result.joins["bg2"]["with"] == "a1"
    assert "bg1" not in result.assignment()


STORY = ("Gunmen stormed the Lido Beach hotel in Mogadishu late on Thursday and held guests hostage for hours, "
         "police officer Abdikadir Hassan said. \u201cThey came in firing at everyone sitting on the terrace,\u201d "
         "said Hodan Warsame, a waitress who hid in the kitchen. The siege ended at dawn when special forces "
         "stormed the building; 37 people were wounded.")
REWRITE = ("Hostage siege at Mogadishu beach hotel: gunmen held guests at the Lido Beach hotel for hours, "
           "according to police officer Abdikadir Hassan. \u201cThey came in firing at everyone sitting on the "
           "terrace,\u201d waitress Hodan Warsame told reporters. Special forces ended the siege at dawn.")
OTHER = ("A car bomb exploded near a checkpoint in Mogadishu on Thursday, killing several soldiers, "
         "a military spokesman said. The blast damaged shops along the road.")


def test_an_undated_report_joins_only_on_evidence_and_takes_the_incident_date():
    dated = ev("a1", "a", sub_event_type="Attack", event_type="Violence against civilians")
    undated = ev("b1", "b", sub_event_type="Attack", event_type="Violence against civilians", event_date=None,
                 time_precision=None, fatalities=9)
    docs = {"a": Document(text=STORY, doc_id="a", published=dt.date(2025, 3, 14)),
            "b": Document(text=REWRITE, doc_id="b")}
    result = merge.cluster([dated, undated], documents=docs)
    assert groups(result) == [["a1", "b1"]]
    join = result.joins["b1"]
    assert join["date_from_incident"]["date"] == "2025-03-13"
    assert "undated" in join["date_from_incident"]["reason"]
    assert "abdikadir hassan" in join["evidence"]["names"] and join["evidence"]["quotes"] >= 4
    # the same events with another story's text: nothing says they are one event
    docs["b"] = Document(text=OTHER, doc_id="b")
    assert groups(merge.cluster([dated, undated], documents=docs)) == [["a1"], ["b1"]]
    # and without any text, an undated event stays on its own
    assert groups(merge.cluster([dated, undated])) == [["a1"], ["b1"]]


def test_a_rewrite_coded_in_another_country_still_joins():
    a = ev("a1", "a", sub_event_type="Attack", event_type="Violence against civilians")
    b = ev("b1", "b", sub_event_type="Attack", event_type="Violence against civilians", country="Kenya",
           location="Lamu", admin1="Lamu", admin2="Lamu", latitude=-2.27, longitude=40.9)
    docs = {"a": Document(text=STORY, doc_id="a"), "b": Document(text=STORY + " Updated.", doc_id="b")}
    result = merge.cluster([a, b], documents=docs)
    assert groups(result) == [["a1", "b1"]]
    assert result.incidents[0].canonical.country == "Somalia" or result.incidents[0].canonical.country == "Kenya"
    assert result.joins["b1"]["evidence"]["countries"] == ["Kenya", "Somalia"]
    assert groups(merge.cluster([a, b])) == [["a1"], ["b1"]]  # without the texts: two countries, two events


def test_result_does_not_depend_on_the_order_of_the_events():
    events = [ev(f"{d}1", d, fatalities=f, event_date=dt.date(2025, 3, 13) + dt.timedelta(days=k))
              for d, f, k in (("a", 7, 0), ("b", 8, 0), ("c", 7, 1), ("d", 9, 0), ("e", 3, 6), ("f", 3, 6))]
    events += [ev("a2", "a", location="Afgooye", admin2="Afgooye", latitude=2.14, longitude=45.12)]
    first = merge.cluster(events)
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        again = merge.cluster(shuffled)
        assert [(i.incident_id, i.event_ids, i.canonical) for i in again.incidents] == \
               [(i.incident_id, i.event_ids, i.canonical) for i in first.incidents]
        assert again.joins == first.joins


def test_scores_pairwise_and_bcubed():
    gold = {"a": "X", "b": "X", "c": "Y", "d": "Z"}
    assert pairwise(gold, gold)["f1"] == 1.0 and bcubed(gold, gold)["f1"] == 1.0
    split = {"a": "1", "b": "2", "c": "3", "d": "4"}
    assert pairwise(split, gold)["recall"] == 0.0
    assert bcubed(split, gold)["precision"] == 1.0 and bcubed(split, gold)["recall"] == pytest.approx(0.75)


@pytest.mark.shared
def test_devset_gold_clusters_are_recovered(shared_dir):
    scores = evaluate_dedup(shared_dir / "devset" / "gold.jsonl", coded=False)["gold"]
    assert scores["pairwise"]["f1"] >= 0.95 and scores["bcubed"]["f1"] >= 0.95
    assert scores["same_report_merges"] == 0


def test_an_undated_report_joins_the_look_alike_whose_toll_it_shares():
    """Two dated incidents in one town a year apart told in much the same words: an undated
    report with the first one's toll joins the first (the same toll is evidence)."""
    first = ev("a1", "a", event_date=dt.date(2024, 5, 2), fatalities=4)
    again = ev("c1", "c", event_date=dt.date(2025, 5, 2), fatalities=11)
    undated = ev("b1", "b", event_date=None, time_precision=None, fatalities=4)
    docs = {"a": Document(text=STORY, doc_id="a"), "c": Document(text=STORY.replace("seven", "eleven"), doc_id="c"),
            "b": Document(text=REWRITE, doc_id="b")}
    result = merge.cluster([first, again, undated], documents=docs)
    assert groups(result) == [["a1", "b1"], ["c1"]]
    assert result.joins["b1"]["evidence"]["same_toll"]


def test_an_event_placed_only_at_its_province_is_not_too_far_from_a_town_there():
    """A report that names only the province (precision 3, its centre) and one that names a town of
    that province 150 km from the centre: the distance is no reason to keep them apart; a town of
    another province that far away is."""
    town = ev("a1", "a", admin1="Hiraan", admin2="Beledweyne", location="Beledweyne", latitude=4.74,
              longitude=45.2)
    province = ev("b1", "b", admin1="Hiraan", admin2=None, location="Hiraan", latitude=3.6,
                  longitude=45.9, geo_precision=3)
    elsewhere = ev("c1", "c", admin1="Bay", admin2=None, location="Bay", latitude=3.6,
                   longitude=45.9, geo_precision=3)
    assert merge.similarity(town, province) > merge.THRESHOLD
    assert merge.similarity(town, elsewhere) == 0.0


def test_other_kinds_of_act_sharing_only_names_stay_apart():
    """An undated kidnapping and an undated killing raid in the same district, told with the same
    security chief and capital: names alone do not make them one incident."""
    docs = {"a": Document("Gunmen kidnapped two women from a resort in Semporna. Security chief Mohammad "
                          "Mentek said in Kuala Lumpur that the kidnappers fled by boat.", doc_id="a"),
            "b": Document("Raiders shot dead a man and took his wife from a resort near Semporna. Security "
                          "chief Mohammad Mentek told reporters in Kuala Lumpur the attackers escaped.", doc_id="b")}
    kidnap = ev("a1", "a", event_date=None, event_type="Violence against civilians",
                sub_event_type="Abduction/forced disappearance", fatalities=0)
    raid = ev("b1", "b", event_date=None, event_type="Violence against civilians", sub_event_type="Attack",
              fatalities=1)
    assert groups(merge.cluster([kidnap, raid], documents=docs)) == [["a1"], ["b1"]]
