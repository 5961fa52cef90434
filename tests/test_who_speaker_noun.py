"""Issue 13: a force named before "source" or "spokesman" ("an army source", "Attack: Army Source") names whom the
speaker speaks for; it is no agent of the event. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.base import EventContext, Place, Trigger
from eventcoder.extract.who.actors import find_actors
from eventcoder.extract.who.role_parse import speech_subjects
from eventcoder.extract.who.roles import assign_roles

_TEXT = ("Gunmen Kill Six Soldiers in Attack Near Border: Army Source\n\n"
         "Gunmen killed six soldiers in an attack near the border in the north of Benin, an army source and a "
         "security source said on Wednesday.")


@pytest.mark.model
def test_a_force_before_source_is_a_speaker(analyse_text):
    ana = analyse_text(_TEXT)
    speakers = speech_subjects(ana, find_actors(ana, "Benin"))
    assert _TEXT.index("Army Source") in speakers


@pytest.mark.model
def test_the_attackers_come_first_not_the_forces_source(analyse_text):
    ana = analyse_text(_TEXT)
    start = _TEXT.index("killed six")
    sent = ana.sentence_at(start).index
    trig = Trigger(span=ana.span(start, start + len("killed")), sentence=sent, event_type="Battles",
                   sub_event_type="Armed clash")
    ctx = EventContext(trigger=trig, sentences=list(range(len(ana.sentences))), sub_event_type="Armed clash",
                       event_type="Battles", place=Place(span=None, name="Tanguieta", country="Benin"),
                       event_date=dt.date(2025, 1, 8), sources=None, certainty=None)
    roles = assign_roles(ana, ctx)
    assert roles.actor1.name == "Unidentified Armed Group (Benin)"
    assert roles.actor2.name.startswith("Military Forces of Benin")
