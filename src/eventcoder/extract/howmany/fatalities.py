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
   side and denied by the other (→ 0, dev-set convention) and bodies found in old graves (→ 0);
   a claimant's own figure ("X claimed the attack, saying it killed dozens") and a figure the
   report says was superseded ("up from the eight deaths initially reported") count only when
   no other figure is reported.

Victim lists are read in `fatality_items.py`; the vocabulary is compiled in `fatality_lexicon.py`.

Injured people go to `injured`, never to `value`. "No casualties were reported" gives 0 with
its span. `low`/`high` carry "at least N" / "up to N" / "between N and M".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from ..when import dates as dates_x
from ..base import Analysis, Fatalities, Place, Span, per_report
from .fatality_items import (_before_next_subject, _count_items, _generic, _groups, _item_count, _nearest_number,
                             _number_at, _partitive, _read_right)
from .fatality_lexicon import KINDS as _KINDS, _lex, _pats
from .toll_places import apart as _apart, elsewhere as _elsewhere
from ..numbers import number_regex, parse_number


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
    claim: bool = False  # the claimant's own figure ("X claimed the attack, saying it killed 30")
    superseded: bool = False  # "up from the eight deaths initially reported": an older figure
    generic: Optional[bool] = None  # a total with no particular victims; None: the language does not tell
    vague: bool = False  # "several", "many", "dozens": a coding convention, not a reported number


#: a page's date stamp ("date 2023-04-26", "2023-04-26T10:00") is no count of victims
_STAMP = re.compile(r"(?i)(?<!\w)(?:date[:\s]+)?(?:19|20)\d\d-[01]\d-[0-3]\d(?:T[\d:.+Z-]+)?(?!\w)")


class _Masked:
    """The report text with one sentence's date stamps blanked (same length, so same offsets)."""

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self.sentence = _STAMP.sub(lambda m: " " * len(m.group()), text[start:end])

    def __getitem__(self, key: slice) -> str:
        a, b = key.start or 0, len(self.text) if key.stop is None else key.stop
        if self.start <= a and b <= self.end:
            return self.sentence[a - self.start:b - self.start]
        return self.text[key]


def _cues(ana: Analysis, index: int) -> list[tuple[str, int, int]]:
    sent, p = ana.sentences[index], _pats(ana.lang)
    found, masked = [], _Masked(ana.text, sent.start, sent.end).sentence
    for kind in ("zero", "toll", *_KINDS):
        for m in p[kind].finditer(masked):
            found.append((kind, sent.start + m.start(), sent.start + m.end()))
    kept: list[tuple[str, int, int]] = []
    for cue in sorted(found, key=lambda c: (c[1] - c[2], ("zero", "toll").count(c[0]) * -1)):
        if not any(cue[1] < k[2] and k[1] < cue[2] for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c[1])


