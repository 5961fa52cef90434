"""Issue 13: a state target told again in a later sentence ("The jawan was killed") keeps the unit that the
event's trigger sentence names for it ("a jawan of the District Reserve Guard"). Sentences written for
these tests."""
from __future__ import annotations

import datetime as dt

from eventcoder.pipeline import code_text


def test_the_targets_unit_from_the_trigger_sentence():
    text = ("RAIPUR, March 10, 2025 - An improvised explosive device planted by Maoists went off on Monday in the "
            "Indravati forest of Bijapur district, where a jawan of the District Reserve Guard (DRG) was on patrol. "
            "The jawan was killed on the spot.")
    main = [e for e in code_text(text, published=dt.date(2025, 3, 12)) if e.main]
    assert main and main[0].actor2 == "Police Forces of India (2024-) District Reserve Guard"
