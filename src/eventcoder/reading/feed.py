"""RSS and Atom feed files: each entry becomes a Document (origin `feed.xml#entryN`, N from 1).

The entry's full content is preferred over its summary; HTML in either is reduced to
paragraphs by `html_to_text`. Nothing is fetched: an entry's link is stored as `url` only.
feedparser is lenient ("bozo" feeds with recoverable errors still yield entries); a feed is
refused only when it yields no entry at all.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any, BinaryIO, Iterator, Optional

from ..errors import ReadError
from ..schema import Document, Failure
from .base import EMPTY, MALFORMED_FEED, Item, ReadOptions, normalise_lang, read_limited
from .html import html_to_text

log = logging.getLogger(__name__)

_LOOKS_FEED = re.compile(rb"<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of an input look like an RSS, RDF or Atom document."""
    return bool(_LOOKS_FEED.search(head[:4096]))


def _entry_text(entry: Any) -> tuple[str, Optional[str]]:
    """(plain text, language) of an entry: the longest content block, else the summary."""
    blocks = list(entry.get("content") or [])
    if not blocks and entry.get("summary"):
        blocks = [entry.get("summary_detail") or {"value": entry["summary"], "type": "text/html"}]
    best, lang = "", None
    for block in blocks:
        value = block.get("value") or ""
        # feedparser labels unknown content text/html too; html_to_text is harmless on plain text.
        text = value.strip() if block.get("type") == "text/plain" else html_to_text(value)
        if len(text) > len(best):
            best, lang = text, block.get("language")
    return best, lang


def _entry_date(entry: Any) -> Optional[dt.date]:
    """Publication date of an entry (published, else updated); feedparser gives UTC tuples."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None


def _entry_document(entry: Any, origin: str, feed_title: Optional[str], feed_lang: Optional[str]) -> Document:
    """One entry as a Document; RAISES ReadError E202 when it has no text."""
    text, content_lang = _entry_text(entry)
    if not text:
        raise ReadError(f"{origin}: entry has neither content nor summary text", origin=origin, code=EMPTY)
    source = (entry.get("source") or {}).get("title") or feed_title
    title = html_to_text(entry.get("title") or "") or None
    return Document(
        text=text,
        title=title,
        url=entry.get("link") or None,
        source=source or None,
        published=_entry_date(entry),
        lang=normalise_lang(content_lang or feed_lang),
        origin=origin,
    )


def parse_feed(data: bytes, origin: str = "<bytes>") -> Iterator[Item]:
    """Documents (or one Failure per bad entry) of an RSS/Atom feed held in `data`.

    RAISES ReadError: E208 when no entry can be read from a malformed feed, E202 when a
        well-formed feed has no entries.
    """
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser wraps most errors in `bozo`, but not all of them
        raise ReadError(f"{origin}: feed could not be parsed ({exc})", origin=origin, code=MALFORMED_FEED) from exc
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise ReadError(
                f"{origin} is not a readable RSS/Atom feed ({parsed.get('bozo_exception')})",
                origin=origin, code=MALFORMED_FEED,
            )
        raise ReadError(f"{origin}: feed has no entries", origin=origin, code=EMPTY)
    if parsed.get("bozo"):
        log.warning("%s: feed is malformed (%s); reading the %d entries found",
                    origin, parsed.get("bozo_exception"), len(entries))
    feed = parsed.get("feed") or {}
    feed_title = html_to_text(feed.get("title") or "") or None
    for number, entry in enumerate(entries, start=1):
        entry_origin = f"{origin}#entry{number}"
        try:
            yield _entry_document(entry, entry_origin, feed_title, feed.get("language"))
        except ReadError as error:
            yield Failure(origin=entry_origin, code=error.code, message=str(error))


def read_feed(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Item]:
    """Reader `feed`: a Document or a Failure per entry, in feed order."""
    yield from parse_feed(read_limited(stream, origin, options.max_bytes), origin)
