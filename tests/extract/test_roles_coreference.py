"""An unidentified description stands for the group the report sets beside it ("the gang coalition,
Viv Ansanm,"), also where the same description comes without the name; never without such an
apposition. A group named as a state's forces acting abroad is an external force (inter 8).
Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.who.roles import assign_roles
from tests.extract.test_actors import make_ctx


@pytest.mark.model
@pytest.mark.parametrize("text, word, sub, etype", [
    ("Members of the gang coalition, Viv Ansanm, attacked a police station in Solino on Saturday.",
     "attacked", "Armed clash", "Battles"),
    ("A gang coalition killed three residents of Solino on Saturday. The gang coalition, Viv Ansanm, has held "
     "much of the capital since March.", "killed", "Attack", "Violence against civilians"),
])
def test_a_description_set_beside_a_group_is_that_group(analyse_text, text, word, sub, etype):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, word, sub, etype, "Haiti", date="2024-10-26"))
    assert roles.actor1.name == "Viv Ansanm"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A gang coalition killed three residents of Solino on Saturday. Police blamed Viv Ansanm.",
    "Gunmen killed three residents of Solino on Saturday. Viv Ansanm, a gang coalition, holds the next district.",
])
def test_no_apposition_no_group(analyse_text, text):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, "killed", "Attack", "Violence against civilians", "Haiti",
                                       date="2024-10-26"))
    assert roles.actor1.name == "Unidentified Armed Group (Haiti)"


@pytest.mark.model
@pytest.mark.parametrize("country, inter", [("Saudi Arabia", 8), ("Yemen", 1)])
def test_a_group_named_as_state_forces_abroad_is_external(analyse_text, country, inter):
    ana = analyse_text("Houthi forces fired a missile at the airport on Tuesday, killing two people.")
    roles = assign_roles(ana, make_ctx(ana, "fired", "Shelling/artillery/missile attack",
                                       "Explosions/Remote violence", country))
    assert roles.actor1.name.startswith("Military Forces of Yemen") and roles.actor1.inter == inter


@pytest.mark.model
@pytest.mark.parametrize("text, word, sub, actor2", [
    ("Mutinous soldiers seized the state television station in Zaki on Monday.", "seized", "Other", None),
    ("Gunmen looted the homes of villagers in Zaki on Monday.", "looted",
     "Looting/property destruction", "Civilians (Nigeria)"),
    ("Police arrested a man in Zaki on Monday.", "arrested", "Arrests", "Civilians (Nigeria)"),
])
def test_other_events_have_civilians_only_where_named(analyse_text, text, word, sub, actor2):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, word, sub, "Strategic developments", "Nigeria"))
    assert (roles.actor2.name if roles.actor2 else None) == actor2


@pytest.mark.model
def test_the_targets_unit_named_in_its_sentence(analyse_text):
    ana = analyse_text("Militants hurled a grenade at security forces in Anantnag on Thursday, wounding two CRPF "
                       "jawans.")
    roles = assign_roles(ana, make_ctx(ana, "hurled", "Grenade", "Explosions/Remote violence", "India"))
    assert roles.actor2.name.endswith("Central Reserve Police Force")


@pytest.mark.model
@pytest.mark.parametrize("text, word, sub, etype, country, actor1", [
    ("Two soldiers were wounded in Van on Tuesday, the army said. Three more were killed in the same attack by "
     "PKK militants.", "wounded", "Remote explosive/landmine/IED", "Explosions/Remote violence", "Turkey",
     "PKK: Kurdistan Workers Party"),
    ("A bombardment carried out by Saudi-led coalition jets hit a funeral hall in Sanaa on Saturday, killing 20 "
     "people.", "bombardment", "Air/drone strike", "Explosions/Remote violence", "Yemen",
     "Military Forces of Saudi Arabia (2015-)"),
    ("Two soldiers were wounded in Van on Tuesday. Three more were killed in the same attack by suspected PKK "
     "militants.", "wounded", "Remote explosive/landmine/IED", "Explosions/Remote violence", "Turkey",
     "Unidentified Armed Group (Turkey)"),
])
def test_the_act_named_with_its_doer(analyse_text, text, word, sub, etype, country, actor1):
    ana = analyse_text(text)
    from eventcoder.extract.according.certainty import assess_certainty
    ctx = make_ctx(ana, word, sub, etype, country)
    ctx.certainty = assess_certainty(ana, list(range(len(ana.sentences))))
    assert assign_roles(ana, ctx).actor1.name == actor1


@pytest.mark.model
def test_the_target_after_the_doer_is_not_the_doer(analyse_text):
    ana = analyse_text("A policeman was injured in a grenade attack by militants on security forces in Budgam on "
                       "Friday, police said.")
    roles = assign_roles(ana, make_ctx(ana, "grenade", "Grenade", "Explosions/Remote violence", "India"))
    assert roles.actor1.name == "Unidentified Armed Group (India)"


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Three soldiers were killed in an encounter with the New People's Army in Cawayan on Friday.", "encounter"),
    ("Seven NPA rebels were killed in an encounter with soldiers in Cawayan on Friday.", "encounter"),
])
def test_the_state_first_in_a_clash_told_by_its_dead(analyse_text, text, word):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, word, "Armed clash", "Battles", "Philippines", date="2018-08-03"))
    assert roles.actor1.name.startswith("Military Forces of the Philippines") and roles.actor2.inter == 2


@pytest.mark.model
@pytest.mark.parametrize("text, actor2", [
    ("Rioters set fire to the mayor's house in Kandy on Saturday. The crowd later marched to the town hall. "
     "Police fired tear gas to disperse them.", "Police Forces of Sri Lanka (2019-2022)"),
    ("Rioters set fire to the mayor's house in Kandy on Saturday. The crowd later marched to the town hall. "
     "Police said the damage was extensive.", None),
])
def test_the_force_that_confronts_a_riot_later(analyse_text, text, actor2):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, "set fire", "Violent demonstration", "Riots", "Sri Lanka",
                                       date="2022-07-09"))
    assert (roles.actor2.name if roles.actor2 else None) == actor2


@pytest.mark.model
def test_a_mobs_victims_are_civilians(analyse_text):
    ana = analyse_text("A mob lynched four alleged kidnappers in Papantla on Sunday.")
    roles = assign_roles(ana, make_ctx(ana, "lynched", "Mob violence", "Riots", "Mexico"))
    assert roles.actor2.name == "Civilians (Mexico)"


@pytest.mark.model
def test_one_states_forces_do_not_fight_each_other(analyse_text):
    ana = analyse_text("Two policemen were killed when gunmen attacked a traffic police post in Kurgan on Monday, and "
                       "National Guard troops exchanged fire with them.")
    roles = assign_roles(ana, make_ctx(ana, "exchanged fire", "Armed clash", "Battles", "Russia"))
    assert roles.actor1.name == "Unidentified Armed Group (Russia)" and roles.actor2.kind == "state"


@pytest.mark.model
@pytest.mark.parametrize("text, word, actor1", [
    ("Dos soldados murieron el martes en Arauquita en un ataque por parte del frente Domingo Laín del ELN.",
     "ataque", "ELN: National Liberation Army"),
    ("Dos soldados murieron el martes en Suárez. El ataque se planificó por parte de la columna Jaime Martínez.",
     "murieron", "EMC: Central General Staff (FARC Dissidents)"),
])
def test_the_act_by_a_group_in_spanish(analyse_text, text, word, actor1):
    ana = analyse_text(text, lang="es")
    roles = assign_roles(ana, make_ctx(ana, word, "Remote explosive/landmine/IED", "Explosions/Remote violence",
                                       "Colombia"))
    assert roles.actor1.name == actor1


@pytest.mark.model
def test_the_state_first_in_a_clash_told_by_its_dead_in_spanish(analyse_text):
    ana = analyse_text("Un soldado murió y cuatro más resultaron heridos en un enfrentamiento contra guerrilleros del "
                       "ELN en Arauquita.", lang="es")
    roles = assign_roles(ana, make_ctx(ana, "enfrentamiento", "Armed clash", "Battles", "Colombia"))
    assert roles.actor1.name.startswith("Military Forces of Colombia") and roles.actor2.inter == 2


@pytest.mark.model
@pytest.mark.parametrize("text, actor2", [
    ("Ukrainian troops retook the Russian-occupied village of Staromaiorske on Thursday.",
     "Military Forces of Russia (2000-)"),
    ("Ukrainian troops retook the village of Staromaiorske on Thursday.", "Unidentified Armed Group (Ukraine)"),
])
def test_the_holder_named_as_a_modifier(analyse_text, text, actor2):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, "retook", "Government regains territory", "Battles", "Ukraine",
                                       date="2023-07-27"))
    assert roles.actor2.name == actor2 and roles.actor1.name.startswith("Military Forces of Ukraine")


@pytest.mark.model
def test_a_state_force_no_act_names_did_not_attack_civilians(analyse_text):
    from eventcoder.extract.who.actors import find_actors
    from eventcoder.extract.who.role_cues import _fallback_agent

    ana = analyse_text("Seventeen people were killed in an attack by armed men in Magami near a police post.")
    ctx = make_ctx(ana, "killed", "Attack", "Violence against civilians", "Nigeria")
    mentions = find_actors(ana, "Nigeria", ctx.event_date)
    assert {m.kind for m in mentions} >= {"state", "unidentified"}
    assert _fallback_agent(ana, mentions, mentions, ctx).kind == "unidentified"
