"""Fighting between communities that the report does not name (codebook §2.1 identity militias):
"clashes between pastoralists and farmers", "tribal fighting", "rival clans fought over land",
"inter-communal violence". Both sides are then the codebook's generic communal militia of the country
("Unidentified Communal Militia (Chad)"; clans and tribes: "Unidentified Clan Militia (Papua New Guinea)"),
inter 4, never the state that only counts the dead or sends troops afterwards.
"""
from __future__ import annotations

import re
from typing import Optional

from . import actor_dictionary as dic
from ..base import ActorMention, Analysis

_GROUP = (r"(?:herders|herdsmen|farmers|pastoralists|cattle\s+(?:herders|keepers|raiders)|tribes|tribesmen|clans|"
          r"clansmen|sub-clans|communities|villagers|ethnic\s+groups|youths)")
_TRIBAL = r"(?:tribes?|tribesmen|tribal|intertribal|inter-tribal|clans?|clansmen|sub-clans?|inter-clan|clan-based)"
_BETWEEN = re.compile(r"\b(?:fighting|clash(?:es)?|violence|feud|battles?|fight|gunfights?|skirmish(?:es)?|"
                      r"confrontations?)\s+between\s+(?:(?:the|rival|two|armed)\s+)*(?:[\w'\u2019-]+\s+){0,2}?"
                      + _GROUP + r"\s+(?:and|&)\s+(?:(?:the|their|rival|armed)\s+)*(?:[\w'\u2019-]+\s+){0,2}?" + _GROUP
                      + r"\b", re.IGNORECASE)
_KIND = re.compile(r"\b(?:" + _TRIBAL + r"|communal|intercommunal|inter-communal|inter-ethnic|interethnic)\s+"
                   r"(?:violence|clash(?:es)?|fighting|feuds?|warfare|conflicts?|battles?|fights?|gunfights?)\b",
                   re.IGNORECASE)
_RIVALS = re.compile(r"\b(?:rival|neighbou?ring|warring|opposing|enemy)\s+(?:" + _TRIBAL + r"|communities|"
                     r"community|ethnic\s+groups?)\b", re.IGNORECASE)


def communal_fight(ana: Analysis, sentences: list[int]) -> Optional[str]:
    """'Clan' or 'Communal' where the event's sentences tell a fight between unnamed communities, else None."""
    for i in sentences:
        if not 0 <= i < len(ana.sentences):
            continue
        text = ana.sentences[i].text
        m = _BETWEEN.search(text) or _KIND.search(text) or _RIVALS.search(text)
        if m:
            return "Clan" if re.search(_TRIBAL, m.group(), re.IGNORECASE) else "Communal"
    return None


def communal_sides(ana: Analysis, sentences: list[int], country: Optional[str],
                   a1: Optional[ActorMention], a2: Optional[ActorMention], trigger: ActorMention):
    """Both sides of a battle between unnamed communities, unless the report names a side (a group or an
    identity militia): RETURNS (actor1, actor2), unchanged where no such fight is told. `trigger` gives the
    span and sentence of a side the report does not name."""
    if any(m is not None and m.kind == "armed" for m in (a1, a2)):
        return a1, a2
    label = communal_fight(ana, sentences)
    if label is None:
        return a1, a2
    name = dic.generic_name(f"Unidentified {label} Militia", country)
    return tuple(ActorMention((m or trigger).span, name, 4, (m or trigger).sentence, kind="armed") for m in (a1, a2))
