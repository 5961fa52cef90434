"""Issue 18: a missile named with its side or kind is the act itself in French and Spanish, even in a
relative clause far from its verb (sentences written for these tests)."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.pipeline import code_text


@pytest.mark.parametrize("text", [
    "PARIS, 10 mars 2025. Un missile russe qui a touché un immeuble d'Odessa mardi a fait cinq morts.",
    "PARIS, 10 mars 2025. Le missile russe qui a frappé un marché d'Odessa mardi a tué cinq personnes.",
    "MADRID, 10 mar. 2025. Un misil ruso que cayó sobre un edificio de Odesa el martes dejó cinco muertos.",
])
def test_named_missile_is_a_missile_attack(text):
    main = [e for e in code_text(text, published=dt.date(2025, 3, 12)) if e.main]
    assert main and main[0].sub_event_type == "Shelling/artillery/missile attack"
    assert main[0].location == "Odesa" and main[0].fatalities == 5
