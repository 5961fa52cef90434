"""Import an ACLED CSV export as reference events (`eventcoder import-acled FILE.csv --db X`).

The file is read row by row (never whole into memory) and stored in batches, one transaction each. A row
that cannot be used gets a `RowError` (line, event id, code, reason) and the import goes on; only a file
that cannot be read or lacks the required columns stops it (ReferenceDataError). Re-importing an event id
replaces its stored row, since ACLED revises events between releases.

Accepted: ACLED's current columns (`event_id_cnty`, `event_date` as YYYY-MM-DD, ...) and its older date
forms ("13 March 2025", "13-March-2025"); comma, semicolon or tab separated; UTF-8 with or without BOM.
Only `event_id_cnty`, `event_date`, `sub_event_type`, `country`, `latitude`, `longitude` are required;
every column of the row is kept as the stored `record`.

Example:
    >>> report = import_acled("acled_somalia_2025.csv", store)
    >>> report.line()
    'acled_somalia_2025.csv: 1,204 rows read, 1,201 stored (0 replaced), 3 rejected'
"""
from __future__ import annotations

import csv
import datetime as dt
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import and_, delete, insert

from ..schema import SUB_EVENT_TYPES, SUB_TO_TYPE
from ..store import tables as t
from . import ReferenceDataError

REQUIRED = ("event_id_cnty", "event_date", "sub_event_type", "country", "latitude", "longitude")
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%Y/%m/%d")
BATCH = 500
DATASET = "acled"

_SUB_TYPES = {s.lower(): s for s in SUB_EVENT_TYPES}


@dataclass(frozen=True)
class RowError:
    """Why one row of the file was not imported."""

    line: int
    ref_id: Optional[str]
    code: str
    message: str

    def text(self, origin: str) -> str:
        who = f" ({self.ref_id})" if self.ref_id else ""
        return f"{origin}:{self.line}{who}: {self.code} {self.message}"


@dataclass
class ImportReport:
    """What an import did."""

    origin: str
    read: int = 0
    stored: int = 0
    replaced: int = 0
    errors: list[RowError] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.origin}: {self.read:,} rows read, {self.stored:,} stored ({self.replaced:,} replaced), "
                f"{len(self.errors):,} rejected")


