"""An exact, faster matcher for a spaCy model's attribute ruler.

The English model's `attribute_ruler` (179 token patterns that fix POS, morphology and lemmas, e.g.
"'d" -> "would") runs spaCy's general `Matcher`, about an eighth of the whole parse of a short
report. Its patterns are fixed sequences of one or two tokens tested for equality or membership on
TAG, LOWER, DEP and IS_SPACE (and two regexes on LOWER); `install(nlp)` replaces the ruler's `match`
with a lookup indexed by each pattern's first token, which returns the same matches (same keys,
same spans, the same order), so `set_annotations` sets exactly what it set before. A model with a
pattern of another shape (an operator, another attribute) keeps spaCy's matcher.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Callable, Optional

LOGGER = logging.getLogger(__name__)

_ATTRS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_NONE: list = []


def _test(key: str, value: Any) -> Optional[Callable[[Any], bool]]:
    """A predicate on the token's value of `key`, or None for a spec this module does not cover."""
    if key == "IS_SPACE":
        return (lambda v, want=bool(value): v == want) if isinstance(value, bool) else None
    if isinstance(value, str):
        return lambda v, want=value: v == want
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list):
            return lambda v, want=frozenset(arg): v in want
        if op == "NOT_IN" and isinstance(arg, list):
            return lambda v, want=frozenset(arg): v not in want
        if op == "REGEX" and isinstance(arg, str):
            return lambda v, rx=re.compile(arg): rx.search(v) is not None
    return None


class _Index:
    """The ruler's patterns, by the first token's LOWER (equal or IN), else TAG, else tried everywhere."""

    def __init__(self, ruler) -> None:
        self.by_lower: dict[str, list] = {}
        self.by_tag: dict[str, list] = {}
        self.rest: list = []
        for i, spec in enumerate(ruler.patterns):
            key = ruler.vocab.strings[str(i)]
            for pattern in spec["patterns"]:
                tests = []
                for token in pattern:
                    checks = []
                    for name, value in token.items():
                        test = _test(name, value)
                        if name not in _ATTRS or test is None:
                            raise ValueError(f"unsupported attribute ruler pattern {pattern!r}")
                        checks.append((_ATTRS[name], test))
                    tests.append(tuple(checks))
                entry = (i, key, tuple(tests))
                first = pattern[0] if pattern else {}
                lower, tag = first.get("LOWER"), first.get("TAG")
                if isinstance(lower, str):
                    self.by_lower.setdefault(lower, []).append(entry)
                elif isinstance(lower, dict) and list(lower) == ["IN"]:
                    for word in dict.fromkeys(lower["IN"]):
                        self.by_lower.setdefault(word, []).append(entry)
                elif isinstance(tag, str):
                    self.by_tag.setdefault(tag, []).append(entry)
                elif isinstance(tag, dict) and list(tag) == ["IN"]:
                    for t in dict.fromkeys(tag["IN"]):
                        self.by_tag.setdefault(t, []).append(entry)
                else:
                    self.rest.append(entry)

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """(pattern group, its key, start, end) of every match, sorted as AttributeRuler.match sorts."""
        rows = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        n = len(rows)
        found = set()
        for j, row in enumerate(rows):
            for i, key, tests in self.by_lower.get(row[1], _NONE) + self.by_tag.get(row[0], _NONE) + self.rest:
                end = j + len(tests)
                if end <= n and all(test(rows[k][attr]) for k, checks in zip(range(j, end), tests)
                                    for attr, test in checks):
                    found.add((i, key, j, end))
        return sorted(found)


def install(nlp) -> bool:
    """Give the model's attribute ruler the indexed matcher (True), or leave it (False)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        index = _Index(ruler)
    except ValueError as exc:
        LOGGER.debug("attribute ruler keeps spaCy's matcher: %s", exc)
        return False
    ruler.match = index.match
    return True
