"""Compare coded events (or incidents) with reference events: found, missed, added.

A coded event and a reference event match when they are in the same country, their dates are at most
`window` days apart (plus the span an imprecise date stands for: 3 days for week precision, 15 for month
precision, on either side), they are at most `max_km` apart (or, when either has no coordinates, share
the admin1 or location name), and their sub-event types agree at the `level` asked: `sub-type` (the same
type), `family` (the same family of `data/mappings/subtype_interop.tsv`: battle, remote, civilians,
demonstration, strategic) or `any`. Each reference event is matched to at most one coded event and back:
candidate pairs are taken best first (fewest days apart, then nearest, then same sub-type).

Found: reference events matched; missed: reference events left; added: coded events left (what the coder
found that the reference does not have, or got wrong). Background events (past events a report only
mentions) are not compared.

Example:
    >>> result = compare(store, "acled", country="Somalia", date_from=dt.date(2025, 1, 1))
    >>> print(format_summary(result))
"""
from __future__ import annotations

import bisect
import csv
import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Optional, TextIO

from sqlalchemy import select

from ..geo import km_between
from ..export.crosswalk import family
from ..store import tables as t

LEVELS = ("sub-type", "family", "any")
#: days an imprecise date may be off, by time_precision (ACLED: 2 a week, 3 a month)
PRECISION_SLACK = {2: 3, 3: 15}
DEFAULT_WINDOW = 1
DEFAULT_MAX_KM = 25.0


@dataclass(frozen=True)
class Point:
    """What the comparison needs of an event, coded or reference."""

    id: str
    event_date: Optional[dt.date]
    time_precision: Optional[int]
    country: Optional[str]
    admin1: Optional[str]
    location: Optional[str]
    sub_event_type: Optional[str]
    latitude: Optional[float]
    longitude: Optional[float]
    fatalities: Optional[int]

    @property
    def slack(self) -> int:
        return PRECISION_SLACK.get(self.time_precision or 1, 0)


@dataclass(frozen=True)
class Pair:
    reference: Point
    coded: Point
    days: int
    km: Optional[float]

    @property
    def same_sub_type(self) -> bool:
        return self.reference.sub_event_type == self.coded.sub_event_type


@dataclass
class Comparison:
    """The outcome: matched pairs, missed reference events, added coded events, and the settings."""

    pairs: list[Pair] = field(default_factory=list)
    missed: list[Point] = field(default_factory=list)
    added: list[Point] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def n_reference(self) -> int:
        return len(self.pairs) + len(self.missed)

    @property
    def n_coded(self) -> int:
        return len(self.pairs) + len(self.added)

    def rates(self) -> dict[str, Optional[float]]:
        """found (recall of the reference), missed, added (share of coded events unmatched), precision."""
        ref, coded = self.n_reference, self.n_coded
        return {"found": len(self.pairs) / ref if ref else None, "missed": len(self.missed) / ref if ref else None,
                "added": len(self.added) / coded if coded else None,
                "precision": len(self.pairs) / coded if coded else None,
                "same_sub_type": (sum(p.same_sub_type for p in self.pairs) / len(self.pairs)) if self.pairs else None}


def _norm(text: Optional[str]) -> str:
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(folded.lower().replace("-", " ").split())


def _types_agree(a: Optional[str], b: Optional[str], level: str) -> bool:
    if level == "any":
        return True
    if level == "sub-type":
        return a is not None and a == b
    return family(a) is not None and family(a) == family(b)


def _same_place(a: Point, b: Point) -> bool:
    return bool((a.location and _norm(a.location) == _norm(b.location))
                or (a.admin1 and _norm(a.admin1) == _norm(b.admin1)))


