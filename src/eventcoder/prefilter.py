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
from typing import Optional

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


def _candidates(words: list[str], lang: str) -> list[int]:
    """Indexes of the tokens where a trigger term could begin.

    A term of n pieces spans at most n tokens (every token gives a stream at least one piece), so
    its other pieces must be pieces of the forms of the next n - 1 tokens (or of the same token).
    """
    heads = _heads(lang)
    forms = [_forms(w, lang) for w in words]
    out = []
    for i, pieces in enumerate(forms):
        hit = False
        for piece in pieces:
            if _loose(piece, lang):
                hit = True
            for rest, open_end in heads.exact.get(piece, ()):
                window = set().union(*forms[i:i + len(rest) + 1])
                if all(r in window for r in rest[:-1] if rest) and (
                        not rest or rest[-1] in window or open_end and any(w.startswith(rest[-1]) for w in window)):
                    hit = True
                    break
            if hit:
                break
        if hit:
            out.append(i)
    return out


def _tokens(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, lowercase) of each token: the model's tokenizer, else the lexicon's regex."""
    from .nlp import spacy_model

    nlp = spacy_model(lang)
    if nlp is None:
        return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
    return [(t.idx, t.idx + len(t.text), t.lower_) for t in nlp.tokenizer(text) if not t.is_space]


def bounded(lang: str) -> bool:
    """Can the prefilter rule a text of this language out? (False: every text is a candidate.)"""
    from .nlp import spacy_model

    return lang in BOUNDED_LEMMAS or spacy_model(lang) is None


def candidate_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of the tokens where a trigger could begin, in text order.

    For a language the prefilter cannot bound (`bounded` is False) the whole text is one span.
    """
    if not bounded(lang):
        return [(0, len(text))] if text else []
    toks = _tokens(text, lang)
    return [toks[i][:2] for i in _candidates([low for _, _, low in toks], lang)]


def has_candidate(text: str, lang: str) -> bool:
    """False only when no trigger can be found in `text` (the coder would code no event)."""
    return bool(candidate_spans(text, lang))
