"""Feed reader: RSS and Atom entries -> Documents, bad entries -> Failures, broken feeds refused."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.errors import ReadError
from eventcoder.reading.feed import looks_like_feed, parse_feed
from eventcoder.schema import Document, Failure

# Fictional feeds written for these tests.
RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Lakeside Tribune</title><language>en-gb</language><link>https://lakeside.example/</link>
<item><title>Traders march in Kisumu</title><link>https://lakeside.example/a</link>
<pubDate>Tue, 01 Apr 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Short summary.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Hundreds of traders <b>marched</b> in Kisumu.</p><p>Police watched.</p>]]></content:encoded>
</item>
<item><title>No text at all</title><link>https://lakeside.example/b</link></item>
<item><title>Summary only</title><description>Fishermen protested in Homa Bay.</description>
<source url="https://other.example/rss">Nyanza Post</source></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<title>Sahel Chronique</title><id>urn:x</id><updated>2025-02-03T00:00:00Z</updated>
<entry><title>Marche à Niamey</title><id>urn:x:1</id><link href="https://sahel.example/1"/>
<updated>2025-02-03T09:30:00Z</updated>
<content type="html">&lt;p&gt;Des centaines de personnes ont marché à Niamey.&lt;/p&gt;</content></entry>
</feed>""".encode("utf-8")


def test_feed_rss_entries_in_order_with_failures():
    items = list(parse_feed(RSS, "tribune.rss"))
    assert [type(i) for i in items] == [Document, Failure, Document]
    first, missing, third = items
    assert first.text == "Hundreds of traders marched in Kisumu.\n\nPolice watched."  # content beats summary
    assert first.title == "Traders march in Kisumu"
    assert first.url == "https://lakeside.example/a"
    assert first.published == dt.date(2025, 4, 1)
    assert first.source == "Lakeside Tribune"
    assert first.lang == "en"
    assert first.origin == "tribune.rss#entry1"
    assert (missing.origin, missing.code) == ("tribune.rss#entry2", "E202")
    assert third.text == "Fishermen protested in Homa Bay."
    assert third.source == "Nyanza Post"  # the entry's own <source> beats the channel title
    assert third.published is None


def test_feed_atom_entry():
    [doc] = parse_feed(ATOM, "sahel.atom")
    assert doc.text == "Des centaines de personnes ont marché à Niamey."
    assert (doc.title, doc.url) == ("Marche à Niamey", "https://sahel.example/1")
    assert (doc.lang, doc.source) == ("fr", "Sahel Chronique")
    assert doc.published == dt.date(2025, 2, 3)


def test_feed_truncated_but_recoverable_keeps_entries():
    truncated = RSS[: RSS.index(b"<item><title>No text")]
    items = list(parse_feed(truncated, "cut.rss"))
    assert [type(i) for i in items] == [Document]


@pytest.mark.parametrize(
    "data,code",
    [
        (b"not a feed at all", "E208"),
        (b"<rss><channel><title>x</title", "E208"),
        (b"", "E202"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>', "E202"),
    ],
)
def test_feed_without_entries_is_refused(data, code):
    with pytest.raises(ReadError) as info:
        list(parse_feed(data, "bad.xml"))
    assert info.value.code == code
    assert info.value.origin == "bad.xml"


@pytest.mark.parametrize(
    "head,expected",
    [(RSS[:200], True), (ATOM[:200], True), (b'<rdf:RDF xmlns:rdf="x">', True),
     (b"<html><body>", False), (b'<?xml version="1.0"?><urlset>', False)],
)
def test_feed_sniffing(head, expected):
    assert looks_like_feed(head) is expected


_xml = st.lists(
    st.sampled_from(["<rss>", "<channel>", "<item>", "</item>", "<title>", "</title>", "<description>",
                     "</description>", "<feed>", "<entry>", "<content type='html'>", "&lt;p&gt;", "<![CDATA[", "]]>"])
    | st.text(max_size=20),
    max_size=30,
).map("".join).map(lambda s: s.encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300) | _xml)
def test_feed_arbitrary_bytes_give_items_or_read_error(data):
    try:
        items = list(parse_feed(data, "fuzz.xml"))
    except ReadError as error:
        assert error.code in ("E202", "E208")
    else:
        assert items and all(isinstance(i, (Document, Failure)) for i in items)
