"""Event segmentation: which sentences tell which incident, background vs new, the main event.

Steps (called by `coder.Coder.code`):
1. `segment`: sentences are read in order.
   - Background: a past-time cue ("In August 2024, ...", "last year") makes the triggers it scopes
     over (the clause or noun phrase it modifies, from the parse) background candidates; they are
     never the main event. "a feud that erupted in September 2024" leaves the rest of its sentence
     current; a cue inside a name ("the March 23 Movement") is no cue.
   - A trigger sentence opens a new incident when it says so ("separately", "elsewhere", "in
     another ..."), names its own date that differs from the incident's ("On Tuesday, ..."), tells
     property crime or a ceasefire after violence in clear words ("also looted the market"),
     starts a live-blog entry ("10:45 — ..."), or names a new town ("also struck Odesa") with a
     clear trigger or "also"/"another".
   - A sentence whose triggers only refer back ("the attack", "the fighting") or are weak words
     ("were killed") elaborates the incident told before it, even after a background aside.
   - Other sentences elaborate the current incident.
   A takeover or clash in which civilians were deliberately killed ("overran the town, killing eight
   civilians") yields a second incident for the killing (codebook §1.2: crossfire victims stay in
   the battle, a massacre of residents is its own event).
2. `aggregate` (aggregate.py): incidents with the same sub-type, place and date become one (codebook §1.8);
3. `choose_main` (aggregate.py): the main event is the first locatable non-background incident of the body;
4. `confidence`: the classifier's confidence discounted for what could not be located or dated.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .aggregate import aggregate, choose_main  # noqa: F401 (steps 2 and 3, re-exported)
from .extract.when import dates as dates_x
from .extract.cues import ENTRY_STAMP, find_cues, load_cues
from .extract.base import Analysis, Place, Span, Trigger
from .geo import km_between
from .schema import SUB_TO_TYPE, Event


@dataclass
class Segment:
    """Sentences that tell one incident; `sentences[0]` holds its first trigger."""

    sentences: list[int]
    triggers: list[Trigger]
    background: Optional[Span] = None
    places: list[Place] = field(default_factory=list)
    #: sentences that locate the incident when its own name no place ("also looted the market")
    scene: list[int] = field(default_factory=list)


# Cues of another incident are per language (`data/lexicons/<lang>/segment.yaml`): `new_incident`
# ("separately", "in another attack") even at the same place and date; `also` ("another",
# "une autre frappe") with a new town or a new clear act.

#: a trigger this strong names a new incident by itself when its sentence names a new town
STRONG_TRIGGER = 0.8
#: places closer than this (km) are the same scene ("the city's Kyivskyi district")
SAME_SCENE_KM = 30.0
#: places closer than this (km) are the same scene whatever the sentence says; between this and
#: SAME_SCENE_KM a town (not a district, an outskirt or a road) is another scene when a clear trigger and
#: "also" say so ("shelling also hit the village of X" next to the town told before: another day-location
#: event, codebook §1.8)
NEIGHBOURHOOD_KM = 5.0
#: sub-types told after violence in their own sentence that are a separate act (devset README):
#: looting after an attack, a ceasefire signed after the fighting; only clear words (>= 0.8) count
_SEPARATE_ACTS = {"Looting/property destruction", "Agreement"}
#: entity labels that can hold a date-looking phrase without being a date ("March 23 Movement")
_NAME_LABELS = {"ORG", "PERSON", "NORP", "FAC", "GPE", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}


def is_valid(trigger: Trigger) -> bool:
    """A trigger that may start an event: not negated, hypothetical or vetoed by a cue."""
    return not (trigger.negated or trigger.hypothetical or trigger.negative_cue)


def _specific(places: list[Place]) -> list[Place]:
    return [p for p in places if p.kind not in ("country",) and p.name]


def _new_town(here: list[Place], known: list[Place], near: float = SAME_SCENE_KM) -> bool:
    """The sentence names a town (not a region or feature) that is not the incident's scene (no
    known place within `near` km)."""
    towns = [p for p in here if p.kind == "place"]
    if not towns or not known:
        return False
    for p in towns:
        for k in known:
            d = km_between(p, k)
            if p.name == k.name or (d is not None and d <= near):
                return False
    return True


def _background_cue(ana: Analysis, index: int) -> Optional[Span]:
    cue = dates_x.background_cue(ana, index)
    if cue is None or ana.spacy_doc is None:
        return cue
    for ent in ana.entities():
        if ent.label_ in _NAME_LABELS and ent.start_char < cue.end and cue.start < ent.end_char:
            return None  # "the March 23 Movement"
    span = ana.spacy_doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is not None and span.root.dep_ in ("nmod", "compound") and span.root.head.pos_ == "PROPN" \
            and span.root.head.i >= span.end and span.root.head.text[:1].isupper():
        return None  # a date-like word that modifies a name
    return cue


def _background_scope(ana: Analysis, cue: Span, trigs: list[Trigger]) -> tuple[list, list, bool]:
    """(triggers the cue scopes over, the others, whether the whole sentence is background)."""
    doc = ana.spacy_doc
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand") if doc is not None else None
    heads = {getattr(t, "head", -1) for t in trigs}
    if span is None or -1 in heads:
        return list(trigs), [], True
    inside = {t.i for t in span}
    tok = span.root
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.i in inside:
            continue
        if tok.i in heads or tok.pos_ in ("VERB", "AUX"):
            break
    scope = {t.i for t in tok.subtree}
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        scope.add(tok.head.i)  # "the agreement signed in March": the noun it describes
    past = [t for t in trigs if getattr(t, "head", -1) in scope]
    now = [t for t in trigs if getattr(t, "head", -1) not in scope]
    whole = tok.head.i == tok.i or not now
    return past, now, whole


def _anaphoric(trigs: list[Trigger]) -> bool:
    """Only back-references ("the attack") and weak words ("were killed"): no new incident."""
    return all(getattr(t, "definite", False) or t.score < 0.6 for t in trigs)


def _own_date(ana: Analysis, sentences: list[int], index: Optional[int] = None):
    """The date an explicit phrase gives (in sentence `index` when given), not a statement's."""
    res = dates_x.event_date(ana, sentences)
    if res.date is None or res.span is None or res.background or "statement" in (res.reason or ""):
        return None
    if "overnight" in (res.reason or ""):
        return None  # "in the early hours" names no day: the incident's own, told before it
    if index is not None:
        sent = ana.sentences[index]
        if not sent.start <= res.span.start < sent.end:
            return None
    return res.date


