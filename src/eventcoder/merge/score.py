"""How likely two events of different reports are the same real event: a score in [0, 1] and why.

`compare(a, b)` looks at two Profiles and returns a `Match` (score and evidence) or None when
they cannot be the same event:

* hard limits: the same report, dates more than `DATE_WINDOW` days apart, an event dated after
  the other report was published, another country or places more than `MAX_KM` apart (unless
  the texts tell the same story: a near-duplicate, or the same quotes; a coder's wrong place
  must not split one story; places in two countries at most `MAX_KM` apart, either side of a
  border, are compared by their distance and join only on evidence);
* structure (`structure`): place, date, type, actors and fatalities, weighted as `WEIGHTS`
  (the merger of the synthetic devset, where every report has a date);
* evidence (`evidence`): near-duplicate text (MinHash containment), shared names, shared
  quotes, shared figures, the same toll / injured count and, for a pair not both dated, the
  same day of the week (`Profile.days`);
* another day of the week (not both dated; the days each report names are disjoint) keeps a
  pair under the threshold: a look-alike at the same place on another day.

score = (structure + EVIDENCE_BONUS * evidence) / (1 + EVIDENCE_BONUS). Undated (one or both),
or dated on different days (beyond the codebook's +-1 day for an approximate date): the date
says nothing, so the score is also capped by the evidence (`undated_cap`): such an event joins
only on strong evidence (near-duplicate text, or shared names / quotes / figures with an
agreeing place and type), whatever its coded fields. That also keeps the pair graph from
chaining day after day through a busy city, which keeps incremental merging cheap.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from ..geo import km_between
from .profile import Profile
from .text import NUM_PERM, generic_names, name_parts

THRESHOLD = 0.5
DATE_WINDOW = 3
#: pairs further apart than this (both with coordinates) are not the same event...
MAX_KM = 100.0
#: ...unless their texts are near-duplicates (containment at least this)
NEAR_DUPLICATE = 0.3
WEIGHTS = {"place": 0.35, "date": 0.2, "type": 0.2, "actors": 0.15, "fatalities": 0.1}
_DATE_SCORE = {0: 1.0, 1: 0.6, 2: 0.3, 3: 0.1}
EVIDENCE_BONUS = 0.3
#: events of less alike types than this (1.0 same sub-event type, 0.6 same event type, 0.3 same
#: family) need evidence to be joined
SAME_KIND = 1.0
#: one story told twice: containment >= NEAR_DUPLICATE with SAME_STORY_QUOTES shared quoted
#: 3-grams or a shared full name; it lifts the MAX_KM limit, and with containment >=
#: SAME_STORY_TEXT it joins events whose coded countries differ
SAME_STORY_TEXT = 0.5
#: the highest score of events of other sub-event types without shared text or quotes (under THRESHOLD),
#: unless they are of one event type (`_kind` SAME_TYPE) with evidence of at least SAME_TYPE_EVIDENCE
#: that is more than names (the same toll, or the same day of the week, too)
OTHER_KIND_CAP = 0.45
SAME_TYPE = 0.6
SAME_TYPE_EVIDENCE = 0.8
#: the highest score of a pair not both dated whose events fall on other days of the week
#: (`Profile.days`: the date's weekday, else those the report names), under THRESHOLD...
OTHER_DAY_CAP = 0.45
#: ...and the evidence of one on a day of the week the other names (with the same toll, or a
#: shared figure and name, enough for a pair at one place)
SAME_WEEKDAY = 0.35
SAME_STORY_QUOTES = 4


@dataclass
class Match:
    """A scored pair: `score` in [0, 1] and the evidence behind it (JSON-ready)."""

    score: float
    evidence: dict = field(default_factory=dict)

    def reason(self) -> str:
        """One line: the kinds of evidence that carried the pair."""
        e = self.evidence
        parts = []
        if e.get("text", 0) >= 0.2:
            parts.append(f"near-duplicate text ({e['text']:.2f})")
        if e.get("names"):
            parts.append("names: " + ", ".join(e["names"][:4]))
        if e.get("quotes"):
            parts.append(f"{e['quotes']} shared quote words")
        if e.get("numbers"):
            parts.append("figures: " + ", ".join(map(str, e["numbers"][:4])))
        if e.get("same_toll"):
            parts.append("same toll" + (" and injured" if e.get("same_injured") else ""))
        if e.get("days") is not None:
            parts.append(f"dates {e['days']} day(s) apart")
        else:
            parts.append("undated" + (" (same day of the week)" if e.get("same_weekday") else ""))
        if e.get("place"):
            parts.append(f"place {e['place']:.2f}")
        return "; ".join(parts)


def containment(a: Profile, b: Profile) -> float:
    """Estimated share of the shorter text's shingles found in the other (from MinHash Jaccard)."""
    if a.sig is None or b.sig is None or not a.n_shingles or not b.n_shingles:
        return 0.0
    j = float(np.count_nonzero(a.sig == b.sig)) / NUM_PERM
    if j <= 0.0:
        return 0.0
    return min(1.0, j * (a.n_shingles + b.n_shingles) / ((1 + j) * min(a.n_shingles, b.n_shingles)))


