"""ACLED CSV export: exactly ACLED's export columns, in ACLED's order (`crosswalk.columns("acled-csv")`).

Cell conventions:

- `event_id_cnty` is the event's id (an incident's id with `--incidents`), so a row joins back to the JSONL.
- `iso` is the ISO 3166 numeric code and `region` ACLED's region (`data/mappings/countries_interop.tsv`).
- `inter1`, `inter2`, `interaction` are text by default, as in ACLED's current exports ("State forces",
  "State forces-Rebel group", "Rebel group only"); `inter="numeric"` writes the legacy 1-8 codes and the two-digit
  interaction code (codebook §2.3 project rule: numeric only when a consumer asks for it).
- `source` lists the sources outlet first, '; '-separated as in ACLED (the source chain, else the outlet).
- `civilian_targeting` is "Civilians targeted" or empty; see `civilian_targeting()`.
- latitude/longitude have 4 decimals; dates are ISO 8601; `timestamp` is the Unix time the report was stored.
- `source_scale` and `tags` stay empty: eventcoder has no per-outlet scale table and codes no tags.

The file follows RFC 4180 (the csv module's default dialect), so open the stream with `newline=""`.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any, Optional, TextIO

from ..schema import INTER_CODES, Document, Event, interaction_code
from .crosswalk import columns, country_codes
from .rows import Item, Row, as_rows

CIVILIANS_TARGETED = "Civilians targeted"
SOURCE_SEPARATOR = "; "
INTER_FORMS = ("text", "numeric")


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


def inter_text(code: Optional[int]) -> Optional[str]:
    """ACLED's text for an inter code: 1 -> 'State forces'."""
    return INTER_CODES.get(code) if code else None


def interaction_text(inter1: Optional[int], inter2: Optional[int]) -> Optional[str]:
    """ACLED's text interaction, lower code first: (2, 1) -> 'State forces-Rebel group'; (2, None) -> 'Rebel group only'."""
    code = interaction_code(inter1, inter2)
    if code is None:
        return None
    first, second = int(code[0]), int(code[1])
    return f"{INTER_CODES[first]} only" if second == 0 else f"{INTER_CODES[first]}-{INTER_CODES[second]}"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else ""
    return str(value)


def acled_values(row: Row, inter: str = "text") -> dict[str, Any]:
    """The ACLED columns of one row, by name (values before they become cells)."""
    e = row.event
    codes = country_codes(e.iso3, e.country)
    stored = row.document.ingested_at if row.document is not None else None
    numeric = inter == "numeric"
    return {
        "event_id_cnty": e.event_id,
        "event_date": e.event_date.isoformat() if e.event_date else None,
        "year": e.event_date.year if e.event_date else None,
        "time_precision": e.time_precision,
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "assoc_actor_1": e.assoc_actor_1,
        "inter1": e.inter1 if numeric else inter_text(e.inter1),
        "actor2": e.actor2,
        "assoc_actor_2": e.assoc_actor_2,
        "inter2": e.inter2 if numeric else inter_text(e.inter2),
        "interaction": (e.interaction or interaction_code(e.inter1, e.inter2)) if numeric
        else interaction_text(e.inter1, e.inter2),
        "civilian_targeting": civilian_targeting(e),
        "iso": codes.iso_numeric if codes else None,
        "region": codes.acled_region if codes else None,
        "country": e.country,
        "admin1": e.admin1,
        "admin2": e.admin2,
        "admin3": e.admin3,
        "location": e.location,
        "latitude": round(e.latitude, 4) if e.latitude is not None else None,
        "longitude": round(e.longitude, 4) if e.longitude is not None else None,
        "geo_precision": e.geo_precision,
        "source": SOURCE_SEPARATOR.join(e.source_chain) if e.source_chain else row.outlet,
        "source_scale": None,
        "notes": e.notes,
        "fatalities": e.fatalities,
        "tags": None,
        "timestamp": int(stored.timestamp()) if stored else None,
    }


def acled_row(item: Item, document: Optional[Document] = None, inter: str = "text") -> list[str]:
    """One CSV row (cells in ACLED column order) for an event or Row."""
    row = item if isinstance(item, Row) else Row(item, document)
    values = acled_values(row, inter)
    return [_cell(values[name]) for name in columns("acled-csv")]


def write_acled_csv(events: Iterable[Item], fh: TextIO, documents: Optional[Mapping[str, Document]] = None,
                    *, inter: str = "text", header: bool = True) -> int:
    """Write a header row and one ACLED row per event (or incident Row), streaming.

    Args:
        events (Iterable[Event | Row]): what to write, in order; read once, never held in memory.
        fh (TextIO): a text stream opened with `newline=""`.
        documents (Mapping[str, Document] | None): documents by doc_id (outlet, stored time).
        inter (str): "text" (ACLED's current form) or "numeric" (legacy codes).
        header (bool): write the header row.
    RETURNS (int): the number of rows written (the header not counted).
    """
    if inter not in INTER_FORMS:
        raise ValueError(f"inter must be one of {INTER_FORMS}, not {inter!r}")
    writer = csv.writer(fh)
    if header:
        writer.writerow(columns("acled-csv"))
    count = 0
    for row in as_rows(events, documents):
        writer.writerow(acled_row(row, inter=inter))
        count += 1
    return count
