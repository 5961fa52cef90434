"""Issue 13: a source told only by a pronoun ("He said earlier that ...", "a-t-il précisé",
"написал он") is the source the report cited last before. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.according.sources import source_chain


@pytest.mark.model
def test_he_said_is_the_governor_cited_before(analyse_text):
    text = ("A farmer died after a drone attack on a village, the region's governor, Ivan Petrov, said. "
            "The governor offered his condolences to the family. "
            "He said earlier that two guards had been wounded in a mortar attack on the village of Sosnovka.")
    ana = analyse_text(text, source="Desk")
    chain = source_chain(ana, [2]).chain
    assert chain[0] == "Desk" and len(chain) == 2 and "governor" in chain[1].lower()


def test_a_t_il_precise_is_the_spokesman_cited_before(analyse_text):
    text = ("Deux obus sont tombés sur le marché, selon le porte-parole de la police. "
            "Un troisième obus a touché une école dans la nuit, a-t-il précisé.")
    ana = analyse_text(text, source="Desk", lang="fr")
    chain = source_chain(ana, [1]).chain
    assert chain[0] == "Desk" and len(chain) == 2 and "police" in chain[1].lower()


@pytest.mark.model
def test_a_pronoun_with_no_source_before_cites_no_one(analyse_text):
    ana = analyse_text("The market was quiet on Monday. He said two guards had been wounded in a mortar attack.",
                       source="Desk")
    assert source_chain(ana, [1]).chain == ["Desk"]
