"""Who told the story: the source chain, claims of responsibility and denials (codebook §6).

`source_chain` lists the outlet first, then every source the report cites for the event, in the
order the text cites them, across the event's sentences ("according to X, citing a source within
Y" -> [outlet, X, source within Y]; "residents said" ... "police confirmed the attack" ->
[outlet, Residents, Police Forces of X]). Sources whose words do not tell the event (a body that
opened an investigation, an analyst) are left out. Finding the cited phrases: `source_mentions`
(the medium that carried them: `source_relays`); whether their words tell the event: `source_relevance`;
naming them: `source_names`; claims: `source_claims`. Cue lists: `lexicons/<lang>/attribution.yaml`.
"""
from __future__ import annotations

import re
from typing import Optional

from ..who import actor_dictionary as dic
from . import source_claims as claims_x, source_credits as credits
from . import source_names as names
from . import source_titles as titles, report_medium as media
from . import source_relevance as relevance
from ..base import Analysis, SourceChain, Span
from ..cues import load_cues
from .source_mentions import Mention, mentions, shorten  # noqa: F401  (shorten is public API)
from .source_pronouns import pronoun_speakers

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
        if sentences and i > sentences[0] and _OTHER_INCIDENT.match(ana.sentences[i].text):
            continue  # "Separately, troops killed ...": another incident's account
        found += [(i, m) for m in mentions(ana, i) if relevance.tells_event(ana, m)]
    if not found and idx:  # the attribution often closes the paragraph: "..., police said."
        for i in range(idx[-1] + 1, min(idx[-1] + 3, len(ana.sentences))):
            if _NEW_SCENE.match(ana.sentences[i].text):
                break  # "In Basra the same day, ...": another incident's account begins
            found += [(i, m) for m in mentions(ana, i) if relevance.tells_event(ana, m)]
            if found:
                break
    elif idx and idx[-1] + 1 < len(ana.sentences):  # "The army blamed the RSF.": who did it, told right after
        found += [(idx[-1] + 1, m) for m in mentions(ana, idx[-1] + 1)
                  if relevance.blames(ana, m) and relevance.tells_event(ana, m)]
    if not outlet:
        outlet_guess = names.outlet_in_text(ana)
        if outlet_guess:
            out.chain.append(outlet_guess)
    raw: list[str] = []  # the wording before state bodies were named, for redundancy checks
    first: Optional[int] = None  # the first sentence that cites a source for the event
    last_i = -1
    for i, m in found:
        if first is None and any(not credits.is_wire(c) for c in out.chain[(1 if outlet else 0):]):  # "told AFP": a relay
            first = last_i  # the sentence that gave the first source
        last_i = i
        later = first is not None and i > first
        if later and not relevance.institutional(ana, m) and not relevance.blames(ana, m):
            continue  # a later witness or resident adds colour, not the event's account
        if later and relevance.aftermath(ana, m) and not relevance.blames(ana, m):
            continue
        if later and relevance.elsewhere(ana, m, idx, sentences[0]):
            continue  # "the ministry said it had hit targets in Kharkiv", told in the Odesa strike's paragraph
        if later and _BARE_TITLE.match(m.name) and not m.definite:
            continue  # "A spokesman said ..." after the body was cited: that body's spokesman
        for name, span in names.split_coordinated(ana, m.name, m.span):
            if _not_a_source(ana, name, span, outlet):
                continue
            person = names.person_name(ana, span) is not None
            full, name, span, bare = name, *names.drop_person(ana, name, span, m.appos)
            if bare and (later or len(out.chain) > (1 if outlet else 0)):
                continue  # "Captain X said" after the body he speaks for: the same account
            if person and later and titles.same_role(name, out.chain[1:]) and \
                    titles.collective_to_replace(out.chain, name) is None:
                continue  # "said X, a leader of ..." after "a local militia leader said": the same person
            if (m.definite and not names.state_source(name, ana)) or _PRONOUN_SOURCE.match(name):
                if _listed(name, out.chain + raw):
                    continue
                back = _refer_back(ana, m, i, name)
                for earlier in back:  # "the cell said", "according to the bulletin", "selon lui"
                    _append(ana, out, raw, earlier.name, earlier.span, earlier, outlet, later)
                if back or names.ANAPHORA.match(name) or _PRONOUN_SOURCE.match(name):
                    continue
            _append(ana, out, raw, name, span, m, outlet, later)
            if full != name:
                raw.append(full)  # the full name, so that "Warsame said" later repeats "spokesman ... Warsame"
    if idx and titles.only_collective(out.chain):
        _titled_after(ana, out, raw, idx, outlet)
    if len(out.chain) == (1 if outlet else 0) and idx:  # "He said earlier that ...": the speaker cited before
        for i, m in pronoun_speakers(ana, idx):
            for name, span in names.split_coordinated(ana, m.name, m.span):
                if not _not_a_source(ana, name, span, outlet) and credits.source_like(ana, name):
                    _append(ana, out, raw, *names.drop_person(ana, name, span, m.appos)[:2], m, outlet)
    if len(out.chain) == (1 if outlet else 0) and sentences:
        credits.acting_force(ana, sentences[0], out)
    if len(out.chain) == (1 if outlet else 0) and idx:
        _report_source(ana, out, raw, idx, outlet)
        media.report_medium(ana, out, outlet)  # no source at all: the medium the whole report relays
    credits.wire_credit(ana, out, outlet)
    claims_x.claims(ana, idx, out)
    return out


