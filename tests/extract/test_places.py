"""find_places / event_place on hand-written sentences (codebook §3)."""
from __future__ import annotations

import pytest

from eventcoder.extract.places import event_place, find_places
from tests.conftest import assert_spans


def _event(analyse_text, text, sentences=(0,), lang="en"):
    ana = analyse_text(text, lang=lang)
    places = find_places(ana)
    assert_spans(ana.text, [p.span for p in places])
    return ana, places, event_place(ana, places, list(sentences))


@pytest.mark.model
@pytest.mark.parametrize("text, name, country, admin1, precision", [
    # variants and transliterations
    ("A car bomb exploded in Al-Mawsil on Tuesday.", "Mosul", "Iraq", "Ninewa", 1),
    ("Drones struck Kiev overnight, officials said.", "Kyiv", "Ukraine", "Kyiv City", 1),
    ("Fighters clashed in Buulobarde on Friday.", "Bulo Burde", "Somalia", "Hiraan", 1),
    ("Gunmen killed four people in Culiacán.", "Culiacan", "Mexico", "Sinaloa", 1),
    ("An airstrike hit Al-Bukamal on Monday.", "Abu Kamal", "Syria", "Deir-ez-Zor", 1),
    ("Shelling hit Khan Younis on Sunday.", "Khan Yunis", "Palestine", "Gaza Strip", 1),
    # near / outskirts / distance -> 2
    ("Insurgents ambushed a convoy near Gwoza on Monday.", "Gwoza", "Nigeria", "Borno", 2),
    ("A drone hit a farm 12 km south of Kharkiv.", "Kharkiv", "Ukraine", "Kharkiv", 2),
    ("Clashes broke out on the outskirts of Beledweyne.", "Beledweyne", "Somalia", "Hiraan", 2),
    # district of province
    ("Taliban fighters attacked a post in Khanabad district of Kunduz province.", "Khan Abad", "Afghanistan", "Kunduz", 2),
    # province only -> 3 with the capital's coordinates
    ("Heavy fighting was reported in Anbar province.", "Al Anbar", "Iraq", "Al Anbar", 3),
    ("Militants raided several villages in Borno State.", "Borno", "Nigeria", "Borno", 3),
    # neighbourhood of a city
    ("Armed groups clashed in the Abu Salim district of Tripoli.", "Tripoli - Abu Salim", "Libya", "Tripoli", 1),
    # camps
    ("Shells landed in the Zamzam camp in North Darfur.", "Zamzam Camp", "Sudan", "North Darfur", 1),
])
def test_places_event_place_resolves(analyse_text, text, name, country, admin1, precision):
    _, _, place = _event(analyse_text, text)
    assert (place.name, place.country, place.admin1, place.geo_precision) == (name, country, admin1, precision)


@pytest.mark.model
@pytest.mark.parametrize("text, iso3", [
    ("Lebanese troops deployed after clashes in Tripoli, near the Syrian border.", "LBN"),
    ("Rival militias in Libya fought in Tripoli overnight.", "LBY"),
    ("Hezbollah said Israeli jets struck Sidon, Lebanon's third city.", "LBN"),
])
def test_places_ambiguous_names_follow_report_country(analyse_text, text, iso3):
    _, _, place = _event(analyse_text, text)
    assert place.iso3 == iso3


@pytest.mark.model
def test_places_dateline_only(analyse_text):
    text = "MOGADISHU, Somalia (Mar 12) - Gunmen shot dead two soldiers on Wednesday. No group claimed it."
    ana, places, place = _event(analyse_text, text, sentences=(0,))
    assert place.name == "Mogadishu" and place.country == "Somalia"
    assert any(p.modifier == "dateline" for p in places)


@pytest.mark.model
def test_places_event_sentence_beats_dateline(analyse_text):
    text = "NAIROBI, Kenya (Mar 12) - Police fired tear gas at protesters in Nakuru on Wednesday."
    _, _, place = _event(analyse_text, text)
    assert place.name == "Nakuru"


@pytest.mark.model
def test_places_background_sentence_is_not_used(analyse_text):
    text = "Protesters marched on Tuesday. In 2019, a bomb in Kabul killed 40 people."
    ana, places, place = _event(analyse_text, text, sentences=(0,))
    assert place.name == "" and place.span is None and place.reason


@pytest.mark.model
def test_places_absent_from_gazetteer_gives_country_only(analyse_text):
    text = "Soldiers clashed with rebels at Xqzzyville, a hamlet in northern Mali."
    _, places, place = _event(analyse_text, text)
    assert place.name == "" and place.country == "Mali" and place.reason == "only the country is known"


@pytest.mark.model
def test_places_nothing_found(analyse_text):
    _, _, place = _event(analyse_text, "Gunmen opened fire on a bus, killing three.")
    assert place.name == "" and place.country is None and "no place" in place.reason


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Goma Kabila said the city of Goma had fallen to M23 rebels.", "Goma"),
    ("Rebels said they had taken Goma.", "Goma"),
])
def test_places_ner_mistakes_still_found(analyse_text, text, word):
    ana = analyse_text(text)
    found = [p for p in find_places(ana) if p.name == word and p.country == "Democratic Republic of Congo"]
    assert found


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Police said the attackers fled.", "Police"),
    ("Most of the victims were women.", "Most"),
    ("Taliban fighters seized a checkpoint in Kunduz.", "Taliban"),
    ("He said the Mobile unit had arrived.", "Mobile"),
])
def test_places_common_words_are_not_places(analyse_text, text, word):
    assert all(p.span.text != word for p in find_places(analyse_text(text)))


