"""actor1 / actor2 / associated actors of one event (codebook §2.5), re-exported by `actors`.

Agent and patient come from the dependency parse around the trigger; the sub-event type then
fixes what the codebook prescribes (protesters first, civilians second in VAC, one-sided events,
an unidentified actor instead of a blank). Speculated perpetrators are never used.
"""
from __future__ import annotations

import re
from typing import Optional

from . import actor_dictionary as dic
from .actor_rules import _allies, _corefer, _pair, is_ally_phrase, is_victim, named_target, stated_perpetrator
from .actors import _assoc_identities, _unparsed_roles, _victim_identities, find_actors, infer_country
from .base import ActorMention, Analysis, EventContext, Roles
from .certainty import is_speculated
from .cues import load_cues

_AGENT_DEPS = ("nsubj", "csubj")
_PATIENT_DEPS = ("dobj", "nsubjpass", "obj", "attr")
_PATIENT_PREPS = ("on", "against", "at", "targeting", "into", "upon")
_RECIPROCAL = ("clash", "fight", "battle", "exchange", "engage", "skirmish")
_ONE_SIDED = {"Peaceful protest", "Headquarters or base established", "Change to group/activity"}
_TWO_PARTY = {"Agreement", "Non-violent transfer of territory"}  # the other party is actor2
_ON_CIVILIANS = {"Looting/property destruction", "Arrests", "Other"}  # actor2 civilians unless an armed target
_VAGUE_VICTIMS = {"people", "persons", "person", "man", "men", "driver", "drivers", "occupants", "passengers",
                  "passenger", "a man", "two men"}
_ARMED = ("armed", "state", "unidentified")


