"""Load and validate `lexicons/<lang>/triggers.yaml`; tokens and Aho-Corasick search over them.

The YAML format is documented at the top of `data/lexicons/en/triggers.yaml`. A language without
its own file falls back to English. Matching runs over two token streams: lowercased words and
(English) lemmas, each word separated by one space, so a pattern " drone strike " only matches
whole words; `*` at a term's end/start drops that boundary (stems, Arabic clitics).
"""
from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from typing import Any, Iterable, Optional

import ahocorasick

from ... import morph
from ...errors import DataFileError
from ...resources import data_path, load_yaml
from ...schema import SUB_TO_TYPE

LOGGER = logging.getLogger(__name__)

_WORD = re.compile(r"[\w\u064B-\u0652\u0640]+|[^\w\s]")
_POS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN"}


@dataclass
class Token:
    index: int
    start: int
    end: int
    lower: str
    lemma: str
    pos: Optional[str] = None
    sp: Any = None  # the spaCy token when there is a parse
    stem: str = ""  # crude suffix-stripped form the lexicon knows (covers lemmatizer slips)


@dataclass(frozen=True)
class Entry:
    """One lexicon term: what it signals and how strongly."""

    term: str
    weight: float
    sub_event_type: Optional[str] = None  # None for `resolve` groups and cues
    group: Optional[str] = None  # resolve group, or cue name
    kind: str = "act"  # act | weapon | resolve | cue | context
    pos: Optional[str] = None


_ARABIC_MARKS = re.compile("[\u064B-\u0652\u0640]")  # harakat and tatweel: قُتل -> قتل


@functools.lru_cache(maxsize=1 << 16)
def _pieces(text: str) -> tuple[str, ...]:
    """The words and signs of `text`, lowercased (memoised: the streams ask for every token's word,
    lemma and stem, document after document)."""
    return tuple(_WORD.findall(_ARABIC_MARKS.sub("", text.lower()).replace("ё", "е")))


@functools.lru_cache(maxsize=None)
def _pattern(term: str) -> tuple[str, Optional[str]]:
    """Normalised search pattern of a term and its POS constraint."""
    pos = None
    if "/" in term and term.rsplit("/", 1)[1].upper() in _POS:
        term, pos = term.rsplit("/", 1)
        pos = pos.upper()
    lead, trail = term.startswith("*"), term.endswith("*")
    body = " ".join(_pieces(term.strip("*")))
    return ("" if lead else " ") + body + ("" if trail else " "), pos


def _automaton(entries: Iterable[Entry]):
    table: dict[str, list[Entry]] = {}
    for e in entries:
        pattern, _ = _pattern(e.term)
        table.setdefault(pattern, []).append(e)
    auto = ahocorasick.Automaton()
    for pattern, es in table.items():
        auto.add_word(pattern, (pattern, tuple(es)))
    if table:
        auto.make_automaton()
    return auto if table else None


def search(automaton, tokens: list[Token], streams) -> list[tuple[int, int, Entry]]:
    """(first token, last token, entry) for every term found, POS-checked where parsed."""
    if automaton is None:
        return []
    found: dict[tuple[int, int, int], tuple[int, int, Entry]] = {}
    # stream owners are Token.index values (document positions); `tokens` may be one sentence's slice
    by_index = {t.index: t for t in tokens}
    for stream, owner in streams:
        for end_pos, (pattern, entries) in automaton.iter(stream):
            start_pos = end_pos - len(pattern) + 1
            first = owner[start_pos + 1] if pattern.startswith(" ") else owner[start_pos]
            last = owner[end_pos - 1] if pattern.endswith(" ") else owner[end_pos]
            if first < 0 or last < 0:
                continue
            for e in entries:
                pos = _pattern(e.term)[1]
                tok = by_index.get(first)
                if pos and first == last and tok is not None and tok.pos and tok.pos != pos:
                    continue
                found[(first, last, id(e))] = (first, last, e)
    return sorted(found.values(), key=lambda m: (m[0], m[1]))


