"""Pairing coded events with gold events of the same report (what `evaluate` and the
calibration fit both score): actor-name matching and maximum-weight matching."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable, Optional

from .evaluate_chains import norm
from .geo import km
from .schema import Event

MIN_MATCH = 2.0


def _names(name: Optional[str]) -> set[str]:
    """Accepted spellings of an ACLED actor name: 'JNIM: Group for ...' also matches 'JNIM'."""
    if not name:
        return set()
    out = {norm(name)}
    if ":" in name:
        short, long_ = name.split(":", 1)
        out |= {norm(short), norm(long_)}
    return out


def actor_match(pred: Optional[str], gold: Optional[str], also: Iterable[str] = ()) -> bool:
    if not gold:  # no actor, or one the gold also accepts ("actor2": null, also ["Civilians (X)"])
        return not pred or bool(_names(pred) & set().union(*(_names(a) for a in also)))
    accepted = _names(gold).union(*(_names(a) for a in also))
    return bool(_names(pred) & accepted)


_SUFFIX = re.compile(r"\s*\((?:\d{4}-(?:\d{4})?|[^()]*)\)")


def actor_core(name: Optional[str]) -> str:
    """An actor name without its country and period suffixes, normalised:
    'Military Forces of Pakistan (2013-2018)' -> 'military forces of pakistan',
    'Islamic State (Iraq)' -> 'islamic state', 'Police Forces of India (2014-) CRPF' -> 'police forces of india crpf'.
    """
    if not name:
        return ""
    return norm(_SUFFIX.sub(" ", name))


def _core_names(name: Optional[str]) -> set[str]:
    if not name:
        return set()
    out = {actor_core(name)}
    if ":" in name:
        short, long_ = name.split(":", 1)
        out |= {actor_core(short), actor_core(long_)}
    return out - {""}


def actor_core_match(pred: Optional[str], gold: Optional[str], also: Iterable[str] = ()) -> bool:
    """`actor_match` ignoring the country and period suffixes of both names."""
    if not gold:
        return not pred or bool(_core_names(pred) & set().union(*(_core_names(a) for a in also)))
    accepted = _core_names(gold).union(*(_core_names(a) for a in also))
    return bool(_core_names(pred) & accepted)


def _date(value: Any) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _close(pred: Event, gold: dict) -> Optional[float]:
    if pred.latitude is None or gold.get("latitude") is None:
        return None
    return km((pred.latitude, pred.longitude), (gold["latitude"], gold["longitude"]))


def similarity(pred: Event, gold: dict) -> float:
    """Matching weight of a predicted and a gold event of the same report."""
    score = 0.0
    if pred.event_type == gold.get("event_type"):
        score += 1.5
        if pred.sub_event_type == gold.get("sub_event_type"):
            score += 0.5
    distance = _close(pred, gold)
    if norm(pred.location) and norm(pred.location) == norm(gold.get("location")):
        score += 1.5
    elif distance is not None and distance <= 50:
        score += 1.0
    elif pred.admin1 and norm(pred.admin1) == norm(gold.get("admin1")):
        score += 0.5
    gdate, pdate = _date(gold.get("event_date")), pred.event_date
    if gdate and pdate and abs((gdate - pdate).days) <= 1:
        score += 1.0
    if actor_match(pred.actor1, gold.get("actor1")) or actor_match(pred.actor2, gold.get("actor2")):
        score += 0.5
    return score


def match(preds: list[Event], golds: list[dict]) -> list[tuple[int, int]]:
    """Maximum-weight pairs (pred index, gold index) with weight >= MIN_MATCH."""
    if not preds or not golds:
        return []
    from scipy.optimize import linear_sum_assignment

    weights = [[similarity(p, g) for g in golds] for p in preds]
    rows, cols = linear_sum_assignment([[-w for w in row] for row in weights])
    return [(r, c) for r, c in zip(rows, cols) if weights[r][c] >= MIN_MATCH]