def _report_source(ana: Analysis, out: SourceChain, raw: list[str], idx: list[int], outlet: str) -> None:
    """No source near the event's sentences: a short report often gives its one account further down
    ("Lawal said he was informed by the police ..."): the first institutional source the report cites
    after them, up to another incident's account (a source before them told another event)."""
    for i in range(idx[0] + 1, len(ana.sentences)):  # what comes before told another event, or the lead
        if i in idx:
            continue
        text = ana.sentences[i].text
        if _OTHER_INCIDENT.match(text) or _NEW_SCENE.match(text):
            if i > idx[-1]:
                return  # another incident's account begins: what follows is not this event's
            continue
        for m in mentions(ana, i):
            if not (relevance.tells_event(ana, m) and relevance.institutional(ana, m)) or relevance.aftermath(ana, m):
                continue
            for name, span in names.split_coordinated(ana, m.name, m.span):
                if _not_a_source(ana, name, span, outlet) or _PRONOUN_SOURCE.match(name) or not credits.source_like(ana, name):
                    continue
                if m.definite and not names.state_source(name, ana):  # "Lawal said": the titled person before
                    for earlier in _refer_back(ana, m, i, name):
                        _append(ana, out, raw, earlier.name, earlier.span, earlier, outlet)
                    if len(out.chain) > (1 if outlet else 0):
                        return
                    continue
                name, span = names.drop_person(ana, name, span, m.appos)[:2]
                _append(ana, out, raw, name, span, m, outlet)
                if len(out.chain) > (1 if outlet else 0):
                    return


def _titled_after(ana: Analysis, out: SourceChain, raw: list[str], idx: list[int], outlet: str) -> None:
    """"..., officials said." then "local government official X told Reuters": the next sentences' titled
    official names the collective source (up to another scene)."""
    for i in range(idx[-1] + 1, min(idx[-1] + 3, len(ana.sentences))):
        if _NEW_SCENE.match(ana.sentences[i].text) or _OTHER_INCIDENT.match(ana.sentences[i].text):
            return
        for m in mentions(ana, i):
            if not (relevance.tells_event(ana, m) and relevance.institutional(ana, m)) or relevance.aftermath(ana, m):
                continue
            for name, span in names.split_coordinated(ana, m.name, m.span):
                if _not_a_source(ana, name, span, outlet):
                    continue
                name, span = names.drop_person(ana, name, span, m.appos)[:2]
                if titles.collective_to_replace(out.chain, name) is not None:
                    _append(ana, out, raw, name, span, m, outlet)
                    return


