"""howmany/toll_places.py: a toll split by place is not one event's sum (issue 12).

The sentences are written for these tests (places are real, events invented).
"""
from __future__ import annotations

import pytest

from eventcoder.coder import Coder

pytestmark = pytest.mark.model


@pytest.mark.parametrize("lang, text, dead", [
    # each village with its own figure: the event keeps the first village's, not the sum (8 + 4)
    ("fr", "Au moins huit personnes ont été tuées lundi dans le village de Kalunguta, dans le territoire de Beni. "
           "Les rebelles ont également tué quatre autres personnes dans le village de Mabuku.", 8),
    # a figure for a place pointed at but not named is that place's
    ("en", "Gunmen killed two farmers near Kadugli on Monday, police said. In a nearby village, another farmer "
           "was killed by the same gang.", 2),
])
def test_toll_places_figure_of_another_place_is_not_added(analyse_text, lang, text, dead):
    events = [e for e in Coder().code(analyse_text(text, lang=lang)) if not e.background]
    assert events[0].fatalities == dead


def test_toll_places_groups_of_one_place_still_add_up(analyse_text):
    text = ("Militants attacked an army post in Djibo on Monday, killing four soldiers. Seven other soldiers "
            "were also killed in the attack, the army said.")
    events = [e for e in Coder().code(analyse_text(text, lang="en")) if not e.background]
    assert events[0].fatalities == 11
