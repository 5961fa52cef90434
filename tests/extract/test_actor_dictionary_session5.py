"""Dictionary families added in the fifth accuracy session (issue 13): armed groups with their aliases,
country-bound militias and named state units. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.who.actors import find_actors


def _names(analyse_text, sentence, country):
    ana = analyse_text(sentence)
    return {m.name for m in find_actors(ana, country, dt.date(2024, 3, 1))}


@pytest.mark.model
@pytest.mark.parametrize("sentence, country, name", [
    ("Papuan separatists shot dead a soldier near Intan Jaya.", "Indonesia", "TPNPB: West Papua National Liberation Army"),
    ("Renamo gunmen attacked a bus on the highway.", "Mozambique", "RENAMO: Mozambican National Resistance"),
    ("Karimojong raiders stole cattle near Kotido.", "Uganda", "Karimojong Ethnic Militia (Uganda)"),
    ("Fighters of the Tripoli Protection Force clashed with a rival brigade.", "Libya", "Tripoli Protection Force"),
    ("Amhara militiamen clashed with federal troops.", "Ethiopia", "Amhara Ethnic Militia (Ethiopia)"),
    ("The Lord's Resistance Army abducted ten children.", "Central African Republic", "LRA: Lord's Resistance Army"),
    ("Defence volunteers exchanged fire with insurgents in Narathiwat.", "Thailand",
     "Village Defence Volunteers (Thailand)"),
    ("Kyrgyz border guards exchanged fire with their neighbours.", "Kyrgyzstan",
     "Military Forces of Kyrgyzstan (2021-) Border Service"),
])
def test_new_groups_and_units_resolve(analyse_text, sentence, country, name):
    assert name in _names(analyse_text, sentence, country)


@pytest.mark.model
def test_country_bound_names_name_no_one_elsewhere(analyse_text):
    # "the seventh brigade" is the Kaniyat only in Libya; "defence volunteers" a militia only in Thailand
    names = _names(analyse_text, "The Seventh Brigade and defence volunteers were deployed to the border.", "Ukraine")
    assert not any("Kaniyat" in n or "Village Defence" in n for n in names)


@pytest.mark.model
@pytest.mark.parametrize("sentence, country, name", [
    ("Communist rebels ambushed an army patrol in the hills.", "Philippines", "NPA: New People's Army"),
    ("Two marine rangers guarding a school were hurt.", "Thailand", "Military Forces of Thailand (2023-)"),
    ("Iranian border guards clashed with smugglers.", "Iran", "Police Forces of Iran (1989-) Border Guard"),
    ("Fighters of the Cobra Faction raided a cattle camp.", "South Sudan",
     "SSDM/A-Cobra Faction: South Sudan Democratic Movement/Army (Cobra Faction)"),
    ("The SSDM/A attacked an army post near Pibor.", "South Sudan", "SSDM/A: South Sudan Democratic Movement/Army"),
])
def test_more_country_bound_words_resolve(analyse_text, sentence, country, name):
    assert name in _names(analyse_text, sentence, country)


@pytest.mark.model
def test_communist_rebels_outside_the_philippines_are_not_the_npa(analyse_text):
    assert not any("NPA" in n for n in _names(analyse_text, "Communist rebels ambushed a patrol.", "India"))


@pytest.mark.model
@pytest.mark.parametrize("sentence, country, name", [
    ("Iraq's National Security Service detained two men.", "Iraq",
     "Military Forces of Iraq (2022-) National Security Service"),
    ("The National Security Service detained two journalists in Juba.", "South Sudan",
     "Military Forces of South Sudan (2011-) National Security Service"),
])
def test_an_agency_name_several_states_share_follows_the_state(analyse_text, sentence, country, name):
    assert name in _names(analyse_text, sentence, country)


@pytest.mark.model
@pytest.mark.parametrize("sentence, country, name", [
    # one member of a force named in the singular
    ("A marine died when a roadside bomb went off near the pier.", "Thailand", "Military Forces of Thailand (2023-)"),
    ("A paratrooper was wounded by sniper fire outside the base.", "Mali", "Military Forces of Mali"),
    ("A carabinero was shot during a raid on the farm.", "Chile", "Police Forces of Chile"),
    ("Marine police fired on a smuggling boat off the coast.", "Thailand", "Police Forces of Thailand"),
])
def test_one_member_of_a_force_names_the_force(analyse_text, sentence, country, name):
    assert any(n.startswith(name) for n in _names(analyse_text, sentence, country))
