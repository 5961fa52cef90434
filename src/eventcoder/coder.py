"""Assemble Events from the extractors: code each incident of a report, with evidence.

For one Analysis: report-level veto (film review, sports match, drill...) -> triggers ->
`segment.segment` (which sentences tell which incident, background or new) -> per incident:
sub-type (ranking rules), place, date, sources, certainty, actors, fatalities -> aggregation and
the choice of the main event (`segment.py`). Incidents that cannot be located even to a country
are not emitted, nor those located only to their country (codebook §3 "unlocatable": ACLED
records no country-level events); the reason is logged.
"""
from __future__ import annotations

import logging
import time
from collections import Counter
from contextlib import contextmanager
from typing import Optional

from . import calibration, mappings
from . import segment as segment_x
from . import town_list
from .captions import furniture_sentences
from .extract.who import roles as roles_x
from .extract.according import certainty as certainty_x
from .extract.what import classify as classify_x
from .extract.when import dates as dates_x
from .extract.howmany import fatalities as fatalities_x
from .extract.where import places as places_x
from .extract.where.spelling import name_locations
from .extract.according import sources as sources_x
from .extract.what import triggers as triggers_x
from .extract.base import Analysis, EventContext, Place, Span
from .schema import Event, Evidence, disorder_type, interaction_code

LOGGER = logging.getLogger(__name__)


