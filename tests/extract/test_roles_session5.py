"""Role patterns of the fifth accuracy session (issue 13). Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.who.roles import assign_roles
from tests.extract.test_actors import make_ctx


def _pair(roles):
    return (roles.actor1.name if roles.actor1 else None, roles.actor2.name if roles.actor2 else None)


@pytest.mark.model
def test_a_device_named_with_its_acronym_then_planted_by_a_group(analyse_text):
    # the bracketed acronym between the device and "planted by" used to hide the doer
    text = ("Two constables were hurt on Sunday in an explosion that involved a pressure-triggered explosive device "
            "(IED) planted by Maoists near a culvert in Sukma.")
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, "explosion", "Remote explosive/landmine/IED",
                                       "Explosions/Remote violence", "India"))
    assert roles.actor1.name == "CPI (Maoist): Communist Party of India (Maoist)"


@pytest.mark.model
def test_the_target_unit_named_before_a_count_of_other_personnel(analyse_text):
    # "the DRG and at least three porters": a count of people, not a second unit acting jointly
    text = "Policemen of the District Reserve Guard (DRG) and at least three porters were hurt in a blast near a " \
           "forest camp on Monday."
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, "blast", "Remote explosive/landmine/IED",
                                       "Explosions/Remote violence", "India"))
    assert roles.actor2.name.endswith("District Reserve Guard")


@pytest.mark.model
def test_a_joint_team_of_two_units_still_names_the_force(analyse_text):
    text = ("A joint team of the District Reserve Guard and the Special Task Force was ambushed in Bijapur "
            "on Monday, police said.")
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, "ambushed", "Armed clash", "Battles", "India"))
    names = _pair(roles)
    assert not any(n and n.endswith("District Reserve Guard") for n in names)



@pytest.mark.model
@pytest.mark.parametrize("text, word, country, expected", [
    ("A week of clashes between pastoralists and farmers over a water point left nine dead near Mongo.",
     "clashes", "Chad", "Unidentified Communal Militia (Chad)"),
    ("At least twelve men died in tribal fighting in the highlands on Sunday after police arrived, "
     "officials said.", "fighting", "Papua New Guinea", "Unidentified Clan Militia (Papua New Guinea)"),
])
def test_fighting_between_unnamed_communities(analyse_text, text, word, country, expected):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, word, "Armed clash", "Battles", country))
    assert _pair(roles) == (expected, expected) and roles.actor1.inter == roles.actor2.inter == 4


@pytest.mark.model
def test_a_named_community_militia_is_kept(analyse_text):
    text = "Fighters of the Nuer community clashed with Dinka youths near Bor on Monday, officials said."
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, "clashed", "Armed clash", "Battles", "South Sudan"))
    assert "Unidentified" not in (roles.actor1.name if roles.actor1 else "")


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Soldiers at a hilltop post repelled an attack by ISWAP fighters before dawn on Sunday.", "repelled"),
    ("Troops fought off an assault by Boko Haram on their camp near Gwoza on Friday, officials said.", "fought"),
])
def test_a_named_group_that_attacked_a_state_force_comes_first(analyse_text, text, word):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, word, "Armed clash", "Battles", "Nigeria"))
    assert roles.actor1.inter == 2 and roles.actor2.name == "Military Forces of Nigeria (2023-)"


@pytest.mark.model
def test_a_headline_trigger_takes_the_strikes_owner_from_the_lead(analyse_text):
    # the trigger is in the headline, which names no one; the lead names the drone's owner
    text = "Удар по ферме.\nУтром беспилотник ВСУ сбросил заряд на ферму у границы, ранен сторож."
    ana = analyse_text(text, lang="ru")
    ctx = make_ctx(ana, "Удар", "Air/drone strike", "Explosions/Remote violence", "Russia")
    ctx.sentences = [0, 1]
    roles = assign_roles(ana, ctx)
    assert roles.actor1.name == "Military Forces of Ukraine (2019-)"


@pytest.mark.model
def test_a_headline_bombing_does_not_take_the_force_of_the_lead(analyse_text):
    # a bomb's lead names its victims or the police who tell it as often as its doer
    text = "Взрыв на рынке.\nПолиция сообщила, что взрыв на рынке ранил трёх человек."
    ana = analyse_text(text, lang="ru")
    ctx = make_ctx(ana, "Взрыв", "Remote explosive/landmine/IED", "Explosions/Remote violence", "Russia")
    ctx.sentences = [0, 1]
    roles = assign_roles(ana, ctx)
    assert not roles.actor1.name.startswith("Police Forces")


@pytest.mark.model
def test_a_group_the_lead_only_blames_is_not_the_strikes_owner(analyse_text):
    text = ("Ataque con drones en una huerta.\n"
            "Los vecinos atribuyen el ataque al Cártel de Sinaloa, aunque la Fiscalía no ha señalado responsables.")
    ana = analyse_text(text, lang="es")
    ctx = make_ctx(ana, "Ataque", "Air/drone strike", "Explosions/Remote violence", "Mexico")
    ctx.sentences = [0, 1]
    roles = assign_roles(ana, ctx)
    assert "Sinaloa" not in roles.actor1.name



@pytest.mark.model
def test_a_patrol_fired_on_by_a_named_group_states_the_perpetrator(analyse_text):
    import datetime as dt

    from eventcoder.extract.who.actors import find_actors
    from eventcoder.extract.who.perpetrator import stated_perpetrator

    ana = analyse_text("The soldiers were fired on by Abu Sayyaf militants near Patikul on Monday.")
    found, how = stated_perpetrator(ana, find_actors(ana, "Philippines", dt.date(2025, 3, 10)), [0])
    assert (found.name, how) == ("Abu Sayyaf Group", "by")


@pytest.mark.model
def test_a_group_whose_fighters_were_killed_did_not_claim_the_strike(analyse_text):
    from eventcoder.extract.according.certainty import assess_certainty
    from eventcoder.extract.according.sources import source_chain

    text = ("An Israeli drone strike on a motorbike near Tyre on Monday killed two Hezbollah fighters. "
            "Hezbollah said in the evening that it had shelled two army posts across the border.")
    ana = analyse_text(text)
    ctx = make_ctx(ana, "strike", "Air/drone strike", "Explosions/Remote violence", "Lebanon")
    ctx.sentences = [0, 1]
    ctx.certainty = assess_certainty(ana, [0, 1])
    ctx.sources = source_chain(ana, [0, 1])
    roles = assign_roles(ana, ctx)
    assert _pair(roles) == ("Military Forces of Israel (2022-)", "Hezbollah")


@pytest.mark.model
@pytest.mark.parametrize("text, country, expected", [
    # passive, no agent, no force named: arrests are a state's act, the country's police
    ("Two trade union leaders were arrested at their homes in Bulawayo before a planned strike.", "Zimbabwe",
     "Police Forces of Zimbabwe (2017-)"),
    # the home force whose spokesman tells the arrests made them
    ("Three men wanted for smuggling weapons were arrested near Tikrit, an Iraqi army spokesman said.", "Iraq",
     "Military Forces of Iraq (2022-)"),
])
def test_arrests_without_a_named_agent(analyse_text, text, country, expected):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, "arrested", "Arrests", "Strategic developments", country))
    assert roles.actor1.name == expected


@pytest.mark.model
def test_a_state_force_that_only_tells_a_killing_is_not_its_perpetrator(analyse_text):
    # police sent afterwards are no act's subject in the killing: the attackers are unnamed
    text = "Four farm workers were shot dead at a cocoa plantation on Thursday night. " \
           "Police were deployed to the town on Friday."
    ana = analyse_text(text)
    ctx = make_ctx(ana, "shot", "Attack", "Violence against civilians", "Ghana")
    ctx.sentences = [0, 1]
    roles = assign_roles(ana, ctx)
    assert roles.actor1.name == "Unidentified Armed Group (Ghana)"
