"""schema.py is the single source of truth: round trips, enums, the generated JSON Schema file."""
import datetime as dt
import json

import pytest

from eventcoder import schema
from eventcoder.resources import read_text
from eventcoder.schema import AuditEntry, Document, Event, Evidence, Incident


def _event() -> Event:
    return Event(event_id="x-e1", doc_id="x", event_date=dt.date(2025, 3, 13), time_precision=1,
                 event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
                 actor1="Al Shabaab", inter1=2, actor2="Civilians (Somalia)", inter2=7,
                 interaction="27", fatalities=7, source_chain=["Outlet", "Police"],
                 evidence=[Evidence("fatalities", 3, 9, "seven")], reasons={"event_date": "why"})


def test_schema_event_round_trip():
    event = _event()
    back = Event.from_json(event.to_json())
    assert back == event
    assert isinstance(back.event_date, dt.date) and isinstance(back.evidence[0], Evidence)


def test_schema_document_id_is_stable_and_whitespace_insensitive():
    a = Document(text="Gunmen attacked  a village.\r\n")
    b = Document(text="Gunmen attacked a village.\n")
    assert a.doc_id == b.doc_id and len(a.doc_id) == 16
    assert Document(text="Other text.").doc_id != a.doc_id


def test_schema_incident_and_audit_round_trip():
    inc = Incident("i1", ["x-e1"], canonical=_event())
    assert Incident.from_json(inc.to_json()) == inc
    audit = AuditEntry("i1", "fatalities", 7, 9, "later toll", who="reviewer")
    assert AuditEntry.from_json(audit.to_json()) == audit


def test_schema_taxonomy_has_6_types_and_25_subtypes():
    assert len(schema.EVENT_TYPES) == 6 and len(schema.SUB_EVENT_TYPES) == 25
    assert schema.SUB_RANK["Government regains territory"] == 0
    assert schema.SUB_RANK["Air/drone strike"] < schema.SUB_RANK["Shelling/artillery/missile attack"]


@pytest.mark.parametrize("inter1,inter2,code", [(1, 7, "17"), (7, 1, "17"), (6, None, "60"), (2, 2, "22"), (None, 3, None)])
def test_schema_interaction_code(inter1, inter2, code):
    assert schema.interaction_code(inter1, inter2) == code


@pytest.mark.parametrize("sub,disorder", [
    ("Excessive force against protesters", "Political violence; Demonstrations"),
    ("Peaceful protest", "Demonstrations"), ("Violent demonstration", "Demonstrations"),
    ("Mob violence", "Political violence"), ("Arrests", "Strategic developments"),
    ("Armed clash", "Political violence")])
def test_schema_disorder_type(sub, disorder):
    assert schema.disorder_type(sub) == disorder


def test_schema_json_schema_file_is_current():
    """data/schema/records.schema.json is generated: `python -m eventcoder.schema_file` rewrites it."""
    shipped = json.loads(read_text("schema/records.schema.json"))
    assert shipped == json.loads(json.dumps(schema.json_schema()))
    assert set(shipped["$defs"]["Event"]["properties"]) == set(Event.field_names())


def test_schema_every_event_field_is_documented_and_docs_are_current():
    from tests.conftest import REPO

    assert set(schema.EVENT_FIELD_DOCS) == set(Event.field_names())
    assert (REPO / "docs" / "schema.md").read_text(encoding="utf-8") == schema.schema_markdown()
