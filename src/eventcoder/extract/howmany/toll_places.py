"""Which place each death figure of an event is told for: a toll split by place (issue 12).

A death figure's stretch runs from the previous figure (or the sentence start, or a clause break:
"; ", ", while ") to the next one (or the next clause break, or the sentence end). The places named
in a stretch are the report's places of the gazetteer (towns, districts, not countries or provinces),
villages the gazetteer lacks named with a settlement word ("in the village of X", "dans le village de
X", "в селе X": `data/lexicons/<lang>/unlisted_places.yaml`), and phrases that point at another place
without naming it ("in a nearby village": `other_place` in `data/lexicons/<lang>/fatalities.yaml`).

- `elsewhere`: when one figure is told for the event's own place, figures told for other places are
  not the event's ("In Kharkiv, 10 were killed, while in Sumy, three people died": Kharkiv's event
  takes 10, Sumy's 3).
- `apart`: when no figure names the event's place (the event was placed from another sentence), a
  figure told for another place than the first figure that names one, or after another figure for a
  place pointed at ("in a nearby village"), is that place's toll, not a further group of this event's
  ("eight were killed in the village of A; the rebels also killed four others in the village of B":
  8, not 12). Each place's own event is coded from its own sentences.
"""
from __future__ import annotations

import functools
import re
from typing import Optional, Sequence

from ..base import Analysis, Place
from ..cues import load_cues
from .fatality_lexicon import _lex

#: where one clause of a sentence ends and another, maybe about another place, begins
CLAUSE_BREAK = re.compile(r";\s|,\s+(?:while|whereas|but|and|alors que|tandis que|mais|mientras que|mientras|pero|"
                          r"в то время как|а|но)\s", re.I)
#: a capitalised name (Latin or Cyrillic script), one to three words
_NAME = r"[A-ZÀ-ÖØ-ÝА-ЯЁ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÝА-ЯЁ][\w'’-]+){0,2}"
#: place mentions that tell no figure's place: the outlet's dateline, a reference point ("30 km from X")
_NOT_TOLD = ("dateline", "reference")
#: the name standing for a place pointed at but not named ("in a nearby village")
OTHER_PLACE = "<another place>"


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(map(str, words), key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def _patterns(lang: str) -> tuple[Optional[re.Pattern], Optional[re.Pattern]]:
    """(a settlement word and the name after it, a phrase pointing at another place), or None each."""
    cues = load_cues(lang, "unlisted_places")
    village = None
    if cues.get("settlement"):
        link = rf"(?:\s+(?i:{_alternatives(cues['link'])}))?\s*" if cues.get("link") else r"\s+"
        village = re.compile(rf"(?<!\w)(?i:{_alternatives(cues['settlement'])}){link}(?P<name>{_NAME})")
    words = _lex(lang).get("other_place") or ()
    other = re.compile(rf"(?<!\w)(?:{_alternatives(words)})(?!\w)", re.I) if words else None
    return village, other


def _stretches(ana: Analysis, killed: list) -> list[tuple[int, int]]:
    """The stretch of text each death figure (sorted by position) is told in."""
    out = []
    for i, m in enumerate(killed):
        sent = ana.sentence_at(m.start)
        breaks = list(CLAUSE_BREAK.finditer(ana.text, sent.start, sent.end))
        lo = max([sent.start] + [o.end for o in killed[:i] if o.end <= m.start]
                 + [b.end() for b in breaks if b.end() <= m.start])
        hi = min([sent.end] + [o.start for o in killed[i + 1:] if o.start >= m.end]
                 + [b.start() for b in breaks if b.start() >= m.end])
        out.append((lo, hi))
    return out


def _named(ana: Analysis, places: Sequence[Place], lo: int, hi: int, unnamed: bool) -> set[str]:
    """The places named in text[lo:hi]; with `unnamed` also villages the gazetteer lacks and phrases
    pointing at another place, and not the dateline's city nor a reference point."""
    names = {p.name for p in places if p.span is not None and p.name and p.kind not in ("country", "admin1")
             and lo <= p.span.start and p.span.end <= hi and not (unnamed and p.modifier in _NOT_TOLD)}
    if not unnamed:
        return names
    village, other = _patterns(ana.lang)
    if village is not None:
        taken = [(p.span.start, p.span.end) for p in places if p.span is not None]
        for m in village.finditer(ana.text, lo, hi):
            if not any(a < m.end("name") and m.start("name") < b for a, b in taken):
                names.add(m.group("name").lower())
    if other is not None and other.search(ana.text, lo, hi):
        names.add(OTHER_PLACE)
    return names


def elsewhere(ana: Analysis, mentions: list, place: Optional[Place], places: Sequence[Place]) -> set[int]:
    """Ids of killed mentions told for another place than the event's, when one is told for its place."""
    if place is None or not place.name or place.kind == "country":
        return set()
    named = [p for p in places if p.span is not None and p.name and p.kind not in ("country", "admin1")]
    killed = sorted((m for m in mentions if m.kind == "killed"), key=lambda m: m.start)
    here, away = set(), set()
    for m, (lo, hi) in zip(killed, _stretches(ana, killed)):
        inside = _named(ana, named, lo, hi, unnamed=True)
        if place.name in inside:
            here.add(id(m))
        elif inside:
            away.add(id(m))
    return away if here else set()


def apart(ana: Analysis, mentions: list, place: Optional[Place], places: Sequence[Place]) -> set[int]:
    """Ids of killed mentions told for another place than the first figure that names a place, when no
    figure names the event's own place (see the module docstring)."""
    killed = sorted((m for m in mentions if m.kind == "killed"), key=lambda m: m.start)
    if len(killed) < 2:
        return set()
    told = [_named(ana, places, lo, hi, unnamed=True) for lo, hi in _stretches(ana, killed)]
    if place is not None and place.name and any(place.name in names for names in told):
        return set()  # `elsewhere` decides
    out = {id(m) for m, names in zip(killed[1:], told[1:]) if names == {OTHER_PLACE}}  # "in a nearby village"
    first = next((names for names in told if names and names != {OTHER_PLACE}), None)
    if first is not None:
        out |= {id(m) for m, names in zip(killed, told) if names and not names & first}
    return out
