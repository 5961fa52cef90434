"""UCDP GED-like CSV: one row per event in UCDP's scope, with GED's column names.

Scope (codebook §7.2 project rule): an event with at least one death and an organised actor, i.e. one with
a UCDP `type_of_violence` (`mappings.ucdp_type`, recomputed from the row's values); the others are skipped and counted
(`UcdpStats.skipped`). GED's 25-deaths dyad threshold is left to the consumer.

Crosswalk (codebook §7.2): geo_precision 1/2/3 -> where_prec 1/2/4; time_precision 1/2/3 -> date_prec 1/3/4,
with date_start/date_end the span the date stands for (a week: the date +-3 days; a month: the whole month).
side_a is the government side of a state-based event ("Government of <country>" for a state force) and the
perpetrator of one-sided violence, whose side_b is "Civilians". best/low/high come from fatalities and its
range; deaths are not attributed to sides (`deaths_unknown` = best), as ACLED does not attribute them.
Every column's meaning: `data/mappings/export_columns.tsv` (format `ucdp-csv`).
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Optional, TextIO

from ..mappings import ucdp_type
from ..schema import Document, Event
from .crosswalk import actor_country, columns, country_codes
from .rows import Item, Row, as_rows

WHERE_PREC = {1: 1, 2: 2, 3: 4}
DATE_PREC = {1: 1, 2: 3, 3: 4}
STATE_INTERS = (1, 8)


@dataclass
class UcdpStats:
    written: int = 0
    skipped: int = 0


def priogrid_gid(latitude: float, longitude: float) -> int:
    """PRIO-GRID cell id of a point: 0.5-degree cells numbered from (-90, -180), row by row, from 1."""
    row = min(359, int(math.floor((latitude + 90) / 0.5)))
    col = min(719, int(math.floor((longitude + 180) / 0.5)))
    return row * 720 + col + 1


def date_span(day: Optional[dt.date], time_precision: Optional[int]) -> tuple[Optional[dt.date], Optional[dt.date]]:
    """The first and last day an ACLED date of this precision stands for."""
    if day is None:
        return None, None
    if time_precision == 2:
        return day - dt.timedelta(days=3), day + dt.timedelta(days=3)
    if time_precision == 3:
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day, day


def _side_name(actor: Optional[str], inter: Optional[int]) -> Optional[str]:
    """UCDP names a state side after its government: 'Military Forces of Iraq (2014-)' -> 'Government of Iraq'."""
    if actor and inter in STATE_INTERS:
        country = actor_country(actor)
        if country is not None:
            return f"Government of {country.name}"
    return actor


def sides(event: Event, violence: int) -> tuple[Optional[str], Optional[str]]:
    """(side_a, side_b) by UCDP's conventions for this type of violence."""
    a = (_side_name(event.actor1, event.inter1), event.inter1)
    b = (_side_name(event.actor2, event.inter2), event.inter2)
    if violence == 3:
        perpetrator = b if event.inter1 == 7 and event.inter2 != 7 else a
        return perpetrator[0], "Civilians"
    if violence == 1 and b[1] in STATE_INTERS and a[1] not in STATE_INTERS:
        a, b = b, a
    return a[0], b[0]


def _sources(row: Row) -> list[tuple[Optional[str], Optional[str], Optional[str]]]:
    """(outlet, date, title) of each report telling the event."""
    if row.reports and (row.is_incident or row.document is None):
        return [(r.outlet, r.published, r.title) for r in row.reports]
    doc = row.document
    published = doc.published.isoformat() if doc is not None and doc.published else None
    return [(row.outlet, published, doc.title if doc is not None else None)]


def ucdp_values(row: Row) -> Optional[dict[str, Any]]:
    """The GED columns of one row by name, or None when the event is out of UCDP's scope."""
    e = row.event
    violence = ucdp_type(e)  # from the current values (a reviewed toll may differ from the coded one)
    if violence is None:
        return None
    side_a, side_b = sides(e, violence)
    codes = country_codes(e.iso3, e.country)
    start, end = date_span(e.event_date, e.time_precision)
    best = e.fatalities or 0
    low = min(best, e.fatalities_low) if e.fatalities_low is not None else best
    high = max(best, e.fatalities_high) if e.fatalities_high is not None else best
    sources = _sources(row)
    has_point = e.latitude is not None and e.longitude is not None
    return {
        "id": e.event_id, "year": e.event_date.year if e.event_date else None, "type_of_violence": violence,
        "conflict_name": None, "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else None,
        "side_a": side_a, "side_b": side_b, "number_of_sources": row.n_sources,
        "source_article": "; ".join(", ".join(x for x in (o, d, f'"{t}"' if t else None) if x) for o, d, t in sources),
        "source_office": "; ".join(dict.fromkeys(o for o, _, _ in sources if o)),
        "source_date": "; ".join(dict.fromkeys(d for _, d, _ in sources if d)),
        "source_headline": "; ".join(dict.fromkeys(t for _, _, t in sources if t)),
        "source_original": e.source_chain[-1] if len(e.source_chain) > 1 else None,
        "where_prec": WHERE_PREC.get(e.geo_precision or 0),
        "where_coordinates": f"{e.location} ({e.admin1})" if e.location and e.admin1 else e.location,
        "where_description": ", ".join(x for x in (e.location, e.admin2, e.admin1) if x) or None,
        "adm_1": e.admin1, "adm_2": e.admin2, "latitude": e.latitude, "longitude": e.longitude,
        "geom_wkt": f"POINT ({e.longitude} {e.latitude})" if has_point else None,
        "priogrid_gid": priogrid_gid(e.latitude, e.longitude) if has_point else None,
        "country": e.country, "iso3": e.iso3, "region": codes.ucdp_region if codes else None,
        "event_clarity": 1 if e.time_precision == 1 else 2, "date_prec": DATE_PREC.get(e.time_precision or 0),
        "date_start": start.isoformat() if start else None, "date_end": end.isoformat() if end else None,
        "deaths_a": 0, "deaths_b": 0, "deaths_civilians": 0, "deaths_unknown": best,
        "best": best, "low": low, "high": high,
    }


def write_ucdp_csv(events: Iterable[Item], fh: TextIO, documents: Optional[Mapping[str, Document]] = None,
                   *, header: bool = True, stats: Optional[UcdpStats] = None) -> int:
    """Write one GED-like row per event in UCDP's scope (streaming); RETURNS the rows written.

    Args:
        stats (UcdpStats | None): filled with the rows written and the events skipped as out of scope.
    """
    stats = stats if stats is not None else UcdpStats()
    names = columns("ucdp-csv")
    writer = csv.writer(fh)
    if header:
        writer.writerow(names)
    for row in as_rows(events, documents):
        values = ucdp_values(row)
        if values is None:
            stats.skipped += 1
            continue
        writer.writerow(["" if values[n] is None else values[n] for n in names])
        stats.written += 1
    return stats.written
