"""The medium a cited statement went out through: "X said in a statement carried by Y" (Y relayed X),
"claimed the bombing through its Amaq news agency" (the group's own medium), "in a statement on its
Telegram channel" (a platform, no medium of its own). Platform words: `lexicons/en/attribution.yaml`.
"""
from __future__ import annotations

import re
from typing import Optional

from ..who import actor_dictionary as dic
from ..base import Analysis
from ..cues import load_cues
from .source_phrases import shorten

# "X said in a statement carried by Y", "... in its weekly bulletin read on state broadcaster Y"
_OBJECT = r"\s*(?:(?:responsibility|the\s+\w+)(?:\s+for\s+(?:the\s+)?\w+)?\s+)?"
_RELAY = re.compile(_OBJECT + r"\s*(?:(?:on|late\s+on|early\s+on)\s+\w+\s+)?(?:in|through|via)\s+(?:a|an|its|their|the)\s+"
                    r"(?:[\w-]+\s+){0,3}?(?P<what>statement|bulletin|communiqu[eé]|video|message|post|broadcast)s?\s+"
                    r"(?:(?:that\s+was|which\s+was)\s+)?(?:carried|read|published|broadcast|aired|relayed|posted|"
                    r"released|shared|quoted)\s+(?:out\s+)?(?:by|on|in|via|through)\s+", re.IGNORECASE)
_MEDIUM_END = re.compile(r"\s*(?:,|;|\.(?:\s|$)|\bthat\b|\bon\s+\w+day\b|\blate\b|\bearly\b|\bsaying\b|\bwhich\b)",
                         re.IGNORECASE)
# "claimed the bombing through its Amaq news agency", "in a message posted on its Az-Zallaqa channel"
_OWN_MEDIUM = re.compile(_OBJECT + r"\s*(?:(?:on|late\s+on)\s+\w+\s+)?(?:through|via|on|in|(?:in\s+a\s+[\w\s]{0,30}?"
                         r"(?:posted|published|released|shared|broadcast|carried)\s+(?:on|by|in))|"
                         r"(?:in\s+a\s+(?:statement|message|video|post|communiqu[eé])\s+(?:on|via|through)))\s+"
                         r"(?P<own>its|their)\s+(?P<m>(?-i:(?:[A-Z][\w'\u2019-]*\s+)+)(?:news\s+agency|agency|radio(?:\s+station)?|"
                         r"channels?|media\s+(?:arm|wing|outlet|foundation)|television|TV|website|outlet))", re.IGNORECASE)
_SAID_IN = re.compile(_OBJECT + r"(?:(?:on|late\s+on|early\s+on)\s+\w+\s+)?(?:in|through|via)\s+(?:a|an|its|their)\s+"
                      r"(?:[\w-]+\s+){0,2}?(?P<what>statement|communiqu[eé]|message|video|post)\b", re.IGNORECASE)
# "... in a video released by its Az-Zallaqa media arm", anywhere after the verb
_OWN_MEDIUM_LATE = re.compile(r"\b(?:released|posted|published|broadcast|carried|aired|shared)\s+(?:by|on|through|via)\s+"
                              r"(?P<own>its|their)\s+(?P<m>(?-i:(?:[A-Z][\w'\u2019-]*\s+)+)(?:news\s+agency|agency|"
                              r"radio(?:\s+station)?|channels?|media\s+(?:arm|wing|outlet|foundation)|television|TV|"
                              r"website|outlet))", re.IGNORECASE)
_OWN = re.compile(r"^(?:its|their|the\s+group['\u2019]s|the\s+movement['\u2019]s)\s+", re.IGNORECASE)


def relayed_medium(ana: Analysis, sent, h) -> Optional[tuple[int, str]]:
    """"X said in a statement carried by Y": Y before X; "in a video released by its Z media arm": Z (X).

    A mention `h` whose statement went out through the speaker's own medium is changed in place (it
    becomes the medium, `own_medium_of` the speaker); another medium that carried it is returned as
    (offset, phrase) for the caller to add before `h`, else None."""
    if h.content < 0:
        return None
    own = _OWN_MEDIUM.match(ana.text, h.content, sent.end) or _OWN_MEDIUM_LATE.search(ana.text, h.content, sent.end)
    if own and not _platform(ana, own.group("m")):
        h.own_medium_of, h.span = h.name, ana.span(own.start("m"), own.end("m"))
        h.name = shorten(own.group("m"))
        return None
    said_in = _SAID_IN.match(ana.text, h.content, sent.end)
    if said_in:  # "claimed the attack in a statement on its Telegram channel"
        h.aliases.add(said_in.group("what").lower())
    m = _RELAY.match(ana.text, h.content, sent.end)
    if not m:
        return None
    rest = ana.text[m.end():sent.end]
    cut = _MEDIUM_END.search(rest)
    medium = rest[:cut.start()] if cut else rest.rstrip(". ")
    if not medium.strip() or len(medium.split()) > 8:
        return None
    h.aliases.add(m.group("what"))
    own = _OWN.match(medium)
    if own:
        if not _platform(ana, medium):
            at = m.end() + own.end()
            h.own_medium_of, h.span = h.name, ana.span(at, at + len(medium) - own.end())
            h.name = shorten(medium[own.end():])
        return None
    return m.end(), medium


def _platform(ana: Analysis, medium: str) -> bool:
    """A social platform ("its Telegram channel") is where a statement was posted, not a medium of its own."""
    low = dic.normalise(medium)
    return any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", low)
               for p in load_cues("en", "attribution").get("platforms", ()))