class Coder:
    """Codes Documents into Events. Stateless apart from cached resources and the stage timer."""

    def __init__(self) -> None:
        #: seconds spent per pipeline stage since creation (read by `eventcoder bench`)
        self.seconds: Counter = Counter()

    @contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started

    def code(self, ana: Analysis) -> list[Event]:
        doc = ana.document
        with self.stage("triggers"):
            veto = classify_x.report_negative_cue(ana)
            if veto:
                LOGGER.debug("%s: report vetoed (%s)", doc.doc_id, veto)
                return []
            captions = furniture_sentences(ana)  # captions, links to other articles, section headings
            triggers = [t for t in triggers_x.find_triggers(ana) if segment_x.is_valid(t) and t.sentence not in captions]
        if not triggers:
            return []
        with self.stage("places"):
            places = [p for p in places_x.find_places(ana) if p.sentence not in captions]
        with self.stage("segment"):
            segments = segment_x.segment(ana, triggers, places)
        events: list[Event] = []
        for seg in segments:
            with self.stage("classify"):
                decided = classify_x.classify(seg.triggers, ana, seg.sentences)
            if decided is None:
                continue
            event = self._code_segment(ana, seg, decided, places)
            if event.country is None or not event.location:
                LOGGER.info("%s: %s in sentence %d is unlocatable: not emitted (%s)", doc.doc_id,
                            event.sub_event_type, seg.sentences[0], event.reasons.get("location"))
                continue
            events.append(event)
        events = town_list.split_events(ana, events, places)  # "strikes hit X, Y and Z": three events
        events = segment_x.aggregate(events, undated_report=ana.anchor_date is None, report_day=ana.anchor_date)
        segment_x.choose_main(events)
        name_locations(events, places)
        for n, event in enumerate(events, 1):
            event.event_id = f"{doc.doc_id}-e{n}"
            raw = calibration.classifier_score(event)
            event.confidence = round(calibration.calibrate(event, raw, ana.lang, fallback=event.confidence), 3)
            if calibration.load_model() is not None:
                event.reasons["confidence"] = (f"classifier {raw:.3f}; calibrated probability that the event "
                                               f"and its sub-event type are right")
        return events

    # ------------------------------------------------------------------ one incident
    def _code_segment(self, ana: Analysis, seg: segment_x.Segment, decided, places: list[Place]) -> Event:
        event_type, sub_event_type, confidence, support = decided
        trigger = support[0] if support else seg.triggers[0]
        sentences = _trigger_first(seg.sentences, trigger.sentence)
        with self.stage("places"):
            place = places_x.event_place(ana, places, sentences)
            if not place.name and seg.scene:  # "the same fighters also looted the market": the scene told before
                place = places_x.event_place(ana, places, list(seg.scene))
        with self.stage("dates"):
            date = dates_x.event_date(ana, sentences, news=seg.background is None)
        with self.stage("sources"):
            sources = sources_x.source_chain(ana, sentences)
            certainty = certainty_x.assess_certainty(ana, sentences, sources)
        ctx = EventContext(trigger=trigger, sentences=sentences, sub_event_type=sub_event_type,
                           event_type=event_type, place=place, event_date=date.date,
                           sources=sources, certainty=certainty)
        with self.stage("actors"):
            roles = roles_x.assign_roles(ana, ctx)
        with self.stage("fatalities"):
            deaths = fatalities_x.count_fatalities(ana, sentences, place, places)

        ev = Event(doc_id=ana.document.doc_id, main=False, background=seg.background is not None)
        ev.event_type, ev.sub_event_type = event_type, sub_event_type
        ev.disorder_type = disorder_type(sub_event_type)
        evidence: list[Evidence] = []

        def cite(name: str, span: Optional[Span]) -> None:
            if span is not None:
                evidence.append(Evidence(name, span.start, span.end, span.text))

        for t in support or [trigger]:
            cite("event_type", t.span)
        if seg.background is not None:
            cite("background", seg.background)
        # actors: speculated perpetrators never enter actor fields (devset README)
        speculated = {s.lower() for s in certainty.speculated_perpetrators}
        for slot in ("actor1", "actor2"):
            mention = getattr(roles, slot)
            if mention is None or mention.name.lower() in speculated:
                continue
            setattr(ev, slot, mention.name)
            setattr(ev, "inter1" if slot == "actor1" else "inter2", mention.inter)
            cite(slot, mention.span)
        ev.assoc_actor_1, ev.assoc_actor_2 = roles.assoc_actor_1, roles.assoc_actor_2
        ev.interaction = interaction_code(ev.inter1, ev.inter2)
        # place
        ev.country, ev.iso3, ev.admin1, ev.admin2 = place.country, place.iso3, place.admin1, place.admin2
        ev.location = place.name or None
        ev.latitude, ev.longitude, ev.geo_precision = place.latitude, place.longitude, place.geo_precision
        cite("location", place.span)
        if place.reason:
            ev.reasons["location"] = place.reason
        # date
        ev.event_date, ev.time_precision = date.date, date.precision
        cite("event_date", date.span)
        if date.reason:
            ev.reasons["event_date"] = date.reason
        # fatalities
        ev.fatalities, ev.fatalities_low, ev.fatalities_high = deaths.value, deaths.low, deaths.high
        ev.injured = deaths.injured
        for span in deaths.spans:
            cite("fatalities", span)
        cite("injured", deaths.injured_span)
        if deaths.reason:
            ev.reasons["fatalities"] = deaths.reason
        # sources, claims, certainty
        ev.source_chain = list(sources.chain)
        ev.source = sources.chain[0] if sources.chain else ana.document.source
        for span in sources.spans:
            cite("source", span)
        ev.claimed_by = sources.claimed_by
        cite("claimed_by", sources.claim_span)
        ev.certainty = certainty.value
        cite("certainty", certainty.span)
        ev.speculated_perpetrators = list(certainty.speculated_perpetrators)
        cite("speculation", certainty.speculation_span)
        if certainty.reason:
            ev.reasons["certainty"] = certainty.reason

        ev.evidence = evidence
        # calibrated in `code` once the main event is known; the heuristic until then (no model)
        ev.confidence = round(segment_x.confidence(confidence, ev), 3)
        ev.reasons["confidence"] = f"classifier {confidence:.3f}"
        mappings.apply_codes(ev)
        ev.notes = mappings.notes(ev)
        return ev


def _trigger_first(sentences: list[int], first: int) -> list[int]:
    return [first] + [s for s in sentences if s != first]


