"""Event segmentation: which sentences tell which incident, background vs new, the main event.

Steps (called by `coder.Coder.code`):
1. `segment`: sentences with a background cue ("In August 2024, ...") become background candidates,
   never the main event; a trigger sentence opens a new incident when it names a different place,
   or says "also"/"separately"/"elsewhere"; other sentences elaborate the current incident;
2. `aggregate`: incidents with the same sub-type, place and date become one (codebook §1.8);
3. `choose_main`: the main event is the first locatable non-background incident of the body;
4. `confidence`: the classifier's confidence discounted for what could not be located or dated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from . import mappings
from .extract import dates as dates_x
from .extract.base import Analysis, Place, Span, Trigger
from .schema import Event, interaction_code


@dataclass
class Segment:
    """Sentences that tell one incident; `sentences[0]` holds its first trigger."""

    sentences: list[int]
    triggers: list[Trigger]
    background: Optional[Span] = None
    places: list[Place] = field(default_factory=list)


# a sentence that announces another incident even at the same place
_NEW_INCIDENT_CUE = re.compile(
    r"\b(also|separately|elsewhere|in another|in a separate|another|meanwhile|earlier on|later on)\b",
    re.IGNORECASE)




def is_valid(trigger: Trigger) -> bool:
    """A trigger that may start an event: not negated, hypothetical or vetoed by a cue."""
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




def confidence(classifier: float, ev: Event) -> float:
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


def aggregate(events: list[Event]) -> list[Event]:
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


def choose_main(events: list[Event]) -> None:
    """The main event is the first locatable non-background event (the report's lead)."""
    candidates = [e for e in events if not e.background]
    if not candidates:
        return
    located = [e for e in candidates if e.location] or candidates
    located[0].main = True
