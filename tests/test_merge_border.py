"""Either side of a border: two outlets place one clash in their own countries."""
from __future__ import annotations

import datetime as dt

from eventcoder import merge
from eventcoder.schema import Event


def ev(event_id, doc_id, **fields) -> Event:
    base = dict(event_date=dt.date(2025, 3, 13), time_precision=1, event_type="Battles", sub_event_type="Armed clash",
                actor1="Military Forces of Chad (2021-)", actor2="Islamic State West Africa Province",
                country="Chad", admin1="Lac", admin2="Mamdi", location="Kaiga Ngouboua",
                latitude=13.53, longitude=14.02, geo_precision=1, fatalities=12, source=doc_id.upper())
    base.update(fields)
    return Event(event_id=event_id, doc_id=doc_id, **base)


NIGERIA = dict(country="Nigeria", admin1="Borno", admin2="Abadam", location="Malam Fatori",
               latitude=13.60, longitude=13.90)
CHAD_SIDE = ("Soldiers repelled an attack on their base at Kaiga Ngouboua on Thursday; 12 attackers were "
             "killed, said Colonel Abakar Mahamat Saleh, whose men found the body of the fisherman Idriss Moussa Kodi.")
NIGERIA_SIDE = ("Jihadists crossed the lake on Thursday and raided troops near Malam Fatori, leaving 12 dead, "
                "residents said. The dead included the fisherman Idriss Moussa Kodi.")


def test_a_clash_either_side_of_a_border_joins_on_evidence():
    chad, nigeria = ev("a1", "a"), ev("b1", "b", **NIGERIA)
    result = merge.cluster([chad, nigeria], documents={"a": CHAD_SIDE, "b": NIGERIA_SIDE})
    assert sorted(inc.event_ids for inc in result.incidents) == [["a1", "b1"]]
    assert result.joins["b1"]["evidence"]["countries"] == ["Chad", "Nigeria"]
    # without their texts, nothing but the coded fields: two countries stay two events
    assert sorted(inc.event_ids for inc in merge.cluster([chad, nigeria]).incidents) == [["a1"], ["b1"]]


def test_places_in_two_countries_far_apart_never_join():
    far = dict(NIGERIA, location="Maiduguri", admin2="Maiduguri", latitude=11.85, longitude=13.16)
    chad, nigeria = ev("a1", "a"), ev("b1", "b", **far)
    assert merge.similarity(chad, nigeria, {"a": CHAD_SIDE, "b": NIGERIA_SIDE}) == 0.0
