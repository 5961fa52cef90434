"""Days of a report with no publication date or dateline: a weekday beside a day and month
("Saturday, March 8", "mardi 3 mai") fixes the year when only one year can be meant.

The years are those in which that day falls on that weekday, not after the day the report was read
(`Document.ingested_at`, else today) and not before the latest year the report names (the news is
not older than the history it recalls): exactly one such year is the event's; several leave the day
unresolved (a wrong year is worse than none: the incident it joins can date it). A report naming
no year is read as recent: the latest such year within `WINDOW` years of the reading (a day and
month fall on a given weekday about every 6 years).
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
