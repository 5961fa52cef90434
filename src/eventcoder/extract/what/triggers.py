"""Find event triggers: lexicon match (Aho-Corasick) + syntactic context -> `Trigger`s.

Terms come from `data/lexicons/<lang>/triggers.yaml` (its header documents the format). English
is matched on spaCy lemmas and lowercased words; other languages (or no parse) on lowercased
words with word boundaries. The parse then decides `negated`, `hypothetical` and which sub-type an
ambiguous word ("attacked", "captured") takes; negative cues (sports, markets, film, drill,
anniversary, court, weather, opinion) mark triggers that are not conflict events.

Example: "A suicide bomber blew himself up at a checkpoint" ->
[Trigger("suicide bomber", Suicide bomb, 0.95), Trigger("blew himself up", Suicide bomb, 0.95)].
"""
from __future__ import annotations

import logging
import re
from typing import Optional

from ...schema import SUB_TO_TYPE
from ..base import Analysis, Span, Trigger
from ..when.undated import YEAR, report_year
from .trigger_lexicon import Lexicon, Token, load_lexicon, search, tokens_of
from .trigger_modality import _declared, _is_hypothetical, _is_negated
from .trigger_roles import _context_found, _resolve, _role_tokens, _span_root
from .trigger_scope import (FoundTrigger, governing_verb, is_definite, is_generic, is_purpose,
                            lead_not_anaphoric, past_year_modifier, refers_to_agreement)

LOGGER = logging.getLogger(__name__)

__all__ = ["find_triggers", "report_cue"]


# ------------------------------------------------------------------ matching


def _drop_contained(matches):
    """Keep the longest match; drop a match whose tokens lie inside a kept longer (or heavier) one."""
    ordered = sorted(matches, key=lambda m: (-(m[1] - m[0]), -len(m[2].term), -m[2].weight, m[0]))
    kept = []
    for m in ordered:
        if any(k[0] <= m[0] and m[1] <= k[1] for k in kept):
            continue
        kept.append(m)
    return kept


# ------------------------------------------------------------------ syntactic context
# (roles and context groups: trigger_roles.py)


def _civilian_victims(lex: Lexicon, sub: str, confirmed: list, tokens, first, last, root, rng) -> bool:
    """An Attack whose victims are civilians, not people caught in a crossfire."""
    if sub != "Attack" or "civilian_patient" not in lex.context:
        return False
    if "civilian_patient" not in confirmed and \
            not _context_found(lex, "civilian_patient", tokens, first, last, root, rng):
        return False
    crossfire = [tuple(w.split()) for w in lex.generic.get("crossfire", ())]
    return not lex.phrases_in(crossfire, tokens[rng[0]:rng[1]])


def _weapon_linked(lex: Lexicon, tokens, first, last, root) -> bool:
    """A weapon word is the subject/object of an attack verb, or has one right beside it."""
    verbs = lex.attack_verbs
    if root is not None:
        verb = governing_verb(root)
        if verb.lemma_.lower() in verbs and verb.i != root.i:
            return True
        if any(c.lemma_.lower() in verbs for c in root.children if c.dep_ in ("relcl", "acl")):
            return True
    near = tokens[max(0, first - 2):first] + tokens[last + 1:last + 4]
    return any(lex.is_attack_verb(t) for t in near)


def _protest_topic(lex: Lexicon, root) -> bool:
    """The trigger is what a protest is about: "protested against the air strikes"."""
    if root is None:
        return False
    tok, via_link = root, False
    for _ in range(6):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ in ("dobj", "pobj") and tok.head.lemma_.lower() in lex.topic_heads:
            return True
        tok = tok.head
        if tok.dep_ == "prep" and tok.lower_ in lex.topic_preps or tok.lemma_.lower() in lex.topic_verbs:
            via_link = True
        if via_link and tok.lemma_.lower() in lex.topic_heads:
            return True
        if via_link and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in lex.topic_heads
                            for c in tok.children):
            return True
    return False