class Lexicon:
    """The parsed triggers.yaml of one language."""

    def __init__(self, data: dict, relpath: str):
        self.relpath = relpath
        self.lang = data.get("lang", "en")
        self.match = data.get("match", "surface")
        self.weapon_boost = float(data.get("weapon_boost", 0.3))
        self.context_boost = float(data.get("context_boost", 0.0))
        self.lead = int(data.get("lead", 3))
        # "frapp*" -> "frapp*" (a stem: any ending), "*قصف*" -> "قصف*"; the stars are no part of the word
        self.attack_verbs = frozenset(" ".join(_pieces(v.strip("*"))) + ("*" if v.endswith("*") else "")
                                      for v in data.get("attack_verbs", []))
        self.negation = {"words": [], "deny": [], "window": 3, **(data.get("negation") or {})}
        self.hypothetical = {"modals": [], "intention": [], "nouns": [], "conditional": [],
                             "window": 4, **(data.get("hypothetical") or {})}
        topic = data.get("protest_topic") or {}
        self.topic_heads = frozenset(" ".join(_pieces(w)) for w in topic.get("heads", []))
        self.topic_preps = frozenset(topic.get("preps", []))
        self.topic_verbs = frozenset(topic.get("verbs", []))
        self.disrupts = frozenset(" ".join(_pieces(w)) for w in data.get("disrupts", []) if not w.endswith("*"))
        #: "сбил*", "désamorc*": disruption verbs given as stems (languages matched without a parse)
        self.disrupt_stems = tuple(w[:-1].lower() for w in data.get("disrupts", []) if w.endswith("*"))
        self.generic = {k: frozenset(str(w).lower() for w in v or [])
                        for k, v in (data.get("generic") or {}).items()}
        for section in (self.negation, self.hypothetical):
            for key, words in section.items():
                if isinstance(words, list) and not all(isinstance(w, str) for w in words):
                    self._fail(f"{key}: every word must be a string; quote YAML keywords such as "
                               f'"no", "yes", "on", "off" (got {words!r})')
        self.context = {k: dict(v) for k, v in (data.get("context") or {}).items()}
        self.resolve = data.get("resolve") or {}
        self.cues = {k: dict(v) for k, v in (data.get("negative_cues") or {}).items()}
        entries = []
        for sub, spec in (data.get("sub_event_types") or {}).items():
            if sub not in SUB_TO_TYPE:
                self._fail(f"unknown sub-event type {sub!r}; use one of schema.SUB_EVENT_TYPES")
            for kind in ("acts", "weapons"):
                for term, w in ((spec or {}).get(kind) or {}).items():
                    entries.append(Entry(str(term), self._weight(term, w), sub_event_type=sub,
                                         kind="weapon" if kind == "weapons" else "act"))
        for group, spec in self.resolve.items():
            for rule in spec.get("rules", []):
                then = rule.get("then")
                if then is not None and then not in SUB_TO_TYPE:
                    self._fail(f"resolve.{group}: unknown sub-event type {then!r}")
                for ctx in rule.get("if", []):
                    if ctx not in self.context:
                        self._fail(f"resolve.{group}: context group {ctx!r} is not defined under context:")
            for term, w in (spec.get("terms") or {}).items():
                entries.append(Entry(str(term), self._weight(term, w), group=group, kind="resolve"))
        for spec in self.context.values():
            spec["_phrases"] = [tuple(_pieces(w)) for w in spec.get("words", [])]
        self.cue_automata = {}
        for cue, spec in self.cues.items():
            spec["_patterns"] = [re.compile(p, re.IGNORECASE) for p in spec.get("patterns", [])]
            not_with = spec.get("not_with")  # words in the title or lead that keep the cue from vetoing
            spec["_not_with"] = re.compile(r"\b(?:" + "|".join(map(re.escape, not_with)) + r")\b", re.IGNORECASE) \
                if not_with else None
            self.cue_automata[cue] = _automaton(
                Entry(str(t), float(w), group=cue, kind="cue") for t, w in (spec.get("terms") or {}).items())
        self.entries = entries
        self.vocab = frozenset(p for e in entries for p in _pieces(e.term.split("/")[0].strip("*")))
        self.automaton = _automaton(entries)

    def is_disrupt_word(self, word: str) -> bool:
        """Is the word (a lemma, or two joined by a space) one of `disrupts`, or does it start with
        one of its stems?"""
        return word in self.disrupts or any(word.startswith(s) for s in self.disrupt_stems)

    def is_attack_verb(self, tok: Token) -> bool:
        """Is the token one of `attack_verbs` ("stem*" entries match any ending)?"""
        for verb in self.attack_verbs:
            if verb.endswith("*") and (tok.lower.startswith(verb[:-1]) or tok.lemma.startswith(verb[:-1])):
                return True
        return tok.lemma in self.attack_verbs or tok.lower in self.attack_verbs

    def _fail(self, message: str):
        raise DataFileError(f"E103 data/{self.relpath}: {message}")

    def _weight(self, term, w) -> float:
        try:
            w = float(w)
        except (TypeError, ValueError):
            self._fail(f"weight of {term!r} must be a number 0-1, got {w!r}")
        if not 0 < w <= 1:
            self._fail(f"weight of {term!r} must be in (0, 1], got {w}")
        return w

    # -------------------------------------------------------------- streams and phrase checks

    def streams(self, tokens: list[Token]):
        """The word stream and (when different) the lemma stream, each with a char->token map."""
        unique, seen = [], set()
        for attr in ("lower", "lemma", "stem"):
            pieces = [(t.index, _pieces(v) or (v,)) for t in tokens for v in (getattr(t, attr),)]
            text = " " + "".join([p + " " for _, ps in pieces for p in ps])
            if text in seen:  # the same stream as the words' (most lemmas are the word): kept once
                continue
            seen.add(text)
            owner = [-1]
            for index, ps in pieces:
                for p in ps:
                    owner += [index] * len(p)
                    owner.append(-1)
            unique.append((text, owner))
        return unique

    def phrases_in(self, phrases: list[tuple[str, ...]], tokens: list[Token]) -> bool:
        """Does any phrase occur (as lemmas or words) in the token sequence?"""
        by_first = self._by_first(phrases)
        if not by_first:
            return False
        for seq in ([t.lower for t in tokens], [t.lemma for t in tokens]):
            for i, word in enumerate(seq):
                for ph in by_first.get(word, ()):
                    if tuple(seq[i:i + len(ph)]) == ph:
                        return True
        return False

    def _by_first(self, phrases) -> dict:
        """The phrases (non-empty tuples of words) by their first word, made once per phrase list
        (the list is held with its index, so its id is never another list's)."""
        memo = self.__dict__.setdefault("_phrase_index", {})
        held = memo.get(id(phrases))
        if held is None or held[0] is not phrases:
            index: dict[str, list] = {}
            for ph in phrases:
                if isinstance(ph, tuple) and ph:  # a list never equals a tuple of n-grams: never found
                    index.setdefault(ph[0], []).append(ph)
            if len(memo) >= 256:  # lists made for one call (never asked again) are let go
                memo.clear()
            held = memo[id(phrases)] = (phrases, index)
        return held[1]

    def cue_hits(self, cue: str, tokens: list[Token], streams=None) -> Iterable[float]:
        """Weights of the distinct cue terms found in the tokens (`streams`: precomputed `streams(tokens)`)."""
        seen = {}
        if tokens:
            streams = streams or self.streams(tokens)
            if cue in self._cues_in(streams):  # else no term of the cue occurs at all: nothing to find
                for _, _, e in search(self.cue_automata.get(cue), tokens, streams):
                    seen[e.term] = e.weight
        return seen.values()

    def _cues_in(self, streams) -> frozenset:
        """The cues with a term anywhere in `streams` (one pass of an automaton of every cue's terms,
        remembered for the last streams asked: callers score every cue on the same streams)."""
        memo = self.__dict__.get("_cues_memo")
        if memo is not None and memo[0] is streams:  # the very object, held by the memo
            return memo[1]
        auto = self.__dict__.get("_all_cues")
        if auto is None:
            table: dict[str, set] = {}
            for cue, spec in self.cues.items():
                for term in (spec.get("terms") or {}):
                    table.setdefault(_pattern(str(term))[0], set()).add(cue)
            auto = ahocorasick.Automaton()
            for pattern, cues in table.items():
                auto.add_word(pattern, frozenset(cues))
            if table:
                auto.make_automaton()
            auto = self.__dict__["_all_cues"] = auto if table else False
        present: set = set()
        if auto:
            for stream, _ in streams:
                for _, cues in auto.iter(stream):
                    present |= cues
        self.__dict__["_cues_memo"] = (streams, frozenset(present))
        return self.__dict__["_cues_memo"][1]


