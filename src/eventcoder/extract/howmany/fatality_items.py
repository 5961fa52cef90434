"""Reading victims beside a death word: numbers, listed groups, ranges and victim groups.

"At least 14 insurgents and two soldiers" → 16 (listed groups are summed, "including ..."
subsets are not); "between 5 and 8" → 5 (low 5, high 8); "a commander and his deputy" → 2.
"""
from __future__ import annotations

import re
from typing import Optional

from .fatality_lexicon import _lex, _pats
from ..numbers import ARABIC_MARKS, number_regex, number_words, parse_number


def _number_at(text: str, lang: str) -> Optional[tuple[int, int, int]]:
    """(start, end, value) of a number expression at the start of `text` (after spaces/quotes)."""
    lead = len(text) - len(text.lstrip(" \t\"'“”«("))
    m = number_regex(lang).match(text, lead)
    if not m:
        return None
    value = parse_number(m.group(), lang)
    if value is None:
        return None
    if _pats(lang)["skip_after"].match(text[m.end():]):
        return None  # "a 10-year-old", "15 km", "3 a.m."
    return m.start(), m.end(), value


def _item_count(item: str, lang: str) -> Optional[tuple[int, Optional[int], Optional[int], int, int]]:
    """(value, low, high, start, end) of one list item, or None when it names no victims."""
    p = _pats(lang)
    marker = p["object_marker"].match(item)
    if marker:  # "a un jornalero": the personal "a" before a named victim
        inner = _item_count(item[marker.end():], lang)
        return inner and (*inner[:3], inner[3] + marker.end(), inner[4] + marker.end())
    low = high = None
    offset = 0
    q = p["qual"].match(item)
    if q:
        offset = q.end()
        low, high = bool(q.group("low")), bool(q.group("high"))
    rest = item[offset:]
    found = _number_at(rest, lang)
    if found:
        start, end, value = found
        if p["low_after"].search(rest[end:]):
            low = True
        begin = len(item) - len(item.lstrip(" \"'“”«(")) if q else offset + start
        noun = re.match(r"\s+(?:(?:of|de|des)\s+(?:the|those|les|los|las)\s+|من\s+(?:[^\W\d]+\s+)?)?[^\W\d]+(?:-[^\W\d]+)?",
                        rest[end:])  # "four of the soldiers", Arabic "أربعة من عناصر داعش"
        if not noun and re.fullmatch(r"(?:19|20)\d\d", rest[start:end]):
            return None  # "On April 26, 2023, nine jawans ... were killed": the year is no victim count
        if noun and not _pats(lang)["stops"].fullmatch(noun.group().strip()):
            end += noun.end()  # "six guards": the evidence names who died
            more = re.match(r"\s+([^\W\d]+)", rest[end:])
            if more and (_groups(more.group(1), lang) or p["plural_nouns"].fullmatch(more.group(1))) \
                    and not p["stops"].fullmatch(more.group(1)):
                end += more.end()  # "four young men"
        return (value, value if low else None, value if high else None, begin, offset + end)
    stripped = rest.lstrip(" \"'“”«(")
    lead = offset + len(rest) - len(stripped)
    noun = re.match(r"[^\W\d]+\s+", stripped) if _lex(lang).get("number_after_noun") else None
    after = _number_at(stripped[noun.end():], lang) if noun else None
    if after and after[0] == 0 and not _prefixed(stripped[noun.end():], lang):
        # Arabic "عاملين اثنين" (two workers): the number after its noun ("جنديان وثلاثة": a list)
        end = lead + noun.end() + after[1]
        return (after[2], after[2] if low else None, after[2] if high else None, lead, end)
    first = re.match(r"[\w'’-]+", stripped)
    if not first:
        return None
    word = first.group()
    nxt = re.match(r"\s+([\w'’-]+)", stripped[first.end():])
    end = lead + first.end() + (nxt.end() if nxt else 0)
    if p["singular_items"].fullmatch(word) and (nxt or word.lower().endswith("self")) \
            and not (nxt and p["collective"].fullmatch(nxt.group(1))) \
            and not p["skip_after"].match(stripped[first.end():]):  # "another set of officers", "un kilómetro": no count
        after_det = _number_at(stripped[first.end():], lang)
        if after_det and after_det[0] <= 1:  # "his two sons": the number after the determiner
            value = after_det[2]
            return (value, None, None, lead, lead + first.end() + after_det[1])
        return (1, None, None, lead, end)
    if p["the_words"].fullmatch(word) and nxt and not nxt.group(1).lower().endswith("s") \
            and not p["plural_nouns"].fullmatch(nxt.group(1)):
        return (1, None, None, lead, end)
    return None


#: a bare number of at most three digits (an age after a name: "Lyra Smith, 29,")...
_AGE = re.compile(r"\s*\d{1,3}\s*")
#: ...right after a capitalised word and a comma
_NAME_END = re.compile(r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]*\s*,\s*$")


