"""Fallbacks and descriptors for `roles.assign_roles`: identity descriptors of victims and protesters,
and the agent and target of an event in a report without a (usable) dependency parse.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from . import actor_dictionary as dic
from ..base import ActorMention, Analysis, Span


@functools.lru_cache(maxsize=None)
def _whole_word(word: str) -> re.Pattern:
    """Compiled once: hundreds of lexicon words would push the `re` module's cache around."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


def identities_in(ana: Analysis, span: Span) -> list[str]:
    """Identity descriptors ("Teachers", "Women") named inside `span`."""
    low = dic.normalise(span.text)
    found = []
    for word, desc in dic.identity_words():
        if _whole_word(word).search(low) and desc not in found:
            found.append(desc)
    return found


def victim_identities(ana, victims, country) -> list[str]:
    out: list[str] = []
    for v in victims:
        if v is None:
            continue
        sent = ana.sentences[v.sentence] if 0 <= v.sentence < len(ana.sentences) else None
        # widen to the noun phrase: "a female journalist", "three teachers"
        lo = max(sent.start if sent else 0, v.span.start - 25)
        phrase = ana.span(lo, v.span.end)
        for desc in identities_in(ana, phrase):
            name = dic.generic_name(desc, country)
            if name not in out:
                out.append(name)
    return out


def assoc_identities(ana, mentions, kinds, country) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.kind == "party" and m.name not in out:
            out.append(m.name)
        elif m.kind in kinds:
            for desc in identities_in(ana, ana.span(max(0, m.span.start - 25), m.span.end)):
                name = dic.generic_name(desc, country)
                if name not in out and not re.match(r"(Refugees|Health)", desc):
                    out.append(name)
    return out


# strikes from a distance: the armed actor the lead names after a headline is the one that fired (a bomb or
# a raid's lead names its victims or the police who tell it as often)
_STAND_OFF = {"Air/drone strike", "Shelling/artillery/missile attack"}


# a group named after a verb of blame ("les habitants attribuent les attaques au X", "обвинили X"): an accusation
_ACCUSED_BEFORE = re.compile(r"(?<!\w)(?:atribu|attribu|blam|accus|acus|imput|обвин|приписыва|اتهم|تتهم|يتهم)\w*"
                             r"[^.;:]{0,60}$", re.IGNORECASE)


def unparsed_roles(ana: Analysis, ctx, usable, hurt=()) -> tuple[Optional[ActorMention], list[ActorMention]]:
    """Without a parse: the armed actor of the trigger sentence nearest the trigger is the agent,
    a differently named armed actor of that sentence the target (Battles, strikes on positions).
    An actor right after a target word ("contre l'armée", "по позициям ВСУ", "بدورية للجيش") or,
    in a subject-verb-object language, named only after the trigger of a strike or an attack on
    civilians ("un engin explosif a touché un véhicule militaire") is a target, never the agent; `hurt` (the
    harmed forces, no agents) still fill the subject before the trigger ("dos agentes murieron tras un atentado
    ... atribuido al ELN": the ELN after it is no object)."""
    from ..cues import find_cues, load_cues

    trig = ctx.trigger
    armed = [m for m in usable if m.sentence == trig.sentence and m.kind in ("armed", "state", "unidentified")]
    if not armed and ctx.sub_event_type in _STAND_OFF:
        # a headline trigger ("Удар по ферме"): the next event sentence that names the strike's owner
        return _next_sentence_roles(ana, ctx, usable)
    if not armed:
        return None, []
    cues = load_cues(ana.lang, "roles")
    sent = ana.sentences[trig.sentence]
    one_sided = ctx.event_type in ("Explosions/Remote violence", "Violence against civilians")

    def target(m: ActorMention) -> bool:
        before = ana.text[max(sent.start, m.span.start - 30):m.span.start]
        if any(c.end() >= len(before.rstrip()) - 3 for c in find_cues(before, cues.get("target_before", ()))):
            return True
        return bool(cues.get("svo")) and one_sided and m.span.start > trig.span.end and \
            not any(o.span.start < trig.span.start and o.sentence == trig.sentence for o in armed + list(hurt))

    def named_agent(m: ActorMention) -> bool:  # "por parte del ELN", "على يد مسلحين": the passive's agent
        before = ana.text[max(sent.start, m.span.start - 30):m.span.start]
        return any(c.end() >= len(before.rstrip()) - 3 for c in find_cues(before, cues.get("agent_before", ())))

    agents = sorted((m for m in armed if named_agent(m) or not target(m)),
                    key=lambda m: (not named_agent(m), abs(m.span.start - trig.span.start)))
    targets = [m for m in armed if m not in agents]
    if not agents:
        return None, targets[:1]
    a1 = agents[0]
    others = [m for m in targets + agents[1:] if m.name != a1.name]
    return a1, others[:1]


def _next_sentence_roles(ana: Analysis, ctx, usable) -> tuple[Optional[ActorMention], list[ActorMention]]:
    """The trigger's sentence names no armed actor (a headline): the first of the event's next two sentences
    that does gives the agent (its first armed actor not named after a target word) and the
    target (a differently named one)."""
    from ..cues import find_cues, load_cues

    cues = load_cues(ana.lang, "roles")
    for i in sorted(s for s in ctx.sentences if 0 < s - ctx.trigger.sentence <= 2):
        armed = sorted((m for m in usable if m.sentence == i and m.kind in ("armed", "state", "unidentified")),
                       key=lambda m: m.span.start)
        if not armed:
            continue
        sent = ana.sentences[i]

        def after_target_word(m: ActorMention) -> bool:
            before = ana.text[max(sent.start, m.span.start - 30):m.span.start]
            return any(c.end() >= len(before.rstrip()) - 3 for c in find_cues(before, cues.get("target_before", ())))

        agents = [m for m in armed if not after_target_word(m)
                  and not _ACCUSED_BEFORE.search(ana.text[sent.start:m.span.start])]
        if not agents:
            return None, armed[:1]
        others = [m for m in armed if m.name != agents[0].name]
        return agents[0], others[:1]
    return None, []


def arrests_agent(ana: Analysis, ctx, found: list[ActorMention], country: Optional[str]) -> Optional[ActorMention]:
    """Arrests told in the passive with no one named as the agent ("three men were arrested ...,
    the army's spokesman said"): the home state's force the event's sentences name (its spokesman tells its
    own act), else the country's police (arrests are a state's act)."""
    sents = set(ctx.sentences) | {ctx.trigger.sentence}
    own = [m for m in found if m.kind == "state" and m.inter == 1 and m.sentence in sents
           and m.name.startswith(("Military Forces", "Police Forces"))]
    if own:
        m = min(own, key=lambda m: (m.sentence != ctx.trigger.sentence, abs(m.span.start - ctx.trigger.span.start)))
        return ActorMention(m.span, m.name, 1, m.sentence, kind="state")
    if not country:
        return None
    return ActorMention(ctx.trigger.span, dic.state_name(country, "police", ctx.event_date), 1, ctx.trigger.sentence,
                        kind="state")
