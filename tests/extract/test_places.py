"""find_places / event_place on hand-written sentences (codebook §3)."""
from __future__ import annotations

import pytest

from eventcoder.extract.where.places import event_place, find_places
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
    # French has a parser now: its case is in test_lang_fr.py
    ("Enfrentamientos armados en Culiacán dejaron tres muertos.", "Culiacan"),
])
def test_places_without_parser(analyse_text, text, name):
    ana = analyse_text(text, lang="es")
    assert ana.spacy_doc is None
    places = find_places(ana)
    assert_spans(ana.text, [p.span for p in places])
    assert event_place(ana, places, [0]).name == name


@pytest.mark.model
def test_places_name_tagged_as_noun_after_a_cue(analyse_text):
    # the small model tags "Tessalit" NOUN; after "near" inside the sentence it is still a place
    _, _, place = _event(analyse_text, "BAMAKO — Reports said jihadists attacked a post near Tessalit overnight.")
    assert (place.name, place.geo_precision) == ("Tessalit", 2)


@pytest.mark.model
@pytest.mark.parametrize("text, name, country, precision", [
    # "in the Red Sea" is the sea, a town "off" the coast is the place nearby (precision 2)
    ("Rebels fired a missile at a ship in the Red Sea off Hodeidah on Monday.", "Al Hudaydah", "Yemen", 2),
    ("A drone hit a tanker in the Red Sea on Monday.", "Red Sea", None, 3),
    ("Fighting spread to Sudan's Red Sea state on Monday.", "Red Sea", "Sudan", 3),
])
def test_places_sea_and_off_the_coast(analyse_text, text, name, country, precision):
    _, _, place = _event(analyse_text, text)
    assert (place.name, place.country, place.geo_precision) == (name, country, precision)


def test_places_russian_inflection(analyse_text):
    ana = analyse_text("Беспилотник атаковал объект в Санкт-Петербурге.", lang="ru")
    assert event_place(ana, find_places(ana), [0]).name == "Saint Petersburg"


@pytest.mark.parametrize("lang, text, name, country", [
    # towns with no Cyrillic entry are found through their Latin spelling, inflected or not
    ("ru", "Беспилотники атаковали Туапсе в ночь на понедельник.", "Tuapse", "Russia"),
    ("ru", "Войска обстреляли Днепровский район Херсона из артиллерии.", "Kherson", "Ukraine"),
    # Ukrainian-style spelling wins over a same-named hamlet abroad ("Lugansk", Kazakhstan)
    ("ru", "Ночью беспилотник атаковал объект в Луганске.", "Luhansk", "Ukraine"),
    # a Russian name whose Ukrainian spelling no transliteration gives comes from the alias table
    ("ru", "В результате обстрела Горловки погибли два человека.", "Horlivka", "Ukraine"),
    # Arabic names of towns come from the curated alias table
    ("ar", "شنت طائرة مسيرة غارة على سيارة في مدينة صور يوم الأربعاء.", "Tyre", "Lebanon"),
    ("ar", "قتل ثلاثة أشخاص في قصف على خان يونس.", "Khan Yunis", "Palestine"),
    ("ar", "اشتباكات عنيفة في مدينة الأبيض يوم الخميس.", "El Obeid", "Sudan"),
])
def test_places_cyrillic_and_arabic_names(analyse_text, lang, text, name, country):
    ana = analyse_text(text, lang=lang)
    place = event_place(ana, find_places(ana), [0])
    assert (place.name, place.country) == (name, country)


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
    # a second-level unit that is no town: its seat, precision 2
    ("Militants attacked a checkpost in Bajaur district of Khyber Pakhtunkhwa province.", "Khar",
     "Khyber Pakhtunkhwa", 2),
    ("Gunmen ambushed a police patrol in North Waziristan in northwestern Pakistan.", "Miran Shah",
     "Khyber Pakhtunkhwa", 2),
    # "Z region's X township": X, not Z
    ("A military airstrike hit a village in Sagaing region's Kanbalu township.", "Kanbalu", "Sagaing", 2),
    # "the X district of Y": Y only contains X
    ("Houthi forces shelled positions in the Hays district of Hodeidah on Sunday.", "Hays", "Al Hudaydah", 2),
    ("Houthi forces shelled positions in the Hays district of Hodeidah province.", "Hays", "Al Hudaydah", 2),
    # "near the southern Lebanese town of X"
    ("An Israeli drone struck a car near the southern Lebanese town of Nabatieh.", "Nabatieh", "Nabatieh", 2),
    # "X said it captured a base in Y": Y is the event place, not where X spoke
    ("The Arakan Army said it captured a military base in Buthidaung township of Rakhine state.", "Buthidaung",
     "Rakhine", 2),
    # a camp located relative to a town ("for displaced people" between): the camp, precision 2
    ("RSF fighters attacked the Abu Shouk camp for displaced people on the outskirts of El Fasher.",
     "Abu Shouk Camp", "North Darfur", 2),
    # "the nearby town of X" is X itself; "the X mountains" are around X
    ("Gangs seized the nearby town of Mirebalais on Friday.", "Mirebalais", "Centre", 1),
    ("Militants ambushed an army patrol in the Makhmour mountains in Iraq.", "Makhmour", "Erbil", 2),
    # another transliteration of an Arabic name
    ("Clashes erupted near Jisr al-Shughur in Syria's Idlib province.", "Jisr ash Shughur", "Idleb", 2),
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


