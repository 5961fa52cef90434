"""Who told the story: the source chain, claims of responsibility and denials (codebook §6).

`source_chain` lists the outlet first, then every source the report cites for the event, in the
order the text cites them, across the event's sentences ("according to X, citing a source within
Y" -> [outlet, X, source within Y]; "residents said" ... "police confirmed the attack" ->
[outlet, Residents, Police Forces of X]). Sources whose words do not tell the event (a body that
opened an investigation, an analyst) are left out. Finding the cited phrases: `source_mentions`;
naming them: `source_names`; claims: `source_claims`. Cue lists: `lexicons/<lang>/attribution.yaml`.
"""
from __future__ import annotations

import re
from typing import Optional

from . import actor_dictionary as dic
from . import source_claims as claims_x
from . import source_names as names
from .base import Analysis, SourceChain, Span
from .cues import find_cues, load_cues
from .source_mentions import Mention, mentions, shorten  # noqa: F401  (shorten is public API)

_DATE_AFTER = re.compile(r"[\s,(]*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d{1,2}\s+[A-Z])")
_DATELINE_AFTER = re.compile(r"(?:\s*,\s*[\w .'-]{1,30})?\s*(?:\([^)]{1,20}\))?\s*[\u2014\u2013-]\s")
_GROUP_POSSESSIVE = re.compile(r"^(?:the\s+)?(?:group|movement|militants|insurgents|rebels|organi[sz]ation)['\u2019]s?\s+",
                               re.IGNORECASE)
_PRONOUN_SOURCE = re.compile(r"^(?:lui|elle|eux|ellos|él|ella|он|она|они|him|her|them)$", re.IGNORECASE)


def source_chain(ana: Analysis, sentences: list[int]) -> SourceChain:
    """The attribution chain of the event told in `sentences`, plus claims and denials.

    ana (Analysis): the parsed report; `ana.document.source` is the outlet.
    sentences (list[int]): the event's sentences, trigger sentence first.
    RETURNS (SourceChain): chain (outlet first), the attribution spans, claimed_by/denied_by.
    """
    out = SourceChain()
    outlet = (ana.document.source or "").strip()
    if outlet:
        out.chain.append(outlet)
    idx = sorted(set(i for i in sentences if 0 <= i < len(ana.sentences)))
    found: list[tuple[int, Mention]] = []
    for i in idx:  # every sentence that tells the event, in the order of the text
        found += [(i, m) for m in mentions(ana, i) if _tells_event(ana, m)]
    if not found and idx:  # the attribution often closes the paragraph: "..., police said."
        for i in range(idx[-1] + 1, min(idx[-1] + 3, len(ana.sentences))):
            found += [(i, m) for m in mentions(ana, i) if _tells_event(ana, m)]
            if found:
                break
    if not outlet:
        outlet_guess = names.outlet_in_text(ana)
        if outlet_guess:
            out.chain.append(outlet_guess)
    raw: list[str] = []  # the wording before state bodies were named, for redundancy checks
    first: Optional[int] = None  # the first sentence that cites a source for the event
    last_i = -1
    for i, m in found:
        if first is None and len(out.chain) > (1 if outlet else 0):
            first = last_i  # the sentence that gave the first source
        last_i = i
        later = first is not None and i > first
        if later and not _institutional(ana, m):
            continue  # a later witness or resident adds colour, not the event's account
        for name, span in names.split_coordinated(ana, m.name, m.span):
            if _not_a_source(ana, name, span, outlet):
                continue
            if m.definite or _PRONOUN_SOURCE.match(name):
                if _listed(name, out.chain + raw):
                    continue
                back = _refer_back(ana, m, i, name)
                for earlier in back:  # "the cell said", "according to the bulletin", "selon lui"
                    _append(ana, out, raw, earlier.name, earlier.span, earlier, outlet, later)
                if back or names.ANAPHORA.match(name) or _PRONOUN_SOURCE.match(name):
                    continue
            _append(ana, out, raw, name, span, m, outlet, later)
    claims_x.claims(ana, idx, out)
    return out


def _append(ana: Analysis, out: SourceChain, raw: list[str], name: str, span: Span, m: Mention, outlet: str,
            later: bool = False) -> None:
    if names.redundant(name, out.chain + raw, outlet, anaphora=m.definite) or any(names.redundant(shorten(a), out.chain + raw, outlet)
                                                             for a in m.appos):
        return
    label = _name(ana, name, span, m, later)
    if not label:
        return
    raw.append(name)
    if dic.normalise(label) in {dic.normalise(c) for c in out.chain} or \
            names.redundant(label, out.chain, outlet, anaphora=False):
        return
    said = [c for c in out.chain[1:] if c.endswith(" statement")]
    if any(label.split()[0] == c.split()[0] for c in said):
        return  # "SPLA-IO statement" ... "an SPLA-IO deputy spokesman said": the same group's account
    at = _generic_named_later(out.chain, label)
    if at is not None:  # "a war monitor" ... "The Levant Monitor for Human Rights": the name replaces the words
        out.chain[at], out.spans[at - (len(out.chain) - len(out.spans))] = label, span
        return
    out.chain.append(label)
    out.spans.append(span)


