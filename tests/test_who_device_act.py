"""Issue 13: a report that states, in the active voice, that a named group set off the event's device ("the
commander said Islamic State fighters had detonated a bomb") names the perpetrator; a suspicion ("police
believe ...") does not. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.base import EventContext, Place, Trigger
from eventcoder.extract.who.roles import assign_roles


def _actor1(analyse_text, text):
    ana = analyse_text(text)
    start = text.index("bombing")
    sent = ana.sentence_at(start).index
    sub = "Remote explosive/landmine/IED"
    trig = Trigger(span=ana.span(start, start + len("bombing")), sentence=sent,
                   event_type="Explosions/Remote violence", sub_event_type=sub)
    ctx = EventContext(trigger=trig, sentences=list(range(len(ana.sentences))), sub_event_type=sub,
                       event_type="Explosions/Remote violence", place=Place(span=None, name="Kirkuk", country="Iraq"),
                       event_date=dt.date(2020, 5, 8), sources=None, certainty=None)
    return assign_roles(ana, ctx).actor1.name


_EVENT = "Three soldiers were killed on Friday by a bombing that targeted a military patrol near Kirkuk. "


@pytest.mark.model
def test_a_group_stated_to_have_detonated_the_bomb_is_actor1(analyse_text):
    text = _EVENT + "The area commander said that Islamic State fighters had detonated a bomb planted on the road."
    assert _actor1(analyse_text, text) == "Islamic State (Iraq)"


@pytest.mark.model
def test_a_group_suspected_of_detonating_the_bomb_is_not(analyse_text):
    text = _EVENT + "Police believe that Islamic State fighters may have detonated a bomb planted on the road."
    assert _actor1(analyse_text, text) != "Islamic State (Iraq)"
