"""Source chains, claims of responsibility and denials (codebook §6)."""
from __future__ import annotations

import pytest

from eventcoder.extract.according.sources import shorten, source_chain
from tests.conftest import assert_spans


@pytest.mark.parametrize("phrase, gist", [
    ("a source within the security forces of Iraq’s Anbar province",
     "source within the security forces of Anbar province"),
    ("the provincial governor", "provincial governor"),
    ("two witnesses", "witnesses"),
    ("ISNA news agency", "ISNA"),
])
def test_sources_shorten_keeps_the_gist(phrase, gist):
    assert shorten(phrase) == gist


@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    ("According to Saba news agency, citing a source within the security forces of Yemen’s Marib province, "
     "a drone hit a checkpoint.",
     ["Desk", "Saba news agency", "Source within the security forces of Marib province"]),
    ("A bomb exploded at a market in Kabul, a police spokesman told Reuters.",
     ["Desk", "Reuters", "Police Forces of Afghanistan"]),  # the place tells the country
    ("The Kharkiv Observatory reported, citing hospital doctors, that a shell killed two people.",
     ["Desk", "Kharkiv Observatory", "Hospital doctors"]),
    ("A war monitor said the blast killed six people in Idlib.", ["Desk", "War monitor"]),
    ("Gunmen shot dead a trader in Kano, Nigerian police said.", ["Desk", "Police Forces of Nigeria"]),
    ("Gunmen shot dead a trader in Kano, police said.", ["Desk", "Police Forces of Nigeria"]),
    ("Gunmen shot dead a trader, police said.", ["Desk", "Police"]),  # no country: the words stay
])
def test_sources_chain_in_citation_order(analyse_text, text, chain):
    ana = analyse_text(text, source="Desk")
    out = source_chain(ana, [0])
    assert out.chain == chain
    assert_spans(ana.text, out.spans)


@pytest.mark.model
def test_sources_attribution_in_the_next_sentence(analyse_text):
    ana = analyse_text("Five people died when a shell hit a bus station in Donetsk. "
                       "The city's mayor said rescuers were still searching the rubble.", source="Desk")
    assert source_chain(ana, [0]).chain == ["Desk", "City's mayor"]


@pytest.mark.parametrize("text, lang, expected", [
    ("По данным ИНТЕРФАКС, беспилотник атаковал нефтебазу.", "ru", "ИНТЕРФАКС"),
    ("وقال مصدر أمني نقلا عن وكالة الأنباء إن طائرة مسيرة قصفت سيارة.", "ar", "وكالة الأنباء"),
    ("Selon l'armée malienne, les terroristes ont attaqué un poste.", "fr", "Military Forces of Mali"),
    ("Trois civils ont été tués lundi, ont indiqué mardi des sources sécuritaires.", "fr", "Security sources"),
    ("قتل ثلاثة مدنيين في قصف على السوق، وفق شهود عيان.", "ar", "Eyewitnesses"),
])
def test_sources_agency_names_in_other_scripts(analyse_text, text, lang, expected):
    ana = analyse_text(text, source="Outlet", lang=lang)
    out = source_chain(ana, [0])
    assert out.chain[0] == "Outlet"
    assert any(expected in c for c in out.chain[1:]), out.chain


@pytest.mark.model
@pytest.mark.parametrize("text, claimed_by", [
    ("A suicide bomber struck a police station in Mogadishu. Al-Shabaab claimed responsibility for the attack.",
     "Al Shabaab"),
    ("The BLA said it carried out the attack on the convoy near Turbat.", "BLA: Baloch Liberation Army"),
    ("The bombing in Kabul was claimed by ISKP through its Amaq agency.", "Islamic State (Afghanistan)"),
    ("A roadside bomb killed two soldiers. No group claimed responsibility.", None),
    ("Residents suspected the TTP, but no group has claimed the attack.", None),
])
def test_sources_claims_of_responsibility(analyse_text, text, claimed_by):
    ana = analyse_text(text, source="Desk")
    out = source_chain(ana, [0])
    assert out.claimed_by == claimed_by
    if claimed_by:
        assert out.claim_span is not None
        assert_spans(ana.text, [out.claim_span])


