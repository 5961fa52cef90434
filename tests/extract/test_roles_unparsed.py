"""Roles in languages coded without a parse (French, Spanish, Russian, Arabic): a state force
named as the target of a bomb or a strike is actor2, never actor1."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.pipeline import code_text


@pytest.mark.parametrize("lang, text, actor1, actor2", [
    # subject-verb-object: the army named only after the trigger is what the bomb hit
    ("fr", "Un engin explosif improvisé a touché un véhicule lundi près de Dori, faisant trois morts parmi les soldats.",
     "Unidentified Armed Group (Burkina Faso)", "Military Forces of Burkina Faso (2022-)"),
    # a target word before the actor ("بدورية للجيش": at an army patrol), whatever the word order
    ("ar", "انفجرت عبوة ناسفة بدورية للجيش في درعا يوم الأحد مما أدى إلى مقتل جنديين.",
     "Unidentified Armed Group (Syria)", "Military Forces of Syria (2024-)"),
    # the agent before the verb stays the agent
    ("ru", "Российские войска нанесли ракетный удар по Запорожью, ранены пять человек.",
     "Military Forces of Russia (2000-)", "Civilians (Ukraine)"),
])
def test_unparsed_roles_target_is_not_the_agent(lang, text, actor1, actor2):
    events = [e for e in code_text(text, lang=lang, published=dt.date(2025, 6, 23)) if e.main]
    assert len(events) == 1
    assert (events[0].actor1, events[0].actor2) == (actor1, actor2)
