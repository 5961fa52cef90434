"""Issue 18: names of state forces in Spanish and Russian (sentences written for these tests):
"Guardia Nacional" is Venezuela's in Venezuela and Mexico's in Mexico; bare "Carabineros" keep their
body's name; Russian border guards ("пограничники") are the state's Border Service."""
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


def test_russian_border_guards_are_the_border_service():
    text = ("Бишкек, 10 марта 2025. Пограничники Кыргызстана вступили в перестрелку с вооруженными "
            "контрабандистами у села Кок-Таш Баткенской области; погиб один контрабандист.")
    main = [e for e in code_text(text, published=dt.date(2025, 3, 12)) if e.main]
    assert main and main[0].actor1 == "Military Forces of Kyrgyzstan (2021-) Border Service"
