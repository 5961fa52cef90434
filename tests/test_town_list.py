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
