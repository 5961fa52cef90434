"""actor1/actor2, inter codes and associated actors from sentence structure (roles.py, issue 5).

Each case is a short sentence written for the test; the expectations are exact ACLED names and
inter codes, so a wrong role, country or actor type fails.
"""
from __future__ import annotations

import pytest

from eventcoder.extract.who.actor_refs import specific_unit, state_base
from eventcoder.extract.who.actors import find_actors
from eventcoder.extract.who.roles import assign_roles
from eventcoder.extract.base import ActorMention
from tests.conftest import assert_spans
from eventcoder.extract.according.sources import source_chain
from tests.extract.test_actors import make_ctx

pytestmark = pytest.mark.model


def _roles(analyse_text, text, word, sub, etype, country, nth=0):
    ana = analyse_text(text)
    roles = assign_roles(ana, make_ctx(ana, word, sub, etype, country, nth=nth))
    assert_spans(ana.text, [r.span for r in (roles.actor1, roles.actor2) if r])
    return roles


def _pair(roles):
    a1, a2 = roles.actor1, roles.actor2
    return (a1.name if a1 else None, a1.inter if a1 else None, a2.name if a2 else None, a2.inter if a2 else None)


# ------------------------------------------------------------------ passive voice
@pytest.mark.parametrize("text, word, sub, etype, country, expected", [
    ("Six policemen were killed by ISWAP fighters at a checkpoint near Dikwa.", "killed", "Armed clash",
     "Battles", "Nigeria",
     ("Islamic State West Africa Province", 2, "Police Forces of Nigeria (2023-)", 1)),
    ("Three farmers were abducted by gunmen on the road to Gusau.", "abducted",
     "Abduction/forced disappearance", "Violence against civilians", "Nigeria",
     ("Unidentified Armed Group (Nigeria)", 3, "Civilians (Nigeria)", 7)),
    # the agent of a time clause: "were killed when X stormed"
    ("Nine villagers were killed when Al Shabaab fighters stormed the village.", "killed", "Attack",
     "Violence against civilians", "Somalia", ("Al Shabaab", 2, "Civilians (Somalia)", 7)),
])
def test_roles_passive_voice(analyse_text, text, word, sub, etype, country, expected):
    assert _pair(_roles(analyse_text, text, word, sub, etype, country)) == expected


def test_roles_victim_who_died_is_not_the_agent(analyse_text):
    roles = _roles(analyse_text, "A police officer died defending the station when gang members overran it.",
                   "overran", "Non-state actor overtakes territory", "Battles", "Haiti")
    assert _pair(roles) == ("Unidentified Armed Group (Haiti)", 3, "Police Forces of Haiti (2024-)", 1)


# ------------------------------------------------------------------ coordination
def test_roles_coordinated_groups_share_a_head_noun(analyse_text):
    ana = analyse_text("Armed Kuki and Meitei village volunteers exchanged fire outside Moirang.")
    names = [m.name for m in find_actors(ana, "India") if m.kind == "armed"]
    assert names == ["Kuki Ethnic Militia (India)", "Meitei Ethnic Militia (India)"]


def test_roles_fighting_between_two_groups_keeps_text_order(analyse_text):
    roles = _roles(analyse_text, "Dozens were killed in fighting between the SSPDF and the White Army near Nasir.",
                   "fighting", "Armed clash", "Battles", "South Sudan")
    assert _pair(roles) == ("Military Forces of South Sudan (2011-)", 1, "Nuer Ethnic Militia (South Sudan)", 4)


def test_roles_coordinated_attackers_second_is_associated(analyse_text):
    roles = _roles(analyse_text, "Burkinabe soldiers and VDP militiamen attacked a JNIM base near Djibo.",
                   "attacked", "Armed clash", "Battles", "Burkina Faso")
    assert roles.actor1.name.startswith("Military Forces of Burkina Faso")
    assert roles.assoc_actor_1 == "VDP: Volunteers for the Defense of the Homeland"
    assert roles.actor2.name == "JNIM: Group for Support of Islam and Muslims"


