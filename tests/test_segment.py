"""segment.py: one event per incident, background kept apart, generic statements dropped.

The reports below are written for these tests (places are real, events invented). Each test codes
a short report end to end and checks which incidents come out.
"""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.coder import Coder
from eventcoder.extract.where import places as places_x
from eventcoder.extract.what.triggers import find_triggers
from eventcoder.segment import aggregate, confidence, is_valid, segment
from eventcoder.schema import Event

pytestmark = pytest.mark.model


def _events(analyse_text, text, published="2025-03-14", lang="en"):
    return Coder().code(analyse_text(text, published=published, lang=lang))


def _current(events):
    return [(e.sub_event_type, e.location) for e in events if not e.background]


def _segments(analyse_text, text, published="2025-03-14"):
    ana = analyse_text(text, published=published)
    trig = [t for t in find_triggers(ana) if is_valid(t)]
    return ana, segment(ana, trig, places_x.find_places(ana))


# ------------------------------------------------------------------ splitting incidents


def test_segment_new_date_opens_a_second_incident(analyse_text):
    text = ("GAO, Mali — Soldiers clashed with jihadist fighters near Ansongo on Saturday, a military "
            "source said. On Sunday, a roadside bomb struck a bus on the road north of Gao, killing "
            "four passengers.")
    assert sorted(_current(_events(analyse_text, text))) == sorted([
        ("Armed clash", "Ansongo"), ("Remote explosive/landmine/IED", "Gao")])


def test_segment_separately_opens_a_second_incident(analyse_text):
    text = ("Gunmen kidnapped a priest in Enugu on Tuesday, police said. Separately, a mob lynched a "
            "suspected thief in Enugu.")
    subs = {e.sub_event_type for e in _events(analyse_text, text)}
    assert subs == {"Abduction/forced disappearance", "Mob violence"}


def test_segment_new_town_with_clear_trigger_opens_an_incident(analyse_text):
    text = ("Drones struck an oil depot in Bryansk overnight, the governor said. Air defences were "
            "active. Artillery shelling also hit Shebekino, wounding two people.")
    subs = {(e.sub_event_type, e.location) for e in _events(analyse_text, text)}
    assert len(subs) == 2


@pytest.mark.parametrize("lang, text", [
    ("fr", "Une frappe de drone a visé une voiture à Saïda samedi, tuant deux personnes. Une autre frappe de drone a "
           "touché une moto à Bint Jbeil, sans faire de victime."),
    ("es", "Tres soldados murieron en combates con guerrilleros en Tumaco el lunes. En otro ataque, guerrilleros "
           "hostigaron la estación de policía de Tibú."),
])
def test_segment_other_languages_open_an_incident_at_a_new_town(analyse_text, lang, text):
    events = _events(analyse_text, text, lang=lang)
    assert len({e.location for e in events if not e.background}) == 2


def test_segment_another_act_told_with_also_is_its_own_incident(analyse_text):
    text = ("Rebels shelled residential neighbourhoods of Kadugli with artillery on Monday, killing ten civilians. "
            "The rebels also launched drones at the airport in Kadugli, but air defences shot them down.")
    subs = {e.sub_event_type for e in _events(analyse_text, text) if not e.background}
    assert subs == {"Shelling/artillery/missile attack", "Disrupted weapons use"}


def test_segment_district_of_the_same_city_is_the_same_incident(analyse_text):
    text = ("Russian missiles hit Kharkiv on Monday, killing three people, officials said. "
            "Two missiles struck the city's Saltivskyi district, the mayor said.")
    assert len(_current(_events(analyse_text, text))) == 1


def test_segment_also_killed_elaborates_the_same_incident(analyse_text):
    text = ("Jihadists ambushed an army convoy near Djibo on Monday, killing five soldiers, the army "
            "said. Several attackers were also killed, it said.")
    assert _current(_events(analyse_text, text)) == [("Armed clash", "Djibo")]


def test_segment_looting_after_violence_is_its_own_incident(analyse_text):
    ana, segs = _segments(analyse_text, (
        "Militiamen attacked the village of Kalehe on Friday, killing six civilians. "
        "The same militiamen also looted shops and stole cattle, residents said."))
    assert len(segs) == 2
    assert segs[1].scene, "a place-less follow-up keeps the scene of the incident before it"


def test_segment_takeover_and_killing_of_civilians_are_two_incidents(analyse_text):
    text = ("Gang members overran the town of Mirebalais on Thursday after a gun battle with police, "
            "killing at least six civilians, officials said.")
    subs = {e.sub_event_type for e in _events(analyse_text, text)}
    assert subs == {"Non-state actor overtakes territory", "Attack"}


