"""Russian lemmas (pymorphy3) for the gazetteer and lexicons: words written for these tests."""
import pytest

from eventcoder import morph

pytestmark = pytest.mark.skipif(not morph.available(), reason="pymorphy3 is not installed")


@pytest.mark.parametrize("words, expected", [
    (["Кривом", "Роге"], "кривой рог"),          # adjective agrees with the noun's gender
    (["Белой", "Церкви"], "белая церковь"),
    (["Набережных", "Челнах"], "набережные челны"),  # a plural-only name stays plural
    (["Марганце"], "марганец"),
    (["Махачкале"], "махачкала"),
    (["Донецкой", "области"], "донецкая область"),
])
def test_ru_place_forms_nominative(words, expected):
    assert morph.ru_place_forms(words)[0] == expected


def test_ru_place_forms_single_adjective_is_no_town():
    assert "нагорный" not in morph.ru_place_forms(["Нагорном"])


@pytest.mark.parametrize("word, function", [("Она", True), ("Ранее", True), ("При", True), ("Погибли", True),
                                            ("Херсоне", False), ("Дома", False)])
def test_ru_function_words(word, function):
    assert morph.ru_function_word(word) is function


def test_ru_lemma():
    assert morph.ru_lemma("погибли") == "погибнуть"
    assert morph.ru_lemma("пятерых") == "пятеро"


def test_inflected_two_word_town_is_found():
    from eventcoder.gazetteer import get_gazetteer
    from eventcoder.gazetteer.mentions import scan

    found = scan("Вечером в Кривом Роге прогремели взрывы.", get_gazetteer(), "ru")
    assert [m.candidates[0].name for m in found if m.candidates] == ["Kryvyi Rih"]


@pytest.mark.parametrize("cyrillic, latin", [
    ("Кызыл-Булак", "Kyzyl-Bulak"),        # hyphenated parts keep their capitals
    ("Новый Ерик", "Novyy Yerik"),         # ый -> yy; е at a word's start -> ye
    ("Соловьёвка", "Solovyevka"),          # soft sign dropped; ё after it -> ye
    ("Тихое", "Tikhoye"),                  # е after a vowel -> ye; х -> kh
    ("Kafr Tal", "Kafr Tal"),              # another script unchanged
])
def test_ru_latin_spells_an_unlisted_place_as_acled_does(cyrillic, latin):
    assert morph.ru_latin(cyrillic) == latin
