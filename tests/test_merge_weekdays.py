"""Days of the week as date evidence for reports without a date: the same day joins, another day keeps apart."""
from __future__ import annotations

import datetime as dt

from eventcoder import merge
from eventcoder.merge import profiles_for
from eventcoder.merge.profile import Profile
from eventcoder.merge.text import weekdays
from eventcoder.schema import Event


def ev(event_id, doc_id, **fields) -> Event:
    base = dict(event_date=None, time_precision=None, event_type="Explosions/Remote violence",
                sub_event_type="Suicide bomb", actor1="Al Shabaab", actor2="Civilians (Somalia)",
                country="Somalia", admin1="Banadir", admin2="Mogadishu", location="Mogadishu",
                latitude=2.0469, longitude=45.3182, geo_precision=1, fatalities=7, source=doc_id.upper())
    base.update(fields)
    return Event(event_id=event_id, doc_id=doc_id, **base)


def groups(result) -> list[list[str]]:
    return sorted(inc.event_ids for inc in result.incidents)


MARKET = ("A suicide bomber blew himself up at the Bakaara market in Mogadishu on Tuesday, killing 7 people, "
          "police commander Abdi Nur Farah said.")
BUS_STOP = ("A suicide bomber struck a crowded bus stop in Mogadishu on Friday and 7 people died, "
            "police commander Abdi Nur Farah told reporters.")
CART = "Seven people died when a bomb hidden in a cart went off in Mogadishu on Tuesday, 7 of them traders."
CART_AGAIN = "On Tuesday a cart bomb in the Somali capital Mogadishu killed 7, traders said."


def test_weekdays_are_read_in_every_language_of_the_lexicons():
    assert weekdays("Gunmen attacked the camp on Tuesday night.") == {1}
    assert weekdays("Des hommes armés ont attaqué le camp mardi ; le vendredi suivant...") == {1, 4}
    assert weekdays("Ataque armado el domingo.") == {6}
    assert weekdays("Обстрел произошёл в пятницу.") == {4}
    assert weekdays("وقع الهجوم يوم الجمعة") == {4}
    assert weekdays("No day is named here.") == set()


def test_undated_look_alike_on_another_day_of_the_week_stays_apart():
    """The same town, type, toll and police commander, but one report says Tuesday and the other
    Friday: two attacks, not one (the names and the toll alone would join them)."""
    a, b = ev("a1", "a"), ev("b1", "b")
    docs = {"a": MARKET, "b": BUS_STOP}
    assert groups(merge.cluster([a, b], documents=docs)) == [["a1"], ["b1"]]
    match = merge.compare(*profiles_for([a, b], docs))
    assert match.score < merge.THRESHOLD and match.evidence["same_weekday"] is False
    # told on the same day of the week, the same evidence joins them
    docs["b"] = BUS_STOP.replace("Friday", "Tuesday")
    assert groups(merge.cluster([a, b], documents=docs)) == [["a1", "b1"]]


def test_a_dated_event_and_an_undated_report_naming_another_day_stay_apart():
    dated = ev("a1", "a", event_date=dt.date(2025, 3, 11), time_precision=1)  # a Tuesday
    undated = ev("b1", "b")
    docs = {"a": MARKET.replace(" on Tuesday", ""), "b": BUS_STOP}
    assert groups(merge.cluster([dated, undated], documents=docs)) == [["a1"], ["b1"]]
    docs["b"] = BUS_STOP.replace("Friday", "Tuesday")
    result = merge.cluster([dated, undated], documents=docs)
    assert groups(result) == [["a1", "b1"]]
    assert result.joins["b1"]["date_from_incident"]["date"] == "2025-03-11"


def test_undated_reports_of_one_place_and_day_of_the_week_with_the_same_toll_are_compared_and_join():
    """No date, no shared name, different wording: the place on the same day of the week finds the
    pair (blocking), and the same toll on that day joins it."""
    a, b = ev("a1", "a", sub_event_type="Remote explosive/landmine/IED"), \
        ev("b1", "b", sub_event_type="Remote explosive/landmine/IED")
    docs = {"a": CART, "b": CART_AGAIN}
    pa, pb = profiles_for([a, b], docs)
    assert "D:Somalia|mogadishu|1" in pa.keys() and "D:Somalia|mogadishu|1" in pb.keys()
    result = merge.cluster([a, b], documents=docs)
    assert groups(result) == [["a1", "b1"]]
    assert "same day of the week" in result.joins["b1"]["reason"]
    # another toll: the day alone is not enough
    assert groups(merge.cluster([a, ev("b1", "b", sub_event_type="Remote explosive/landmine/IED",
                                       fatalities=12)], documents=docs)) == [["a1"], ["b1"]]


def test_stored_profiles_keep_their_weekdays():
    p = profiles_for([ev("a1", "a")], {"a": MARKET})[0]
    assert p.weekdays == frozenset({1})
    assert Profile.from_dict(p.to_dict()).weekdays == p.weekdays
    old = p.to_dict()
    del old["weekdays"]  # a profile stored before weekdays were read
    assert Profile.from_dict(old).weekdays == frozenset()


def test_undated_reports_of_two_towns_of_one_district_on_one_day_of_the_week_are_compared():
    """One report places the blast at a village, the other at the nearby district town: the
    district on the same day of the week finds the pair, and the same toll joins it."""
    a = ev("a1", "a", sub_event_type="Remote explosive/landmine/IED", location="Daynile", admin2="Daynile",
           latitude=2.08, longitude=45.26)
    b = ev("b1", "b", sub_event_type="Remote explosive/landmine/IED", location="Garasbaley", admin2="Daynile",
           latitude=2.10, longitude=45.22)
    docs = {"a": "A roadside bomb killed 7 soldiers near Daynile on Tuesday.",
            "b": "On Tuesday 7 soldiers died when a mine went off outside the village of Garasbaley."}
    pa, pb = profiles_for([a, b], docs)
    assert "D:Somalia|daynile|1" in pa.keys() and "D:Somalia|daynile|1" in pb.keys()
    assert groups(merge.cluster([a, b], documents=docs)) == [["a1", "b1"]]


def test_two_sub_types_of_one_event_type_join_on_strong_evidence_only():
    """One outlet's suicide bomb is another's IED: one event type, the same victim named, the same
    toll, the same day of the week. An abduction told with the same evidence stays apart."""
    docs = {"a": "A suicide bomber killed 7 people at a market in Mogadishu on Tuesday, among them the "
                 "trader Abdirahman Guled Isse.",
            "b": "On Tuesday a bomb tore through a Mogadishu market, killing 7 including the trader "
                 "Abdirahman Guled Isse, his family said."}
    blast = ev("a1", "a")
    ied = ev("b1", "b", sub_event_type="Remote explosive/landmine/IED")
    result = merge.cluster([blast, ied], documents=docs)
    assert groups(result) == [["a1", "b1"]]
    assert result.joins["b1"]["evidence"]["type"] == 0.6
    abduction = ev("b1", "b", event_type="Violence against civilians", sub_event_type="Abduction/forced disappearance")
    assert groups(merge.cluster([blast, abduction], documents=docs)) == [["a1"], ["b1"]]
    # without the victim's name the evidence is too weak for two sub-types
    docs["b"] = "On Tuesday a bomb tore through a Mogadishu market, killing 7, witnesses said."
    assert groups(merge.cluster([blast, ied], documents=docs)) == [["a1"], ["b1"]]
