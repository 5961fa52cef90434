"""Header block parsing: what counts as a header, what stays body, and the round trip."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.reading.header import KNOWN_KEYS, format_header, parse_header

BODY = "KISUMU, Kenya - Traders marched on Tuesday.\n\nPolice watched."


@pytest.mark.parametrize(
    "text,fields,body",
    [
        ("TITLE: Traders march\nDATE: 2025-04-01\n\n" + BODY, {"title": "Traders march", "date": "2025-04-01"}, BODY),
        ("title: Lower case keys\nLang: fr\n\n" + BODY, {"title": "Lower case keys", "lang": "fr"}, BODY),
        ("SOURCE: Lakeside Tribune\r\nURL: https://lakeside.example/a\r\n\r\n" + BODY,
         {"source": "Lakeside Tribune", "url": "https://lakeside.example/a"}, BODY),
        ("TITLE: Extra key kept\nAUTHOR: A. Writer\n\n" + BODY,
         {"title": "Extra key kept", "author": "A. Writer"}, BODY),
        ("TITLE:   padded value  \n   \n" + BODY, {"title": "padded value"}, BODY),
        ("TITLE: Header only", {"title": "Header only"}, ""),
        ("TITLE: first wins\nTITLE: second\n\n" + BODY, {"title": "first wins"}, BODY),
        ("TITLE:\nDATE: 2025-04-01\n\n" + BODY, {"date": "2025-04-01"}, BODY),
        ("TITLE: body keeps its blank lines\n\n\n\n" + BODY, {"title": "body keeps its blank lines"}, "\n\n" + BODY),
    ],
)
def test_header_parses_block(text, fields, body):
    assert parse_header(text) == (fields, body)


@pytest.mark.parametrize(
    "text",
    [
        BODY,
        "",
        "\nTITLE: a blank first line means no header\n\n" + BODY,
        "TITLE: not closed by a blank line\nKISUMU, Kenya - Traders marched.",
        "Update: police said the march was peaceful.\n\n" + BODY,  # prose, not an ALL-CAPS key
        "AUTHOR: only unknown keys\n\n" + BODY,
        " TITLE: indented\n\n" + BODY,
    ],
)
def test_header_absent_leaves_text_as_body(text):
    assert parse_header(text) == ({}, text)


def test_header_format_orders_known_keys_and_skips_blanks():
    fields = {"author": "A. Writer", "url": "https://x.example", "title": "T", "source": "", "date": None}
    assert format_header(fields) == "TITLE: T\nURL: https://x.example\nAUTHOR: A. Writer\n\n"
    assert format_header({}) == ""


@pytest.mark.parametrize("fields", [{"title": "two\nlines"}, {"bad key": "x"}, {"tïtle": "x"}])
def test_header_format_rejects_what_cannot_round_trip(fields):
    with pytest.raises(ValueError):
        format_header(fields)


_values = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).map(str.strip).filter(
    lambda v: v and "\n" not in v and "\r" not in v
)
_fields = st.dictionaries(st.sampled_from(KNOWN_KEYS), _values, min_size=1)
_bodies = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=200)
@given(fields=_fields, body=_bodies)
def test_header_round_trip(fields, body):
    assert parse_header(format_header(fields) + body) == (fields, body)
