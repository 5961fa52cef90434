"""Exact, faster stand-ins for two Python-heavy pipes of a spaCy model: the attribute ruler's
matcher and the rule lemmatizer's loop.

The English model's `attribute_ruler` (179 token patterns that fix POS, morphology and lemmas, e.g.
"'d" -> "would") runs spaCy's general `Matcher`, about an eighth of the whole parse of a short
report. Its patterns are fixed sequences of one or two tokens tested for equality or membership on
TAG, LOWER, DEP and IS_SPACE (and two regexes on LOWER); `install(nlp)` replaces the ruler's `match`
with a lookup indexed by each pattern's first token, which returns the same matches (same keys,
same spans, the same order), so `set_annotations` sets exactly what it set before. A model with a
pattern of another shape (an operator, another attribute) keeps spaCy's matcher.

The rule lemmatizer asks every token for its lemma in a Python loop; a token's lemma depends only
on its word, POS and morphology (spaCy caches it under that key), so `install` also gives it a
loop over `Doc.to_array` with its own cache, which sets the very same lemmas.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Callable, Optional

LOGGER = logging.getLogger(__name__)

_ATTRS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_NONE: list = []


def _test(key: str, value: Any, strings) -> Optional[Callable[[int], bool]]:
    """A predicate on the token's value of `key` as `Doc.to_array` gives it (a string's hash in
    `strings`, 0/1 for IS_SPACE), or None for a spec this module does not cover."""
    if key == "IS_SPACE":
        return (lambda v, want=bool(value): v == want) if isinstance(value, bool) else None
    if isinstance(value, str):
        return lambda v, want=strings[value]: v == want
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list):
            return lambda v, want=frozenset(strings[a] for a in arg): v in want
        if op == "NOT_IN" and isinstance(arg, list):
            return lambda v, want=frozenset(strings[a] for a in arg): v not in want
        if op == "REGEX" and isinstance(arg, str):
            rx, seen = re.compile(arg), {}

            def search(v: int) -> bool:  # the string of a hash, searched once per hash
                if v not in seen:
                    seen[v] = rx.search(strings[v]) is not None
                return seen[v]
            return search
    return None


class _Index:
    """The ruler's patterns, by the first token's LOWER (equal or IN), else TAG (equal or IN), else
    DEP (equal), else IS_SPACE (true), else tried everywhere;
    every value compared as its hash in the string store (`Doc.to_array`), as spaCy's matcher does."""

    def __init__(self, ruler) -> None:
        strings = ruler.vocab.strings
        self.by_lower: dict[int, list] = {}
        self.by_tag: dict[int, list] = {}
        self.by_dep: dict[int, list] = {}
        self.space: list = []  # first token IS_SPACE
        self.rest: list = []
        for i, spec in enumerate(ruler.patterns):
            key = strings[str(i)]
            for pattern in spec["patterns"]:
                tests = []
                for token in pattern:
                    checks = []
                    for name, value in token.items():
                        test = _test(name, value, strings) if name in _ATTRS else None
                        if test is None:
                            raise ValueError(f"unsupported attribute ruler pattern {pattern!r}")
                        checks.append((_ATTRS[name], test))
                    tests.append(tuple(checks))
                entry = (i, key, tuple(tests))
                first = pattern[0] if pattern else {}
                lower, tag, dep = first.get("LOWER"), first.get("TAG"), first.get("DEP")
                if isinstance(lower, str):
                    self.by_lower.setdefault(strings[lower], []).append(entry)
                elif isinstance(lower, dict) and list(lower) == ["IN"]:
                    for word in dict.fromkeys(lower["IN"]):
                        self.by_lower.setdefault(strings[word], []).append(entry)
                elif isinstance(tag, str):
                    self.by_tag.setdefault(strings[tag], []).append(entry)
                elif isinstance(tag, dict) and list(tag) == ["IN"]:
                    for t in dict.fromkeys(tag["IN"]):
                        self.by_tag.setdefault(strings[t], []).append(entry)
                elif isinstance(dep, str):
                    self.by_dep.setdefault(strings[dep], []).append(entry)
                elif first.get("IS_SPACE") is True:
                    self.space.append(entry)
                else:
                    self.rest.append(entry)

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """(pattern group, its key, start, end) of every match, sorted as AttributeRuler.match sorts."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        if not len(doc):
            return []
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        n = len(rows)
        found = set()
        by_lower, by_tag, by_dep, space, rest = self.by_lower, self.by_tag, self.by_dep, self.space, self.rest
        for j, row in enumerate(rows):
            for i, key, tests in by_lower.get(row[1], _NONE) + by_tag.get(row[0], _NONE) + \
                    by_dep.get(row[2], _NONE) + (space if row[3] else _NONE) + rest:
                end = j + len(tests)
                if end <= n and all(test(rows[k][attr]) for k, checks in zip(range(j, end), tests)
                                    for attr, test in checks):
                    found.add((i, key, j, end))
        return sorted(found)


def _set_annotations(ruler):
    """`AttributeRuler.set_annotations` without a Span per match: the same `set_token_attrs` on the
    same token in the same order; a match whose index falls outside it goes to spaCy's own method
    (which raises its error)."""
    from spacy.tokens._retokenize import set_token_attrs

    original = ruler.set_annotations

    def set_annotations(doc, matches):
        targets = []
        for attr_id, _match_id, start, end in matches:
            index = ruler.indices[attr_id]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                return original(doc, matches)
            targets.append((at, ruler.attrs[attr_id]))
        for at, attrs in targets:
            set_token_attrs(doc[at], attrs)

    return set_annotations


class _Lemmas:
    """`Lemmatizer.__call__` for a rule lemmatizer that does not overwrite: a lemma per (word, POS,
    morphology), computed once by the lemmatizer itself."""

    def __init__(self, lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:  # set by the attribute ruler: kept, as the lemmatizer keeps it
                continue
            key = (orth, pos, morph)
            found = self.cache.get(key)
            if found is None:
                found = self.cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def _install_lemmatizer(nlp) -> bool:
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return False
    lemmatizer._validate_tables()
    fast = _Lemmas(lemmatizer)
    cls = type(lemmatizer)
    # spaCy calls a pipe as proc(doc) (and Pipe.pipe does too): the instance gets a subclass whose
    # __call__ is the array loop
    lemmatizer.__class__ = type(f"Fast{cls.__name__}", (cls,), {"__call__": lambda self, doc: fast(doc)})
    return True


def install(nlp) -> bool:
    """Give the model's attribute ruler the indexed matcher and its rule lemmatizer the array loop;
    True when the attribute ruler got it (a pipe this module does not cover is left as it is)."""
    lemmas = _install_lemmatizer(nlp)
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        index = _Index(ruler)
    except ValueError as exc:
        LOGGER.debug("attribute ruler keeps spaCy's matcher: %s", exc)
        return False
    ruler.match = index.match
    ruler.set_annotations = _set_annotations(ruler)
    LOGGER.debug("attribute ruler indexed; lemmatizer loop %s", "replaced" if lemmas else "kept")
    return True
