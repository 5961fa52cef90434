"""State forces named by their unit, agency, acronym or a generic force word, across many countries
(issue 13, dictionary breadth): each maps to "Military/Police Forces of X (period-)" with the unit
appended where the codebook appends it, and inter 1 at home, 8 abroad. Sentences written for these tests.
"""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.who import actor_dictionary as dic
from eventcoder.extract.who.actors import find_actors
from eventcoder.resources import load_tsv


def _names(analyse_text, text, country, when=None):
    ana = analyse_text(text, lang="en")
    return {(m.name, m.inter) for m in find_actors(ana, country, when)}


@pytest.mark.model
@pytest.mark.parametrize("text, country, name", [
    ("Members of the Sashastra Seema Bal fired in the air.", "India",
     "Police Forces of India (2024-) Sashastra Seema Bal"),
    ("National Investigation Agency officers raided three houses.", "India",
     "Police Forces of India (2024-) National Investigation Agency"),
    ("The SBU detained a man in Kharkiv.", "Ukraine", "Police Forces of Ukraine (2019-) Security Service of Ukraine"),
    ("Rosgvardia officers stood at the square.", "Russia", "Military Forces of Russia (2000-) National Guard"),
    ("The Hashd al-Shaabi moved into the district.", "Iraq",
     "Military Forces of Iraq (2022-) Popular Mobilization Forces"),
    ("Brimob officers dispersed the crowd.", "Indonesia", "Police Forces of Indonesia (2024-) Mobile Brigade"),
    ("Carabineros de Chile used water cannon.", "Chile", "Police Forces of Chile (2022-) Carabineros"),
    ("The Presidential Guard surrounded the palace.", "Guinea", "Military Forces of Guinea (2021-) Presidential Guard"),
])
def test_state_units_keep_their_unit_name(analyse_text, text, country, name):
    assert (name, 1) in _names(analyse_text, text, country)


@pytest.mark.model
@pytest.mark.parametrize("text, country, name", [
    ("FAMa soldiers patrolled the road.", "Mali", "Military Forces of Mali (2021-)"),
    ("The SAF shelled the market.", "Sudan", "Military Forces of Sudan (2019-)"),
    ("The IDF said it had struck a depot.", "Palestine", "Military Forces of Israel (2022-)"),
    ("SAPS members arrested four suspects.", "South Africa", "Police Forces of South Africa (2024-)"),
    ("The Ghana Police Service said the suspects fled.", "Ghana", "Police Forces of Ghana (2025-)"),
    ("The Rwanda Defence Force deployed troops.", "Rwanda", "Military Forces of Rwanda (1994-)"),
    ("The Tanzania People's Defence Force took part.", "Tanzania", "Military Forces of Tanzania (2021-)"),
])
def test_acronyms_and_named_forces_map_to_their_state(analyse_text, text, country, name):
    got = {n for n, _ in _names(analyse_text, text, country)}
    assert any(n.split(" (")[0] == name.split(" (")[0] for n in got), got


@pytest.mark.model
def test_a_foreign_named_force_is_external(analyse_text):
    got = _names(analyse_text, "The IDF said it had struck a Hezbollah depot near Tyre.", "Lebanon",
                 dt.date(2024, 10, 1))
    assert ("Military Forces of Israel (2022-)", 8) in got


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Rangers beat Celtic 2-1 in Glasgow.",            # a football club, not a force
    "The FC Barcelona squad arrived.",                # FC is a football club
    "The MIT study was published on Monday.",         # a university
    "Parliament deputies voted on the budget.",       # legislators
])
def test_ambiguous_words_are_no_state_force(analyse_text, text):
    assert not any(n.startswith(("Military Forces", "Police Forces")) for n, _ in _names(analyse_text, text, "Spain"))


