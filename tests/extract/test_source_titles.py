"""A collective source ("officials said") followed by the official the report names with a title
keeps both, the titled official after it; a first name the tagger left out of the person is no
part of the title. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.according import source_titles as titles
from eventcoder.extract.according.source_phrases import strip_first_name
from eventcoder.extract.according.sources import source_chain


@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    ("A suicide bomber struck a police checkpoint near Jamrud on Tuesday, killing ten people, officials said. "
     "The bomber rammed a motorcycle into the checkpoint, local government official Ahmad Zaman told Reuters.",
     ["Desk", "Officials", "Local government official"]),
    # one of the same officials says nothing more specific
    ("A suicide bomber struck a police checkpoint near Jamrud on Tuesday, killing ten people, security officials "
     "said. The bomber rammed a motorcycle into the checkpoint, a security official said.",
     ["Desk", "Security officials"]),
])
def test_a_titled_official_follows_the_collective(analyse_text, text, chain):
    ana = analyse_text(text, source="Desk")
    assert source_chain(ana, [0]).chain == chain


@pytest.mark.parametrize("title, out", [
    ("Regional governor Oleksandr", "Regional governor"),
    ("police chief Ali", "police chief"),
    ("spokesman for the Interior Ministry", "spokesman for the Interior Ministry"),
    ("Kabul police spokesman", "Kabul police spokesman"),
])
def test_strip_first_name(title, out):
    assert strip_first_name(title) == out


@pytest.mark.parametrize("chain, name, at", [
    (["Desk", "Officials", "Reuters"], "local government official", 1),
    (["Desk", "Officials", "Witnesses"], "local government official", None),
    (["Desk", "Security officials"], "security official", None),
    (["Desk", "Residents"], "regional governor", None),
])
def test_collective_to_replace(chain, name, at):
    assert titles.collective_to_replace(chain, name) == at


@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    ("Insurgents killed five fishermen near Mucojo on Tuesday, according to a report in Wednesday's issue of the "
     "independent weekly \"Zambeze Today\".", ["Desk", "Zambeze Today"]),
    ("Gunmen killed five farmers near Kutum on Tuesday, according to a new report by Human Rights Watch on the "
     "attacks.", ["Desk", "Human Rights Watch"]),
    ("Gunmen killed five farmers near Kutum on Tuesday, according to reports.", ["Desk"]),
])
def test_the_medium_of_a_report(analyse_text, text, chain):
    ana = analyse_text(text, source="Desk")
    assert source_chain(ana, [0]).chain == chain


@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    # a rank alone is no office: the apposition names it
    ("Three soldiers were killed in an ambush in Cawayan on Friday, Senior Inspector Maria Cruz, Bicol police "
     "spokesperson, said.", ["Desk", "Bicol police spokesperson"]),
])
def test_the_office_behind_a_rank(analyse_text, text, chain):
    ana = analyse_text(text, source="Desk")
    assert source_chain(ana, [0]).chain == chain


def test_a_headline_after_the_source_is_no_part_of_it():
    from eventcoder.extract.according.source_mentions import shorten

    assert shorten("Afghan official: Kabul mosque bombed, 2 dead") == "Afghan official"
    assert shorten("ISNA news agency") == "ISNA"


@pytest.mark.model
@pytest.mark.parametrize("text, chain", [
    ("Residents lynched two men in Soledad on Sunday, officials said.\n\nSource: Diario Veracruzano (sp)",
     ["Desk", "Diario Veracruzano", "Officials"]),
    ("Police fired tear gas at protesters in Nairobi on Tuesday, Reuters reported.\n\n"
     "Source: News 24 June 25, 2024 20:11 UTC", ["Desk", "News 24", "Reuters"]),
    ("BELGRADE, March 1. /tass/. Thousands of students rallied in Belgrade on Saturday.", ["Desk", "TASS"]),
])
def test_credit_lines(analyse_text, text, chain):
    ana = analyse_text(text, source="Desk")
    assert source_chain(ana, [0]).chain == chain
