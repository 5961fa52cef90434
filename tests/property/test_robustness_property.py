"""Property tests over every reader, the extractors' entry points and the store (issue 19).

Readers fed arbitrary bytes yield Documents or Failures (or raise ReadError), never anything
else; extractors keep their spans inside the text on hostile strings; the store takes any Event
and keeps exactly its validated values.
"""
from __future__ import annotations

import datetime as dt
import io
import math
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventcoder.errors import LimitExceeded, ReadError
from eventcoder.extract.when.dates import event_date
from eventcoder.extract.howmany.fatalities import count_fatalities
from eventcoder.extract.numbers import parse_number
from eventcoder.reading import READERS, ReadOptions, sniff_reader
from eventcoder.schema import Document, Event, Evidence, Failure
from eventcoder.validate import check_document, check_event

from ..conftest import assert_spans
from ..store.conftest import any_store  # noqa: F401 - the store fixture, on SQLite and PostgreSQL
from .test_parsers_property import analysis

HOSTILE = ["\x00", "\ud800", "\u202e", "\ufeff", "9" * 400, "1e400", "-" + "7" * 30, "<!ENTITY x 'y'>",
           "&x;", "]]>", "\r\n", "\t", "🔥", "ق", "\u0301" * 20, "killed", " at least ", "toll rose to "]
hostile_text = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=12), max_size=25).map("".join)
wild_bytes = st.binary(max_size=400) | hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass"))
FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><description>%s</description></item></channel></rss>'


@settings(max_examples=150, deadline=None)
@given(name=st.sampled_from(sorted(READERS)), data=wild_bytes | wild_bytes.map(lambda b: FEED % b))
def test_property_readers_yield_documents_or_failures_only(name, data):
    try:
        items = list(READERS[name](io.BytesIO(data), "x.in", ReadOptions(max_bytes=10_000)))
    except ReadError as error:
        assert error.code.startswith("E2") and str(error)
        return
    for item in items:
        assert isinstance(item, (Document, Failure))
        if isinstance(item, Failure):
            assert item.code.startswith("E2") and item.message
        else:
            assert item.text.strip()
            checked = check_document(item)  # a Document a reader made is always codable
            assert checked.text.strip() and checked.doc_id == item.doc_id


@settings(max_examples=60, deadline=None)
@given(head=st.binary(max_size=200))
def test_property_sniffing_never_fails(head):
    assert sniff_reader(head) in READERS


@settings(max_examples=150, deadline=None)
@given(text=hostile_text)
def test_property_numbers_parse_to_a_count_or_nothing(text):
    value = parse_number(text)
    assert value is None or isinstance(value, (int, float))


@settings(max_examples=120, deadline=None)
@given(text=hostile_text, anchor=st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_property_extractors_keep_spans_inside_hostile_text(text, anchor):
    ana = analysis(text.replace("\x00", " ") or "x", anchor)
    result = count_fatalities(ana, [0])
    assert_spans(ana.text, result.spans + [result.injured_span])
    assert result.value >= 0
    assert_spans(ana.text, [event_date(ana, [0]).span])


@pytest.mark.model
@settings(max_examples=25, deadline=None)
@given(junk=hostile_text, where=st.integers(0, 200))
def test_property_coder_on_a_report_with_junk_gives_valid_events(junk, where):
    from eventcoder.pipeline import Coded, code_one

    text = "Gunmen killed five villagers near Gusau, Zamfara state, on Monday, police said."
    doc = Document(text=text[:where] + junk + text[where:], published=dt.date(2025, 3, 10), lang="en")
    result = code_one(doc)
    if not isinstance(result, Coded):  # only a time limit may stop it
        assert result.code in ("E502", "E503")
        return
    for event in result.events:
        assert check_event(event, result.document) == event  # validated: a fixed point
        assert_spans(result.document.text, event.evidence)


ints = st.integers(-(2 ** 70), 2 ** 70) | st.sampled_from([10 ** 400, -1, 0, 3, 100_001])
floats = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0.5, 45.0, -200.0])
texts = st.text(max_size=30) | st.sampled_from(["\x00", "\ud800x", "A" * 700])
dates = st.none() | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))


@st.composite
def wild_events(draw, doc_id: str):
    return Event(event_id=f"{doc_id}-e1", doc_id=doc_id, main=draw(st.booleans()), event_date=draw(dates),
                 time_precision=draw(st.none() | ints), sub_event_type=draw(st.sampled_from([None, "Attack", "Nope"])),
                 event_type=draw(st.sampled_from([None, "Battles", "Protests"])), actor1=draw(st.none() | texts),
                 inter1=draw(st.none() | ints), latitude=draw(st.none() | floats), longitude=draw(st.none() | floats),
                 geo_precision=draw(st.none() | ints), fatalities=draw(ints), fatalities_low=draw(st.none() | ints),
                 injured=draw(st.none() | ints), source_chain=draw(st.lists(texts, max_size=3)),
                 certainty=draw(st.sampled_from([None, "reported", "maybe"])), notes=draw(st.none() | texts),
                 confidence=draw(floats), reasons=draw(st.dictionaries(texts, texts, max_size=3)),
                 evidence=[Evidence(draw(texts), draw(ints), draw(ints), draw(texts))])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), text=texts.filter(lambda t: t.strip("\x00 \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0")),
       title=st.none() | texts, published=dates)
def test_property_store_takes_any_event_and_keeps_its_validated_values(any_store, data, text, title, published):
    doc = Document(text=text, doc_id=uuid.uuid4().hex, title=title, published=published)
    event = data.draw(wild_events(doc.doc_id))
    failure = any_store.store_coded(doc, [event])
    assert failure is None, failure
    stored_doc = any_store.get_document(doc.doc_id)
    (stored,) = any_store.events(doc_id=doc.doc_id)
    expected = check_event(event, check_document(doc))
    assert stored.fatalities == expected.fatalities and 0 <= stored.fatalities <= 100_000
    assert stored.reasons == expected.reasons and stored.evidence == expected.evidence
    assert stored.event_date == expected.event_date and stored.latitude == expected.latitude
    assert math.isfinite(stored.confidence) and 0 <= stored.confidence <= 1
    assert_spans(stored_doc.text, stored.evidence)
    assert stored_doc.text == check_document(doc).text and "\x00" not in stored_doc.text
