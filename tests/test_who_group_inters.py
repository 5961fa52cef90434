"""Issue 13: the inter code of a named group follows ACLED's coding of that group (sentences written
for these tests): CODECO is a political militia (3), the Syrian National Army a rebel group (2)."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.who.actors import find_actors


@pytest.mark.parametrize("text, country, name, inter", [
    ("CODECO militiamen attacked a camp for displaced people.", "Democratic Republic of Congo",
     "CODECO: Cooperative for Development of Congo", 3),
    ("Fighters of the Syrian National Army shelled a village.", "Syria", "SNA: Syrian National Army", 2),
])
def test_group_inter_is_acleds(analyse_text, text, country, name, inter):
    found = [m for m in find_actors(analyse_text(text), country, dt.date(2025, 3, 1)) if m.name == name]
    assert found and found[0].inter == inter