def _disrupted(lex: Lexicon, tokens, first, last, root) -> bool:
    """An E/RV word that is the object of a disruption verb ("defused two roadside bombs")."""
    if root is not None:
        if root.dep_ == "compound" and root.head.pos_ == "NOUN":
            root = root.head  # "detonated an unexploded mortar round"
        if root.dep_ in ("dobj", "nsubjpass", "pobj", "conj", "appos"):
            tok = root
            for _ in range(3):
                tok = tok.head
                lem = tok.lemma_.lower()
                particle = next((c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")), "")
                if lem in lex.disrupts or f"{lem} {particle}".strip() in lex.disrupts:
                    return True
                if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                    break
        return _disrupted_nearby(lex, tokens, first)
    before = tokens[max(0, first - 4):first]
    words = [t.lemma for t in before]
    return any(lex.is_disrupt_word(w) or " ".join(words[i:i + 2]) in lex.disrupts
               for i, w in enumerate(words))


#: words that may stand between a verb and the weapon noun of its object ("intercepted 12 of
#: the 15 Russian missiles"): numbers, determiners, adjectives, "of", names
_NP_INNER = {"NUM", "DET", "ADJ", "ADP", "PROPN", "NOUN", "PUNCT", "CCONJ"}


def _disrupted_nearby(lex: Lexicon, tokens, first) -> bool:
    """The weapon noun sits, inside its own noun phrase, right after a disruption verb: the parse
    sometimes reads "intercepted 12 of 15 Russian missiles fired overnight" as a clause."""
    for i in range(first - 1, max(-1, first - 7), -1):
        tok = tokens[i]
        sp = tok.sp
        if sp is not None and sp.pos_ in ("VERB", "AUX"):
            nxt = tokens[i + 1].lemma if i + 1 < first else ""
            return tok.lemma in lex.disrupts or f"{tok.lemma} {nxt}" in lex.disrupts
        if sp is not None and (sp.pos_ not in _NP_INNER or sp.lower_ in (",", ".", ";", "and")):
            return False
    return False


# ------------------------------------------------------------------ negative cues


def _cue_score(lex: Lexicon, cue: str, tokens: list[Token], text: str, streams=None) -> float:
    spec = lex.cues[cue]
    score = sum(weight for weight in lex.cue_hits(cue, tokens, streams))
    score += 1.5 * sum(1 for rx in spec["_patterns"] if rx.search(text))
    return score


def _past_year(text: str, now_year: Optional[int]) -> bool:
    """Does the text name a year at least two before the report's (a court case of a past attack)?"""
    if now_year is None:
        return False
    return any(1900 < int(y) <= now_year - 2 for y in YEAR.findall(text))


_UNSET = object()


def report_cue(ana: Analysis) -> Optional[str]:
    """Name of the negative cue that vetoes the whole report (title x2 + lead sentences), or None.

    Memoised on the Analysis: the coder and `find_triggers` both ask for it.
    """
    cached = ana.__dict__.get("_report_cue", _UNSET)
    if cached is _UNSET:
        cached = ana.__dict__["_report_cue"] = _report_cue(ana)
    return cached


def _report_cue(ana: Analysis) -> Optional[str]:
    lex = load_lexicon(ana.lang)
    doc = ana.document
    title = doc.title or ""
    title_doc = None
    if title and ana.spacy_doc is not None:
        from ...nlp import parse_title

        title_doc = parse_title(ana, title)  # parsed with its batch by nlp.analyse_batch
    title_toks = tokens_of(title, lex, title_doc) if title else []
    lead_sents = ana.sentences[: lex.lead]
    lead_text = " ".join(s.text for s in lead_sents)
    all_toks = tokens_of(ana.text, lex, ana.spacy_doc)
    lead_end = lead_sents[-1].end if lead_sents else 0
    lead_toks = [t for t in all_toks if t.start < lead_end]
    best, best_score = None, 0.0
    # the streams do not depend on the cue: build them once, not once per cue
    title_streams, lead_streams = lex.streams(title_toks), lex.streams(lead_toks)
    title_scores: dict[str, float] = {}
    for cue, spec in lex.cues.items():
        title_scores[cue] = _cue_score(lex, cue, title_toks, title, title_streams)
        score = 2 * title_scores[cue] + _cue_score(lex, cue, lead_toks, lead_text, lead_streams)
        if spec.get("past_year") and not _past_year(title + " " + lead_text, report_year(ana)):
            continue
        if spec.get("not_with_casualties") and _casualties(ana.lang, title + "\n" + lead_text):
            continue  # an attack at a supermarket is still an attack
        if spec.get("_not_with") is not None and spec["_not_with"].search(title + "\n" + lead_text):
            continue  # "killed in a militant attack, while five others died in a traffic accident"
        if score >= spec.get("report_min", 99) and score > best_score:
            best, best_score = cue, score
    if best is None:
        return None
    # a title that itself reports a clear act (weight >= 0.9 trigger) is not vetoed, unless the
    # title is squarely in the cue's domain ("League hat-tricks: Dominguez's shoot-out"); a
    # bombing "at a football stadium" keeps its protection
    strong = [m for m in _drop_contained(search(lex.automaton, title_toks, title_streams)) if m[2].weight >= 0.9]
    title_in_domain = title_scores[best] >= lex.cues[best].get("report_min", 99) + 1
    if strong and best not in ("court", "anniversary") and not title_in_domain:
        return None
    protects = lex.cues[best].get("lead_protects")
    # any clear act protects unless the headline says what the text is ("Review: ... war film");
    # acts of listed types (a protest marking an anniversary) protect whatever the headline says
    in_domain = title_scores[best] >= lex.cues[best].get("sentence_min", 99)
    if (protects is not True or not in_domain) and _lead_protects(lex, ana, protects, all_toks, best):
        return None
    LOGGER.debug("report vetoed by negative cue %s (score %.1f)", best, best_score)
    return best


#: weight of a lexicon act in the first sentence that keeps a lead_protects cue from vetoing
LEAD_ACT = 0.8


def _lead_protects(lex: Lexicon, ana: Analysis, types, all_toks, cue: str = "") -> bool:
    """Does the first body sentence (after a headline line) tell a clear act (a lexicon act of
    weight >= LEAD_ACT, of one of `types` event types when a list is given)? A detective "shot four
    times while coaching a youth football team" is news, whatever the rest says of football.
    `types` "clean": any clear act, in a first sentence with none of the cue's own words (police
    who "stormed the homes of two opposition leaders", the court case told further down; not a
    court that "sentenced five men for the 2015 bombing")."""
    if not types or not ana.sentences:
        return False
    title = (ana.document.title or "").strip()
    first = ana.sentences[1 if title and ana.sentences[0].text.strip() == title and len(ana.sentences) > 1 else 0]
    toks = [t for t in all_toks if first.start <= t.start < first.end]
    if types == "clean":
        if list(lex.cue_hits(cue, toks)):
            return False
        types = True
    for _, _, entry in _drop_contained(search(lex.automaton, toks, lex.streams(toks))):
        if entry.weight < LEAD_ACT or not entry.sub_event_type:
            continue
        if types is True or SUB_TO_TYPE.get(entry.sub_event_type) in types:
            return True
    return False


def _casualties(lang: str, text: str) -> bool:
    """Does the text tell of people killed or injured (the fatality lexicon's death and injury words)?"""
    from ..howmany.fatality_lexicon import _pats

    pats = _pats(lang)
    return bool(pats["killed"].search(text) or pats["injured"].search(text))


def _in_cue_scope(lex: Lexicon, cue: str, tokens, root) -> bool:
    """Does a cue word govern the trigger ("marking the anniversary of the 2015 bombing"), or is it
    the subject of a verb that does ("a vigil was held for the victims of the attack")? A protest
    that marks an anniversary is still a protest; only what is commemorated is vetoed."""
    ids = set()
    for anc in root.ancestors:
        ids.add(anc.i)
        ids.update(t.i for c in anc.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    scoped = [t for t in tokens if t.sp is not None and t.sp.i in ids]
    return bool(list(lex.cue_hits(cue, scoped)))


def _sentence_cues(lex: Lexicon, ana: Analysis, sent, sent_toks) -> list[str]:
    """The cues the sentence itself scores (their words and patterns, the year), in lexicon order."""
    sent_streams = lex.streams(sent_toks)
    out = []
    for cue, spec in lex.cues.items():
        if _cue_score(lex, cue, sent_toks, sent.text, sent_streams) < spec.get("sentence_min", 99):
            continue
        if spec.get("past_year") and not _past_year(sent.text, report_year(ana)):
            continue
        out.append(cue)
    return out


def _sentence_cue(lex: Lexicon, ana: Analysis, sent, sent_toks, root, tokens, first, last,
                  memo: Optional[dict] = None) -> Optional[str]:
    """memo: the sentences' `_sentence_cues` already worked out (by sentence index), for the
    other triggers of a sentence."""
    cues = memo.get(sent.index) if memo is not None else None
    if cues is None:
        cues = _sentence_cues(lex, ana, sent, sent_toks)
        if memo is not None:
            memo[sent.index] = cues
    for cue in cues:
        spec = lex.cues[cue]
        if spec.get("role") == "scope" and root is not None and not _in_cue_scope(lex, cue, tokens, root):
            continue
        if spec.get("role") == "subject":
            lo = sent_toks[0].index if sent_toks else 0
            hi = sent_toks[-1].index + 1 if sent_toks else 0
            agent = _role_tokens(tokens, first, last, root, "agent", (lo, hi))
            if not list(lex.cue_hits(cue, agent)):
                continue
        return cue
    return None


# ------------------------------------------------------------------ public


# languages that write common nouns in lower case inside a sentence (and headlines in sentence case)
_CASED_NAMES = ("fr", "es", "ru")
_NAME_LINKS = frozenset({"de", "del", "de la", "d", "des", "du", "la", "el", "'"})


def _in_proper_name(text: str, tokens, first: int, sent_first: int) -> bool:
    """A capitalised lexicon word inside a sentence, after a capitalised word (across "de", "del"):
    part of a name ("Batallón de Artillería", "Brigade d'Artillerie", "Бригада Ракетных войск")."""
    word = text[tokens[first].start:tokens[first].end]
    if first <= sent_first or not word[:1].isupper() or word.isupper():
        return False
    i = first - 1
    while i > sent_first and tokens[i].lower in _NAME_LINKS:
        i -= 1
    prev = text[tokens[i].start:tokens[i].end]
    return i < first - 1 and prev[:1].isupper() and prev.isalpha()


def find_triggers(ana: Analysis) -> list[Trigger]:
    """All trigger words/phrases of the document, with context flags, sorted by offset.

    Args:
        ana (Analysis): the analysed document (`nlp.analyse`).
    Returns:
        list[Trigger]: spans are exact document offsets; `negative_cue` is set from the sentence or,
        for every trigger, from the report-level veto (`report_cue`).
    """
    lex = load_lexicon(ana.lang)
    tokens = tokens_of(ana.text, lex, ana.spacy_doc)
    if not tokens:
        return []
    report_level = report_cue(ana)
    year = ana.anchor_date.year if ana.anchor_date else None
    sent_of_tok = [ana.sentence_at(t.start).index for t in tokens]
    sent_ranges: dict[int, tuple[int, int]] = {}
    for i, s in enumerate(sent_of_tok):
        lo, hi = sent_ranges.get(s, (i, i + 1))
        sent_ranges[s] = (min(lo, i), max(hi, i + 1))
    triggers: list[Trigger] = []
    sentence_cues: dict[int, list[str]] = {}
    for first, last, payload in _drop_contained(search(lex.automaton, tokens, lex.streams(tokens))):
        root = _span_root(tokens, first, last)
        s_idx = sent_of_tok[first]
        rng = sent_ranges[s_idx]
        if lex.lang in _CASED_NAMES and _in_proper_name(ana.text, tokens, first, rng[0]):
            continue  # "el Batallón de Artillería de Campaña N.° 18": a unit's name, not artillery fire
        sub, score, confirmed = payload.sub_event_type, payload.weight, []
        if payload.group:
            sub, confirmed = _resolve(lex, payload, tokens, first, last, root, rng)
            if sub is None:
                continue
            score = min(0.95, score + (lex.context_boost if confirmed else 0.0))
        if payload.kind == "weapon" and _weapon_linked(lex, tokens, first, last, root):
            score = min(0.9, score + lex.weapon_boost)
        if SUB_TO_TYPE[sub] == "Explosions/Remote violence" and _disrupted(lex, tokens, first, last, root):
            sub, score = "Disrupted weapons use", min(score, 0.8)
        start, end = tokens[first].start, tokens[last].end
        sent = ana.sentences[s_idx]
        cue = report_level or _sentence_cue(lex, ana, sent, tokens[rng[0]:rng[1]], root, tokens, first, last,
                                            sentence_cues)
        if cue is None and sub != "Peaceful protest" and _protest_topic(lex, root):
            cue = "protest_topic"
        if cue is None and (is_generic(lex.generic, root, payload.kind) or past_year_modifier(root, year)
                            or (sub == "Agreement" and refers_to_agreement(root, lex.generic))):
            cue = "generic"
        if cue is None and first == last and root is not None and root.tag_ == "VBN" and (
                root.dep_ == "amod" or (root.dep_ == "acl" and SUB_TO_TYPE[sub] == "Strategic developments")):
            cue = "reference"  # "rescue the kidnapped schoolchildren", "troops deployed under the mission"
        # "drove tractors into Brussels to protest": the purpose of a march is the protest itself
        hypothetical = _is_hypothetical(lex, tokens, first, last, root) or \
            (is_purpose(root) and sub != "Peaceful protest")
        if hypothetical and SUB_TO_TYPE[sub] == "Strategic developments" and _declared(lex, root):
            hypothetical = False
        triggers.append(FoundTrigger(
            span=Span(start, end, ana.text[start:end]), sentence=s_idx,
            event_type=SUB_TO_TYPE[sub], sub_event_type=sub, score=round(score, 3),
            negated=_is_negated(lex, tokens, first, last, root),
            hypothetical=hypothetical,
            negative_cue=cue, definite=is_definite(root), head=root.i if root is not None else -1,
            civilian=_civilian_victims(lex, sub, confirmed, tokens, first, last, root, rng),
        ))
    triggers.sort(key=lambda t: (t.span.start, t.span.end))
    lead_not_anaphoric(triggers, ana.spacy_doc)
    LOGGER.debug("%d triggers in %s", len(triggers), ana.document.doc_id)
    return triggers