def _place(a: Profile, b: Profile, distance: Optional[float]) -> float:
    coord = max(0.0, 1.0 - distance / 50.0) if distance is not None else 0.0
    if a.location and a.location == b.location:
        name = 1.0
    elif a.admin2 and a.admin2 == b.admin2:
        name = 0.8
    elif a.admin1 and a.admin1 == b.admin1:
        name = 0.5
    else:
        name = 0.0
    return max(coord, name)


def _within_region(a: Profile, b: Profile) -> bool:
    """One event is placed only at a province or region (precision 3: its centre stands for it)
    and the other lies in that province: their distance says nothing."""
    return bool(a.admin1) and a.admin1 == b.admin1 and 3 in (a.geo_precision, b.geo_precision)


def _unidentified(actor: str) -> bool:
    return not actor or actor.startswith("unidentified")


def _actors(a: Profile, b: Profile) -> float:
    if _unidentified(a.actor1) or _unidentified(b.actor1):
        first = 0.5
    else:
        first = 1.0 if a.actor1 == b.actor1 else 0.0
    second = 0.5 if not a.actor2 or not b.actor2 else (1.0 if a.actor2 == b.actor2 else 0.0)
    return 0.7 * first + 0.3 * second


def _kind(a: Profile, b: Profile) -> float:
    if a.sub_event_type and a.sub_event_type == b.sub_event_type:
        return 1.0
    if a.event_type and a.event_type == b.event_type:
        return 0.6
    return 0.3 if a.family and a.family == b.family else 0.0


def shared_names(a: Profile, b: Profile) -> list[str]:
    """Names both reports use, less place names (a name whose distinctive words are all words of
    either event's location or admin areas: "El-Arish" for Al Arish, "Borno State" for Borno),
    which `place` counts; a word inside a longer shared name is left out."""
    place = a.place_words() | b.place_words()
    parts, generic = name_parts(), generic_names()
    shared = []
    for name in a.names & b.names:
        words = [w for w in name.split() if w not in parts and w not in generic]
        if name not in place and not (words and set(words) <= place):
            shared.append(name)
    full = [n for n in shared if " " in n]
    return sorted(n for n in shared if not any(n != m and f" {n} " in f" {m} " for m in full))


def name_weight(names: list[str], officials: frozenset[str] = frozenset()) -> float:
    """Evidence of shared names in [0, 1]: 0.4 per full name (two words or more: a person, a
    quarter, a hospital), 0.1 per other word or official's name (`officials`: written after an
    office, "police spokesman ..."), those at most 0.3. One name alone is not enough: a
    president or a governor is named in every report from his country."""
    full = sum(1 for n in names if " " in n and n not in officials)
    words = sum(1 for n in names if " " not in n or n in officials)
    return min(1.0, 0.4 * full + min(0.3, 0.1 * words))


