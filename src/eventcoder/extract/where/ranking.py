"""How the event's place is chosen among the places of its sentences: a ranking of mentions
(not a source's or a destination's place, the act's own locative, the most specific kind), used
by `places.event_place`."""
from __future__ import annotations

import re
from typing import Optional

from ...gazetteer.cues import (FACILITY_BEFORE, LOC_BEFORE, METONYM_AFTER, MOVE_BEFORE, NEAR_BEFORE, ROAD_BEFORE,
                               SOURCE_AFTER, SOURCE_BEFORE)
from ..base import Analysis, Place


def specificity(p: Place) -> float:
    if p.kind == "place":
        if p.modifier == "road":  # an end of a road: the smaller end (not the capital) first
            return 1.5 if p.population < 1_000_000 else 1.4
        if p.modifier in ("relative", "unlisted"):  # the place itself, approximate; beats the town it is near
            return 3.1
        if p.modifier in ("container", "reference"):
            return 0.5
        return 4 - (p.geo_precision or 3)  # town itself 3, near a town 2
    return {"admin1": 1, "feature": 1, "border": 0, "sea": 0}.get(p.kind, 0)


def linked(ana: Analysis, p: Place) -> bool:
    """The place is the object of a locative preposition or cue (not a name in a title or source)."""
    left = ana.text[max(0, p.span.start - 80):p.span.start]
    # "in Kandahar's Spin Boldak", "in Sagaing region's Kanbalu township"
    left = re.sub(r"(?:[A-Z][\w'’-]*\s)*[A-Z][\w'’-]*(?:\s+(?:region|state|province|governorate|oblast|county|"
                  r"department|district))?['’]s\s+$", "", left)
    if NEAR_BEFORE.search(left) or LOC_BEFORE.search(left) or ROAD_BEFORE.search(left) or FACILITY_BEFORE.search(left):
        return True  # ... or the town an institution is named after ("School Kankara")
    doc = ana.spacy_doc
    if doc is None:
        return False
    span = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "near", "outside", "around", "inside")


def heading(ana: Analysis, p: Place) -> bool:
    """The mention sits on a title line of a live blog ("14:05 — Tear gas at X march"), not in the body."""
    text = ana.text
    start, end = text.rfind("\n", 0, p.span.start) + 1, text.find("\n", p.span.end)
    line = text[start:end].strip() if end >= 0 else ""
    return bool(line) and len(line) < 120 and not line.endswith((".", "!", "?", '"', "”", ":", "»"))


def best_place(ana: Analysis, cands: list[Place], told: frozenset = frozenset()) -> Optional[Place]:
    """The best-ranked candidate. `told`: the countries the report names (or its dateline's): of two
    places alike in every other way, the one in a country the report names ("at the Astana Anyar
    police office in Bandung" in a report on Indonesia: Bandung, not Kazakhstan's capital)."""
    if not cands:
        return None
    body = [p for p in cands if not heading(ana, p)]  # the body's mention of a place also in the heading
    cands = [p for p in cands if p in body or not any(q.name == p.name for q in body)]
    return max(cands, key=lambda p: (not source_place(ana, p), p.modifier != "reference", linked(ana, p),
                                     not told or p.country in told, specificity(p), -p.span.start))


def source_place(ana: Analysis, p: Place) -> bool:
    """Where a source is ("Gaza's civil defence agency said", "the General Staff in Kiev"), a capital standing for
    its government ("Kyiv says"), or where people went to or came from ("airlifted to X", "moving up from Y")."""
    text = ana.text
    left, right = text[max(0, p.span.start - 60):p.span.start], text[p.span.end:p.span.end + 60]
    return bool(SOURCE_AFTER.match(right) or SOURCE_BEFORE.search(left) or MOVE_BEFORE.search(left)
                or (METONYM_AFTER.match(right) and not LOC_BEFORE.search(left)))
