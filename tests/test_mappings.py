"""CAMEO/PLOVER/UCDP codes and generated notes (data/mappings/acled_codes.tsv)."""
import datetime as dt

import pytest

from eventcoder import mappings
from eventcoder.schema import SUB_EVENT_TYPES, Event


@pytest.mark.parametrize("sub", SUB_EVENT_TYPES)
def test_mappings_every_sub_type_has_codes_and_a_verb(sub):
    row = mappings.table()[sub]
    assert row["cameo"] and row["plover_type"] and row["verb"]


@pytest.mark.parametrize("sub,inter1,inter2,deaths,ucdp", [
    ("Armed clash", 1, 2, 3, 1), ("Armed clash", 2, 3, 3, 2), ("Attack", 3, 7, 1, 3),
    ("Air/drone strike", 1, 7, 2, 3), ("Air/drone strike", 8, 2, 2, 1), ("Armed clash", 1, 2, 0, None),
    ("Peaceful protest", 6, None, 1, None)])
def test_mappings_ucdp_type(sub, inter1, inter2, deaths, ucdp):
    ev = Event(sub_event_type=sub, inter1=inter1, inter2=inter2, fatalities=deaths)
    assert mappings.ucdp_type(ev) == ucdp


def test_mappings_notes_follow_the_acled_template():
    ev = Event(event_date=dt.date(2025, 3, 13), time_precision=1, sub_event_type="Suicide bomb",
               actor1="Al Shabaab", actor2="Civilians (Somalia)", location="Mogadishu", admin1="Banadir",
               geo_precision=1, fatalities=7, injured=19)
    assert mappings.notes(ev) == ("On 13 March 2025, Al Shabaab carried out a suicide bombing against "
                                  "Civilians (Somalia) in Mogadishu (Banadir). 7 reported fatalities. 19 injured.")


def test_mappings_notes_one_sided_and_located_by_border():
    ev = Event(sub_event_type="Remote explosive/landmine/IED", actor1="Unidentified Armed Group (Iraq)",
               location="Iraq-Syria border (Anbar)", admin1="Al Anbar", geo_precision=3)
    text = mappings.notes(ev)
    assert text.startswith("On an unknown date, Unidentified Armed Group (Iraq) detonated an explosive device near")
    assert "(Anbar) (" not in text and text.endswith("No fatalities reported.")