def test_roles_rival_rioters_on_both_sides(analyse_text):
    roles = _roles(analyse_text, "Supporters of two rival BNP factions clashed with sticks in Bogura, police said.",
                   "clashed", "Mob violence", "Riots", "Bangladesh")
    assert _pair(roles) == ("Rioters (Bangladesh)", 5, "Rioters (Bangladesh)", 5)
    assert roles.assoc_actor_1 == roles.assoc_actor_2 == "BNP: Bangladesh Nationalist Party"


# ------------------------------------------------------------------ unknown attackers
@pytest.mark.parametrize("text, word, sub, etype, country, expected", [
    ("Gunmen on motorbikes shot dead two traders at a market in Zamfara.", "shot", "Attack",
     "Violence against civilians", "Nigeria", ("Unidentified Armed Group (Nigeria)", 3, "Civilians (Nigeria)", 7)),
    ("An unidentified drone struck a pickup truck near Tessalit, killing four men.", "struck", "Air/drone strike",
     "Explosions/Remote violence", "Mali", ("Unidentified Armed Group (Mali)", 3, "Civilians (Mali)", 7)),
    # the finder of bodies is not the killer
    ("Police found the bodies of three men with gunshot wounds beside a highway.", "found", "Attack",
     "Violence against civilians", "Mexico", ("Unidentified Armed Group (Mexico)", 3, "Civilians (Mexico)", 7)),
])
def test_roles_unknown_attackers(analyse_text, text, word, sub, etype, country, expected):
    assert _pair(_roles(analyse_text, text, word, sub, etype, country)) == expected


def test_roles_unknown_attackers_named_by_the_report(analyse_text):
    roles = _roles(analyse_text, "Gunmen killed five herders near Bokkos. The attackers belonged to the "
                   "Lakurawa group, police said.", "killed", "Attack", "Violence against civilians", "Nigeria")
    assert _pair(roles) == ("Lakurawa", 2, "Civilians (Nigeria)", 7)


# ------------------------------------------------------------------ state forces abroad (inter 8)
def test_roles_state_forces_abroad_from_possessive(analyse_text):
    ana = analyse_text("Kyiv said its troops had retaken Pishchane. Russia's defence ministry said its troops "
                       "were holding the line.")
    theirs = [m for m in find_actors(ana, "Ukraine") if m.span.text == "its troops"]
    assert [(m.name, m.inter) for m in theirs][-1] == ("Military Forces of Russia (2000-)", 8)


def test_roles_state_forces_abroad_are_inter_8(analyse_text):
    roles = _roles(analyse_text, "Russian troops dropped gas grenades on Ukrainian positions near Pokrovsk.",
                   "dropped", "Chemical weapon", "Explosions/Remote violence", "Ukraine")
    assert _pair(roles) == ("Military Forces of Russia (2000-)", 8, "Military Forces of Ukraine (2019-)", 1)


def test_roles_hyphenated_model_after_demonym(analyse_text):
    roles = _roles(analyse_text, "Iraqi F-16 jets struck an Islamic State hideout in the Hamrin mountains.",
                   "struck", "Air/drone strike", "Explosions/Remote violence", "Iraq")
    assert _pair(roles) == ("Military Forces of Iraq (2022-)", 1, "Islamic State (Iraq)", 2)


def test_roles_government_aircraft_is_the_military(analyse_text):
    roles = _roles(analyse_text, "A government aircraft dropped bombs on a cattle camp, killing four civilians.",
                   "dropped", "Air/drone strike", "Explosions/Remote violence", "South Sudan")
    assert _pair(roles) == ("Military Forces of South Sudan (2011-)", 1, "Civilians (South Sudan)", 7)


# ------------------------------------------------------------------ victims as actor2
def test_roles_victims_of_mob_violence_not_police_station(analyse_text):
    roles = _roles(analyse_text, "Two persons lost their lives when an angry mob torched houses in a village "
                   "under Moirang police station.", "mob", "Mob violence", "Riots", "India")
    assert _pair(roles) == ("Rioters (India)", 5, "Civilians (India)", 7)


