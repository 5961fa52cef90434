"""Places the report names but the gazetteer lacks (extract/where/unlisted.py), on hand-written sentences."""
from __future__ import annotations

import pytest

from eventcoder.extract.where.places import event_place, find_places
from eventcoder.extract.where.unlisted import unlisted_place


def _place(analyse_text, text, lang="en"):
    ana = analyse_text(text, lang=lang)
    return ana, event_place(ana, find_places(ana), list(range(len(ana.sentences))))


@pytest.mark.model
@pytest.mark.parametrize("text, lang, name", [
    ("Gunmen killed six farmers in the locality of Kpinkanou, in Benin, on Sunday.", "en", "Kpinkanou"),
    ("Unknown assailants attacked Zanke community in Nigeria on Monday, killing nine.", "en", "Zanke"),
    ("Thirty soldiers were killed in an ambush in Gorouba National Park in northern Benin.", "en", "Gorouba National Park"),
    ("Des hommes armés ont tué huit civils dans la commune de Tinkoura, au Burkina Faso.", "fr", "Tinkoura"),
    ("Hombres armados mataron a tres campesinos en la vereda de Los Almendrillos, en Colombia.", "es",
     "Los Almendrillos"),
    ("Боевики обстреляли полицейских в селе Верхний Каргаш в России.", "ru", "Verkhniy Kargash"),
])
def test_a_named_place_missing_from_the_gazetteer_is_kept_without_coordinates(analyse_text, text, lang, name):
    _, place = _place(analyse_text, text, lang)
    assert place.name == name and place.country
    assert place.latitude is None and place.longitude is None and place.admin1 is None
    assert place.geo_precision == 3 and "not in the gazetteer" in place.reason


@pytest.mark.model
@pytest.mark.parametrize("text, lang, name, admin1", [
    ("Gunmen killed six farmers in the village of Kpinkanou in Borno State on Sunday.", "en", "Kpinkanou", "Borno"),
    ("Боевики обстреляли полицейских в селе Верхний Каргаш в Дагестане.", "ru", "Verkhniy Kargash", "Dagestan"),
])
def test_an_unlisted_place_in_a_known_province_keeps_the_province(analyse_text, text, lang, name, admin1):
    _, place = _place(analyse_text, text, lang)
    assert (place.name, place.admin1, place.geo_precision) == (name, admin1, 3)
    assert place.latitude is not None  # the province's point, approximate (precision 3)
    assert "not in the gazetteer" in place.reason


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Gunmen killed six farmers in Benin on Sunday, the army said.",  # only the country
    "Gunmen killed six farmers in the area of Benin on Sunday.",  # a country is no unlisted place
    "Gunmen killed six farmers in the area of the border in Benin on Sunday.",  # no name
])
def test_no_name_no_place(analyse_text, text):
    _, place = _place(analyse_text, text)
    assert place.name == "" and place.reason == "only the country is known"


@pytest.mark.model
def test_a_known_place_is_preferred_and_the_gazetteer_is_asked_first(analyse_text):
    _, place = _place(analyse_text, "Gunmen attacked the village of Gwoza in Nigeria, killing five.")
    assert place.name == "Gwoza" and place.latitude is not None
    ana = analyse_text("Gunmen attacked Benin on Sunday.")
    assert unlisted_place(ana, [0], "Benin", "BEN") is None


@pytest.mark.model
def test_the_coder_emits_the_event_at_the_unlisted_place(analyse_text):
    from eventcoder.coder import Coder

    events = Coder().code(analyse_text("Gunmen killed six farmers in the locality of Kpinkanou in Benin on Sunday, "
                                "the army said."))
    assert [(e.location, e.country, e.latitude) for e in events] == [("Kpinkanou", "Benin", None)]


@pytest.mark.model
def test_a_named_place_the_gazetteer_knows_is_not_unlisted(analyse_text):
    ana = analyse_text("Fighting was reported in the district of Gwoza in Nigeria.")
    assert unlisted_place(ana, [0], "Nigeria", "NGA") is None


@pytest.mark.model
def test_a_village_in_a_district_the_next_sentence_names(analyse_text):
    text = ("Militants attacked a police post in the tribal district of North Waziristan, Pakistan, officials said. "
            "The attack took place in the Zangara Kalay village near the Afghan border.")
    ana, place = _place(analyse_text, text)
    assert place.name == "Zangara Kalay" and place.geo_precision == 2 and place.latitude is not None