def _mentions(ana: Analysis, index: int) -> list[_Mention]:
    sent, p, lang = ana.sentences[index], _pats(ana.lang), ana.lang
    text = _Masked(ana.text, sent.start, sent.end)
    cues = _cues(ana, index)
    out: list[_Mention] = []
    has_toll_context = bool(p["toll_context"].search(text.sentence))
    consumed = sent.start  # victims already read for an earlier word are not read again
    if ana.dateline and sent.start <= ana.dateline.start < sent.end:
        consumed = max(consumed, ana.dateline.end)  # "PATTANI (Thailand) • Four volunteers were ...": no subject
    for i, (kind, start, end) in enumerate(cues):
        prev_end = max(cues[i - 1][2] if i else sent.start, min(consumed, start))
        next_start = cues[i + 1][1] if i + 1 < len(cues) else sent.end
        cue_text = text[start:end]
        if kind == "zero":
            out.append(_Mention("zero", 0, start, end, zero_injured=bool(p["zero_injured"].fullmatch(cue_text))))
            continue
        right_text = _before_next_subject(text[end:next_start], cues, i, lang)
        # "tué par balles deux commerçants": how they were killed stands between the word and the victims
        right_text = p["manner"].sub(lambda m: " " * len(m.group()), right_text, count=1)
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
        right = re.sub(r"^\s*(?:of|de|del|d')\s+", lambda m: " " * len(m.group()), right, flags=re.I)  # keep offsets
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
        after_of = re.match(r"\s*(?:of|de|del|des|d')\s", right_text, re.I)  # "the deaths of two soldiers"
        if after_of and p["left_only"].fullmatch(cue_text) and not passive:
            q = p["qual"].match(right)
            if _number_at(right[q.end() if q else 0:], lang) or _count_items(right, end, lang):  # "of a driver and his aide"
                count = _count_items(right, end, lang)
                count = count and (*count[:3], start, count[4])
        if count is None and p["dual"].fullmatch(cue_text):
            count = (2, None, None, start, end)  # Arabic "قتيلين": the death word is itself a count of two
        if count is None and not passive and not p["left_only"].fullmatch(cue_text):
            count = _read_right(right, start, end, lang)
        from_left = count is None
        if count is None:
            left = text[prev_end:start]
            # an aside in brackets without a number ("... of the Homeland (VDP)") does not end the subject
            masked = re.sub(r"\([^()]{1,60}\)", lambda m: m.group() if number_regex(lang).search(m.group())
                            else " " * len(m.group()), left)
            stops = list(p["clause_stops"].finditer(masked))
            cut = stops[-1].end() if stops else 0
            segments, pos = [], cut
            for piece in re.split(r"(,)", left[cut:]):
                if piece != ",":
                    segments.append((prev_end + pos, piece))
                pos += len(piece)
            if stops and len(segments) > 1 and p["source_intro"].fullmatch(stops[-1].group()):
                segments = segments[1:]  # "Selon une autre source, sept soldats ...": the source is no victim
            chosen = None
            for n, (seg_start, seg) in enumerate(reversed(segments)):
                if p["subset"].match(seg.strip()):
                    continue
                if n and any(p["passive"].fullmatch(w) for w in seg.split()):
                    break  # "a house was hit, a man and a woman were killed": a clause of its own, no victim
                found = _count_items(seg, seg_start, lang)
                if found and not number_regex(lang).search(text[found[3]:found[4]]) \
                        and len(text[found[4]:seg_start + len(seg)].split()) > 6:
                    found = None  # "A stone plaque placed ... in honour of their murdered elders": no victim
                if found:
                    chosen = found if chosen is None else (chosen[0] + found[0], None, None, found[3], chosen[4])
                    continue
                if chosen is not None or len(seg.split()) > 4:
                    break  # victims sit next to the death word, not behind a clause without a number
            nearest = _nearest_number(segments[-1][1], segments[-1][0], lang) if segments else None
            if nearest and (chosen is None or chosen[4] < nearest[4]):
                chosen = nearest  # "the clash left two fighters dead": the number next to the word
            if chosen:
                count = (*chosen[:3], chosen[3], end)
            elif p["singular_end"].search(text[max(prev_end, start - 24):end]) and kind in ("killed", "injured"):
                count = (1, None, None, segments[-1][0] + len(segments[-1][1]) - len(segments[-1][1].lstrip())
                         if segments else start, end)
            elif passive:
                count = _read_right(right, start, end, lang)  # "resultaron heridos cuatro militares": after the verb
        also = p["also_after"].match(right_text) if count and from_left else None
        if also:  # "... were killed, along with a dozen of the attackers"
            rest = right_text[also.end():]
            cut_at = p["stops"].search(rest, 1)
            rest = rest[:cut_at.start()] if cut_at else rest
            extra = _count_items(rest.split(",")[0], end + also.end(), lang)
            if extra:
                low = None if count[1] is None and extra[1] is None else \
                    (count[0] if count[1] is None else count[1]) + (extra[0] if extra[1] is None else extra[1])
                count = (count[0] + extra[0], low, None, count[3], extra[4])
        if count and kind == "killed" and (
                (p["remains"].fullmatch(cue_text) and p["old_graves"].search(text.sentence))
                or p["earlier"].search(text[max(sent.start, count[3] - 60):min(sent.end, count[4] + 60)])):
            # bodies from old graves, the funerals of people killed days before: not this event's
            out.append(_Mention("old", count[0], count[3], count[4]))
            consumed = max(consumed, count[4])
        elif count and kind in ("killed", "injured"):
            value, low, high, s, e = count
            head = text[sent.start:s]  # "also"/"other" count in the figure's own clause ("TV also covered it,
            cuts = list(p["clause_stops"].finditer(head)) + list(re.finditer(r"[,;:]", head))  # one channel saying five": no)
            additive = bool(p["additive"].search(head[max((c.end() for c in cuts), default=0):] + text[s:e]))
            span = text[s:e]
            numbers = [n for n in number_regex(lang).finditer(span) if parse_number(n.group(), lang) is not None]
            vague = bool(numbers) and all(n.group("vague") for n in numbers)
            weak = bool(p["subset_gap"].search(text[s:start])) or (not numbers and bool(p["the_words"].match(span))) \
                or _partitive(span, text[e:e + 12], lang)  # "killing seven of them": some of those told
            claim = bool(p["claim"].search(text[sent.start:s]))
            near = re.split(r"[,;]", text[max(sent.start, s - 40):s])[-1] + span + \
                re.split(r"[,;.]", text[e:min(sent.end, e + 30)])[0]  # the figure's own clause
            out.append(_Mention(kind, value, s, e, low, high, additive=additive, weak=weak, vague=vague,
                                groups=_groups(span, lang), claim=claim, generic=_generic(span, lang),
                                superseded=bool(p["superseded"].search(near))))
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
    total, used, seen, how, groups, added = None, [], set(), "one reported figure", set(), set()
    for m in mentions:
        if total is None:
            total, used, seen = _Mention(m.kind, m.value, m.start, m.end, m.low, m.high), [m], {m.value}
            groups = set(m.groups)
            continue
        other_side = bool(m.groups and groups and not m.groups & groups and m.groups | groups <= summed)
        if m.value in seen and not (other_side or m.additive and m.value == 1 and m.value not in added):
            continue  # the same figure restated; "a guard was killed ... another also died" is two
        elif m.groups and groups and len(groups) > 1 and m.groups <= groups and m.value < total.value:
            continue  # one of the groups already summed, restated ("... and two soldiers" / "the two soldiers")
        elif m.additive or other_side:
            total.value += m.value
            total.low = (total.low or 0) + (m.low or m.value) if total.low is not None or m.low is not None else None
            total.high = None
            used.append(m)
            seen.add(m.value)
            if m.additive:
                added.add(m.value)
            groups |= m.groups
            how = "sum of separately reported groups"
        elif m.generic is False and m.value < total.value and (not groups or not m.groups - groups):
            # a part of the toll told after it ("two soldiers", "a guard", "six of them"): not a
            # new count; a total naming no group covers every group
            continue
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
    tells a war's running toll ("The conflict has killed 10,000 since 2015": `aggregate`), when it
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
        if p["other_event"].search(text) or p["aggregate"].search(text) or dates_x.background_cue(ana, i):
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


