"""References from one actor mention to another: "its forces" (the speaker's own forces) and
generic state words made specific by a unit the event names ("security forces" + "CRPF").

Used by `actors.find_actors` (possessive references) and `roles.assign_roles` (units, the
party reporting its own act).
"""
from __future__ import annotations

import re
from typing import Optional

from ..base import ActorMention, Analysis

# "its forces", "their fighters", "our troops", 'its "air assets"': the possessor's own force
_POSSESSIVE = re.compile(
    r"\b(?:(?:its|their|our)\s+(?:own\s+)?[\"\u201c']?(?:(?:air|ground|naval|special|security|armed)\s+)?"
    r"(?:forces|troops|fighters|soldiers|units|militants|combatants|assets|aircraft|drones|warplanes|jets|"
    r"artillery|army|men|gunmen|members|positions|air\s+defen[cs]es?)|"
    r"whose\s+(?:forces|troops|fighters|soldiers|militants|combatants|men|gunmen))\b", re.IGNORECASE)
_FORCE_KINDS = ("armed", "state")


def _antecedent(ana: Analysis, start: int, mentions: list[ActorMention]) -> Optional[ActorMention]:
    """The actor "its"/"their" refers to: the nearest armed or state mention before it in the sentence,
    else the first one of the sentence before."""
    sent = ana.sentence_at(start)
    same = [m for m in mentions if m.kind in _FORCE_KINDS and sent.start <= m.span.start and m.span.end <= start]
    if same:
        return same[-1]
    prev = [m for m in mentions if m.kind in _FORCE_KINDS and m.sentence == sent.index - 1]
    return prev[0] if prev else None


def possessive_refs(ana: Analysis, mentions: list[ActorMention], country: Optional[str] = None,
                    when=None) -> list[ActorMention]:
    """Add (or correct) mentions for "its forces"-type phrases, named after their possessor.

    "Russia's Defence Ministry said its troops ...": the troops are Russia's military, not the
    event country's; a government possessor becomes that state's military.
    """
    out = list(mentions)
    for m in _POSSESSIVE.finditer(ana.text):
        ante = _antecedent(ana, m.start(), [x for x in out if not is_possessive(ana, x)])
        if ante is None:
            continue
        name = ante.name
        if name.startswith("Government of "):
            name = "Military Forces of " + name[len("Government of "):]
        out = [x for x in out if not (m.start() <= x.span.start < m.end())]
        out.append(ActorMention(ana.span(m.start(), m.end()), name, ante.inter, ana.sentence_at(m.start()).index,
                                kind=ante.kind))
    out.sort(key=lambda x: x.span.start)
    return out


def is_possessive(ana: Analysis, m: ActorMention) -> bool:
    """Whether the mention is an "its forces" reference."""
    return bool(_POSSESSIVE.fullmatch(m.span.text))


_STATE_NAME = re.compile(r"^((?:Military|Police) Forces of .+? \(\d{4}-(?:\d{4})?\))(?: (.+))?$")


def state_base(name: str) -> tuple[str, str]:
    """"Police Forces of India (2024-) Central Reserve Police Force" -> (base name, unit)."""
    m = _STATE_NAME.match(name)
    return (m.group(1), m.group(2) or "") if m else (name, "")


# (not "the DRG and at least three porters": a count of people, not another unit)
_JOINT_AFTER = re.compile(r"^\s*(?:\([^)]{1,12}\)\s*)?(?:and|,|as\s+well\s+as)\s+(?!(?:at\s+least|about|some|several|"
                          r"other|another|\d|one|two|three|four|five|six|seven|eight|nine|ten)\b)", re.IGNORECASE)
_JOINT_BEFORE = re.compile(r"(?:\band\s+(?:the\s+)?|\bjoint\s+(?:team|force|operation)\s+of\s+(?:the\s+)?)$",
                           re.IGNORECASE)


