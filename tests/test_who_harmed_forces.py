"""Issue 13: the harmed force is never actor1. French and Spanish say a force's members died in more ways than
"were killed" ("ont trouvé la mort", "fallecieron", "perdieron la vida"), a headline lists the wounded after the
dead ("Ranger killed, 3 wounded in bombing"), and the harmed force told before a Spanish or French trigger still
fills the subject, so the group named after the trigger is not taken for the target. Sentences written for
these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.base import EventContext, Place, Trigger
from eventcoder.extract.who.actor_rules import is_victim
from eventcoder.extract.who.actors import find_actors
from eventcoder.extract.who.roles import assign_roles


@pytest.mark.model
@pytest.mark.parametrize("text,lang,force", [
    ("Deux gendarmes ont trouvé la mort lundi près de Bamenda après l'explosion d'une mine.", "fr", "gendarmes"),
    ("Trois soldats sont décédés mardi dans l'explosion d'un engin piégé près de Gao.", "fr", "soldats"),
    ("Dos policías fallecieron el martes en Cali tras la explosión de una bomba.", "es", "policías"),
    ("Cuatro soldados perdieron la vida en una emboscada cerca de Tumaco.", "es", "soldados"),
    ("Army ranger killed, 3 wounded in Yala bombing\n\nA bomb exploded on a road in Yala on Friday.", "en",
     "Army ranger"),
])
def test_a_force_whose_members_died_is_the_harmed_side(analyse_text, text, lang, force):
    ana = analyse_text(text, lang=lang)
    start = text.index(force)
    mentions = [m for m in find_actors(ana) if m.span.start == start]
    assert mentions and is_victim(ana, mentions[0])


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Deux gendarmes ont tué un homme lundi près de Bamenda.",
    "Army rangers killed three suspects in a raid in Yala on Friday.",
])
def test_a_force_that_killed_is_not_harmed(analyse_text, text):
    ana = analyse_text(text, lang="fr" if text.startswith("Deux") else "en")
    mentions = [m for m in find_actors(ana) if m.kind == "state"]
    assert mentions and not is_victim(ana, mentions[0])


@pytest.mark.model
def test_the_group_after_the_trigger_is_the_attacker_when_the_dead_police_come_first(analyse_text):
    text = ("Dos agentes de la Policía Nacional murieron el martes en Cali tras un atentado con explosivos que "
            "las autoridades atribuyen a la guerrilla del Ejército de Liberación Nacional (ELN).")
    ana = analyse_text(text, lang="es")
    start = text.index("explosivos")
    sent = ana.sentence_at(start).index
    sub = "Remote explosive/landmine/IED"
    trig = Trigger(span=ana.span(start, start + len("explosivos")), sentence=sent,
                   event_type="Explosions/Remote violence", sub_event_type=sub)
    ctx = EventContext(trigger=trig, sentences=[sent], sub_event_type=sub, event_type="Explosions/Remote violence",
                       place=Place(span=None, name="Cali", country="Colombia"), event_date=dt.date(2025, 12, 16),
                       sources=None, certainty=None)
    roles = assign_roles(ana, ctx)
    assert roles.actor1.name == "ELN: National Liberation Army"
    assert roles.actor2.name.startswith("Police Forces of Colombia")
