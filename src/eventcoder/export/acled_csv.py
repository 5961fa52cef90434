"""ACLED-style CSV export: the columns of `schema.ACLED_COLUMNS`, in that order.

Cell conventions:

- `year` is the year of `event_date`; dates are ISO 8601 (`2025-03-13`).
- `source_chain` lists the sources outlet first, joined by "; " — the separator ACLED
  uses in its own `source` column (codebook §6), so both columns read the same way.
- `source` is the event's source, else its document's outlet.
- `civilian_targeting` is "Civilians targeted" or empty; see `civilian_targeting()`.
- `inter1`, `inter2`, `time_precision`, `geo_precision` and `fatalities` are integers;
  `interaction` is the two-digit code as stored ("27", "10").
- Booleans are `true` / `false`; missing values are empty cells.

The file follows RFC 4180 (the csv module's default dialect: CRLF line ends, fields with
commas, quotes or newlines quoted), so open the stream with `newline=""`.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any, Optional, TextIO

from ..schema import ACLED_COLUMNS, Document, Event

CIVILIANS_TARGETED = "Civilians targeted"
SOURCE_CHAIN_SEPARATOR = "; "


def civilian_targeting(event: Event) -> str:
    """ACLED's civilian_targeting flag: "Civilians targeted" or "".

    Rules (codebook §1.2, §1.3, §1.5): civilians caught in a battle never set it; it is set
    when civilians are the primary target — actor2 is `Civilians (<Country>)` (e.g. a
    strike on a town, codebook §1.5), any Violence against civilians event, and Excessive
    force against protesters. Civilians only as associated actor 2 do not set it.
    """
    if event.event_type == "Battles":
        return ""
    if (event.actor2 or "").startswith("Civilians ("):
        return CIVILIANS_TARGETED
    if event.event_type == "Violence against civilians":
        return CIVILIANS_TARGETED
    if event.sub_event_type == "Excessive force against protesters":
        return CIVILIANS_TARGETED
    return ""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: bool is an int
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return SOURCE_CHAIN_SEPARATOR.join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def acled_row(event: Event, document: Optional[Document] = None) -> list[str]:
    """One CSV row (cells in ACLED_COLUMNS order) for an event.

    Args:
        event (Event): the coded event.
        document (Document | None): its report, for the outlet when the event has no source.
    RETURNS (list[str]): the cells, as written.
    """
    derived = {
        "year": event.event_date.year if event.event_date else None,
        "civilian_targeting": civilian_targeting(event),
        "source": event.source or (document.source if document else None),
    }
    return [_cell(derived[name] if name in derived else getattr(event, name)) for name in ACLED_COLUMNS]


def write_acled_csv(
    events: Iterable[Event], fh: TextIO, documents: Optional[Mapping[str, Document]] = None
) -> int:
    """Write a header row and one ACLED-style row per event.

    Args:
        events (Iterable[Event]): events to write, in order.
        fh (TextIO): a text stream opened with `newline=""`.
        documents (Mapping[str, Document] | None): documents by doc_id (for `source`).
    RETURNS (int): the number of event rows written (the header not counted).
    """
    documents = documents or {}
    writer = csv.writer(fh)
    writer.writerow(ACLED_COLUMNS)
    count = 0
    for event in events:
        writer.writerow(acled_row(event, documents.get(event.doc_id)))
        count += 1
    return count
