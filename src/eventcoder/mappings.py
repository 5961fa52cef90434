"""ACLED sub-event type -> CAMEO / PLOVER / UCDP codes and the notes sentence (data/mappings)."""
from __future__ import annotations

import functools
from typing import Optional

from .resources import load_tsv
from .schema import SUB_EVENT_TYPES, Event

STATE_INTERS = {1, 8}


@functools.lru_cache(maxsize=1)
def table() -> dict[str, dict[str, str]]:
    rows = {row["sub_event_type"]: row for row in load_tsv("mappings/acled_codes.tsv")}
    missing = set(SUB_EVENT_TYPES) - set(rows)
    if missing:  # the data file must cover the whole taxonomy
        from .errors import DataFileError

        raise DataFileError(f"E103 data/mappings/acled_codes.tsv lacks sub-event types: {sorted(missing)}")
    return rows


def ucdp_type(event: Event) -> Optional[int]:
    """UCDP type_of_violence (1 state-based, 2 non-state, 3 one-sided) or None when out of scope.

    codebook §7.2/§7.5: only events with at least one death and an organised actor.
    """
    if not event.sub_event_type or event.fatalities < 1:
        return None
    rule = table()[event.sub_event_type]["ucdp"]
    if rule == "-":
        return None
    civilians_target = event.inter2 == 7
    if rule == "civ" or (rule == "target" and civilians_target):
        return 3
    return 1 if {event.inter1, event.inter2} & STATE_INTERS else 2


def apply_codes(event: Event) -> Event:
    """Fill cameo_code, plover_type, plover_mode, ucdp_type from the sub-event type."""
    if event.sub_event_type:
        row = table()[event.sub_event_type]
        event.cameo_code = row["cameo"] or None
        event.plover_type = row["plover_type"] or None
        event.plover_mode = row["plover_mode"] or None
        event.ucdp_type = ucdp_type(event)
    return event


def notes(event: Event) -> str:
    """ACLED-style one-sentence summary from the coded fields (codebook §6 template)."""
    parts = []
    when = f"On {event.event_date.day} {event.event_date:%B %Y}, " if event.event_date else "On an unknown date, "
    if event.time_precision and event.time_precision > 1 and event.event_date:
        when = f"Around {event.event_date.day} {event.event_date:%B %Y}, "
    verb = table()[event.sub_event_type]["verb"] if event.sub_event_type else "were involved in an incident with"
    who = event.actor1 or "an unidentified actor"
    sentence = f"{when}{who} {verb}"
    if event.actor2 and not verb.endswith(("peacefully", "a base", "deployment")):
        sentence += f" {event.actor2}"
    elif not event.actor2:  # "detonated an explosive device against" needs its object: drop the preposition
        for prep in (" against", " on", " at", " with", " from", " by", " of"):
            if sentence.endswith(prep):
                sentence = sentence[: -len(prep)]
                break
    if event.location:
        prep = "near" if event.geo_precision and event.geo_precision > 1 else "in"
        admins = ", ".join(a for a in (event.admin2, event.admin1) if a and a != event.location)
        if "(" in event.location:  # "Iraq-Syria border (Anbar)" already names its province
            admins = ""
        sentence += f" {prep} {event.location}" + (f" ({admins})" if admins else "")
    parts.append(sentence + ".")
    if event.fatalities:
        parts.append(f"{event.fatalities} reported fatalities.")
    else:
        parts.append("No fatalities reported.")
    if event.injured:
        parts.append(f"{event.injured} injured.")
    if event.speculated_perpetrators:
        parts.append("Perpetrator unconfirmed; speculation named " + ", ".join(event.speculated_perpetrators) + ".")
    return " ".join(parts)