def test_segment_crossfire_victims_stay_in_the_battle(analyse_text):
    text = ("Soldiers and rebels fought for hours in Bunia on Friday; two civilians were killed in "
            "the crossfire, a hospital official said.")
    assert {e.sub_event_type for e in _events(analyse_text, text)} == {"Armed clash"}


# ------------------------------------------------------------------ references back


def test_segment_the_attack_after_an_aside_refers_back(analyse_text):
    text = ("A drone strike killed two commanders near Idlib on Monday, a monitor said. "
            "The group split from its parent organisation in 2016. "
            "The attack shows the reach of the campaign, the monitor added.")
    events = _events(analyse_text, text)
    assert len(_current(events)) == 1 and events[0].main


def test_segment_the_fighting_refers_to_the_battle_not_the_strike(analyse_text):
    text = ("Troops fought rebels near Malakal on Monday. On Tuesday, a warplane dropped bombs on a "
            "market outside Malakal. The fighting was the heaviest this year.")
    events = _events(analyse_text, text)
    assert {e.sub_event_type for e in events} == {"Armed clash", "Air/drone strike"}


# ------------------------------------------------------------------ background


@pytest.mark.parametrize("text", [
    "In 2019, gunmen attacked a hotel in Nairobi, killing 21 people.",
    "A car bomb in Mogadishu last year killed more than 100 people.",
])
def test_segment_background_sentence_is_never_main(analyse_text, text):
    lead = "Gunmen stormed a police post in Mandera on Wednesday, killing two officers. "
    events = _events(analyse_text, lead + text, published="2025-03-14")
    mains = [e for e in events if e.main]
    assert len(mains) == 1 and mains[0].location == "Mandera"
    assert all(e.background for e in events if not e.main)


def test_segment_background_cue_in_a_relative_clause_leaves_the_sentence_current(analyse_text):
    text = ("Five gunmen were killed in a shootout between rival gangs in Port-au-Prince on Monday, "
            "police said, the latest violence in a feud that began in March 2023.")
    events = _events(analyse_text, text, published="2025-03-14")
    assert [(e.sub_event_type, e.background) for e in events] == [("Armed clash", False)]


def test_segment_background_cue_on_another_noun_is_no_background(analyse_text):
    text = ("Police fired tear gas to disperse opposition supporters who marched in Harare on "
            "Thursday to reject last month's election results.")
    events = _events(analyse_text, text)
    assert [(e.sub_event_type, e.background) for e in events] == [("Protest with intervention", False)]


def test_segment_date_inside_a_name_is_no_background_cue(analyse_text):
    text = "GOMA — Fighters of the March 23 Movement took control of the town of Rutshuru on Sunday."
    events = _events(analyse_text, text, published="2025-03-14")
    assert [(e.sub_event_type, e.background, e.main) for e in events] == [
        ("Non-state actor overtakes territory", False, True)]


# ------------------------------------------------------------------ generic statements


@pytest.mark.parametrize("sentence", [
    "The group has carried out frequent bombings in the region.",
    "Analysts say the militia remains capable of launching attacks, including drone strikes.",
    "Drones have long been a tool of state militaries.",
    "The raid came after a wave of bombings and drone attacks in the province.",
    "The army vowed to continue operations to dismantle the group's networks.",
    "A drone operator was interviewed by the station.",
])
def test_segment_generic_statements_add_no_event(analyse_text, sentence):
    lead = "Soldiers clashed with militants near Marawi on Monday, the army said. "
    events = _events(analyse_text, lead + sentence)
    assert _current(events) == [("Armed clash", "Marawi")]


# ------------------------------------------------------------------ aggregation, confidence


def test_segment_aggregate_merges_same_subtype_place_date():
    a = Event(doc_id="x", sub_event_type="Attack", location="Jos", fatalities=2)
    b = Event(doc_id="x", sub_event_type="Attack", location="Jos", fatalities=5)
    merged = aggregate([a, b])
    assert len(merged) == 1 and merged[0].fatalities == 5


def test_segment_aggregate_keeps_the_town_of_a_province_level_twin():
    region = Event(doc_id="x", sub_event_type="Armed clash", location="Cauca", admin1="Cauca", geo_precision=3,
                   country="Colombia", fatalities=0)
    town = Event(doc_id="x", sub_event_type="Armed clash", location="Suarez", admin1="Cauca", geo_precision=1,
                 country="Colombia", latitude=2.95, longitude=-76.69, fatalities=3)
    elsewhere = Event(doc_id="x", sub_event_type="Armed clash", location="Tumaco", admin1="Narino",
                      geo_precision=1, country="Colombia", fatalities=1)
    merged = aggregate([region, town, elsewhere])
    assert [(e.location, e.geo_precision, e.fatalities) for e in merged] == [("Suarez", 1, 3), ("Tumaco", 1, 1)]