def test_roles_arrested_party_official_is_a_civilian(analyse_text):
    roles = _roles(analyse_text, "Agents of the National Security Service arrested a senior official of the SPLM-IO in Juba.", "arrested",
                   "Arrests", "Strategic developments", "South Sudan")
    assert _pair(roles) == ("Military Forces of South Sudan (2011-) National Security Service", 1,
                            "Civilians (South Sudan)", 7)
    assert roles.assoc_actor_2 == "SPLM/A-IO: Sudan People's Liberation Movement/Army in Opposition"


def test_roles_house_used_by_gang_is_an_armed_target(analyse_text):
    roles = _roles(analyse_text, "A police unit used drones to strike a house used by gang members in Bel Air.",
                   "strike", "Air/drone strike", "Explosions/Remote violence", "Haiti")
    assert _pair(roles) == ("Police Forces of Haiti (2024-)", 1, "Unidentified Armed Group (Haiti)", 3)


# ------------------------------------------------------------------ statements and units
def test_roles_party_reports_its_own_act(analyse_text):
    ana = analyse_text("A drone struck vehicles near Menaka on Sunday. The army said its air assets "
                       "had neutralised several terrorists.")
    ctx = make_ctx(ana, "struck", "Air/drone strike", "Explosions/Remote violence", "Mali")
    ctx.sentences = [0, 1]  # the statement is part of the event
    roles = assign_roles(ana, ctx)
    assert (roles.actor1.name, roles.actor1.inter) == ("Military Forces of Mali (2021-)", 1)


def test_roles_rebel_statement_about_its_fighters(analyse_text):
    roles = _roles(analyse_text, "Resistance fighters detonated a mine under an army truck, killing three "
                   "soldiers, the local PDF battalion said.", "detonated", "Remote explosive/landmine/IED",
                   "Explosions/Remote violence", "Myanmar")
    assert _pair(roles) == ("PDF: People's Defense Force", 2, "Military Forces of Myanmar (2021-)", 1)


def test_roles_generic_forces_take_the_named_unit(analyse_text):
    roles = _roles(analyse_text, "Security forces arrested three men in Hodan, an official of the National "
                   "Intelligence and Security Agency said.", "arrested", "Arrests", "Strategic developments",
                   "Somalia")
    assert roles.actor1.name == "Military Forces of Somalia (2022-) National Intelligence and Security Agency"
    assert roles.assoc_actor_1 is None


def test_roles_joint_units_give_the_force_and_associated_units(analyse_text):
    ana = analyse_text("Security forces killed five Maoists. A joint team of the DRG and the CRPF led the operation.")
    a = next(m for m in find_actors(ana, "India") if m.span.text == "Security forces")
    unit, more = specific_unit(ana, a, find_actors(ana, "India"))
    assert unit.name == "Police Forces of India (2024-)"
    assert more == ["Police Forces of India (2024-) Central Reserve Police Force"]


def test_roles_state_base_splits_unit():
    assert state_base("Police Forces of India (2024-) Assam Rifles") == ("Police Forces of India (2024-)",
                                                                       "Assam Rifles")
    assert state_base("Military Forces of the Democratic Republic of Congo (2019-)")[1] == ""
    assert specific_unit(None, ActorMention(None, "Al Shabaab", 2, kind="armed"), []) == (None, [])


def test_roles_group_speaking_of_its_fighters_is_the_other_side(analyse_text):
    roles = _roles(analyse_text, "Israeli forces raided Jenin camp and exchanged fire with gunmen, the Al-Quds "
                   "Brigades said.", "exchanged", "Armed clash", "Battles", "Palestine")
    assert _pair(roles) == ("Military Forces of Israel (2022-)", 8, "PIJ: Palestinian Islamic Jihad", 2)