def _name(ana: Analysis, name: str, span: Span, m: Mention, later: bool = False) -> Optional[str]:
    """The chain's wording of one source, or None when it is no source of this chain."""
    sent = ana.sentence_at(m.span.start)
    if m.own_medium_of is not None:  # "claimed it in a statement carried by its Andalus radio"
        group = claims_x.group_label(ana, sent.start, span.start, last=True) or _last_group(ana, span.start) \
            or m.own_medium_of
        return f"{names.capitalised(name)} ({group})"
    owner = _GROUP_POSSESSIVE.match(name)
    if owner:  # "the group's Amaq news agency", "the group's health ministry"
        group = _last_group(ana, span.start)
        rest = name[owner.end():]
        if group:
            ministry = names.canonical(rest, ana)
            if ministry.startswith("Ministry of"):
                return re.sub(r"\s*\(.*\)$", "", ministry) + f" ({group})"
            return f"{names.capitalised(rest)} ({group})"
    group = claims_x.group_label(ana, span.start, span.end) if claims_x.is_group(name) else None
    if group:
        statement = {"statement", "communique", "communiqué", "video", "post"} & m.aliases
        if statement or (claims_x.own_act(ana, span.start, sent.end) and not later):
            return f"{group} statement"  # a group's account of its own act
        if m.verb == "claim" or claims_x.own_act(ana, span.start, sent.end):
            return None  # "X claimed responsibility" makes it the claimant, not a source
    name = names.canonical(name, ana)
    state = names.state_source(name, ana)
    if state:
        return state
    name = names.state_agency(name, ana) or names.acronym_form(name, span, ana)
    if names.anonymous(span, ana) and "anonymous" not in name:
        name = f"{name} (anonymous)"
    return names.capitalised(name)


def _last_group(ana: Analysis, before: int) -> Optional[str]:
    """The armed group the report named last before `before`, as written (its acronym when given)."""
    matches = [pm for pm in dic.match_phrases(ana.text[:before]) if pm.entry.kind == "group" and not pm.entry.party]
    if not matches:
        return None
    pm = matches[-1]
    return claims_x.group_label(ana, pm.start, pm.end)


def _institutional(ana: Analysis, m: Mention) -> bool:
    """A body, an official or a group's media, not a private person ("residents", "a doctor")."""
    people = load_cues("en", "attribution").get("individual_sources", ())
    low = {dic.normalise(m.name), dic.normalise(names.canonical(m.name, ana))}
    return m.own_medium_of is not None or not any(re.match(rf"(?:\w+\s+){{0,2}}{re.escape(p)}\b", w)
                                                    for p in people for w in low)


def _tells_event(ana: Analysis, m: Mention) -> bool:
    """The cited words tell the event's facts (not "said it had opened an investigation")."""
    if m.verb in ("deny", "dismiss", "reject"):
        return False  # a denial answers the account; it does not tell it
    if m.content < 0:
        return True
    sent = ana.sentence_at(m.span.start)
    cues = load_cues(ana.lang, "attribution").get("not_the_event", ())
    return not find_cues(ana.text, cues, m.content, min(sent.end, m.content + 60))


def _not_a_source(ana: Analysis, name: str, span: Span, outlet: str) -> bool:
    if ana.dateline and span.start < ana.dateline.end:
        return True
    if outlet and re.match(r"\s*,?\s*" + re.escape(outlet), ana.text[span.end:span.end + len(outlet) + 4]):
        return True  # "the rights group Sahel Civic Watch said": the outlet itself
    before = ana.text[:span.start]
    if not before.strip() and (_DATE_AFTER.match(ana.text[span.end:span.end + 16])
                               or _DATELINE_AFTER.match(ana.text[span.end:span.end + 60])):
        return True  # an unrecognised dateline: "New Delhi, Oct 13 (SAN)", "ADEN —"
    if not ana.text[:span.start].strip().endswith(("\n", ".")) and re.search(r"\n\s*$", before) \
            and _DATELINE_AFTER.match(ana.text[span.end:span.end + 60]):
        return True
    if re.match(r"(?:no|none|neither|nobody|several|crowd|both\s+sides|many|others|some)\b", name, re.IGNORECASE) \
            or (name.isupper() and "," in name):
        return True
    return False


def _refer_back(ana: Analysis, m: Mention, i: int, name: str) -> list[Mention]:
    """The source named before that a definite "the cell" / "the bulletin" / "lui" refers to,
    with the medium that carried it ("the Iraqi News Agency" for "the cell")."""
    head = re.findall(r"\w+", name.lower())
    pronoun = bool(_PRONOUN_SOURCE.match(name))
    if not head:
        return []
    for j in range(i, -1, -1):
        earlier = [e for e in mentions(ana, j) if e.span.end <= m.span.start and not names.ANAPHORA.match(e.name)]
        for k in range(len(earlier) - 1, -1, -1):
            e = earlier[k]
            words = names._words(" ".join([e.name, *e.aliases]))
            if pronoun or re.sub(r"(?<=\w{3})s$", "", head[-1]) in words:
                return [r for r in earlier[:k] if r.relay] + [e]
    return []


def _listed(name: str, chain: list[str]) -> bool:
    """A definite "the agency" / "the official" whose head word an element of the chain already has."""
    head = re.findall(r"\w+", name.lower())
    if not head:
        return True
    key = re.sub(r"(?<=\w{3})s$", "", head[-1])
    return any(key in names._words(c) for c in chain[1:]) or names.redundant(name, chain[1:], "") and \
        not names.ANAPHORA.match(name)


def _generic_named_later(chain: list[str], label: str) -> Optional[int]:
    """Index of an earlier generic element ("war monitor") that `label` names ("Levant Monitor for ...")."""
    if len(re.findall(r"\b[A-Z][a-z]+", label)) < 2:
        return None
    words = names._words(label)
    for n, earlier in enumerate(chain[1:], 1):
        generic = earlier[0].upper() + earlier[1:] == earlier and not re.search(r"\s[A-Z]", earlier) \
            and "(" not in earlier
        head = re.findall(r"\w+", earlier.lower())
        if generic and head and re.sub(r"(?<=\w{3})s$", "", head[-1]) in words and len(head) <= 3 \
                and head[-1] in load_cues("en", "attribution").get("organisation_heads", ()):
            return n
    return None
