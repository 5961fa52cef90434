"""One report's coded incidents made into its events: `aggregate` (same sub-type, place and date
-> one event, codebook §1.8; with the twins a report tells twice: a province and a town in it, the
dateline's city and the town the body names, an undated lead and its dated telling, the report's
day and the day the act happened, one toll told with two places of a province) and `choose_main`
(the report's main event). Called by `coder.Coder.code` after `segment.segment`.
"""
from __future__ import annotations


from . import mappings
from .geo import km_between
from .extract.where.places import DATELINE_REASON
from .schema import Event, interaction_code


def _province_of(region: Event, town: Event) -> bool:
    """`region` is placed only at the province (admin1) that holds `town`'s place."""
    return (region.geo_precision == 3 and bool(region.admin1) and region.location == region.admin1
            and town.location != town.admin1 and town.admin1 == region.admin1 and town.country == region.country)


_PLACE_FIELDS = ("location", "admin1", "admin2", "admin3", "latitude", "longitude", "geo_precision")


#: an event dated on the report's own day and its twin dated this many days before it or fewer
STATEMENT_LAG = 7


def _same_day(a: Event, b: Event, undated_report: bool, report_day=None) -> bool:
    """The same date; in a report with no date of its own, also an undated event beside a dated one
    (the lead that does not repeat the day the text gives further down); and an event dated on the
    report's own day ("police said today") beside its twin dated a few days before (the day the
    text names for the act)."""
    if a.event_date == b.event_date or (undated_report and None in (a.event_date, b.event_date)):
        return True
    if report_day is None or None in (a.event_date, b.event_date) or report_day not in (a.event_date, b.event_date):
        return False
    return 0 < abs((a.event_date - b.event_date).days) <= STATEMENT_LAG


def _placed_by_dateline(event: Event) -> bool:
    """The event's place is the dateline's city (no place in its own sentences)."""
    return event.reasons.get("location") == DATELINE_REASON


def _dateline_twin(a: Event, b: Event) -> bool:
    """`a` is placed only by the dateline, `b` at a place its own sentences name in the same country:
    the lead ("rioting broke out on Thursday") and the body that names the town tell one event."""
    return (_placed_by_dateline(a) and not _placed_by_dateline(b) and a.country == b.country
            and bool(b.location) and a.location != b.location)


#: one dead is told for many acts of a province on one day ("a man died in X ... a woman died in Y"):
#: it identifies the act only at places this close (km), two spellings or a town and its district
ONE_DEAD_TWIN_KM = 10.0


def _toll_twin(a: Event, b: Event) -> bool:
    """One toll told with two places of one province ("killed eight jawans near Ambeli village" and,
    quoted, "eight jawans were killed on the Bedre-Kutru road"): the same figure identifies the act;
    one dead only at places `ONE_DEAD_TWIN_KM` apart or closer."""
    if a.fatalities == 1 and (km_between(a, b) or 0.0) > ONE_DEAD_TWIN_KM:
        return False
    return (a.fatalities > 0 and a.fatalities == b.fatalities and bool(a.admin1) and a.admin1 == b.admin1
            and a.country == b.country and a.event_date == b.event_date)  # not an undated lead and a dated recall


#: one crowd at one place on one day is one demonstration event (codebook §1.3-1.4), its sub-type
#: the most violent told: a riot over force against the crowd over intervention over a peaceful rally
DEMONSTRATION_RANK = {"Peaceful protest": 0, "Protest with intervention": 1,
                      "Excessive force against protesters": 2, "Violent demonstration": 3}
_KIND_FIELDS = ("event_type", "sub_event_type", "disorder_type", "actor1", "assoc_actor_1", "inter1",
                "actor2", "assoc_actor_2", "inter2", "cameo_code", "plover_type", "plover_mode", "ucdp_type")


def _same_kind(a: Event, b: Event) -> bool:
    """The same sub-type, or two sub-types of one demonstration (a rally and the riot it became)."""
    return a.sub_event_type == b.sub_event_type or (
        a.sub_event_type in DEMONSTRATION_RANK and b.sub_event_type in DEMONSTRATION_RANK)


