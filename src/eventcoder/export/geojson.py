"""GeoJSON export: a FeatureCollection with one Point feature per event (RFC 7946).

Coordinates are `[longitude, latitude]`; an event the coder could place only at country level
has `"geometry": null` (allowed by RFC 7946 §3.2) and stays in the collection, so nothing is
dropped. Properties are the event's JSONL record (`jsonl.event_record`: every schema field with
its evidence, plus the report's origin/url/title/published).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Optional, TextIO

from ..schema import Document, Event
from .jsonl import event_record
from .rows import Item, as_rows


def event_feature(event: Event, document: Optional[Document] = None) -> dict[str, Any]:
    """The GeoJSON Feature of one event (geometry null without coordinates)."""
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [round(event.longitude, 6), round(event.latitude, 6)]}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry,
            "properties": event_record(event, document)}


def write_geojson(events: Iterable[Item], fh: TextIO, documents: Optional[Mapping[str, Document]] = None) -> int:
    """Write a FeatureCollection to `fh`, one feature at a time (streaming); RETURNS the number of features."""
    n = 0
    fh.write('{"type": "FeatureCollection", "features": [')
    for row in as_rows(events, documents):
        fh.write(("," if n else "") + "\n" + json.dumps(event_feature(row.event, row.document), ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n
