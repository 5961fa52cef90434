"""Plain-text reports: bytes -> str (encoding detection, binary refusal) -> header -> Document.

Decoding order: an explicit `encoding`, then a byte-order mark, then strict UTF-8 (almost
every modern file, and a wrong guess is costly), then an encoding the document declares
(HTML `<meta charset>`), and only then charset-normalizer's guess, which can be wrong on
short texts.
"""
from __future__ import annotations

import codecs
import re
import logging
import unicodedata
from typing import BinaryIO, Iterator, Optional

from ..errors import ReadError
from ..schema import Document
from ..validate import WARNING_CODES, describe
from .base import (
    BINARY, DEFAULT_MAX_BYTES, EMPTY, TOO_LARGE, UNDECODABLE, ReadOptions, normalise_lang, parse_date,
    read_limited,
)
from .header import parse_header

log = logging.getLogger(__name__)

# UTF-32 first: its little-endian mark starts with UTF-16's (FF FE).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Control bytes that ordinary text contains: tab, LF, VT, FF, CR and ESC (ANSI colours).
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
#: Share of control bytes/characters above which an input is taken for binary.
BINARY_RATIO = 0.05
# Looked at only in this prefix: enough to judge, cheap on a 5 MB file.
_SNIFF = 8192


def _binary_error(origin: str, why: str) -> ReadError:
    return ReadError(f"{origin} looks binary ({why}), not a text report", origin=origin, code=BINARY)


