"""How sure the report is that the event happened, and which perpetrators are only speculated.

Definitions follow the dev-set README: `claimed` rests on an involved party's unverified claim,
`speculative` leaves unclear whether the event happened, `confirmed` has an official or
independent confirmation, `reported` is the default. Cue lists: `lexicons/<lang>/hedges.yaml`.
"""
from __future__ import annotations

import re
from typing import Optional

from ..who import actor_dictionary as dic
from ..base import ActorMention, Analysis, Certainty, SourceChain, Span
from ..cues import find_cues, load_cues

# where a speculated list ends: "rival jihadist groups seeking to weaken ISIS"
_LIST_END = re.compile(r"\s+(?:seeking|who|which|that|to|of|for|in|after|because|as|since|but|while|over|"
                       r"behind|and\s+said|amid|with)\b|[.;:()\u2014]|,\s*(?:[\w-]+\s+){0,3}(?:said|says|say|told|reported|added)\b|,\s*(?:but|although|while|saying)\b",
                       re.IGNORECASE)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:or|and)?\s*|\s+(?:or|and)\s+", re.IGNORECASE)
_LEAD = re.compile(r"^(?:(?:the|a|an|even|possibly|perhaps|also|either|both|members\s+of(?:\s+the)?)\s+)+",
                   re.IGNORECASE)
_GAP_OK = re.compile(r"^[\s,]*(?:(?:the|a|an|members\s+of|fighters\s+from|elements\s+of|militants\s+from|"
                     r"the\s+involvement\s+of|involvement\s+of)\s+)*$", re.IGNORECASE)


def _hedges(lang: str) -> dict[str, tuple[str, ...]]:
    return load_cues(lang, "hedges")


def _negated(ana: Analysis, start: int, lang: str) -> bool:
    """A negator in the four words before `start` ("could not be confirmed", "no claim")."""
    before = ana.text[max(0, start - 30):start]
    words = " ".join(before.split()[-4:])
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", words, re.IGNORECASE)
               for n in _hedges(lang).get("negators", ()))


def speculated_groups(ana: Analysis, sentences: Optional[list[int]] = None) -> tuple[list[str], Optional[Span]]:
    """Groups the report only speculates about, with the first speculation span.

    Looks at the whole report (speculation often comes paragraphs after the event).
    """
    cues = _hedges(ana.lang)
    text = ana.text
    found: list[str] = []
    first: Optional[Span] = None
    for sent in ana.sentences:
        for m in find_cues(text, cues.get("speculation_list", ()), sent.start, sent.end):
            rest = text[m.end():sent.end]
            cut = _LIST_END.search(rest)
            chunk = rest[:cut.start()] if cut else rest
            items = [_LEAD.sub("", i.strip(" ,")).strip() for i in _ITEM_SPLIT.split(chunk)]
            items = [i for i in items if i and len(i.split()) <= 6 and not i.lower().startswith(("it ", "him", "her", "them"))]
            if not items:
                continue
            for i in items:
                if i not in found:
                    found.append(i)
            if first is None:
                end = m.end() + len(chunk.rstrip())
                first = ana.span(m.start(), end)
        for m in find_cues(text, cues.get("speculation_before", ()), sent.start, sent.end):
            for pm in dic.match_phrases(text[m.end():min(sent.end, m.end() + 60)]):
                gap = text[m.end():m.end() + pm.start]
                if pm.entry.kind == "group" and _GAP_OK.match(gap):
                    name = text[m.end() + pm.start:m.end() + pm.end]
                    if name not in found:
                        found.append(name)
                    first = first or ana.span(m.start(), m.end() + pm.end)
                break
    return found, first


def is_speculated(ana: Analysis, mention: ActorMention, certainty: Optional[Certainty] = None) -> bool:
    """Whether the mention names a group the report only suspects (never actor1/actor2/assoc)."""
    if mention.kind not in ("armed", "state", "party"):
        return False
    sent = ana.sentence_at(mention.span.start)
    before = ana.text[sent.start:mention.span.start]
    for m in find_cues(before, _hedges(ana.lang).get("speculation_before", ())):
        if _GAP_OK.match(before[m.end():]):
            return True
    if certainty is not None:
        sp = certainty.speculation_span
        if sp and sp.start <= mention.span.start < sp.end:
            return True
        low = {dic.normalise(s) for s in certainty.speculated_perpetrators}
        if dic.normalise(mention.span.text) in low or any(
                re.fullmatch(re.escape(n).replace(r"\{country\}", ".+"), mention.name)
                for n in _speculated_names(certainty)):
            return True
    return False


