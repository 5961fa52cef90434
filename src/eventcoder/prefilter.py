"""The cheap lexicon prefilter: can a text hold an event trigger at all?

The coder emits nothing for a report without a trigger (`coder.Coder.code`), and triggers are
found only by the trigger lexicon's Aho-Corasick automaton over three token streams (lowercased
words, spaCy lemmas, guessed stems: `trigger_lexicon.Lexicon.streams`). The prefilter answers,
without the parse, whether any token could start a lexicon term in any of those streams:

- tokens come from the language model's own tokenizer (deterministic, the same tokens the parse
  would have), or from the lexicon's regex where a language has no model (the no-parse path);
- a token's forms are its lowercase, its guessed stem (the same as the stem stream) and every
  lemma the lemmatizer *could* give it under any part of speech (its exception tables and all its
  suffix rules, used or not): a superset of the lemma the parse would choose;
- a token is a candidate when one of its forms' pieces could begin a term: equal to the term's
  first piece, or, for `stem*` / `*suffix` terms, a prefix / suffix / infix match.

So "no candidate" is exact (the full coder would find no trigger and code no event; tested on
every dev-set report), and a candidate only means "parse it". Languages whose model
lemmatizes differently (French) are always candidates. `candidate_spans` gives the character
spans of the candidate tokens, for sentence-level decisions.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterator, Optional

from .extract.what.trigger_lexicon import _WORD, _guess_lemma, _pattern, _pieces, load_lexicon

#: languages whose model's lemmas the prefilter can bound (English lemmatizer: rules + exceptions)
BOUNDED_LEMMAS = ("en",)


@dataclass(frozen=True)
class _Heads:
    """Every trigger term as (first piece, the pieces after it), by how its first piece may match."""

    exact: dict  # " word ..." : a whole piece -> [(the other pieces, last piece open-ended?)]
    prefix: tuple  # " stem*" (one piece, open end): the piece starts with it
    suffix: tuple  # "*ending ..." (open start): the piece ends with it
    infix: tuple  # "*part*": anywhere in the piece

    def loose(self, piece: str) -> bool:
        """Could an open-ended term begin in this piece?"""
        return any(piece.startswith(p) for p in self.prefix) or any(piece.endswith(s) for s in self.suffix) \
            or any(i in piece for i in self.infix)


@functools.lru_cache(maxsize=None)
def _heads(lang: str) -> _Heads:
    lex = load_lexicon(lang)
    exact: dict[str, set] = {}
    prefix, suffix, infix = set(), set(), set()
    for entry in lex.entries:
        pattern, _ = _pattern(entry.term)
        body = pattern.strip(" ")
        if not body:
            continue
        pieces = body.split(" ")
        first = pieces[0]
        closed_start, closed_end = pattern.startswith(" "), pattern.endswith(" ")
        if closed_start and (closed_end or len(pieces) > 1):
            exact.setdefault(first, set()).add((tuple(pieces[1:]), not closed_end))
        elif closed_start:
            prefix.add(first)
        elif closed_end or len(pieces) > 1:
            suffix.add(first)
        else:
            infix.add(first)
    return _Heads({k: sorted(v) for k, v in exact.items()}, tuple(sorted(prefix)), tuple(sorted(suffix)),
                  tuple(sorted(infix)))


@functools.lru_cache(maxsize=None)
def _lemma_tables(lang: str) -> Optional[tuple]:
    """(exceptions word -> lemmas, suffix rules) of the model's rule lemmatizer, all parts of speech."""
    from .nlp import spacy_model

    nlp = spacy_model(lang)
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = nlp.get_pipe("lemmatizer").lookups
    exceptions: dict[str, set] = {}
    for table in lookups.get_table("lemma_exc", {}).values():
        for word, lemmas in table.items():
            exceptions.setdefault(word, set()).update(lemmas)
    rules = {(old, new) for table in lookups.get_table("lemma_rules", {}).values() for old, new in table}
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    for spec in (ruler.patterns if ruler is not None else []):  # "'d" -> "would", "me" -> "I"
        lemma = spec.get("attrs", {}).get("LEMMA")
        if not lemma:
            continue
        for pattern in spec.get("patterns", []):
            for tok in pattern:
                word = tok.get("LOWER") or tok.get("ORTH") or tok.get("TEXT")
                if isinstance(word, str):
                    exceptions.setdefault(word.lower(), set()).add(lemma)
    return exceptions, tuple(sorted(rules))


