"""Role patterns of issue 13: a battle between named sides keeps the report's order; a group suspected
of another act elsewhere in the report is still the side acted on where the event's own clause names it;
territory a non-state actor takes was the state's. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.who.roles import assign_roles
from tests.extract.test_actors import make_ctx


def _pair(roles):
    return (roles.actor1.name if roles.actor1 else None, roles.actor2.name if roles.actor2 else None)


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Troops clashed with Boko Haram fighters near Damboa on Monday, the army said.", "clashed"),
    ("Soldiers fought ISWAP militants near Buratai on Tuesday, officials said.", "fought"),
])
def test_battle_between_named_sides_keeps_the_reports_order(analyse_text, text, word):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, word, "Armed clash", "Battles", "Nigeria"))
    assert roles.actor1.name == "Military Forces of Nigeria (2023-)" and roles.actor2.inter == 2


@pytest.mark.model
def test_a_group_suspected_elsewhere_is_never_the_agent(analyse_text):
    text = ("Gunmen killed four villagers near Kutum on Monday. "
            "Residents suspected the Rapid Support Forces of carrying out the killings.")
    ana = analyse_text(text)
    from eventcoder.extract.according.certainty import assess_certainty
    ctx = make_ctx(ana, "killed", "Attack", "Violence against civilians", "Sudan")
    ctx.certainty = assess_certainty(ana, [0])
    roles = assign_roles(ana, ctx)
    assert roles.actor1.name == "Unidentified Armed Group (Sudan)"


@pytest.mark.model
def test_a_group_accused_of_another_act_is_still_the_side_acted_on(analyse_text):
    text = ("The army retook the town of Wad Madani from the RSF on Saturday, officials said. "
            "Earlier this month Washington accused the RSF of committing genocide.")
    ana = analyse_text(text)
    from eventcoder.extract.according.certainty import assess_certainty
    ctx = make_ctx(ana, "retook", "Government regains territory", "Battles", "Sudan")
    ctx.certainty = assess_certainty(ana, [0])
    assert ctx.certainty.speculated_perpetrators  # the accusation is read as speculation about the RSF
    roles = assign_roles(ana, ctx)
    assert _pair(roles) == ("Military Forces of Sudan (2019-)", "Rapid Support Forces")


@pytest.mark.model
@pytest.mark.parametrize("text, actor2", [
    # no holder named: the territory was the state's
    ("M23 rebels seized the town of Rubaya on Monday, local sources said.",
     "Military Forces of the Democratic Republic of Congo (2019-)"),
    # the home force the report names is the holder
    ("M23 rebels seized the town of Rubaya on Monday after Congolese soldiers fled.",
     "Military Forces of the Democratic Republic of Congo (2019-)"),
])
def test_a_non_state_actor_takes_territory_from_the_state(analyse_text, text, actor2):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, "seized", "Non-state actor overtakes territory", "Battles",
                                       "Democratic Republic of Congo"))
    assert _pair(roles) == ("M23: March 23 Movement", actor2)


@pytest.mark.model
def test_a_named_non_state_holder_stays(analyse_text):
    text = "The RSF seized the town of Kadugli from the SPLM-N on Monday, residents said."
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, "seized", "Non-state actor overtakes territory", "Battles", "Sudan"))
    assert _pair(roles) == ("Rapid Support Forces", "SPLM-N: Sudan People's Liberation Movement-North")


@pytest.mark.model
@pytest.mark.parametrize("text, actor1", [
    # the group named just before is who "the militants" are
    ("Islamic State fighters entered the village of Tal Abyad on Monday. The militants killed three farmers.",
     "Islamic State (Syria)"),
    # a group named paragraphs before as the region's context is not
    ("The desert has long been a stronghold of the Islamic State group. Smuggling routes cross it. "
     "Farmers have left many villages. Water is scarce. The militants killed three farmers on Monday.",
     "Unidentified Armed Group (Syria)"),
])
def test_the_militants_refer_only_to_a_group_named_just_before(analyse_text, text, actor1):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, "killed", "Attack", "Violence against civilians", "Syria"))
    assert roles.actor1.name == actor1