def assign_roles(ana: Analysis, ctx: EventContext) -> Roles:
    """actor1 (initiator) and actor2 (target) of the event in `ctx`, with associated actors.

    ana (Analysis): the parsed report.
    ctx (EventContext): trigger, sentences, sub-event type, place/date, sources, certainty.
    RETURNS (Roles): actor mentions keep their spans as evidence; `reason` says how they were chosen.
    """
    country = ctx.country or infer_country(ana)
    sents = set(ctx.sentences) | {ctx.trigger.sentence}
    everywhere = find_actors(ana, country, ctx.event_date)
    found = [m for m in everywhere if m.sentence in sents]
    speech = _speech_subjects(ana, found)
    usable = [m for m in found if not is_speculated(ana, m, ctx.certainty) and m.span.start not in speech]
    agents, patients = _parse_roles(ana, ctx.trigger.span.start, usable, ctx.trigger.span.end)
    notes: list[str] = []
    claim = _claimant(ana, ctx, usable)
    hurt = [m for m in usable if m.kind in ("armed", "state") and is_victim(ana, m)]
    if not claim and hurt:  # "three soldiers were killed", "a police vehicle struck a mine": not the agent
        patients = [m for m in agents if m in hurt] + patients
        agents = [m for m in agents if m not in hurt]
        patients += [m for m in hurt if m not in patients and m.sentence == ctx.trigger.sentence]
    patients = [m for m in patients if not is_ally_phrase(ana, m)]  # "backed by troops of X": a partner
    wider = sorted(sents | {max(sents) + 1, max(sents) + 2})
    a1 = claim or _first(agents, _ARMED + ("protesters", "rioters"))
    if a1 is None and ana.spacy_doc is not None:
        a1 = _speaker_agent(ana, ctx.trigger.span.start,
                            [m for m in found if m.span.start in speech and not is_speculated(ana, m, ctx.certainty)])
        if a1 is not None:
            notes.append("actor1: the party's statement about its own act")
            patients = [p for p in patients if p.name != a1.name]
    if a1 is not None and a1.kind == "unidentified" and not claim:
        named = _corefer(ana, a1, everywhere, ctx.certainty)
        if named is not None:
            a1 = named
            notes.append("actor1: the group the report names for these attackers")
    stated, how = (None, "") if claim else stated_perpetrator(
        ana, [m for m in everywhere if m.sentence in wider and m not in hurt
              and not is_speculated(ana, m, ctx.certainty)], wider)
    if stated is not None and ctx.event_type != "Battles" and (
            a1 is None or a1.kind == "unidentified" or how == "by" and a1.sentence == stated.sentence
            and a1.span.start < stated.span.start and a1.kind in ("armed", "state") and a1.name != stated.name):
            a1 = stated
            patients = [p for p in patients if p.name != a1.name]
            notes.append("actor1: the report states who carried it out")
    if claim:
        notes.append("actor1 from the claim of responsibility")
    if a1 is None and ana.spacy_doc is None and ctx.event_type in ("Battles", "Explosions/Remote violence",
                                                                  "Violence against civilians"):
        a1, extra = _unparsed_roles(ctx, [m for m in usable if m not in hurt])  # no parse: the nearest armed actors
        if a1 is not None:
            notes.append("actor1: nearest armed actor (no parse)")
            patients = patients + [m for m in extra if m not in patients]
    a2 = _first([p for p in patients if p is not a1], _ARMED + ("civilians", "protesters", "rioters"))
    sub, etype = ctx.sub_event_type, ctx.event_type
    trig_sent = ctx.trigger.sentence
    nearby = sorted(usable, key=lambda m: (m.sentence != trig_sent, abs(m.span.start - ctx.trigger.span.start)))

    def generic(kind_name: str, kind: str, inter: int, like: Optional[ActorMention] = None) -> ActorMention:
        span = like.span if like else ctx.trigger.span
        return ActorMention(span, dic.generic_name(kind_name, country), inter, trig_sent, kind=kind)

    assoc1: list[str] = []
    assoc2: list[str] = []
    if etype == "Protests":
        prot = next((m for m in nearby if m.kind == "protesters"), None)
        a1 = generic("Protesters", "protesters", 6, prot)
        a2 = None
        if sub != "Peaceful protest":
            a2 = _as_police(next((m for m in nearby if m.kind == "state"), None))
        assoc1 = _assoc_identities(ana, nearby, ("protesters", "party", "civilians"), country)
    elif etype == "Riots":
        mob = next((m for m in nearby if m.kind == "rioters"), None)
        a1 = generic("Rioters", "rioters", 5, mob)
        if a2 is None or a2.kind == "rioters":
            a2 = _as_police(next((m for m in nearby if m.kind in ("state", "civilians")), None))
        if a2 is None and sub == "Mob violence":  # a mob's victim: "lynched a man accused of theft"
            victim = _patient_token(ana, ctx.trigger.span.start)
            if victim is not None:
                a2 = generic("Civilians", "civilians", 7)
                a2.span = ana.span(victim.left_edge.idx, victim.idx + len(victim.text))
        if a2 is not None and a2.kind == "civilians":
            a2 = generic("Civilians", "civilians", 7, a2)
        assoc1 = [m.name for m in nearby if m.kind == "party"][:1]
    elif etype == "Violence against civilians":
        victim = next((p for p in patients if p.kind == "civilians"), None) or \
            next((m for m in nearby if m.kind == "civilians"), None)
        if a1 is None or a1.kind == "civilians":
            a1 = _first([m for m in nearby if m not in patients and m not in hurt], ("armed", "state"))
        a2 = generic("Civilians", "civilians", 7, victim)
        assoc2 = _victim_identities(ana, patients or ([victim] if victim else []), country)
    elif etype == "Explosions/Remote violence":
        if a2 is None or a2.kind not in _ARMED + ("civilians",):
            victims = _victims(ana, [m for m in usable if m is not a1], a1, trig_sent)
            a2 = victims[0] if victims else next((m for m in nearby if m.kind == "civilians"), None)
            if a2 is None and ana.spacy_doc is not None:  # every strike hits someone: civilians by default
                a2 = generic("Civilians", "civilians", 7)
                notes.append("actor2: no named target, civilians by default")
        if a2 is None or a2.kind == "civilians" and (a2.span is ctx.trigger.span or
                                                     dic.normalise(a2.span.text).split()[-1] in _VAGUE_VICTIMS):
            target = named_target(ana, [m for m in everywhere if not is_speculated(ana, m, ctx.certainty)],
                                  a1, wider)
            if target is not None:  # "said it had struck a Hezbollah operative": the armed target
                a2 = target
                notes.append("actor2: the named armed target")
        if a2 is not None and a2.kind == "civilians":
            assoc2 = _victim_identities(ana, [a2], country)
            a2 = generic("Civilians", "civilians", 7, a2)
        elif a2 is not None and a2.kind not in _ARMED:
            a2 = None
    elif etype == "Battles":
        if a1 is None and a2 is None:  # "fighting between X and Y", "X and Y fought": text order
            a1, a2 = _pair(usable, ctx.sentences)
            if a1 is not None and a2 is not None and a1 in hurt and a2 not in hurt:  # "X were killed by Y"
                a1, a2 = a2, a1
        if a1 is not None and a2 is None:
            a2 = _first([m for m in nearby if m.kind in ("armed", "state") and m.name != a1.name
                         and not is_ally_phrase(ana, m)], ("armed", "state"))
        if a1 is None:
            a1 = _first([m for m in nearby if m is not a2 and (a2 is None or m.name != a2.name)], ("armed", "state"))
        for m in (a1, a2):
            if m is not None and m.kind not in _ARMED:
                a1, a2 = (None, a2) if m is a1 else (a1, None)
        if stated is not None and how == "by" and (a1 is None or a1.name != stated.name):
            a1, a2 = stated, (a1 if a1 is not None and a1.kind != "unidentified" else a2)  # "perpetrated by X"
        elif stated is not None and all(m is None or m.name != stated.name for m in (a1, a2)):
            if a1 is None or a1.kind == "unidentified":  # "the attackers belonged to X"
                a1 = stated
            elif a2 is None or a2.kind == "unidentified":
                a2 = stated
    else:  # Strategic developments
        if a1 is None:
            a1 = _first([m for m in nearby if m not in hurt], ("state", "armed"))
        if sub in _ONE_SIDED:
            a2 = None
        elif sub in _TWO_PARTY and (a2 is None or a1 is not None and (a2.name == a1.name or a2.kind == a1.kind)):
            others = [m for m in nearby if m.kind in ("state", "armed") and (a1 is None or m.name != a1.name)]
            a2 = next((m for m in others if a1 is None or m.kind != a1.kind), a2 or (others[0] if others else None))
        if sub in _TWO_PARTY and a2 is not None and a2.kind not in _ARMED:
            a2 = None
        elif sub in _ON_CIVILIANS and (a2 is None or a2.kind not in _ARMED + ("civilians",)):
            victim = next((m for m in nearby if m.kind == "civilians"), None)
            a2 = generic("Civilians", "civilians", 7, victim)
        if sub in _ON_CIVILIANS and a2 is not None and a2.kind == "civilians":
            a2 = generic("Civilians", "civilians", 7, a2)

    if a1 is None and etype in ("Violence against civilians", "Explosions/Remote violence", "Battles"):
        unid = next((m for m in nearby if m.kind == "unidentified"), None)
        a1 = generic("Unidentified Armed Group", "unidentified", 3, unid)
        a1.inter = 3
        notes.append("no identified perpetrator")
    if etype == "Battles" and a2 is None:
        a2 = generic("Unidentified Armed Group", "unidentified", 3)
    if a1 is not None and a2 is not None and a1.name == a2.name and etype not in ("Battles",):
        a2 = None
    for m, role in ((a1, "agent"), (a2, "patient")):
        if m is not None:
            m.role = role
    allies = _allies(ana, agents, a1)
    assoc1 = assoc1 + [a for a in allies if a not in assoc1]
    return Roles(actor1=a1, actor2=a2, assoc_actor_1="; ".join(assoc1) or None,
                 assoc_actor_2="; ".join(assoc2) or None, reason="; ".join(notes) or None)


