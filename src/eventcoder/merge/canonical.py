"""An incident's record: canonical values by the codebook's rules, its reports and why each joined."""
from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any, Mapping, Optional

from ..schema import SUB_RANK, Document, Event, Incident


def _norm(value: Optional[str]) -> str:
    import re

    return " ".join(re.sub(r"[^\w]+", " ", (value or "").lower()).split())


def _unidentified(actor: Optional[str]) -> bool:
    return not actor or actor.lower().startswith("unidentified")


def canonical(members: list[Event], incident_id: str) -> Event:
    """The incident's record (codebook §6 Deduplication).

    Highest-ranked sub-event type; most precise date (lowest time_precision, then the most
    reported date) and place (the country most reports give, then the lowest geo_precision,
    then the most reported location); the
    lowest fatality figure (conservative), with the range in fatalities_low/high; a named
    actor over an unidentified one; the union of sources and source chains.
    """
    base = max(members, key=lambda e: (e.confidence, e.event_id))
    out = dataclasses.replace(base, evidence=[], reasons={}, event_id=incident_id, doc_id="",
                              incident_id=incident_id, main=True, background=False)
    typed = [e for e in members if e.sub_event_type in SUB_RANK]
    if typed:
        top = min(typed, key=lambda e: (SUB_RANK[e.sub_event_type], e.event_id))
        out.sub_event_type, out.event_type, out.disorder_type = top.sub_event_type, top.event_type, top.disorder_type
    dates = Counter(e.event_date for e in members if e.event_date)
    dated = [e for e in members if e.event_date]
    if dated:
        when = min(dated, key=lambda e: (e.time_precision or 9, -dates[e.event_date], e.event_date))
        out.event_date, out.time_precision = when.event_date, when.time_precision
        out.reasons["event_date"] = (f"most precise date of {len(dated)} dated report(s)"
                                     + (f"; {len(members) - len(dated)} undated report(s) take it"
                                        if len(dated) < len(members) else ""))
    countries = Counter(e.country for e in members if e.country)
    country = min(countries, key=lambda c: (-countries[c], c)) if countries else None
    local = [e for e in members if e.country == country] or members  # a coder's stray country is outvoted
    places = Counter(_norm(e.location) for e in local if e.location)
    where = min(local, key=lambda e: (e.geo_precision or 9, -places[_norm(e.location)], e.event_id))
    for name in ("country", "iso3", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                 "geo_precision"):
        setattr(out, name, getattr(where, name))
    figures = [e.fatalities or 0 for e in members]
    out.fatalities, out.fatalities_low, out.fatalities_high = min(figures), min(figures), max(figures)
    if len(set(figures)) > 1:
        out.reasons["fatalities"] = (f"lowest of the reports' figures {sorted(set(figures))} (conservative); "
                                     f"range {min(figures)}-{max(figures)}")
    injured = [e.injured for e in members if e.injured]
    out.injured = min(injured) if injured else None
    named = Counter(e.actor1 for e in members if not _unidentified(e.actor1))
    if named:
        actor = min(named, key=lambda a: (-named[a], a))
        who = min((e for e in members if e.actor1 == actor), key=lambda e: e.event_id)
        out.actor1, out.assoc_actor_1, out.inter1 = who.actor1, who.assoc_actor_1, who.inter1
    ordered = sorted(members, key=lambda e: e.event_id)
    out.source = "; ".join(dict.fromkeys(e.source for e in ordered if e.source)) or None
    out.source_chain = list(dict.fromkeys(s for e in ordered for s in e.source_chain))
    out.confidence = max(e.confidence for e in members)
    out.notes = base.notes
    return out


def incident_record(incident: Incident, events: Mapping[str, Event],
                    documents: Optional[Mapping[str, Document]] = None,
                    joins: Optional[Mapping[str, dict]] = None) -> dict[str, Any]:
    """The incident as one JSON object: canonical record, fatality range and every report.

    Args:
        incident: the incident (members and background links in `event_ids`).
        events: the events by id (members and links).
        documents: their reports by doc_id (outlet, url, title, published).
        joins: event id -> {"role", "score", "with", "reason", "evidence", "date_from_incident"}
            as stored in `incident_events` (or made by `cluster`).
    RETURNS (dict): incident_id, canonical (Event fields), fatalities {best, low, high},
        n_reports, reports [{event_id, doc_id, role, outlet, published, url, title, event_date,
        date_from_incident, location, fatalities, joined {score, with, reason, evidence}}].
    """
    documents = documents or {}
    joins = joins or {}
    canon = incident.canonical
    reports = []
    for event_id in incident.event_ids:
        event = events.get(event_id)
        join = dict(joins.get(event_id) or {})
        doc = documents.get(event.doc_id) if event else None
        reports.append({
            "event_id": event_id, "doc_id": event.doc_id if event else None,
            "role": join.pop("role", None) or ("background" if event and event.background else "member"),
            "outlet": (doc.source if doc and doc.source else None) or (event.source if event else None),
            "published": doc.published.isoformat() if doc and doc.published else None,
            "url": doc.url if doc else None, "title": doc.title if doc else None,
            "event_date": event.event_date.isoformat() if event and event.event_date else None,
            "date_from_incident": join.pop("date_from_incident", None),
            "location": event.location if event else None,
            "fatalities": event.fatalities if event else None,
            "joined": join or None,
        })
    reports.sort(key=lambda r: (r["role"] != "member", r["published"] or r["event_date"] or "9999", r["event_id"]))
    return {
        "incident_id": incident.incident_id,
        "canonical": canon.to_dict() if canon else None,
        "fatalities": ({"best": canon.fatalities, "low": canon.fatalities_low, "high": canon.fatalities_high}
                       if canon else None),
        "n_reports": len({r["doc_id"] for r in reports if r["role"] == "member"}),
        "reports": reports,
    }
