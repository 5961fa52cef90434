"""Plain-text reader: decoding, refusals (binary, empty, too large) and header -> Document."""
from __future__ import annotations

import codecs
import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.errors import ReadError
from eventcoder.reading.base import ReadOptions
from eventcoder.reading.text import decode_bytes, parse_text, read_text

# A fictional report written for these tests.
REPORT = (
    "TITLE: Traders march in Kisumu over stall levy\n"
    "DATE: 2025-04-01\n"
    "SOURCE: Lakeside Tribune\n"
    "LANG: en-GB\n"
    "URL: https://lakeside.example/traders\n"
    "\n"
    "KISUMU, Kenya - Hundreds of market traders marched through Kisumu on Tuesday.\n\n"
    "Police watched from a distance and no injuries were reported.\n"
)
FRENCH = "Des commerçants ont défilé à Abidjan mardi; la police a dispersé la foule près du marché. Élèves inquiets."
RUSSIAN = "Жители Воронежа вышли на площадь во вторник, сообщила полиция; задержаний не было."


def test_text_header_fields_fill_document():
    doc = parse_text(REPORT.encode("utf-8"), "kisumu.txt")
    assert doc.title == "Traders march in Kisumu over stall levy"
    assert doc.published == dt.date(2025, 4, 1)
    assert doc.source == "Lakeside Tribune"
    assert doc.lang == "en"
    assert doc.url == "https://lakeside.example/traders"
    assert doc.origin == "kisumu.txt"
    assert doc.text.startswith("KISUMU, Kenya - Hundreds")
    assert "TITLE:" not in doc.text


def test_text_without_header_is_all_body():
    doc = parse_text(b"Police fired tear gas at students in Dhaka.", "a.txt")
    assert (doc.text, doc.title, doc.published) == ("Police fired tear gas at students in Dhaka.", None, None)


@pytest.mark.parametrize(
    "date,expected",
    [
        ("2025-04-01", dt.date(2025, 4, 1)),
        ("1 April 2025", dt.date(2025, 4, 1)),
        ("Tue, 01 Apr 2025 08:00:00 GMT", dt.date(2025, 4, 1)),
        ("April 2025", None),  # no day: not guessed
        ("yesterday", None),  # relative: would depend on when the file is read
        ("not a date", None),
    ],
)
def test_text_header_date_forms(date, expected):
    doc = parse_text(f"DATE: {date}\n\nProtest in Kisumu.".encode(), "d.txt")
    assert doc.published == expected


@pytest.mark.parametrize(
    "text,data",
    [
        (FRENCH, FRENCH.encode("latin-1")),
        (FRENCH + " \u2014 \u201cnon\u201d", (FRENCH + " \u2014 \u201cnon\u201d").encode("cp1252")),
        (RUSSIAN, RUSSIAN.encode("cp1251")),
        (FRENCH, codecs.BOM_UTF8 + FRENCH.encode("utf-8")),
        (FRENCH, FRENCH.encode("utf-16")),  # with a BOM, native byte order
        (RUSSIAN, codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be")),
        (FRENCH, FRENCH.encode("utf-32")),
    ],
)
def test_text_decodes_legacy_and_bom_encodings(text, data):
    assert decode_bytes(data, "f.txt") == text


def test_text_explicit_encoding_wins_and_errors_name_the_byte():
    data = "Gaza – café".encode("cp1252")
    assert decode_bytes(data, encoding="cp1252") == "Gaza – café"
    with pytest.raises(ReadError) as info:
        decode_bytes(data, "f.txt", encoding="utf-8")
    assert info.value.code == "E205" and "0x96" in str(info.value)
    with pytest.raises(ReadError) as info:
        decode_bytes(data, "f.txt", encoding="no-such-codec")
    assert info.value.code == "E205"


@pytest.mark.parametrize(
    "data",
    [
        b"Police said\x00\x00\x00\x01\x02 the march",
        bytes(range(0, 32)) * 10,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ],
)
def test_text_refuses_binary(data):
    with pytest.raises(ReadError) as info:
        parse_text(data, "image.txt")
    assert info.value.code == "E201"
    assert info.value.origin == "image.txt"


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"\n\n", "TITLE: Header only\n\n  \n".encode()]
)
def test_text_refuses_empty(data):
    with pytest.raises(ReadError) as info:
        parse_text(data, "blank.txt")
    assert info.value.code == "E202"


def test_text_refuses_input_over_max_bytes():
    data = b"Protesters gathered in Kisumu. " * 10
    assert parse_text(data, "ok.txt", max_bytes=len(data)).text.startswith("Protesters")
    with pytest.raises(ReadError) as info:
        parse_text(data, "big.txt", max_bytes=len(data) - 1)
    assert info.value.code == "E203"


def test_text_reader_stops_reading_at_limit():
    stream = io.BytesIO(b"x" * 1000)
    with pytest.raises(ReadError) as info:
        list(read_text(stream, "big.txt", ReadOptions(max_bytes=100)))
    assert info.value.code == "E203"
    assert stream.tell() == 101  # one byte past the limit, not the whole stream


def test_text_crlf_is_normalised():
    doc = parse_text(b"TITLE: T\r\n\r\nLine one.\r\nLine two.\r\n", "crlf.txt")
    assert doc.text == "Line one.\nLine two.\n"


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_text_arbitrary_bytes_give_document_or_read_error(data):
    try:
        doc = parse_text(data, "fuzz.txt")
    except ReadError as error:
        assert error.code.startswith("E2")
    else:
        assert doc.text.strip()
        assert doc.origin == "fuzz.txt"


@pytest.mark.parametrize("body,title", [
    ("WORLD> Middle East\nBlast kills six at market in northern town\n(Agencies)\nA car bomb exploded.", 
     "Blast kills six at market in northern town"),
    ("date 2021-03-04 By Staff Writer\nRebels seize two villages near the river\nRebels seized the villages.",
     "Rebels seize two villages near the river"),
    ("Police said a bomb exploded near the bus station on Monday, killing two people.\nMore details later.", None),
    ("Troops clash with rebels\n", None),  # nothing follows: a one-line text is not a headline
    ("ADVERTISEMENT\nShare\nUpdated: 2024-01-02 10:00\nA long first sentence.", None),
    ("Listen 1 min Comment on this story Gift Article Share\nSoldiers repel attack on border post\nText.",
     "Soldiers repel attack on border post"),
    # short labels and an all-capitals menu before the headline do not count among its three lines
    ("Accessibility links\nBreaking News\nNews\nCourt overturns two murder convictions\nThe court said.",
     "Court overturns two murder convictions"),
    ("date 2020-04-30 MARKETS BSE NSE\nHome World\nTwo children killed in a blast in a village\nText.",
     "Two children killed in a blast in a village"),
    # the page's date stamp glued to the headline is no part of it
    ("date 2025-09-01 Town remembers the victims of the siege\nMourning began on Monday.",
     "Town remembers the victims of the siege"),
])
def test_text_headline_is_inferred_from_the_first_lines(body, title):
    from eventcoder.reading.text import headline
    assert headline(body) == title