def _count_items(text: str, base: int, lang: str) -> Optional[tuple[int, Optional[int], Optional[int], int, int]]:
    """Sum of the victims listed in `text` (document offset `base`); subsets are skipped."""
    p = _pats(lang)
    rng = p["range"].search(text)
    if rng:
        a, b = parse_number(rng.group("a"), lang), parse_number(rng.group("b"), lang)
        if a is not None and b is not None and a < b:
            return a, a, b, base + rng.start(), base + rng.end()
    total, lows, highs, first, last, any_low, any_high = 0, 0, 0, None, None, False, False
    subset = p["subset"].search(text)
    if subset and text[:subset.start()].strip():
        text = text[:subset.start()]  # "seven others, among them two children and four women": seven
    cut = 0
    for sep in [*p["sep"].finditer(text), None]:
        item_end = sep.start() if sep else len(text)
        item = text[cut:item_end]
        if p["subset"].match(item.strip()):
            break
        if cut and _AGE.fullmatch(item) and _NAME_END.search(text[:cut]):
            cut = sep.end() if sep else cut
            continue  # "the journalist Lyra Smith, 29": her age, not a count
        count = _item_count(item, lang)
        if count:
            value, low, high, s, e = count
            total += value
            lows += low if low is not None else value
            highs += high if high is not None else value
            any_low, any_high = any_low or low is not None, any_high or high is not None
            first = base + cut + s if first is None else first
            last = base + cut + e
        cut = sep.end() if sep else cut
    if first is None:
        return None
    return total, lows if any_low else None, highs if any_high else None, first, last


def _nearest_number(text: str, base: int, lang: str):
    """The last number in `text` when at most four words follow it: '... had seen "around six" '."""
    numbers = list(number_regex(lang).finditer(text))
    if not numbers or len(text[numbers[-1].end():].split()) > 4:
        return None
    m = numbers[-1]
    value = parse_number(m.group(), lang)
    if value is None or _pats(lang)["skip_after"].match(text[m.end():]):
        return None
    q = re.search(rf"(?:{_pats(lang)['qual'].pattern[1:-3]})\s*$", text[:m.start()], re.I)
    start = q.start() + len(q.group()) - len(q.group().lstrip()) if q else m.start()
    start = base + start
    low = value if q and q.group("low") else None
    high = value if q and q.group("high") else None
    return value, low, high, start, base + m.end()


def _groups(span: str, lang: str) -> frozenset:
    """Victim groups (state, armed, civilians) named in a fatality span."""
    table = _lex(lang).get("victim_groups") or {}
    words = {w.lower() for w in re.findall(r"[^\W\d]+", span)}
    return frozenset(g for g, nouns in table.items() if words & {str(n).lower() for n in nouns})


def _before_next_subject(right_text: str, cues: list, i: int, lang: str) -> str:
    """The text after death word `i` without the figure that is the subject of the next word when that
    word is of another kind: "погибли четыре человека, двое ранены" (two are the wounded), Arabic
    "سقوط قتيلين وأكثر من 30 جريحا" (the 30 are the wounded)."""
    if i + 1 >= len(cues) or cues[i + 1][0] == cues[i][0] or cues[i + 1][0] in ("zero", "toll"):
        return right_text
    p = _pats(lang)
    seps = list(p["sep"].finditer(right_text))
    if not seps:
        return right_text
    tail = right_text[seps[-1].end():]
    q = p["qual"].match(tail)
    return right_text[:seps[-1].start()] if _number_at(tail[q.end() if q else 0:], lang) else right_text


def _prefixed(text: str, lang: str, word: bool = False) -> bool:
    """Does `text` start with a word carrying a list prefix (Arabic "وثلاثة", "وامرأة"), not a word that
    merely begins with its letter ("واحد": one)? word=True: only a word that is itself a number word."""
    prefixes = tuple(str(w) for w in _lex(lang).get("list_prefixes") or ())
    token = text.split()[0] if text.split() else ""
    if not prefixes or not token.startswith(prefixes):
        return False
    whole = re.sub(f"[{ARABIC_MARKS}]", "", token).lower() in number_words(lang)
    return whole if word else not whole


def _read_right(right: str, start: int, end: int, lang: str):
    """The victims after a death word ("killing two soldiers and a child", Arabic "مقتل طفلين")."""
    p = _pats(lang)
    lead = len(right) - len(right.lstrip())
    if _number_at(right, lang) or _item_count(right, lang) or p["range"].match(right, lead):  # "от пяти до семи"
        count = _count_items(right, end, lang)
        if count:
            return (*count[:3], start, count[4])
    value, pos = 0, 0
    while True:  # "مقتل رجل وامرأة", "погибли мужчина и женщина": one victim per listed person
        joint = p["sep"].match(right, pos) if pos and not _prefixed(right[pos:], lang, word=True) else None
        at = joint.end() if joint else pos
        if pos and not joint and not _prefixed(right[pos:], lang):
            break  # "مقتل طفل رضيع": one victim, two words; "شخص واحد": one
        one, two = p["one_after"].match(right[at:]), p["two_after"].match(right[at:])
        item = _item_count(right[at:], lang) if pos and not (one or two) and _number_at(right[at:], lang) else None
        if item:  # "جنديان وثلاثة مسلحين": a number listed after the persons
            value, pos = value + item[0], at + item[4]
            continue
        if not (one or two):
            break
        value, pos = value + (2 if two else 1), at + (two or one).end()
    return (value, None, None, start, end + pos) if value else None


def _partitive(span: str, after: str, lang: str) -> bool:
    """The figure is a part of people already told: "seven of them", "two of us" (fatalities.yaml
    `partitive`: the words that close "<n> of ...")."""
    words = _lex(lang).get("partitive")
    if not words or not re.search(r"\bof\s*$", span, re.IGNORECASE):
        return False
    return bool(re.match(rf"\s*(?:{'|'.join(map(re.escape, words))})\b", after, re.IGNORECASE))


def _generic(span: str, lang: str) -> Optional[bool]:
    """Is the victim phrase a total with no particular victims (fatalities.yaml `generic_victims`)?
    None when the language's lexicon has no such list (then conflicting figures keep the lowest)."""
    allowed = _lex(lang).get("generic_victims")
    if not allowed:
        return None
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", span)}
    words = {w for w in words if parse_number(w, lang) is None}
    return words <= {str(a).lower() for a in allowed}
