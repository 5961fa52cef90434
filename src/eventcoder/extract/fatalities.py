"""Fatalities: how many people an event killed, by the rules of codebook §5.

A lexicon pass over the event's sentences (works for every language; vocabulary in
`data/lexicons/<lang>/fatalities.yaml`, numbers through `numbers.py`):

1. find death / injury / missing / abduction words, toll phrases and "no casualties" phrases;
2. read the victims beside each death word: after an active form ("killing two soldiers and a
   child" → 3), else before it ("At least 14 insurgents and two soldiers were killed" → 16);
   listed groups are summed, "including ..."/"among them ..." subsets are not;
3. combine: the latest updated toll ("the death toll rose to 14") beats every other count ("put
   the toll at nine" is just another figure); a figure repeated, "two of the dead" and "the men"
   are not new counts; a figure marked "also"/"another" or naming the other side of a fight
   (soldiers vs. assailants) is added; otherwise the lowest of conflicting figures is kept;
4. leave out sentences telling another incident (another day, "separately"), kills told by one
   side and denied by the other (→ 0, dev-set convention) and bodies found in old graves (→ 0).

Injured people go to `injured`, never to `value`. "No casualties were reported" gives 0 with
its span. `low`/`high` carry "at least N" / "up to N" / "between N and M".
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from ..resources import load_yaml
from . import dates as dates_x
from .base import Analysis, Fatalities, Span
from .numbers import number_regex, parse_number, phrase_pattern

_KINDS = ("killed", "injured", "missing", "abducted")


@dataclass
class _Mention:
    kind: str  # killed | injured | zero
    value: int
    start: int
    end: int
    low: Optional[int] = None
    high: Optional[int] = None
    toll: bool = False
    additive: bool = False
    zero_injured: bool = False
    weak: bool = False  # "the men", "two of the dead": refers back to victims counted elsewhere
    groups: frozenset = frozenset()  # victim groups named in the span (state, armed, civilians)


def _lex(lang: str) -> dict:
    try:
        return load_yaml(f"lexicons/{lang}/fatalities.yaml")
    except Exception:  # no lexicon for this language: English words still catch digits
        return load_yaml("lexicons/en/fatalities.yaml")


def _alt(entries, lang: str) -> str:
    parts = [e[3:] if e.startswith("re:") else phrase_pattern(e, lang)
             for e in sorted(map(str, entries or []), key=len, reverse=True)]
    return "|".join(parts) or "(?!x)x"


@functools.lru_cache(maxsize=None)
def _pats(lang: str) -> dict[str, re.Pattern]:
    lex = _lex(lang)
    b, e = r"(?<!\w)", r"(?!\w)"
    words = {k: rf"{b}(?:{_alt(lex.get(k), lang)}){e}" for k in (
        *_KINDS, "toll", "zero", "zero_injured", "singular", "subset", "additive", "toll_context",
        "left_only", "passive", "singular_items", "the_words", "skip_after", "toll_update", "denial",
        "remains", "old_graves", "other_event", "plural_nouns")}
    words["subset_gap"] = rf"(?:{_alt(lex.get('subset_gap'), lang)})\s*$"
    words["skip_after"] = rf"^[\s-]*(?:{_alt(lex.get('skip_after'), lang)})"
    qual = {k: rf"(?:{_alt(lex.get(k), lang)})" for k in ("low", "high", "approx", "low_after")}
    words["qual"] = rf"^[\s\"'“”«(]*(?:(?P<low>{qual['low']})|(?P<high>{qual['high']})|{qual['approx']})\s+"
    words["low_after"] = rf"{b}{qual['low_after']}{e}"
    words["sep"] = rf"\s*,\s*|\s+(?:{_alt(lex.get('list_separators'), lang)})\s+"
    words["stops"] = rf"(?<![\w-])(?:{_alt(lex.get('stops'), lang)})(?![\w-])|[;:.()\[\]—–]"
    words["clause_stops"] = rf"{b}(?:{_alt(lex.get('clause_stops', lex.get('stops')), lang)}){e}|[;:()\[\]—–]"
    num = re.sub(r"\(\?P<\w+>", "(?:", number_regex(lang).pattern)
    words["range"] = (rf"(?:{b}(?:{_alt(lex.get('range'), lang)})\s+)?(?P<a>{num})"
                      rf"\s*(?:[-–]|\s(?:{_alt(lex.get('range_to'), lang)})\s)\s*(?P<b>{num})")
    return {k: re.compile(v, re.IGNORECASE) for k, v in words.items()}


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
        noun = re.match(r"\s+[^\W\d]+(?:-[^\W\d]+)?", rest[end:])
        if noun and not _pats(lang)["stops"].fullmatch(noun.group().strip()):
            end += noun.end()  # "six guards": the evidence names who died
        return (value, value if low else None, value if high else None, begin, offset + end)
    stripped = rest.lstrip(" \"'“”«(")
    lead = offset + len(rest) - len(stripped)
    first = re.match(r"[\w'’-]+", stripped)
    if not first:
        return None
    word = first.group()
    nxt = re.match(r"\s+([\w'’-]+)", stripped[first.end():])
    end = lead + first.end() + (nxt.end() if nxt else 0)
    if p["singular_items"].fullmatch(word) and (nxt or word.lower().endswith("self")):
        return (1, None, None, lead, end)
    if p["the_words"].fullmatch(word) and nxt and not nxt.group(1).lower().endswith("s") \
            and not p["plural_nouns"].fullmatch(nxt.group(1)):
        return (1, None, None, lead, end)
    return None


def _count_items(text: str, base: int, lang: str) -> Optional[tuple[int, Optional[int], Optional[int], int, int]]:
    """Sum of the victims listed in `text` (document offset `base`); subsets are skipped."""
    p = _pats(lang)
    rng = p["range"].search(text)
    if rng:
        a, b = parse_number(rng.group("a"), lang), parse_number(rng.group("b"), lang)
        if a is not None and b is not None and a < b:
            return a, a, b, base + rng.start(), base + rng.end()
    total, lows, highs, first, last, any_low, any_high = 0, 0, 0, None, None, False, False
    cut = 0
    for sep in [*p["sep"].finditer(text), None]:
        item_end = sep.start() if sep else len(text)
        item = text[cut:item_end]
        if p["subset"].match(item.strip()):
            break
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


def _cues(ana: Analysis, index: int) -> list[tuple[str, int, int]]:
    sent, p = ana.sentences[index], _pats(ana.lang)
    found = []
    for kind in ("zero", "toll", *_KINDS):
        for m in p[kind].finditer(sent.text):
            found.append((kind, sent.start + m.start(), sent.start + m.end()))
    kept: list[tuple[str, int, int]] = []
    for cue in sorted(found, key=lambda c: (c[1] - c[2], ("zero", "toll").count(c[0]) * -1)):
        if not any(cue[1] < k[2] and k[1] < cue[2] for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c[1])


def _mentions(ana: Analysis, index: int) -> list[_Mention]:
    sent, p, lang, text = ana.sentences[index], _pats(ana.lang), ana.lang, ana.text
    cues = _cues(ana, index)
    out: list[_Mention] = []
    has_toll_context = bool(p["toll_context"].search(sent.text))
    consumed = sent.start  # victims already read for an earlier word are not read again
    for i, (kind, start, end) in enumerate(cues):
        prev_end = max(cues[i - 1][2] if i else sent.start, min(consumed, start))
        next_start = cues[i + 1][1] if i + 1 < len(cues) else sent.end
        cue_text = text[start:end]
        if kind == "zero":
            out.append(_Mention("zero", 0, start, end, zero_injured=bool(p["zero_injured"].fullmatch(cue_text))))
            continue
        right_text = text[end:next_start]
        q = p["qual"].match(right_text)
        stop = p["stops"].search(right_text, q.end() if q else 1)
        right = right_text[:stop.start()] if stop else right_text
        for comma in re.finditer(r",", right):  # a list goes on after a comma, a clause does not
            after = right[comma.end():]
            item = re.split(r",|\s(?:and|et|y|и|و)\s", after)[0]
            listed = _number_at(after, lang) or (_item_count(after, lang) and len(item.split()) < len(after.split()))
            clause = right_text[comma.end():].split(",")[0]
            if not listed or p["clause_stops"].search(clause):
                right = right[:comma.start()]
                break
        right = re.sub(r"^\s*(?:of|de|del|d')\s+", " ", right, flags=re.I)
        if kind == "toll":
            q = p["qual"].match(right)
            number = _number_at(right[q.end() if q else 0:], lang) if has_toll_context else None
            if number:
                stop = end + (q.end() if q else 0) + number[1]
                low = number[2] if q and q.group("low") else None
                update = "toll_update" not in _lex(lang) or bool(p["toll_update"].search(text[max(sent.start, start - 40):end]))
                out.append(_Mention("killed", number[2], start, stop, low, None, toll=update))
                count = (number[2], low, None, start, stop)
                consumed = max(consumed, count[4])
            continue
        left_words = text[prev_end:start].split()
        passive = bool(left_words) and bool(p["passive"].fullmatch(left_words[-1]))
        count = None
        if not passive and not p["left_only"].fullmatch(cue_text):
            if _number_at(right, lang) or _item_count(right, lang):
                count = _count_items(right, end, lang)
                if count:
                    count = (*count[:3], start, count[4])
        if count is None:
            left = text[prev_end:start]
            stops = list(p["clause_stops"].finditer(left))
            cut = stops[-1].end() if stops else 0
            segments, pos = [], cut
            for piece in re.split(r"(,)", left[cut:]):
                if piece != ",":
                    segments.append((prev_end + pos, piece))
                pos += len(piece)
            chosen = None
            for seg_start, seg in reversed(segments):
                if p["subset"].match(seg.strip()):
                    continue
                found = _count_items(seg, seg_start, lang)
                if found:
                    chosen = found if chosen is None else (chosen[0] + found[0], None, None, found[3], chosen[4])
                    continue
                if chosen is not None:
                    break
            nearest = _nearest_number(segments[-1][1], segments[-1][0], lang) if segments else None
            if nearest and (chosen is None or chosen[4] < nearest[4]):
                chosen = nearest  # "the clash left two fighters dead": the number next to the word
            if chosen:
                count = (*chosen[:3], chosen[3], end)
            elif p["singular"].search(text[max(prev_end, start - 8):end]) and kind in ("killed", "injured"):
                count = (1, None, None, segments[-1][0] + len(segments[-1][1]) - len(segments[-1][1].lstrip())
                         if segments else start, end)
        if count and kind == "killed" and p["remains"].fullmatch(cue_text) and p["old_graves"].search(sent.text):
            out.append(_Mention("old", count[0], count[3], count[4]))  # bodies from old graves: not this event's
            consumed = max(consumed, count[4])
        elif count and kind in ("killed", "injured"):
            value, low, high, s, e = count
            additive = bool(p["additive"].search(text[sent.start:e]))
            span = text[s:e]
            numbers = [n for n in number_regex(lang).finditer(span) if parse_number(n.group(), lang) is not None]
            weak = bool(p["subset_gap"].search(text[s:start])) or (not numbers and bool(p["the_words"].match(span)))
            out.append(_Mention(kind, value, s, e, low, high, additive=additive, weak=weak,
                                groups=_groups(span, lang)))
            consumed = max(consumed, e)
    return out


def _combine(mentions: list[_Mention], summed: frozenset = frozenset()) -> tuple[Optional[_Mention], list[_Mention], str]:
    """One figure from several mentions of the same kind, the mentions used, and why.

    Figures for different groups in `summed` (the two sides of a fight) add up; otherwise
    differing figures are conflicting reports and the lowest is kept.
    """
    if not mentions:
        return None, [], ""
    tolls = [m for m in mentions if m.toll]
    if tolls:
        return tolls[-1], [tolls[-1]], "the latest death toll"
    mentions = [m for m in mentions if not m.weak] or mentions  # "the men", "two of the dead": restated
    total, used, seen, how, groups = None, [], set(), "one reported figure", set()
    for m in mentions:
        if total is None:
            total, used, seen = _Mention(m.kind, m.value, m.start, m.end, m.low, m.high), [m], {m.value}
            groups = set(m.groups)
        elif m.value in seen:
            continue  # the same figure restated
        elif m.groups and groups and len(groups) > 1 and m.groups <= groups and m.value < total.value:
            continue  # one of the groups already summed, restated ("... and two soldiers" / "the two soldiers")
        elif m.additive or (m.groups and groups and not m.groups & groups and m.groups | groups <= summed):
            total.value += m.value
            total.low = (total.low or 0) + (m.low or m.value) if total.low is not None or m.low is not None else None
            total.high = None
            used.append(m)
            seen.add(m.value)
            groups |= m.groups
            how = "sum of separately reported groups"
        else:
            if m.value < total.value:
                total, used = _Mention(m.kind, m.value, m.start, m.end, m.low, m.high), [m]
                groups = set(m.groups)
            seen.add(m.value)
            how = "lowest of conflicting figures"
    return total, used, how


def _event_sentences(ana: Analysis, sentences: list[int]) -> list[int]:
    """The trigger sentence and those others that do not tell another incident.

    A sentence is left out when it says so ("Separately, ...", "In another attack"), when it
    is background (`dates.background_cue`), or when it names its own day and that day is not the
    event's ("On Tuesday, ..." beside an event of Monday), unless it updates the toll.
    """
    valid = [i for i in dict.fromkeys(sentences) if 0 <= i < len(ana.sentences)]
    if not valid:
        return []
    p, day = _pats(ana.lang), dates_x.event_date(ana, valid).date
    kept = valid[:1]
    for i in valid[1:]:
        text = ana.sentences[i].text
        if p["other_event"].search(text) or dates_x.background_cue(ana, i):
            continue
        days = dates_x.sentence_dates(ana, i)
        if days and day not in days and not (p["toll"].search(text) and p["toll_update"].search(text)):
            continue
        kept.append(i)
    return kept


def _denial(ana: Analysis, order: list[int]) -> Optional[Span]:
    """A denial of the event or its toll by the other side ("denied that any fighting took place")."""
    hits = [(s, m) for s in map(ana.sentences.__getitem__, order) if (m := _pats(ana.lang)["denial"].search(s.text))]
    return ana.span(hits[0][0].start + hits[0][1].start(), hits[0][0].start + hits[0][1].end()) if hits else None


def count_fatalities(ana: Analysis, sentences: list[int]) -> Fatalities:
    """Reported deaths in `sentences` (codebook §5): value, low/high, injured and evidence spans.

    Args:
        ana (Analysis): the analysed report.
        sentences (list[int]): indices of the sentences telling the event (trigger first);
            they are read in document order so that the latest toll wins.
    RETURNS (Fatalities): `value` is the conservative figure; injuries never count.
    """
    order = sorted(_event_sentences(ana, sentences))
    mentions = [m for i in order for m in _mentions(ana, i)]
    denial = _denial(ana, order)
    if denial:  # claimed kills denied by the other side: figures told before the denial are dropped
        cut = ana.sentence_at(denial.start).start
        if any(m.kind == "killed" and m.start < cut for m in mentions):
            mentions = [m for m in mentions if m.kind != "killed" or m.start >= cut]
        else:
            denial = None
    summed = frozenset(_lex(ana.lang).get("summed_groups") or ())
    killed, used, how = _combine([m for m in mentions if m.kind == "killed"], summed)
    injured, injured_used, _ = _combine([m for m in mentions if m.kind == "injured"])
    zeros = [m for m in mentions if m.kind == "zero"]
    result = Fatalities()
    if injured:
        result.injured = injured.value
        result.injured_span = ana.span(injured_used[0].start, injured_used[-1].end)
    elif any(z.zero_injured for z in zeros):
        result.injured = 0
    if killed:
        result.value, result.low, result.high = killed.value, killed.low, killed.high
        result.spans = [ana.span(m.start, m.end) for m in used]
        result.reason = how
    elif denial:
        result.spans, result.reason = [denial], "kills claimed by one side and denied by the other: coded 0"
    elif zeros:
        result.spans = [ana.span(zeros[0].start, zeros[0].end)]
        result.reason = "the report says no one was killed"
    elif old := [m for m in mentions if m.kind == "old"]:
        result.spans = [ana.span(old[0].start, old[0].end)]
        result.reason = "bodies found in graves died at unknown earlier dates: not counted"
    else:
        result.reason = "no death reported in the event sentences"
    return result