def compare(a: Profile, b: Profile, window: int = DATE_WINDOW) -> Optional[Match]:
    """Score two events of different reports (see module doc); None when they cannot be one event."""
    if a.doc_id == b.doc_id:
        return None
    days = None
    if a.event_date and b.event_date:
        days = abs((a.event_date - b.event_date).days)
        if days > window:
            return None
    for x, y in ((a, b), (b, a)):  # an event cannot be told before it happened
        if x.event_date and y.published and (x.event_date - y.published).days > 1:
            return None
    text = containment(a, b)
    quotes = len(a.quotes & b.quotes)
    names = shared_names(a, b)
    # one story told twice: much the same text, and the same quoted words or the same person
    same_story = text >= NEAR_DUPLICATE and (quotes >= SAME_STORY_QUOTES or any(" " in n for n in names))
    distance = km_between(a, b)
    # either side of a border, close by: each side's outlets place a border clash in their own
    # country (the place is then the distance alone, and only evidence joins them)
    border = bool(a.country and b.country and a.country != b.country and distance is not None
                  and distance <= MAX_KM)
    if not a.country or a.country != b.country:
        # another country: a coder's slip ("ISNA" read as Esna, Egypt) or another event
        if not (same_story and text >= SAME_STORY_TEXT and a.family and a.family == b.family) and not border:
            return None
    if distance is not None and distance > MAX_KM and not same_story and not _within_region(a, b):
        return None
    figures = sorted(a.numbers & b.numbers)
    same_toll = a.fatalities > 0 and a.fatalities == b.fatalities
    same_injured = a.injured > 0 and a.injured == b.injured
    place = _place(a, b, distance) if a.country == b.country else max(0.0, 1.0 - distance / 50.0) if border else 0.0
    kind = _kind(a, b)
    fa, fb = max(a.fatalities, 0), max(b.fatalities, 0)
    parts = {"place": place, "date": _DATE_SCORE.get(days, 0.0) if days is not None else 0.3,
             "type": kind, "actors": _actors(a, b), "fatalities": (min(fa, fb) + 1) / (max(fa, fb) + 1)}
    structure = sum(WEIGHTS[k] * v for k, v in parts.items())
    weekday = None if days is not None or not a.days() or not b.days() else not a.days().isdisjoint(b.days())
    officials = a.officials | b.officials
    evidence = evidence_score(text, name_weight(names, officials), quotes, len(figures), same_toll, same_injured,
                              weekday is True)
    score = (structure + EVIDENCE_BONUS * evidence) / (1 + EVIDENCE_BONUS)
    loose_date = days is not None and days == 1 and ((a.time_precision or 1) > 1 or (b.time_precision or 1) > 1)
    if days is None or (days > 0 and not loose_date) or kind < SAME_KIND or border:
        # undated, dated days apart (codebook: the same date, +-1 day when a date is
        # approximate), of other event types or in two countries: only evidence that the
        # reports tell one story can join them
        score = min(score, undated_cap(evidence, place, kind))
    one_type_one_story = kind >= SAME_TYPE and evidence >= SAME_TYPE_EVIDENCE and (same_toll or weekday is True)
    if kind < SAME_KIND and text < NEAR_DUPLICATE and quotes < SAME_STORY_QUOTES and not one_type_one_story:
        # two kinds of act sharing only names (the region's security chief, the capital): a
        # kidnapping and a killing raid a week apart are told with the same officials (two
        # sub-types of one event type, a suicide bomb and an IED, with strong evidence beyond
        # names aside: the coders of two reports often differ on the sub-type of one blast)
        score = min(score, OTHER_KIND_CAP)
    if weekday is False and not same_story:
        # not both dated, and the reports name other days of the week (a rewrite of one story
        # aside): a look-alike at the same place on another day (two reports of one event name
        # its day)
        score = min(score, OTHER_DAY_CAP)
    info = {"score": round(score, 4), "text": round(text, 3), "names": names[:8], "quotes": quotes,
            "numbers": figures[:8], "same_toll": same_toll, "same_injured": same_injured, "days": days,
            "place": round(place, 2), "type": round(kind, 2), "structure": round(structure, 3),
            "evidence": round(evidence, 3)}
    if weekday is not None:
        info["same_weekday"] = weekday
    if officials & set(names):
        info["officials"] = sorted(officials & set(names))
    if a.country != b.country:
        info["countries"] = sorted(filter(None, (a.country, b.country)))
    return Match(score, info)


def evidence_score(text: float, names: float, quotes: int, figures: int, same_toll: bool,
                   same_injured: bool, same_weekday: bool = False) -> float:
    """Evidence that two reports tell one story, in [0, 1]; `same_weekday`: not both dated, and
    the event is on a day of the week the other report names."""
    # a little shared text is boilerplate ("the insurgency has killed 40,000 people since 2009")
    parts = [max(0.0, min(1.0, (text - 0.1) / 0.4)), names, min(1.0, quotes / 4.0)]
    score = max(parts)
    score += 0.15 * min(figures, 3) / 3 + 0.15 * same_toll + 0.15 * same_injured + SAME_WEEKDAY * same_weekday
    # several kinds of evidence together count more than one
    score += 0.25 * sorted(parts)[-2]
    return min(1.0, score)


def undated_cap(evidence: float, place: float, kind: float) -> float:
    """The highest score an undated pair may reach: what its evidence allows."""
    return evidence * (0.6 + 0.2 * place + 0.2 * kind)
