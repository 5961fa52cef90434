"""Attribution chains across an event's sentences (issue 5): later sources, relays, group media,
anonymity, acronyms, denials and agency names in other scripts. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.according.sources import source_chain
from tests.conftest import assert_spans


def _chain(analyse_text, text, lang="en"):
    ana = analyse_text(text, source="Desk", lang=lang)
    out = source_chain(ana, list(range(len(ana.sentences))))
    assert_spans(ana.text, out.spans)
    return out


@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    # a source cited after the event sentence joins the chain, in order of appearance
    ("Gunmen seized twelve farmers near Kano on Monday, residents said. "
     "Police spokesman Musa Bello later confirmed the abduction.",
     ["Desk", "Residents", "Police Forces of Nigeria"]),
    # a body that only opened an investigation tells nothing of the event
    ("Police shot dead two marchers in Lagos on Friday, witnesses said. "
     "The Police Complaints Board said it had opened an investigation.",
     ["Desk", "Witnesses"]),
    # a later private witness adds colour, not the account
    ("A shell hit a school in Kharkiv on Monday, the regional governor said. "
     "A teacher said the children had left an hour earlier.",
     ["Desk", "Regional governor"]),
    # an attribution inside a relative clause is somebody else's counter-claim
    ("Mali's army said on Tuesday that four soldiers died in an ambush that a rival group said killed dozens.",
     ["Desk", "Military Forces of Mali"]),
])
def test_source_chain_collects_the_events_sentences(analyse_text, text, chain):
    assert _chain(analyse_text, text).chain == chain


@pytest.mark.model
def test_source_chain_three_attributions(analyse_text):
    out = _chain(analyse_text, "According to the Kestrel Gazette, citing Tamar Radio, which quoted a district "
                               "official, a drone hit a fuel depot in Kursk on Sunday.")
    assert out.chain == ["Desk", "Kestrel Gazette", "Tamar Radio", "District official"]


@pytest.mark.model
def test_source_chain_statement_carried_by_an_agency_lists_the_agency_first(analyse_text):
    out = _chain(analyse_text, "A roadside bomb killed three soldiers near Tikrit on Monday, the Security Media "
                               "Cell said in a statement carried by the Iraqi News Agency.")
    assert out.chain == ["Desk", "Iraqi News Agency", "Security Media Cell"]


@pytest.mark.model
def test_source_chain_a_later_reference_to_the_same_body_brings_its_relay(analyse_text):
    ana = analyse_text("A roadside bomb killed three soldiers near Tikrit on Monday, the Security Media Cell said in "
                       "a statement carried by the Iraqi News Agency. In a second statement, the cell said jets "
                       "struck a hideout near Baiji on Tuesday.", source="Desk")
    out = source_chain(ana, [1])
    assert out.chain == ["Desk", "Iraqi News Agency", "Security Media Cell"]


@pytest.mark.model
@pytest.mark.parametrize("text, chain, claimed_by", [
    # a claim through the group's own news agency: the agency, owned by the group
    ("A suicide bomber struck a mosque in Kunduz on Friday, police said. Islamic State Khorasan Province "
     "claimed the bombing through its Amaq news agency.",
     ["Desk", "Police Forces of Afghanistan", "Amaq news agency (Islamic State Khorasan Province)"],
     "Islamic State (Afghanistan)"),
    # a claim in a statement posted on a platform: the group's statement
    ("Gunmen attacked a checkpoint in Zinjibar on Sunday, a security official said. Al Qaeda in the Arabian "
     "Peninsula (AQAP) claimed the attack in a statement on its Telegram channel.",
     ["Desk", "Security official", "AQAP statement"], "AQAP: Al Qaeda in the Arabian Peninsula"),
    # a bare claim of responsibility names the claimant, not a source
    ("A car bomb hit a police post in Bannu on Monday, officials said. The TTP claimed responsibility.",
     ["Desk", "Officials"], "TTP: Tehreek-i-Taliban Pakistan"),
    # the group's own account as the only source
    ("The National Resistance Front (NRF) said its fighters attacked a checkpoint in Panjshir on Friday.",
     ["Desk", "NRF statement"], "NRF: National Resistance Front"),
])
def test_source_chain_claims_of_responsibility(analyse_text, text, chain, claimed_by):
    out = _chain(analyse_text, text)
    assert out.chain == chain
    assert out.claimed_by == claimed_by


@pytest.mark.model
def test_source_chain_denial_fills_denied_by_not_the_chain(analyse_text):
    out = _chain(analyse_text, "The National Resistance Front (NRF) said its fighters attacked a checkpoint in "
                               "Panjshir on Friday. A Taliban spokesman denied that any fighting took place.")
    assert out.chain == ["Desk", "NRF statement"]
    assert out.denied_by == "Military Forces of Afghanistan (2021-)"  # the Taliban govern since 2021


@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    ("Security forces arrested four men in Mogadishu on Friday, an official of the National Intelligence and "
     "Security Agency (NISA) said, speaking on condition of anonymity.",
     ["Desk", "NISA official (anonymous)"]),
    ("Gunmen killed two traders in Beni on Monday, a local official said. He asked not to be named.",
     ["Desk", "Local official"]),  # the anonymity words must follow the source in its own sentence
    ("Peacekeepers of the United Nations Stabilisation Mission in Congo (MONUSCO) set up a base near Djugu "
     "on Monday, a mission spokesman said.",
     ["Desk", "MONUSCO spokesman"]),
])
def test_source_chain_anonymous_sources_and_acronyms(analyse_text, text, chain):
    assert _chain(analyse_text, text).chain == chain


@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    ("An air strike hit a car near Tyre on Monday, Lebanon's state news agency said.",
     ["Desk", "National News Agency (Lebanon)"]),
    ("An Israeli drone struck a car near Tyre on Monday, killing two men, a war monitor said. "
     "The Lebanon Monitor for Human Rights said both were farmers.",
     ["Desk", "Lebanon Monitor for Human Rights"]),  # the generic words give way to the name
    ("Police and residents said a mob burned a police post in Jos on Friday.",
     ["Desk", "Police Forces of Nigeria", "Residents"]),  # coordinated sources are two links
])
def test_source_chain_names(analyse_text, text, chain):
    assert _chain(analyse_text, text).chain == chain


@pytest.mark.parametrize("text, lang, chain", [
    ("قتل ثلاثة مدنيين في قصف على السوق، وفق شهود عيان.", "ar", ["Desk", "Eyewitnesses"]),
    ("По словам очевидцев, беспилотник ударил по складу в Курске.", "ru", ["Desk", "Eyewitnesses"]),
    ("Cinq civils ont été tués samedi près de Kolofata, a-t-on appris auprès d'un responsable local. "
     "Selon lui, les assaillants venaient du Nigeria.", "fr", ["Desk", "Local official"]),
])
def test_source_chain_other_scripts_and_languages(analyse_text, text, lang, chain):
    assert _chain(analyse_text, text, lang=lang).chain == chain


@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    # the subject of the verb's own clause, not the subject before a semicolon
    ("Police fired tear gas at marchers in Maputo on Thursday. The crowd ran into side streets; a police "
     "spokesman said 12 people were detained.",
     ["Desk", "Police Forces of Mozambique"]),
    # a speech verb without a parsed subject: the phrase after the last comma speaks
    ("Police fired on marchers in Mombasa on Monday, killing one man, witnesses and a hospital official said, "
     "as the protests spread.",
     ["Desk", "Witnesses", "Hospital official"]),
    # an armed group described before its name claims through its own agency
    ("A bomb hit a mosque in Kunduz on Friday, police said. The Islamic State's regional branch, Islamic State "
     "Khorasan Province, claimed the bombing through its Amaq news agency.",
     ["Desk", "Police Forces of Afghanistan", "Amaq news agency (Islamic State Khorasan Province)"]),
    # two bare plurals of private people are one link
    ("Fighters raided a village near Wad Madani last week. Survivors and relatives said the raid lasted two days.",
     ["Desk", "Survivors and relatives"]),
    ("According to his family and neighbours, four armed men took the student from his home in Turbat.",
     ["Desk", "Family and neighbours"]),
    # a coordinated "according to": each conjunct is a link; a group is named as the report writes it
    ("A plane bombed a cattle camp outside Nasir on Tuesday, killing four civilians, according to a local health "
     "worker and the opposition SPLM-IO.",
     ["Desk", "Local health worker", "SPLM-IO"]),
])
def test_source_chain_finding_the_speaker(analyse_text, text, chain):
    assert _chain(analyse_text, text).chain == chain


@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    # a bare "officials" gives way to the state body cited later
    ("Rioters burned two police vans in Islamabad on Monday, officials said. A constable died of his wounds, "
     "the interior ministry said.",
     ["Desk", "Ministry of Interior (Pakistan)"]),
    # "blamed" cites a source; "police commanders" are the police
    ("A car bomb killed two people outside a police station in Jamundi on Friday, authorities said. Police "
     "commanders blamed a dissident front.",
     ["Desk", "Police Forces of Colombia"]),
    # a blame the report doubts is a guess
    ("A car bomb killed seven people at a market in Manbij on Monday, a war monitor said. Officials blamed "
     "former regime loyalists, while residents suspected other cells; neither claim could be verified.",
     ["Desk", "War monitor"]),
    # a later private witness who names the perpetrator still tells the event
    ("Gangs stormed a town in Haiti's Centre department on Wednesday, killing ten people, a rights group said. "
     "Residents said the attackers belonged to a gang coalition.",
     ["Desk", "Rights group", "Residents"]),
    # an apposition that repeats a source already cited, a bare "spokesman" of the body just cited,
    # and "the command's statement" of the command cited before are no new links
    ("Bandits abducted 30 villagers in Zamfara on Friday, community leaders said. Two men were shot dead, "
     "according to Musa Bello, a community leader who escaped. The state police command confirmed the attack. "
     "A spokesman said teams had been deployed. \"We will find them,\" the command's statement said.",
     ["Desk", "Community leaders", "Police Forces of Nigeria"]),
    # a later source that tells only the care of the wounded adds nothing to the event
    ("A bomb killed seven people at a restaurant in Mogadishu on Thursday, police said. An ambulance service "
     "director said his teams had taken 19 wounded people to hospitals.",
     ["Desk", "Police Forces of Somalia"]),
    # a habitual pattern "since then" is not the event's account
    ("Fighters looted villages near Al Hasaheisa in Gezira last week, residents said. Since then, the fighters "
     "have raided other villages for food, according to local monitors.",
     ["Desk", "Residents"]),
])
def test_source_chain_which_later_sources_count(analyse_text, text, chain):
    assert _chain(analyse_text, text).chain == chain


@pytest.mark.model
def test_source_chain_blame_in_the_next_sentence_joins_the_event(analyse_text):
    ana = analyse_text("A drone struck a market in El Obeid on Monday, killing ten people, residents said. "
                       "The army blamed the RSF.", source="Desk")
    assert source_chain(ana, [0]).chain == ["Desk", "Residents", "Military Forces of Sudan"]


@pytest.mark.parametrize("text, lang, chain", [
    # the army's own unit repeats the army's account
    ("El Ejército denunció que el ELN atacó una base militar en Tibú. Dos soldados resultaron heridos, según "
     "el comunicado de la Segunda División.", "es", ["Desk", "Military Forces of Colombia"]),
    ("Hombres armados se llevaron a un periodista en Chilpancingo el miércoles, denunció su familia.", "es",
     ["Desk", "Family"]),
    # a listed name is final, and "later" is no part of it
    ("Беспилотники атаковали порт Туапсе. Генеральный штаб ВСУ позднее заявил, что удар нанесли украинские силы.",
     "ru", ["Desk", "General Staff of the Armed Forces of Ukraine"]),
    ("В четверг войска обстреляли Херсон, сообщила областная военная администрация.", "ru",
     ["Desk", "Regional Military Administration"]),
    # a count over the past day is not the event's account
    ("Дрон атаковал автомобиль в Шебекино, сообщил губернатор региона. По данным оперативного штаба, за "
     "минувшие сутки зафиксировано десять атак.", "ru", ["Desk", "Regional governor"]),
])
def test_source_chain_other_languages_round_two(analyse_text, text, lang, chain):
    assert _chain(analyse_text, text, lang=lang).chain == chain


@pytest.mark.model
def test_source_chain_later_sources_of_another_scene_or_answer(analyse_text):
    ana = analyse_text("Missiles hit a housing block in Kharkiv on Wednesday, killing seven, regional officials said. "
                       "Overnight, drones struck a port in Odesa, injuring three people, the regional governor said. "
                       "Russia's defence ministry said it had hit military sites in Kharkiv.", source="Desk")
    # the ministry's words are about the Kharkiv strike told before, not the Odesa one
    assert source_chain(ana, [1, 2]).chain == ["Desk", "Regional governor"]
    ana = analyse_text("Fighters took the town of Menaka on Saturday, local officials said. The general staff said "
                       "units had been moved and denied that the town had been abandoned.", source="Desk")
    assert source_chain(ana, [0, 1]).chain == ["Desk", "Local officials"]  # a denial answers the account


@pytest.mark.model
def test_source_chain_fallback_stops_at_another_scene(analyse_text):
    ana = analyse_text("Graduates marched peacefully in Baghdad on Sunday. In Basra the same day, police fired tear "
                       "gas at residents. Five protesters were treated for breathing problems, a health official said.",
                       source="Desk")
    assert source_chain(ana, [0]).chain == ["Desk"]
    assert source_chain(ana, [1]).chain == ["Desk", "Health official"]


@pytest.mark.model
def test_source_chain_forces_reporting_their_own_find(analyse_text):
    ana = analyse_text("On Tuesday morning, police found the bodies of four men dumped beside a highway south of "
                       "Culiacan.", source="Desk")
    assert source_chain(ana, [0]).chain == ["Desk", "Police Forces of Mexico"]
    ana = analyse_text("Gunmen killed four men beside a highway south of Culiacan on Tuesday.", source="Desk")
    assert source_chain(ana, [0]).chain == ["Desk"]  # nobody reported: the outlet alone


@pytest.mark.model
def test_source_chain_other_partys_denial_keeps_the_claimant(analyse_text):
    # the denial after ", a claim ..." is the army's answer, not the claimant's words
    text = "The Rapid Support Forces said on Tuesday they had shot down an army drone over Nyala, a claim the army denied."
    assert _chain(analyse_text, text).chain == ["Desk", "Rapid Support Forces statement"]


# ---- wire copy: datelines with a hyphen, closing speakers, persons, outlets (sentences written for these tests)
@pytest.mark.model
@pytest.mark.parametrize("text, source, chain", [
    # the dateline took the subject of "said" in the parse; the speaker is the phrase before "said"
    ("ADDIS ABABA, Ethiopia (AP) - Gunmen killed nine people on a bus in the Amhara region on Sunday, a regional "
     "official said, speaking on condition of anonymity.", "AP", ["AP", "Regional official (anonymous)"]),
    # two subjects of "said", the first one the dateline
    ("MANDALAY, March 11 (Reuters) - Myanmar's military said on Tuesday its troops had killed 20 rebels near Bhamo.",
     "Reuters", ["Reuters", "Military Forces of Myanmar"]),
    # "told <outlet>" and "said on <platform>" still close the sentence
    ("MOGADISHU, March 13 (Reuters) - Militants stormed an army base in Bariire on Thursday, killing five soldiers, "
     "a Somali military officer told Reuters.", "Reuters", ["Reuters", "Military Forces of Somalia"]),
    ("KYIV, March 13 (Reuters) - A drone hit a house in Sumy overnight, wounding three people, regional governor "
     "Ivan Petrenko said on Telegram.", "Reuters", ["Reuters", "Regional governor"]),
    # the chain names a person by the role; a later named person with the same role repeats the source
    ("MAIDUGURI, Nigeria (Reuters) - Insurgents killed 15 farmers near Dikwa on Tuesday, a local militia leader said. "
     "The attackers came on motorcycles, said Musa Kalli, a leader of the Civilian Joint Task Force.",
     "Reuters", ["Reuters", "Local militia leader"]),
    # "told The Associated Press" in an AP report is the outlet itself
    ("PORT-AU-PRINCE, Haiti (AP) - Police fought gang members in Delmas on Tuesday, police spokesman Jean Pierre "
     "told The Associated Press.", "AP", ["AP", "Police Forces of Haiti"]),
    # "according to X cited by Y": Y relayed X
    ("MAPUTO (AFP) - Insurgents beheaded four villagers in Cabo Delgado province, according to local sources cited "
     "by the Cabo Ligado monitoring project.", "AFP", ["AFP", "Cabo Ligado monitoring project", "Local sources"]),
    # "what X said were ...": X labels the target, it does not tell the event
    ("KABUL (Reuters) - Pakistani jets struck what Islamabad said were militant hideouts in Paktika on Tuesday, "
     "killing 15 people, a Taliban spokesman said.", "Reuters", ["Reuters", "Taliban spokesman"]),
    # the government and the military's media wing are sources named for the state
    ("MOGADISHU (AFP) - An air strike killed 14 militants near Jilib on Monday, the Somali government said.", "AFP",
     ["AFP", "Government of Somalia"]),
    ("ISLAMABAD (Reuters) - Troops killed eight militants in a raid in North Waziristan on Wednesday, the military's "
     "media wing said.", "Reuters", ["Reuters", "Military Forces of Pakistan"]),
    # a party that only reacts ("was looking into the report") is left out
    ("GAZA (AFP) - An air strike killed five members of a family in Khan Younis on Wednesday, the civil defence "
     "agency said. The Israeli army said it was looking into the report.", "AFP", ["AFP", "Civil defence agency"]),
])
def test_source_chain_wire_copy(analyse_text, text, source, chain):
    ana = analyse_text(text, source=source)
    out = source_chain(ana, list(range(len(ana.sentences))))
    assert_spans(ana.text, out.spans)
    assert out.chain == chain


@pytest.mark.model
def test_source_chain_participle_after_comma_is_no_speaker(analyse_text):
    text = ("The Kachin rebels said on Sunday they had captured a border post near Lweje, in a statement posted on "
            "their Telegram channel.")
    assert "In a statement" not in _chain(analyse_text, text).chain


@pytest.mark.model
def test_source_chain_group_named_after_a_linked_network(analyse_text):
    text = ("The al-Qaeda-linked Group for the Support of Islam and Muslims (JNIM) said it had killed dozens of "
            "soldiers in an attack on an army post in Djibo on Saturday.")
    out = _chain(analyse_text, text)
    assert out.chain == ["Desk", "JNIM statement"]
    assert out.claimed_by == "JNIM: Group for Support of Islam and Muslims"


@pytest.mark.model
def test_source_chain_the_group_claimed_refers_to_the_named_group(analyse_text):
    ana = analyse_text("Al Shabaab fighters stormed a base in Bariire on Thursday, a military officer said. "
                       "The group claimed responsibility in a statement.", source="Desk")
    out = source_chain(ana, [0])
    assert out.claimed_by == "Al Shabaab"


# ------------------------------------------------------------------ issue 13: wire credits, other languages, the outlet first
@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    # a dateline credit puts the wire right after the outlet, before the sources it quotes
    ("SANAA, Yemen (AP) — An air strike hit a market in Saada on Wednesday, killing 12 people, a health official "
     "said.", ["Desk", "AP", "Health official"]),
    # a byline credit
    ("Press Trust of India | Srinagar\n\nA grenade hit a police post in Sopore on Friday, police said.",
     ["Desk", "Press Trust of India", "Police Forces of India"]),
    # a closing credit
    ("Soldiers were killed when a mine exploded near Djibo on Wednesday, the presidency said, reports AFP.",
     ["Desk", "AFP", "Presidency"]),
    # a present-tense lead in a wire copy still reports the event
    ("BAGHDAD (AP) - An Iraqi security official says a suicide bomber has attacked a market in Sadr City, killing "
     "eight people.", ["Desk", "AP", "Iraqi security official"]),
])
def test_source_chain_the_wire_comes_after_the_outlet(analyse_text, text, chain):
    assert _chain(analyse_text, text).chain == chain


@pytest.mark.model
def test_source_chain_a_later_item_of_a_live_blog_is_not_the_lead(analyse_text):
    text = ("Russian drones hit Odesa overnight, the regional governor said. Rescue work continues. "
            "10:30 - Russia's defence ministry says its air defences downed 40 drones over several regions.")
    assert _chain(analyse_text, text).chain == ["Desk", "Regional governor"]


@pytest.mark.parametrize("text, lang, chain", [
    # "ont indiqué à l'AFP des sources sécuritaires": AFP relays the security sources
    ("Trois soldats ont été tués samedi dans une embuscade, ont indiqué à l'AFP des sources sécuritaires.", "fr",
     ["Desk", "AFP", "Security sources"]),
    # a French ministry with its demonym, in the chain's English
    ("Une frappe a tué deux personnes à Tyr, selon le ministère libanais de la Santé publique.", "fr",
     ["Desk", "Ministry of Public Health (Lebanon)"]),
    # Arabic verb-first attribution with its conjunction, glossed into English
    ("انفجرت عبوة ناسفة في بغداد. وقال مصدر أمني في الشرطة إن العبوة استهدفت دورية.", "ar",
     ["Desk", "Security source in police"]),
    ("قتل شخصان في غارة، حسبما قال مسؤول في الشرطة.", "ar", ["Desk", "Police official"]),
    # a Russian pronoun speaker is the titled person named before; a regional head is a regional governor
    ("Губернатор Курской области Иван Петров попал под обстрел. Об этом он сообщил в своём Telegram-канале.", "ru",
     ["Desk", "Regional governor"]),
    ("Глава ДНР Денис Пушилин сообщил об обстреле Донецка.", "ru", ["Desk", "DPR head"]),
])
def test_source_chain_sources_in_other_languages_in_english(analyse_text, text, lang, chain):
    assert _chain(analyse_text, text, lang=lang).chain == chain


@pytest.mark.model
def test_source_chain_the_source_a_publication_quoted(analyse_text):
    text = ("“The fighters came in trucks but a swift response from the troops put them in disarray,” the publication "
            "quoted a military source as saying.")
    assert _chain(analyse_text, text).chain == ["Desk", "Military source"]


@pytest.mark.model
def test_source_chain_a_place_after_of_is_no_person(analyse_text):
    text = ("A rocket fell near Sderot on Sunday. A spokesperson for the regional council of Shaar Hanegev said it "
            "had caused no damage.")
    assert _chain(analyse_text, text).chain[-1] == "Spokesperson for the regional council of Shaar Hanegev"
