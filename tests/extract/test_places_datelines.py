"""event_place: datelines inside the page, places inside adjectives, seats of government, border areas (issue 12)."""
import pytest

from eventcoder.extract.where.places import event_place, find_places


def _place(analyse_text, text, sentences):
    ana = analyse_text(text)
    places = find_places(ana)
    return places, event_place(ana, places, list(sentences))


@pytest.mark.model
def test_dateline_inside_the_page_is_not_the_event_place(analyse_text):
    """A dateline after a headline and a byline: the town the next sentence names is the place."""
    text = ("Mortar fire hits school\n\nBy A. Writer\n\nKIRKUK - Mortar rounds fell on a school on Tuesday "
            "in a northern Iraqi town, wounding four pupils.\n\nThe shelling of the town of Hawija "
            "followed a week of clashes.")
    places, place = _place(analyse_text, text, [2])
    assert place.name == "Al Hawijah"
    assert any(p.name == "Kirkuk" and p.modifier == "dateline" for p in places)


@pytest.mark.model
@pytest.mark.parametrize("line", ["JALALABAD: Two shepherds died when an old shell exploded in a pasture.",
                                  "JALALABAD (Reuters) -- Two shepherds died when an old shell exploded in a pasture."])
def test_dateline_forms(analyse_text, line):
    places, _ = _place(analyse_text, "Old shell kills two\n\n" + line, [1])
    assert [p.modifier for p in places if p.name == "Jalalabad"] == ["dateline"]


@pytest.mark.model
def test_title_case_name_before_a_colon_is_no_dateline(analyse_text):
    places, _ = _place(analyse_text, "Fighting\n\nJalalabad: the city where two shepherds died on Friday.", [1])
    assert all(p.modifier != "dateline" for p in places if p.name == "Jalalabad")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Gunmen attacked a checkpoint in Nalchik. Witnesses said a Moscow-funded militia had left the area.",
    "Gunmen attacked a checkpoint in Nalchik, a Moscow-based rights group said.",
])
def test_place_inside_an_adjective_is_no_place(analyse_text, text):
    places, place = _place(analyse_text, text, [0, 1] if text.count(".") > 1 else [0])
    assert place.name == "Nalchik"
    assert not any(p.name == "Moscow" for p in places)


@pytest.mark.model
def test_seat_of_government_is_no_event_place(analyse_text):
    text = "Soldiers burned a market near Kumba, a rights group said, while the government in Yaounde denied it."
    _, place = _place(analyse_text, text, [0])
    assert place.name == "Kumba"


@pytest.mark.model
def test_town_named_after_a_border_area(analyse_text):
    text = ("Militiamen captured a customs post on the border with Rwanda on Tuesday. They then entered the "
            "town of Goma, witnesses said.")
    _, place = _place(analyse_text, text, [0, 1])
    assert (place.name, place.admin1) == ("Goma", "Nord-Kivu")


@pytest.mark.model
def test_capital_as_a_distance_reference(analyse_text):
    """"X, about 380 kilometres (236 miles) east of the capital, Y": Y only locates X."""
    text = "Rebels ambushed a supply convoy near Bambari, about 380 kilometres (236 miles) east of the capital, Bangui."
    _, place = _place(analyse_text, text, [0])
    assert place.name == "Bambari"


@pytest.mark.model
def test_credit_line_city_is_a_dateline(analyse_text):
    places, _ = _place(analyse_text, "Shelling in the valley\nNews Agency of Somewhere  |  Srinagar\nTwo porters "
                                     "were hurt when a shell landed in Uri, officials said.", [1])
    assert [p.modifier for p in places if p.name == "Srinagar"] == ["dateline"]


@pytest.mark.model
def test_where_the_wounded_were_taken_is_no_event_place(analyse_text):
    text = ("Wounded soldiers were taken to the nearby town of Nioro after gunmen attacked a patrol near Diema, "
            "officials said.")
    _, place = _place(analyse_text, text, [0])
    assert place.name == "Diema"


@pytest.mark.model
def test_spelling_variant_of_a_town_abroad_is_no_place(analyse_text):
    """A person's name close to a curated town's spelling in a country the report never names."""
    text = ("SANAA, Yemen -- An air strike hit a wedding hall in the capital on Saturday, killing 20 guests.\n"
            "Nasser al-Omari, a health ministry official, said the toll could still rise.")
    places, place = _place(analyse_text, text, [0, 1])
    assert place.country == "Yemen" and place.name == "Sanaa"
    assert all(p.country in (None, "Yemen") for p in places)


