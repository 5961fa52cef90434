"""parse_number: digits, number words in five languages and the vague-quantifier conventions."""
import pytest

from eventcoder.extract.numbers import find_numbers, parse_number


@pytest.mark.parametrize("text,lang,value", [
    ("12", "en", 12),
    ("1,200", "en", 1200),
    ("3\u00a0400", "fr", 3400),
    ("1.200", "es", 1200),
    ("twenty-one", "en", 21),
    ("one hundred and five", "en", 105),
    ("two thousand", "en", 2000),
    ("a hundred", "en", 100),
    ("Forty Four", "en", 44),
    ("sept", "fr", 7),
    ("dix-huit", "fr", 18),
    ("vingt et un", "fr", 21),
    ("soixante-quinze", "fr", 75),
    ("quatre-vingt-douze", "fr", 92),
    ("siete", "es", 7),
    ("veintiuno", "es", 21),
    ("trescientos cuarenta", "es", 340),
    ("سبعة", "ar", 7),
    ("ثلاثة عشر", "ar", 13),
    ("خمسة وعشرون", "ar", 25),
    ("١٢", "ar", 12),
    ("семь", "ru", 7),
    ("двадцать пять", "ru", 25),
])
def test_numbers_parse_exact(text, lang, value):
    assert parse_number(text, lang) == value


@pytest.mark.parametrize("text,lang,value", [
    ("several", "en", 3),       # project default for vague plurals (codebook §5)
    ("a few", "en", 3),
    ("a number of", "en", 3),
    ("a dozen", "en", 12),
    ("dozens", "en", 12),
    ("dozens of", "en", 12),
    ("scores", "en", 20),       # one score, by analogy with dozens -> 12
    ("tens", "en", 10),
    ("hundreds", "en", 100),
    ("thousands", "en", 1000),
    ("plusieurs", "fr", 3),
    ("des dizaines de", "fr", 10),
    ("decenas de", "es", 10),
    ("عشرات", "ar", 10),
    ("несколько", "ru", 3),
    ("des dizaines", "fr", 10),
    ("decenas", "es", 10),
    ("docenas", "es", 12),
    ("un par de", "es", 2),
    ("العشرات", "ar", 10),
    ("несколько десятков", "ru", 10),
])
def test_numbers_parse_vague(text, lang, value):
    assert parse_number(text, lang) == value


@pytest.mark.parametrize("text", ["", "soldiers", "and", "five six", "twenty thirty forty", "1.5"])
def test_numbers_parse_rejects_non_numbers(text):
    assert parse_number(text) is None


def test_numbers_find_in_running_text():
    text = "killing two soldiers and three civilians, with one hundred and five hurt"
    assert [(text[s:e], v) for s, e, v in find_numbers(text)] == [
        ("two", 2), ("three", 3), ("one hundred and five", 105)]
