"""GDELT 2.0-like event table: the 61 fields of GDELT's event export, tab-separated, one row per event.

How each field is filled is listed in `data/mappings/export_columns.tsv` (format `gdelt-tsv`); in short:
CAMEO EventCode / EventBaseCode / EventRootCode from the sub-event type (codes are strings: "057"),
QuadClass and GoldsteinScale from `cameo.tsv`, actor codes from the actor's country and inter code,
NumMentions / NumSources / NumArticles from the incident the event belongs to, ActionGeo_* from the
event's place (FIPS 10-4 country code), SOURCEURL the report's URL. AvgTone and the Actor*Geo blocks stay
empty (eventcoder measures no tone and locates actors only through the event). GDELT's integer
GlobalEventID is derived from the event id (first 15 hex digits of its sha256), so it is stable.

GDELT's own files have no header row; this writer writes one unless `header=False`, so pandas, DuckDB
and R name the columns. Tabs and newlines inside values become spaces.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any, Optional, TextIO

from ..schema import Document
from .crosswalk import actor_country, cameo, cameo_actor_type, columns, country_codes
from .rows import Item, Row, as_rows


def global_event_id(event_id: str) -> int:
    """A stable positive 60-bit integer id for an event id (GDELT ids are integers)."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


def fraction_date(day: dt.date) -> float:
    """GDELT's FractionDate: the year plus (MONTH * 30 + DAY) / 365, as GDELT's codebook computes it."""
    return round(day.year + (day.month * 30 + day.day) / 365, 4)


def _actor(prefix: str, name: Optional[str], inter: Optional[int]) -> dict[str, Any]:
    country = actor_country(name)
    kind = cameo_actor_type(name, inter)
    return {f"{prefix}Code": ((country.iso3 if country else "") + kind) or None if name else None,
            f"{prefix}Name": name, f"{prefix}CountryCode": country.iso3 if country else None,
            f"{prefix}Type1Code": kind or None}


def _geo_type(row: Row) -> Optional[int]:
    e = row.event
    if e.latitude is None or e.longitude is None:
        return 1 if e.country else None
    return 5 if e.geo_precision == 3 else 4


def _date_added(row: Row) -> Optional[str]:
    stored = row.document.ingested_at if row.document is not None else None
    if stored is not None:
        return stored.astimezone(dt.timezone.utc).strftime("%Y%m%d%H%M%S")
    published = row.document.published if row.document is not None else None
    if published is None:
        dates = sorted(r.published for r in row.reports if r.published)
        published = dt.date.fromisoformat(dates[0]) if dates else None
    return published.strftime("%Y%m%d000000") if published else None


def gdelt_values(row: Row) -> dict[str, Any]:
    """The GDELT fields of one row, by name (missing fields are None)."""
    e = row.event
    code = cameo(e.cameo_code)
    where = country_codes(e.iso3, e.country)
    day = e.event_date
    values: dict[str, Any] = {
        "GlobalEventID": global_event_id(e.event_id),
        "Day": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None,
        "Year": day.year if day else None,
        "FractionDate": fraction_date(day) if day else None,
        **_actor("Actor1", e.actor1, e.inter1), **_actor("Actor2", e.actor2, e.inter2),
        "IsRootEvent": 1 if e.main else 0,
        "EventCode": code.code if code else None,
        "EventBaseCode": code.base_code if code else None,
        "EventRootCode": code.root_code if code else None,
        "QuadClass": code.quad_class if code else None,
        "GoldsteinScale": code.goldstein if code else None,
        "NumMentions": row.n_mentions, "NumSources": row.n_sources, "NumArticles": row.n_articles,
        "ActionGeo_Type": _geo_type(row),
        "ActionGeo_FullName": ", ".join(x for x in (e.location, e.admin1, e.country) if x) or None,
        "ActionGeo_CountryCode": where.fips or None if where else None,
        "ActionGeo_Lat": e.latitude, "ActionGeo_Long": e.longitude,
        "DATEADDED": _date_added(row),
        "SOURCEURL": row.url or row.outlet,
    }
    return values


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def write_gdelt_tsv(events: Iterable[Item], fh: TextIO, documents: Optional[Mapping[str, Document]] = None,
                    *, header: bool = True) -> int:
    """Write one GDELT-like row per event (or incident Row), streaming; RETURNS the number of rows."""
    names = columns("gdelt-tsv")
    if header:
        fh.write("\t".join(names) + "\n")
    count = 0
    for row in as_rows(events, documents):
        values = gdelt_values(row)
        fh.write("\t".join(_cell(values.get(name)) for name in names) + "\n")
        count += 1
    return count
