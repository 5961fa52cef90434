"""Reviewing events: accept, reject, edit or annotate; reviewed values live beside the coded ones.

The coded row in `events` is never written. A review is one row of `reviews` per event (status and
the reviewed value of each corrected field); every change also appends an `audit` row (who, when,
field, old, new, reason). Readers get the *effective* record: the coded one with the reviewed values
laid over it, flagged `reviewed: true` and with the coded values kept under `review.coded`.

Example:
    >>> apply_review(store.engine, "d1-e1", "edit", {"fatalities": 4}, reason="toll updated", who="ana")
    {'event_id': 'd1-e1', 'status': 'edited', 'fields': {'fatalities': 4}, ...}
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from collections.abc import Iterable, Mapping
from typing import Any, Optional

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Connection, Engine, insert, select, update

from ..schema import CERTAINTY, EVENT_TYPES, INTER_CODES, SUB_TO_TYPE, AuditEntry, Event, _to_jsonable, \
    disorder_type, interaction_code
from ..store import tables as t
from .errors import ReviewError

#: what a review can do to an event
ACTIONS = ("accept", "reject", "edit", "note")
#: the status each action leaves (a note leaves the status as it was)
_STATUS = {"accept": "accepted", "reject": "rejected", "edit": "edited"}
#: Event fields a reviewer cannot set: identity, provenance and the coder's own bookkeeping
_FIXED = ("event_id", "doc_id", "evidence", "reasons", "incident_id", "confidence", "disorder_type",
          "interaction")
EDITABLE_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event) if f.name not in _FIXED)
#: closed vocabularies of the codebook, checked on edit
_CHOICES: dict[str, Iterable[Any]] = {
    "event_type": EVENT_TYPES, "sub_event_type": tuple(SUB_TO_TYPE), "certainty": CERTAINTY,
    "inter1": tuple(INTER_CODES), "inter2": tuple(INTER_CODES), "geo_precision": (1, 2, 3),
    "time_precision": (1, 2, 3),
}
_HINTS = typing.get_type_hints(Event)
_ADAPTERS = {name: TypeAdapter(_HINTS[name]) for name in EDITABLE_FIELDS}
#: most entries one write may carry (the request-size limit bounds the rest)
MAX_FIELDS = len(EDITABLE_FIELDS)
MAX_REASON = 2000


def validate_value(name: str, value: Any) -> Any:
    """The JSON form of `value` for Event field `name`, or ReviewError (422) saying what is allowed."""
    if name not in _ADAPTERS:
        raise ReviewError(f"field {name!r} cannot be reviewed; editable fields: {', '.join(EDITABLE_FIELDS)}")
    try:
        parsed = _ADAPTERS[name].validate_python(value, strict=False)
    except ValidationError as error:
        first = error.errors()[0]["msg"]
        raise ReviewError(f"bad value {value!r} for {name}: {first}") from None
    choices = _CHOICES.get(name)
    if choices is not None and parsed is not None and parsed not in choices:
        raise ReviewError(f"bad value {value!r} for {name}; one of {list(choices)}")
    if isinstance(parsed, str) and len(parsed) > MAX_REASON:
        raise ReviewError(f"value of {name} is longer than {MAX_REASON} characters")
    return _to_jsonable(parsed)


def _derived(values: dict[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    """Fields that follow from edited ones: event and disorder type from the sub-type, interaction
    from the inter codes (so an edited record stays consistent with the codebook)."""
    out: dict[str, Any] = {}
    sub = values.get("sub_event_type", current.get("sub_event_type"))
    if "sub_event_type" in values and sub is not None:
        if "event_type" in values and values["event_type"] != SUB_TO_TYPE[sub]:
            raise ReviewError(f"sub_event_type {sub!r} belongs to {SUB_TO_TYPE[sub]!r}, not {values['event_type']!r}")
        out["event_type"] = SUB_TO_TYPE[sub]
        out["disorder_type"] = disorder_type(sub)
    if "inter1" in values or "inter2" in values:
        out["interaction"] = interaction_code(values.get("inter1", current.get("inter1")),
                                              values.get("inter2", current.get("inter2")))
    return out


def _coded_row(conn: Connection, event_id: str) -> dict[str, Any]:
    row = conn.execute(select(t.events).where(t.events.c.event_id == event_id)).mappings().first()
    if row is None:
        raise ReviewError(f"no event {event_id!r}", status=404)
    return {k: _to_jsonable(v) for k, v in row.items()}


def _audit(conn: Connection, entries: list[AuditEntry]) -> None:
    if entries:
        conn.execute(insert(t.audit), [dataclasses.asdict(e) for e in entries])


def apply_review(engine: Engine, event_id: str, action: str, values: Optional[Mapping[str, Any]] = None,
                 reason: Optional[str] = None, who: str = "unknown") -> dict[str, Any]:
    """Apply one review to an event in one transaction and audit it.

    Args:
        engine (Engine): the store's engine.
        event_id (str): the reviewed event.
        action (str): accept | reject | edit (needs `values`) | note (needs `reason`).
        values (Mapping | None): field -> reviewed value, for edit.
        reason (str | None): why; required for reject and note.
        who (str): the reviewer (the token's name).
    RETURNS (dict): the event's review: event_id, status, fields, who, updated, changes (audit rows written).
    Raises:
        ReviewError: 404 for an unknown event, 422 for a bad action, field or value.
    """
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}; one of {list(ACTIONS)}")
    if reason is not None and len(reason) > MAX_REASON:
        raise ReviewError(f"reason is longer than {MAX_REASON} characters")
    if action in ("reject", "note") and not (reason or "").strip():
        raise ReviewError(f"action {action!r} needs a reason")
    if action == "edit" and not values:
        raise ReviewError("action 'edit' needs values: {field: value, ...}")
    if action != "edit" and values:
        raise ReviewError(f"action {action!r} takes no values; use 'edit'")
    clean = {name: validate_value(name, value) for name, value in (values or {}).items()}
    now = dt.datetime.now(dt.timezone.utc)
    with engine.begin() as conn:
        coded = _coded_row(conn, event_id)
        row = conn.execute(select(t.reviews).where(t.reviews.c.event_id == event_id)
                           .with_for_update()).mappings().first()
        fields = dict(row["fields"]) if row else {}
        status = row["status"] if row else None
        current = {**coded, **fields}
        if clean:
            clean.update((k, v) for k, v in _derived(clean, current).items() if k not in clean)
        changes = [AuditEntry(event_id, name, current.get(name), value, reason, who, now)
                   for name, value in clean.items() if current.get(name) != value]
        if action == "edit" and not changes:
            raise ReviewError("nothing changes: every value given is the current one")
        for entry in changes:
            if entry.new == coded.get(entry.field):
                fields.pop(entry.field, None)  # back to the coded value
            else:
                fields[entry.field] = entry.new
        new_status = _STATUS.get(action, status)
        if action == "note":
            changes.append(AuditEntry(event_id, "note", None, reason, reason, who, now))
        elif new_status == status and action != "edit":
            raise ReviewError(f"event {event_id} is already {status}")
        elif new_status != status:
            changes.append(AuditEntry(event_id, "status", status, new_status, reason, who, now))
        _audit(conn, changes)
        state = {"status": new_status, "fields": fields, "who": who, "updated": now}
        if row:
            conn.execute(update(t.reviews).where(t.reviews.c.event_id == event_id).values(**state))
        else:
            conn.execute(insert(t.reviews).values(event_id=event_id, **state))
    return {"event_id": event_id, **state, "updated": now.isoformat(), "changes": [e.to_dict() for e in changes]}


def reviews_for(conn: Connection, event_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The stored reviews of `event_ids`, by event id (events never reviewed are absent)."""
    wanted = sorted(set(event_ids))
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(wanted), 500):
        query = select(t.reviews).where(t.reviews.c.event_id.in_(wanted[i:i + 500]))
        found.update((row["event_id"], dict(row)) for row in conn.execute(query).mappings())
    return found


