"""Issue 13: people and offices reports cite (sentences written for these tests): villagers, farmers and
locals are sources ("The villager said ..."), "with reference to X" cites X as "according to X" does, and
an office named by its holder keeps the holder ("the General Prosecutor's Office")."""
from __future__ import annotations

import pytest

from eventcoder.extract.according.source_mentions import shorten
from eventcoder.extract.according.sources import source_chain


@pytest.mark.model
@pytest.mark.parametrize("text, second", [
    ("The villager said that a monk and eight civilians were killed in the air strike.", "Villager"),
    ("Locals said that gunmen burned four houses in the village.", "Residents"),
])
def test_villagers_and_locals_are_sources(analyse_text, text, second):
    assert source_chain(analyse_text(text, source="Desk"), [0]).chain == ["Desk", second]


@pytest.mark.model
def test_with_reference_to_cites_the_office(analyse_text):
    text = "The death toll of the missile strike on the city has reached ten, with reference to the city police."
    chain = source_chain(analyse_text(text, source="Desk"), [0]).chain
    assert len(chain) == 2 and "police" in chain[1].lower()


@pytest.mark.parametrize("phrase, name", [
    ("the General Prosecutor's Office", "General Prosecutor's Office"),
    ("the Prime Minister's Office", "Prime Minister's Office"),
    ("Iraq's Anbar province police", "Anbar province police"),
])
def test_an_office_keeps_its_holder(phrase, name):
    assert shorten(phrase) == name