def match(reference: Iterable[Point], coded: Iterable[Point], *, window: int = DEFAULT_WINDOW,
          max_km: float = DEFAULT_MAX_KM, level: str = "family") -> Comparison:
    """Match coded points to reference points one to one (see module doc)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    reference, coded = list(reference), list(coded)
    by_country: dict[str, list[tuple[dt.date, int]]] = {}
    for i, r in enumerate(reference):
        if r.event_date is not None:
            by_country.setdefault(_norm(r.country), []).append((r.event_date, i))
    for dates in by_country.values():
        dates.sort()
    widest = window + max(PRECISION_SLACK.values())
    candidates: list[tuple[tuple, int, int, int, Optional[float]]] = []
    for j, c in enumerate(coded):
        if c.event_date is None:
            continue
        dates = by_country.get(_norm(c.country), [])
        lo = bisect.bisect_left(dates, (c.event_date - dt.timedelta(days=widest), -1))
        hi = bisect.bisect_right(dates, (c.event_date + dt.timedelta(days=widest), len(reference)))
        for day, i in dates[lo:hi]:
            r = reference[i]
            days = abs((day - c.event_date).days)
            if days > window + max(r.slack, c.slack) or not _types_agree(r.sub_event_type, c.sub_event_type, level):
                continue
            dist = km_between(r, c)
            if (dist is not None and dist > max_km) or (dist is None and not _same_place(r, c)):
                continue
            key = (days, dist if dist is not None else max_km, r.sub_event_type != c.sub_event_type, r.id, c.id)
            candidates.append((key, i, j, days, dist))
    candidates.sort(key=lambda x: x[0])
    used_r: set[int] = set()
    used_c: set[int] = set()
    result = Comparison(settings={"window": window, "max_km": max_km, "level": level})
    for _, i, j, days, dist in candidates:
        if i in used_r or j in used_c:
            continue
        used_r.add(i)
        used_c.add(j)
        result.pairs.append(Pair(reference[i], coded[j], days, None if dist is None else round(dist, 2)))
    result.missed = [r for i, r in enumerate(reference) if i not in used_r]
    result.added = [c for j, c in enumerate(coded) if j not in used_c]
    result.pairs.sort(key=lambda p: (p.reference.event_date or dt.date.min, p.reference.id))
    return result


def reference_points(store, dataset: str, country: Optional[str] = None, date_from: Optional[dt.date] = None,
                     date_to: Optional[dt.date] = None) -> list[Point]:
    """The stored reference events of `dataset` within the filters."""
    c = t.reference_events.c
    query = select(c.ref_id, c.event_date, c.time_precision, c.country, c.admin1, c.location, c.sub_event_type,
                   c.latitude, c.longitude, c.fatalities).where(c.dataset == dataset)
    if country is not None:
        query = query.where(c.country == country)
    if date_from is not None:
        query = query.where(c.event_date >= date_from)
    if date_to is not None:
        query = query.where(c.event_date <= date_to)
    with store.engine.connect() as conn:
        return [Point(*row) for row in conn.execute(query.order_by(c.event_date, c.ref_id))]


def coded_points(store, incidents: bool = False, country: Optional[str] = None,
                 date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None) -> list[Point]:
    """The coded events (not background ones), or the incidents' canonical events, within the filters."""
    from ..export.stream import stored_incident_rows, stored_rows

    rows = (stored_incident_rows(store, country=country, date_from=date_from, date_to=date_to) if incidents
            else stored_rows(store, country=country, date_from=date_from, date_to=date_to))
    out = []
    for row in rows:
        e = row.event
        if e.background or not e.sub_event_type:
            continue
        out.append(Point(e.event_id, e.event_date, e.time_precision, e.country, e.admin1, e.location,
                         e.sub_event_type, e.latitude, e.longitude, e.fatalities))
    return out


