"""Every value checked against `schema.py` before it reaches the store or an export.

    doc = check_document(doc)            # before coding: bad optional fields dropped, with a warning
    events = check_events(doc, events)   # after coding: every Event field within its limits

A bad optional value never costs a document: it is dropped (None, or 0 for `fatalities`) and
the reason is kept: in `Document.warnings` (code, message) for a document field, in
`Event.reasons[field]` for an event field. Only an unusable text raises `ReadError` (E202 empty,
E203 too long). The limits:

* integers: the column's range (SQL BIGINT), and each field's own domain (inter codes 1-8,
  precisions 1-3, UCDP types 1-3);
* fatalities: a plausibility cap (`MAX_FATALITIES` deaths for one event; a larger figure is a
  typo, a war's cumulative toll or hostile input), the dropped figure named in the reason;
* strings: NUL and lone surrogates (which neither SQLite's UTF-8 nor PostgreSQL accept) become
  U+FFFD, one character for one so evidence offsets stay valid; lengths within `STRING_LIMITS`;
* dates: within `MIN_DATE` .. today + `MAX_DAYS_AHEAD`;
* floats: finite; latitude and longitude within the globe, confidence within 0-1;
* evidence: a span inside the text whose `text` is exactly `doc.text[start:end]`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from typing import Any, Iterable, Optional

from .errors import ReadError
from .schema import (
    CERTAINTY, EVENT_TYPES, GEO_PRECISION, INTER_CODES, SUB_TO_TYPE, TIME_PRECISION, Document, Event,
    Evidence, Failure,
)

#: The range of the store's integer columns (SQL BIGINT).
INT_MIN, INT_MAX = -(2 ** 63), 2 ** 63 - 1
#: Deaths one event may carry; above it the figure is dropped with the reason recorded.
MAX_FATALITIES = 100_000
#: Injured one event may carry.
MAX_INJURED = 1_000_000
MIN_DATE = dt.date(1900, 1, 1)
#: Dates later than today by more than this are refused (clock skew and time zones allowed for).
MAX_DAYS_AHEAD = 366
#: Longest document text, in characters: the language model's own limit (spaCy's max_length);
#: the readers' byte limit is 5 MB.
MAX_TEXT_CHARS = 1_000_000
#: Longest value of a string field; fields not named here get DEFAULT_STRING_LIMIT.
STRING_LIMITS: dict[str, int] = {
    "title": 1000, "url": 4096, "source": 500, "lang": 16, "origin": 4096, "doc_id": 128,
    "event_id": 160, "notes": 4000, "message": 4000, "code": 16, "evidence": 2000, "reason": 2000,
}
DEFAULT_STRING_LIMIT = 500
#: Most items kept in a list field (source_chain, speculated_perpetrators) and in `reasons`.
MAX_LIST_ITEMS = 50
MAX_EVIDENCE = 500

#: Warning codes stored with a document whose optional field was dropped (W2xx: reading).
WARNING_CODES: dict[str, str] = {
    "published": "W201", "title": "W202", "lang": "W203", "url": "W204", "source": "W205",
    "doc_id": "W206", "text": "W207", "origin": "W208",
}
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_LANG = re.compile(r"^[a-z]{2,3}$")
_INT_DOMAINS: dict[str, tuple[int, ...]] = {
    "inter1": tuple(INTER_CODES), "inter2": tuple(INTER_CODES), "time_precision": TIME_PRECISION,
    "geo_precision": GEO_PRECISION, "ucdp_type": (1, 2, 3),
}
_COUNTS: dict[str, int] = {"fatalities": MAX_FATALITIES, "fatalities_low": MAX_FATALITIES,
                           "fatalities_high": MAX_FATALITIES, "injured": MAX_INJURED}
_ENUMS: dict[str, tuple[str, ...]] = {"event_type": EVENT_TYPES, "sub_event_type": tuple(SUB_TO_TYPE),
                                      "certainty": CERTAINTY}


def clean_string(value: str) -> str:
    """NUL and lone surrogates -> U+FFFD (same length: offsets into the text stay valid)."""
    return _UNSTORABLE.sub("\ufffd", value)


def shorten(value: str, limit: int) -> str:
    """At most `limit` characters, the cut marked with an ellipsis."""
    return value if len(value) <= limit else value[:max(0, limit - 1)] + "…"


def describe(value: Any, limit: int = 60) -> str:
    """A short repr for a message: a 400-digit number becomes '9999…(400 digits)'."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** 15:
        sign = "-" if value < 0 else ""
        if value.bit_length() > 10_000:  # str() refuses ints over 4,300 digits
            return f"{sign}a number of about {int(value.bit_length() * math.log10(2)):,} digits"
        digits = str(abs(value))
        return f"{sign}{digits[:6]}…({len(digits)} digits)"
    if isinstance(value, dt.date):
        return value.isoformat()
    return shorten(repr(value), limit)


