"""French with a parse: fr_core_news_md's UD labels are read by the English role logic."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.nlp import analyse
from eventcoder.pipeline import code_text
from eventcoder.schema import Document

pytestmark = pytest.mark.model

DAY = dt.date(2025, 6, 23)


def test_french_report_is_parsed_with_english_labels():
    ana = analyse(Document(text="Trois soldats ont été tués par des jihadistes près de Djibo.", lang="fr",
                           published=DAY))
    assert ana.spacy_doc is not None
    killed = next(t for t in ana.spacy_doc if t.text == "tués")
    assert [c.text for c in killed.children if c.dep_ == "nsubjpass"] == ["soldats"]
    by = next(c for c in killed.children if c.dep_ == "agent")
    assert by.text == "par" and [c.text for c in by.children if c.dep_ == "pobj"] == ["jihadistes"]
    assert killed.tag_ == "VBN"


@pytest.mark.parametrize("text, actor1, actor2", [
    # the actor is an adjective after the weapon: "frappes de drones israéliens"
    ("Des frappes de drones israéliens ont tué deux civils mardi à Nabatieh, dans le sud du Liban.",
     "Military Forces of Israel (2022-)", "Civilians (Lebanon)"),
    # plural strike and weapon words: "frappe de missiles russes"
    ("Une frappe de missiles russes sur Kharkiv a fait quatre morts lundi, selon le gouverneur.",
     "Military Forces of Russia (2000-)", "Civilians (Ukraine)"),
])
def test_french_strike_agent_after_the_weapon(text, actor1, actor2):
    events = [e for e in code_text(text, lang="fr", published=DAY) if e.main]
    assert len(events) == 1
    assert (events[0].actor1, events[0].actor2) == (actor1, actor2)


def test_french_attackers_claiming_a_group_are_that_group():
    text = ("Des hommes armés se réclamant des « Amba Boys » ont incendié une école mardi à Kumbo, "
            "dans la région du Nord-Ouest du Cameroun.")
    events = [e for e in code_text(text, lang="fr", published=DAY) if e.main]
    assert len(events) == 1
    assert events[0].actor1 == "Ambazonian Separatists"


def test_french_place_with_the_parse():
    from eventcoder.extract.where.places import event_place, find_places

    ana = analyse(Document(text="Des hommes armés ont attaqué un poste près de Douentza, dans la région de Mopti.",
                           lang="fr", published=DAY))
    assert ana.spacy_doc is not None
    assert event_place(ana, find_places(ana), [0]).name == "Douentza"


def test_french_speaker_after_selon_is_no_actor():
    text = "Selon l'armée malienne, un engin explosif a explosé au passage d'un car près de Douentza, tuant trois civils."
    events = [e for e in code_text(text, lang="fr", published=DAY) if e.main]
    assert len(events) == 1
    assert events[0].actor1 == "Unidentified Armed Group (Mali)"