def compare(store, dataset: str = "acled", *, incidents: bool = False, country: Optional[str] = None,
            date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None, window: int = DEFAULT_WINDOW,
            max_km: float = DEFAULT_MAX_KM, level: str = "family") -> Comparison:
    """Compare the store's coded events (or incidents) with its reference events of `dataset`."""
    reference = reference_points(store, dataset, country, date_from, date_to)
    coded = coded_points(store, incidents, country, date_from, date_to)
    result = match(reference, coded, window=window, max_km=max_km, level=level)
    result.settings.update(dataset=dataset, incidents=incidents, country=country,
                           date_from=date_from.isoformat() if date_from else None,
                           date_to=date_to.isoformat() if date_to else None)
    return result


def _rate(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_summary(result: Comparison) -> str:
    """The found / missed / added lines with rates, per family, and the matching rule."""
    s, rates = result.settings, result.rates()
    what = "incidents" if s.get("incidents") else "events"
    dates = (f"{s.get('date_from') or 'any date'} to {s.get('date_to') or 'any date'}"
             if s.get("date_from") or s.get("date_to") else "all dates")
    scope = ", ".join(x for x in (s.get("country") or "all countries", dates))
    lines = [f"reference {s.get('dataset')}: {result.n_reference} events; coded: {result.n_coded} {what} ({scope})",
             f"found   {len(result.pairs):>6} of {result.n_reference} reference events  (rate {_rate(rates['found'])})",
             f"missed  {len(result.missed):>6} of {result.n_reference} reference events  (rate {_rate(rates['missed'])})",
             f"added   {len(result.added):>6} of {result.n_coded} coded {what} not in the reference  "
             f"(rate {_rate(rates['added'])}; matched share {_rate(rates['precision'])})",
             f"same sub-event type in {_rate(rates['same_sub_type'])} of the matched pairs", "",
             f"{'family':<14} {'found':>6} {'missed':>7} {'added':>6}"]
    found = Counter(family(p.reference.sub_event_type) for p in result.pairs)
    missed = Counter(family(r.sub_event_type) for r in result.missed)
    added = Counter(family(c.sub_event_type) for c in result.added)
    for name in sorted(set(found) | set(missed) | set(added), key=str):
        lines.append(f"{name or '-':<14} {found[name]:>6} {missed[name]:>7} {added[name]:>6}")
    lines += ["", f"match: same country, dates at most {s['window']} day(s) apart (more for week/month precision), "
                  f"at most {s['max_km']:g} km apart, sub-event types agreeing at level '{s['level']}'"]
    return "\n".join(lines)


#: columns of the comparison table (`compare --out`)
TABLE_COLUMNS = ("status", "ref_id", "coded_id", "country", "ref_date", "coded_date", "days", "km",
                 "ref_location", "coded_location", "ref_sub_event_type", "coded_sub_event_type", "same_sub_type",
                 "ref_fatalities", "coded_fatalities")


def _cells(status: str, r: Optional[Point], c: Optional[Point], pair: Optional[Pair]) -> list[Any]:
    def get(p: Optional[Point], name: str) -> Any:
        value = getattr(p, name) if p is not None else None
        return value.isoformat() if isinstance(value, dt.date) else value

    return [status, get(r, "id"), get(c, "id"), (r or c).country if (r or c) else None,  # type: ignore[union-attr]
            get(r, "event_date"), get(c, "event_date"), pair.days if pair else None, pair.km if pair else None,
            get(r, "location"), get(c, "location"), get(r, "sub_event_type"), get(c, "sub_event_type"),
            (str(pair.same_sub_type).lower() if pair else None), get(r, "fatalities"), get(c, "fatalities")]


def write_table(result: Comparison, fh: TextIO) -> int:
    """The comparison as CSV: one row per found pair, missed reference event and added coded event."""
    writer = csv.writer(fh)
    writer.writerow(TABLE_COLUMNS)
    rows = [_cells("found", p.reference, p.coded, p) for p in result.pairs]
    rows += [_cells("missed", r, None, None) for r in result.missed]
    rows += [_cells("added", None, c, None) for c in result.added]
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return len(rows)
