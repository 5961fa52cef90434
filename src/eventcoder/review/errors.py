"""Errors of reviewing: a bad field, value or action, or an unknown event or incident."""
from __future__ import annotations

from ..errors import EventcoderError


class ReviewError(EventcoderError):
    """A review could not be applied: the message says which field or value and what is allowed."""

    code = "E500"

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        #: the HTTP status the API answers with (404 unknown target, 422 bad input)
        self.status = status
