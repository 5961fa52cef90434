"""A named actor the report states carried out the act: "carried out by X", "a roadside bomb planted by X",
"un ataque por parte del frente ... del X", "attributed the attack to X", "the attackers belonged to X", "a
Taliban-planted bomb" (English, French, Spanish, Russian and Arabic wordings). Suspicion and accusation are
not statements (see certainty)."""
from __future__ import annotations

import re
from typing import Optional

from ..base import ActorMention, Analysis

_DONE_BY = re.compile(r"\b(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\s+(?:\w+\s+)?(?:carried\s+out|perpetrated|committed|staged|conducted|orchestrated|planted|"
                      r"laid|launched|fired(?:\s+(?:on|upon|at))?|flown|dropped|organi[sz]ed|executed|led|triggered|detonated|set\s+off|"
                      r"masterminded|claimed|inflicted)\s+by\s+"
                      r"(?:(?:members|fighters|militants|elements|gunmen|men|units|a\s+unit|a\s+cell|"
                      r"operatives|cadres)\s+(?:of|from)\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w'\u2019-]+\s+){0,2}?$",
                      re.IGNORECASE)
# the act named with its doer, no auxiliary: "a roadside bomb planted by X", "the same attack by X",
# "a bombardment carried out by X jets"
_NOUN_BY = re.compile(r"\b(?:attacks?|assaults?|ambush(?:es)?|bombings?|bombardments?|raids?|bombs?|devices?|ieds?|"
                      r"mines?|explosives?|shelling|(?:air\s*)?strikes?|blasts?|massacres?|killings?)"
                      r"(?:\s*\([^()]{1,12}\))?\s+"  # "a crude explosive device (IED) planted by X"
                      r"(?:(?:carried\s+out|perpetrated|staged|planted|laid|launched|mounted|fired|set\s+off|detonated|"
                      r"triggered|conducted|committed|claimed)\s+)?by\s+"
                      r"(?:(?:members|fighters|militants|elements|gunmen|men|operatives|cadres)\s+(?:of|from)\s+)?"
                      r"(?:the\s+|a\s+|an\s+)?(?:(?!(?:on|at|against|in|near|into|upon|targeting|and|or)\s)"
                      r"[\w'\u2019-]+\s+){0,2}?$", re.IGNORECASE)  # "an attack by militants on <the target>"
_NOUN_BY_ROMANCE = re.compile(
    r"\b(?:ataques?|atentados?|emboscadas?|asaltos?|hostigamientos?|planificó|planeado|ejecutad[oa]s?|attaques?|"
    r"attentats?|embuscades?|assauts?)\s+(?:[\w\u00c0-\u00ff]+\s+){0,2}?"
    r"(?:por\s+parte\s+(?:de\s+la|de\s+los|de\s+las|del|de)|de\s+la\s+part\s+(?:du|de\s+la|des|d['\u2019]))\s*"
    r"(?:(?:frente|columna|compañía|bloque|estructura|front|colonne|katiba)\s+(?:[\w\u00c0-\u00ff'\u2019.-]+\s+){0,5}?"
    r"(?:del|de\s+la|de\s+los|de\s+las|de|du|des)\s+)?(?:el\s+|la\s+|los\s+|las\s+|le\s+|les\s+|l['\u2019])?"
    r"(?:[\w\u00c0-\u00ff'\u2019-]+\s+){0,2}?$", re.IGNORECASE)
_BELONGED = re.compile(r"\b(?:belonged\s+to|belong\s+to|were\s+members\s+of|was\s+a\s+member\s+of|were\s+from|"
                       r"identified\s+themselves\s+as|identified\s+as\s+members\s+of|were\s+fighters\s+of|"
                       r"appartiennent\s+(?:à|au|aux)|appartenaient\s+(?:à|au|aux)|appartenant\s+(?:à|au|aux)|"
                       r"étaient\s+(?:des\s+)?membres\s+(?:de|du|des)|pertenecían\s+(?:a|al)|pertenecen\s+(?:a|al)|"
                       r"pertenecientes\s+(?:a|al)|eran\s+(?:integrantes|miembros)\s+(?:de|del)|"
                       r"принадлежали\s+к|были\s+членами|ينتمون\s+(?:إلى|الى|ل))\s*"
                       r"(?:the\s+|a\s+|an\s+|la\s+|l['\u2019]|el\s+|los\s+)?(?:[\w'\u2019-]+\s+){0,2}?$", re.IGNORECASE)