@functools.lru_cache(maxsize=1 << 17)
def _guess_lemma(word: str, vocab: frozenset) -> str:
    """Crude English lemma for the no-parse path (and lemmatizer slips such as graves -> "graf"):
    strip an inflection suffix when the lexicon knows the result."""
    if word in vocab:
        return word
    rules = (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
             ("ing", ""), ("ing", "e"))
    for suffix, add in rules:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            cand = word[: -len(suffix)] + add
            if cand in vocab:
                return cand
            if suffix in ("ed", "ing") and len(cand) > 3 and cand[-1] == cand[-2] and cand[:-1] in vocab:
                return cand[:-1]  # "shelled" is fine, "stopped" -> "stop"
    return word


class TokenList(list):
    """The tokens of a document, with the parse's token index -> Token map built once."""

    _by_sp: Optional[dict] = None

    def by_sp(self) -> dict:
        if self._by_sp is None:
            self._by_sp = {t.sp.i: t for t in self if t.sp is not None}
        return self._by_sp


def tokens_of(text: str, lex: Lexicon, spacy_doc=None) -> list[Token]:
    """Tokens of `text` (document offsets): from the parse when there is one, else by regex."""
    if spacy_doc is not None:
        return TokenList(_parsed_tokens(spacy_doc, lex))
    out = []
    for i, m in enumerate(_WORD.finditer(text)):
        low = m.group().lower()
        lemma = _guess_lemma(low, lex.vocab) if lex.match == "lemma" else \
            morph.lemma(lex.lang, low) if lex.match == "morph" else low
        out.append(Token(i, m.start(), m.end(), low, lemma, stem=lemma))
    return out


@functools.lru_cache(maxsize=8)
def _parsed_tokens(spacy_doc, lex: Lexicon) -> tuple[Token, ...]:
    """The tokens of a parse (memoised for the last few parses: the report cue and the trigger
    search both read the document's; each caller gets its own list)."""
    out, vocab = [], lex.vocab
    for t in spacy_doc:
        if t.is_space:
            continue
        word, idx = t.text, t.idx
        low = word.lower()
        out.append(Token(len(out), idx, idx + len(word), low, t.lemma_.lower(), t.pos_, t, _guess_lemma(low, vocab)))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """The trigger lexicon of `lang` (English when the language has none), validated and cached."""
    relpath = f"lexicons/{lang}/triggers.yaml"
    if not data_path(relpath).is_file():
        LOGGER.debug("no trigger lexicon for %r; using English", lang)
        relpath = "lexicons/en/triggers.yaml"
    data = load_yaml(relpath)
    if not isinstance(data, dict):
        raise DataFileError(f"E103 data/{relpath}: expected a mapping at the top level")
    return Lexicon(data, relpath)
