"""Who did what to whom on real-news phrasing (issue 13): one case or more per role pattern.

The sentences are written for these tests (never taken from the real-news corpus). Each expectation
is the (actor1, inter1, actor2, inter2) an ACLED coder would give, so a victim coded as the agent, a
side swapped or a perpetrator only linked to the named group fails.
"""
from __future__ import annotations

import pytest

from eventcoder.extract.who.actors import find_actors
from eventcoder.extract.who.roles import assign_roles
from eventcoder.extract.base import Certainty, SourceChain
from eventcoder.extract.according.certainty import assess_certainty
from eventcoder.extract.according.sources import source_chain
from tests.conftest import assert_spans
from tests.extract.test_actors import make_ctx
from tests.extract.test_roles import _pair

pytestmark = pytest.mark.model


def _roles(analyse_text, text, word, sub, etype, country, date="2025-03-10", lang="en", with_sources=False):
    ana = analyse_text(text, lang=lang)
    sources = certainty = None
    if with_sources:
        sentences = list(range(len(ana.sentences)))
        sources = source_chain(ana, sentences)
        certainty = assess_certainty(ana, sentences, sources)
    ctx = make_ctx(ana, word, sub, etype, country, date=date, sources=sources or SourceChain(),
                   certainty=certainty or Certainty())
    if with_sources:
        ctx.sentences = list(range(len(ana.sentences)))
    roles = assign_roles(ana, ctx)
    assert_spans(ana.text, [r.span for r in (roles.actor1, roles.actor2) if r])
    return roles


# ------------------------------------------------------------------ "killed by", passive and headline passives
@pytest.mark.parametrize("text, word, sub, etype, country, expected", [
    # a headline drops the auxiliary: "X injured in grenade attack by Y" still makes X the victim
    ("BSF jawan injured in grenade attack by militants in Kupwara", "grenade attack", "Grenade",
     "Explosions/Remote violence", "India",
     ("Unidentified Armed Group (India)", 3, "Police Forces of India (2024-) Border Security Force", 1)),
    ("Two soldiers killed by roadside bomb planted by Al Shabaab near Afgoye", "roadside bomb",
     "Remote explosive/landmine/IED", "Explosions/Remote violence", "Somalia",
     ("Al Shabaab", 2, "Military Forces of Somalia (2022-)", 1)),
])
def test_roles_headline_passive_makes_the_victim_actor2(analyse_text, text, word, sub, etype, country, expected):
    assert _pair(_roles(analyse_text, text, word, sub, etype, country)) == expected


# ------------------------------------------------------------------ the victim is never actor1
def test_roles_soldiers_killed_by_a_mine_are_the_target(analyse_text):
    roles = _roles(analyse_text, "Five soldiers were killed on Tuesday when a landmine exploded as troops were "
                   "patrolling near Djibo.", "landmine", "Remote explosive/landmine/IED",
                   "Explosions/Remote violence", "Burkina Faso")
    assert roles.actor1.name == "Unidentified Armed Group (Burkina Faso)"
    assert roles.actor2.name == "Military Forces of Burkina Faso (2022-)"


def test_roles_a_force_that_came_under_fire_is_not_the_attacker(analyse_text):
    roles = _roles(analyse_text, "A police patrol came under fire from gunmen outside Zamfara on Sunday, "
                   "leaving two officers wounded.", "came under fire", "Armed clash", "Battles", "Nigeria")
    assert _pair(roles) == ("Unidentified Armed Group (Nigeria)", 3, "Police Forces of Nigeria (2023-)", 1)


# ------------------------------------------------------------------ battles: unidentified attackers of a state force first
@pytest.mark.parametrize("text, word, country, expected", [
    ("An attack by militants on an army checkpoint near Rafah killed four soldiers, the military said.",
     "attack", "Egypt", ("Unidentified Armed Group (Egypt)", 3, "Military Forces of Egypt (2014-)", 1)),
    ("Gunmen ambushed a police convoy on the Gao road on Friday.", "ambushed", "Mali",
     ("Unidentified Armed Group (Mali)", 3, "Police Forces of Mali (2021-)", 1)),
])
def test_roles_battle_attackers_come_first(analyse_text, text, word, country, expected):
    assert _pair(_roles(analyse_text, text, word, "Armed clash", "Battles", country)) == expected


