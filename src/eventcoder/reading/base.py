"""What every reader shares: error codes, options, the reader signature and small helpers.

A reader takes a binary stream, the origin to report (file path, `<stdin>`) and
`ReadOptions`, and yields `Document`s. A problem with the whole input raises `ReadError`
(the caller turns it into one `Failure`); a problem with one record of a multi-record
input (a JSONL line, a feed entry) is yielded as a `Failure` so the other records survive.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterator, Optional, Union

from ..errors import ReadError
from ..schema import Document, Failure

log = logging.getLogger(__name__)

# ---------------------------------------------------------------- error codes (E2xx: reading)
#: Codes carried by `ReadError.code` and `Failure.code`; stable, so tests and users can grep them.
GENERIC = "E200"
BINARY = "E201"  # NUL bytes or mostly control characters
EMPTY = "E202"  # nothing but whitespace (also: a feed without entries, an entry without text)
TOO_LARGE = "E203"  # over `max_bytes`
NOT_FOUND = "E204"  # the path does not exist
UNDECODABLE = "E205"  # no text encoding fits the bytes
MALFORMED_HTML = "E206"  # trafilatura found no article text
MALFORMED_RECORD = "E207"  # a JSONL line: bad JSON, missing `text`, wrong types
MALFORMED_FEED = "E208"  # feedparser could not read any entry
UNSUPPORTED = "E209"  # e.g. an .xml file that is not RSS/Atom
UNREADABLE = "E210"  # the OS refused (permissions, a device, ...)

#: 5 MB: far above any news report, low enough that a stray video file is refused quickly.
DEFAULT_MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class ReadOptions:
    """Options every reader receives.

    max_bytes (int): largest input (for JSONL: largest line) accepted, else E203.
    encoding (str | None): force this text encoding instead of detecting one.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: Optional[str] = None


Item = Union[Document, Failure]
Reader = Callable[[BinaryIO, str, ReadOptions], Iterator[Item]]


def read_limited(stream: BinaryIO, origin: str, max_bytes: int) -> bytes:
    """Read the whole stream, refusing (E203) anything over `max_bytes`.

    Reads one byte past the limit rather than the whole stream, so a huge file costs
    no more memory than the limit.
    """
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadError(
            f"{origin} is larger than the {max_bytes:,}-byte limit; raise max_bytes "
            "(--max-bytes) if it really is one report",
            origin=origin,
            code=TOO_LARGE,
        )
    return data


def failure_from(error: ReadError, origin: str) -> Failure:
    """The `Failure` record of a `ReadError` (its own origin wins: it may name a line)."""
    return Failure(origin=error.origin or origin, code=error.code, message=str(error))


def normalise_lang(value: Optional[str]) -> Optional[str]:
    """Primary language subtag, lower case: "en-GB" -> "en"; blank -> None."""
    if not value or not value.strip():
        return None
    return re.split(r"[-_\s]", value.strip(), maxsplit=1)[0].lower() or None


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_DATEPARSER_SETTINGS = {
    # A publication date must be a full calendar date: "March 2025" would otherwise be
    # completed with today's day, and "yesterday" would depend on when we read the file.
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    """A publication date from YYYY-MM-DD (fast path) or anything dateparser reads; else None.

    value (str | None): "2025-03-14", "14 March 2025", "Fri, 14 Mar 2025 08:00:00 GMT".
    RETURNS (date | None): None when the value is blank or no full date can be read.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    if _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass  # "2025-13-45": let dateparser have a go, it will refuse too
    import dateparser  # slow to import (~1 s of regex tables); only dates that need it pay

    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except Exception as exc:  # dateparser raises assorted errors (overflow, regex) on odd strings
        log.debug("dateparser failed on %r: %s", text, exc)
        return None
    return parsed.date() if parsed else None