@pytest.mark.model
@pytest.mark.parametrize("text, sentences, name, precision", [
    # a town located relative to another: the second one is only a reference point
    ("Two militias exchanged fire in Zliten, 150 km east of Tripoli, late on Friday.", (0,), "Zliten", 1),
    ("Fighting flared in Gharyan, 80 km south of Tripoli, on Friday.", (0,), "Gharyan", 1),
    # an unknown hamlet placed relative to a town: the hamlet, at the town's point, precision 2 (as the
    # real-news gold names such villages)
    ("Soldiers clashed with rebels at the hamlet of Ngumbirila, about 30 km west of Beni, on Sunday.",
     (0,), "Ngumbirila", 2),
    # road cues in French and Spanish: the first named end, precision 2
    ("Une mine a tué deux soldats sur l'axe reliant Djibo à Arbinda jeudi.", (0,), "Djibo", 2),
    ("Hombres armados emboscaron una patrulla en la carretera entre Tibú y Cúcuta.", (0,), "Tibu", 2),
    ("Soldados desactivaron una bomba en la vía que conduce a Tibú el domingo.", (0,), "Tibu", 2),
    # where the wounded were taken is not the event place
    ("A soldier was wounded in a firefight near Sukma and airlifted to Raipur on Monday.", (0,), "Sukma", 2),
    ("Gunmen killed a trader in Kaya on Friday; two wounded were evacuated to Ouagadougou.", (0,), "Kaya", 1),
    # a capital standing for its government
    ("Kyiv says Russian forces shelled Nikopol on Sunday.", (0,), "Nikopol", 1),
    # a landmark inside a town
    ("Relatives of the missing held a sit-in outside the Quetta Press Club on Monday.", (0,), "Quetta", 1),
    # inside a curated neighbourhood
    ("Gunmen opened fire in a busy part of Hodan district of Mogadishu.", (0,), "Mogadishu - Hodan", 1),
    # towns and transliterations added to the gazetteer
    ("A drone hit a house in Khiam, in south Lebanon, on Tuesday.", (0,), "Khiam", 1),
    ("Russian troops pressed attacks near Hulyaipole overnight.", (0,), "Huliaipole", 2),
    ("The army repelled an assault on a barracks in Tinzaouaten on Thursday.", (0,), "Tinzaouaten", 1),
])
def test_places_relative_roads_and_side_places(analyse_text, text, sentences, name, precision):
    _, _, place = _event(analyse_text, text, sentences=sentences, lang="es" if ("carretera" in text or " vía " in text) else
                         "fr" if "Une mine" in text else "en")
    assert (place.name, place.geo_precision) == (name, precision)


@pytest.mark.model
def test_places_uncurated_neighbourhood_of_district_city(analyse_text):
    text = "Police raided the Vila Kennedy neighbourhood of Rio de Janeiro on Tuesday, killing three suspects."
    _, _, place = _event(analyse_text, text)
    assert (place.name, place.geo_precision) == ("Rio de Janeiro - Vila Kennedy", 1)
    text = "Armed men abducted a trader in Ouagadougou's Tanghin neighbourhood on Tuesday."
    _, _, place = _event(analyse_text, text)  # not a city coded by neighbourhood: the city
    assert (place.name, place.geo_precision) == ("Ouagadougou", 1)