class _Bad(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def parse_date(value: str) -> dt.date:
    """ACLED's event_date in its current (2025-03-13) or older (13 March 2025) forms."""
    text = value.strip()
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise _Bad("E611", f"event_date {value!r} is not a date (expected YYYY-MM-DD, e.g. 2025-03-13)")


def _float(row: dict[str, str], name: str, low: float, high: float) -> float:
    raw = (row.get(name) or "").strip()
    try:
        value = float(raw)
    except ValueError:
        raise _Bad("E612", f"{name} {raw!r} is not a number") from None
    if not (math.isfinite(value) and low <= value <= high):
        raise _Bad("E612", f"{name} {raw} is outside {low:g}..{high:g}")
    return value


def _int(row: dict[str, str], name: str, code: str, allowed: Optional[range] = None) -> Optional[int]:
    raw = (row.get(name) or "").strip()
    if not raw:
        return None
    try:
        number = float(raw)  # "3" and "3.0" (a spreadsheet's re-save) are both 3
    except ValueError:
        number = math.nan
    if not (math.isfinite(number) and number.is_integer()):
        raise _Bad(code, f"{name} {raw!r} is not a whole number")
    value = int(number)
    if value < 0 or (allowed is not None and value not in allowed):
        expected = f"{allowed.start}-{allowed.stop - 1}" if allowed is not None else "0 or more"
        raise _Bad(code, f"{name} {raw} is not allowed (expected {expected})")
    return value


def parse_row(row: dict[str, Any], width: int) -> dict[str, Any]:
    """The stored columns of one ACLED row, or _Bad with the reason."""
    if None in row or any(v is None for v in row.values()):
        extra = len(row.get(None) or [])  # type: ignore[call-overload]
        found = width + extra if extra else sum(1 for v in row.values() if v is not None)
        raise _Bad("E610", f"the row has {found} fields, the header {width}; check quoting of commas and quotes")
    if any("\udc80" <= ch <= "\udcff" for v in row.values() for ch in v):
        raise _Bad("E617", "the row is not UTF-8 text; re-save the file as UTF-8")
    ref_id = row["event_id_cnty"].strip()
    if not ref_id:
        raise _Bad("E615", "event_id_cnty is empty")
    sub = _SUB_TYPES.get(row["sub_event_type"].strip().lower())
    if sub is None:
        raise _Bad("E614", f"sub_event_type {row['sub_event_type']!r} is not one of ACLED's 25 sub-event types")
    event_type = (row.get("event_type") or "").strip()
    if event_type and event_type.lower() != SUB_TO_TYPE[sub].lower():
        raise _Bad("E614", f"event_type {event_type!r} does not contain sub_event_type {sub!r} "
                           f"(it belongs to {SUB_TO_TYPE[sub]!r})")
    country = row["country"].strip()
    if not country:
        raise _Bad("E619", "country is empty")
    return {
        "ref_id": ref_id,
        "event_date": parse_date(row["event_date"]),
        "country": country,
        "admin1": (row.get("admin1") or "").strip() or None,
        "location": (row.get("location") or "").strip() or None,
        "event_type": SUB_TO_TYPE[sub],
        "sub_event_type": sub,
        "actor1": (row.get("actor1") or "").strip() or None,
        "actor2": (row.get("actor2") or "").strip() or None,
        "latitude": _float(row, "latitude", -90, 90),
        "longitude": _float(row, "longitude", -180, 180),
        "geo_precision": _int(row, "geo_precision", "E618", range(1, 4)),
        "time_precision": _int(row, "time_precision", "E618", range(1, 4)),
        "fatalities": _int(row, "fatalities", "E613"),
        "record": {k: v for k, v in row.items()},
    }


def _delimiter(header_line: str) -> str:
    return max((",", ";", "\t"), key=header_line.count)


def read_acled_csv(path: str | Path) -> Iterator[tuple[int, dict[str, Any] | RowError]]:
    """(line, parsed row) or (line, RowError) for every data row of the file, in order."""
    try:
        fh = open(path, encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as error:
        raise ReferenceDataError(f"E601 cannot read {path}: {error.strerror}. Check the path.", "E601") from None
    with fh:
        first = fh.readline()
        if not first.strip():
            raise ReferenceDataError(f"E602 {path} is empty: an ACLED export starts with a header row.", "E602")
        fh.seek(0)
        reader = csv.DictReader(fh, delimiter=_delimiter(first))
        header = [h.strip() for h in reader.fieldnames or []]
        reader.fieldnames = header
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            raise ReferenceDataError(f"E602 {path} lacks the column(s) {', '.join(missing)}: is it an ACLED "
                                     f"export? Found: {', '.join(header[:12])}", "E602")
        seen: set[str] = set()
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:  # a field past the csv module's size limit, a stray NUL...
                yield reader.line_num, RowError(reader.line_num, None, "E610", f"unreadable row: {error}")
                continue
            line = reader.line_num
            try:
                parsed = parse_row(row, len(header))
            except _Bad as bad:
                ref_id = row.get("event_id_cnty") if isinstance(row.get("event_id_cnty"), str) else None
                yield line, RowError(line, (ref_id or "").strip() or None, bad.code, str(bad))
                continue
            if parsed["ref_id"] in seen:
                yield line, RowError(line, parsed["ref_id"], "E616", "event_id_cnty repeats an earlier row; "
                                                                     "the first one is kept")
                continue
            seen.add(parsed["ref_id"])
            yield line, parsed


def _store_batch(store, rows: list[dict[str, Any]], dataset: str, origin: str) -> int:
    """Replace-or-insert a batch in one transaction; RETURNS how many ids were already stored."""
    c = t.reference_events.c
    now = dt.datetime.now(dt.timezone.utc)
    with store.engine.begin() as conn:
        replaced = conn.execute(delete(t.reference_events).where(
            and_(c.dataset == dataset, c.ref_id.in_([r["ref_id"] for r in rows])))).rowcount
        conn.execute(insert(t.reference_events),
                     [{**r, "dataset": dataset, "origin": origin, "imported": now} for r in rows])
    return replaced or 0


def import_acled(path: str | Path, store, dataset: str = DATASET, batch: int = BATCH,
                 on_error: Optional[Callable[[RowError], None]] = None) -> ImportReport:
    """Load an ACLED CSV export into the store's reference events.

    Args:
        path: the CSV file.
        store (Store): an initialised store.
        dataset (str): the name the events are stored under (`compare --reference NAME`).
        batch (int): rows per transaction.
        on_error: called with each RowError as it happens (the CLI prints it).
    RETURNS (ImportReport): rows read, stored, replaced, and every rejected row with its reason.
    Raises:
        ReferenceDataError: E601 unreadable file, E602 required columns missing.
    """
    origin = Path(path).name
    report = ImportReport(origin)
    pending: list[dict[str, Any]] = []
    for _, item in read_acled_csv(path):
        report.read += 1
        if isinstance(item, RowError):
            report.errors.append(item)
            if on_error:
                on_error(item)
            continue
        pending.append(item)
        if len(pending) >= batch:
            report.replaced += _store_batch(store, pending, dataset, origin)
            report.stored += len(pending)
            pending = []
    if pending:
        report.replaced += _store_batch(store, pending, dataset, origin)
        report.stored += len(pending)
    return report
