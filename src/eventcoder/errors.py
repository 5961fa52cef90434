"""The eventcoder exception tree: one base, each message carries a code (E1xx…) and a fix."""
from __future__ import annotations


class EventcoderError(Exception):
    """Base of every error eventcoder raises on purpose."""

    code = "E000"


# -- data files
class DataFileError(EventcoderError):
    """A shipped or user-supplied data file is missing or malformed."""

    code = "E100"


# -- reading
class ReadError(EventcoderError):
    """One input document could not be read (empty, binary, undecodable, malformed, too big)."""

    code = "E200"

    def __init__(self, message: str, origin: str = "", code: str | None = None):
        super().__init__(message)
        self.origin = origin
        if code:
            self.code = code


# -- store
class StoreError(EventcoderError):
    """The database could not be opened or written."""

    code = "E300"


# -- coding
class LimitExceeded(EventcoderError):
    """One document ran past its time (E502) or memory (E503) limit while it was coded."""

    code = "E502"

    def __init__(self, message: str, code: str | None = None, origin: str = ""):
        super().__init__(message)
        self.origin = origin
        if code:
            self.code = code


# -- evaluation
class GoldError(EventcoderError):
    """A gold file is missing or malformed."""

    code = "E400"