@pytest.mark.model
def test_places_live_blog_heading_defers_to_body(analyse_text):
    text = "16:20 — Clashes at Jenin protest\nTroops fired rubber bullets at marchers near Jenin this afternoon."
    _, _, place = _event(analyse_text, text)
    assert (place.name, place.geo_precision) == ("Jenin", 2)


@pytest.mark.model
def test_places_hyphenated_unknown_name_is_not_its_head(analyse_text):
    # "Carrefour-Feuilles" is a Port-au-Prince neighbourhood, not the commune Carrefour
    text = "Gang members opened fire in the Carrefour-Feuilles neighborhood of Port-au-Prince on Thursday."
    _, places, place = _event(analyse_text, text)
    assert "Carrefour" not in [p.name for p in places]
    assert (place.name, place.geo_precision) == ("Port-au-Prince - Carrefour-Feuilles", 1)


@pytest.mark.model
def test_places_road_ends_are_places_though_tagged_org(analyse_text):
    # spaCy tags "Maiduguri-Damboa" ORG; the road cue makes both ends places; the first end is coded
    text = "Insurgents ambushed a military convoy on the Maiduguri-Damboa road on Sunday, killing six soldiers."
    _, places, place = _event(analyse_text, text)
    assert {"Maiduguri", "Damboa"} <= {p.name for p in places}
    assert (place.name, place.geo_precision) == ("Maiduguri", 2)


@pytest.mark.model
def test_places_congo_votes_for_the_drc(analyse_text):
    text = "GOMA, Congo (AP) — Fighting erupted around Sake, 25 km west of Goma, on Wednesday, residents said."
    ana = analyse_text(text)
    lead = [s.index for s in ana.sentences if "Fighting" in s.text]  # with or without the dateline
    place = event_place(ana, find_places(ana), lead)
    assert (place.name, place.country, place.geo_precision) == ("Sake", "Democratic Republic of Congo", 2)


@pytest.mark.model
def test_places_admin2_of_a_country_not_in_the_report_is_dropped(analyse_text):
    # a bare second-level unit name ("Kachhi", Balochistan) needs its country in the report or a "district" cue
    names = [p.name for p in find_places(analyse_text("Gunmen attacked farmers in Kachhi on Monday."))]
    assert "Dadhar" not in names
    names = [p.name for p in find_places(analyse_text("Gunmen attacked farmers in Kachhi district on Monday."))]
    assert "Dadhar" in names


@pytest.mark.model
@pytest.mark.parametrize("text, lang, clash, country", [
    ("Gunmen killed four people at a party in Salvatierra, Guanajuato, on Christmas Eve, Mexican officials said. "
     "Mexico's security ministry said the attackers fled towards Celaya. Guanajuato is Mexico's most violent state.",
     "en", "Christmas", "Mexico"),
    ("Un enfrentamiento en la zona Sur de Uruapan, Michoacán, dejó tres muertos, informó la fiscalía de México. "
     "Los agresores huyeron hacia Tepalcatepec, en Michoacán, México.", "es", "Sur", "Mexico"),
    ("Police said three attackers were killed at a checkpoint near Cherkessk in Russia. Russian officials said "
     "the gunmen came from Mara; Russia's investigators opened a case in Russia's Karachay-Cherkessia region.",
     "en", "Mara", "Russia"),
])
def test_places_a_foreign_name_clash_in_a_report_about_one_country_is_dropped(analyse_text, text, lang, clash,
                                                                               country):
    places = find_places(analyse_text(text, lang=lang))
    assert {p.country for p in places} == {country}
    assert not [p for p in places if p.span is not None and p.span.text == clash]


@pytest.mark.model
def test_places_demonyms_of_foreign_forces_do_not_outvote_the_named_places(analyse_text):
    text = ("Russian missiles struck Kostiantynivka on Monday, killing two people, Ukrainian officials said. "
            "Russian forces have shelled the town for weeks; Russian drones also hit a depot, and Russian "
            "officials did not comment. Russian troops are advancing nearby.")
    places = find_places(analyse_text(text))
    assert any(p.span is not None and p.span.text == "Kostiantynivka" and p.country == "Ukraine" for p in places)


