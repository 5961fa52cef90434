"""Issue 13: a force named by its weapon is the one that struck. Arabic spells the weapon with its short vowels
and shadda ("مسيّرة") as often as without, and a force named by its weapon ("an Israeli drone strike") is not
the harmed side just because the report later tells of attacks on that state's military. Sentences written for
these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.base import EventContext, Place, Trigger
from eventcoder.extract.who.roles import assign_roles
from eventcoder.extract.who.role_cues import weapon_named


def _roles(ana, text, trigger, sub, sentences=None, country="Lebanon"):
    start = text.index(trigger)
    sent = ana.sentence_at(start).index
    trig = Trigger(span=ana.span(start, start + len(trigger)), sentence=sent,
                   event_type="Explosions/Remote violence", sub_event_type=sub)
    ctx = EventContext(trigger=trig, sentences=sentences if sentences is not None else [sent], sub_event_type=sub,
                       event_type="Explosions/Remote violence", place=Place(span=None, name="Kafra", country=country),
                       event_date=dt.date(2024, 3, 11), sources=None, certainty=None)
    return assign_roles(ana, ctx)


@pytest.mark.parametrize("words", ["طائرة مسيّرة إسرائيلية", "مسيَّرة إسرائيلية", "طائرة مسيرة إسرائيلية",
                                   "Israeli drone", "frappe russe"])
def test_weapon_named_reads_arabic_with_its_vowel_marks(words):
    assert weapon_named(words)


@pytest.mark.parametrize("words", ["الجيش الإسرائيلي", "Israeli soldiers"])
def test_weapon_named_not_a_force_without_its_weapon(words):
    assert not weapon_named(words)


@pytest.mark.model
def test_arabic_drone_named_with_its_owner_is_the_striker(analyse_text):
    text = "استهدفت مسيّرة إسرائيلية سيارة في بلدة كفرا جنوب لبنان يوم الاثنين، ما أدى إلى مقتل شخصين."
    ana = analyse_text(text, lang="ar")
    roles = _roles(ana, text, "مسيّرة إسرائيلية", "Air/drone strike")
    assert roles.actor1.name == "Military Forces of Israel (2022-)"


@pytest.mark.model
def test_a_force_named_by_its_drone_is_not_the_harmed_side(analyse_text):
    text = ("Israeli Drone Strike Kills Three Militants In South Lebanon\n\n"
            "A drone struck a car near the village of Kafra on Monday, killing three Hezbollah members. "
            "Hezbollah confirmed the deaths in a statement. "
            "The group has stepped up its attacks, mostly targeting Israeli military positions along the border.")
    ana = analyse_text(text)
    roles = _roles(ana, text, "Drone Strike", "Air/drone strike", sentences=list(range(len(ana.sentences))))
    assert roles.actor1.name == "Military Forces of Israel (2022-)"
