"""Which country a place is in when its name is shared (extract/where/places.py, gazetteer/votes.py),
on hand-written sentences."""
from __future__ import annotations

import pytest

from eventcoder.extract.where.places import event_place, find_places


@pytest.mark.model
def test_a_town_that_names_a_province_abroad_is_a_clash_in_a_report_about_another_country(analyse_text):
    # "Yoro" is a town and a department of Honduras; nothing else here points to Honduras
    text = ("Gunmen on motorbikes attacked the village of Yoro in central Mali on Monday, killing 20 people. "
            "Mali's government said the army was sent to the area; violence in Mali has surged this year.")
    places = find_places(analyse_text(text))
    assert "Honduras" not in {p.country for p in places}
    assert event_place(analyse_text(text), places, [0]).country == "Mali"


@pytest.mark.model
def test_a_town_that_names_its_province_stays_when_only_a_neighbour_is_named(analyse_text):
    text = ("A roadside bomb wounded two rangers in Narathiwat on Tuesday, police said. "
            "The insurgents fled towards the border with Malaysia.")
    ana = analyse_text(text)
    assert event_place(ana, find_places(ana), [0]).name == "Narathiwat"


@pytest.mark.model
@pytest.mark.parametrize("text, country, admin1", [
    ("Boko Haram fighters attacked a Chadian army post on an island in Lake Chad on Sunday, Chad's army said. "
     "Chad has seen more attacks this year.", "Chad", "Lac"),
    ("Boko Haram fighters attacked a Nigerian army base on the shores of Lake Chad on Sunday, Nigeria's army "
     "said. Nigeria has seen more attacks this year.", "Nigeria", "Borno"),
])
def test_a_lake_several_countries_share_is_in_the_country_the_report_is_about(analyse_text, text, country, admin1):
    ana = analyse_text(text)
    place = event_place(ana, find_places(ana), [0])
    assert (place.name, place.country, place.admin1) == ("Lake Chad", country, admin1)


@pytest.mark.model
def test_an_arabic_common_noun_is_no_foreign_town(analyse_text):
    # "قصور الضيافة" (the guest palaces) is no alternate name of Kousseri (Cameroon)
    text = "اندلعت اشتباكات عنيفة يوم الخميس في محيط قصور الضيافة في العاصمة الليبية طرابلس."
    places = find_places(analyse_text(text, lang="ar"))
    assert "Cameroon" not in {p.country for p in places}
