"""Issue 13: a mob's target is the people it set on (Civilians), not the police that came to disperse it or
that told of it; police the mob attacked stay its target. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.pipeline import code_text


@pytest.mark.parametrize("text, actor2", [
    ("NAIROBI, March 10, 2025 - An angry mob lynched a suspected thief in Kariba village on Friday. Police later "
     "dispersed the crowd and took the body to the mortuary.", "Civilians (Kenya)"),
    ("NAIROBI, March 10, 2025 - A mob stoned a suspected thief to death in Kariba village on Friday, police said.",
     "Civilians (Kenya)"),
    ("NAIROBI, March 10, 2025 - A mob stoned two police officers in Kariba village on Friday, injuring both.",
     "Police Forces of Kenya (2022-)"),
])
def test_a_mobs_target(text, actor2):
    main = [e for e in code_text(text, published=dt.date(2025, 3, 12)) if e.main]
    assert main and main[0].sub_event_type == "Mob violence" and main[0].actor2 == actor2