@pytest.mark.model
def test_where_a_victim_comes_from_is_not_the_event_place(analyse_text):
    text = ("A Chinese woman from Shanghai and a hotel worker were kidnapped by gunmen from a resort in "
            "Semporna on Wednesday night.")
    _, place = _place(analyse_text, text, [0])
    assert place.name == "Semporna" and place.country == "Malaysia"


@pytest.mark.model
def test_a_town_that_names_its_province_is_no_name_clash(analyse_text):
    """No country is named, and a small town abroad is mentioned: the province's town stays."""
    text = ("Insurgents detonated a bomb on a road in Narathiwat on Wednesday, injuring two rangers of the "
            "Ranger Force.")
    _, place = _place(analyse_text, text, [0])
    assert place.name == "Narathiwat" and place.country == "Thailand"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Gunmen ambushed police in El Aguaje, a town in the Aguililla region of Michoacan state, on Monday.",
    "Gunmen ambushed police in the town of El Aguaje in Aguililla municipality on Monday.",
])
def test_a_town_the_gazetteer_has_only_in_other_provinces(analyse_text, text):
    """The gazetteer's El Aguaje lie in other states: the named one is coded in the state (or at the
    municipality's seat) the sentence puts it in, precision 2."""
    _, place = _place(analyse_text, text, [0])
    assert (place.name, place.admin1, place.geo_precision) == ("El Aguaje", "Michoacan", 2)


@pytest.mark.model
def test_a_named_village_beats_the_capital_dateline(analyse_text):
    text = ("OUAGADOUGOU, Burkina Faso (AP) -- Attackers struck during the night, killing residents of the "
            "village of Sinkoura and burning the market, the government said.")
    _, place = _place(analyse_text, text, [0])
    assert place.name == "Sinkoura" and place.modifier == "unlisted" and place.country == "Burkina Faso"


def test_a_unit_written_after_a_village_name_is_no_part_of_it():
    from eventcoder.extract.where.unlisted import _UNIT_TAIL

    assert _UNIT_TAIL.sub("", "Triveni Rural Municipality-7") == "Triveni"
    assert _UNIT_TAIL.sub("", "Kanti Ward 4") == "Kanti"
    assert _UNIT_TAIL.sub("", "Tse-Akaa") == "Tse-Akaa"


@pytest.mark.model
def test_a_dateline_after_a_page_date_stamp_and_abroad(analyse_text):
    """"date 2023-06-30 BANGKOK --" is a dateline; a wire hub in another country than the one the
    event sentence names is no event place."""
    text = ("date 2023-06-30 BANGKOK -- Airstrikes by Myanmar's military on two villages in the north killed "
            "ten civilians, villagers said.")
    places, place = _place(analyse_text, text, [0])
    assert [p.modifier for p in places if p.name == "Bangkok"] == ["dateline"]
    assert place.name != "Bangkok"


@pytest.mark.model
def test_triggers_a_days_act_refers_back(analyse_text):
    from eventcoder.extract.what.triggers import find_triggers

    ana = analyse_text("Airstrikes hit two villages in Sagaing. Tuesday's attacks on the villages also wounded "
                       "a dozen people.")
    assert [t.definite for t in find_triggers(ana) if t.span.text == "attacks"] == [True]


@pytest.mark.model
def test_border_with_one_country_is_on_the_reports_side(analyse_text):
    """'near the border with Mali' in a report on Niger: the event is in Niger, by the border."""
    text = ("Gunmen killed 19 herders at a village in Niger's west on Saturday, officials said.\n\n"
            "The attackers came from across the border with Mali, a Niger security source said.")
    places, place = _place(analyse_text, text, [1])
    assert (place.kind, place.country, place.name) == ("border", "Niger", "Niger-Mali border"), place


@pytest.mark.model
def test_a_place_name_that_names_a_country_is_in_that_country(analyse_text):
    """'South Lebanon' is Lebanon's South governorate, not the town of that name in Ohio, even in a
    report that also mentions the United States."""
    text = ("An Israeli drone struck a car in South Lebanon on Thursday, killing four men, a US official "
            "and Lebanese security sources said.")
    places, place = _place(analyse_text, text, [0])
    assert (place.country, place.admin1) == ("Lebanon", "South"), place