_DONE_BY_ROMANCE = re.compile(
    r"\b(?:fue|fueron|ha\s+sido|han\s+sido|a\s+été|ont\s+été|avait\s+été|était)\s+(?:\w+\s+)?"
    r"(?:perpetrad[oa]s?|cometid[oa]s?|ejecutad[oa]s?|realizad[oa]s?|perpétrée?s?|commise?s?|menée?s?)\s+"
    r"(?:por|par)\s+(?:(?:integrantes|miembros|hombres|combatientes|membres|éléments|combattants|hommes)\s+"
    r"(?:de(?:l|\s+la|\s+los|\s+las)?|des|du)\s+)?(?:el\s+|la\s+|los\s+|le\s+|les\s+|l['\u2019])?"
    r"(?:[\w'\u2019-]+\s+){0,2}?$", re.IGNORECASE)
# an involved party's active attribution: "the army attributed the attack to X", "attribue l'attaque aux ADF"
_ATTRIBUTED = re.compile(r"\b(?:attributed|attributes|attribue|attribuent|a\s+attribué|ont\s+attribué|atribuyó|"
                         r"atribuyeron|atribuye)\s+(?:the\s+(?:attack|killings?|bombing|blast|massacre|raid)|"
                         r"l['\u2019](?:attaque|attentat|embuscade)|(?:el|la)\s+(?:ataque|masacre|emboscada))\s+"
                         r"(?:to|à|aux|au|a|al)\s+(?:(?:fighters|members|militants|elements|combattants|rebelles|"
                         r"éléments|integrantes)\s+(?:of|from|de|des|du|del)\s+)?(?:the\s+|les\s+|la\s+|le\s+|"
                         r"el\s+|los\s+)?(?:[\w'\u2019-]+\s+){0,3}?$", re.IGNORECASE)


def stated_perpetrator(ana: Analysis, mentions: list[ActorMention],
                       sentences: list[int]) -> tuple[Optional[ActorMention], str]:
    """A named armed actor the report states did it, and how: "by" ("carried out by X", "attributed
    the attack to X": X is the initiator), "act by" ("a bomb planted by X", "the attack by X") or
    "identity" ("the attackers belonged to X")."""
    text = ana.text
    for m in mentions:
        if m.kind not in ("armed", "state") or m.sentence not in sentences:
            continue
        sent = ana.sentences[m.sentence]
        before = text[max(sent.start, m.span.start - 90):m.span.start]
        if _DONE_BY.search(before) or _DONE_BY_ROMANCE.search(before) or _ATTRIBUTED.search(before):
            return m, "by"
        if _NOUN_BY.search(before) or _NOUN_BY_ROMANCE.search(before):  # in a battle "repelled an attack by X"
            # keeps the report's order
            return m, "act by"
        if _BELONGED.search(before) and not _VICTIM_WORDS.search(before):
            return m, "identity"
        if _BY_SUFFIX.match(text, m.span.end):
            return m, "by"  # "Maoist-inflicted violence", "a Taliban-planted bomb"
        if m.kind == "armed" and _DEVICE_ACT.match(text, m.span.end, sent.end) and not _DOUBT_BEFORE.search(before):
            return m, "identity"  # "the commander said ISIS had detonated a bomb": the group set off the device
    return None, ""


# a named group as the subject of setting off the event's device: "X had detonated a bomb", "X planted the IED"
_DEVICE_ACT = re.compile(r"\s*(?:(?:fighters|militants|members|operatives|elements)\s+)?(?:had\s+|have\s+|has\s+)?"
                         r"(?:detonated|planted|set\s+off|triggered|remotely\s+detonated)\s+(?:an?|the|two|three|"
                         r"several|their|its)\s+(?:[\w-]+\s+){0,2}?(?:bombs?|devices?|ieds?|explosives?|mines?|"
                         r"landmines?|car\s+bombs?|charges?)\b", re.IGNORECASE)
# a guess or a denial, not the report's statement: "police suspect", "denied that", "accused X of"
_DOUBT_BEFORE = re.compile(r"\b(?:deni\w*|reject\w*|dismiss\w*|accus\w*|blam\w*|suspect\w*|believ\w*|alleg\w*|"
                           r"may|might|could|possibly|probably|likely|whether|if)\b[^.;]{0,60}$", re.IGNORECASE)


# "the deceased belonged to the X Force": the victims' unit, not the attackers'
_VICTIM_WORDS = re.compile(r"\b(?:deceased|dead|victims?|killed|slain|bodies|wounded|injured|martyrs?|fallen|"
                           r"personnel\s+who\s+died)\b[^.;]{0,40}$", re.IGNORECASE)
# the group named as the doer in a compound adjective
_BY_SUFFIX = re.compile(r"[-\u2010\u2011](?:inflicted|perpetrated|planted|triggered|orchestrated|engineered|"
                        r"masterminded|claimed|executed|initiated)\b", re.IGNORECASE)
