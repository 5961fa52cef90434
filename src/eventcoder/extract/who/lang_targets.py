"""Targets named after a target preposition in languages whose parse the English role rules read
loosely (French): "une embuscade ... contre l'armée malienne", "des frappes visant les positions de X".

The French parse may hang the target under a word of the trigger's phrase ("une embuscade sanglante
mardi soir contre l'armée": under the day), so the trigger's subtree holds both sides; a mention
right after a `target_before` word of `lexicons/<lang>/roles.yaml` is the side acted on, never the
agent. English keeps its parse rules.
"""
from __future__ import annotations

from ..cues import find_cues, load_cues
from .lang_speakers import strip_articles


def after_target_word(ana, m) -> bool:
    """Is the mention named right after a target word ("contre l'armée", "visant les FDS")?"""
    cues = load_cues(ana.lang, "roles").get("target_before", ())
    if not cues:
        return False
    sent = ana.sentence_at(m.span.start)
    lo = max(sent.start if sent is not None else 0, m.span.start - 40)
    before = strip_articles(ana.text[lo:m.span.start])
    return any(c.end() >= len(before) - 1 for c in find_cues(before, cues))


def split_targets(ana, agents: list, patients: list) -> tuple[list, list]:
    """Non-English parses: agents named after a target word become patients."""
    if ana.lang == "en" or not agents:
        return agents, patients
    moved = [m for m in agents if after_target_word(ana, m)]
    if not moved:
        return agents, patients
    return [m for m in agents if m not in moved], patients + [m for m in moved if m not in patients]
