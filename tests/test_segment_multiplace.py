"""segment.py on reports that tell strikes or clashes place by place (issue 18): one event per town
and day, each with its own toll.

The reports below are written for these tests (places are real, events invented).
"""
from __future__ import annotations

import pytest

from eventcoder.coder import Coder

pytestmark = pytest.mark.model


def _current(analyse_text, text, lang, published="2025-03-14"):
    events = Coder().code(analyse_text(text, published=published, lang=lang))
    return sorted((e.location, e.fatalities) for e in events if not e.background)


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Des hommes armés ont tué trois civils à Beni lundi. Une autre attaque a eu lieu à Butembo, où deux "
           "personnes ont été tuées.", [("Beni", 3), ("Butembo", 2)]),
    ("ru", "В понедельник беспилотник атаковал автомобиль в Шебекино, погибли два человека. Еще один инцидент "
           "произошел в Валуйках, где от взрыва FPV-дрона погиб мужчина.", [("Shebekino", 2), ("Valuyki", 1)]),
])
def test_segment_another_incident_in_so_many_words_opens_one_even_with_weak_words(analyse_text, lang, text, expected):
    """'Une autre attaque a eu lieu à X', 'Еще один инцидент произошел в X': another incident, though the
    sentence's own act words are weak ('attaque', 'дрон') and would otherwise elaborate the first."""
    assert _current(analyse_text, text, lang) == expected


def test_segment_nearby_town_hit_also_with_a_clear_trigger_is_its_own_event(analyse_text):
    """A town a few km from the first ("shelling also hit X") is another day-location event when a clear
    trigger and 'also' say so; a district of the same city stays one (test_segment.py)."""
    text = ("Artillery shelling hit Donetsk on Monday, killing two people, officials said. Mortar shelling also "
            "hit Makiyivka, killing one man.")
    assert _current(analyse_text, text, "en") == [("Donetsk", 2), ("Makiyivka", 1)]


def test_segment_earlier_today_in_arabic_opens_another_incident(analyse_text):
    """'وفي وقت سابق' ('earlier', opening a sentence) tells another incident, here a bombing after an attack."""
    text = ("قتل ثلاثة جنود في هجوم لمسلحين على نقطة للجيش في بعقوبة. وفي وقت سابق قتل مدنيان بانفجار عبوة ناسفة.")
    events = Coder().code(analyse_text(text, lang="ar"))
    assert sorted((e.sub_event_type, e.fatalities) for e in events if not e.background) == [
        ("Armed clash", 3), ("Remote explosive/landmine/IED", 2)]


def test_segment_sentence_opening_on_a_new_place_sets_the_scene_of_the_next_act(analyse_text):
    """'وفي إدلب،' ('And in Idlib,', a sentence of its own for the Arabic splitter) names no act: the acts
    told next are Idlib's, with their own toll, not more of the first strike's."""
    text = "قتل ثلاثة مدنيين، في قصف جوي على بلدة في ريف دير الزور. وفي إدلب، قُتل مدنيان، في قصف جوي."
    assert _current(analyse_text, text, "ar") == [("Deir-ez-Zor", 3), ("Idlib", 2)]
