"""HTML reader: article text and metadata via trafilatura, refusals, and html_to_text."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.errors import ReadError
from eventcoder.reading.html import html_to_text, looks_like_html, parse_html

# A fictional article page written for these tests.
PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Traders march in Kisumu | Lakeside Tribune</title>
<meta property="og:site_name" content="Lakeside Tribune">
<meta property="og:title" content="Traders march in Kisumu">
<meta name="date" content="2025-04-01">
<link rel="canonical" href="https://lakeside.example/traders">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Traders march in Kisumu</h1>
<p>KISUMU, Kenya - Hundreds of market traders marched through the centre of Kisumu on Tuesday
to protest against a new levy on stalls, witnesses said.</p>
<p>Police watched from a distance and no injuries were reported, a county official said.</p>
</article>
<footer>Copyright Lakeside Tribune</footer>
</body></html>"""


def test_html_article_and_metadata():
    doc = parse_html(PAGE.encode("utf-8"), "page.html")
    assert doc.title == "Traders march in Kisumu"
    assert doc.source == "Lakeside Tribune"
    assert doc.published == dt.date(2025, 4, 1)
    assert doc.url == "https://lakeside.example/traders"
    assert doc.lang == "en"
    assert doc.origin == "page.html"
    assert doc.text.startswith("KISUMU, Kenya - Hundreds of market traders")  # title line dropped
    assert "no injuries were reported" in doc.text
    assert "\n\n" in doc.text  # paragraphs kept apart
    for boilerplate in ("Home", "Copyright"):
        assert boilerplate not in doc.text


def test_html_declared_legacy_charset():
    page = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"')
    page = page.replace("Kisumu on Tuesday", "Kisumu mardi, près du marché")
    doc = parse_html(page.encode("latin-1"), "latin.html")
    assert "mardi, près du marché" in doc.text


def test_html_without_date_leaves_published_empty():
    page = PAGE.replace('<meta name="date" content="2025-04-01">', "")
    assert parse_html(page.encode(), "p.html").published is None


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "E202"),
        (b"<html><head><title>Nothing</title></head><body></body></html>", "E206"),
        (b"<html><body><script>var a = 1;</script><img src='x.png'></body></html>", "E206"),
        (b"<<<>>><<!-- unterminated", "E206"),
        (b"<html>\x00\x01\x02\x03\x00</html>", "E201"),
    ],
)
def test_html_refuses_empty_malformed_and_binary(data, code):
    with pytest.raises(ReadError) as info:
        parse_html(data, "bad.html")
    assert info.value.code == code
    assert info.value.origin == "bad.html"


def test_html_refuses_input_over_max_bytes():
    with pytest.raises(ReadError) as info:
        parse_html(PAGE.encode(), "big.html", max_bytes=100)
    assert info.value.code == "E203"


@pytest.mark.parametrize(
    "fragment,text",
    [
        ("<p>Police <b>fired</b> tear gas.</p><p>Two were hurt.</p>", "Police fired tear gas.\n\nTwo were hurt."),
        ("Line one<br>line two", "Line one\nline two"),
        ("<p>Wrapped\n   markup <br/> next</p>", "Wrapped markup\nnext"),
        ("<div><p>Nested</p></div><ul><li>one</li><li>two</li></ul>", "Nested\n\none\n\ntwo"),
        ("<p>Text</p><script>var x = 1;</script><style>p {}</style>", "Text"),
        ("plain text, no tags &amp; an entity", "plain text, no tags & an entity"),
        ("", ""),
        ("   ", ""),
        ("<p></p>", ""),
    ],
)
def test_html_to_text(fragment, text):
    assert html_to_text(fragment) == text


@pytest.mark.parametrize(
    "head,expected",
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\n  <html lang='fr'>", True),
        (b"<p>A fragment</p>", True),
        (b"TITLE: a report\n\nPolice said <b>", False),
        (b"Police said 3 < 4", False),
    ],
)
def test_html_sniffing(head, expected):
    assert looks_like_html(head) is expected


_markup = st.lists(
    st.sampled_from(["<p>", "</p>", "<div>", "<br>", "<html>", "<body>", "<!--", "-->", "<script>", "&amp;",
                     "<meta charset='x-bad'>"])
    | st.text(max_size=30),
    max_size=30,
).map("".join).map(lambda s: s.encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300) | _markup)
def test_html_arbitrary_bytes_give_document_or_read_error(data):
    try:
        doc = parse_html(data, "fuzz.html")
    except ReadError as error:
        assert error.code.startswith("E2")
    else:
        assert doc.text.strip()
