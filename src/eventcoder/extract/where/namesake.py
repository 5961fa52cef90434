"""A town named like its own province, told with no word for which is meant ("opened fire in
Guanajuato, Mexico"): a town of that province the incident's later sentences name ("in the town of
Apaseo El Alto") is the more specific place (`places.event_place`)."""
from __future__ import annotations

import math
import re

from ..base import Analysis, Place
from ..cues import ENTRY_STAMP

#: languages that name a province by an adjective ("Донецкая область"): a bare "Донецк" is the city
ADJECTIVE_PROVINCES = frozenset({"ru"})
#: a place this close to a namesake town is one of its quarters ("Sadr City", "Kizilay"), not another town
QUARTER_KM = 12.0


def is_namesake(ana: Analysis, p: Place) -> bool:
    """`p` is a town named like its own province, in a language where the bare name may mean either."""
    if ana.lang in ADJECTIVE_PROVINCES or p.kind != "place" or not p.admin1 or p.modifier is not None \
            or p.span is None:
        return False
    return _fold_name(p.name) == _fold_name(p.admin1)


def other_town_told(ana: Analysis, town: Place, p: Place, first: int) -> bool:
    """`p` is another town of the namesake `town`'s province (not one of its quarters), told in the
    same live-blog entry as the event's first sentence `first`."""
    return _other_town(town, p) and same_entry(ana, first, p.sentence)


def _other_town(town: Place, p: Place) -> bool:
    if p.admin1 != town.admin1 or p.name == town.name or None in (p.latitude, town.latitude):
        return False
    dy = (p.latitude - town.latitude) * 111.0
    dx = (p.longitude - town.longitude) * 111.0 * math.cos(math.radians(town.latitude))
    return math.hypot(dx, dy) > QUARTER_KM


def same_entry(ana: Analysis, first: int, later: int) -> bool:
    """No live-blog entry begins between the two sentences."""
    return not any(ENTRY_STAMP.match(ana.sentences[i].text) for i in range(first + 1, later + 1))


def _fold_name(name: str) -> str:
    from ...gazetteer.names import fold

    return fold(re.sub(r"\s+(?:state|province|region|department|governorate|oblast)$", "", name, flags=re.I))