def _as_police(m: Optional[ActorMention]) -> Optional[ActorMention]:
    """Crowd control by unnamed "security forces" is a police job (Protests, Riots)."""
    if m is None or m.inter == 8 or not m.name.startswith("Military Forces") or \
            re.search(r"\b(army|soldiers?|troops|military)\b", m.span.text, re.IGNORECASE):
        return m
    return ActorMention(m.span, m.name.replace("Military Forces", "Police Forces", 1), m.inter, m.sentence,
                        m.role, m.kind)


def _patient_token(ana, offset: int):
    tok = _token_at(ana, offset)
    if tok is None:
        return None
    return next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _first(mentions, kinds) -> Optional[ActorMention]:
    return next((m for m in mentions if m.kind in kinds), None)


def _claimant(ana, ctx, usable) -> Optional[ActorMention]:
    src = ctx.sources
    if src is None or not src.claimed_by:
        return None
    spec = ctx.certainty.speculated_perpetrators if ctx.certainty else []
    if any(src.claimed_by == s for s in spec):
        return None
    same = next((m for m in usable if m.name == src.claimed_by), None)
    if same:
        return same
    span = src.claim_span or ctx.trigger.span
    inter = dic.name_to_inter().get(src.claimed_by, 2)
    return ActorMention(span, src.claimed_by, inter, ana.sentence_at(span.start).index, kind="armed")