def _check_binary_bytes(data: bytes, origin: str) -> None:
    """Refuse NUL bytes or many C0 control bytes (only for inputs without a UTF-16/32 mark)."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        raise _binary_error(origin, f"NUL byte at offset {head.index(0)}")
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    if head and controls / len(head) > BINARY_RATIO:
        raise _binary_error(origin, f"{controls} control bytes in the first {len(head)}")


def _check_binary_text(text: str, origin: str) -> None:
    """Refuse decoded text that is mostly unprintable (a wrong single-byte guess on binary)."""
    head = text[:_SNIFF]
    odd = sum(
        1 for ch in head
        if ch not in "\t\n\x0b\x0c\r\x1b" and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")
    )
    if head and odd / len(head) > BINARY_RATIO:
        raise _binary_error(origin, f"{odd} unprintable characters in the first {len(head)}")


def _strict(data: bytes, encoding: str, origin: str) -> str:
    """Decode or raise E205 naming the first bad byte and the fix."""
    try:
        return data.decode(encoding)
    except LookupError:
        raise ReadError(f"unknown encoding {encoding!r} for {origin}", origin=origin, code=UNDECODABLE) from None
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"{origin} is not {encoding} (byte 0x{data[exc.start]:02X} at offset {exc.start}); "
            "pass encoding (--encoding), e.g. latin-1",
            origin=origin, code=UNDECODABLE,
        ) from None


def _detect(data: bytes):
    """charset-normalizer's guess, preferring cp1252 among the equally plausible ones.

    On a short text cp1250, cp1252 and cp1257 all decode without "chaos", and the library
    may pick any of them, turning "à" into "ŕ". cp1252 is by far the commonest legacy
    encoding of news text (and what browsers assume for latin-1), so it wins the tie.
    """
    import charset_normalizer  # only non-UTF-8 inputs need it

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos:
            return match
    return best


def decode_bytes(
    data: bytes, origin: str = "<bytes>", *, encoding: Optional[str] = None,
    declared: Optional[str] = None,
) -> str:
    """Bytes to text: explicit encoding, BOM, UTF-8, declared encoding, then a detected one.

    data (bytes): the raw input.
    origin (str): named in error messages.
    encoding (str | None): use exactly this encoding (errors are E205, never a guess).
    declared (str | None): the encoding the document claims (HTML meta), tried after UTF-8.
    RETURNS (str): the text, without a byte-order mark.
    RAISES ReadError: E201 binary, E205 undecodable.
    """
    if encoding:
        return _strict(data, encoding, origin).lstrip("\ufeff")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            # UTF-16/32 text is full of NUL bytes: trust the mark, check the decoded text.
            text = _strict(data, codec, origin).lstrip("\ufeff")
            _check_binary_text(text, origin)
            return text
    _check_binary_bytes(data, origin)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        _check_binary_text(text, origin)
        return text
    if declared:
        try:
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared encoding %r does not fit, detecting", origin, declared)
        else:
            _check_binary_text(text, origin)
            return text
    best = _detect(data)
    if best is None:
        raise ReadError(
            f"{origin} is not UTF-8 (byte 0x{data[first_bad]:02X} at offset {first_bad}) and no "
            "other encoding fits; pass encoding (--encoding), e.g. latin-1",
            origin=origin, code=UNDECODABLE,
        )
    log.debug("%s: not UTF-8, detected %s", origin, best.encoding)
    text = str(best)
    _check_binary_text(text, origin)
    return text


def document_from_text(text: str, origin: str) -> Document:
    """A Document from decoded text: header fields become Document fields, the body its text.

    RAISES ReadError: E202 when the body (header aside) is blank.
    """
    fields, body = parse_header(text)
    if not body.strip():
        what = "has a header but no body" if fields else "is empty"
        raise ReadError(f"{origin} {what}", origin=origin, code=EMPTY)
    published = parse_date(fields.get("date"))
    warnings = []
    if fields.get("date") and published is None:
        log.warning("%s: DATE %r is not a date; published left empty", origin, fields["date"])
        warnings.append(f"{WARNING_CODES['published']} DATE {describe(fields['date'])} is not a date; "
                        "dropped, the text is still coded")
    return Document(
        text=body,
        warnings=warnings,
        title=fields.get("title") or headline(body),
        source=fields.get("source"),
        url=fields.get("url"),
        lang=normalise_lang(fields.get("lang")),
        published=published,
        origin=origin,
    )


_HEADLINE_LINES = 3  # a headline is one of the first lines (after a section label or an ad marker)
_LABEL_LINES = 8  # short label lines before it ("Accessibility links", "Breaking News") do not count
_DATE_STAMP = re.compile(r"(?i)^date\s+\d{4}-\d\d-\d\d\s+(?=\S)")
_HEADLINE_MAX = 160
# lines that are page furniture, not a headline: date stamps, bylines, update notes, labels
_NOT_HEADLINE = re.compile(r"(?i)^(?:date\s+\d{4}|by\s|updated|published|posted|reviewed\s+on|last\s+modified|"
                           r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}:\d{2}\b|admin\b|blog\b|advertisement|share\b|listen\b|"
                           r"comment|sign\s+in|subscribe|skip\s+to|menu\b|home\s*[>»])")


def headline(body: str) -> Optional[str]:
    """The headline a pasted or scraped article starts with, when it has no TITLE header.

    The first of the first three non-empty lines that looks like a headline: 4 to 30 words,
    at most 160 characters, not ending like a sentence of running text (., :, ;, ,), and
    followed by more text. Section labels ("WORLD> Middle East") and ad markers are too short;
    short label lines before the first candidate ("Accessibility links", "Breaking News") do not
    count among the three, and a page's date stamp glued to the line ("date 2025-09-01 ...") is
    no part of the headline.
    The text itself is not changed (offsets stay valid); the title only feeds report-level cues.
    """
    raw = body.splitlines()
    # a line whose text runs on in lower case on the next line is wrapped running text
    wrapped = {line.strip() for line, nxt in zip(raw, raw[1:])
               if line.strip() and nxt[:1].isalpha() and nxt[:1].islower()}
    lines = [line.strip() for line in raw if line.strip()]
    seen = 0
    for n, line in enumerate(lines[:_LABEL_LINES]):
        if n == len(lines) - 1:
            return None
        stamp = _DATE_STAMP.match(line)
        if stamp:  # "date 2025-09-01 Beslan remembers ...": the page's date stamp glued to the headline
            line = line[stamp.end():]
        words = line.split()
        if (len(words) < 4 or (len(words) <= 5 and line.isupper())) and seen == 0:
            continue  # a label line ("Accessibility links", "Breaking News", "STOCK MARKET BSE NSE")
        seen += 1
        if seen > _HEADLINE_LINES:
            return None
        if _NOT_HEADLINE.match(line) or lines[n] in wrapped:
            continue
        if 4 <= len(words) <= 30 and len(line) <= _HEADLINE_MAX and not line.endswith((".", ":", ";", ",")):
            return line
    return None


def parse_text(
    data: bytes, origin: str = "<bytes>", *, max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: Optional[str] = None,
) -> Document:
    """One plain-text report (optional header block) from bytes.

    RAISES ReadError: E201 binary, E202 empty, E203 too large, E205 undecodable.
    """
    if len(data) > max_bytes:
        raise ReadError(
            f"{origin} is larger than the {max_bytes:,}-byte limit", origin=origin, code=TOO_LARGE
        )
    if not data.strip():
        raise ReadError(f"{origin} is empty", origin=origin, code=EMPTY)
    return document_from_text(decode_bytes(data, origin, encoding=encoding), origin)


def read_text(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Document]:
    """Reader `text`: the whole stream is one report."""
    data = read_limited(stream, origin, options.max_bytes)
    yield parse_text(data, origin, max_bytes=options.max_bytes, encoding=options.encoding)
