"""`suggest` for places and sub-types (no coder needed): repeated corrections become an aliases.tsv row
with the reviewed coordinates and a triggers.yaml act of the reviewed sub-type; one correction is not enough."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from eventcoder.review.records import apply_review
from eventcoder.review.suggest import edited_files, suggest
from eventcoder.schema import Document, Event, Evidence
from eventcoder.store import Store


@pytest.fixture
def store(tmp_path):
    opened = Store.open(str(tmp_path / "s.db"))
    opened.init()
    yield opened
    opened.close()


def _report(store, n: int, text: str, **fields) -> str:
    doc = Document(text=text, published=dt.date(2025, 5, n + 1), lang="en")
    event = Event(event_id=f"{doc.doc_id}-e1", doc_id=doc.doc_id, country="Nigeria", **fields)
    store.add_coded(doc, [event], merge=False)
    return event.event_id


@pytest.mark.parametrize("reports", [2, 1])
def test_place_and_subtype_corrections_become_data_entries(store, reports):
    for n in range(reports):
        text = f"Gunmen torched homes in Dansadau village on day {n}, residents said."
        place = text.index("Dansadau")
        event_id = _report(store, n, text, location="Dan Sadau", sub_event_type="Attack",
                           event_type="Violence against civilians",
                           evidence=[Evidence("location", place, place + 8, "Dansadau"),
                                     Evidence("event_type", 7, 14, "torched")])
        apply_review(store.engine, event_id, "edit",
                     {"location": "Dansadau", "latitude": 11.95, "longitude": 6.58, "admin1": "Zamfara",
                      "sub_event_type": "Looting/property destruction"}, reason="homes burnt, no one hurt", who="ana")
    found = suggest(store.engine)
    if reports == 1:
        assert found == []
        return
    assert sorted((s.kind, s.alias, s.target) for s in found) == [
        ("place", "Dansadau", "Dansadau"), ("sub_event_type", "torched", "Looting/property destruction")]
    files = edited_files(found)
    rows = files["gazetteer/aliases.tsv"][1].splitlines()
    assert rows[-1] == "Dansadau\tDansadau\tNG\t11.95\t6.58\tZamfara"
    triggers = yaml.safe_load(files["lexicons/en/triggers.yaml"][1])
    assert triggers["sub_event_types"]["Looting/property destruction"]["acts"]["torched"] == 0.8