def test_roles_french_ambush_names_its_authors_in_the_genitive(analyse_text):
    roles = _roles(analyse_text, "Une embuscade des terroristes a visé une patrouille de soldats près de Dori.",
                   "embuscade", "Armed clash", "Battles", "Burkina Faso", lang="fr")
    assert _pair(roles) == ("Unidentified Armed Group (Burkina Faso)", 3, "Military Forces of Burkina Faso (2022-)", 1)


# ------------------------------------------------------------------ territory: who may take it
def test_roles_non_state_actor_overtakes_territory_from_the_state(analyse_text):
    roles = _roles(analyse_text, "The policemen tried to hold the town, but gunmen overran their positions.",
                   "overran", "Non-state actor overtakes territory", "Battles", "Nigeria")
    assert roles.actor1.inter != 1
    assert roles.actor2.name == "Police Forces of Nigeria (2023-)"


# ------------------------------------------------------------------ "shelling by X", whatever the parse made of it
def test_roles_the_agent_after_by_following_the_trigger(analyse_text):
    roles = _roles(analyse_text, "At least nine civilians were killed and 14 others injured as a result of artillery "
                   "shelling by the paramilitary Rapid Support Forces on El Obeid, medics said.", "artillery",
                   "Shelling/artillery/missile attack", "Explosions/Remote violence", "Sudan")
    assert _pair(roles) == ("Rapid Support Forces", 2, "Civilians (Sudan)", 7)


def test_roles_russian_shelling_by_the_afu(analyse_text):
    roles = _roles(analyse_text, "Белгород попал под ракетный обстрел ВСУ в понедельник.", "обстрел",
                   "Shelling/artillery/missile attack", "Explosions/Remote violence", "Russia", lang="ru")
    assert roles.actor1.name == "Military Forces of Ukraine (2019-)" and roles.actor1.inter == 8


# ------------------------------------------------------------------ unattributed air strikes
def test_roles_unattributed_air_strike_is_by_unidentified_military_forces(analyse_text):
    roles = _roles(analyse_text, "An air strike hit a market in Saada on Wednesday, killing 12 people, a health "
                   "official said.", "air strike", "Air/drone strike", "Explosions/Remote violence", "Yemen")
    assert roles.actor1.name == "Unidentified Military Forces" and roles.actor1.inter == 1
    assert roles.actor2.name == "Civilians (Yemen)"


def test_roles_a_drone_with_no_suspect_stays_an_unidentified_armed_group(analyse_text):
    roles = _roles(analyse_text, "A drone dropped explosives on a farm near Apatzingan on Sunday, killing two "
                   "labourers.", "drone", "Air/drone strike", "Explosions/Remote violence", "Mexico")
    assert roles.actor1.name == "Unidentified Armed Group (Mexico)"


def test_roles_a_strike_that_harmed_no_one_has_no_target(analyse_text):
    roles = _roles(analyse_text, "A drone struck an empty field outside Kremenchuk overnight; no casualties were "
                   "reported.", "drone", "Air/drone strike", "Explosions/Remote violence", "Ukraine")
    assert roles.actor2 is None


# ------------------------------------------------------------------ groups only linked to the named group
@pytest.mark.parametrize("text, word, country", [
    ("Suspected rebels linked to the Islamic State group killed 20 villagers near Beni.", "killed",
     "Democratic Republic of Congo"),
    ("Gunmen loyal to Al Qaeda killed five traders near Menaka, an official said.", "killed", "Mali"),
])
def test_roles_a_group_named_only_as_an_affiliation_is_not_the_perpetrator(analyse_text, text, word, country):
    roles = _roles(analyse_text, text, word, "Attack", "Violence against civilians", country)
    assert roles.actor1.name == f"Unidentified Armed Group ({country})"


