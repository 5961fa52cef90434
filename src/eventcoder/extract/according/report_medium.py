"""The news medium a whole report relays (used by `sources.source_chain` when an event finds no source).

A report that takes its story from another paper or a broadcaster says so once, often in the lead
("..., according to a report in the weekly <paper>", "..., <Paper> reported"), and then tells every
incident of the story without repeating it. An event for which no source is found near its sentences
is then that medium's account too. Only media count here (a named paper, broadcaster or agency, or a
phrase "a report in/by X"): an official or a witness cited for another incident is no source of this one.
"""
from __future__ import annotations

import re

from ..who import actor_dictionary as dic
from . import source_names as names
from ..base import Analysis, SourceChain
from ..cues import load_cues
from .source_mentions import mentions

# words that make a cited name a news medium: "Valley Times", "the Coast Herald", "Radio Horizon"
_MEDIUM_WORD = re.compile(r"\b(?:Post|Times|News|Herald|Tribune|Journal|Gazette|Daily|Chronicle|Telegraph|Observer|"
                          r"Express|Mirror|Standard|Guardian|Courier|Mail|Star|Sun|Radio|Television|TV|Channel|"
                          r"Broadcasting|Press|Agency|Magazine)\b")
# "a report in/by/from X", "reports in X", "X's report": the name that follows is the medium
_REPORT_BEFORE = re.compile(r"(?i)\breports?\s+(?:in|by|from|on|of)\b[^.;]{0,80}$")


def is_medium(ana: Analysis, m) -> bool:
    """Whether a cited source is a news medium rather than a body, an official or a witness."""
    name = m.name.strip()
    if not name or not name[0].isupper() or names.state_source(name, ana):
        return False
    wires = {w.lower() for w in load_cues("en", "attribution").get("wire_agencies", ())}
    if name.lower() in wires:
        return True
    if _REPORT_BEFORE.search(ana.text[max(0, m.span.start - 120):m.span.start]):
        return True
    return m.verb == "report" and bool(_MEDIUM_WORD.search(name))


def report_medium(ana: Analysis, out: SourceChain, outlet: str) -> None:
    """No source found for the event: the first news medium the report cites anywhere, unless it is the
    outlet itself."""
    if len(out.chain) != (1 if outlet else 0):
        return
    for i in range(len(ana.sentences)):
        for m in mentions(ana, i):
            if not is_medium(ana, m):
                continue
            if outlet and dic.normalise(m.name) in dic.normalise(outlet):
                continue
            out.chain.append(m.name.strip())
            out.spans.append(m.span)
            return
