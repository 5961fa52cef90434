"""Claims of responsibility and denials (devset README "claimed_by"), and a group's own statement as a source.

Cue lists: `lexicons/<lang>/attribution.yaml` (claim, claim_by, no_claim, denial).
"""
from __future__ import annotations

import re
from typing import Optional

from ..who import actor_dictionary as dic
from ..base import Analysis, SourceChain
from ..cues import find_cues, load_cues


def claims(ana: Analysis, idx: list[int], out: SourceChain) -> None:
    """claimed_by / denied_by from the event sentences and the few after them."""
    _claims(ana, idx, out)


def group_label(ana: Analysis, lo: int, hi: int, last: bool = False) -> Optional[str]:
    """The armed group named in text[lo:hi] (the last one when `last`) as the report writes it, its
    acronym when it gives one: "The National Resistance Front (NRF)" -> "NRF", "the armed opposition
    SPLA-IO" -> "SPLA-IO"."""
    matches = dic.group_matches(ana.text[lo:hi])
    if not matches:
        return None
    pm = matches[-1] if last else matches[0]
    start, end = lo + pm.start, lo + pm.end
    acr = re.match(r"\s*\(([A-Z][\w/-]{1,12})\)", ana.text[end:end + 16])
    if acr:
        return acr.group(1)
    return re.sub(r"^(?:the|al-qaeda-linked|al qaeda-linked)\s+", "", ana.text[start:end], flags=re.IGNORECASE)


def is_group(name: str) -> bool:
    """Whether the phrase names an armed group (not a party, not a state body)."""
    return any(pm.entry.kind == "group" and not pm.entry.party for pm in dic.match_phrases(name))


def own_act(ana: Analysis, start: int, end: int) -> bool:
    """A statement about the speaker's own act: "said its fighters had killed", "said it had targeted"."""
    return bool(_OWN_ACT.search(ana.text, start, end))


def _claims(ana: Analysis, idx: list[int], out: SourceChain) -> None:
    """claimed_by / denied_by from the event sentences and the few after them."""
    from ..who.actors import infer_country

    if not idx:
        return
    from ..who.actors import _place_country

    cues = load_cues(ana.lang, "attribution")
    country = _place_country(ana) or infer_country(ana)  # the event's places decide "Islamic State (X)"
    where = sorted({i for s in idx for i in range(s, min(s + 4, len(ana.sentences)))})
    for i in where:
        sent = ana.sentences[i]
        low = ana.text[sent.start:sent.end]
        negated = find_cues(low, cues.get("no_claim", ()))
        for m in find_cues(ana.text, cues.get("claim", ()), sent.start, sent.end):
            if any(n.start() < m.start() - sent.start for n in negated):
                continue
            group = _group_near(ana, sent.start, m.start(), before=True, country=country)
            if group is None and ana.lang == "en" and _GROUP_REF.search(ana.text[sent.start:m.start()].rstrip()):
                named = _one_group_before(ana, sent.start, country)  # "The group claimed responsibility"
                group = (named, sent.start, m.end()) if named else None
            if group and not out.claimed_by:
                out.claimed_by, out.claim_span = group[0], ana.span(group[1], m.end())
        if not out.claimed_by and ana.lang == "en" and not negated:
            _own_act_claim(ana, sent, country, out)
        for m in find_cues(ana.text, cues.get("claim_by", ()), sent.start, sent.end):
            if _generic_claim(ana, sent.start, m.start(), cues) or _earlier_attack(ana, sent.start, m.start()):
                continue  # "scores of attacks, many claimed by the local chapter of IS": the group's record
            group = _group_near(ana, m.end(), sent.end, before=False, country=country)
            if group and not out.claimed_by and not negated:
                out.claimed_by, out.claim_span = group[0], ana.span(m.start(), group[2])
        for m in find_cues(ana.text, cues.get("denial", ()), sent.start, sent.end):
            group = _group_near(ana, sent.start, m.start(), before=True, country=country)
            if group and not out.denied_by:
                out.denied_by = group[0]


def _generic_claim(ana: Analysis, lo: int, at: int, cues) -> bool:
    """"many claimed by", "attacks often claimed by": a quantifier or habit word right before the cue."""
    before = ana.text[max(lo, at - 40):at].lower().rstrip(" ,")
    return any(re.search(rf"(?<!\w){re.escape(w)}(?:\s+(?:of\s+)?(?:the\s+)?(?:them|which|those|these|attacks|bombings|blasts|"
                         rf"been|were|was|have|had))*$", before)
               for w in cues.get("claim_generic", ()))