def _append(ana: Analysis, out: SourceChain, raw: list[str], name: str, span: Span, m: Mention, outlet: str,
            later: bool = False) -> None:
    if titles.collective_to_replace(out.chain, name) is not None:  # "officials said" ... "regional governor X
        label = _name(ana, name, span, m, later)                   # said": the official follows the collective
        if label and dic.normalise(label) not in {dic.normalise(c) for c in out.chain}:
            raw.append(name)
            out.chain.append(label)
            out.spans.append(span)
        return
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
    if _UNIT.search(label) and not label.startswith("Military Forces") and \
            any(c.startswith("Military Forces") for c in out.chain[1:]):
        return  # the army's own unit repeats the army's account
    said = [c for c in out.chain[1:] if c.endswith(" statement")]
    if any(label.split()[0] == c.split()[0] for c in said):
        return  # "SPLA-IO statement" ... "an SPLA-IO deputy spokesman said": the same group's account
    at = titles.generic_named_later(out.chain, label)
    if at is None:
        at = titles.collective_named_later(out.chain, label)
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
        ends = [pm for pm in dic.match_phrases(name) if pm.entry.kind == "group" and pm.end >= len(name.rstrip(" ."))]
        if ends and len(name[:ends[-1].start].split()) <= 2:
            return group  # "according to the opposition SPLM-IO": the group as the report names it
    listed = names.listed_canonical(name, ana)
    if listed:
        return listed
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
    return bool(_EVENT_HEAD.search(name))  # "Drone Strike Claims Five Lives": the event, not who tells it


_EVENT_HEAD = re.compile(r"(?i)\b(?:strikes?|attacks?|blasts?|bombings?|explosions?|clashes|fighting|shelling|raids?|"
                         r"ambush|fire|violence|crash|flood|earthquake)$")


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
    if pronoun:  # no source cited before: the titled person a sentence before is the subject ("Губернатор ... Гладков")
        nouns = load_cues(ana.lang, "attribution").get("source_nouns", ())
        for j in range(i - 1, max(-1, i - 3), -1):
            sent = ana.sentences[j]
            # the titled person: the title, then names and the region it governs ("Губернатор Курской области Иван Петров")
            lead = re.match(r"\s*(?:[\w'\u2019-]+\s+){0,2}?(?i:" + "|".join(re.escape(n) for n in nouns) +
                            r")\w*(?:\s+(?:[A-Z\u0410-\u042f][\w'\u2019-]*|области|края|района|республики|округа|города|"
                            r"of|the|de|du|la))*", sent.text)
            if lead:
                start = sent.start + len(lead.group()) - len(lead.group().lstrip())
                return [Mention(lead.group().strip(), ana.span(start, sent.start + lead.end()), m.order, m.content)]
    return []


def _listed(name: str, chain: list[str]) -> bool:
    """A definite "the agency" / "the official" whose head word an element of the chain already has."""
    owner = re.match(r"^(?:the\s+)?([\w-]+)['\u2019]s?\s+(?:statement|bulletin|communiqu\w*|spokes\w+)$", name, re.IGNORECASE)
    head = re.findall(r"\w+", (owner.group(1) if owner else name).lower())  # "the command's statement": the command
    if not head:
        return True
    key = re.sub(r"(?<=\w{3})s$", "", head[-1])
    return any(key in names._words(c) for c in chain[1:]) or names.redundant(name, chain[1:], "") and \
        not names.ANAPHORA.match(name)


_NEW_SCENE = re.compile(r"\s*(?:(?:In|At|Near|Elsewhere\s+in|Meanwhile\s+in)\s+(?!a\b|an\b|the\b|its\b|their\b)[A-Z][\w'-]+"
                        r"[^,]{0,30},|Meanwhile\b|Elsewhere\b|Separately\b|In\s+a\s+separate\b)")
_OTHER_INCIDENT = re.compile(r"\s*(?:Meanwhile|Elsewhere|Separately|In\s+a\s+separate|In\s+another)\b")
_BARE_TITLE = re.compile(r"^(?:(?:deputy|chief|senior)\s+)?(?:spokes(?:man|woman|person)|official)$", re.IGNORECASE)
# a unit of the armed forces after the armed forces themselves: "the army said ..." "... the Second Division's communique"
_UNIT = re.compile(r"\b(?:division|brigade|battalion|regiment|corps|división|brigada|batallón|batallon|régiment|"
                   r"brigade|дивизия|бригада|батальон)\b", re.IGNORECASE)
