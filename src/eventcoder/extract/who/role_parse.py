"""Dependency-parse helpers for `roles`: agents and patients around a trigger, victims, speakers.

Everything here needs the spaCy parse (English); without one the helpers return nothing and
`roles` falls back to the text rules of `actor_rules`.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from . import actor_dictionary as dic
from ..base import ActorMention
from ..cues import load_cues
from ..according.source_mentions import dateline_end
from .lang_speakers import inverted_speech, is_speaker
from .lang_targets import split_targets

_AGENT_DEPS = ("nsubj", "csubj")
_PATIENT_DEPS = ("dobj", "nsubjpass", "obj", "attr")
_PATIENT_PREPS = ("on", "against", "at", "targeting", "into", "upon")
_RECIPROCAL = ("clash", "fight", "battle", "exchange", "engage", "skirmish")
# a source credited in brackets at the end of a headline or sentence: "... soldats tués dans une embuscade (armée)"
_CREDIT_BEFORE = re.compile(r"\S\s*\(\s*$")
_CREDIT_AFTER = re.compile(r"\s*\)\s*(?:[.\n]|$)")
# "an army source", "a police spokesman": the force names whom the speaker speaks for
_SPEAKER_NOUN_AFTER = re.compile(r"\s+(?:source|sources|spokes(?:man|woman|person|people))\b", re.IGNORECASE)
# "..., the Sudanese Armed Forces (SAF) said.": a closing speaker, whatever the parse attached it to
_CLOSING_SPEAKER = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*|\)\s*)?(?:said|says|reported|confirmed|announced|stated|added)"
                              r"(?:\s+(?:on\s+)?\w+day)?\s*[.\"\u201d]*\s*$")

def patient_token(ana, offset: int):
    tok = token_at(ana, offset)
    if tok is None:
        return None
    return next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)


def speech_subjects(ana, mentions) -> set[int]:
    """Starts of mentions that are only the speaker: "police said", "according to the army"."""
    out: set[int] = {m.span.start for m in mentions if _CREDIT_BEFORE.search(ana.text[max(0, m.span.start - 6):m.span.start])
                     and _CREDIT_AFTER.match(ana.text, m.span.end)}  # "... dans une embuscade (armée)"
    if ana.spacy_doc is None or ana.lang != "en":  # the parse rules below read English verbs
        cues = load_cues(ana.lang, "attribution")
        speech = cues.get("speech", ())
        according = tuple(c.lower() for c in cues.get("according_to", ())) if ana.lang != "en" else ("according to",)
        for m in mentions:
            after = ana.text[m.span.end:m.span.end + 40].lower()
            before = ana.text[max(0, m.span.start - 30):m.span.start].lower()
            # "según el Ejército Nacional, ...": the words right before the name (an article may stand between)
            near = re.sub(r"\s+", " ", before).rstrip()
            near = re.sub(r"(?:\s(?:el|la|los|las|le|les|l'|l’|del|de la|des|du))+$", "", " " + near).strip()
            if any(after.lstrip(" ,").startswith(v) for v in speech) and not inverted_speech(after, speech) or \
                    "according to" in before or \
                    any(near.endswith(a) for a in according if ana.lang != "en") or \
                    (ana.lang != "en" and is_speaker(ana, m.span.start, m.span.end)):
                out.add(m.span.start)
        return out
    verbs = set(load_cues("en", "attribution").get("verbs", ()))
    sources = set(load_cues("en", "attribution").get("source_nouns", ()))
    for m in mentions:
        tok = token_at(ana, m.span.end - 1)
        if tok is None:
            continue
        head = tok
        while head.dep_ in ("compound", "amod", "conj", "appos", "nmod", "poss") and head.head is not head:
            up = head.head
            if head.dep_ in ("compound", "amod") and up.idx >= m.span.end and up.lemma_.lower() not in sources \
                    and up.lower_ not in sources:
                break  # "PKK terrorists detonate bomb trap ...": the group modifies a thing, it does not speak
            head = up
        if head.idx < dateline_end(ana) <= tok.idx:
            continue  # "KABUL (AP) - Taliban fighters killed ..., officials said": the dateline took the subject
        if head.dep_ in ("nsubj", "dobj") and head.head.lemma_ in verbs:
            out.add(m.span.start)
        elif _SPEAKER_NOUN_AFTER.match(ana.text, m.span.end):
            out.add(m.span.start)  # "..., an army source said", "Gunmen Kill Seven Soldiers: Army Source"
        elif re.search(r",\s*(?:the\s+|a\s+)?(?:[\w'\u2019-]+\s+){0,4}(?:\w+\s*\(\s*)?$",
                       ana.text[max(0, m.span.start - 60):m.span.start]) \
                and _CLOSING_SPEAKER.match(ana.text[m.span.end:ana.sentence_at(m.span.start).end]):
            out.add(m.span.start)
        elif head.dep_ == "pobj" and head.head.head.lemma_ == "accord":
            out.add(m.span.start)
    return out


def token_at(ana, offset: int):
    """The token of the parse covering character `offset`, or None (found by bisection over the
    token starts, computed once per document: a linear scan made long reports quadratic)."""
    doc = ana.spacy_doc
    if doc is None:
        return None
    starts = doc.user_data.get("_token_starts")
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data["_token_starts"] = [tok.idx for tok in doc]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return None
    tok = doc[i]
    return tok if offset < tok.idx + len(tok.text) else None


def in_subtree(tok, mentions) -> list[ActorMention]:
    lo = tok.left_edge.idx
    hi = tok.right_edge.idx + len(tok.right_edge.text)
    return [m for m in mentions if lo <= m.span.start and m.span.end <= hi]


def parse_roles(ana, offset: int, mentions, end: Optional[int] = None) -> tuple[list, list]:
    """Mentions in agent and patient position around the trigger token (empty without a parse); in a
    non-English parse a mention right after a target word ("contre l'armée") is a patient."""
    return split_targets(ana, *_parse_roles(ana, offset, mentions, end))


def _parse_roles(ana, offset: int, mentions, end: Optional[int] = None) -> tuple[list, list]:
    tok = token_at(ana, offset)
    if tok is None:
        return [], []
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "drone strike": the head noun
    agents: list = []
    patients: list = []
    pred = tok
    if tok.pos_ in ("NOUN", "PROPN"):
        lo, hi = tok.left_edge.idx, end if end is not None else tok.idx + len(tok.text)
        for m in mentions:  # "an Israeli drone strike", "Russian missiles", "a junta jet"
            if m.kind in ("state", "armed") and lo <= m.span.start and m.span.end <= max(hi, tok.idx + len(tok.text)) \
                    and m.span.start < offset:
                agents.append(m)
        for child in tok.children:  # "an Al Shabaab attack", "Russian strikes", "attack by X on Y"
            if child.dep_ in ("compound", "amod", "poss", "nmod"):
                agents += [m for m in in_subtree(child, mentions) if m not in agents]
            elif child.dep_ == "prep" and child.lower_ == "from":  # "artillery fire from a junta base"
                agents += [m for c in child.children for m in in_subtree(c, mentions) if m.kind in ("state", "armed")]
            elif child.dep_ == "acl":  # "shells fired by the RSF"
                agents += [m for a in child.children if a.dep_ == "agent"
                           for c in a.children for m in in_subtree(c, mentions)]
            elif child.dep_ == "prep" and child.lower_ == "by":
                agents += [m for c in child.children for m in in_subtree(c, mentions)]
            elif child.dep_ == "prep" and child.lower_ in _PATIENT_PREPS:
                patients += [m for c in child.children for m in in_subtree(c, mentions)]
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and tok.head.pos_ in ("VERB", "ADP", "NOUN"):
            pred = tok.head.head if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" else tok.head
            if tok.dep_ == "nsubj":  # "the strike killed five civilians"
                patients += [m for c in pred.children if c.dep_ in ("dobj",) for m in in_subtree(c, mentions)]
                return agents, patients
    if pred.pos_ not in ("VERB", "AUX"):
        pred = _governing_verb(pred)  # "grenades filled with chloropicrin": the verb of the clause
        if pred is None or pred.lemma_ in _BYSTANDER_ACTS:
            return agents, patients  # "security forces gather at the site of the attack": not its agent
    if pred.lemma_ in _DISCOVER:  # "police found four bodies": the finder did not do it
        return [], patients + [m for c in pred.children if c.dep_ == "dobj" for m in in_subtree(c, mentions)]
    a, p = verb_roles(pred, mentions, tok)
    agents += a
    patients += p
    if not agents:
        agents += reduced_relative_subject(pred, mentions)
    if not agents:  # "ten were killed when gangs stormed the town": the agent of the time clause
        for child in pred.children:
            if child.dep_ == "advcl" and child.lemma_ in _VIOLENT_ACTS and \
                    any(c.dep_ == "mark" and c.lower_ in ("when", "as") for c in child.children):
                agents += [m for c in child.children if c.dep_ == "nsubj" for m in in_subtree(c, mentions)
                           if m.kind in ("armed", "state", "unidentified")]
    cur = pred
    for _ in range(3):  # "gunmen stormed the village and killed ten", "insurgents ... before looting"
        if agents or cur.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "prep", "acl", "dobj", "pobj") \
                or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ == "VERB":
            if cur.lemma_ in _DISCOVER:
                break
            a2, p2 = verb_roles(cur, mentions, tok)
            agents += a2
            patients += [m for m in p2 if m not in patients] if not patients else []
    return agents, patients


_DISCOVER = {"find", "discover", "recover", "retrieve", "exhume", "locate", "unearth"}
# verbs whose subject is around the event, not its agent ("gather at the site of the blast")
_BYSTANDER_ACTS = {"gather", "inspect", "visit", "attend", "mourn", "rush", "arrive", "stand", "walk", "look", "see",
                   "watch", "survey", "examine", "collect", "help", "cordon", "condemn", "investigate", "flee",
                   "evacuate", "pray", "bury", "assemble", "queue", "wait"}
# acts whose subject in a "when ..." clause is the event's agent
_VIOLENT_ACTS = {"storm", "attack", "raid", "ambush", "open", "fire", "shoot", "kill", "strike", "hit", "bomb", "shell",
                 "detonate", "explode", "blow", "invade", "overrun", "seize", "capture", "abduct", "kidnap", "torch",
                 "burn", "loot", "launch", "target", "assault", "descend", "besiege", "surround", "fight", "clash",
                 "engage", "throw", "hurl", "lob", "drop", "plant", "stab", "hack", "behead", "execute", "massacre"}


def reduced_relative_subject(verb, mentions) -> list[ActorMention]:
    """A dateline often turns the lead's subject into an apposition with the verb as its participle
    ("ADDIS ABABA (AP) - Fano militiamen killed 12 people"): a participle with a direct object is
    active, so the noun it hangs on is its subject (a passive "the men killed in the raid" has none)."""
    head = verb.head
    if verb.dep_ != "acl" or head.i >= verb.i or head.pos_ not in ("NOUN", "PROPN") or \
            verb.tag_ not in ("VBD", "VBN") or not any(c.dep_ == "dobj" for c in verb.children):
        return []
    lo, hi = head.left_edge.idx, verb.idx  # with its conjuncts: "Malian troops and Africa Corps fighters killed"
    return [m for m in mentions if lo <= m.span.start and m.span.end <= hi and m.kind in ("armed", "state", "unidentified")]


def _governing_verb(tok):
    """The verb a noun trigger depends on through prepositions and participles (at most 3 steps)."""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i or cur.dep_ in ("ccomp", "nsubj", "nsubjpass"):
            return None
        cur = cur.head
        if cur.pos_ == "VERB":
            return cur
    return None


def verb_roles(verb, mentions, trigger) -> tuple[list, list]:
    agents: list = []
    patients: list = []
    reciprocal = verb.lemma_ in _RECIPROCAL
    for child in verb.children:
        if child.dep_ in _AGENT_DEPS:
            agents += in_subtree(child, mentions)
        elif child.dep_ == "agent":
            agents += [m for c in child.children for m in in_subtree(c, mentions)]
        elif child.dep_ in _PATIENT_DEPS and child is not trigger:
            patients += in_subtree(child, mentions)
            for gc in child.children:  # "opened fire on protesters"
                if gc.dep_ == "prep" and gc.lower_ in _PATIENT_PREPS:
                    patients += [m for c in gc.children for m in in_subtree(c, mentions)]
        elif child.dep_ == "prep" and child.lower_ == "to" and verb.lemma_ == "fall":  # "the town fell to X"
            agents += [m for c in child.children for m in in_subtree(c, mentions)]
        elif child.dep_ == "prep" and (child.lower_ in _PATIENT_PREPS or (reciprocal and child.lower_ == "with")):
            patients += [m for c in child.children for m in in_subtree(c, mentions)]
        elif child.dep_ in ("advcl", "xcomp") and child.lemma_ in ("target", "kill", "hit", "push", "drive", "expel",
                                                                   "oust", "dislodge", "repel", "rout"):
            patients += [m for c in child.children if c.dep_ == "dobj" for m in in_subtree(c, mentions)]
    return agents, patients


_HARM = {"kill", "strike", "hit", "target", "wound", "injure", "attack", "shoot", "bomb", "shell", "ambush",
         "destroy", "damage", "struck", "blow", "kidnap", "abduct", "maim", "murder", "execute", "storm"}


def head_token(ana, span):
    doc = ana.spacy_doc
    if doc is None:
        return None
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    return toks.root if toks is not None and len(toks) else None


def find_victims(ana, mentions, a1, trig_sent: int = -1) -> list[ActorMention]:
    """Mentions hurt by the event: objects of kill/strike/target, passive subjects, "X died"."""
    out: list[ActorMention] = []
    for m in mentions:
        if m.kind not in ("state", "armed", "civilians") or (a1 is not None and m.name == a1.name):
            continue
        tok = head_token(ana, m.span)
        if tok is not None and tok.dep_ == "amod":  # "military infrastructure" is a thing, not the military
            continue
        for _ in range(6):
            if tok is None or tok.head.i == tok.i:
                break
            if tok.dep_ in ("dobj", "nsubjpass", "obj") and tok.head.lemma_ in _HARM or \
                    tok.dep_ == "nsubj" and tok.head.lemma_ == "die" or \
                    tok.dep_ == "pobj" and tok.head.lower_ == "among":
                out.append(m)
                break
            if tok.dep_ in ("nsubj", "ccomp", "advcl", "relcl", "agent"):
                break
            tok = tok.head
    # "killing two people" says less than "struck two Hezbollah operatives"; otherwise the event sentence first
    vague = ("people", "persons", "men", "man")
    out.sort(key=lambda m: (m.kind == "civilians" and dic.normalise(m.span.text) in vague,
                            m.sentence != trig_sent, m.span.start))
    return out


def speaker_agent(ana, offset: int, speakers) -> Optional[ActorMention]:
    """"The Y Army said it had captured ...": a party's statement about its own act names the agent."""
    tok = token_at(ana, offset)
    if tok is None:
        return None
    verb = tok
    for _ in range(5):  # "launched air strikes", "killed 20 insurgents in air strikes": up to the verb
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
    if subj is None or verb.dep_ not in ("ccomp", "conj") or not (
            subj.lower_ in ("it", "we", "they") or any(c.dep_ == "poss" and c.lower_ in ("its", "our", "their")
                                                       for c in subj.children)):
        return None
    head = verb.head
    while head.dep_ in ("conj", "ccomp") and head.head.i != head.i and head.lemma_ not in ("say", "claim"):
        head = head.head
    for m in speakers:
        t = head_token(ana, m.span)
        if t is not None and t.head.i == head.i and t.dep_ == "nsubj" and m.kind in ("armed", "state"):
            return m
    return None
