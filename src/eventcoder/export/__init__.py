"""Exporters: write Events as JSON Lines, ACLED-style CSV, GeoJSON or Parquet, chosen by name.

Every exporter has the signature `(events, fh, documents=None) -> int` (rows written),
where `documents` maps doc_id to Document for the context some formats carry.

Example:
    >>> with open("events.csv", "w", newline="", encoding="utf-8") as fh:
    ...     export(store.events(main=True), "csv", fh, documents)
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Optional, TextIO

from ..schema import Document, Event
from .acled_csv import write_acled_csv
from .geojson import write_geojson
from .jsonl import write_jsonl
from .parquet import write_parquet

Exporter = Callable[[Iterable[Event], TextIO, Optional[Mapping[str, Document]]], int]

#: Exporters by format name (the CLI's --format choices).
EXPORTERS: dict[str, Exporter] = {
    "jsonl": write_jsonl,
    "csv": write_acled_csv,
    "geojson": write_geojson,
    "parquet": write_parquet,
}
#: formats written to a binary stream (a file opened "wb"), never to a terminal
BINARY_FORMATS = frozenset({"parquet"})


def export(
    events: Iterable[Event], fmt: str, fh: TextIO, documents: Optional[Mapping[str, Document]] = None
) -> int:
    """Write `events` to `fh` in format `fmt`.

    Args:
        events (Iterable[Event]): events to write, in order.
        fmt (str): a key of EXPORTERS ("jsonl", "csv", "geojson", "parquet").
        fh (TextIO): a text stream (for csv, opened with newline=""); binary for BINARY_FORMATS.
        documents (Mapping[str, Document] | None): documents by doc_id, for context fields.
    RETURNS (int): the number of events written.
    Raises:
        ValueError: for an unknown format, naming the available ones.
    """
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(sorted(EXPORTERS))}") from None
    return exporter(events, fh, documents)


__all__ = ["BINARY_FORMATS", "EXPORTERS", "Exporter", "export", "write_acled_csv", "write_geojson", "write_jsonl",
           "write_parquet"]