def test_roles_an_affiliate_phrase_names_the_affiliate_not_the_parent(analyse_text):
    ana = analyse_text("JNIM, an al-Qaeda affiliate, attacked the post.")
    assert [m.name for m in find_actors(ana, "Benin") if m.kind == "armed"] == \
        ["JNIM: Group for Support of Islam and Muslims"]


# ------------------------------------------------------------------ claims and self-reports
def test_roles_a_groups_record_of_claims_is_no_claim_of_this_attack(analyse_text):
    roles = _roles(analyse_text, "A suicide bomber blew himself up outside the ministry in Kabul on Wednesday. "
                   "There have been scores of attacks in the city, many claimed by the Islamic State group.",
                   "blew himself up", "Suicide bomb", "Explosions/Remote violence", "Afghanistan", with_sources=True)
    assert roles.actor1.name == "Unidentified Armed Group (Afghanistan)"


def test_roles_a_taliban_claim_before_august_2021_is_the_rebel_group(analyse_text):
    roles = _roles(analyse_text, "A car bomb hit an intelligence convoy in Paghman on Tuesday. The Taliban claimed "
                   "responsibility for the attack.", "car bomb", "Suicide bomb", "Explosions/Remote violence",
                   "Afghanistan", date="2018-12-11", with_sources=True)
    assert (roles.actor1.name, roles.actor1.inter) == ("Taliban", 2)


def test_roles_the_present_tense_claim_of_a_province(analyse_text):
    roles = _roles(analyse_text, "Militants attacked an army checkpoint in Sheikh Zuweid on Thursday. On Saturday "
                   "the Sinai Province claims responsibility for the attack in a statement.", "attacked",
                   "Armed clash", "Battles", "Egypt", with_sources=True)
    assert roles.actor1.name == "Islamic State (Egypt)"


# ------------------------------------------------------------------ stated attribution
@pytest.mark.parametrize("text, word", [
    ("Six jawans were killed in an IED blast on a police vehicle near Kirandul, the latest incident of "
     "Maoist-inflicted violence in the district.", "IED blast"),
    ("Six jawans were killed in an IED blast that was triggered by the Maoists near Kirandul.", "IED blast"),
])
def test_roles_the_report_states_who_set_off_the_bomb(analyse_text, text, word):
    roles = _roles(analyse_text, text, word, "Remote explosive/landmine/IED", "Explosions/Remote violence", "India")
    assert roles.actor1.name == "CPI (Maoist): Communist Party of India (Maoist)"
    assert roles.actor2.name.startswith("Police Forces of India")


def test_roles_the_deceased_unit_is_not_the_attackers_group(analyse_text):
    roles = _roles(analyse_text, "An IED blast hit a police vehicle near Cholnar on Sunday. An official said the "
                   "deceased belonged to the District Reserve Guard.", "IED blast",
                   "Remote explosive/landmine/IED", "Explosions/Remote violence", "India", with_sources=True)
    assert roles.actor1.kind == "unidentified"


def test_roles_french_attackers_said_to_belong_to_a_group(analyse_text):
    roles = _roles(analyse_text, "Cinq civils ont été tués samedi par des hommes armés près de Kolofata. Selon un "
                   "responsable local, les assaillants appartiennent à Boko Haram.", "tués", "Attack",
                   "Violence against civilians", "Cameroon", lang="fr", with_sources=True)
    assert roles.actor1.name == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


# ------------------------------------------------------------------ bystanders and governments are no agents
def test_roles_forces_gathering_at_the_site_did_not_set_off_the_bomb(analyse_text):
    roles = _roles(analyse_text, "Iraqi security forces gather at the site of a suicide bomb attack in Baghdad.",
                   "suicide bomb attack", "Suicide bomb", "Explosions/Remote violence", "Iraq")
    assert roles.actor1.name == "Unidentified Armed Group (Iraq)"


