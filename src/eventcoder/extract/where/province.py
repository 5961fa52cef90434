"""The province of an event whose place has none: a village the gazetteer lacks ("the village of X",
no province told beside it), a border area ("near the border with Mali"). When every other place the
report names in that country lies in one province ("... in the Tillaberi region"), the event is in
that province too (codebook: admin1 of the event's place); a report naming places in several
provinces leaves it unknown. Datelines, the national capital (where a government or army speaks
from) and where people came from or went to are no evidence of where the event was."""
from __future__ import annotations

from dataclasses import replace

from ..base import Analysis, Place
from .capitals import national_capital
from .ranking import source_place


def fill_admin1(ana: Analysis, best: Place, places: list[Place]) -> Place:
    """`best` with the one province the report's other places in its country share, when it has none."""
    if best.admin1 or not best.country or best.kind not in ("place", "border"):
        return best
    capital = national_capital(best.country)  # the seat of the government that speaks
    provinces = {p.admin1 for p in places
                 if p.span is not None and p.country == best.country and p.kind in ("place", "admin1")
                 and p.modifier not in ("dateline", "unlisted") and p.admin1 and p.name != capital
                 and not source_place(ana, p)}
    if len(provinces) != 1:
        return best
    admin1 = provinces.pop()
    return replace(best, admin1=admin1,
                   reason=f"{best.reason}; in {admin1}, the one province the report's other places in "
                          f"{best.country} are in")