def _earlier(ana: Analysis, date, current: Segment) -> bool:
    """A date before the incident's (or, undated, days before the report's): earlier context."""
    if date is None:
        return False
    told = _own_date(ana, current.sentences)
    if told is not None:
        return date < told
    return ana.anchor_date is not None and (ana.anchor_date - date).days > 2


def _cued_new(ana: Analysis, index: int, keys: tuple[str, ...] = ("new_incident", "another_incident")) -> bool:
    """The sentence opens with a cue of another incident ("Separately", "In another attack", "Еще один удар")."""
    cues = load_cues(ana.lang, "segment")
    return any(find_cues(ana.sentences[index].text[:80], cues.get(key, ())) for key in keys)


def _opens_new(ana: Analysis, index: int, trigs: list[Trigger], here: list[Place], current: Segment) -> bool:
    text = ana.sentences[index].text
    cues = load_cues(ana.lang, "segment")
    if _cued_new(ana, index):
        return True
    if _anaphoric(trigs):
        return False
    subs, before = {t.sub_event_type for t in trigs}, {t.sub_event_type for t in current.triggers}
    if subs <= _SEPARATE_ACTS and not before & _SEPARATE_ACTS and max(t.score for t in trigs) >= 0.8 and \
            any(SUB_TO_TYPE[s] != "Strategic developments" for s in before):
        return True
    date = _own_date(ana, [index], index)
    if date is not None and _own_date(ana, current.sentences) not in (None, date):
        return True
    strong = {t.sub_event_type for t in trigs if t.score >= STRONG_TRIGGER}  # clear act words
    also = bool(find_cues(text, cues.get("also", ())))
    if strong and not strong & {t.sub_event_type for t in current.triggers} and also:
        return True  # "the RSF also launched drones ..." after a shelling: another act, another event
    if _new_town(here, current.places):
        return bool(strong) or also
    plain = [p for p in here if p.modifier is None]  # not "the Kyivskyi district", "near X", "the X road"
    return bool(strong) and also and _new_town(plain, current.places, NEIGHBOURHOOD_KM)


def _scene_opener(ana: Analysis, index: int, here: list[Place], current: Segment) -> list[Place]:
    """A sentence with no act of its own that opens on a new place ("وفي الأنبار،", "In Idlib,",
    `scene_opener` in segment.yaml, the place right after the cue): the acts told next happen there.
    RETURNS the place, or [] when the sentence opens on no place or on the incident's own scene."""
    sent = ana.sentences[index]
    cue = next(iter(find_cues(sent.text[:12], load_cues(ana.lang, "segment").get("scene_opener", ()))), None)
    if cue is None or cue.start() > 1:
        return []
    first = min((p for p in here if p.span is not None), key=lambda p: p.span.start, default=None)
    if first is None or first.kind not in ("place", "admin1") or first.modifier is not None \
            or first.span.start - sent.start - cue.end() > 2:
        return []
    if first.kind == "admin1":
        known = {p.admin1 for p in current.places if p.admin1}
        return [first] if known and first.admin1 not in known else []
    return [first] if _new_town([first], current.places) else []


