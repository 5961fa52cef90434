"""Which named group an unidentified mention stands for, when the report itself says so: "gang members
from the X coalition", "the gang coalition, X," (and the same description elsewhere in the report),
"the militants" right after one group was named. Never a guess: one group, named by the report.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from . import actor_dictionary as dic
from ..base import ActorMention
from ..according.certainty import is_speculated
from ..cues import cue_pattern, load_cues


_COREF_NOUNS = ("militants", "fighters", "insurgents", "terrorists", "extremists", "jihadists", "gunmen", "attackers", "assailants", "rebels", "jihadists",
                "gang", "gangs", "gang members", "group", "militia", "militiamen", "terrorists", "bandits")


@functools.lru_cache(maxsize=None)
def _member_link(lang: str) -> re.Pattern:
    """The words between "gunmen" and the group they belong to: "from the", "se réclamant des «"."""
    if lang == "en":
        return re.compile(r"\s+(?:from|of)\s+(?:the\s+)?")
    links = cue_pattern(load_cues(lang, "roles").get("member_of", ()))
    if links is None:
        return re.compile(r"(?!)")
    return re.compile(r"[\s«\"“(]*(?:%s)[\s«\"“(]*" % links.pattern, re.IGNORECASE)


_COLLECTIVE = r"(?:coalition|alliance|group|movement|militia|organi[sz]ation|faction|federation|network|outfit|gang)"
_COLLECTIVE_AFTER = re.compile(rf"\s+(?:armed\s+|militant\s+|criminal\s+)?{_COLLECTIVE}\b", re.IGNORECASE)
_APPOSITION = re.compile(r"\s*,?\s+(?:the\s+)?", re.IGNORECASE)


def _apposed(ana, m: ActorMention, everywhere) -> Optional[ActorMention]:
    """The named group set beside a description of it: "the gang coalition, X,", "the jihadist group X"."""
    text = ana.text
    head = _COLLECTIVE_AFTER.match(text, m.span.end)
    if head is None and not re.search(rf"\b{_COLLECTIVE}s?$", m.span.text, re.IGNORECASE):
        return None  # "gunmen, X said": no description of a group
    end = head.end() if head else m.span.end
    return next((g for g in everywhere if g.kind == "armed" and end <= g.span.start
                 and _APPOSITION.fullmatch(text[end:g.span.start])), None)


def _description(ana, m: ActorMention) -> str:
    head = _COLLECTIVE_AFTER.match(ana.text, m.span.end)
    return dic.normalise(m.span.text + (head.group() if head else ""))


def _corefer(ana, m: ActorMention, everywhere, certainty) -> Optional[ActorMention]:
    """"gang members from the X coalition" -> X; "the gang coalition, X," -> X (and "a gang coalition"
    elsewhere in the report, the same description); "the militants" -> the group named earlier."""
    text = ana.text
    link = _member_link(ana.lang)
    after = next((g for g in everywhere if g.kind == "armed" and m.span.end <= g.span.start
                  and link.fullmatch(text[m.span.end:g.span.start])), None)
    if after is None:
        after = _apposed(ana, m, everywhere)
    if after is None and _COLLECTIVE_AFTER.match(text, m.span.end):  # "a gang coalition ...": named elsewhere
        key = _description(ana, m)
        named = {g.name: g for g in (_apposed(ana, o, everywhere) for o in everywhere
                                     if o.kind == "unidentified" and o is not m and _description(ana, o) == key)
                 if g is not None}
        after = next(iter(named.values())) if len(named) == 1 else None
    if after is not None and not is_speculated(ana, after, certainty):
        return ActorMention(m.span, after.name, after.inter, m.sentence, kind="armed")
    before = text[max(0, m.span.start - 20):m.span.start].lower()
    if not re.search(r"\b(?:the|these|those)\s+(?:same\s+|suspected\s+|armed\s+)?$", before) or \
            dic.normalise(m.span.text).split()[-1] not in {w.split()[-1] for w in _COREF_NOUNS}:
        return None
    earlier = [g for g in everywhere if g.kind == "armed" and g.span.end <= m.span.start and g.inter in (2, 3, 4)
               and not is_speculated(ana, g, certainty)]
    if not earlier or len({g.name for g in earlier}) > 1:  # only when one group is named: no guessing
        return None
    g = earlier[-1]
    if m.sentence - g.sentence > 2:  # named paragraphs before, as the region's context: not these attackers
        return None
    return ActorMention(m.span, g.name, g.inter, m.sentence, kind="armed")