def _joint(ana: Analysis, m: ActorMention) -> bool:
    """"a joint team of the DRG and the Special Task Force": the unit acts with others."""
    return bool(_JOINT_AFTER.match(ana.text[m.span.end:m.span.end + 30])
                or _JOINT_BEFORE.search(ana.text[max(0, m.span.start - 30):m.span.start]))


def specific_unit(ana: Analysis, a: ActorMention,
                  mentions: list[ActorMention]) -> tuple[Optional[ActorMention], list[str]]:
    """A generic state mention ("security forces", "the army") made specific by the units of the same
    state that the event's sentences name: one unit -> that unit ("... National Intelligence and
    Security Agency"); several -> the force they belong to, with the units as associated actors."""
    base, unit = state_base(a.name)
    if a.kind != "state" or unit or not _STATE_NAME.match(a.name):
        return None, []
    country = base.split(" of ", 1)[1]
    units: list[ActorMention] = []
    for m in mentions:
        mb, mu = state_base(m.name)
        if m.kind == "state" and mu and mb.split(" of ", 1)[-1] == country and m.name not in {u.name for u in units}:
            units.append(m)
    if not units:
        return None, []
    if len(units) == 1 and not _joint(ana, units[0]):
        u = units[0]
        return ActorMention(a.span, u.name, a.inter, a.sentence, a.role, a.kind), []
    force = state_base(units[0].name)[0]
    more = [u.name for u in units[1:]] if len(units) > 1 else [units[0].name]
    return ActorMention(a.span, force, a.inter, a.sentence, a.role, a.kind), more


_COMBATANT = {"fighter", "militant", "resistance", "guerrilla", "rebel", "combatant", "unit", "member", "cadre",
              "gunman", "force", "troop", "insurgent", "commando"}


def self_report(ana: Analysis, ctx, mentions: list[ActorMention], speech: set[int],
                a1: Optional[ActorMention]) -> Optional[ActorMention]:
    """The party that reports the act as its own.

    "The army said its air assets had struck ...": the possessor of the acting forces;
    "Resistance fighters detonated a mine ..., the local PDF battalion said": a non-state group
    telling of its own fighters' act, when the text names no other agent.
    """
    from .actor_rules import is_victim
    from .role_parse import token_at

    order = sorted(mentions, key=lambda m: (m.sentence != ctx.trigger.sentence, m.span.start))
    for m in order:
        if m.kind not in _FORCE_KINDS or not is_possessive(ana, m) or is_victim(ana, m) \
                or m.sentence < ctx.trigger.sentence:
            continue
        tok = token_at(ana, m.span.end - 1)
        if tok is not None and tok.dep_ != "nsubj":
            continue
        return m
    speakers = speaking_groups(ctx, mentions, speech)
    if len({m.name for m in speakers}) != 1:
        return None
    if a1 is None:
        tok = token_at(ana, ctx.trigger.span.start)
        verb = tok
        for _ in range(3):  # "a ballistic missile" -> "fired"
            if verb is None or verb.pos_ == "VERB" or verb.head is verb:
                break
            verb = verb.head
        subj = None if verb is None else next((c for c in verb.children if c.dep_ == "nsubj"), None)
        # "X said they fired a missile": a pronoun subject of the reported act is the speaker
        own_pronoun = subj is not None and subj.lower_ in ("they", "it", "we") and verb.dep_ == "ccomp"
        if subj is None or (subj.lemma_.lower() not in _COMBATANT and not own_pronoun):
            return None
    return speakers[0]


def speaking_groups(ctx, mentions: list[ActorMention], speech: set[int]) -> list[ActorMention]:
    """Non-state armed groups that are the source of the event sentence ("..., the PDF said")."""
    # de facto authorities listed as armed groups ("... Houthi", inter 1) speak for themselves too
    return [m for m in mentions if m.span.start in speech and m.kind == "armed" and m.inter in (1, 2, 3, 4)
            and m.sentence == ctx.trigger.sentence]
