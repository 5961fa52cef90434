"""Numbers in news text: digits, number words (en/fr/es/ar/ru) and vague quantifiers.

The words live in `data/lexicons/<lang>/number_words.tsv` (columns `word`, `value`, `kind`):

- `unit` words add ("twenty" + "one", "dix" + "huit", "doscientos" + "cinco");
- `scale` words multiply what precedes them ("two thousand", "trois cents");
- `joiner` words may sit between parts and are ignored ("one hundred and five", "vingt et un");
- `vague` phrases stand alone and carry the coding convention of codebook §5 and the dev-set
  README: "a dozen"/"dozens" → 12, "scores" → 20, "tens" → 10, "hundreds" → 100,
  "thousands" → 1000, "several"/"a few"/"a number of"/"many" → 3 (the project default).

`phrase_pattern` is shared with the date and fatality extractors: it turns a lexicon phrase
into a regex that tolerates any run of whitespace and, for Arabic, short-vowel marks and a
leading conjunction "و".
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Optional

from ..resources import load_tsv

#: Arabic short vowels, shadda, sukun, dagger alif and tatweel: ignored when matching.
ARABIC_MARKS = "\u064B-\u065F\u0670\u0640"
_MARKS_RE = re.compile(f"[{ARABIC_MARKS}]")
_DIGITS = r"\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?!\d)|\d+"
_DIGITS_RE = re.compile(rf"^(?:{_DIGITS})$")
_SPLIT_RE = re.compile(r"[\s\-\u2010\u2011]+")
_TRAILING = re.compile(r"\s+(?:of|de|d'|des|del|من)$")


def _fold(text: str) -> str:
    """Lower-case, NFC, no Arabic marks, one space between words."""
    text = _MARKS_RE.sub("", unicodedata.normalize("NFC", text)).lower()
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


@functools.lru_cache(maxsize=None)
def number_words(lang: str = "en") -> dict[str, tuple[int, str]]:
    """Folded word/phrase → (value, kind) for `lang` (English when `lang` has no table)."""
    try:
        rows = load_tsv(f"lexicons/{lang}/number_words.tsv")
    except Exception:  # a language without a table uses the English one
        rows = load_tsv("lexicons/en/number_words.tsv")
    return {_fold(r["word"]): (int(r["value"]), r["kind"]) for r in rows}


def phrase_pattern(phrase: str, lang: str = "en") -> str:
    """Regex source for a lexicon phrase: flexible spaces (and Arabic marks/conjunction)."""
    words = []
    for word in phrase.split():
        if lang == "ar":
            letters = [re.escape(ch) + f"[{ARABIC_MARKS}]*" for ch in word]
            words.append("(?:و|ف)?" + "".join(letters))
        else:
            words.append(re.escape(word).replace(r"\-", r"[-\u2010\u2011 ]?"))
    return r"\s+".join(words)


def _digits_value(token: str) -> Optional[int]:
    if not _DIGITS_RE.match(token):
        return None
    return int(re.sub(r"[,.\u00a0\u202f]", "", token))


def _words_value(tokens: list[str], table: dict[str, tuple[int, str]], lang: str) -> Optional[int]:
    total = current = 0
    seen = False
    i = 0
    while i < len(tokens):
        found = None
        for j in range(min(len(tokens), i + 3), i, -1):  # longest phrase first
            for joiner in (" ", "-"):
                key = joiner.join(tokens[i:j])
                if key in table and table[key][1] != "vague":
                    found = (j, *table[key])
                    break
            if found:
                break
        token = tokens[i]
        if found is None and lang == "ar" and token.startswith("و") and token[1:] in table:
            found = (i + 1, *table[token[1:]])
        if found is None and (value := _digits_value(token)) is not None:
            found = (i + 1, value, "unit")
        if found is None and token in ("a", "an") and i + 1 < len(tokens) \
                and table.get(tokens[i + 1], (0, ""))[1] == "scale":
            found = (i + 1, 1, "unit")
        if found is None:
            return None
        i, value, kind = found
        if kind == "joiner":
            if not seen or i == len(tokens):
                return None
            continue
        seen = True
        if kind == "unit":
            if value >= 100 and current % 1000:
                return None
            units_first = lang == "ar" and 0 < current % 100 < 10 and value % 10 == 0 and 10 <= value < 100
            if value < 100 and current % 10 and not units_first:
                return None  # a unit cannot follow a unit: "five six" (Arabic: "three ten", "one and twenty")
            if 10 <= value < 100 and current % 100 and not units_first \
                    and not (current % 100 in (60, 80) and value < 20):
                return None  # tens follow tens only in French 70-79 and 90-99 ("soixante-dix")
            current += value
        elif value < 1000:  # hundred
            current = (current or 1) * value
        else:  # thousand, million
            total += (current or 1) * value
            current = 0
    return total + current if seen else None


def parse_number(text: str, lang: str = "en") -> Optional[int]:
    """Integer value of a number phrase, or None when `text` is not one.

    Args:
        text (str): "1,200", "12", "twenty-one", "one hundred and five", "dix-huit",
            "veintiuno", "سبعة", "семь", "dozens", "several".
        lang (str): ISO 639-1 code choosing the word table.
    RETURNS (Optional[int]): the value; vague quantifiers give their coding value.
    """
    folded = _fold(text).strip(" .,;:!?\"'«»()")
    if not folded:
        return None
    table = number_words(lang)
    candidates = [folded]
    trimmed = _TRAILING.sub("", folded)
    if trimmed != folded:
        candidates.append(trimmed)
    for cand in candidates:
        entry = table.get(cand)
        if entry and entry[1] == "vague":
            return entry[0]
        if cand.startswith("a ") and table.get(cand[2:], (0, ""))[1] == "vague" \
                and cand[2:] in ("dozen", "score"):
            return table[cand[2:]][0]
    value = _digits_value(folded.replace(" ", "\u00a0")) if re.fullmatch(r"[\d ,.]+", folded) else None
    if value is not None:
        return value
    tokens = [t for t in _SPLIT_RE.split(folded) if t]
    return _words_value(tokens, table, lang)


@functools.lru_cache(maxsize=None)
def number_regex(lang: str = "en") -> re.Pattern:
    """Regex finding number expressions (digits, word numbers, vague phrases) in running text."""
    table = number_words(lang)
    words = sorted((w for w, (_, k) in table.items() if k in ("unit", "scale")), key=len, reverse=True)
    joiners = [w for w, (_, k) in table.items() if k == "joiner"]
    vague = sorted((w for w, (_, k) in table.items() if k == "vague"), key=len, reverse=True)
    word = "|".join(phrase_pattern(w, lang) for w in words)
    part = rf"(?:{_DIGITS}|(?:{word})(?!\w))"
    sep = r"(?:[\s\-\u2010\u2011]+"
    if joiners:
        sep += "|" + "|".join(rf"\s+{phrase_pattern(j, lang)}\s+" for j in joiners)
    sep += ")"
    vague_alt = "|".join(phrase_pattern(v, lang) for v in vague)
    source = rf"(?<!\w)(?:(?P<vague>{vague_alt})(?!\w)|(?P<num>{part}(?:{sep}{part})*))"
    return re.compile(source, re.IGNORECASE)


def find_numbers(text: str, lang: str = "en") -> list[tuple[int, int, int]]:
    """(start, end, value) of every number expression in `text`, left to right.

    A run of number words that does not parse as one number ("two and three") is split
    into its parts.
    """
    found = []
    for m in number_regex(lang).finditer(text):
        value = parse_number(m.group(), lang)
        if value is not None:
            found.append((m.start(), m.end(), value))
            continue
        for sub in re.finditer(r"[^\s\-]+", m.group()):
            sub_value = parse_number(sub.group(), lang)
            kind = number_words(lang).get(_fold(sub.group()), (0, ""))[1]
            if sub_value is not None and kind != "joiner":
                found.append((m.start() + sub.start(), m.start() + sub.end(), sub_value))
    return found
