"""Source patterns of the fifth accuracy session (issue 13). Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.according.sources import source_chain


@pytest.mark.model
@pytest.mark.parametrize("text, second", [
    # a closing speaker given by title, then name in apposition: the title is the source
    ("A guard died after a mortar attack, the province's governor, Ivan Petrov, said.", "governor"),
    ("Two houses burned after the shelling, the district mayor, Olena Bondar, said.", "mayor"),
])
def test_a_closing_speaker_named_by_title_then_name(analyse_text, text, second):
    ana = analyse_text(text, source="Desk")
    chain = source_chain(ana, [0]).chain
    assert chain[0] == "Desk" and len(chain) == 2 and second in chain[1].lower()


@pytest.mark.model
def test_a_place_then_a_name_is_no_title(analyse_text):
    ana = analyse_text("A man was shot dead in the market of Kharkiv, Ivan Petrov, said.", source="Desk")
    assert not any("kharkiv" in c.lower() for c in source_chain(ana, [0]).chain[1:])


@pytest.mark.model
@pytest.mark.parametrize("text, medium", [
    ("According to reports from the \u201cDaily Lantern\u201d website, a grenade wounded two traders at a market.",
     "Daily Lantern website"),
    ("According to reports in local media, gunmen killed ten men near the market.", "Local media"),
    ("Gunmen killed ten men near the market, according to a report on state television.", "State television"),
])
def test_reports_in_a_medium_cite_that_medium(analyse_text, text, medium):
    ana = analyse_text(text, source="Desk")
    assert source_chain(ana, [0]).chain == ["Desk", medium]


@pytest.mark.model
def test_bare_reports_cite_no_one(analyse_text):
    ana = analyse_text("According to reports, gunmen killed ten men near the market.", source="Desk")
    assert source_chain(ana, [0]).chain == ["Desk"]


@pytest.mark.model
@pytest.mark.parametrize("text, agency", [
    # a body that opens on the bracketed agency with no dash after it
    ("Riverton (AP) Gunmen attacked a bus station on Sunday, killing three people.", "AP"),
    ("Bus station attack leaves three dead\n\n (AP) Gunmen attacked a bus station on Sunday.", "AP"),
    # a credit line under the headline: the agency's news brand, a broadcaster
    ("Bus station attack leaves three dead\n\nAP News\nPosted: May 02\n\nGunmen attacked a bus station.", "AP"),
    ("Bus station attack leaves three dead\nAl Jazeera\nGunmen attacked a bus station on Sunday.", "Al Jazeera"),
    # an agency cited at the close: Portugal's wire
    ("Gunmen attacked a bus station on Sunday, killing three people, Lusa reported.\n", "Lusa"),
    # a byline: the agency, then the place it filed from
    ("Bus station attack leaves three dead\n\nImage\nAFP Riverton (Freedonia)\nUpdated: May 02\nGunmen attacked a bus.", "AFP"),
])
def test_the_medium_a_report_is_credited_to(analyse_text, text, agency):
    from eventcoder.extract.according.source_credits import wire_agency

    found = wire_agency(analyse_text(text, source="Desk"))
    assert found is not None and found[0] == agency


@pytest.mark.model
def test_a_party_acronym_in_brackets_is_no_credit(analyse_text):
    from eventcoder.extract.according.source_credits import wire_agency

    ana = analyse_text("Members of the Alliance Party (AP) marched in the capital on Sunday.", source="Desk")
    assert wire_agency(ana) is None


@pytest.mark.model
@pytest.mark.parametrize("text", [
    'Gunmen shot dead four herders on Monday, according to a report in the weekly "Hill Lantern". '
    "On Thursday, gunmen burned two huts in another village.",
    "Police fired tear gas at marchers in the capital, the Valley Times reported. "
    "Later that day, marchers threw stones at a bus.",
])
def test_an_event_told_without_a_source_is_the_relayed_mediums(analyse_text, text):
    ana = analyse_text(text, source="Desk")
    assert source_chain(ana, [1]).chain[1] in ("Hill Lantern", "Valley Times")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Police fired tear gas at marchers in the capital, witnesses reported. Later that day, marchers threw stones at a bus.",
    "Police fired tear gas at marchers in the capital, the governor said. Later that day, marchers threw stones at a bus.",
])
def test_no_medium_no_borrowed_source(analyse_text, text):
    ana = analyse_text(text, source="Desk")
    assert source_chain(ana, [1]).chain == ["Desk"]


@pytest.mark.model
@pytest.mark.parametrize("text, role", [
    ("Gunmen burned the market on Sunday, said Ivan Petrov, 34, wearing a grey coat.", None),
    ("Soldiers fired on the marchers, said Olena Bondar, 41, a teacher.", "teacher"),
])
def test_an_age_in_apposition_is_no_source(analyse_text, text, role):
    chain = source_chain(analyse_text(text, source="Desk"), [0]).chain
    assert not any(c.strip().isdigit() for c in chain)
    assert role is None or any(role in c.lower() for c in chain[1:])


@pytest.mark.model
def test_a_wire_that_relays_is_not_yet_the_account(analyse_text):
    # the agency only carried the story: the residents who speak next are its first source
    text = "Gunmen killed twelve villagers on Sunday, AFP reported. Residents said the attackers came on motorbikes."
    assert source_chain(analyse_text(text, source="Desk"), [0, 1]).chain == ["Desk", "AFP", "Residents"]


@pytest.mark.model
def test_a_witness_after_the_police_adds_colour(analyse_text):
    text = "Gunmen killed twelve villagers on Sunday, police said. Residents said the attackers came on motorbikes."
    chain = source_chain(analyse_text(text, source="Desk"), [0, 1]).chain
    assert len(chain) == 2 and "Residents" not in chain
