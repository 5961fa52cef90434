"""Issue 18: Spanish names of state forces follow the state of the event (sentences written for
these tests): "Guardia Nacional" is Venezuela's in Venezuela and Mexico's in Mexico."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.pipeline import code_text


@pytest.mark.parametrize("place, actor", [
    ("Maracay, Venezuela", "Military Forces of Venezuela (2013-) National Guard"),
    ("Culiacán, Sinaloa", "Military Forces of Mexico (2024-) National Guard"),
])
def test_guardia_nacional_is_the_event_states(place, actor):
    text = (f"MARACAY, 10 mar. 2025. La Guardia Nacional se enfrentó con una banda armada en {place}; "
            "murieron dos delincuentes.")
    main = [e for e in code_text(text, published=dt.date(2025, 3, 12)) if e.main]
    assert main and main[0].actor1 == actor
