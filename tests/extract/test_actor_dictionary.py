"""The ACLED-style actor dictionary as data (issue 13), one block per family: regime periods of every
state, state forces (words, named units, ministries, other languages), non-state armed groups with
aliases, acronyms and transliterations, identity militias, protesters and rioters, unknown named groups
and generic descriptions, and the inter code that follows the actor. Sentences written for these tests.
"""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder import countries
from eventcoder.extract.who import actor_dictionary as dic
from eventcoder.extract.who.actors import find_actors


def _found(analyse_text, text, country, lang="en", when=None):
    ana = analyse_text(text, lang=lang)
    return [(m.span.text, m.name, m.inter) for m in find_actors(ana, country, when)]


# ------------------------------------------------------------------ regime periods: every state, the current one by default
def test_dictionary_every_sovereign_state_has_a_current_period():
    territories = {"Western Sahara", "Hong Kong", "Macao", "Puerto Rico", "Greenland", "Antarctica"}
    missing = [c.name for c in countries.all_countries() if c.numeric and c.demonyms and c.name not in territories
               and dic.regime(c.name) is None]
    assert not missing, missing


@pytest.mark.parametrize("country, when, force, expected", [
    ("Pakistan", dt.date(2014, 12, 20), "military", "Military Forces of Pakistan (2013-2018)"),
    ("Israel", dt.date(2020, 8, 2), "military", "Military Forces of Israel (2009-2021)"),
    ("Iran", dt.date(2019, 2, 13), "military", "Military Forces of Iran (1989-)"),
    ("Bolivia", dt.date(2019, 11, 15), "police", "Police Forces of Bolivia (2019-2020)"),
    ("Chile", dt.date(2016, 5, 1), "police", "Police Forces of Chile (2014-2018)"),
    ("Sweden", None, "police", "Police Forces of Sweden (2022-)"),
    ("Netherlands", None, "military", "Military Forces of the Netherlands (2024-)"),
])
def test_dictionary_state_names_carry_the_period_of_the_event(country, when, force, expected):
    assert dic.state_name(country, force, when) == expected


# ------------------------------------------------------------------ state forces: words, named units, ministries
@pytest.mark.model
@pytest.mark.parametrize("text, country, expected", [
    ("Revolutionary Guards shot at the crowd.", "Iran",
     ("Revolutionary Guards", "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps", 1)),
    ("A convoy of the National Directorate of Security was hit.", "Afghanistan",
     ("National Directorate of Security", "Military Forces of Afghanistan (2021-) National Directorate of Security", 1)),
    ("The Bolivarian National Guard detained two activists.", "Venezuela",
     ("Bolivarian National Guard", "Military Forces of Venezuela (2013-) National Guard", 1)),
    ("Two jawans were hurt.", "India", ("jawans", "Police Forces of India (2024-)", 1)),
    ("Interior ministry forces dispersed the rally.", "Russia",
     ("Interior ministry forces", "Police Forces of Russia (2000-)", 1)),
    ("The Saudi-led coalition struck Hodeidah.", "Yemen",
     ("Saudi-led coalition", "Military Forces of Saudi Arabia (2015-)", 8)),
])
def test_dictionary_named_units_and_ministries_map_to_state_forces(analyse_text, text, country, expected):
    assert expected in _found(analyse_text, text, country)


@pytest.mark.model
@pytest.mark.parametrize("text, lang, country, expected", [
    ("Des frappes de drones israéliens ont touché Tyr.", "fr", "Lebanon", "Military Forces of Israel (2022-)"),
    ("Les forces de l'ordre ont dispersé la foule.", "fr", "France", "Police Forces of France (2017-)"),
    ("Militares colombianos repelieron el ataque.", "es", "Colombia", "Military Forces of Colombia (2022-)"),
    ("قصفت طائرات الاحتلال منزلا في رفح.", "ar", "Palestine", "Military Forces of Israel (2022-)"),
    ("ОМОН задержал участников акции.", "ru", "Belarus", "Police Forces of Belarus (1994-)"),
])
def test_dictionary_state_forces_in_other_languages(analyse_text, text, lang, country, expected):
    assert expected in [name for _, name, _ in _found(analyse_text, text, country, lang)]


# ------------------------------------------------------------------ non-state armed groups: aliases, acronyms, transliterations
@pytest.mark.model
@pytest.mark.parametrize("text, country, name", [
    ("Wilayat Sinai fighters attacked a checkpoint.", "Egypt", "Islamic State (Egypt)"),
    ("Jama'at Nusrat al-Islam wal Muslimeen fighters ambushed the patrol.", "Benin",
     "JNIM: Group for Support of Islam and Muslims"),
    ("Anti-balaka militiamen attacked a UN convoy.", "Central African Republic", "Anti-Balaka"),
    ("MFDC rebels laid down their arms.", "Senegal", "MFDC: Movement of Democratic Forces of Casamance"),
    ("The Darfur Joint Protection Force repelled the attack.", "Sudan", "Darfur Joint Protection Force"),
    ("Los Tiguerones gunmen clashed with Los Lobos.", "Ecuador", "Los Tiguerones"),
    ("Hamas fighters fired rockets.", "Palestine", "Hamas Movement"),
])
def test_dictionary_groups_by_alias_and_acronym(analyse_text, text, country, name):
    assert name in [n for _, n, _ in _found(analyse_text, text, country)]