def test_segment_aggregate_undated_lead_takes_the_day_told_further_down():
    """A report with no date of its own: its undated lead and the same bombing dated later in the text
    are one event, dated; in a dated report (or two different days) they stay apart."""
    def pair():
        lead = Event(doc_id="x", sub_event_type="Suicide bomb", location="Borno", admin1="Borno", geo_precision=3,
                     country="Nigeria", fatalities=6)
        told = Event(doc_id="x", sub_event_type="Suicide bomb", location="Gwoza", admin1="Borno", geo_precision=1,
                     country="Nigeria", fatalities=4, event_date=dt.date(2024, 6, 29), time_precision=1)
        return lead, told
    merged = aggregate(list(pair()), undated_report=True)
    assert [(e.location, e.event_date, e.time_precision, e.fatalities) for e in merged] == [
        ("Gwoza", dt.date(2024, 6, 29), 1, 6)]
    assert len(aggregate(list(pair()))) == 2
    lead, told = pair()
    lead.event_date = dt.date(2024, 6, 20)
    assert len(aggregate([lead, told], undated_report=True)) == 2


def test_segment_back_reference_beside_an_aside_tells_the_incident(analyse_text):
    """'The attack occurred on Tuesday in X, where militants have killed dozens this year': the
    sentence's own clause goes on telling the incident (its day), the relative clause is context."""
    text = ("Gunmen killed 12 villagers in an attack on a village in western Niger, officials said on Wednesday.\n"
            "The attack occurred on Tuesday in the commune of Banibangou, where militants have killed dozens "
            "of civilians this year.")
    events = _events(analyse_text, text, published="2025-03-13")
    main = next(e for e in events if e.main)
    assert (main.sub_event_type, main.event_date, main.fatalities) == ("Attack", dt.date(2025, 3, 11), 12), main


def test_segment_aggregate_report_day_twin_takes_the_day_the_act_happened():
    """'Police said today ... the kidnapping on Wednesday': the event dated on the report's day and
    its twin dated three days before are one event, on the earlier day; a twin two weeks before,
    or two events on days the text names, stay apart."""
    day = dt.date(2014, 4, 5)

    def pair(first, second):
        told = Event(doc_id="x", sub_event_type="Abduction/forced disappearance", location="Sabah",
                     admin1="Sabah", geo_precision=3, country="Malaysia", event_date=first, time_precision=1)
        act = Event(doc_id="x", sub_event_type="Abduction/forced disappearance", location="Semporna",
                    admin1="Sabah", geo_precision=1, country="Malaysia", event_date=second, time_precision=1)
        return [told, act]
    merged = aggregate(pair(day, dt.date(2014, 4, 2)), report_day=day)
    assert [(e.location, e.event_date) for e in merged] == [("Semporna", dt.date(2014, 4, 2))]
    assert len(aggregate(pair(day, dt.date(2014, 3, 20)), report_day=day)) == 2
    assert len(aggregate(pair(dt.date(2014, 4, 4), dt.date(2014, 4, 2)), report_day=day)) == 2


def test_segment_aggregate_one_toll_in_two_places_of_a_province():
    """'Gunmen killed 12 villagers in Quissanga' ... '12 people were killed near Macomia' the same day:
    one event, at the first place; a different day, or another toll, stays apart."""
    def ev(location, fatalities, day=dt.date(2023, 5, 2)):
        return Event(doc_id="x", sub_event_type="Attack", location=location, admin1="Cabo Delgado",
                     country="Mozambique", fatalities=fatalities, event_date=day, geo_precision=2)
    assert [e.location for e in aggregate([ev("Quissanga", 12), ev("Macomia", 12)])] == ["Quissanga"]
    assert len(aggregate([ev("Quissanga", 12), ev("Macomia", 7)])) == 2
    assert len(aggregate([ev("Quissanga", 12, None), ev("Macomia", 12)], undated_report=True)) == 2