@pytest.mark.model
@pytest.mark.parametrize("text, name, precision", [
    # "in X, Y Local Government Area": X, a village the gazetteer lacks, inside that unit (issue 12)
    ("Herdsmen killed nine farmers in Tse-Akaa, Gwer West Local Government Area of Benue State, on Friday.",
     "Tse-Akaa", 2),
    # a name the gazetteer knows stays the gazetteer's place
    ("Herdsmen killed nine farmers in Makurdi, Makurdi Local Government Area of Benue State, on Friday.",
     "Makurdi", 1),
])
def test_name_before_its_unit(analyse_text, text, name, precision):
    _, place = _place(analyse_text, text)
    assert (place.name, place.admin1, place.geo_precision) == (name, "Benue", precision)


@pytest.mark.model
def test_a_russian_region_adjective_is_no_unlisted_village(analyse_text):
    # the region's own adjective after "района" names the region (now that the village is spelt in
    # Latin letters, nothing else tells the two apart)
    ana = analyse_text("Боевики обстреляли пограничников в районе Заречной области Киргизии.", lang="ru")
    assert unlisted_place(ana, [0], "Kyrgyzstan", "KGZ") is None
    ana = analyse_text("Боевики обстреляли пограничников в районе Заречный в Киргизии.", lang="ru")
    assert unlisted_place(ana, [0], "Kyrgyzstan", "KGZ").name == "Zarechnyy"


@pytest.mark.model
def test_a_known_name_only_in_another_province_is_unlisted_in_the_events(analyse_text):
    # the gazetteer knows villages of this name in Russia, none in the province the event is in
    ana = analyse_text("Боевики обстреляли полицейских в селе Березовка Курской области.", lang="ru")
    assert unlisted_place(ana, [0], "Russia", "RUS") is None
    place = unlisted_place(ana, [0], "Russia", "RUS", "Kursk")
    assert place is not None and place.name == "Berezovka"


@pytest.mark.model
@pytest.mark.parametrize("text, lang, name, admin1", [
    ("Gunmen killed six farmers in Borno State on Sunday. The attackers arrived on motorcycles at dawn. "
     "They set fire to houses and a granary. The attack took place in the village of Kpinkanou.", "en",
     "Kpinkanou", "Borno"),
    ("Боевики атаковали пост полиции в Курской области во вторник. Нападавшие приехали на двух машинах. "
     "Погибли двое полицейских. Нападение произошло в селе Липовое Лесного района.", "ru", "Lipovoye", "Kursk"),
])
def test_the_village_told_a_few_sentences_after_the_province(analyse_text, text, lang, name, admin1):
    from eventcoder.pipeline import code_text

    events = [e for e in code_text(text, lang=lang) if e.main]
    assert [(e.location, e.admin1) for e in events] == [(name, admin1)]


@pytest.mark.model
def test_where_the_attackers_came_from_is_no_village_of_the_event(analyse_text):
    from eventcoder.pipeline import code_text

    text = ("Gunmen killed six farmers in Borno State on Sunday. The attackers had come on motorcycles from "
            "the Kelewa Hills area, residents said.")
    # the province alone: coded at its capital (codebook, geo_precision 3), not at the hills
    assert [(e.location, e.admin1) for e in code_text(text, lang="en") if e.main] == [("Maiduguri", "Borno")]


@pytest.mark.model
@pytest.mark.parametrize("text, lang, name, near", [
    ("Gunmen attacked the village of Tunkorowa, about 20 km from Maiduguri, on Sunday, killing five.", "en",
     "Tunkorowa", "Maiduguri"),
    ("Bandits killed eleven villagers in Dabgiri community of Zurmi Local Government Area on Monday.", "en",
     "Dabgiri", None),
    ("Une attaque a tué huit civils dans le village de Kalengwa, situé à 30 kilomètres de Butembo.", "fr",
     "Kalengwa", "Butembo"),
])
def test_a_village_the_event_sentence_names_beats_the_town_it_is_told_beside(analyse_text, text, lang, name, near):
    _, place = _place(analyse_text, text, lang)
    assert place.name == name and "not in the gazetteer" in place.reason
    if near:  # coded at the neighbouring town's point, approximately
        assert near in place.reason and place.geo_precision == 2 and place.latitude is not None


@pytest.mark.model
def test_a_possessor_before_an_unlisted_village_is_not_part_of_its_name(analyse_text):
    _, place = _place(analyse_text, "Two policemen were killed in a blast in Dantewada's Tolnar village on Friday.")
    assert place.name == "Tolnar"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Gunmen from the village of Tunkorowa attacked a market in Maiduguri on Sunday, killing five.",
    "Gunmen killed five people in Maiduguri on Sunday, residents of the village of Tunkorowa said.",
])
def test_a_known_town_stays_when_the_village_is_where_people_came_from(analyse_text, text):
    _, place = _place(analyse_text, text)
    assert place.name == "Maiduguri"
