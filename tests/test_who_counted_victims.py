"""Issue 13: a force's member named inside a count of the dead ("killed five people, including a soldier")
is one of the victims, not the target: actor2 is Civilians, unless the attack was aimed at the force
("struck a police check-post, killing 16 people, including four policemen"). Sentences written for these
tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.pipeline import code_text


@pytest.mark.parametrize("text, actor2", [
    ("N'DJAMENA, March 10, 2025 - A suicide bomber killed five people, including a soldier, when she blew herself "
     "up at a market in the town of Bol in Chad's Lac province on Wednesday, local officials said.",
     "Civilians (Chad)"),
    ("PESHAWAR, March 10, 2025 - A suicide bomber struck a police check-post in Bannu on Monday, killing 16 people, "
     "including four policemen, officials said.", "Police Forces of Pakistan (2024-)"),
])
def test_a_member_counted_among_the_dead(text, actor2):
    main = [e for e in code_text(text, published=dt.date(2025, 3, 12)) if e.main]
    assert main and main[0].actor2 == actor2