@pytest.mark.model
def test_sources_denial(analyse_text):
    ana = analyse_text("A drone struck a market in Yei. The SPLM-IO denied any involvement.", source="Desk")
    assert source_chain(ana, [0]).denied_by == "SPLM/A-IO: Sudan People's Liberation Movement/Army in Opposition"


@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    # "the same source" is not a new element
    ("According to Mehr news agency, citing a source within the provincial police, a bomb hit a bus in Zahedan. "
     "The same source said nine people died.",
     ["Desk", "Mehr news agency", "Source within the provincial police"]),
    # a chain of three attributions: outlet, agency, original source
    ("Sputnik reported, citing the Interfax agency, which quoted a local governor, that a drone hit a depot in Kursk.",
     ["Desk", "Sputnik", "Interfax agency", "Local governor"]),
    # one speaker named twice (title first, then the name) stays one element
    ("Two traders were shot dead in Maiduguri, the district commissioner told reporters. "
     "\"They were unarmed,\" commissioner Abba Musa Kolo said.",
     ["Desk", "District commissioner"]),
    # two coordinated sources become two elements
    ("Residents and a local administrator said a mortar round hit a school in Beni.",
     ["Desk", "Residents", "Local administrator"]),
])
def test_sources_chain_without_repeats(analyse_text, text, chain):
    ana = analyse_text(text, source="Desk")
    out = source_chain(ana, list(range(len(ana.sentences))))
    assert out.chain == chain
    assert_spans(ana.text, out.spans)


@pytest.mark.model
@pytest.mark.parametrize("text, claimant", [
    ("A mortar round hit the airport in Mogadishu on Monday. Al Shabaab said in a statement on its radio "
     "station that it had targeted the base.", "Al Shabaab"),
    ("Fighters stormed a post near Kidal on Monday, killing two soldiers. The JNIM said on its Telegram "
     "channel that its fighters had attacked the post.", "JNIM: Group for Support of Islam and Muslims"),
])
def test_sources_a_statement_about_its_own_act_is_a_claim(analyse_text, text, claimant):
    from eventcoder.extract.according.sources import source_chain
    ana = analyse_text(text)
    assert source_chain(ana, [0]).claimed_by == claimant


@pytest.mark.model
def test_sources_claim_uses_the_country_of_the_places(analyse_text):
    from eventcoder.extract.according.sources import source_chain
    ana = analyse_text("Insurgents beheaded three villagers near Macomia in Cabo Delgado. The Islamic State claimed "
                       "the attack. Rwandan troops and Rwandan police have been deployed in the area since 2021.")
    assert source_chain(ana, [0]).claimed_by == "Islamic State Mozambique Province"


@pytest.mark.model
def test_sources_the_group_later_claimed_it(analyse_text):
    ana = analyse_text("Boko Haram fighters attacked a village in Borno state on Sunday, killing 20 farmers, a local "
                       "official said. The group later claimed the attack in a statement.")
    assert source_chain(ana, [0]).claimed_by == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


@pytest.mark.model
def test_sources_a_separate_incident_in_the_event_sentences_is_not_its_source(analyse_text):
    ana = analyse_text("Al Shabaab said it carried out a bombing in Baidoa on Monday that killed six people. "
                       "Separately, Somali troops killed 10 militants in Lower Shabelle on Tuesday, the army said.")
    chain = source_chain(ana, [0, 1])
    assert chain.chain == ["Al Shabaab statement"]
    assert chain.claimed_by == "Al Shabaab"


@pytest.mark.parametrize("text, lang, expected", [
    # a listed wording with a qualifying tail
    ("Trois civils ont été tués lundi, selon des sources sécuritaires citées par la presse locale.", "fr",
     "Security sources"),
    # a listed name of three words or more inside a longer wording
    ("قتل خمسة مدنيين في قصف جوي على ريف إدلب، بحسب ما أفاد المرصد السوري لحقوق الإنسان.", "ar",
     "Syrian Observatory for Human Rights"),
    ("Как сообщил собственный источник в правоохранительных органах, беспилотник атаковал автобус.", "ru",
     "Law enforcement source"),
])
def test_sources_listed_wordings_inside_longer_source_phrases_get_their_english_name(analyse_text, text, lang,
                                                                                       expected):
    out = source_chain(analyse_text(text, source="Outlet", lang=lang), [0])
    assert expected in out.chain[1:], out.chain