def test_segment_lead_under_a_dateline_is_the_event_its_body_places(analyse_text):
    """The lead names no place (the dateline's city stands for it); the body names the town: one
    event, at the town. A second riot the body places in another town on another day stays apart."""
    text = ("TUNIS -- Rioters torched a police station on Thursday, officials said.\n\n"
            "The rioting in Kasserine went on into the night as youths threw stones at police officers.\n\n"
            "On Monday, rioters had also set fire to tyres in Gafsa.")
    events = _events(analyse_text, text, published="2025-03-14")
    current = [(e.sub_event_type, e.location, e.main) for e in events if not e.background]
    assert ("Violent demonstration", "Kasserine", True) in current, current
    assert not any(loc == "Tunis" for _, loc, _ in current), current


def test_segment_confidence_is_discounted_and_bounded():
    ev = Event(doc_id="x", location=None, background=True)
    assert 0.0 <= confidence(0.9, ev) < 0.9 * 0.6


def test_segment_live_blog_entries_are_separate_incidents(analyse_text):
    text = ("09:15 — Drone strike in Kherson\nA Russian drone struck a bus stop in Kherson, killing "
            "two people.\n11:40 — Raids in Jenin\nIsraeli troops detained 14 people in Jenin "
            "overnight, the army said.")
    subs = {e.sub_event_type for e in _events(analyse_text, text)}
    assert {"Air/drone strike", "Arrests"} <= subs


def test_segment_ceasefire_after_fighting_is_its_own_event(analyse_text):
    text = ("Rival militias fought a gun battle in the Libyan city of Misrata on Sunday, killing "
            "four fighters. On Tuesday, the two groups signed a ceasefire brokered by tribal elders.")
    subs = {e.sub_event_type for e in _events(analyse_text, text, published="2025-03-19")}
    assert {"Armed clash", "Agreement"} <= subs


def test_segment_early_hours_names_no_new_day(analyse_text):
    """"in the early hours" after a dated sentence is the same incident's time, not another day."""
    text = ("Two soldiers were killed on Sunday in northern Mali in an attack on their post, the army said. "
            "Gunmen attacked the Niafunke post in the early hours, the army added.")
    events = _events(analyse_text, text, published="2022-02-14")
    assert [(e.sub_event_type, e.location, str(e.event_date)) for e in events if not e.background] == [
        ("Armed clash", "Niafunke", "2022-02-13")]


def test_segment_shared_toll_rule():
    from eventcoder.segment import choose_main

    fight = Event(doc_id="d", main=False, event_type="Battles", sub_event_type="Armed clash", location="Bani",
                  event_date=None, fatalities=20)
    killing = Event(doc_id="d", main=False, event_type="Violence against civilians", sub_event_type="Attack",
                    location="Bani", event_date=None, fatalities=20)
    choose_main([fight, killing])
    assert killing.main and not fight.main
    other = Event(doc_id="d", main=False, event_type="Violence against civilians", sub_event_type="Attack",
                  location="Bani", event_date=None, fatalities=3)
    fight.main = False
    choose_main([fight, other])
    assert fight.main and not other.main


def test_segment_a_larger_killing_the_same_day_in_the_province_is_the_news():
    from eventcoder.segment import choose_main

    def ev(sub, etype, location, fatalities, admin1="Plateau"):
        return Event(doc_id="d", main=False, event_type=etype, sub_event_type=sub, location=location,
                     admin1=admin1, country="Nigeria", event_date=dt.date(2025, 4, 14), fatalities=fatalities)

    fight, killing = ev("Armed clash", "Battles", "Bokkos", 4), ev("Attack", "Violence against civilians", "Bassa", 40)
    choose_main([fight, killing])
    assert killing.main and not fight.main
    # a smaller killing, or one in another province, leaves the battle told first as the news
    fight, small = ev("Armed clash", "Battles", "Bokkos", 4), ev("Attack", "Violence against civilians", "Bassa", 2)
    choose_main([fight, small])
    assert fight.main and not small.main
    fight, far = ev("Armed clash", "Battles", "Bokkos", 4), ev("Attack", "Violence against civilians", "Ikeja", 40,
                                                               admin1="Lagos")
    choose_main([fight, far])
    assert fight.main and not far.main
    # one toll told twice, for a town and for its province: the killing is the news
    fight, killing = ev("Armed clash", "Battles", "Bokkos", 10), ev("Attack", "Violence against civilians", "Plateau", 10)
    choose_main([fight, killing])
    assert killing.main and not fight.main
    # a takeover told first stays the news beside a larger killing
    taken, killing = ev("Non-state actor overtakes territory", "Battles", "Bokkos", 2), \
        ev("Attack", "Violence against civilians", "Bokkos", 8)
    choose_main([taken, killing])
    assert taken.main and not killing.main
