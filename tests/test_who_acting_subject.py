"""Issue 13: a strike told by its trigger sentence with no agent ("One of the strikes hit a school") takes the
force that the event's sentences just before name as the subject of the act ("The Russian army shelled the
village"). Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.base import EventContext, Place, Trigger
from eventcoder.extract.who.roles import assign_roles


@pytest.mark.model
def test_the_acting_force_a_few_sentences_before(analyse_text):
    text = ("The Russian army shelled the village of Sosnivka on Monday. A house caught fire and two residents "
            "were killed. One of the strikes hit a school.")
    ana = analyse_text(text)
    start = text.index("strikes")
    sent = ana.sentence_at(start).index
    trig = Trigger(span=ana.span(start, start + len("strikes")), sentence=sent,
                   event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack")
    ctx = EventContext(trigger=trig, sentences=[sent, 0, 1], sub_event_type="Shelling/artillery/missile attack",
                       event_type="Explosions/Remote violence", place=Place(span=None, name="Sosnivka", country="Ukraine"),
                       event_date=dt.date(2025, 3, 10), sources=None, certainty=None)
    assert assign_roles(ana, ctx).actor1.name == "Military Forces of Russia (2000-)"
