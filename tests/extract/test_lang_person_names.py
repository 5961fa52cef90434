"""Issue 18: a person's first name and surname in Russian is no place, even where one of the words
is also a town's name (sentences written for these tests)."""
from __future__ import annotations

import pytest

from eventcoder import morph
from eventcoder.gazetteer import get_gazetteer
from eventcoder.gazetteer.mentions import scan

needs_morph = pytest.mark.skipif(not morph.available(), reason="pymorphy3 is not installed")


@needs_morph
@pytest.mark.parametrize("words, person", [
    (["Ахмеда", "Хасана"], True), (["Ивана", "Петрова"], True),
    (["Кривом", "Роге"], False), (["Белой", "Церкви"], False), (["Хасан"], False),
])
def test_person_name_pairs(words, person):
    assert morph.ru_person_name(words) is person


@needs_morph
def test_person_name_is_no_place():
    text = "Тело погибшего пограничника, уроженца района Ахмеда Хасана, похоронено. Обстрел Белгорода."
    names = [m.text for m in scan(text, get_gazetteer(), "ru")]
    assert "Белгорода" in names
    assert not any("Хасан" in n for n in names)