def _take_kind(twin: Event, ev: Event) -> None:
    """The twin of a demonstration takes `ev`'s sub-type, actors and their evidence when `ev`'s is the
    more violent."""
    if DEMONSTRATION_RANK.get(ev.sub_event_type, -1) <= DEMONSTRATION_RANK.get(twin.sub_event_type, -1):
        return
    for name in _KIND_FIELDS:
        setattr(twin, name, getattr(ev, name))
    kept = {"event_type", "sub_event_type", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2"}
    twin.evidence = [e for e in twin.evidence if e.field not in kept]
    for name in ("event_type", "sub_event_type", "actor1", "actor2"):
        if name in ev.reasons:
            twin.reasons[name] = ev.reasons[name]


def aggregate(events: list[Event], undated_report: bool = False, report_day=None) -> list[Event]:
    """Same sub-type, place and date -> one event (codebook §1.8); keeps the larger toll. An
    event placed only at a province, or only by the dateline's city, and one at a town of that
    province (of that country) are one place: the town is kept. In a report with no date
    (`undated_report`), an undated event joins a dated one of the same sub-type and place, and
    takes its date; one dated on the report's day (`report_day`) joins its twin dated a few days
    before, and takes that day; the same toll in two places of one province is one event, at the
    first place (`_toll_twin`)."""
    out: list[Event] = []
    for ev in events:
        twin = next((o for o in out if o.background == ev.background
                     and _same_kind(o, ev) and _same_day(o, ev, undated_report, report_day)
                     and (o.location == ev.location or _province_of(o, ev) or _province_of(ev, o)
                          or _dateline_twin(o, ev) or _dateline_twin(ev, o) or _toll_twin(o, ev))), None)
        if twin is None:
            out.append(ev)
            continue
        if _province_of(twin, ev) or _dateline_twin(twin, ev):
            for name in _PLACE_FIELDS:
                setattr(twin, name, getattr(ev, name))
            twin.evidence = [e for e in twin.evidence if e.field != "location"]
            twin.reasons["location"] = ev.reasons.get("location", "")
        if ev.event_date is not None and (twin.event_date is None or (
                twin.event_date == report_day and ev.event_date < twin.event_date)):
            twin.event_date, twin.time_precision = ev.event_date, ev.time_precision
            twin.evidence = [e for e in twin.evidence if e.field not in ("event_date", "time_precision")]
            twin.reasons["event_date"] = ev.reasons.get("event_date", "")
        _take_kind(twin, ev)
        twin.evidence.extend(ev.evidence)
        twin.fatalities = max(twin.fatalities, ev.fatalities)
        for name in ("actor1", "actor2", "inter1", "inter2", "claimed_by"):
            if getattr(twin, name) is None and getattr(ev, name) is not None:
                setattr(twin, name, getattr(ev, name))
        twin.interaction = interaction_code(twin.inter1, twin.inter2)
        twin.notes = mappings.notes(twin)
    return out


def choose_main(events: list[Event]) -> None:
    """The main event is the first locatable non-background event (the report's lead), unless a
    killing of civilians at the same place and day carries the same toll: the report's deaths are
    the civilians', so the killing is the news (`_shared_toll`)."""
    candidates = [e for e in events if not e.background]
    if not candidates:
        return
    located = [e for e in candidates if e.location] or candidates
    first = located[0]
    twin = next((e for e in located[1:] if _shared_toll(first, e)), None)
    (twin or first).main = True


def _shared_toll(fight: Event, killing: Event) -> bool:
    """A battle or takeover and a killing of civilians told as one toll: same place, day and figure; or
    the killing, the same day in the same province, has the larger toll (troops who "engaged" or
    "repelled" the attackers of a village where 40 were killed: the killing is the news)."""
    if killing.sub_event_type != "Attack" or fight.event_type != "Battles" or fight.event_date != killing.event_date:
        return False
    if fight.fatalities > 0 and fight.fatalities == killing.fatalities and (
            fight.location == killing.location or (bool(fight.admin1) and fight.admin1 == killing.admin1)):
        return True  # one toll told twice, at a town and at its province
    return (fight.sub_event_type == "Armed clash" and killing.fatalities > fight.fatalities  # a takeover stays news
            and fight.country == killing.country and bool(fight.admin1) and fight.admin1 == killing.admin1)
