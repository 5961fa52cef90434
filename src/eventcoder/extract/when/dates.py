"""Event dates: find date phrases in a report's sentences and resolve them on the anchor date.

Rules: codebook §4 and the dev-set README "Dates" conventions. The anchor is
`Analysis.anchor_date` (dateline date, else publication date); nothing resolves against
today's date. Vocabulary per language is data: `data/lexicons/<lang>/dates.yaml`.

| phrase | date | precision |
|---|---|---|
| "on Thursday", "Thursday night", "late on Saturday" | most recent such day on or before the anchor | 1 |
| "last Monday" | most recent Monday strictly before the anchor | 1 |
| "the night of Sunday to Monday" | the Monday | 1 |
| "today", "this morning", "overnight" | the anchor | 1 |
| "yesterday", "last night" | anchor − 1 | 1 |
| "12 March 2025", "March 12", "2025-03-12", "12/03/2025", "12 марта" | that day, read by `dateparser` (no year: the latest one not after the anchor; numeric day/month order: the reading not after the anchor and nearest to it) | 1 |
| "between Monday and Wednesday", "from 3 to 5 March" | the first day of the span | 2 (3 beyond a week) |
| "last week" | Thursday of the previous Monday–Sunday week | 2 |
| "over the weekend" | the Saturday | 2 |
| "earlier this week" | middle of Monday .. anchor − 1 | 2 |
| a statement date only ("the army said on Wednesday that ...") | that day (the act's own day in any event sentence wins) | 2 |
| no date in the event's sentences | the day told in the sentence before, else the anchor with precision 2 | — |
| "earlier this month" | middle of the 1st .. anchor − 1 | 3 |
| "early/mid/late July", "in July", "in August 2024" | the 5th / 15th / 25th (15th) | 3 |
| "last month" | the 15th of the previous month (background) | 3 |
| "last year", "earlier this year", "in 2014" | not coded (background) | — |
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Optional

from ...resources import load_yaml
from ..base import Analysis, DateResult, Span, per_report
from ..numbers import parse_number, phrase_pattern
from .explicit import _explicit, month_as_name
from .undated import url_month_day, weekday_day

NO_ANCHOR = "no dateline or publication date to anchor relative dates"
NO_DATE = "no date in the event sentences: the report's date is used"
NO_DATE_BEFORE = "no date in the event sentences: the day told just before them is used"
BACKGROUND_DAYS = 30  # a date this much older than the anchor is background, not news
_NEVER = "(?!x)x"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_PRECISION = {"today": 1, "overnight": 1, "yesterday": 1, "day_before_yesterday": 1, "last_week": 2,
              "this_week": 2, "weekend": 2, "this_month": 3, "last_month": 3}
_REFS = {"same_day": 0, "next_day": 1, "previous_day": -1}
#: spans a named day may sit in: days either side of the span's coded day (weekend: its Saturday)
_SPANS = {"weekend": 1, "last_week": 3, "this_week": 3}


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    date: Optional[dt.date] = None
    precision: Optional[int] = None
    statement: bool = False
    background: bool = False
    note: str = ""


def _lexicon(lang: str) -> dict:
    try:
        return load_yaml(f"lexicons/{lang}/dates.yaml")
    except Exception:  # a language without a lexicon uses the English one
        return load_yaml("lexicons/en/dates.yaml")


def _alt(entries, lang: str) -> str:
    parts = []
    for entry in sorted(entries or [], key=len, reverse=True):
        parts.append(entry[3:] if entry.startswith("re:") else phrase_pattern(entry, lang))
    return "|".join(parts) or _NEVER


@functools.lru_cache(maxsize=None)
def _patterns(lang: str) -> dict[str, re.Pattern]:
    lex = _lexicon(lang)
    wd, month = _alt(lex["weekdays"], lang), _alt(lex["months"], lang)
    pre, suf = _alt(lex.get("prefixes"), lang), _alt(lex.get("suffixes"), lang)
    daysuf, of = _alt(lex.get("day_suffixes"), lang), _alt(lex.get("of_words"), lang)
    parts, inw = _alt(lex.get("month_parts"), lang), _alt(lex.get("in_words"), lang)
    rfrom, rto = _alt(lex.get("range_from"), lang), _alt(lex.get("range_to"), lang)
    b, e = r"(?<!\w)", r"(?!\w)"
    pats = {
        "night": rf"{b}(?:{_alt(lex.get('night'), lang)})\s+(?:(?:{_alt(lex.get('night_from'), lang)})\s+)?"
                 rf"(?:(?P<wd1>{wd})(?:\s*[-–/]\s*|\s+(?:(?:{_alt(lex.get('night_to'), lang)})\s+)?)"
                 rf"|(?:{_alt(lex.get('night_to'), lang)})\s+)(?P<wd>{wd}){e}",  # "ليل الأحد الاثنين", "Sunday-Monday"
        "weekday": rf"{b}(?:(?P<pre>{pre})\s+)?(?P<wd>{wd})(?:['’]s)?(?:\s+(?:{suf}))?{e}",
        "dmy": rf"{b}(?P<d>\d{{1,2}})(?:{daysuf})?\s+(?:(?:{of})\s+)?(?P<m>{month})(?:\.(?=\s*\d))?"
               rf"(?:,?\s+(?:(?:{of})\s+)?{_YEAR})?{e}",
        "mdy": rf"{b}(?P<m>{month})\.?\s+(?P<d>\d{{1,2}})(?:{daysuf})?(?:,?\s+{_YEAR})?{e}",
        "iso": rf"{b}{_YEAR}-(?P<m>\d\d)-(?P<d>\d\d){e}",
        "numeric": rf"{b}\d{{1,2}}([./-])\d{{1,2}}\1(?:\d\d){{1,2}}{e}|{b}{_YEAR}/\d\d?/\d\d?{e}",
        "wd_range": rf"{b}(?:{rfrom})\s+(?:(?:{pre})\s+)?(?P<wd1>{wd})\s+(?:{rto})\s+(?:(?:{pre})\s+)?(?P<wd>{wd}){e}",
        "d_range": rf"{b}(?:(?:{rfrom})\s+)?(?P<d>\d{{1,2}})(?:{daysuf})?\s*(?:[-–]|\s(?:{rto})\s)\s*(?:(?:{pre})\s+)?"
                   rf"\d{{1,2}}(?:{daysuf})?\s+(?:(?:{of})\s+)?(?P<m>{month})(?:,?\s+(?:(?:{of})\s+)?{_YEAR})?{e}"
                   rf"|{b}(?:(?:{rfrom})\s+)?(?P<m2>{month})\.?\s+(?P<d2>\d{{1,2}})(?:{daysuf})?\s*(?:[-–]|\s(?:{rto})\s)\s*"
                   rf"\d{{1,2}}(?:{daysuf})?(?:,?\s+(?P<y2>(?:19|20)\d\d))?{e}",
        "month": rf"{b}(?:(?P<in>{inw})\s+)?(?:(?P<part>{parts})[\s-]*)?(?P<m>{month})(?:,?\s+{_YEAR})?{e}",
        "year": rf"{b}(?:{inw})\s+{_YEAR}{e}",
    }
    for kind, phrases in (lex.get("relative") or {}).items():
        pats[kind] = rf"{b}(?:{_alt(phrases, lang)}){e}"
    if lex.get("ago"):
        pats["ago"] = lex["ago"]["pattern"][3:]
    pats["statement_before"] = rf"(?:{_alt(lex.get('statement_verbs'), lang)})" \
                               rf"(?:\s+(?:{_alt(lex.get('statement_fillers', ['in', 'a', 'the', 'its', 'their', 'to', 'reporters', 'journalists', 'late', 'early']), lang)})|\s+(?-i:[A-Z][\w'’-]*)){{0,3}}[\s,]*$"
    pats["statement_after"] = rf"^[\s,]*(?:{_alt(lex.get('statement_verbs'), lang)}){e}"
    pats["background"] = rf"{b}(?:{_alt(lex.get('background'), lang)})"
    pats["origin_before"] = rf"{b}(?:{_alt(lex.get('origin_before'), lang)})\s+(?:(?:the|early|late|mid)[\s-]+)*$"
    return {k: re.compile(v, re.IGNORECASE) for k, v in pats.items()}


def _key(table: dict, word: str) -> Optional[int]:
    folded = re.sub(r"[\u064B-\u065F\u0670\u0640]", "", word.lower().rstrip("."))
    folded = re.sub(r"\s+", " ", folded)
    for k, v in table.items():
        if k.lower() == folded or (folded[:1] in "وف" and k.lower() == folded[1:]):
            return v
    return None


def _weekday(anchor: dt.date, weekday: int, strict: bool = False) -> dt.date:
    delta = (anchor.weekday() - weekday) % 7
    return anchor - dt.timedelta(days=7 if strict and delta == 0 else delta)


def _middle(first: dt.date, last: dt.date) -> dt.date:
    if last < first:
        return first
    return first + dt.timedelta(days=(last - first).days // 2)


def _month_day(year: int, month: int, day: int, anchor: Optional[dt.date]) -> dt.date:
    date = dt.date(year, month, day)
    if anchor and date > anchor:  # "in late July" told on 19 July: keep it before the anchor
        date = _middle(anchor.replace(day=1), anchor - dt.timedelta(days=1))
    return date


def _resolve_month_day(c: _Cand, m: re.Match, lex: dict, anchor: Optional[dt.date]) -> None:
    """Hand-written fallback for "12 March (2025)", "March 12": the latest such day not after the anchor."""
    month = int(m.group("m")) if c.kind == "iso" else _key(lex["months"], m.group("m"))
    year, day = int(m.group("y")) if m.group("y") else None, int(m.group("d"))
    if month is None or (lex.get("capitalised") and c.kind != "iso" and not m.group("m")[0].isupper()):
        return
    try:
        if year is None and anchor:
            year = anchor.year - (1 if dt.date(anchor.year, month, day) > anchor else 0)
        if year:
            c.date, c.precision = dt.date(year, month, day), 1
    except ValueError:
        return


def _resolve(c: _Cand, m: re.Match, lex: dict, anchor: Optional[dt.date], lang: str = "en") -> None:
    """Fill c.date/precision from the match (no-op when it needs an anchor and has none)."""
    kind, caps = c.kind, lex.get("capitalised")
    if kind in ("weekday", "night"):
        if caps and not m.group("wd")[0].isupper():
            return
        wd = _key(lex["weekdays"], m.group("wd"))
        strict = kind == "weekday" and (m.group("pre") or "").lower() in [s.lower() for s in lex.get("strict_prefixes") or []]
        if anchor and wd is not None:
            c.date, c.precision = _weekday(anchor, wd, strict), 1
    elif kind == "wd_range":  # "between Monday and Wednesday": the first day, known within the span
        first, last = _key(lex["weekdays"], m.group("wd1")), _key(lex["weekdays"], m.group("wd"))
        if anchor and None not in (first, last) and not (caps and not m.group("wd1")[0].isupper()):
            c.date, c.precision = _weekday(_weekday(anchor, last), first), 2
            c.note = "a span of days: its first day, precision 2"
    elif kind == "d_range":  # "3-5 March", "March 3 to 5"
        month = _key(lex["months"], m.group("m") or m.group("m2"))
        days = [int(d) for d in re.findall(r"(?<!\d)\d{1,2}(?!\d)", m.group())][:2]
        year = m.group("y") or m.group("y2")
        if month and len(days) == 2 and days[0] < days[1] and not (caps and not (m.group("m") or m.group("m2"))[0].isupper()):
            if year is None and anchor:
                year = anchor.year - (1 if (month, days[0]) > (anchor.month, anchor.day) else 0)
            if year and days[0] <= 31:
                with contextlib.suppress(ValueError):
                    c.date, c.precision = dt.date(int(year), month, days[0]), 2 if days[1] - days[0] < 7 else 3
                    c.note = "a span of days: its first day"
    elif kind in ("numeric", "dmy", "mdy"):
        if kind != "numeric" and (_key(lex["months"], m.group("m")) is None or caps and not m.group("m")[0].isupper()):
            return
        c.date = _explicit(m.group(), anchor, lang=lang)
        if c.date is None and kind != "numeric":
            _resolve_month_day(c, m, lex, anchor)
        c.precision = 1 if c.date else None
    elif kind in ("iso", "month"):
        month = int(m.group("m")) if kind == "iso" else _key(lex["months"], m.group("m"))
        if month is None or (caps and kind != "iso" and not m.group("m")[0].isupper()):
            return
        year = int(m.group("y")) if m.group("y") else None
        if kind == "month":
            if not (m.group("in") or m.group("part") or year):
                return
            day = _key(lex.get("month_parts") or {}, m.group("part") or "") or 15
            if year is None and anchor:
                year = anchor.year - (1 if month > anchor.month else 0)
            if year:
                c.date, c.precision = _month_day(year, month, day, anchor), 3
            return
        _resolve_month_day(c, m, lex, anchor)
    elif kind == "year":
        c.background, c.note = True, "only a year is given: not coded"
    elif kind in ("this_year", "last_year"):
        c.background, c.note = True, "only a year is given: not coded"
    elif kind == "ago":
        n = parse_number(m.group("n")) if m.group("n").lower() not in ("a", "an") else 1
        if anchor and n is not None:
            weeks = m.group("unit").lower().startswith("week")
            c.date, c.precision = anchor - dt.timedelta(days=n * (7 if weeks else 1)), 2 if weeks else 1
    elif anchor and kind in _PRECISION:
        monday = anchor - dt.timedelta(days=anchor.weekday())
        yesterday = anchor - dt.timedelta(days=1)
        c.precision = _PRECISION[kind]
        c.date = {
            "today": anchor, "overnight": anchor, "yesterday": yesterday,
            "day_before_yesterday": anchor - dt.timedelta(days=2),
            "last_week": monday - dt.timedelta(days=4),
            "this_week": _middle(monday, yesterday),
            "weekend": _weekday(anchor, 5),
            "this_month": _middle(anchor.replace(day=1), yesterday),
            "last_month": (anchor.replace(day=1) - dt.timedelta(days=1)).replace(day=15),
        }[kind]
        c.background = kind == "last_month"


#: a date stamped on the page rather than told by the text
_STAMP_BEFORE = re.compile(r"(?i)(?:^|\b)(?:date|dated|updated|published|posted|first\s+published|last\s+modified|"
                           r"last\s+updated|submitted\s+on|reviewed\s+on)\s*:?\s*(?:on\s+)?$")
_STAMP_AFTER = re.compile(r"\s*,?\s*(?:at\s+)?\d{1,2}:\d{2}\b")
#: date phrases that name the day by the calendar, and those that count from the report's date
_ABSOLUTE = ("iso", "mdy", "dmy", "numeric")
_RELATIVE = ("weekday", "night", "yesterday", "day_before_yesterday", "overnight", "today")


def _find(ana: Analysis, index: int) -> list[_Cand]:
    """Every date phrase in sentence `index`, longest first on overlaps, in text order (read once
    per sentence and document; callers get copies they may change)."""
    return per_report(ana, "_date_phrases", index, lambda: _find_uncached(ana, index))


def _find_uncached(ana: Analysis, index: int) -> list[_Cand]:
    sent = ana.sentences[index]
    lex, pats, anchor = _lexicon(ana.lang), _patterns(ana.lang), ana.anchor_date
    found: list[tuple[_Cand, re.Match]] = []
    for kind, pat in pats.items():
        if kind.startswith(("statement", "background", "origin")):
            continue
        for m in pat.finditer(sent.text):
            found.append((_Cand(sent.start + m.start(), sent.start + m.end(), kind), m))
    kept: list[_Cand] = []
    head = ana.dateline or Span(0, 0, "")
    for cand, m in sorted(found, key=lambda cm: cm[0].start - cm[0].end):
        if any(cand.start < k.end and k.start < cand.end for k in kept):
            continue
        if cand.start < head.end or (cand.start < 80 and re.match(r"\s*\)?\s*(?:\([^)]{0,30}\)|[—–:-])", ana.text[cand.end:])):
            continue  # the dateline's date is the anchor, not the event's date
        if _STAMP_BEFORE.search(ana.text[max(sent.start, cand.start - 25):cand.start]) or \
                _STAMP_AFTER.match(ana.text[cand.end:cand.end + 12]):
            continue  # page furniture ("date 2019-05-10", "Updated: ... 11:35"): the report's date
        lead = re.match(r"\w+\s+", ana.text[cand.start:cand.end])  # "in" of "in April 2023"
        if (cand.kind in _ABSOLUTE or cand.kind in ("month", "year")) and pats["origin_before"].search(
                ana.text[max(sent.start, cand.start - 40):cand.start] + (lead.group() if lead else "")):
            continue  # "the conflict, which erupted in April 2023", "since 2015": when a war began
        if cand.kind in ("dmy", "mdy", "d_range") and month_as_name(lex, m, ana.text[sent.start:cand.start]):
            continue  # "el distrito 9 de Octubre", "rue du 8 Mai": a street or quarter, not a day
        if cand.kind not in _REFS:
            _resolve(cand, m, lex, anchor, ana.lang)
            if cand.date is None and anchor is None and cand.kind in ("dmy", "mdy"):  # "Saturday, March 8"
                cand.date, cand.note = weekday_day(ana, ana.text[max(sent.start, cand.start - 16):cand.start],
                                                   m.group("m"), int(m.group("d")), lex, _key)
                if cand.date is None:
                    cand.date, cand.note = url_month_day(ana, m.group("m"), int(m.group("d")), lex, _key)
                cand.precision = 1 if cand.date else None
            if cand.date and anchor and (anchor - cand.date).days > BACKGROUND_DAYS:
                cand.background = True
            if cand.date is None and not cand.background:
                continue
        before = ana.text[max(sent.start, cand.start - 60):cand.start]
        after = ana.text[cand.end:min(sent.end, cand.end + 30)]
        cand.statement = bool(pats["statement_before"].search(before) or pats["statement_after"].search(after))
        kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _resolve_ref(ana: Analysis, index: int, cand: _Cand) -> None:
    """ "the same day", "the next day": relative to the nearest date told before it."""
    for i in range(index, -1, -1):
        for prior in reversed(_find(ana, i)):
            if prior.start < cand.start and prior.date and prior.kind not in _REFS:
                cand.date = prior.date + dt.timedelta(days=_REFS[cand.kind])
                cand.precision, cand.background = prior.precision, prior.background
                return


def _candidates(ana: Analysis, index: int) -> list[_Cand]:
    """The date candidates of sentence `index` (read once per sentence and document; callers get
    copies they may change)."""
    return per_report(ana, "_date_candidates", index, lambda: _candidates_uncached(ana, index))


def _candidates_uncached(ana: Analysis, index: int) -> list[_Cand]:
    cands = _find(ana, index)
    for c in cands:
        if c.kind in _REFS:
            _resolve_ref(ana, index, c)
    cands = [c for c in cands if c.date or c.background]
    anchor = ana.anchor_date
    if anchor and any(c.kind in _RELATIVE and c.date and c.date != anchor for c in cands):
        # "Updated Sept. 7 ... bomber struck on Saturday": the report's own date beside a day the
        # text counts from it is the page's date, not the event's
        cands = [c for c in cands if not (c.kind in _ABSOLUTE and c.date == anchor)]
    if any(c.kind not in ("overnight", "today") and not c.statement and not c.background for c in cands):
        cands = [c for c in cands if c.kind not in ("overnight", "today") or c.statement]  # a named day wins
    return cands


def event_date(ana: Analysis, sentences: list[int], news: bool = False) -> DateResult:
    """The date of the event told in `sentences` (the trigger sentence first).

    Args:
        ana (Analysis): the analysed report; `ana.anchor_date` anchors relative dates.
        sentences (list[int]): sentence indices, trigger sentence first.
        news (bool): the event is the report's news (not background): a date before the news
            ("in November 2021") is not its day; with no other day it takes the report's.
    RETURNS (DateResult): date, time_precision, the date phrase's span and why.
    """
    anchor = ana.anchor_date
    best: Optional[tuple] = None
    days: list[_Cand] = []
    for rank, index in enumerate(i for i in sentences if 0 <= i < len(ana.sentences)):
        for c in _candidates(ana, index):
            if news and c.background and anchor is not None:
                continue
            cls = 2 if c.background else 1 if c.statement else 0
            # the act's own day anywhere in the event beats the day of a statement about it
            key = 2 * cls + (rank > 0), rank, c.start
            if best is None or key < best[0]:
                best = (key, c)
            if c.date and c.precision == 1 and not c.statement and not c.background:
                days.append(c)
    if best is not None and best[1].kind in _SPANS and best[1].date and not best[1].statement:
        # "over the weekend" ... "on Sunday": the day the event's sentences name inside the span
        inside = [d for d in days if abs((d.date - best[1].date).days) <= _SPANS[best[1].kind]]
        if inside:
            best = (best[0], inside[0])
    if best is None:
        if anchor is None:
            return DateResult(None, None, reason=NO_ANCHOR)
        first = min((i for i in sentences if 0 <= i < len(ana.sentences)), default=0)
        for index in range(first - 1, -1, -1):  # the day told just before ("In Nakuru, protesters ...")
            told = [c for c in _candidates(ana, index) if c.date and not c.statement and not c.background]
            if told:
                return DateResult(told[0].date, told[0].precision, ana.span(told[0].start, told[0].end),
                                  reason=NO_DATE_BEFORE)
        return DateResult(anchor, 2, reason=NO_DATE)
    c = best[1]
    span = ana.span(c.start, c.end)
    if c.date is None:
        return DateResult(None, None, span, reason=c.note, background=True)
    precision, reason = c.precision, (c.note if anchor is None and c.note else
                                      f"{c.kind} phrase resolved on anchor {anchor}")
    if c.statement:
        precision = max(precision or 2, 2)
        reason = "only the date of the statement is known"
    if c.background:
        reason = "the date lies before the report's news (background)"
    return DateResult(c.date, precision, span, reason=reason, background=c.background)


def sentence_dates(ana: Analysis, sentence: int) -> list[dt.date]:
    """Days that sentence `sentence` names for what it tells (statement dates and background left out)."""
    if not 0 <= sentence < len(ana.sentences):
        return []
    return [c.date for c in _candidates(ana, sentence) if c.date and not c.statement and not c.background]


def background_cue(ana: Analysis, sentence: int) -> Optional[Span]:
    """A phrase placing sentence `sentence` in the past before the report's news, else None."""
    if not 0 <= sentence < len(ana.sentences):
        return None
    sent = ana.sentences[sentence]
    hits = [(sent.start + m.start(), sent.start + m.end())
            for m in _patterns(ana.lang)["background"].finditer(sent.text)]
    hits += [(c.start, c.end) for c in _candidates(ana, sentence) if c.background]
    if not hits:
        return None
    start, end = min(hits)
    return ana.span(start, end)