@pytest.mark.model
@pytest.mark.parametrize("text, lang, name", [
    ("Police in Kenya fired on demonstrators trying to storm parliament, killing two.", "en", "Nairobi"),
    ("Soldiers surrounded the presidential palace in Niger early on Wednesday.", "en", "Niamey"),
    ("Des manifestants ont envahi l'Assemblée nationale du Sénégal jeudi.", "fr", "Dakar"),
])
def test_places_national_institutions_place_the_event_in_the_capital(analyse_text, text, lang, name):
    place = _event(analyse_text, text, lang=lang)[2]
    assert place.name == name and place.geo_precision == 1 and place.modifier == "capital"


@pytest.mark.model
def test_places_the_capital_is_not_used_when_a_town_is_named(analyse_text):
    place = _event(analyse_text, "Protesters marched on the regional parliament in Kisumu, Kenya, on Monday.")[2]
    assert place.name == "Kisumu"


@pytest.mark.model
def test_places_an_unnamed_town_is_the_one_named_later_not_the_dateline(analyse_text):
    text = ("BAGHDAD, Iraq (AP) — A suicide car bomber struck an outdoor market on Saturday in a northern Iraqi city, "
            "killing six people, police said. The attack in the mainly Turkomen city of Tal Afar came a day after "
            "another bombing.")
    place = _event(analyse_text, text)[2]
    assert place.name == "Tal Afar" and "names no town" in place.reason


@pytest.mark.model
def test_places_the_dateline_city_stays_when_the_lead_describes_no_other_town(analyse_text):
    text = ("BAGHDAD, Iraq (AP) — A suicide car bomber struck an outdoor market on Saturday, killing six people, "
            "police said. Officials in Mosul condemned the attack.")
    assert _event(analyse_text, text)[2].name == "Baghdad"


@pytest.mark.model
@pytest.mark.parametrize("text, lang, country", [
    ("Une frappe de drone a visé un village dans le sud du Liban.", "fr", "Lebanon"),
    ("Un ataque dejó tres muertos en el norte de Siria.", "es", "Syria"),
    ("قتل خمسة جنود في هجوم في العراق", "ar", "Iraq"),
    ("В результате обстрела в Сирии погибли два человека.", "ru", "Syria"),
])
def test_places_country_names_in_other_languages(analyse_text, text, lang, country):
    places = find_places(analyse_text(text, lang=lang))
    assert any(p.kind == "country" and p.country == country for p in places)


@pytest.mark.model
def test_places_a_country_the_report_names_breaks_a_tie(analyse_text):
    """Two places alike in the event sentence ('at the Astana Anyar police office in Bandung'): the
    one in the country the report names, not a foreign capital whose name a local name begins with."""
    text = ("Indonesia: a bomber blew himself up at a police station, police said.\n\n"
            "The blast hit the Astana Anyar police office in Bandung on Wednesday.")
    _, _, place = _event(analyse_text, text, sentences=(1,))
    assert (place.name, place.country) == ("Bandung", "Indonesia"), place


@pytest.mark.model
def test_places_an_institution_named_after_its_town_is_in_that_town(analyse_text):
    """'School Kankara': the town an institution is named after is where the event happened, not
    the state named beside it nor a town of a later sentence."""
    text = ("Gunmen abducted pupils on Friday from the Government Science Secondary School Kankara in "
            "Katsina State. The governor was visiting Daura at the time.")
    _, _, place = _event(analyse_text, text, sentences=(0, 1))
    assert (place.name, place.admin1, place.geo_precision) == ("Kankara", "Katsina", 1), place


@pytest.mark.model
def test_places_a_name_and_surname_after_a_comma_is_a_person(analyse_text):
    """'One of the villagers, Hassan Ya'u, who escaped': no town in India; the village stays the place."""
    text = ("Gunmen abducted 40 people in Maradun on Sunday, police said. One of the villagers, Hassan Ya'u, "
            "who escaped the attack, said the gunmen came on motorcycles.")
    ana = analyse_text(text)
    assert not any(p.country == "India" for p in find_places(ana))
