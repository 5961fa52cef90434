"""Great-circle distance, shared by segmentation and aggregation (places and events of one report),
the merger (events of different reports) and the evaluation's matching (coded and gold points)."""
from __future__ import annotations

import math
from typing import Optional

EARTH_KM = 6371.0


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Kilometres between two (latitude, longitude) points (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


def km_between(a, b) -> Optional[float]:
    """Kilometres between two things with `latitude` and `longitude` (events, places, incident
    profiles), or None when either lacks them."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    return km((a.latitude, a.longitude), (b.latitude, b.longitude))
