"""Hostile RSS/XML and HTML: entities are never expanded, external entities never read (issue 19).

feedparser removes a feed's ENTITY declarations before it parses, and trafilatura/lxml parse
HTML without resolving external entities, so no defusedxml is needed: these tests keep it so.
"""
from __future__ import annotations

import time

import pytest

from eventcoder.reading import parse_feed, parse_html
from eventcoder.schema import Document, Failure

LAUGHS = "<!DOCTYPE rss [<!ENTITY a \"lol\">" + "".join(
    f"<!ENTITY {chr(98 + k)} \"{('&' + chr(97 + k) + ';') * 10}\">" for k in range(9)) + "]>"
REPORT = "Gunmen killed five villagers near Gusau on Monday, police said."


def _feed(description: str, doctype: str) -> bytes:
    return (f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>T</title>'
            f"<item><title>x</title><description>{description}</description></item></channel></rss>").encode()


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-do-not-read", encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [
    lambda secret: _feed(f"&j; {REPORT}", LAUGHS),  # a billion laughs
    lambda secret: _feed(f"&x; {REPORT}", f'<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'),
    lambda secret: _feed(f"{'&big;' * 500} {REPORT}", f'<!DOCTYPE rss [<!ENTITY big "{"x" * 20_000}">]>'),
    lambda secret: _feed(REPORT, f'<!DOCTYPE rss SYSTEM "file://{secret}">'),
])
def test_issue19_feed_entities_are_never_expanded_nor_read(make, secret):
    started = time.monotonic()
    items = list(parse_feed(make(secret), "hostile.xml"))
    assert time.monotonic() - started < 5
    docs = [i for i in items if isinstance(i, Document)]
    assert all(isinstance(i, (Document, Failure)) for i in items)
    for doc in docs:
        assert "TOP-SECRET" not in doc.text and len(doc.text) < 10_000 and "Gusau" in doc.text


def test_issue19_html_external_entity_is_not_read(secret):
    page = (f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><body><article>'
            f"<p>&x; {REPORT}</p><p>Residents said the attackers fled.</p></article></body></html>").encode()
    doc = parse_html(page, "hostile.html")
    assert "TOP-SECRET" not in doc.text and "Gusau" in doc.text
