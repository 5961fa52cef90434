"""The optional header block of plain-text reports: `KEY: value` lines, a blank line, the body.

    TITLE: Traders march in Kisumu
    DATE: 2025-04-01
    SOURCE: Lakeside Tribune
    LANG: en

    KISUMU, Kenya - Hundreds of market traders ...

A block counts as a header only when it starts on the very first line, holds at least one
known key (TITLE, DATE, SOURCE, LANG, URL; any case) and ends at a blank line or at the end
of the text. Other ALL-CAPS keys (`AUTHOR:`) may sit among them and are returned too. If any
line of the block is not a `KEY: value` line, the whole text is body: a report that happens
to start with "Update: police said ..." keeps its first paragraph.
"""
from __future__ import annotations

import re

#: Keys that fill Document fields, in the order `format_header` writes them.
KNOWN_KEYS: tuple[str, ...] = ("title", "date", "source", "lang", "url")

_KNOWN_LINE = re.compile(r"(?i)(title|date|source|lang|url):(.*)")
# Extra keys must be ALL CAPS so that prose ("Note: ...") is never mistaken for a header.
_EXTRA_LINE = re.compile(r"([A-Z][A-Z0-9_-]{0,30}):(.*)")


def _match_line(line: str) -> tuple[str, str] | None:
    """(key in lower case, stripped value) of a header line, else None."""
    match = _KNOWN_LINE.fullmatch(line) or _EXTRA_LINE.fullmatch(line)
    if match is None:
        return None
    return match.group(1).lower(), match.group(2).strip()


def parse_header(text: str) -> tuple[dict[str, str], str]:
    """Split a text into its header fields and its body.

    text (str): the decoded file.
    RETURNS (tuple[dict[str, str], str]): fields keyed by lower-case name (blank values
        and repeated keys after the first are dropped) and the body, byte for byte the rest
        of the text after the blank line. Without a header block: `({}, text)`.
    """
    fields: dict[str, str] = {}
    seen_known = False
    pos = 0
    while True:
        end = text.find("\n", pos)
        line = (text[pos:] if end < 0 else text[pos:end]).rstrip("\r")
        if not line.strip():
            # A blank line closes the block; the very first line blank means no header.
            if not seen_known:
                return {}, text
            return fields, ("" if end < 0 else text[end + 1:])
        parsed = _match_line(line)
        if parsed is None:
            return {}, text
        key, value = parsed
        seen_known = seen_known or key in KNOWN_KEYS
        if value and key not in fields:
            fields[key] = value
        if end < 0:  # header only, no blank line and no body
            return (fields, "") if seen_known else ({}, text)
        pos = end + 1


def format_header(fields: dict[str, str]) -> str:
    """The header block (with its closing blank line) that `parse_header` reads back.

    fields (dict[str, str]): known keys first in `KNOWN_KEYS` order, then the others;
        blank or None values are left out.
    RETURNS (str): "" when there is nothing to write.
    RAISES ValueError: a value spans lines, or a key is not a valid header key.
    """
    ordered = [k for k in KNOWN_KEYS if k in fields] + [k for k in fields if k not in KNOWN_KEYS]
    lines = []
    for key in ordered:
        value = fields[key]
        if value is None or not str(value).strip():
            continue
        value = str(value).strip()
        if "\n" in value or "\r" in value:
            raise ValueError(f"header value for {key!r} spans lines: {value!r}")
        line = f"{key.upper()}: {value}"
        if _match_line(line) != (key.lower(), value):
            raise ValueError(f"{key!r} is not a header key (letters, digits, _ or -)")
        lines.append(line + "\n")
    return "".join(lines) + "\n" if lines else ""