def date_range(today: Optional[dt.date] = None) -> tuple[dt.date, dt.date]:
    """The sane range of dates: MIN_DATE .. today + MAX_DAYS_AHEAD."""
    return MIN_DATE, (today or dt.date.today()) + dt.timedelta(days=MAX_DAYS_AHEAD)


def sane_date(value: Any) -> bool:
    """Whether `value` is a date (not a datetime) within `date_range()`."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        return False
    low, high = date_range()
    return low <= value <= high


# ---------------------------------------------------------------- documents


def check_document(doc: Document) -> Document:
    """`doc` with every field checked; a bad optional field is dropped and a warning appended.

    RETURNS (Document): a copy when anything changed (the same doc_id), else `doc` itself.
    RAISES ReadError: E202 when the text is missing or blank, E203 when it is too long.
    """
    origin = doc.origin if isinstance(doc.origin, str) else None
    where = shorten(clean_string(origin), 200) if origin else "document"
    text = doc.text
    if not isinstance(text, str) or not text.strip():
        raise ReadError(f"{where}: no text to code (the text is missing or blank)", origin=origin or "", code="E202")
    if len(text) > MAX_TEXT_CHARS:
        raise ReadError(f"{where}: text of {len(text):,} characters is over the {MAX_TEXT_CHARS:,}-character "
                        "limit of the language model; split it into reports", origin=origin or "", code="E203")
    changes: dict[str, Any] = {}
    warnings = list(doc.warnings or [])

    def warn(name: str, message: str) -> None:
        warnings.append(f"{WARNING_CODES[name]} {message}")

    if _UNSTORABLE.search(text):
        changes["text"] = clean_string(text)
        warn("text", "NUL characters or lone surrogates in the text were replaced by U+FFFD")
    for name in ("title", "url", "source", "origin"):
        value = getattr(doc, name)
        if value is None:
            continue
        if not isinstance(value, str):
            changes[name] = None
            warn(name, f"{name} {describe(value)} is not a string; dropped")
            continue
        cleaned = clean_string(value).strip()
        limit = STRING_LIMITS[name]
        if name == "origin" and len(cleaned) > limit:  # the origin names the input: cut, never drop
            cleaned = shorten(cleaned, limit)
        elif len(cleaned) > limit:
            changes[name] = None
            warn(name, f"{name} of {len(cleaned):,} characters is over the {limit:,}-character limit; dropped")
            continue
        if cleaned != value:
            changes[name] = cleaned or None
    if doc.lang is not None and not (isinstance(doc.lang, str) and _LANG.match(doc.lang)):
        changes["lang"] = None
        warn("lang", f"lang {describe(doc.lang)} is not a language code (en, fr, ar...); dropped, the "
                     "language is detected from the text")
    if doc.published is not None and not sane_date(doc.published):
        low, high = date_range()
        changes["published"] = None
        warn("published", f"published {describe(doc.published)} is not a date within {low} .. {high}; "
                          "dropped (relative dates are resolved without it)")
    if not isinstance(doc.doc_id, str) or not doc.doc_id or len(doc.doc_id) > STRING_LIMITS["doc_id"] \
            or _UNSTORABLE.search(doc.doc_id):
        warn("doc_id", f"doc_id {describe(doc.doc_id)} is not a usable id; the text's hash is used")
        changes["doc_id"] = ""  # Document.__post_init__ derives it from the text
    if not changes and warnings == list(doc.warnings or []):
        return doc
    fields = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)}
    fields.update(changes, warnings=warnings)
    if "text" in changes and "doc_id" not in changes:
        fields["doc_id"] = doc.doc_id  # the same document, whatever characters were replaced
    return Document(**fields)


def check_failure(failure: Failure) -> Failure:
    """A Failure whose strings are storable and within their limits."""
    def fit(value: Any, name: str) -> Optional[str]:
        if value is None:
            return None
        return shorten(clean_string(str(value)), STRING_LIMITS.get(name, DEFAULT_STRING_LIMIT))

    return Failure(origin=fit(failure.origin, "origin") or "?", code=fit(failure.code, "code") or "E000",
                   message=fit(failure.message, "message") or "", doc_id=fit(failure.doc_id, "doc_id"))


# ---------------------------------------------------------------- events


def check_events(doc: Document, events: Iterable[Event]) -> list[Event]:
    """Each event of `doc` with every field within its limits (see module doc); ids made unique."""
    checked, seen = [], set()
    for n, event in enumerate(events, start=1):
        event = check_event(event, doc)
        if event.event_id in seen:
            event = dataclasses.replace(event, event_id=f"{doc.doc_id}-e{n}")
        seen.add(event.event_id)
        checked.append(event)
    return checked


def check_event(event: Event, doc: Optional[Document] = None) -> Event:
    """One event within its limits; every value dropped is explained in `reasons`."""
    values = {f.name: getattr(event, f.name) for f in dataclasses.fields(event)}
    reasons = _check_reasons(values.get("reasons"))
    doc_id = doc.doc_id if doc is not None else values.get("doc_id")

    def drop(name: str, why: str, to: Any = None) -> None:
        values[name] = to
        reasons[name] = shorten(clean_string(why), STRING_LIMITS["reason"])

    if not isinstance(values["event_id"], str) or not values["event_id"] or _UNSTORABLE.search(
            values["event_id"]) or len(values["event_id"]) > STRING_LIMITS["event_id"]:
        values["event_id"] = f"{doc_id}-e0"
    values["doc_id"] = doc_id if isinstance(doc_id, str) and doc_id else values["event_id"].rsplit("-e", 1)[0]
    for name in ("main", "background"):
        values[name] = bool(values[name])
    for name, domain in _INT_DOMAINS.items():
        value = values[name]
        if value is not None and (not _is_int(value) or value not in domain):
            drop(name, f"{describe(value)} is not a valid {name} (one of {list(domain)}); dropped")
    for name, cap in _COUNTS.items():
        value = values[name]
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            drop(name, f"{describe(value)} is not a count; dropped", 0 if name == "fatalities" else None)
        elif value > cap:
            what = "deaths" if name != "injured" else "injured"
            drop(name, f"implausible figure {describe(value)} dropped: above the cap of {cap:,} {what} "
                       "for one event", 0 if name == "fatalities" else None)
    for name in ("latitude", "longitude"):
        if values[name] is not None and not _coordinate_ok(values[name], 90.0 if name == "latitude" else 180.0):
            drop("latitude", f"coordinates {describe(values['latitude'])}, {describe(values['longitude'])} "
                             "are not on the globe; dropped")
            values["longitude"] = None
            break
    confidence = values["confidence"]
    if not isinstance(confidence, (int, float)) or isinstance(confidence, bool) or not math.isfinite(confidence):
        drop("confidence", f"{describe(confidence)} is not a probability; set to 0", 0.0)
    else:
        values["confidence"] = min(1.0, max(0.0, float(confidence)))
    for name, allowed in _ENUMS.items():
        if values[name] is not None and values[name] not in allowed:
            drop(name, f"{describe(values[name])} is not a known {name}; dropped")
    if values["sub_event_type"] is not None and values["event_type"] != SUB_TO_TYPE[values["sub_event_type"]]:
        values["event_type"] = SUB_TO_TYPE[values["sub_event_type"]]
    if values["event_date"] is not None and not sane_date(values["event_date"]):
        low, high = date_range()
        drop("event_date", f"{describe(values['event_date'])} is not a date within {low} .. {high}; dropped")
        values["time_precision"] = None
    for name in ("source_chain", "speculated_perpetrators"):
        values[name] = _check_list(values[name])
    for f in dataclasses.fields(event):
        value = values[f.name]
        if isinstance(value, str) and f.name not in ("event_id", "doc_id"):
            values[f.name] = shorten(clean_string(value), STRING_LIMITS.get(f.name, DEFAULT_STRING_LIMIT))
        elif f.name in ("interaction", "cameo_code", "plover_type", "plover_mode", "notes", "incident_id") \
                and value is not None and not isinstance(value, str):
            drop(f.name, f"{describe(value)} is not text; dropped")
    values["evidence"], dropped = _check_evidence(values["evidence"], doc)
    if dropped:
        reasons["evidence"] = f"{dropped} evidence span(s) outside the text dropped"
    values["reasons"] = reasons
    return Event(**values)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and INT_MIN <= value <= INT_MAX


def _coordinate_ok(value: Any, bound: float) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) \
        and -bound <= value <= bound


def _check_list(value: Any) -> list[str]:
    if not isinstance(value, (list, tuple)):
        return []
    return [shorten(clean_string(v), DEFAULT_STRING_LIMIT) for v in value[:MAX_LIST_ITEMS] if isinstance(v, str)]


def _check_reasons(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {shorten(clean_string(str(k)), 64): shorten(clean_string(str(v)), STRING_LIMITS["reason"])
            for k, v in list(value.items())[:MAX_LIST_ITEMS]}


def _check_evidence(items: Any, doc: Optional[Document]) -> tuple[list[Evidence], int]:
    """(spans that point into the text, number dropped); long spans are cut to the limit."""
    kept: list[Evidence] = []
    dropped = 0
    text = doc.text if doc is not None else None
    limit = STRING_LIMITS["evidence"]
    for item in list(items or [])[:MAX_EVIDENCE]:
        start, end = getattr(item, "start", None), getattr(item, "end", None)
        field, span = getattr(item, "field", None), getattr(item, "text", None)
        ok = _is_int(start) and _is_int(end) and 0 <= start <= end and isinstance(field, str) \
            and isinstance(span, str) and (text is None or (end <= len(text) and text[start:end] == span))
        if not ok:
            dropped += 1
            continue
        if end - start > limit:
            end, span = start + limit, span[:limit]
        kept.append(Evidence(field=shorten(clean_string(field), 64), start=start, end=end, text=clean_string(span)))
    return kept, dropped
