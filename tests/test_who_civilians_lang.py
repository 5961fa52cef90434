"""Issue 13: civilians named the everyday way in Russian and Arabic reports ("два мирных жителя",
"пенсионерка", "رجل وامرأة"), so that a strike's victims are its actor2. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.extract.who import actor_dictionary as dic
from eventcoder.pipeline import code_text


@pytest.mark.parametrize("text, word", [
    ("Ранены два мирных жителя.", "мирных жителя"),
    ("Погибла пенсионерка.", "пенсионерка"),
    ("Пострадали трое местных жителей.", "местных жителей"),
    ("أسفر القصف عن مقتل رجل وامرأة.", "امرأة"),
    ("أصيب طفل بجروح.", "طفل"),
])
def test_everyday_victims_are_civilians(text, word):
    hits = {text[m.start:m.end]: m.entry.kind for m in dic.match_phrases(text)}
    assert hits.get(word) == "civilians", hits


def test_a_russian_drone_strikes_wounded_residents_are_its_target():
    text = ("БЕЛГОРОД, 10 марта 2025. Украинские войска атаковали центр Белгорода беспилотником. "
            "Ранены два мирных жителя, сообщил губернатор.")
    main = [e for e in code_text(text, published=dt.date(2025, 3, 12), lang="ru") if e.main]
    assert main and main[0].actor2 == "Civilians (Russia)"
