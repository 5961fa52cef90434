"""A source the report cites away from the event's sentences (issue 13, source chain lenient): when the
event's own sentences and the two after them cite nobody, the first institutional source of the report
outside another incident's account is the primary source. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.according.source_credits import source_like
from eventcoder.extract.according.sources import source_chain
from tests.conftest import assert_spans


def _chain(analyse_text, text, event_sentences=(0,)):
    ana = analyse_text(text, source="Desk", lang="en")
    out = source_chain(ana, list(event_sentences))
    assert_spans(ana.text, out.spans)
    return out.chain


@pytest.mark.model
def test_a_source_told_further_down_is_the_primary_source(analyse_text):
    text = ("A bomb tore through a crowded market in Gwoza on Saturday, killing six traders. "
            "The blast destroyed several stalls. "
            "Shops stayed shut on Sunday. "
            "Speaking to reporters, the state police commissioner said the bomber was a young woman.")
    chain = _chain(analyse_text, text)
    assert chain[0] == "Desk" and len(chain) == 2 and "police" in chain[1].lower()


@pytest.mark.model
def test_another_incidents_source_is_not_taken(analyse_text):
    text = ("A bomb tore through a crowded market in Gwoza on Saturday, killing six traders. "
            "The blast destroyed several stalls. "
            "Shops stayed shut on Sunday. "
            "Separately, gunmen killed two farmers in Bama, the army said.")
    assert _chain(analyse_text, text) == ["Desk"]


@pytest.mark.model
def test_a_source_near_the_event_still_wins(analyse_text):
    text = ("A bomb tore through a crowded market in Gwoza on Saturday, killing six traders, residents said. "
            "The blast destroyed several stalls. "
            "Shops stayed shut on Sunday. "
            "The state police commissioner later said the bomber was a young woman.")
    assert _chain(analyse_text, text)[:2] == ["Desk", "Residents"]


@pytest.mark.model
@pytest.mark.parametrize("name, ok", [
    ("police spokesman", True),
    ("the UN mission", True),
    ("26", False),                                  # a number is no source
    ("Wickremesinghe", False),                      # a lone surname, told without a title
    ("FGE que previó al", False),                   # a clause fragment
])
def test_a_far_source_must_look_like_one(analyse_text, name, ok):
    ana = analyse_text("Police said nothing.", lang="en")
    assert source_like(ana, name) is ok


@pytest.mark.model
def test_the_account_of_an_earlier_scene_is_not_taken(analyse_text):
    text = ("Two men were killed in a clash over a bus terminal in Bogura on Monday, police said. "
            "In Savar, hundreds of garment workers formed a human chain to demand unpaid wages. "
            "The protest ended peacefully.")
    assert _chain(analyse_text, text, event_sentences=(1,)) == ["Desk"]  # the account before told the clash


@pytest.mark.model
def test_a_source_before_the_event_told_another_event(analyse_text):
    text = ("Fighting between two militias in Zawiya killed three fighters, a hospital source said. "
            "Residents posted videos of burning cars. "
            "On Tuesday, the two groups signed a ceasefire brokered by tribal elders.")
    assert _chain(analyse_text, text, event_sentences=(2,)) == ["Desk"]


@pytest.mark.model
@pytest.mark.parametrize("text, source", [
    # a medium described by an apposition keeps its own name
    ("According to Lake Watch, a publication focused on the region, gunmen killed four farmers in Bama on Monday.",
     "Lake Watch"),
    # a person described by an apposition is named by the role
    ("Gunmen killed four farmers in Bama on Monday, said Musa Bello, a police spokesman.",
     "Police Forces of Nigeria"),
])
def test_an_apposition_names_a_medium_or_a_role(analyse_text, text, source):
    assert _chain(analyse_text, text)[1] == source


@pytest.mark.model
def test_an_event_that_claims_lives_is_no_source(analyse_text):
    text = ("Tragic Rocket Attack Claims Four Lives in Borno\u2019s Gwoza Area\n\nNIGERIA \u2013Four traders have been "
            "killed in Borno\u2019s Gwoza area after a rocket hit a market, according to witnesses.")
    ana = analyse_text(text, source="Desk", lang="en")
    chain = source_chain(ana, list(range(len(ana.sentences)))).chain
    assert chain == ["Desk", "Witnesses"]