@pytest.mark.model
def test_gendarmes_carry_the_gendarmerie_unit(analyse_text):
    got = _names(analyse_text, "Des gendarmes ont été attaqués près de Dori.", "Burkina Faso", dt.date(2023, 3, 1))
    assert ("Police Forces of Burkina Faso (2022-) Gendarmerie", 1) in got


def test_every_country_tied_term_names_a_state_with_a_period():
    rows = [r for r in load_tsv("actors/state_terms.tsv") if r["country"]]
    missing = sorted({r["country"] for r in rows if dic.regime(r["country"]) is None})
    assert not missing, missing


def test_state_term_phrases_are_unique():
    phrases = [r["phrase"] for r in load_tsv("actors/state_terms.tsv")]
    dupes = sorted({p for p in phrases if phrases.count(p) > 1})
    assert not dupes, dupes


# ------------------------------------------------------------------ non-state groups added in issue 13
@pytest.mark.model
@pytest.mark.parametrize("text, country, name", [
    ("Hurras al-Din fighters attacked a checkpoint.", "Syria", "Hurras al-Din"),
    ("YPG fighters shelled the village.", "Syria", "SDF: Syrian Democratic Forces"),
    ("Hezbollah's Radwan Force fired rockets.", "Lebanon", "Hezbollah"),
    ("URDPC militiamen attacked a camp.", "Democratic Republic of Congo", "CODECO: Cooperative for Development of Congo"),
    ("Mungiki members attacked traders.", "Kenya", "Mungiki Militia"),
    ("Ahlu Sunna Wal Jama'a fighters attacked the town.", "Somalia", "ASWJ: Ahlu Sunna Wal Jama'a"),
    ("Ahlu Sunna Wal Jama'a fighters attacked the town.", "Mozambique", "Islamic State Mozambique Province"),
    ("Twa militiamen burned a village.", "Democratic Republic of Congo", "Twa Ethnic Militia (Democratic Republic of Congo)"),
])
def test_more_groups_by_alias(analyse_text, text, country, name):
    assert name in {n for n, _ in _names(analyse_text, text, country)}


@pytest.mark.model
def test_volunteers_are_the_vdp_only_in_burkina_faso(analyse_text):
    text = "Jihadists ambushed a convoy of army volunteers near Djibo."
    assert "VDP: Volunteers for the Defense of the Homeland" in {n for n, _ in _names(analyse_text, text, "Burkina Faso")}
    assert not any("VDP" in n for n, _ in _names(analyse_text, "Red Cross volunteers handed out food.", "Kenya"))


@pytest.mark.model
@pytest.mark.parametrize("text, country, name", [
    ("UNIFIL said a patrol was hit near Naqoura.", "Lebanon", "UNIFIL: United Nations Interim Force in Lebanon (1978-)"),
    ("AMISOM troops repelled the attack.", "Somalia", "AMISOM: African Union Mission in Somalia (2007-2022)"),
    ("Barkhane helicopters struck a column near Menaka.", "Mali", "Military Forces of France"),
    ("Traditional hunters attacked a Fulani hamlet.", "Mali", "Dozo Militia"),
])
def test_peace_operations_foreign_operations_and_hunters(analyse_text, text, country, name):
    got = {n for n, _ in _names(analyse_text, text, country)}
    assert any(n == name or n.startswith(name + " (") for n in got), got


@pytest.mark.model
@pytest.mark.parametrize("text, country, name", [
    # an acronym two countries' police share is the police of the event's country
    ("PNP officers dispersed the march in Lima.", "Peru", "Police Forces of Peru"),
    ("PNP officers dispersed the march in Manila.", "Philippines", "Police Forces of the Philippines"),
    ("PNC agents arrested two gang members.", "El Salvador", "Police Forces of El Salvador"),
])
def test_shared_police_acronyms_follow_the_event_country(analyse_text, text, country, name):
    got = {n for n, _ in _names(analyse_text, text, country)}
    assert any(n.startswith(name + " (") for n in got), got
