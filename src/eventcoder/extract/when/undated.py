"""Days of a report with no publication date or dateline: a weekday beside a day and month
("Saturday, March 8", "mardi 3 mai") fixes the year when only one year can be meant.

The years are those in which that day falls on that weekday, not after the day the report was read
(`Document.ingested_at`, else today) and not before the latest year the report names (the news is
not older than the history it recalls): exactly one such year is the event's; several leave the day
unresolved (a wrong year is worse than none: the incident it joins can date it). A report naming
no year is read as recent: the latest such year within `WINDOW` years of the reading (a day and
month fall on a given weekday about every 6 years).

A page address that names the year, or the year and month, of publication ("/2020/11/<slug>") is
the report's own time: the day is the one in that month or the two before it (that year when
only the year is named, or the last weeks of the year before), read as the date of a report
published then.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from typing import Callable, Optional

from ..base import Analysis

_YEARS = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
#: any year of the last two centuries a text names ("the 2015 bombing")
YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
WINDOW = 7
#: "/2020/11/", "/2020-11-", "/2016/09/slug": a year and a month in a page address's path
_URL_MONTH = re.compile(r"/((?:19[5-9]|20\d)\d)[/_-](0[1-9]|1[0-2])(?=[/_-]|$)")
#: "/2019/slug", "/news/2021/": a year alone as a path segment
_URL_YEAR = re.compile(r"/((?:19[5-9]|20\d)\d)(?=/)")
#: how long before its page's month an event told by day and month may lie
URL_MONTHS_BEFORE = 2


@functools.lru_cache(maxsize=1024)
def url_period(url: Optional[str]) -> Optional[tuple[dt.date, dt.date]]:
    """(first, last) day an event told in a report at this address may fall on, from the year and
    month (or year alone) its path names; None without one."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "", flags=re.I)
    found = _URL_MONTH.search(path)
    if found:
        year, month = int(found.group(1)), int(found.group(2))
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        first_month = (year * 12 + month - 1) - URL_MONTHS_BEFORE
        return dt.date(first_month // 12, first_month % 12 + 1, 1), last
    found = _URL_YEAR.search(path)
    if found:
        year = int(found.group(1))
        return dt.date(year - 1, 12, 1), dt.date(year, 12, 31)
    return None


def url_day(period: tuple[dt.date, dt.date], month: int, day: int,
            weekday: Optional[int] = None) -> Optional[tuple[dt.date, str]]:
    """(date, why) of the one `day` `month` (on `weekday` when given) within `period` (see
    `url_period`), or None when none or several fit."""
    fits = []
    for year in range(period[0].year, period[1].year + 1):
        with contextlib.suppress(ValueError):
            date = dt.date(year, month, day)
            if period[0] <= date <= period[1] and (weekday is None or date.weekday() == weekday):
                fits.append(date)
    if len(fits) != 1:
        return None
    return fits[0], (f"no report date: the page address names {period[1].isoformat()[:7]}; "
                     f"{fits[0].isoformat()} is the only such day in it or the weeks before")


def weekday_year(ana: Analysis, weekday: int, month: int, day: int) -> Optional[tuple[dt.date, str]]:
    """(date, why) for `day` `month` falling on `weekday` (0 = Monday), or None."""
    period = url_period(ana.document.url)
    if period is not None:
        return url_day(period, month, day, weekday)
    years = ana.__dict__.get("_text_years")
    if years is None:
        years = ana.__dict__["_text_years"] = [int(y) for y in _YEARS.findall(ana.text)]
    read = ana.document.ingested_at.date() if ana.document.ingested_at else dt.date.today()
    named = [y for y in years if y <= read.year]
    floor = max(named) if named else read.year - WINDOW
    fits = []
    for year in range(read.year, floor - 1, -1):
        with contextlib.suppress(ValueError):
            date = dt.date(year, month, day)
            if date <= read and date.weekday() == weekday:
                fits.append(date)
    if not fits or (named and len(fits) > 1):
        return None
    why = f"the only one since {floor}, the latest year the report names" if named else "no year named: the latest"
    return fits[0], (f"no report date: {fits[0].year} is the year, not after the report was read "
                     f"({read.isoformat()}), in which that day is that weekday ({why})")


def weekday_day(ana: Analysis, before: str, month_word: str, day: int, lex: dict,
                key: Callable[[dict, str], Optional[int]]) -> tuple[Optional[dt.date], str]:
    """(date, why) of "<weekday>, <day month>" when `before` (the text before the day and month) ends
    with a weekday name of the language's lexicon (`dates.yaml` `weekdays`, `months`); else (None, "")."""
    word = re.search(r"([^\W\d_]+)\.?\s*,?\s*$", before)
    weekday = key(lex["weekdays"], word.group(1)) if word else None
    month = key(lex["months"], month_word)
    if weekday is None or month is None or (lex.get("capitalised") and not word.group(1)[0].isupper()):
        return None, ""
    found = weekday_year(ana, weekday, month, day)
    return found if found else (None, "")


def url_month_day(ana: Analysis, month_word: str, day: int, lex: dict,
                  key: Callable[[dict, str], Optional[int]]) -> tuple[Optional[dt.date], str]:
    """(date, why) of a day and month with no year and no weekday ("on November 21") in a report
    with no date whose page address names its year and month (`url_period`); else (None, "")."""
    period = url_period(ana.document.url)
    month = key(lex["months"], month_word)
    if period is None or month is None:
        return None, ""
    found = url_day(period, month, day)
    return found if found else (None, "")


def report_year(ana: Analysis) -> Optional[int]:
    """The year the report was written: its publication's, else the one its page address names,
    else the latest year it names itself (news is not older than the history it recalls), else None."""
    doc = ana.document
    if doc.published:
        return doc.published.year
    if "_report_year" not in ana.__dict__:
        period = url_period(doc.url)
        read = doc.ingested_at.date() if doc.ingested_at else dt.date.today()
        years = [int(y) for y in YEAR.findall(ana.text) if int(y) <= read.year]
        ana.__dict__["_report_year"] = period[1].year if period else max(years) if years else None
    return ana.__dict__["_report_year"]
