"""JSON Lines: one report per line, `{"text": ..., "title": ..., "published": "2025-03-14"}`.

A bad line (invalid JSON, not an object, no usable `text`) becomes one `Failure` with origin
`file.jsonl:LINE` and the other lines are still read. A bad optional field (a `title` that is
a number, a `published` that is not a date...) is dropped with a warning on the Document
(`Document.warnings`, stored with it) and the text is still coded.
`max_bytes` limits each line, not the file: a JSONL corpus may be far larger than a report.
"""
from __future__ import annotations

import codecs
import json
import logging
from typing import Any, BinaryIO, Iterator

from ..errors import ReadError
from ..schema import Document
from ..validate import WARNING_CODES, clean_string, describe
from .base import (
    BINARY, EMPTY, MALFORMED_RECORD, TOO_LARGE, UNDECODABLE, Item, ReadOptions, failure_from,
    normalise_lang, parse_date,
)

log = logging.getLogger(__name__)

#: Optional string fields of a record; any other key is ignored.
STRING_FIELDS: tuple[str, ...] = ("title", "url", "source", "lang", "doc_id")
_CHUNK = 1 << 16


def _record_error(origin: str, message: str, code: str = MALFORMED_RECORD) -> ReadError:
    return ReadError(f"{origin}: {message}", origin=origin, code=code)


def document_from_record(record: Any, origin: str) -> Document:
    """A Document from one decoded JSON value, validating every field it uses.

    record (Any): should be an object with a non-empty string `text`.
    origin (str): `file.jsonl:LINE`, stored as `Document.origin`.
    RAISES ReadError: E207 not an object or `text` not a string, E202 blank text. A bad
        optional field is dropped with a warning in `Document.warnings`.
    """
    if not isinstance(record, dict):
        raise _record_error(origin, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise _record_error(origin, 'no "text" field')
    if not isinstance(text, str):
        raise _record_error(origin, f'"text" must be a string, got {type(text).__name__}')
    if not text.strip():
        raise _record_error(origin, '"text" is blank', code=EMPTY)
    values, warnings = {}, []
    for name in (*STRING_FIELDS, "published"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            warnings.append(f'{WARNING_CODES[name]} "{name}" must be a string or null, got '
                            f'{type(value).__name__} {describe(value)}; dropped')
            value = None
        values[name] = clean_string(value).strip() or None if value else None
    published = parse_date(values["published"])
    if values["published"] and published is None:
        warnings.append(f'{WARNING_CODES["published"]} "published" is not a date: {describe(values["published"])} '
                        "(use YYYY-MM-DD); dropped, the text is still coded")
    if (cleaned := clean_string(text)) != text:
        warnings.append(f"{WARNING_CODES['text']} NUL characters or lone surrogates in the text were "
                        "replaced by U+FFFD")
    return Document(
        text=cleaned,
        warnings=warnings,
        doc_id=values["doc_id"] or "",
        title=values["title"],
        url=values["url"],
        source=values["source"],
        lang=normalise_lang(values["lang"]),
        published=published,
        origin=origin,
    )


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; bytes is None for a line over `max_bytes` (skipped unread)."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            # Too long: drain the rest of the line in chunks rather than hold it in memory.
            while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _parse_line(raw: bytes, origin: str) -> Document | None:
    """The Document of one line, None for a blank line; RAISES ReadError for a bad one."""
    if not raw.strip():
        return None
    if b"\x00" in raw:
        raise _record_error(origin, "NUL byte: binary data, not JSON", code=BINARY)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _record_error(
            origin, f"not UTF-8 (byte 0x{raw[exc.start]:02X} at column {exc.start + 1}); JSON Lines must be UTF-8",
            code=UNDECODABLE,
        ) from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _record_error(origin, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:  # thousands of nested brackets
        raise _record_error(origin, "invalid JSON (nested too deeply)") from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise _record_error(origin, f"invalid JSON ({exc})") from None
    return document_from_record(record, origin)


def read_jsonl(stream: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Item]:
    """Reader `jsonl`: a Document or a Failure per non-blank line, in file order.

    JSON Lines is UTF-8 by definition, so `options.encoding` is not used.
    RAISES ReadError: E202 when the file holds no record at all.
    """
    records = 0
    for number, raw in _lines(stream, options.max_bytes):
        line_origin = f"{origin}:{number}"
        if number == 1 and raw and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8):]  # an editor's habit, not an error
        records += raw is None or bool(raw.strip())
        if raw is None:
            error = _record_error(line_origin, f"line longer than the {options.max_bytes:,}-byte limit", TOO_LARGE)
            yield failure_from(error, line_origin)
            continue
        try:
            document = _parse_line(raw, line_origin)
        except ReadError as error:
            yield failure_from(error, line_origin)
            continue
        except Exception as exc:  # a bug must cost this line only, never the rest of the file
            log.warning("%s: unexpected %s", line_origin, type(exc).__name__, exc_info=True)
            yield failure_from(_record_error(line_origin, f"could not be read ({type(exc).__name__}: {exc})"),
                               line_origin)
            continue
        if document is not None:
            yield document
    if not records:
        raise ReadError(f"{origin} holds no JSON Lines records", origin=origin, code=EMPTY)
