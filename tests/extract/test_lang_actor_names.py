"""Issue 18: Spanish names of state forces (sentences written for these tests): "Guardia Nacional" is
Venezuela's in Venezuela and Mexico's in Mexico; bare "Carabineros" keep their body's name."""
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


def test_bare_carabineros_keep_their_body_name():
    text = ("SANTIAGO, 10 mar. 2025. Carabineros dispersaron con gases lacrimógenos a los manifestantes "
            "en Santiago de Chile.")
    main = [e for e in code_text(text, published=dt.date(2025, 3, 12)) if e.main]
    assert main and main[0].actor2 == "Police Forces of Chile (2022-) Carabineros"
