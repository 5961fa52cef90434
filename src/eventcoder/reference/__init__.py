"""Reference data: events of another dataset (an ACLED export) stored beside the coded ones, and the
comparison of the two ("what did it find that ACLED has, and what did it miss?").

- `acled_import.import_acled(path, store)`: load an ACLED CSV export into `reference_events`, row by row;
  a bad row is reported with its line and reason and the import goes on.
- `compare.compare(store, ...)`: match coded events (or incidents) to reference events by country, date
  window, distance and sub-event type family; found / missed / added with rates, and the table of pairs.

Errors (`ReferenceDataError`, codes E6xx): E601 the file cannot be read, E602 required columns missing
(whole file); per row: E610 wrong number of fields, E611 bad date, E612 bad coordinates, E613 bad
fatalities, E614 unknown or inconsistent event type, E615 no event id, E616 id repeated in the file,
E617 text not UTF-8, E618 bad precision code, E619 no country.
"""
from __future__ import annotations

from ..errors import EventcoderError


class ReferenceDataError(EventcoderError):
    """A reference file cannot be imported at all (unreadable, or required columns missing)."""

    code = "E600"

    def __init__(self, message: str, code: str = "E600"):
        super().__init__(message)
        self.code = code


__all__ = ["ReferenceDataError"]
