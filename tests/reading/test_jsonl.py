"""JSONL reader: one Document per good line, one Failure per bad line, in file order."""
from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.errors import ReadError
from eventcoder.reading.base import ReadOptions
from eventcoder.reading.jsonl import read_jsonl
from eventcoder.schema import Document, Failure

GOOD = {
    "text": "Students blocked the main road in Kumasi on Monday, police said.",
    "title": "Students block Kumasi road",
    "url": "https://gold-coast.example/kumasi",
    "source": "Gold Coast Daily",
    "published": "2025-05-05",
    "lang": "en-GH",
    "unknown_field": "ignored",
}


def read(data: bytes, max_bytes: int = 10_000) -> list:
    return list(read_jsonl(io.BytesIO(data), "in.jsonl", ReadOptions(max_bytes=max_bytes)))


def line(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n"


def test_jsonl_record_fields_fill_document():
    [doc] = read(line(GOOD))
    assert isinstance(doc, Document)
    assert doc.text == GOOD["text"]
    assert (doc.title, doc.url, doc.source) == (GOOD["title"], GOOD["url"], GOOD["source"])
    assert doc.published == dt.date(2025, 5, 5)
    assert doc.lang == "en"
    assert doc.origin == "in.jsonl:1"


def test_jsonl_doc_id_given_or_derived():
    given, derived = read(line({"text": "A march in Tamale.", "doc_id": "abc"}) + line({"text": "A march in Tamale."}))
    assert given.doc_id == "abc"
    assert len(derived.doc_id) == 16


@pytest.mark.parametrize(
    "raw,code,words",
    [
        (b"{not json\n", "E207", "invalid JSON"),
        (b"[1, 2]\n", "E207", "JSON object"),
        (line({"title": "no text"}), "E207", '"text"'),
        (line({"text": 42}), "E207", '"text" must be a string'),
        (line({"text": "   "}), "E202", "blank"),
        (b'{"text": "caf\xe9"}\n', "E205", "not UTF-8"),
        (b'{"text": "a\x00b"}\n', "E201", "NUL"),
        (b"[" * 100_000 + b"\n", "E207", "invalid JSON"),
    ],
)
def test_jsonl_bad_line_is_one_failure_between_good_ones(raw, code, words):
    items = read(line(GOOD) + raw + line(GOOD), max_bytes=200_000)
    assert [type(i) for i in items] == [Document, Failure, Document]
    failure = items[1]
    assert failure.origin == "in.jsonl:2"
    assert failure.code == code
    assert words in failure.message
    assert [items[0].origin, items[2].origin] == ["in.jsonl:1", "in.jsonl:3"]


@pytest.mark.parametrize(
    "record,dropped,code,words",
    [
        ({"title": ["a list"]}, "title", "W202", '"title" must be a string'),
        ({"published": 20250505}, "published", "W201", '"published" must be a string'),
        ({"published": "sometime"}, "published", "W201", "not a date"),
        ({"lang": {"code": "en"}}, "lang", "W203", '"lang" must be a string'),
        ({"url": 7, "source": True}, "url", "W204", '"url" must be a string'),
    ],
)
def test_issue19_jsonl_bad_optional_field_dropped_with_warning(record, dropped, code, words):
    """A malformed optional field costs that field only: the text is still read (and coded)."""
    items = read(line(GOOD) + line({"text": "Police fired tear gas at protesters in Tamale.", **record}) + line(GOOD))
    assert [type(i) for i in items] == [Document, Document, Document]
    doc = items[1]
    assert getattr(doc, dropped) is None and doc.text.startswith("Police fired")
    assert any(w.startswith(code) and words in w for w in doc.warnings), doc.warnings
    assert items[0].warnings == items[2].warnings == []


def test_issue19_jsonl_nul_and_lone_surrogate_become_replacement_characters():
    raw = b'{"text": "Gunmen\\u0000 attacked Gusau \\ud800 on Monday."}\n'
    (doc,) = read(raw)
    assert doc.text == "Gunmen\ufffd attacked Gusau \ufffd on Monday."
    assert doc.warnings and doc.warnings[0].startswith("W207")


def test_jsonl_blank_lines_skipped_but_counted():
    items = read(line(GOOD) + b"\n   \n" + line(GOOD))
    assert [i.origin for i in items] == ["in.jsonl:1", "in.jsonl:4"]


def test_jsonl_bom_and_crlf_and_missing_final_newline():
    data = b"\xef\xbb\xbf" + line(GOOD).replace(b"\n", b"\r\n") + line(GOOD).rstrip(b"\n")
    items = read(data)
    assert [type(i) for i in items] == [Document, Document]


def test_jsonl_line_over_max_bytes_fails_alone():
    long = line({"text": "x" * 500})
    items = read(line(GOOD) + long + line(GOOD), max_bytes=300)
    assert [type(i) for i in items] == [Document, Failure, Document]
    assert items[1].code == "E203"
    assert items[1].origin == "in.jsonl:2"
    assert items[2].origin == "in.jsonl:3"


@pytest.mark.parametrize("data", [b"", b"\n  \n\n"])
def test_jsonl_file_without_records_is_empty(data):
    with pytest.raises(ReadError) as info:
        read(data)
    assert info.value.code == "E202"


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(st.binary(max_size=60).filter(lambda b: b"\n" not in b) | st.builds(line, st.dictionaries(
    st.sampled_from(["text", "title", "published", "lang", "doc_id"]),
    st.none() | st.integers() | st.text(max_size=20) | st.lists(st.integers(), max_size=2)))))
def test_jsonl_one_item_per_nonblank_line(lines):
    data = b"\n".join(raw.rstrip(b"\n") for raw in lines)
    nonblank = [n for n, raw in enumerate(data.split(b"\n"), start=1) if raw.strip()]
    try:
        items = read(data, max_bytes=1000)
    except ReadError as error:
        assert error.code == "E202" and not nonblank
    else:
        assert [i.origin for i in items] == [f"in.jsonl:{n}" for n in nonblank]
