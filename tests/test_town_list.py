"""One event per listed town (town_list.py): sentences written for these tests."""
import pytest

from eventcoder.pipeline import code_document
from eventcoder.schema import Document

pytestmark = pytest.mark.model


def _events(text, lang="en"):
    return [e for e in code_document(Document(text=text, lang=lang, published=None)) if not e.background]


def test_a_listed_strike_is_one_event_per_town_with_the_toll_divided():
    events = _events("Air strikes hit Bint Jbeil, Nabatieh and Tyre in southern Lebanon on Tuesday, killing seven "
                     "people, the health ministry said.")
    assert [e.location for e in events] == ["Bint Jbeil", "Nabatieh", "Tyre"]
    assert [e.fatalities for e in events] == [3, 2, 2]  # codebook §5: 7 over 3 -> 3/2/2
    assert {e.sub_event_type for e in events} == {"Air/drone strike"}
    assert [e.main for e in events] == [True, False, False]
    assert all("divided evenly" in e.reasons["fatalities"] for e in events)


@pytest.mark.parametrize("text", [
    # a road between two towns is one place
    "A roadside bomb struck an army truck on the road between Mora and Kolofata on Saturday, killing three soldiers.",
    # a town and its district or province is one place
    "Gunmen attacked a police post in Kirandul, Dantewada, on Sunday, killing two officers.",
    # towns named in another clause of the sentence are not the act's places
    "After the massacre in Choloma, the government declared a curfew in the municipalities of Choloma and "
    "San Pedro Sula.",
])
def test_a_road_a_district_or_a_later_clause_is_not_a_list(text):
    events = _events(text)
    assert len(events) <= 1


# town by town, each with its own toll: one event per town with the figure of its own clause
TOWN_BY_TOWN = {
    "en": ("Israeli air strikes hit several villages in southern Lebanon on Tuesday. A strike on Bint Jbeil killed "
           "two people, a strike on Khiam killed three people and another strike on Tyre wounded four people, the "
           "health ministry said.", ["Bint Jbeil", "Khiam", "Tyre"]),
    "fr": ("Des frappes aériennes israéliennes ont visé plusieurs villages du sud du Liban mardi. Une frappe sur "
           "Bint Jbeil a tué deux personnes, une frappe sur Khiam a tué trois personnes et une autre frappe sur Tyr "
           "a blessé quatre personnes, selon le ministère de la Santé.", ["Bint Jbeil", "Khiam", "Tyre"]),
    "ar": ("شنت طائرات إسرائيلية غارات على عدة بلدات في جنوب لبنان يوم الثلاثاء. وقتل شخصان في غارة على بنت جبيل، "
           "وقتل ثلاثة أشخاص في غارة على الخيام، وأصيب أربعة أشخاص في غارة على صور، بحسب وزارة الصحة.",
           ["Bint Jbeil", "Khiam", "Tyre"]),
    "ru": ("Во вторник российские войска обстреляли несколько городов Днепропетровской области. В Никополе погибли "
           "два человека, в Марганце погибли три человека, а в Кривом Роге ранены четыре человека, сообщил губернатор.",
           ["Nikopol", "Marhanets", "Kryvyi Rih"]),
}


@pytest.mark.parametrize("lang", sorted(TOWN_BY_TOWN))
def test_town_by_town_each_with_its_own_toll(lang):
    text, towns = TOWN_BY_TOWN[lang]
    events = _events(text, lang)
    assert [e.location for e in events] == towns
    assert [e.fatalities for e in events] == [2, 3, 0]
    assert len({e.sub_event_type for e in events}) == 1
    assert "its own figure" in events[1].reasons["fatalities"]


def test_one_toll_for_two_towns_is_no_town_by_town_list():
    # one figure for the act, the towns in separate clauses: not told town by town
    events = _events("Rebels attacked an army post in Kidal on Monday, killing five soldiers, and later fled "
                     "towards Tessalit, the army said.")
    assert len(events) <= 1


def test_town_by_town_in_spanish_with_sentence_initial_locative():
    # "En Culiacán ..." opens the sentence: the capitalised preposition is still a locative cue
    events = _events("Enfrentamientos armados sacudieron varios municipios de Sinaloa el martes. En Culiacán murieron "
                     "dos personas, en Navolato murieron tres personas y en Guasave resultaron heridas cuatro "
                     "personas, informó la fiscalía.", "es")
    clashes = [e for e in events if e.sub_event_type == "Armed clash"]
    assert [(e.location, e.fatalities) for e in clashes] == [("Culiacan", 2), ("Navolato", 3), ("Guasave", 0)]


@pytest.mark.parametrize("text", [
    "L'aviation israélienne a mené lundi des frappes sur les localités de Khiam, Aitaroun et Bint Jbeil, dans le sud du Liban.",
    "L'aviation israélienne a mené lundi des frappes sur les localités de Khiam, Bint Jbeil et Aitaroun, dans le sud du Liban.",
])
def test_a_town_the_gazetteer_lacks_is_one_of_the_list(text):
    import datetime as dt

    from eventcoder.pipeline import code_text

    events = code_text(text, published=dt.date(2025, 3, 12))
    assert sorted(e.location for e in events) == ["Aitaroun", "Bint Jbeil", "Khiam"]
    assert {e.sub_event_type for e in events} == {"Air/drone strike"}
    assert [e.admin1 for e in events if e.location == "Aitaroun"] == [None]  # named, not georeferenced


def test_one_unknown_name_after_a_town_is_no_list():
    import datetime as dt

    from eventcoder.pipeline import code_text

    text = "Des frappes ont visé lundi la localité de Khiam, Hassan Fadlallah a dénoncé l'attaque."
    events = code_text(text, published=dt.date(2025, 3, 12))
    assert [e.location for e in events] == ["Khiam"]