@functools.lru_cache(maxsize=200_000)
def _forms(word: str, lang: str) -> frozenset:
    """The pieces of every form the token (lowercased) can take in a stream: itself, its guessed stem
    and every lemma the lemmatizer could give it."""
    lex = load_lexicon(lang)
    forms = {word, _guess_lemma(word, lex.vocab)}
    tables = _lemma_tables(lang)
    if tables is not None:
        exceptions, rules = tables
        forms.update(exceptions.get(word, ()))
        forms.update(word[: len(word) - len(old)] + new for old, new in rules if word.endswith(old))
    return frozenset(piece for form in forms for piece in (_pieces(form) or [form.lower()]))


@functools.lru_cache(maxsize=200_000)
def _loose(piece: str, lang: str) -> bool:
    return _heads(lang).loose(piece)


@functools.lru_cache(maxsize=200_000)
def _starts(word: str, lang: str) -> tuple[bool, tuple]:
    """What a token (lowercased) may begin: (some piece of its forms could begin an open-ended
    term, the (other pieces, open end?) of every term whose first piece is one of its pieces)."""
    heads = _heads(lang)
    pieces = _forms(word, lang)
    return (any(_loose(piece, lang) for piece in pieces),
            tuple(entry for piece in pieces for entry in heads.exact.get(piece, ())))


def _iter_candidates(words: list[str], lang: str) -> Iterator[int]:
    """Indexes of the tokens where a trigger term could begin, in order.

    A term of n pieces spans at most n tokens (every token gives a stream at least one piece), so
    its other pieces must be pieces of the forms of the next n - 1 tokens (or of the same token).
    """
    forms: dict[int, frozenset] = {}

    def form(k: int) -> frozenset:
        if k not in forms:
            forms[k] = _forms(words[k], lang)
        return forms[k]

    for i, word in enumerate(words):
        loose, entries = _starts(word, lang)
        if loose:
            yield i
            continue
        for rest, open_end in entries:
            window = set().union(*(form(k) for k in range(i, min(i + len(rest) + 1, len(words)))))
            if all(r in window for r in rest[:-1] if rest) and (
                    not rest or rest[-1] in window or open_end and any(w.startswith(rest[-1]) for w in window)):
                yield i
                break


def _candidates(words: list[str], lang: str) -> list[int]:
    """Indexes of the tokens where a trigger term could begin (`_iter_candidates`)."""
    return list(_iter_candidates(words, lang))


def _tokens(text: str, lang: str, tokens=None) -> list[tuple[int, int, str]]:
    """(start, end, lowercase) of each token: the model's tokenizer (`tokens`: its Doc of `text`
    when already made), else the lexicon's regex."""
    from .nlp import spacy_model

    if tokens is None:
        nlp = spacy_model(lang)
        if nlp is None:
            return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
        tokens = nlp.tokenizer(text)
    return [(t.idx, t.idx + len(t.text), t.lower_) for t in tokens if not t.is_space]


def bounded(lang: str) -> bool:
    """Can the prefilter rule a text of this language out? (False: every text is a candidate.)"""
    from .nlp import spacy_model

    return lang in BOUNDED_LEMMAS or spacy_model(lang) is None


def candidate_spans(text: str, lang: str, tokens=None) -> list[tuple[int, int]]:
    """Character spans of the tokens where a trigger could begin, in text order.

    For a language the prefilter cannot bound (`bounded` is False) the whole text is one span.
    tokens: the model's tokenizer's Doc of `text` when already made (`nlp.prepare`).
    """
    if not bounded(lang):
        return [(0, len(text))] if text else []
    toks = _tokens(text, lang, tokens)
    return [toks[i][:2] for i in _candidates([low for _, _, low in toks], lang)]


def has_candidate(text: str, lang: str, tokens=None) -> bool:
    """False only when no trigger can be found in `text` (the coder would code no event); stops
    at the first candidate. tokens: as for `candidate_spans`."""
    if not bounded(lang):
        return bool(text)
    toks = _tokens(text, lang, tokens)
    return next(_iter_candidates([low for _, _, low in toks], lang), None) is not None
