"""Assemble Events from the extractors: segment a report into incidents, code each, keep evidence.

Flow for one Analysis:
1. report-level veto (film review, sports match, drill, ...) -> no events;
2. triggers -> sentences that tell events; sentences with a background cue ("In August 2024, ...")
   become background candidates, never the main event;
3. segmentation: a trigger sentence opens a new incident when it names a different place or date,
   or says "also"/"separately"/"elsewhere"; other sentences elaborate the current incident;
4. per incident: sub-type (ranking rules), place, date, sources, certainty, actors, fatalities;
5. incidents with the same sub-type, place and date are aggregated (codebook §1.8);
6. the main event is the first non-background incident of the body.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Optional

from . import mappings
from .extract import actors as actors_x
from .extract import certainty as certainty_x
from .extract import classify as classify_x
from .extract import dates as dates_x
from .extract import fatalities as fatalities_x
from .extract import places as places_x
from .extract import sources as sources_x
from .extract import triggers as triggers_x
from .extract.base import Analysis, EventContext, Place, Span, Trigger
from .schema import Event, Evidence, disorder_type, interaction_code

LOGGER = logging.getLogger(__name__)

# a sentence that announces another incident even at the same place
_NEW_INCIDENT_CUE = re.compile(
    r"\b(also|separately|elsewhere|in another|in a separate|another|meanwhile|earlier on|later on)\b",
    re.IGNORECASE)


@dataclass
class Segment:
    """Sentences that tell one incident; `sentences[0]` holds its first trigger."""

    sentences: list[int]
    triggers: list[Trigger]
    background: Optional[Span] = None
    places: list[Place] = field(default_factory=list)


def _valid(trigger: Trigger) -> bool:
    return not (trigger.negated or trigger.hypothetical or trigger.negative_cue)


def _specific(places: list[Place]) -> list[Place]:
    return [p for p in places if p.kind not in ("country",) and p.name]


def segment(ana: Analysis, triggers: list[Trigger], places: list[Place]) -> list[Segment]:
    """Group sentences into incidents (see the module docstring, step 3)."""
    by_sentence: dict[int, list[Trigger]] = {}
    for trig in triggers:
        by_sentence.setdefault(trig.sentence, []).append(trig)
    places_in: dict[int, list[Place]] = {}
    for place in places:
        places_in.setdefault(place.sentence, []).append(place)

    segments: list[Segment] = []
    current: Optional[Segment] = None
    for sent in ana.sentences:
        i = sent.index
        cue = dates_x.background_cue(ana, i)
        trigs = by_sentence.get(i, [])
        here = _specific(places_in.get(i, []))
        if cue is not None:
            if trigs:
                segments.append(Segment([i], trigs, background=cue, places=here))
            current = None  # a background sentence closes the incident it interrupts
            continue
        if not trigs:
            if current is not None:
                current.sentences.append(i)
            continue
        opens_new = current is None or bool(_NEW_INCIDENT_CUE.search(sent.text[:60]))
        if current is not None and here and current.places:
            known = {p.name for p in current.places}
            if not any(p.name in known for p in here):
                opens_new = True
        if opens_new:
            current = Segment([i], list(trigs), places=list(here))
            segments.append(current)
        else:
            current.sentences.append(i)
            current.triggers.extend(trigs)
            current.places.extend(here)
    return segments


class Coder:
    """Codes Documents into Events. Stateless apart from cached resources; safe to reuse."""

    def code(self, ana: Analysis) -> list[Event]:
        doc = ana.document
        veto = classify_x.report_negative_cue(ana)
        if veto:
            LOGGER.debug("%s: report vetoed (%s)", doc.doc_id, veto)
            return []
        triggers = [t for t in triggers_x.find_triggers(ana) if _valid(t)]
        if not triggers:
            return []
        places = places_x.find_places(ana)
        events: list[Event] = []
        for seg in segment(ana, triggers, places):
            decided = classify_x.classify(seg.triggers, ana, seg.sentences)
            if decided is None:
                continue
            event = self._code_segment(ana, seg, decided, places)
            if event is not None:
                events.append(event)
        events = _aggregate(events)
        _choose_main(events)
        for n, event in enumerate(events, 1):
            event.event_id = f"{doc.doc_id}-e{n}"
        return events

    # ------------------------------------------------------------------ one incident
    def _code_segment(self, ana: Analysis, seg: Segment, decided, places: list[Place]) -> Optional[Event]:
        event_type, sub_event_type, confidence, support = decided
        trigger = support[0] if support else seg.triggers[0]
        sentences = _trigger_first(seg.sentences, trigger.sentence)
        place = places_x.event_place(ana, places, sentences)
        date = dates_x.event_date(ana, sentences)
        sources = sources_x.source_chain(ana, sentences)
        certainty = certainty_x.assess_certainty(ana, sentences, sources)
        ctx = EventContext(trigger=trigger, sentences=sentences, sub_event_type=sub_event_type,
                           event_type=event_type, place=place, event_date=date.date,
                           sources=sources, certainty=certainty)
        roles = actors_x.assign_roles(ana, ctx)
        deaths = fatalities_x.count_fatalities(ana, sentences)

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
        ev.confidence = round(_confidence(confidence, ev), 3)
        mappings.apply_codes(ev)
        ev.notes = mappings.notes(ev)
        return ev


def _trigger_first(sentences: list[int], first: int) -> list[int]:
    return [first] + [s for s in sentences if s != first]


def _confidence(classifier: float, ev: Event) -> float:
    """Classifier confidence discounted for what could not be located, dated or attributed."""
    score = classifier
    if ev.location is None:
        score *= 0.6
    if ev.event_date is None:
        score *= 0.85
    if ev.background:
        score *= 0.5
    if ev.certainty == "speculative":
        score *= 0.7
    return max(0.0, min(1.0, score))


def _aggregate(events: list[Event]) -> list[Event]:
    """Same sub-type, place and date -> one event (codebook §1.8); keeps the larger toll."""
    out: list[Event] = []
    for ev in events:
        twin = next((o for o in out if o.background == ev.background
                     and o.sub_event_type == ev.sub_event_type and o.location == ev.location
                     and o.event_date == ev.event_date), None)
        if twin is None:
            out.append(ev)
            continue
        twin.evidence.extend(ev.evidence)
        twin.fatalities = max(twin.fatalities, ev.fatalities)
        for name in ("actor1", "actor2", "inter1", "inter2", "claimed_by"):
            if getattr(twin, name) is None and getattr(ev, name) is not None:
                setattr(twin, name, getattr(ev, name))
        twin.interaction = interaction_code(twin.inter1, twin.inter2)
        twin.notes = mappings.notes(twin)
    return out


def _choose_main(events: list[Event]) -> None:
    """The main event is the first locatable non-background event (the report's lead)."""
    candidates = [e for e in events if not e.background]
    if not candidates:
        return
    located = [e for e in candidates if e.location] or candidates
    located[0].main = True
