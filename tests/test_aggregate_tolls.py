"""aggregate.py: when the same toll in two places of one province is one event (issue 18).

Events are built by hand (places are real, events invented); no model needed.
"""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.aggregate import aggregate
from eventcoder.schema import Event

#: (location, latitude, longitude) in Belgorod oblast
SHEBEKINO = ("Shebekino", 50.41, 36.90)
BESSONOVKA = ("Bessonovka", 50.67, 36.42)  # about 45 km from Shebekino
SHEBEKINO_CENTRE = ("Shebekino - Centre", 50.43, 36.91)  # a few km: the same town told twice


def _ev(place, dead):
    name, lat, lon = place
    return Event(doc_id="x", sub_event_type="Shelling/artillery/missile attack", location=name, admin1="Belgorod",
                 country="Russia", latitude=lat, longitude=lon, event_date=dt.date(2025, 8, 8), fatalities=dead)


@pytest.mark.parametrize("a, b, dead, events", [
    (SHEBEKINO, BESSONOVKA, 1, 2),  # one dead in each of two towns: two acts, each with its own dead
    (SHEBEKINO, SHEBEKINO_CENTRE, 1, 1),  # one dead told at a town and at a place in it: one act
    (SHEBEKINO, BESSONOVKA, 8, 1),  # eight dead told with two places of the province: one act
])
def test_aggregate_one_dead_identifies_the_act_only_nearby(a, b, dead, events):
    assert len(aggregate([_ev(a, dead), _ev(b, dead)])) == events
