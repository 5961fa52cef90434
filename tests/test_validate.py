"""validate.py: every value within the schema's limits before the store or an export (issue 19)."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.errors import ReadError
from eventcoder.schema import Document, Event, Evidence
from eventcoder.validate import MAX_FATALITIES, check_document, check_event, check_events, describe

TEXT = "Gunmen killed seven people in Mogadishu on Thursday, police said."


def _event(**fields) -> Event:
    return Event(event_id="d-e1", doc_id="d", sub_event_type="Attack", event_type="Violence against civilians",
                 **fields)


@pytest.mark.parametrize(
    "field,value,expected,reason",
    [
        ("fatalities", 10 ** 400, 0, "above the cap of 100,000"),
        ("fatalities", MAX_FATALITIES + 1, 0, "implausible figure"),
        ("fatalities", -3, 0, "not a count"),
        ("fatalities_high", 2 ** 70, None, "implausible"),
        ("injured", 10 ** 9, None, "above the cap"),
        ("inter1", 9, None, "not a valid inter1"),
        ("geo_precision", 2 ** 64, None, "not a valid geo_precision"),
        ("time_precision", True, None, "not a valid time_precision"),
        ("ucdp_type", 0, None, "not a valid ucdp_type"),
        ("certainty", "certain", None, "not a known certainty"),
        ("event_date", dt.date(1066, 10, 14), None, "not a date within"),
        ("event_date", dt.date(9999, 1, 1), None, "not a date within"),
        ("latitude", float("nan"), None, "not on the globe"),
        ("latitude", 91.0, None, "not on the globe"),
        ("confidence", float("inf"), 0.0, "not a probability"),
    ],
)
def test_validate_event_drops_bad_value_with_reason(field, value, expected, reason):
    checked = check_event(_event(**{field: value}))
    assert getattr(checked, field) == expected
    why = checked.reasons.get(field) or checked.reasons.get("latitude")
    assert why and reason in why


@pytest.mark.parametrize("field,value", [("fatalities", MAX_FATALITIES), ("fatalities", 0), ("inter1", 8),
                                         ("event_date", dt.date(2025, 3, 14)), ("latitude", -90.0)])
def test_validate_event_keeps_values_within_limits(field, value):
    event = _event(**{field: value})
    assert check_event(event) == event


def test_validate_event_strings_cut_and_made_storable():
    checked = check_event(_event(actor1="A\x00B" + "x" * 2000, notes="\ud800 note", source_chain=["ok", 5, "y" * 900]))
    assert checked.actor1.startswith("A\ufffdB") and len(checked.actor1) == 500 and checked.actor1.endswith("…")
    assert checked.notes == "\ufffd note"
    assert checked.source_chain == ["ok", "y" * 499 + "…"]


def test_validate_evidence_outside_the_text_dropped():
    doc = Document(text=TEXT)
    spans = [Evidence("location", 30, 39, "Mogadishu"), Evidence("actor1", 0, 7, "Gunmen!"),
             Evidence("x", 60, 10 ** 30, "far")]
    (checked,) = check_events(doc, [_event(evidence=spans)])
    assert checked.evidence == spans[:1] and checked.doc_id == doc.doc_id
    assert checked.reasons["evidence"].startswith("2 evidence span")


def test_validate_duplicate_event_ids_made_unique():
    doc = Document(text=TEXT)
    events = check_events(doc, [_event(), _event()])
    assert len({e.event_id for e in events}) == 2


@pytest.mark.parametrize(
    "fields,code,dropped",
    [({"published": dt.date(9999, 12, 31)}, "W201", "published"), ({"title": "t" * 1001}, "W202", "title"),
     ({"lang": "english please"}, "W203", "lang"), ({"url": 5}, "W204", "url"),
     ({"source": "s" * 501}, "W205", "source")],
)
def test_validate_document_drops_bad_optional_field_with_warning(fields, code, dropped):
    checked = check_document(Document(text=TEXT, **fields))
    assert getattr(checked, dropped) is None and checked.text == TEXT
    assert [w[:4] for w in checked.warnings] == [code]


def test_validate_document_unchanged_when_valid():
    doc = Document(text=TEXT, title="Attack", published=dt.date(2025, 3, 14), lang="en")
    assert check_document(doc) is doc


@pytest.mark.parametrize("text,code", [("   \n", "E202"), ("x" * 1_000_001, "E203")])
def test_validate_document_unusable_text_is_an_error(text, code):
    with pytest.raises(ReadError) as info:
        check_document(Document(text=text))
    assert info.value.code == code


def test_validate_describe_gigantic_numbers():
    assert describe(10 ** 400) == "100000…(401 digits)"
    assert "digits" in describe(10 ** 100_000)