@pytest.mark.parametrize("text, actor1", [
    # a weapon misparsed as the subject of "said" is still the strike of its owner
    ("Israeli air strikes killed at least 25 Palestinians in Gaza City on Thursday, the civil defence agency said.",
     "Military Forces of Israel (2022-)"),
    # "X said they fired ...": the pronoun subject of the reported act is the speaker
    ("Houthi rebels said they fired a ballistic missile at a commercial ship off Hodeidah on Monday.",
     "Military Forces of Yemen (2017-) Houthi"),
    # "X said it had ..." with the trigger a noun deep under the reported verb
    ("The army said it had launched air strikes on rebel positions near Bhamo on Monday.",
     "Military Forces of Myanmar (2021-)"),
    ("The Nigerian army said it had killed 20 insurgents in air strikes near Konduga on Monday.",
     "Military Forces of Nigeria (2023-)"),
])
def test_roles_owner_of_the_act_through_misparse_and_pronoun(text, actor1):
    import datetime as dt

    from eventcoder.pipeline import code_text

    events = [e for e in code_text(text, published=dt.date(2025, 6, 22)) if e.main]
    assert [e.actor1 for e in events] == [actor1]


def test_roles_police_post_hit_by_a_grenade_is_the_target():
    import datetime as dt

    from eventcoder.pipeline import code_text

    events = code_text("A grenade thrown at a police checkpoint in Kabul on Sunday wounded six officers.",
                       published=dt.date(2025, 1, 5))
    assert [(e.actor1, e.actor2, e.inter2) for e in events] == [
        ("Unidentified Armed Group (Afghanistan)", "Police Forces of Afghanistan (2021-)", 1)]


# ---- wire copy (sentences written for these tests)
def test_roles_dateline_does_not_swallow_the_lead_subject(analyse_text):
    # "ADDIS ABABA (AP) - X killed ...": the parse makes X an apposition of the dateline place
    roles = _roles(analyse_text, "ADDIS ABABA, Ethiopia (AP) - Fano militiamen killed at least 12 people on a bus "
                   "in the Amhara region on Sunday, a regional official said.", "killed", "Attack",
                   "Violence against civilians", "Ethiopia")
    assert _pair(roles) == ("Fano Militia", 2, "Civilians (Ethiopia)", 7)


def test_roles_forces_opposing_protesters_are_not_their_allies(analyse_text):
    roles = _roles(analyse_text, "Police fired tear gas at thousands of garment workers protesting over unpaid "
                   "wages in Gazipur on Monday.", "fired", "Protest with intervention", "Protests", "Bangladesh")
    assert _pair(roles) == ("Protesters (Bangladesh)", 6, "Police Forces of Bangladesh (2024-)", 1)
    assert roles.assoc_actor_1 == "Labour Group (Bangladesh)"


def test_roles_coordinated_demonyms_name_both_states(analyse_text):
    roles = _roles(analyse_text, "Somali and US forces carried out an air strike against Al-Shabaab militants "
                   "near Jilib on Monday.", "air strike", "Air/drone strike", "Explosions/Remote violence", "Somalia")
    assert _pair(roles) == ("Military Forces of Somalia (2022-)", 1, "Al Shabaab", 2)
    assert roles.assoc_actor_1 == "Military Forces of the United States (2025-)"


def test_roles_police_and_army_of_one_state_fight_together(analyse_text):
    roles = _roles(analyse_text, "Haitian police and soldiers fought gang members for hours in Delmas on Tuesday.",
                   "fought", "Armed clash", "Battles", "Haiti")
    assert _pair(roles) == ("Police Forces of Haiti (2024-)", 1, "Unidentified Armed Group (Haiti)", 3)
    assert roles.assoc_actor_1 == "Military Forces of Haiti (2024-)"


def test_roles_group_only_active_in_the_area_is_not_the_attacker(analyse_text):
    ana = analyse_text("Jihadists ambushed an army convoy near Tera on Thursday, killing 12 soldiers. No group "
                       "claimed the attack, but the Islamic State Sahel Province is active in the area.")
    ctx = make_ctx(ana, "ambushed", "Armed clash", "Battles", "Niger")
    ctx.sentences = [0, 1]
    roles = assign_roles(ana, ctx)
    assert _pair(roles) == ("Unidentified Armed Group (Niger)", 3, "Military Forces of Niger (2023-)", 1)