def _speech_subjects(ana, mentions) -> set[int]:
    """Starts of mentions that are only the speaker: "police said", "according to the army"."""
    out: set[int] = set()
    if ana.spacy_doc is None:
        speech = load_cues(ana.lang, "attribution").get("speech", ())
        for m in mentions:
            after = ana.text[m.span.end:m.span.end + 40].lower()
            before = ana.text[max(0, m.span.start - 30):m.span.start].lower()
            if any(after.lstrip(" ,").startswith(v) for v in speech) or "according to" in before:
                out.add(m.span.start)
        return out
    verbs = set(load_cues("en", "attribution").get("verbs", ()))
    for m in mentions:
        tok = _token_at(ana, m.span.end - 1)
        if tok is None:
            continue
        head = tok
        while head.dep_ in ("compound", "amod", "conj", "appos") and head.head is not head:
            head = head.head
        if head.dep_ in ("nsubj", "dobj") and head.head.lemma_ in verbs:
            out.add(m.span.start)
        elif head.dep_ == "pobj" and head.head.head.lemma_ == "accord":
            out.add(m.span.start)
    return out


def _token_at(ana, offset: int):
    doc = ana.spacy_doc
    if doc is None:
        return None
    for tok in doc:
        if tok.idx <= offset < tok.idx + len(tok.text):
            return tok
    return None


def _in_subtree(tok, mentions) -> list[ActorMention]:
    lo = tok.left_edge.idx
    hi = tok.right_edge.idx + len(tok.right_edge.text)
    return [m for m in mentions if lo <= m.span.start and m.span.end <= hi]


