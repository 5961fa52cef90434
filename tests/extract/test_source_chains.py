"""Attribution chains across an event's sentences (issue 5): later sources, relays, group media,
anonymity, acronyms, denials and agency names in other scripts. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.sources import source_chain
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