@pytest.mark.parametrize("text, word, sub, etype, country, expected", [
    # "Houthi-held" describes the city, not an actor in it
    ("US air strikes hit the Houthi-held port city of Hodeidah overnight, killing eight people.", "air strikes",
     "Air/drone strike", "Explosions/Remote violence", "Yemen",
     ("Military Forces of the United States (2025-)", 8, "Civilians (Yemen)", 7)),
    # "Islamic State-linked insurgents" are the group's fighters
    ("Islamic State-linked insurgents beheaded four villagers in Macomia district on Sunday.", "beheaded",
     "Attack", "Violence against civilians", "Mozambique",
     ("Islamic State Mozambique Province", 2, "Civilians (Mozambique)", 7)),
])
def test_roles_hyphenated_affiliations(analyse_text, text, word, sub, etype, country, expected):
    assert _pair(_roles(analyse_text, text, word, sub, etype, country)) == expected


def test_roles_supporters_of_two_parties_are_rioters_on_both_sides(analyse_text):
    roles = _roles(analyse_text, "Supporters of the Bangladesh Nationalist Party (BNP) and the Awami League clashed "
                   "in Bogura on Wednesday, leaving one person dead.", "clashed", "Mob violence", "Riots",
                   "Bangladesh")
    assert _pair(roles) == ("Rioters (Bangladesh)", 5, "Rioters (Bangladesh)", 5)
    assert (roles.assoc_actor_1, roles.assoc_actor_2) == ("BNP: Bangladesh Nationalist Party", "Awami League")


def test_roles_dateline_subject_keeps_its_conjunct_ally(analyse_text):
    roles = _roles(analyse_text, "BAMAKO, March 10 (AFP) - Malian troops and Africa Corps fighters killed at least 20 "
                   "civilians in the village of Diafarabe, residents said.", "killed", "Attack",
                   "Violence against civilians", "Mali")
    assert _pair(roles) == ("Military Forces of Mali (2021-)", 1, "Civilians (Mali)", 7)
    assert roles.assoc_actor_1 == "Africa Corps"


def test_roles_bare_troops_are_the_foreign_force_just_named(analyse_text):
    ana = analyse_text("Israeli forces killed two Palestinians in Jenin on Wednesday. The Israeli military said "
                       "troops had opened fire on gunmen.")
    named = [(m.span.text, m.name, m.inter) for m in find_actors(ana, "Palestine") if m.kind == "state"]
    assert named == [("Israeli forces", "Military Forces of Israel (2022-)", 8),
                     ("The Israeli military", "Military Forces of Israel (2022-)", 8),
                     ("troops", "Military Forces of Israel (2022-)", 8)]
    # a force of the event country named in the report keeps bare "troops" at home
    ana = analyse_text("Israeli forces raided Jenin on Wednesday. Palestinian security forces said troops had "
                       "withdrawn.")
    assert [m.inter for m in find_actors(ana, "Palestine") if m.span.text == "troops"] == [1]


def test_roles_weapon_with_its_owner_is_the_agent_when_the_trigger_is_elsewhere(analyse_text):
    # the trigger is the headline's "strike"; the owner is named with the weapon in the body line
    ana = analyse_text("09:10 - Nine killed in overnight strike on tent\nAn Israeli air strike hit a tent west of "
                       "Khan Younis overnight, killing nine members of one family.")
    roles = assign_roles(ana, make_ctx(ana, "strike", "Air/drone strike", "Explosions/Remote violence", "Palestine"))
    assert _pair(roles) == ("Military Forces of Israel (2022-)", 8, "Civilians (Palestine)", 7)


def test_roles_claimant_repelling_an_attack_is_the_second_side(analyse_text):
    ana = analyse_text("The SPLA-IO said on Tuesday that its forces had repulsed an attack by government troops on "
                       "its base near Ayod, killing 30 soldiers.")
    src = source_chain(ana, [0])
    assert src.claimed_by == "SPLM/A-IO: Sudan People's Liberation Movement/Army in Opposition"
    ctx = make_ctx(ana, "attack", "Armed clash", "Battles", "South Sudan", sources=src)
    assert _pair(assign_roles(ana, ctx)) == (
        "Military Forces of South Sudan (2011-)", 1,
        "SPLM/A-IO: Sudan People's Liberation Movement/Army in Opposition", 2)