def _parse_roles(ana, offset: int, mentions, end: Optional[int] = None) -> tuple[list, list]:
    """Mentions in agent and patient position around the trigger token (empty without a parse)."""
    tok = _token_at(ana, offset)
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
                agents += [m for m in _in_subtree(child, mentions) if m not in agents]
            elif child.dep_ == "prep" and child.lower_ == "from":  # "artillery fire from a junta base"
                agents += [m for c in child.children for m in _in_subtree(c, mentions) if m.kind in ("state", "armed")]
            elif child.dep_ == "acl":  # "shells fired by the RSF"
                agents += [m for a in child.children if a.dep_ == "agent"
                           for c in a.children for m in _in_subtree(c, mentions)]
            elif child.dep_ == "prep" and child.lower_ == "by":
                agents += [m for c in child.children for m in _in_subtree(c, mentions)]
            elif child.dep_ == "prep" and child.lower_ in _PATIENT_PREPS:
                patients += [m for c in child.children for m in _in_subtree(c, mentions)]
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") and tok.head.pos_ in ("VERB", "ADP", "NOUN"):
            pred = tok.head.head if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" else tok.head
            if tok.dep_ == "nsubj":  # "the strike killed five civilians"
                patients += [m for c in pred.children if c.dep_ in ("dobj",) for m in _in_subtree(c, mentions)]
                return agents, patients
    if pred.pos_ not in ("VERB", "AUX"):
        return agents, patients
    a, p = _verb_roles(pred, mentions, tok)
    agents += a
    patients += p
    if not agents and pred.dep_ in ("xcomp", "conj", "advcl") and pred.head.pos_ == "VERB":
        a2, _ = _verb_roles(pred.head, mentions, tok)  # "gunmen stormed the village and killed ten"
        agents += a2
    return agents, patients


def _verb_roles(verb, mentions, trigger) -> tuple[list, list]:
    agents: list = []
    patients: list = []
    reciprocal = verb.lemma_ in _RECIPROCAL
    for child in verb.children:
        if child.dep_ in _AGENT_DEPS:
            agents += _in_subtree(child, mentions)
        elif child.dep_ == "agent":
            agents += [m for c in child.children for m in _in_subtree(c, mentions)]
        elif child.dep_ in _PATIENT_DEPS and child is not trigger:
            patients += _in_subtree(child, mentions)
            for gc in child.children:  # "opened fire on protesters"
                if gc.dep_ == "prep" and gc.lower_ in _PATIENT_PREPS:
                    patients += [m for c in gc.children for m in _in_subtree(c, mentions)]
        elif child.dep_ == "prep" and (child.lower_ in _PATIENT_PREPS or (reciprocal and child.lower_ == "with")):
            patients += [m for c in child.children for m in _in_subtree(c, mentions)]
        elif child.dep_ in ("advcl", "xcomp") and child.lemma_ in ("target", "kill", "hit", "push", "drive", "expel",
                                                                   "oust", "dislodge", "repel", "rout"):
            patients += [m for c in child.children if c.dep_ == "dobj" for m in _in_subtree(c, mentions)]
    return agents, patients


_HARM = {"kill", "strike", "hit", "target", "wound", "injure", "attack", "shoot", "bomb", "shell", "ambush",
         "destroy", "damage", "struck", "blow", "kidnap", "abduct", "maim", "murder", "execute", "storm"}


def _head_token(ana, span):
    doc = ana.spacy_doc
    if doc is None:
        return None
    toks = doc.char_span(span.start, span.end, alignment_mode="expand")
    return toks.root if toks is not None and len(toks) else None


def _victims(ana, mentions, a1, trig_sent: int = -1) -> list[ActorMention]:
    """Mentions hurt by the event: objects of kill/strike/target, passive subjects, "X died"."""
    out: list[ActorMention] = []
    for m in mentions:
        if m.kind not in ("state", "armed", "civilians") or (a1 is not None and m.name == a1.name):
            continue
        tok = _head_token(ana, m.span)
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


def _speaker_agent(ana, offset: int, speakers) -> Optional[ActorMention]:
    """"The Y Army said it had captured ...": a party's statement about its own act names the agent."""
    tok = _token_at(ana, offset)
    if tok is None:
        return None
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
    if subj is None or verb.dep_ not in ("ccomp", "conj") or not (
            subj.lower_ in ("it", "we", "they") or any(c.dep_ == "poss" and c.lower_ in ("its", "our", "their")
                                                       for c in subj.children)):
        return None
    head = verb.head
    while head.dep_ in ("conj", "ccomp") and head.head.i != head.i and head.lemma_ not in ("say", "claim"):
        head = head.head
    for m in speakers:
        t = _head_token(ana, m.span)
        if t is not None and t.head.i == head.i and t.dep_ == "nsubj" and m.kind in ("armed", "state"):
            return m
    return None
