"""Issue 18: Russian names and places (sentences written for these tests): a person's first name and
surname is no place, even where one of the words is also a town's name; "Белгородской области" is the
region, not its capital city."""
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
    text = "На встрече в районе выступил Ахмед Хасан, глава общины. Позже начался обстрел Белгорода."
    names = [m.text for m in scan(text, get_gazetteer(), "ru")]
    assert "Белгорода" in names
    assert not any("Хасан" in n for n in names)


@needs_morph
@pytest.mark.parametrize("phrase", ["Белгородской области", "Курской области"])
def test_region_adjective_before_oblast_is_the_region(phrase):
    text = f"Из-за обстрелов {phrase} погибли два жителя."
    found = [m for m in scan(text, get_gazetteer(), "ru") if m.text == phrase.split()[0]]
    assert found and all(c.kind == "admin1" for c in found[0].candidates)
