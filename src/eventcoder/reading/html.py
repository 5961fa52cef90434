"""HTML pages: trafilatura finds the article text, title, outlet (site name), date and URL.

`html_to_text` also serves feed entries, whose HTML fragments are too short for
trafilatura's boilerplate detection.
"""
from __future__ import annotations

import logging
import re
from typing import BinaryIO, Iterator, Optional

from ..errors import ReadError
from ..schema import Document
from .base import (
    DEFAULT_MAX_BYTES, EMPTY, MALFORMED_HTML, TOO_LARGE, ReadOptions, normalise_lang, parse_date,
    read_limited,
)
from .text import decode_bytes

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.I)
_LOOKS_HTML = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>]|<div[\s>]", re.I
)
# Elements after which a paragraph (or, for <br>, a line) ends in `html_to_text`.
_BLOCK_TAGS = (
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre",
    "section", "article", "figcaption", "ul", "ol", "table",
)
# Stands for <br> while whitespace is collapsed (a private-use character, removed from input).
_BR = "\ue000"
_TRAFILATURA_OPTIONS = dict(
    with_metadata=True,
    # News pages are short; recall mode keeps the last paragraphs that precision mode drops.
    favor_recall=True,
    include_comments=False,
    include_tables=True,
    # No guessing a date from the page's "last updated" or copyright lines: a wrong
    # publication date shifts every relative date in the report.
    date_extraction_params={"extensive_search": False, "original_date": True},
)


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of an input look like an HTML page (tags near the start)."""
    return bool(_LOOKS_HTML.search(head[:4096]))


def html_to_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one paragraph per block element, "\n\n" between them.

    fragment (str): "<p>Police <b>fired</b> tear gas.</p><p>Two were hurt.</p>"
    RETURNS (str): "Police fired tear gas.\n\nTwo were hurt."; "" if there is no text.
    """
    import lxml.etree
    import lxml.html

    fragment = (fragment or "").replace(_BR, "")
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    for element in root.iter("br"):
        element.tail = _BR + (element.tail or "")
    text = root.text_content()
    # Newlines in the markup are layout, not text: collapse them, then restore the <br>s.
    paragraphs = (
        re.sub(rf" ?{_BR} ?", "\n", " ".join(block.replace(_BR, f" {_BR} ").split())).strip()
        for block in re.split(r"\n\s*\n", text)
    )
    return "\n\n".join(p for p in paragraphs if p)


def _body_text(raw: str, title: Optional[str]) -> str:
    """trafilatura's lines as paragraphs, without a first line that repeats the title."""
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if lines and title and lines[0] == title.strip():
        lines = lines[1:]
    return "\n\n".join(lines)


def parse_html(
    data: bytes, origin: str = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: Optional[str] = None,
) -> Document:
    """One HTML page as a Document (title, source = site name, published, url, lang).

    RAISES ReadError: E201 binary, E202 empty, E203 too large, E205 undecodable,
        E206 when no article text can be found.
    """
    import trafilatura

    if len(data) > max_bytes:
        raise ReadError(f"{origin} is larger than the {max_bytes:,}-byte limit", origin=origin, code=TOO_LARGE)
    if not data.strip():
        raise ReadError(f"{origin} is empty", origin=origin, code=EMPTY)
    declared = _META_CHARSET.search(data[:4096])
    markup = decode_bytes(
        data, origin, encoding=encoding, declared=declared.group(1).decode("ascii") if declared else None
    )
    try:
        extracted = trafilatura.bare_extraction(markup, **_TRAFILATURA_OPTIONS)
    except Exception as exc:  # lxml and trafilatura raise many types on broken markup
        raise ReadError(f"{origin}: HTML could not be parsed ({exc})", origin=origin, code=MALFORMED_HTML) from exc
    title = (extracted.title or None) if extracted is not None else None
    text = _body_text(extracted.text or "", title) if extracted is not None else ""
    if not text:
        raise ReadError(
            f"{origin}: no article text found in the HTML (empty page, or only navigation)",
            origin=origin, code=MALFORMED_HTML,
        )
    lang = extracted.language or (m.group(1) if (m := _HTML_LANG.search(markup[:4096])) else None)
    return Document(
        text=text,
        title=title,
        source=extracted.sitename or None,
        url=extracted.url or None,
        published=parse_date(extracted.date),
        lang=normalise_lang(lang),
        origin=origin,
    )


def read_html(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Document]:
    """Reader `html`: the whole stream is one page."""
    data = read_limited(stream, origin, options.max_bytes)
    yield parse_html(data, origin, max_bytes=options.max_bytes, encoding=options.encoding)
