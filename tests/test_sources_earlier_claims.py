"""Issue 13: a claim the report recalls for an earlier attack ("an attack on the shrine in October 2022, claimed
by ISIS", "some of the attacks were claimed by ...") is not this event's claim, so its group does not become
the perpetrator of an unclaimed attack. Sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.extract.according.sources import source_chain


@pytest.mark.parametrize("second, claimed", [
    ("An attack on the same shrine in October 2022, claimed by the Islamic State group, killed 13 people.", None),
    ("The shrine was the target of an attack last year claimed by the Islamic State group.", None),
    ("Some of the attacks were claimed by the Islamic State group.", None),
    ("The attack was claimed by the Islamic State group.", "Islamic State"),
])
def test_only_this_events_claim(analyse_text, second, claimed):
    text = "Gunmen opened fire on worshippers at a shrine in Shiraz, Iran, on Sunday, killing two people. " + second
    out = source_chain(analyse_text(text, published="2024-08-14", source="Desk"), [0])
    assert (out.claimed_by or "").startswith(claimed or "") and (claimed is not None) == bool(out.claimed_by)