@pytest.mark.model
@pytest.mark.parametrize("text, kind, span", [
    ("Iraqi forces shelled positions near the Iraq-Syria border.", "border", "Iraq-Syria border"),
    ("Somalia's capital was calm on Friday.", "country", "Somalia"),
    ("Syrian troops moved north.", "country", "Syrian"),
    ("A tanker was attacked in the Gulf of Aden.", "sea", "Gulf of Aden"),
    ("Clashes spread to Anbar province.", "admin1", "Anbar"),
])
def test_places_kinds(analyse_text, text, kind, span):
    places = find_places(analyse_text(text))
    assert any(p.kind == kind and p.span.text == span for p in places)


@pytest.mark.model
def test_places_prefers_town_over_region_in_event_sentences(analyse_text):
    text = "Fighting was reported in Upper Nile state. Militias attacked army positions in Malakal."
    _, _, place = _event(analyse_text, text, sentences=(0, 1))
    assert place.name == "Malakal" and place.geo_precision == 1


@pytest.mark.parametrize("text, name", [
    ("Des hommes armés ont attaqué un poste près de Douentza, dans la région de Mopti.", "Douentza"),
    ("Enfrentamientos armados en Culiacán dejaron tres muertos.", "Culiacan"),
])
def test_places_without_parser(analyse_text, text, name):
    lang = "fr" if text.startswith("Des") else "es"
    ana = analyse_text(text, lang=lang)
    assert ana.spacy_doc is None
    places = find_places(ana)
    assert_spans(ana.text, [p.span for p in places])
    assert event_place(ana, places, [0]).name == name


def test_places_russian_inflection(analyse_text):
    ana = analyse_text("Беспилотник атаковал объект в Санкт-Петербурге.", lang="ru")
    assert event_place(ana, find_places(ana), [0]).name == "Saint Petersburg"


@pytest.mark.model
@pytest.mark.parametrize("text, name, admin1, precision", [
    # a camp placed relative to a town: approximate point
    ("Shells landed in the Kalma camp on the eastern edge of Nyala on Sunday.", "Kalma Camp", "South Darfur", 2),
    # "near X's landmark": the landmark is inside the city
    ("A grenade exploded near Karachi's Saddar market on Friday.", "Karachi", "Sindh", 1),
    # a named quarter of the city ("X's Y area") is the city itself; "the X area" is around it
    ("Gunmen seized a trader at his shop in Mosul's Zuhur area.", "Mosul", "Ninewa", 1),
    ("Fighting flared again in the Kupiansk area overnight.", "Kupiansk", "Kharkiv", 2),
    # the less central end of a road
    ("A roadside bomb hit a minibus on the road between Kabul and Jalalabad.", "Jalalabad", "Nangarhar", 2),
    # "X's Y district": Y, not X
    ("Insurgents overran a checkpoint in Kandahar's Spin Boldak district.", "Spin Boldak", "Kandahar", 2),
    # ACLED's split admin1 units
    ("Junta jets bombed a market in Lashio in northern Shan state.", "Lashio", "Shan-North", 1),
])
def test_places_precision_rules(analyse_text, text, name, admin1, precision):
    _, _, place = _event(analyse_text, text)
    assert (place.name, place.admin1, place.geo_precision) == (name, admin1, precision)


@pytest.mark.model
def test_places_city_possessive_district_is_the_city(analyse_text):
    text = ("Russian drones hit Odesa on Monday. Debris fell on houses in the city's Shevchenkivskyi district, "
            "injuring two.")
    _, _, place = _event(analyse_text, text, sentences=(1,))
    assert (place.name, place.admin1, place.geo_precision) == ("Odesa", "Odesa", 1)


@pytest.mark.model
def test_places_source_location_is_not_event_place(analyse_text):
    text = "Drones struck Sumy overnight, according to a statement by the General Staff in Kyiv."
    _, _, place = _event(analyse_text, text)
    assert place.name == "Sumy"


@pytest.mark.model
def test_places_border_with_province(analyse_text):
    text = ("A drone killed two smugglers in the border region between Iraq and Syria, a security source in "
            "Iraq's Anbar province said.")
    _, _, place = _event(analyse_text, text)
    assert (place.name, place.country, place.admin1, place.geo_precision) == (
        "Iraq-Syria border (Anbar)", "Iraq", "Al Anbar", 3)


@pytest.mark.model
def test_places_village_missing_from_named_province(analyse_text):
    # the gazetteer's Novoselivkas lie elsewhere: coded in the named province, near the named town
    text = "Troops retook the village of Novoselivka west of Orikhiv in the Zaporizhzhia region."
    _, _, place = _event(analyse_text, text)
    assert (place.name, place.admin1, place.geo_precision) == ("Novoselivka", "Zaporizhia", 2)
    assert (place.latitude, place.longitude) == pytest.approx((47.58, 35.78), abs=0.05)  # at Orikhiv


@pytest.mark.model
@pytest.mark.parametrize("text, word", [
    ("Jihadist cells remain active across the Levant, officials in Baghdad said.", "Levant"),
    ("KABUL, May 3 (SAN) - Gunmen killed two guards in Herat.", "SAN"),
    ("Three people died, the Emergency Medicine Centre in Tripoli said.", "Centre"),
])
def test_places_regions_and_acronyms_are_not_foreign_towns(analyse_text, text, word):
    assert all(p.span.text != word for p in find_places(analyse_text(text)))