def overlay(record: dict[str, Any], review: Optional[Mapping[str, Any]]) -> dict[str, Any]:
    """`record` (an event's JSON record) with its reviewed values laid over, flagged.

    Adds `reviewed` (bool) and `review`: null, or {status, who, updated, coded: {field: coded value}}.
    """
    out = dict(record)
    if not review:
        out["reviewed"], out["review"] = False, None
        return out
    fields = review.get("fields") or {}
    coded = {name: record.get(name) for name in fields}
    out.update(fields)
    updated = review.get("updated")
    out["reviewed"] = True
    out["review"] = {"status": review.get("status"), "who": review.get("who"), "coded": coded,
                     "updated": updated.isoformat() if isinstance(updated, dt.datetime) else updated}
    return out


def effective_records(engine: Engine, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each event record with its reviewed values laid over (`overlay`), in one query."""
    with engine.connect() as conn:
        reviews = reviews_for(conn, [r["event_id"] for r in records])
    return [overlay(r, reviews.get(r["event_id"])) for r in records]


def reviewed_event(event: Event, review: Optional[Mapping[str, Any]]) -> Event:
    """`event` with its reviewed values (an Event again, for exporters and scoring)."""
    if not review or not review.get("fields"):
        return event
    return Event.from_dict({**event.to_dict(), **review["fields"]})


def audit_entries(engine: Engine, target_id: str) -> list[dict[str, Any]]:
    """Every audit entry of an event or incident, oldest first (who, when, field, old, new, reason)."""
    query = select(t.audit).where(t.audit.c.target_id == target_id).order_by(t.audit.c.id)
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [{"id": row["id"], **AuditEntry(**{k: row[k] for k in AuditEntry.field_names()}).to_dict()}
            for row in rows]
