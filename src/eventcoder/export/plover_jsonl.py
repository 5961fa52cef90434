"""PLOVER JSON Lines: one PLOVER event record per line (shared/codebook.md §7.4).

Each record has PLOVER's required `id`, `date`, `event`, `source` and its optional `recipient`, `mode`,
`context`, `event_loc`, `quad_code`, `dead`, `injured` and `text`, plus the report's evidence (every span
with its offsets into the report text), the CAMEO code and the ACLED classification it came from. Keys:
`data/mappings/export_columns.tsv` (format `plover-jsonl`).

Roles follow PLOVER: in two-sided violence (an armed clash) every party is a `source` and there is no
`recipient`; otherwise actor1 (with its associated actors) is the source and actor2 the recipient
(`subtype_interop.tsv`'s `plover_roles`).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Optional, TextIO

from ..schema import Document
from .crosswalk import actor_country, columns, plover_quad, subtype_interop
from .rows import Item, Row, as_rows


def _actors(name: Optional[str], associated: Optional[str]) -> list[str]:
    out = [name] if name else []
    out += [a.strip() for a in (associated or "").split(";") if a.strip()]
    return out


def _country(names: list[str]) -> Optional[str]:
    for name in names:
        found = actor_country(name)
        if found:
            return found.iso3
    return None


def plover_record(row: Row) -> dict[str, Any]:
    """The PLOVER record of one row (keys in `columns("plover-jsonl")` order)."""
    e = row.event
    interop = subtype_interop(e.sub_event_type)
    source = _actors(e.actor1, e.assoc_actor_1)
    recipient = _actors(e.actor2, e.assoc_actor_2)
    if interop is not None and interop.plover_roles == "all-source":
        source, recipient = source + recipient, []
    evidence = row.evidence()
    record = {
        "id": e.event_id,
        "date": e.event_date.isoformat() if e.event_date else None,
        "event": e.plover_type,
        "mode": e.plover_mode,
        "context": list(interop.plover_context) if interop else [],
        "source": source,
        "recipient": recipient,
        "source_country": _country(source),
        "recipient_country": _country(recipient),
        "quad_code": plover_quad(e.plover_type),
        "dead": e.fatalities,
        "injured": e.injured,
        "event_loc": {"name": e.location, "admin1": e.admin1, "admin2": e.admin2, "country": e.country,
                      "iso3": e.iso3, "lat": e.latitude, "lon": e.longitude, "geo_precision": e.geo_precision},
        "cameo": e.cameo_code,
        "acled": {"event_type": e.event_type, "sub_event_type": e.sub_event_type,
                  "disorder_type": e.disorder_type, "interaction": e.interaction},
        "certainty": e.certainty,
        "publisher": row.outlet,
        "url": row.url,
        "n_articles": row.n_articles,
        "text": " … ".join(dict.fromkeys(ev["text"] for ev in evidence)) or None,
        "evidence": evidence,
    }
    return {name: record[name] for name in columns("plover-jsonl")}


def write_plover_jsonl(events: Iterable[Item], fh: TextIO,
                       documents: Optional[Mapping[str, Document]] = None) -> int:
    """Write one PLOVER record per event (or incident Row) and line, streaming; RETURNS the count."""
    count = 0
    for row in as_rows(events, documents):
        fh.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        count += 1
    return count
