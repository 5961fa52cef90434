"""Days of a report with no publication date or dateline: a weekday beside a day and month
("Saturday, March 8", "mardi 3 mai") fixes the year, within a few years of the report's own.

The year chosen is the one in which that day falls on that weekday, nearest to the latest year the
report names (a tie goes to the later year); a report naming no year leaves the day unresolved.
A day and month fall on a given weekday about every 6 years, so the window is 7 years either side.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Callable, Optional

from ..base import Analysis

_YEARS = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
WINDOW = 7


def weekday_year(ana: Analysis, weekday: int, month: int, day: int) -> Optional[tuple[dt.date, str]]:
    """(date, why) for `day` `month` falling on `weekday` (0 = Monday), or None."""
    years = ana.__dict__.get("_text_years")
    if years is None:
        years = ana.__dict__["_text_years"] = [int(y) for y in _YEARS.findall(ana.text)]
    if not years:
        return None
    latest = max(years)
    fits = []
    for year in range(latest - WINDOW, latest + WINDOW + 1):
        with contextlib.suppress(ValueError):
            if dt.date(year, month, day).weekday() == weekday:
                fits.append(year)
    if not fits:
        return None
    year = min(fits, key=lambda y: (abs(y - latest), -y))
    return dt.date(year, month, day), (f"no report date: {year} is the year nearest {latest} (the latest "
                                       f"the report names) in which that day is that weekday")


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