def count_fatalities(ana: Analysis, sentences: list[int], place: Optional[Place] = None,
                     places: Sequence[Place] = ()) -> Fatalities:
    """Reported deaths in `sentences` (codebook §5): value, low/high, injured and evidence spans.

    Args:
        ana (Analysis): the analysed report.
        sentences (list[int]): indices of the sentences telling the event (trigger first);
            they are read in document order so that the latest toll wins.
        place (Place): the event's place, and `places` the report's place mentions: a figure
            told for another place is left out when one is told for the event's, or, when none
            is, for another place than the first figure's (`toll_places.py`).
    RETURNS (Fatalities): `value` is the conservative figure; injuries never count.
    """
    order = sorted(_event_sentences(ana, sentences))
    mentions = [m for i in order for m in per_report(ana, "_fatality_mentions", i, lambda i=i: _mentions(ana, i))]
    away = _elsewhere(ana, mentions, place, places) | _apart(ana, mentions, place, places)
    mentions = [m for m in mentions if id(m) not in away]
    denial = _denial(ana, order)
    if denial:  # claimed kills denied by the other side: figures told before the denial are dropped
        cut = ana.sentence_at(denial.start).start
        if any(m.kind == "killed" and m.start < cut for m in mentions):
            mentions = [m for m in mentions if m.kind != "killed" or m.start >= cut]
        else:
            denial = None
    if any(m.kind == "killed" and not m.claim for m in mentions):  # a claimant's figure only when alone
        mentions = [m for m in mentions if not m.claim]
    if any(m.kind == "killed" and not m.superseded for m in mentions):  # "up from eight initially reported"
        mentions = [m for m in mentions if not m.superseded]
    precise = [m.value for m in mentions if m.kind == "killed" and not m.vague and not m.weak]
    # "many feared dead" ... "around 20 have died": a vague figure gives way to a number at least as large
    mentions = [m for m in mentions if not (m.kind == "killed" and m.vague and not m.additive
                                            and any(v >= m.value for v in precise))]
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
        result.reason = "deaths at earlier dates (bodies found in graves, funerals of people killed before): not counted"
    else:
        result.reason = "no death reported in the event sentences"
    return result
