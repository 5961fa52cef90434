"""Actor mentions, ACLED names, inter codes and actor1/actor2 roles (codebook §2)."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.who import actor_dictionary as dic
from eventcoder.extract.who.actors import find_actors
from eventcoder.extract.who.roles import assign_roles
from eventcoder.extract.base import Certainty, EventContext, Place, SourceChain, Trigger
from tests.conftest import assert_spans


def make_ctx(ana, word, sub, etype, country, date="2025-03-10", sources=None, certainty=None, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = ana.text.index(word, start + 1)
    sent = ana.sentence_at(start).index
    trig = Trigger(span=ana.span(start, start + len(word)), sentence=sent, event_type=etype, sub_event_type=sub)
    return EventContext(trigger=trig, sentences=[sent], sub_event_type=sub, event_type=etype,
                        place=Place(span=None, name="x", country=country),
                        event_date=dt.date.fromisoformat(date), sources=sources, certainty=certainty)


@pytest.mark.parametrize("country, when, force, expected", [
    ("Syria", dt.date(2024, 11, 30), "military", "Military Forces of Syria (2000-2024)"),
    ("Syria", dt.date(2025, 2, 1), "military", "Military Forces of Syria (2024-)"),
    ("Nigeria", dt.date(2022, 6, 1), "police", "Police Forces of Nigeria (2015-2023)"),
    ("Nigeria", dt.date(2024, 6, 1), "police", "Police Forces of Nigeria (2023-)"),
    ("Democratic Republic of Congo", dt.date(2025, 1, 1), "military",
     "Military Forces of the Democratic Republic of Congo (2019-)"),
    ("United States", dt.date(2024, 12, 1), "military", "Military Forces of the United States (2021-2025)"),
    ("Kenya", None, "government", "Government of Kenya (2022-)"),
])
def test_actors_state_name_depends_on_event_date(country, when, force, expected):
    assert dic.state_name(country, force, when) == expected


@pytest.mark.model
@pytest.mark.parametrize("sentence, phrase, country, name, inter, kind", [
    ("Iraqi troops raided a farm near Tikrit.", "Iraqi troops", "Iraq", "Military Forces of Iraq (2022-)", 1, "state"),
    ("The Nigerian army repelled the raid.", "Nigerian army", "Nigeria", "Military Forces of Nigeria (2023-)", 1, "state"),
    ("Russian forces shelled the town overnight.", "Russian forces", "Ukraine", "Military Forces of Russia (2000-)", 8, "state"),
    ("An Israeli drone hit a car outside Tyre.", "Israeli drone", "Lebanon", "Military Forces of Israel (2022-)", 8, "state"),
    ("NISA agents detained two men in the capital.", "NISA", "Somalia",
     "Military Forces of Somalia (2022-) National Intelligence and Security Agency", 1, "state"),
    ("Police dispersed the crowd with tear gas.", "Police", "Kenya", "Police Forces of Kenya (2022-)", 1, "state"),
    ("Al-Shabaab fighters overran the base.", "Al-Shabaab fighters", "Somalia", "Al Shabaab", 2, "armed"),
    ("ISWAP fighters ambushed a convoy.", "ISWAP fighters", "Nigeria", "Islamic State West Africa Province", 2, "armed"),
    ("Daesh cells remain active in the desert.", "Daesh", "Iraq", "Islamic State (Iraq)", 2, "armed"),
    ("The ISIS cell was dismantled.", "ISIS", "Mozambique", "Islamic State Mozambique Province", 2, "armed"),
    ("Hezbollah fired rockets at a base.", "Hezbollah", "Lebanon", "Hezbollah", 3, "armed"),
    ("Unknown gunmen stormed the village.", "Unknown gunmen", "Nigeria", "Unidentified Armed Group (Nigeria)", 3, "unidentified"),
    ("Hundreds of demonstrators marched to parliament.", "demonstrators", "Kenya", "Protesters (Kenya)", 6, "protesters"),
    ("An angry mob torched the station.", "angry mob", "India", "Rioters (India)", 5, "rioters"),
    ("Three villagers were wounded.", "villagers", "Mali", "Civilians (Mali)", 7, "civilians"),
])
def test_actors_find_resolves_name_and_inter(analyse_text, sentence, phrase, country, name, inter, kind):
    ana = analyse_text(sentence)
    found = find_actors(ana, country, dt.date(2025, 3, 1))
    assert_spans(ana.text, [m.span for m in found])
    hit = [m for m in found if phrase in m.span.text]
    assert hit, found
    assert (hit[0].name, hit[0].inter, hit[0].kind) == (name, inter, kind)


@pytest.mark.model
def test_actors_lowercase_short_words_are_not_acronyms(analyse_text):
    ana = analyse_text("It is unclear what the aa battery is for.")
    assert [m for m in find_actors(ana, "Myanmar") if m.kind == "armed"] == []


@pytest.mark.model
@pytest.mark.parametrize("sentence, word, sub, etype, country, actor1, actor2", [
    # passive voice: the agent follows "by"
    ("Five soldiers were killed by Al Shabaab fighters near Afgoye on Monday.", "killed", "Armed clash", "Battles",
     "Somalia", "Al Shabaab", "Military Forces of Somalia (2022-)"),
    # active voice
    ("Malian soldiers attacked JNIM positions outside Douentza.", "attacked", "Armed clash", "Battles",
     "Mali", "Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and Muslims"),
    # "X clashed with Y"
    ("SDF fighters clashed with tribal gunmen in Deir ez-Zor.", "clashed", "Armed clash", "Battles",
     "Syria", "SDF: Syrian Democratic Forces", "Unidentified Armed Group (Syria)"),
    # unknown attackers on civilians: never a blank actor1
    ("Gunmen killed four farmers in their fields.", "killed", "Attack", "Violence against civilians",
     "Nigeria", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
    ("Seven villagers were shot dead in the night.", "shot", "Attack", "Violence against civilians",
     "Burkina Faso", "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
    # E/RV on civilians: perpetrator first, civilians second
    ("A Russian missile struck a residential block, killing six civilians.", "struck",
     "Shelling/artillery/missile attack", "Explosions/Remote violence", "Ukraine",
     "Military Forces of Russia (2000-)", "Civilians (Ukraine)"),
    # state forces at home: inter 1; abroad: inter 8 (checked below)
    ("Police fired tear gas at protesters in Nairobi.", "fired", "Protest with intervention", "Protests",
     "Kenya", "Protesters (Kenya)", "Police Forces of Kenya (2022-)"),
    ("Hundreds of teachers marched peacefully in Lagos.", "marched", "Peaceful protest", "Protests",
     "Nigeria", "Protesters (Nigeria)", None),
    ("A mob lynched a suspected thief in the market.", "lynched", "Mob violence", "Riots",
     "India", "Rioters (India)", "Civilians (India)"),
])
def test_actors_assign_roles(analyse_text, sentence, word, sub, etype, country, actor1, actor2):
    ana = analyse_text(sentence)
    roles = assign_roles(ana, make_ctx(ana, word, sub, etype, country))
    assert (roles.actor1.name if roles.actor1 else None) == actor1
    assert (roles.actor2.name if roles.actor2 else None) == actor2
    assert_spans(ana.text, [r.span for r in (roles.actor1, roles.actor2) if r])


@pytest.mark.model
def test_actors_state_forces_abroad_get_inter_8(analyse_text):
    ana = analyse_text("Israeli warplanes bombed a house in Nabatieh, killing two Hezbollah members.")
    roles = assign_roles(ana, make_ctx(ana, "bombed", "Air/drone strike", "Explosions/Remote violence", "Lebanon"))
    assert roles.actor1.name == "Military Forces of Israel (2022-)"
    assert roles.actor1.inter == 8
    assert roles.actor2.name == "Hezbollah"


@pytest.mark.model
def test_actors_coordinated_agents_become_associated(analyse_text):
    ana = analyse_text("Malian troops and Africa Corps mercenaries attacked a JNIM camp near Tessit.")
    roles = assign_roles(ana, make_ctx(ana, "attacked", "Armed clash", "Battles", "Mali"))
    assert roles.actor1.name == "Military Forces of Mali (2021-)"
    assert roles.assoc_actor_1 == "Africa Corps"
    assert roles.actor2.name == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.model
def test_actors_victim_identity_is_associated(analyse_text):
    ana = analyse_text("Unknown assailants abducted a journalist in Ouagadougou.")
    roles = assign_roles(ana, make_ctx(ana, "abducted", "Abduction/forced disappearance",
                                       "Violence against civilians", "Burkina Faso"))
    assert roles.actor2.name == "Civilians (Burkina Faso)"
    assert roles.assoc_actor_2 == "Journalists (Burkina Faso)"


@pytest.mark.model
def test_actors_claim_names_actor1(analyse_text):
    ana = analyse_text("A car bomb exploded outside a hotel in Mogadishu. Al Shabaab claimed responsibility.")
    src = SourceChain(chain=["Wire"], claimed_by="Al Shabaab", claim_span=ana.span(49, 59))
    roles = assign_roles(ana, make_ctx(ana, "exploded", "Remote explosive/landmine/IED",
                                       "Explosions/Remote violence", "Somalia", sources=src))
    assert roles.actor1.name == "Al Shabaab"


@pytest.mark.model
@pytest.mark.parametrize("sentence", [
    "Suspected Al Shabaab militants killed three traders in Kismayo.",
    "Three traders were killed in Kismayo in an attack that bore the hallmarks of Al Shabaab.",
    "Residents blamed Al Shabaab after three traders were killed in Kismayo.",
])
def test_actors_speculated_perpetrator_is_never_an_actor(analyse_text, sentence):
    ana = analyse_text(sentence)
    word = "killed"
    cert = Certainty(speculated_perpetrators=["Al Shabaab"])
    roles = assign_roles(ana, make_ctx(ana, word, "Attack", "Violence against civilians", "Somalia",
                                       certainty=cert))
    assert roles.actor1.name == "Unidentified Armed Group (Somalia)"
    assert roles.actor2.name == "Civilians (Somalia)"
    assert "Shabaab" not in (roles.assoc_actor_1 or "") + (roles.assoc_actor_2 or "")


@pytest.mark.model
@pytest.mark.parametrize("sentence, word, sub, etype, country, actor1, actor2", [
    # the demonym inside the trigger's noun phrase is the initiator; the object of "struck" the target
    ("A Turkish drone strike hit a convoy of Kurdistan Workers' Party fighters near Zakho on Monday.",
     "drone strike", "Air/drone strike", "Explosions/Remote violence", "Iraq",
     "Military Forces of Turkey", None),
    # passive victims of a strike: state forces
    ("Three policemen were wounded when a roadside bomb exploded in Garissa.",
     "roadside bomb", "Remote explosive/landmine/IED", "Explosions/Remote violence", "Kenya",
     "Unidentified Armed Group (Kenya)", "Police Forces of Kenya"),
    # coordinated sides of a fight, in text order
    ("Somali troops and Al-Shabaab fighters fought for control of a bridge near Afgoye on Sunday.",
     "fought", "Armed clash", "Battles", "Somalia", "Military Forces of Somalia", "Al Shabaab"),
])
def test_actors_roles_targets_and_noun_phrases(analyse_text, sentence, word, sub, etype, country, actor1, actor2):
    ana = analyse_text(sentence)
    roles = assign_roles(ana, make_ctx(ana, word, sub, etype, country))
    if actor1:
        assert roles.actor1 is not None and roles.actor1.name.startswith(actor1)
    if actor2:
        assert roles.actor2 is not None and roles.actor2.name.startswith(actor2)


@pytest.mark.model
def test_actors_unknown_attackers_refer_to_the_group_named_before(analyse_text):
    ana = analyse_text("Al-Shabaab fighters have been active near Afgoye for weeks. "
                       "On Monday the militants ambushed a bus and killed four passengers.")
    roles = assign_roles(ana, make_ctx(ana, "ambushed", "Attack", "Violence against civilians", "Somalia"))
    assert roles.actor1.name == "Al Shabaab"
    assert roles.actor2.name == "Civilians (Somalia)"


@pytest.mark.model
def test_actors_unknown_attackers_stay_unidentified_without_a_named_group(analyse_text):
    ana = analyse_text("On Monday the attackers ambushed a bus and killed four passengers near Afgoye.")
    roles = assign_roles(ana, make_ctx(ana, "ambushed", "Attack", "Violence against civilians", "Somalia"))
    assert roles.actor1.name == "Unidentified Armed Group (Somalia)"


@pytest.mark.model
def test_actors_a_party_statement_about_its_own_act(analyse_text):
    ana = analyse_text("The Kachin Independence Army said on Friday it had seized a hilltop outpost near Bhamo.")
    roles = assign_roles(ana, make_ctx(ana, "seized", "Non-state actor overtakes territory", "Battles", "Myanmar"))
    assert roles.actor1 is not None and roles.actor1.name.startswith("KIA")


@pytest.mark.model
@pytest.mark.parametrize("sentence, lang, country, name, inter", [
    ("Russia struck Odesa with drones on Monday night, killing two people.", "en", "Ukraine",
     "Military Forces of Russia (2000-)", 8),
    ("Separatist fighters attacked a checkpoint near Buea.", "en", "Cameroon", "Ambazonian Separatists", 2),
    ("Separatist fighters attacked a checkpoint near Kandahar.", "en", "Afghanistan",
     "Unidentified Armed Group (Afghanistan)", 3),
    ("The Taliban arrested two journalists in Herat.", "en", "Afghanistan", "Military Forces of Afghanistan (2021-)", 1),
    ("وشنت طائرة غارة على مواقع لقوات الدعم السريع في نيالا.", "ar", "Sudan", "Rapid Support Forces", 2),
    ("Soldiers of the South Sudan People's Defence Forces clashed with armed youth.", "en", "South Sudan",
     "Military Forces of South Sudan (2011-)", 1),
])
def test_actors_general_knowledge_names(analyse_text, sentence, lang, country, name, inter):
    ana = analyse_text(sentence, lang=lang)
    found = find_actors(ana, country, dt.date(2025, 3, 10))
    assert any(m.name == name and m.inter == inter for m in found), [(m.name, m.inter) for m in found]


@pytest.mark.model
def test_actors_unparsed_report_takes_the_nearest_armed_actor(analyse_text):
    ana = analyse_text("Des combattants du JNIM ont attaqué lundi un poste de l'armée malienne près de Douentza.",
                       lang="fr")
    ctx = make_ctx(ana, "attaqué", "Armed clash", "Battles", "Mali")
    roles = assign_roles(ana, ctx)
    assert roles.actor1.name.startswith("JNIM")
    assert roles.actor2.name == "Military Forces of Mali (2021-)"


@pytest.mark.model
@pytest.mark.parametrize("sentence, word, sub, etype, country, actor1, actor2", [
    # the harmed state force is the target, never the agent
    ("An army truck hit a landmine outside Gao on Friday, wounding four soldiers.", "landmine",
     "Remote explosive/landmine/IED", "Explosions/Remote violence", "Mali",
     "Unidentified Armed Group (Mali)", "Military Forces of Mali (2021-)"),
    ("Deux gendarmes ont été tués mardi par l'explosion d'une mine près de Fada.", "explosion",
     "Remote explosive/landmine/IED", "Explosions/Remote violence", "Burkina Faso",
     "Unidentified Armed Group (Burkina Faso)", "Police Forces of Burkina Faso (2022-) Gendarmerie"),
    # a strike on a named armed target is not a strike on civilians
    ("A drone hit a motorbike near Marib, killing two people. The coalition said it had struck "
     "Houthi fighters.", "hit", "Air/drone strike", "Explosions/Remote violence", "Yemen",
     "Unidentified Armed Group (Yemen)", "Military Forces of Yemen (2017-) Houthi"),
    # attribution stated as fact by investigators
    ("Gunmen shot dead five men at a car wash in Guayaquil. Prosecutors said the killings were carried out "
     "by members of Los Lobos.", "shot", "Attack", "Violence against civilians", "Ecuador",
     "Los Lobos", "Civilians (Ecuador)"),
    # "troops of the X": the group, not the host state's army
    ("Police retook the market district, backed by troops of the Gang Suppression Force, pushing out "
     "members of Viv Ansanm.", "retook", "Government regains territory", "Battles", "Haiti",
     "Police Forces of Haiti (2024-)", "Viv Ansanm"),
    # looting hits civilians; an agreement has two parties
    ("Rapid Support Forces fighters looted shops in a village near Sennar.", "looted",
     "Looting/property destruction", "Strategic developments", "Sudan", "Rapid Support Forces", "Civilians (Sudan)"),
    ("Colombia's government and the ELN signed a local ceasefire in Bogota.", "signed", "Agreement",
     "Strategic developments", "Colombia", None, "ELN: National Liberation Army"),
])
def test_actors_roles_victims_targets_and_stated_perpetrators(analyse_text, sentence, word, sub, etype, country,
                                                             actor1, actor2):
    ana = analyse_text(sentence)
    roles = assign_roles(ana, make_ctx(ana, word, sub, etype, country, date="2025-06-10"))
    if actor1 is not None:
        assert roles.actor1.name == actor1
    assert (roles.actor2.name if roles.actor2 else None) == actor2
    assert_spans(ana.text, [r.span for r in (roles.actor1, roles.actor2) if r])


@pytest.mark.model
def test_actors_foreign_forces_at_a_protest_stay_military(analyse_text):
    ana = analyse_text("Israeli forces fired tear gas at villagers marching near Nablus.")
    roles = assign_roles(ana, make_ctx(ana, "fired", "Protest with intervention", "Protests", "Palestine",
                                       date="2025-06-10"))
    assert roles.actor2.name.startswith("Military Forces of Israel") and roles.actor2.inter == 8


@pytest.mark.model
def test_actors_suspicion_by_officials_is_not_attribution(analyse_text):
    ana = analyse_text("A roadside bomb wounded two policemen near Garissa. Officers suspect Al Shabaab "
                       "militants planted it.")
    from eventcoder.extract.according.certainty import assess_certainty
    cert = assess_certainty(ana, [0])
    roles = assign_roles(ana, make_ctx(ana, "bomb", "Remote explosive/landmine/IED",
                                       "Explosions/Remote violence", "Kenya", certainty=cert))
    assert roles.actor1.name == "Unidentified Armed Group (Kenya)"


@pytest.mark.parametrize("text, country, expected", [
    ("Armed youths from the Nuer community attacked a garrison in Nasir.", "South Sudan",
     [("Nuer Ethnic Militia (South Sudan)", 4)]),
    ("Fighters of the Habar Gidir clan clashed with rivals near Galkayo.", "Somalia",
     [("Habar Gidir Clan Militia (Somalia)", 4)]),
    ("Ethnic Hema youths clashed with police in Bunia.", "Democratic Republic of Congo",
     [("Hema Ethnic Militia (Democratic Republic of Congo)", 4),
      ("Police Forces of the Democratic Republic of Congo (2019-)", 1)]),
    # no community: a religion word, a victim group, a known group
    ("Armed Islamist militants attacked a post near Gao.", "Mali", [("Unidentified Armed Group (Mali)", 3)]),
    ("Gunmen from the Sinaloa Cartel attacked a bar.", "Mexico", [("Sinaloa Cartel", 3)]),
    # men of a named tribe or clan
    ("Shammar tribesmen attacked a checkpoint near Rabia.", "Iraq", [("Shammar Tribal Militia (Iraq)", 4)]),
    ("Abgaal clansmen clashed with rivals near Adado.", "Somalia", [("Abgaal Clan Militia (Somalia)", 4)]),
    # identity militias of communities the dictionary knows
    ("Druze fighters clashed with Bedouin tribesmen in Sweida.", "Syria",
     [("Druze Militia (Syria)", 4), ("Bedouin Ethnic Militia (Syria)", 4)]),
])
def test_actors_communal_militia_named_by_its_community(analyse_text, text, country, expected):
    ana = analyse_text(text)
    found = [m for m in find_actors(ana, country) if m.kind in ("armed", "state", "unidentified")]
    assert [(m.name, m.inter) for m in found] == expected
    assert_spans(ana.text, [m.span for m in found])


@pytest.mark.parametrize("phrase, name", [
    ("Group for the Support of Islam and Muslims", "JNIM: Group for Support of Islam and Muslims"),
    ("Tehrik-e-Taliban Pakistan", "TTP: Tehreek-i-Taliban Pakistan"),
    ("the Houthi movement", "Military Forces of Yemen (2017-) Houthi"),
    ("Saraya al-Quds", "PIJ: Palestinian Islamic Jihad"),
    ("Alliance Fleuve Congo", "M23: March 23 Movement"),
    ("Sudan People's Liberation Army in Opposition",
     "SPLM/A-IO: Sudan People's Liberation Movement/Army in Opposition"),
    ("Jaish-e-Mohammed", "JeM: Jaish-e-Mohammed"),
    ("Tren de Aragua", "Tren de Aragua"),
])
def test_actors_dictionary_aliases(phrase, name):
    assert [m.entry.name for m in dic.match_phrases(phrase)] == [name]


def test_actors_affiliation_prefix_is_not_an_actor():
    text = "the al-Qaeda-linked JNIM and the Houthi-run health ministry"
    assert [text[m.start:m.end] for m in dic.group_matches(text)] == ["JNIM"]