_EARLIER = re.compile(r"\b(?:last\s+(?:year|month|week)|(?:\d+|a|two|three|several)\s+(?:years?|months?)\s+ago|"
                      r"(?:in|of)\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
                      r"December)\s+)?(?P<year>(?:19|20)\d\d))\b[^.;]{0,30}$", re.IGNORECASE)


def _earlier_attack(ana: Analysis, lo: int, at: int) -> bool:
    """"An attack on the shrine in October 2022, claimed by ISIS", "attack last year claimed by X": the claim of an
    earlier attack the report recalls (a year before the report's own), not of this event."""
    m = _EARLIER.search(ana.text[max(lo, at - 80):at])
    if m is None:
        return False
    published = getattr(ana.document, "published", None)
    return not m.group("year") or published is None or int(m.group("year")) < published.year


def _group_near(ana, lo: int, hi: int, before: bool, country) -> Optional[tuple[str, int, int]]:
    """Nearest named armed group in text[lo:hi] (last one when `before`), as (name, start, end)."""
    matches = dic.group_matches(ana.text[lo:hi])
    if not matches:
        return None
    pm = matches[-1] if before else matches[0]
    return dic.group_name(pm.entry, country), lo + pm.start, lo + pm.end



# "X said in a statement on its Telegram channel that it had targeted ...", "X said its fighters had killed"
_OWN_ACT = re.compile(r"\b(?:said|says|announced|stated|declared|boasted)\b(?:[^.;\"\u201c]{0,90}?)\s(?:that\s+)?"
                      r"(?:it|(?:its|their)\s+(?:fighters|forces|militants|men|mujahideen|soldiers|units|members|"
                      r"commandos|operatives|drones)|they)\s+(?:had\s+|have\s+|has\s+)?(?:successfully\s+)?"
                      r"(?:carried\s+out|killed|targeted|attacked|struck|shot\s+down|downed|ambushed|captured|"
                      r"seized|destroyed|executed|detonated|launched|bombed|stormed|overran|raided|hit|repulsed|repelled|"
                      r"shelled|liberated|retook|recaptured|took\s+control|fired|wounded|abducted|kidnapped|blew\s+up|"
                      r"was\s+behind|were\s+behind|was\s+responsible|were\s+responsible)\b", re.IGNORECASE)
_GROUP_REF = re.compile(r"\b(?:the|this)\s+(?:(?:militant|armed|jihadist|rebel|insurgent|extremist|islamist|"
                        r"separatist)\s+)?(?:group|movement|organi[sz]ation|militia|militants|jihadists|insurgents|"
                        r"rebels)(?:\s+(?:later|also|then|quickly|swiftly|subsequently|has|have|had|already))*\s*$",
                        re.IGNORECASE)


def _own_act_claim(ana: Analysis, sent, country, out: SourceChain) -> None:
    """A group's statement about its own act is its claim: named in the sentence or as "the militant group"."""
    text = ana.text
    m = _OWN_ACT.search(text, sent.start, sent.end)
    if not m:
        return
    group = _group_near(ana, sent.start, m.start(), before=True, country=country)
    if group is not None:
        gap = text[group[2]:m.start()]
        if len(gap) > 70 or re.search(r";|\b(?:and|while|but|after|when)\b", gap):
            return  # a group named in another clause is not the speaker
        out.claimed_by, out.claim_span = group[0], ana.span(group[1], m.end())
        return
    if not _GROUP_REF.search(text[sent.start:m.start()].rstrip()):
        return
    named = _one_group_before(ana, sent.start, country)
    if named:  # "the militant group" refers to the one group the report has named
        out.claimed_by, out.claim_span = named, ana.span(sent.start, m.end())


def _one_group_before(ana: Analysis, before: int, country) -> Optional[str]:
    """The ACLED name of the only non-state group the report names before `before` (None if 0 or several)."""
    named = {dic.group_name(pm.entry, country) for pm in dic.group_matches(ana.text[:before])
             if (pm.entry.inter or 0) in (2, 3, 4)}
    return next(iter(named)) if len(named) == 1 else None
