"""Exporters: write events (or incidents) as ACLED CSV, GDELT-like TSV, UCDP GED-like CSV, PLOVER JSONL,
JSON Lines, GeoJSON or Parquet, chosen by name.

Every exporter has the signature `(events, fh, documents=None, **options) -> int` (rows written): `events`
is any iterable of `Event`s or `rows.Row`s, read once and never held in memory (a stream from the store,
`stream.stored_rows`, keeps memory flat), and `documents` maps doc_id to Document for the context some
formats carry. `csv` is an alias of `acled-csv`.

Example:
    >>> with open("events.csv", "w", newline="", encoding="utf-8") as fh:
    ...     export(store.events(main=True), "acled-csv", fh, documents)
"""
from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Optional

from ..schema import Document
from .acled_csv import write_acled_csv
from .gdelt_tsv import write_gdelt_tsv
from .geojson import write_geojson
from .jsonl import write_jsonl
from .parquet import write_parquet
from .plover_jsonl import write_plover_jsonl
from .rows import Item, Row
from .ucdp_csv import write_ucdp_csv

Exporter = Callable[..., int]

#: Exporters by format name (the CLI's --format choices).
EXPORTERS: dict[str, Exporter] = {
    "acled-csv": write_acled_csv,
    "csv": write_acled_csv,
    "gdelt-tsv": write_gdelt_tsv,
    "ucdp-csv": write_ucdp_csv,
    "plover-jsonl": write_plover_jsonl,
    "geojson": write_geojson,
    "jsonl": write_jsonl,
    "parquet": write_parquet,
}
#: other names of a format
ALIASES = {"csv": "acled-csv"}
#: formats written to a binary stream (a file opened "wb"), never to a terminal
BINARY_FORMATS = frozenset({"parquet"})


def export(events: Iterable[Item], fmt: str, fh: Any, documents: Optional[Mapping[str, Document]] = None,
           **options: Any) -> int:
    """Write `events` to `fh` in format `fmt`.

    Args:
        events (Iterable[Event | Row]): what to write, in order (streamed).
        fmt (str): a key of EXPORTERS.
        fh: a text stream (for csv/tsv, opened with newline=""); binary for BINARY_FORMATS.
        documents (Mapping[str, Document] | None): documents by doc_id, for context fields.
        options: writer options (`inter="numeric"` for ACLED CSV, `header=False` for the tables, `stats`
            for UCDP); an option the format does not take is ignored.
    RETURNS (int): the number of rows written.
    Raises:
        ValueError: for an unknown format, naming the available ones.
    """
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(sorted(EXPORTERS))}") from None
    accepted = inspect.signature(exporter).parameters
    return exporter(events, fh, documents, **{k: v for k, v in options.items() if k in accepted})


__all__ = ["ALIASES", "BINARY_FORMATS", "EXPORTERS", "Exporter", "Row", "export", "write_acled_csv",
           "write_gdelt_tsv", "write_geojson", "write_jsonl", "write_parquet", "write_plover_jsonl", "write_ucdp_csv"]