@pytest.mark.model
def test_dictionary_group_names_in_arabic_and_russian(analyse_text):
    assert "Hamas Movement" in [n for _, n, _ in _found(analyse_text, "أعلنت حركة حماس مسؤوليتها.", "Palestine", "ar")]
    assert "Taliban" in [n for _, n, _ in _found(analyse_text, "Талибы атаковали блокпост.", "Afghanistan", "ru",
                                                 dt.date(2015, 1, 1))]


@pytest.mark.model
@pytest.mark.parametrize("country, when, name, inter", [
    ("Afghanistan", dt.date(2018, 12, 11), "Taliban", 2),
    ("Afghanistan", dt.date(2023, 1, 11), "Military Forces of Afghanistan (2021-)", 1),
    ("Pakistan", dt.date(2023, 1, 11), "TTP: Tehreek-i-Taliban Pakistan", 2),
])
def test_dictionary_group_names_depend_on_country_and_date(analyse_text, country, when, name, inter):
    assert ("Taliban", name, inter) in _found(analyse_text, "Taliban attacked the checkpoint.", country, when=when)


def test_dictionary_gangs_join_their_coalition_from_its_campaign():
    entry = next(e for e in dic.entries() if dic.normalise(e.phrase) == "canaan gang")
    assert dic.group_name(entry, "Haiti", dt.date(2023, 6, 1)) == "Canaan Gang"
    assert dic.group_name(entry, "Haiti", dt.date(2024, 10, 1)) == "Viv Ansanm"


@pytest.mark.model
def test_dictionary_syrian_rebels_only_in_syria(analyse_text):
    assert ("rebels", "Opposition Rebels in Syria", 2) in _found(analyse_text, "The rebels shelled Aleppo.", "Syria")
    assert not [m for m in _found(analyse_text, "The rebels will enter cantonment sites.", "Ethiopia")
                if m[0] == "rebels"]


# ------------------------------------------------------------------ identity militias, protesters and rioters
@pytest.mark.model
@pytest.mark.parametrize("text, country, name, inter", [
    ("Murle youths raided cattle camps.", "South Sudan", "Murle Ethnic Militia (South Sudan)", 4),
    ("Misseriya gunmen attacked the village.", "Sudan", "Misseriya Ethnic Militia (Sudan)", 4),
    ("Manifestantes marcharon hacia el Congreso.", "Peru", "Protesters (Peru)", 6),
    ("Митингующие перекрыли проспект.", "Georgia", "Protesters (Georgia)", 6),
    ("Des casseurs ont incendié des voitures.", "France", "Rioters (France)", 5),
])
def test_dictionary_identity_militias_and_crowds(analyse_text, text, country, name, inter):
    lang = "es" if "marcharon" in text else "ru" if "Митингующие" in text else "fr" if "casseurs" in text else "en"
    assert name in [n for _, n, i in _found(analyse_text, text, country, lang) if i == inter]


# ------------------------------------------------------------------ unknown named groups and generic descriptions
@pytest.mark.model
def test_dictionary_unknown_named_community_keeps_its_name(analyse_text):
    names = [n for _, n, _ in _found(analyse_text, "Armed youths from the Dawa community torched homes.", "Kenya")]
    assert "Dawa Ethnic Militia (Kenya)" in names


@pytest.mark.model
@pytest.mark.parametrize("text, lang, country", [
    ("Unknown armed men stormed the market.", "en", "Niger"),
    ("Des individus armés ont attaqué le village.", "fr", "Niger"),
    ("Un grupo armado atacó la comunidad.", "es", "Mexico"),
    ("Диверсанты атаковали село.", "ru", "Russia"),
])
def test_dictionary_generic_descriptions_map_to_generic_actors(analyse_text, text, lang, country):
    assert f"Unidentified Armed Group ({country})" in [n for _, n, _ in _found(analyse_text, text, country, lang)]


# ------------------------------------------------------------------ inter follows the actor
@pytest.mark.model
@pytest.mark.parametrize("text, country, name, inter", [
    ("Turkish troops shelled the village.", "Iraq", "Military Forces of Turkey (2002-)", 8),
    ("Turkish troops shelled the village.", "Turkey", "Military Forces of Turkey (2002-)", 1),
    ("EACRF troops took over the town.", "Democratic Republic of Congo",
     "EACRF: East African Community Regional Force", 8),
    ("Civilian JTF members repelled the attackers.", "Nigeria", "Civilian JTF", 3),
])
def test_dictionary_inter_follows_the_actor(analyse_text, text, country, name, inter):
    assert (name, inter) in [(n, i) for _, n, i in _found(analyse_text, text, country)]