def _continued(ana: Analysis, index: int, trigs: list[Trigger], here: list[Place],
               segments: list[Segment], current: Optional[Segment], last: Optional[Segment]):
    """The incident a trigger sentence goes on telling, or None when it opens a new one."""
    if _anaphoric(trigs) and not _cued_new(ana, index, ("another_incident",)):  # "In another attack, two died"
        kinds = {t.event_type for t in trigs if getattr(t, "definite", False)}
        for seg in reversed(segments):  # "the fighting" -> the latest incident with a fight
            if seg.background is not None and seg.sentences[0] == index:
                continue  # "The attack occurred in X, where militants have killed hundreds this year"
            if kinds & {t.event_type for t in seg.triggers}:
                return seg
        # weak words go on telling the incident, not a background aside told before them
        return current or next((s for s in reversed(segments) if s.background is None), last)
    if current is not None:
        return None if _opens_new(ana, index, trigs, here, current) else current
    # after a background aside: back to the incident told before it, if nothing new is said
    told = next((s for s in reversed(segments) if s.background is None), None)
    if told is None or _opens_new(ana, index, trigs, here, told):
        return None
    kinds = {t.event_type for t in trigs}
    return told if kinds & {t.event_type for t in told.triggers} else None


def segment(ana: Analysis, triggers: list[Trigger], places: list[Place]) -> list[Segment]:
    """Group sentences into incidents (see the module docstring, step 1)."""
    by_sentence: dict[int, list[Trigger]] = {}
    for trig in triggers:
        by_sentence.setdefault(trig.sentence, []).append(trig)
    places_in: dict[int, list[Place]] = {}
    for place in places:
        places_in.setdefault(place.sentence, []).append(place)

    segments: list[Segment] = []
    scene: Optional[tuple[int, list[Place]]] = None  # "In Idlib," told before its act: (sentence, places)
    current: Optional[Segment] = None  # the incident running sentences elaborate
    last: Optional[Segment] = None  # the incident that took the last trigger sentence
    entry = False  # a live-blog entry has begun and has not yet told an incident
    for sent in ana.sentences:
        i = sent.index
        trigs = by_sentence.get(i, [])
        if ENTRY_STAMP.match(sent.text):
            current, entry = None, True
        here = _specific(places_in.get(i, []))
        cue = _background_cue(ana, i)
        aside = None
        if cue is not None:
            past, trigs, whole = _background_scope(ana, cue, trigs)
            if past:
                last = aside = Segment([i], past, background=cue, places=here)
                segments.append(last)
            if whole:
                current = None  # a background sentence closes the incident it interrupts
                continue
        if not trigs:
            if current is not None and (opened := _scene_opener(ana, i, here, current)):
                scene = (i, opened)  # the acts told next are this place's, not the incident's
                continue
            if current is not None:
                if _earlier(ana, _own_date(ana, [i], i), current):
                    current = None  # "In early July, the army reinforced ...": context, not this
                else:
                    current.sentences.append(i)
            continue
        if entry and not _anaphoric(trigs):
            target = None  # the first incident of a new live-blog entry
        elif scene is not None and not any(getattr(t, "definite", False) for t in trigs):
            target = None  # "In Idlib," / "two civilians were killed": the new scene's own incident
        else:
            target = _continued(ana, i, trigs, here, segments, current, last)
        entry = False
        if target is None:
            target = Segment([i], list(trigs), places=list(here))
            segments.append(target)
            if scene is not None:
                target.sentences.append(scene[0])  # told right after the act's own sentence
                target.scene, target.places = [scene[0]], scene[1] + list(here)
            elif not here and segments[:-1]:
                target.scene = (current or last or segments[-2]).sentences[:1]
        else:
            target.sentences.append(i)
            target.triggers.extend(trigs)
            target.places.extend(here)
        scene = None
        # "The attack took place in X, where the army has fought militants since 2014": the
        # sentence's own clause tells the incident, the aside it ends on goes on in what follows
        current = last = aside if aside is not None and _anaphoric(trigs) else target
    return _split_civilian_attacks(segments)


def _split_civilian_attacks(segments: list[Segment]) -> list[Segment]:
    """A battle in which civilians were deliberately killed: the killing is its own incident."""
    out: list[Segment] = []
    for seg in segments:
        out.append(seg)
        if seg.background is not None:
            continue
        live = [t for t in seg.triggers if is_valid(t)]
        battle = [t for t in live if t.event_type == "Battles" and t.score >= 0.55]
        civ = [t for t in live if getattr(t, "civilian", False)]
        if not battle or not civ or max(t.score for t in civ) < 0.55:
            continue
        seg.triggers = [t for t in seg.triggers if t not in civ]
        sentences = sorted({t.sentence for t in civ})
        places = [p for p in seg.places if p.sentence in sentences] or list(seg.places)
        out.append(Segment(sentences, civ, places=places))
    return out


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