def is_background(ana: Analysis, mention: ActorMention) -> bool:
    """"No group claimed the attack, but X is active in the area": a group named only as present in
    the area, not as the one who acted (it may still be what a later "the militants" refers to)."""
    if mention.kind not in ("armed", "state", "party"):
        return False
    sent = ana.sentence_at(mention.span.start)
    after = ana.text[mention.span.end:sent.end]
    gap = re.match(r"^\s*(?:\([^)]{1,15}\)\s*)?(?:,?\s*(?:which|who|that)\s+)?(?:also\s+|still\s+|long\s+)?", after)
    cues = _hedges(ana.lang).get("speculation_after", ())
    return any(c.start() == gap.end() for c in find_cues(after, cues, gap.end(), gap.end() + 40))


def _speculated_names(certainty: Certainty) -> set[str]:
    """ACLED names of the speculated groups: "Allied Democratic Forces" also rules out a later "ADF"."""
    out: set[str] = set()
    for s in certainty.speculated_perpetrators:
        for pm in dic.match_phrases(s):
            if pm.entry.kind == "group":
                out.add(pm.entry.name)
                out.update(v for _, v in pm.entry.by_country)
    return out


def assess_certainty(ana: Analysis, sentences: list[int], sources: Optional[SourceChain] = None) -> Certainty:
    """confirmed | reported | claimed | speculative for the event told in `sentences`.

    ana (Analysis): the parsed report.
    sentences (list[int]): the event's sentences, trigger sentence first.
    sources (SourceChain): its attribution chain (a claim of responsibility matters).
    RETURNS (Certainty): the value, the deciding cue's span and the speculated perpetrators.
    """
    cues = _hedges(ana.lang)
    spec, spec_span = speculated_groups(ana, sentences)
    result = Certainty(speculated_perpetrators=spec, speculation_span=spec_span)
    idx = sorted(set(sentences))
    # the event sentences and the two after them (verification notes follow the claim)
    near = sorted({i for s in idx for i in (s, s + 1, s + 2) if 0 <= i < len(ana.sentences)})

    def first_cue(key: str, where: list[int], allow_negated: bool = False):
        for i in where:
            s = ana.sentences[i]
            for m in find_cues(ana.text, cues.get(key, ()), s.start, s.end):
                if allow_negated or not _negated(ana, m.start(), ana.lang):
                    return ana.span(m.start(), m.end())
        return None

    hit = first_cue("speculative", idx, allow_negated=True)
    if hit:
        result.value, result.span, result.reason = "speculative", hit, "the report doubts the event happened"
        return result
    unverified = first_cue("unverified", near, allow_negated=True)
    if sources is not None and sources.claimed_by and _rests_on_claim(sources):
        result.value, result.span = "claimed", sources.claim_span or unverified
        result.reason = "the only source is the claimant"
        return result
    if unverified:
        result.value, result.span, result.reason = "claimed", unverified, "a party's statement nobody verified"
        return result
    disputed = _disputed(ana, near, cues)
    if disputed:
        result.value, result.span, result.reason = "claimed", disputed, "one side's account, denied by the other"
        return result
    hit = first_cue("confirmed", idx)
    if hit:
        result.value, result.span, result.reason = "confirmed", hit, "an official confirmation"
        return result
    result.reason = "reported by the outlet or a source it cites"
    return result


def _disputed(ana: Analysis, where: list[int], cues) -> Optional[Span]:
    """", a claim the rebels denied": the account is one party's, and the other party denies it."""
    verbs = cues.get("dispute_verbs", ())
    for i in where:
        s = ana.sentences[i]
        for m in find_cues(ana.text, cues.get("disputed", ()), s.start, s.end):
            if not re.search(r"[,;(\u2014-]\s*$", ana.text[max(s.start, m.start() - 3):m.start()]):
                continue  # only an apposition to the account: ", a claim the army denied"
            hit = find_cues(ana.text, verbs, m.end(), min(s.end, m.end() + 50))
            if hit:
                return ana.span(m.start(), hit[0].end())
    return None


def _rests_on_claim(sources: SourceChain) -> bool:
    """Every source after the outlet is the claimant or its statement/media."""
    others = sources.chain[1:]
    if not others:
        return True
    claimant = dic.normalise(sources.claimed_by or "")
    forms = [f.strip() for f in claimant.split(":") if f.strip()]  # "AA: Arakan Army": "aa", "arakan army"

    def said_by_claimant(o: str) -> bool:
        low = dic.normalise(o)
        return low in claimant or any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", low) for f in forms)

    return bool(forms) and all(said_by_claimant(o) for o in others)
