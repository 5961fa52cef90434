"""Explicit dates read by `dateparser` ("12/03/2025", "12 марта", "3 de marzo de 2025"), and day-month
phrases that name a street, for `dates.py`."""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Optional


@functools.lru_cache(maxsize=4096)
def _explicit(text: str, anchor: Optional[dt.date], order: Optional[str] = None, lang: str = "en") -> Optional[dt.date]:
    """An explicit date ("12/03/2025", "12 марта", "3 de marzo de 2025") read by `dateparser`.

    Day-month order is ambiguous in numeric dates: both orders are tried and the reading
    that is not after the anchor and nearest to it is kept. A date without a year needs an anchor
    (never today's date); the year is the latest one not after the anchor (roll-over at January).
    """
    import dateparser

    base = dt.datetime.combine(anchor, dt.time(12)) if anchor else None
    found = []
    for date_order in ([order] if order else ["DMY", "MDY"]):
        settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"], "DATE_ORDER": date_order,
                    "PREFER_DAY_OF_MONTH": "first"}
        if base:
            settings["RELATIVE_BASE"] = base
        parsed = dateparser.parse(text, languages=[lang], settings=settings)
        if parsed is None or (base is None and not re.search(r"(?:19|20)\d\d", text)):
            continue
        found.append(parsed.date())
    if anchor:
        found = [d for d in found if d <= anchor]
    return min(found, key=lambda d: (anchor - d).days if anchor else 0) if found else None


def month_as_name(lex: dict, m: re.Match, before: str) -> bool:
    """In a language that writes its months in lower case (`dates.yaml` `lowercase_months`), a
    capitalised month inside a sentence of lower-case words names a street, a quarter or a square
    ("el distrito 9 de Octubre", "rue du 8 Mai"). `before`: the sentence's text before the match."""
    if not lex.get("lowercase_months"):
        return False
    month = m.groupdict().get("m") or m.groupdict().get("m2") or ""
    return month[:1].isupper() and any(w[0].islower() for w in re.findall(r"[^\W\d_]+", before))