def test_roles_a_ministry_named_as_the_place_is_not_the_bomber(analyse_text):
    roles = _roles(analyse_text, "Five people were killed by a suicide bomber near the Afghan foreign ministry.",
                   "suicide bomber", "Suicide bomb", "Explosions/Remote violence", "Afghanistan")
    assert not roles.actor1.name.startswith("Government of")


# ------------------------------------------------------------------ coreference
def test_roles_the_same_fighters_are_the_group_named_before(analyse_text):
    ana_text = ("RSF fighters entered a village near Wad Madani last week. The same fighters also looted the "
                "village market.")
    roles = _roles(analyse_text, ana_text, "looted", "Looting/property destruction", "Violence against civilians",
                   "Sudan")
    assert roles.actor1.name == "Rapid Support Forces"


def test_roles_congolese_forces_in_a_drc_report_are_the_drcs(analyse_text):
    ana = analyse_text("M23 rebels seized Bunagana after Congolese forces withdrew towards Goma.")
    names = {m.name for m in find_actors(ana, "Democratic Republic of Congo") if m.kind == "state"}
    assert names == {"Military Forces of the Democratic Republic of Congo (2019-)"}


# ------------------------------------------------------------------ riots, interceptions, places of the state
def test_roles_a_violent_demonstration_faces_the_police_not_the_protesters(analyse_text):
    roles = _roles(analyse_text, "Police opened fire on protesters who set fire to a police post in Nairobi on "
                   "Tuesday.", "set fire", "Violent demonstration", "Riots", "Kenya")
    assert _pair(roles) == ("Rioters (Kenya)", 5, "Police Forces of Kenya (2022-)", 1)


def test_roles_bystanders_near_a_riot_are_not_its_target(analyse_text):
    roles = _roles(analyse_text, "Rioters torched the minister's house as residents watched.", "torched",
                   "Violent demonstration", "Riots", "Sri Lanka")
    assert roles.actor2 is None


def test_roles_an_intercepted_rocket(analyse_text):
    roles = _roles(analyse_text, "A rocket launched from the Gaza Strip was intercepted by the Iron Dome over Sderot, "
                   "the Israeli military said.", "intercepted", "Disrupted weapons use", "Strategic developments",
                   "Israel")
    assert roles.actor1.name == "Military Forces of Israel (2022-)"
    assert roles.actor2.name == "Unidentified Armed Group (Palestine)"


def test_roles_air_defences_shoot_down_the_drones_of_another_state(analyse_text):
    roles = _roles(analyse_text, "Air defences shot down 11 Russian drones over the Kyiv region overnight.",
                   "shot down", "Disrupted weapons use", "Strategic developments", "Ukraine")
    assert _pair(roles) == ("Military Forces of Ukraine (2019-)", 1, "Military Forces of Russia (2000-)", 8)


def test_roles_a_defused_bomb_has_no_actor2(analyse_text):
    roles = _roles(analyse_text, "Soldiers defused two bombs planted on the road between Niamey and Tillaberi.",
                   "defused", "Disrupted weapons use", "Strategic developments", "Niger")
    assert roles.actor1.name == "Military Forces of Niger (2023-)" and roles.actor2 is None


def test_roles_a_base_where_it_happened_is_not_the_target(analyse_text):
    roles = _roles(analyse_text, "A suicide bomber targeted a queue of young men registering at the Damanyo military "
                   "base, killing ten people.", "suicide bomber", "Suicide bomb", "Explosions/Remote violence",
                   "Somalia")
    assert roles.actor2.name == "Civilians (Somalia)"


def test_roles_the_police_telling_the_toll_are_not_the_target(analyse_text):
    roles = _roles(analyse_text, "A suicide car bomber blasted an outdoor market in Tal Afar, killing six people, "
                   "police and hospital officials said.", "bomber", "Suicide bomb", "Explosions/Remote violence", "Iraq")
    assert roles.actor2.name == "Civilians (Iraq)"
