"""Issue 13: a force that closes the sentence as its speaker (", the Sudanese Armed Forces (SAF) said.") only tells
the event, whatever the parse attached it to: it is not the strike's target. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.base import EventContext, Place, Trigger
from eventcoder.extract.who.actors import find_actors
from eventcoder.extract.who.role_parse import speech_subjects
from eventcoder.extract.who.roles import assign_roles

_TEXT = ("At least seven people were killed and 20 others injured in shelling by the paramilitary Rapid Support "
         "Forces (RSF) on a market and a camp for displaced people in Nyala, the capital of South Darfur State in "
         "western Sudan, the Sudanese Armed Forces (SAF) said.")


@pytest.mark.model
def test_the_closing_speaker_with_its_acronym_is_a_speaker(analyse_text):
    ana = analyse_text(_TEXT)
    speakers = speech_subjects(ana, find_actors(ana, "Sudan"))
    assert _TEXT.index("Sudanese Armed Forces") in speakers


@pytest.mark.model
def test_the_closing_speaker_is_not_the_target(analyse_text):
    ana = analyse_text(_TEXT)
    start = _TEXT.index("shelling")
    sent = ana.sentence_at(start).index
    sub = "Shelling/artillery/missile attack"
    trig = Trigger(span=ana.span(start, start + len("shelling")), sentence=sent,
                   event_type="Explosions/Remote violence", sub_event_type=sub)
    ctx = EventContext(trigger=trig, sentences=[sent], sub_event_type=sub, event_type="Explosions/Remote violence",
                       place=Place(span=None, name="Nyala", country="Sudan"), event_date=dt.date(2025, 3, 13),
                       sources=None, certainty=None)
    roles = assign_roles(ana, ctx)
    assert roles.actor1.name == "Rapid Support Forces"
    assert roles.actor2.name == "Civilians (Sudan)"


@pytest.mark.model
def test_a_subject_before_said_in_the_lead_is_unchanged(analyse_text):
    text = "The army said its troops killed ten militants near Gao on Monday."
    ana = analyse_text(text)
    speakers = speech_subjects(ana, find_actors(ana, "Mali"))
    assert 0 in speakers or text.index("army") in speakers
