"""What a trigger word says about *one* incident: generic statements, back-references, victims.

`find_triggers` (triggers.py) asks these questions of every match that has a parse:

- `is_generic`: the word states a habit, a capability or a tally, not one incident: "frequent
  bombings", "capable of launching attacks", "a wave of bombings", "drones have long been a tool",
  "a drone operator". Such triggers get `negative_cue="generic"` and never start an event.
- `is_purpose`: the word is the aim of a plan or operation ("operations to dismantle ..."): it is
  marked hypothetical, like "threatened to attack".
- `is_definite`: "the attack", "this incident" refer back to an incident already told; segmentation
  (`segment.py`) never opens a new incident on them.
- the victims are civilians ("killing eight civilians") outside a crossfire: `civilian=True`, so a
  takeover and a killing of residents can be coded as two events (codebook §1.2, §1.6).

The word lists live in the `generic:` section of `data/lexicons/<lang>/triggers.yaml`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..base import Trigger

__all__ = ["FoundTrigger", "is_generic", "is_purpose", "is_definite", "past_year_modifier",
           "refers_to_agreement", "lead_not_anaphoric"]

_DEFINITE_DETS = {"the", "this", "that", "these", "those"}
_FRESH = {"second", "third", "another", "new", "separate", "fresh", "latest", "other", "further"}
#: "Tuesday's attacks", "yesterday's bombing": the day's act already told
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_DAY_WORDS = _WEEKDAYS | {"yesterday", "today", "tonight", "weekend"}


@dataclass
class FoundTrigger(Trigger):
    """A Trigger with what the parse says about its reference (see the module docstring)."""

    definite: bool = False  # "the attack": refers back to an incident already told
    civilian: bool = False  # its victims are civilians, not caught in a crossfire
    head: int = -1  # index of the spaCy token heading the trigger span (-1 without a parse)


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def governing_verb(tok):
    """The verb the trigger word belongs to: itself if verbal, else the nearest verbal ancestor."""
    steps = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and steps < 4:
        tok = tok.head
        steps += 1
    return tok


def _aggregated(root, aggregates: frozenset) -> bool:
    """ "a wave of bombings (and drone attacks)", "a pattern of strikes", "dozens of attacks"."""
    tok = root
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _lemma(tok.head.head) in aggregates:
            return True
        if tok.dep_ == "conj" and _lemma(tok.head) in aggregates:
            return True
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def is_generic(generic: dict, root, kind: str = "act") -> bool:
    """Does the trigger (its heading spaCy token `root`) state a habit, capability or tally?

    Args:
        generic (dict): the lexicon's `generic` word lists (frozensets).
        root: the spaCy token heading the trigger span.
        kind (str): "weapon" for weapon words ("drone operator" is not an attack).
    RETURNS (bool): True for "frequent bombings", "capable of launching attacks", "a wave of ...".
    """
    if root is None:
        return False
    mods, advs = generic.get("modifiers", frozenset()), generic.get("adverbs", frozenset())
    if any(c.dep_ in ("amod", "advmod", "det") and (_lemma(c) in mods or c.lower_ in mods)
           for c in root.children):  # "repeated" has the lemma "repeat"
        return True
    if _aggregated(root, generic.get("aggregates", frozenset())):
        return True
    if kind == "weapon" and root.dep_ == "compound" and _lemma(root.head) in generic.get("weapon_heads", ()):
        return True
    if root.dep_ in ("compound", "amod") and _lemma(root.head) in generic.get("actor_heads", ()):
        return True  # "vigilante gangs": a group's name, not its act
    if root.dep_ == "pobj" and root.head.lower_ == "by" and _lemma(root.head.head) in generic.get("support", ()):
        return True  # "forces, backed by coalition air strikes, have regained ...": who they are
    if root.dep_ == "dobj" and _lemma(root.head) in generic.get("flight", ()):
        return True  # "thousands have fled the fighting": the conflict people escape, not one incident
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "ethnic fighting and cattle raids": the first of the run
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and _lemma(tok.head.head) in generic.get("reputation", ()):
        return True  # "a state notorious for ethnic fighting", "a region plagued by attacks": what it is known for
    verb = governing_verb(root)
    if kind == "weapon" and _traded(root, verb, generic.get("weapon_trade", frozenset())):
        return True
    if any(c.dep_ in ("advmod", "npadvmod") and _lemma(c) in advs for c in _habit_verbs(verb)):
        return True
    # "remains capable of launching attacks", "the ability to strike"
    tok, capable = root, generic.get("capability", frozenset())
    for _ in range(7):
        if _lemma(tok) in capable:
            return True
        if tok.head.i == tok.i or (tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "ccomp")):
            break
        tok = tok.head
    if _habit(root, verb, generic) or _since_tally(verb) or _involvement(root, generic) or \
            _many_done(verb, generic):
        return True
    # a verb in the simple present states a habit: "the group attacks convoys"
    if root.pos_ == "VERB" and root.tag_ in ("VBZ", "VBP") and root.dep_ in ("ROOT", "conj") and \
            not any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return True
    return False


_PRESENT = ("VBZ", "VBP")
#: "since Monday, 40 people have been killed" tells one recent incident, "since 2021" a tally
_SINCE_RECENT = _WEEKDAYS | {"morning", "dawn", "daybreak", "midnight", "night", "evening", "afternoon",
                             "yesterday", "today", "noon", "hour", "hours", "weekend"}


def _subject_of(root, verb) -> bool:
    """Is the trigger (inside) the subject of `verb`?"""
    tok = root
    for _ in range(4):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == verb.i:
            return True
        if tok.head.i == tok.i or tok.head.i == verb.i:
            return False
        tok = tok.head
    return False


def _habit(root, verb, generic: dict) -> bool:
    """ "air strikes have become the army's main tool", "raids are commonplace", "fighters
    continue to raid villages": a practice, not one incident."""
    preds = generic.get("habit_nouns", frozenset())
    if preds and _lemma(verb) in ("be", "become", "remain") and _subject_of(root, verb):
        for c in verb.children:
            if c.dep_ not in ("attr", "acomp", "oprd"):
                continue
            heads = [c] + [g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pobj"]
            if any(_lemma(h) in preds for h in heads):
                return True
    head = verb.head
    if verb.dep_ == "xcomp" and _lemma(head) in generic.get("habit_verbs", frozenset()):
        aux = [c for c in head.children if c.dep_ == "aux"]
        return head.tag_ in _PRESENT or any(a.tag_ in _PRESENT and _lemma(a) == "have" for a in aux)
    return False


def _many_done(verb, generic: dict) -> bool:
    """ "the militias have ambushed several army convoys": a present perfect over a quantified
    plural object, with no date or time, tells a run of acts, not one incident."""
    quantifiers = generic.get("quantifiers", frozenset())
    if not quantifiers or not any(c.dep_ == "aux" and _lemma(c) == "have" and c.tag_ in _PRESENT
                                  for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not any(g.dep_ in ("amod", "det", "nummod") and g.lower_ in quantifiers for o in objects for g in o.children):
        return False
    inside = {t.i for o in objects for t in o.subtree}  # "territory seized in 2014" dates the seizure
    return not any(t.ent_type_ in ("DATE", "TIME") and t.i not in inside for t in verb.subtree)


def _habit_verbs(verb) -> list:
    """The children that qualify the verb's act: its own, and for a to-infinitive those of the verb
    it completes ("have increasingly used drones to attack army positions")."""
    kids = list(verb.children)
    if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
        kids += list(verb.head.children)
    return kids


#: "over the past three years": a span that a present perfect counts over
_SPAN_PREPS = {"over", "in", "during", "throughout", "for"}
_SPAN_UNITS = {"year", "years", "decade", "decades", "month", "months"}


def _traded(root, verb, trade: frozenset) -> bool:
    """ "test-launched a missile", "supplied drones to Russia": the weapon is the object of a verb
    that tests, shows, makes or trades it."""
    if root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ == "NOUN":
        root = root.head  # "artillery shells", "missile and drone attacks"
    while root.dep_ == "conj" and root.head.pos_ == "NOUN":
        root = root.head
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        head = root.head.head  # "orders for artillery shells", "protect cities from attacks"
        if _lemma(head) in trade:
            return True
        if root.head.lower_ == "of" and head.dep_ in ("dobj", "nsubjpass"):
            root = head  # "supplied hundreds of drones"
    if verb.i == root.i or root.dep_ not in ("dobj", "nsubjpass", "conj", "compound", "amod"):
        return False
    if _lemma(verb) in trade:
        return True
    return any(c.dep_ in ("npadvmod", "advmod", "compound") and _lemma(c) in trade for c in verb.children)


def _involvement(root, generic: dict) -> bool:
    """ "its role in attacks on civilians", "responsibility for kidnappings": a bare plural under
    an involvement noun names a kind of act, not one incident."""
    nouns = generic.get("involvement", frozenset())
    if root.tag_ != "NNS" or root.dep_ != "pobj" or any(
            c.dep_ in ("det", "nummod", "poss") for c in root.children):
        return False
    head = root.head.head
    return head.pos_ == "NOUN" and _lemma(head) in nouns


def refers_to_agreement(root, generic: dict) -> bool:
    """ "respect the ceasefire", "violated the truce": an agreement already made, not a new one."""
    if root is None:
        return False
    verb = governing_verb(root)
    return verb.i != root.i and _lemma(verb) in generic.get("agreement_refs", frozenset())


def _since_tally(verb) -> bool:
    """ "Since then, hundreds of fighters have surrendered", "over the past three years, armed
    groups have used drones", "has seized territory in recent months": a present-perfect count
    over a period."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        verb = verb.head  # "have used drones to attack"
    if not any(c.dep_ == "aux" and _lemma(c) == "have" and c.tag_ in _PRESENT for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            return bool(objs) and not any(g.lower_ in _SINCE_RECENT for g in objs)
        if c.dep_ == "prep" and c.lower_ in _SPAN_PREPS:
            for g in c.children:
                if g.dep_ == "pobj" and g.lower_ in _SPAN_UNITS and \
                        any(m.lower_ in ("past", "last", "recent") for m in g.children):
                    return True
    return False


def is_purpose(root) -> bool:
    """A to-infinitive of purpose states an aim, not an act: "operations to dismantle the network",
    "launched an offensive to recapture the town"."""
    if root is None or root.pos_ != "VERB":
        return False
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)
    if has_to and root.dep_ == "advcl":  # "launched an operation to recapture the town"
        return True
    return has_to and root.dep_ in ("acl", "relcl") and root.head.pos_ in ("NOUN", "PROPN")


def is_definite(root) -> bool:
    """ "the attack", "this incident", "its offensive": a noun that refers back, not a new one."""
    if root is None or root.pos_ not in ("NOUN", "PROPN"):
        return False
    kids = list(root.children)
    if any(c.dep_ == "nummod" or _lemma(c) in _FRESH for c in kids):
        return False
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE_DETS) or
               (c.dep_ == "poss" and (c.pos_ == "PRON" or c.lower_ in _DAY_WORDS)) for c in kids)


def past_year_modifier(root, before_year: Optional[int]) -> Optional[object]:
    """The year token in "the 2013 Westgate attack", "a 2018 peace deal" (or "a 1999 massacre in
    which 45 villagers were killed") when it lies before `before_year` (the report's year), else None."""
    if root is None or before_year is None:
        return None
    verb = governing_verb(root)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i != root.i:
        return past_year_modifier(verb.head, before_year)
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in root.children:
        if c.dep_ in ("nummod", "compound", "amod", "nmod") and c.like_num and c.text.isdigit() \
                and len(c.text) == 4 and 1900 < int(c.text) < before_year:
            return c
    return None


def lead_not_anaphoric(triggers: list, doc) -> None:
    """In the first sentence that names an act, "the shelling of a crowded market" or "Friday's
    bombing" introduces the incident: nothing was told before it for the article to refer back to.
    A bare "the attack" there still refers to something the reader is assumed to know."""
    if not triggers or doc is None:
        return
    first = min(t.sentence for t in triggers)
    for t in triggers:
        if t.sentence == first and t.definite and t.head >= 0 and _described(doc[t.head]):
            t.definite = False


def _described(noun) -> bool:
    """The noun carries what it is about: "the shelling of a market", "the attack on a village",
    "Friday's bombing"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "against", "by", "in", "at"):
            return True
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return True
    return False
