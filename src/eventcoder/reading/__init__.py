"""Reading inputs into Documents: plain text (with header), HTML, JSON Lines, RSS/Atom, folders.

    from eventcoder.reading import read_path
    for item in read_path("reports/"):
        ...  # a Document, or a Failure (origin, code, message) for an input that failed

Failure codes (E2xx) are listed in `reading.base`; the readers are in `READERS`.
"""
from __future__ import annotations

from .base import DEFAULT_MAX_BYTES, ReadOptions
from .directory import EXTENSIONS, READERS, choose_reader, iter_files, read_path, read_paths, sniff_reader
from .feed import parse_feed, read_feed
from .header import format_header, parse_header
from .html import html_to_text, parse_html, read_html
from .jsonl import document_from_record, read_jsonl
from .text import decode_bytes, parse_text, read_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "READERS",
    "ReadOptions",
    "choose_reader",
    "decode_bytes",
    "document_from_record",
    "format_header",
    "html_to_text",
    "iter_files",
    "parse_feed",
    "parse_header",
    "parse_html",
    "parse_text",
    "read_feed",
    "read_html",
    "read_jsonl",
    "read_path",
    "read_paths",
    "read_text",
    "sniff_reader",
]
