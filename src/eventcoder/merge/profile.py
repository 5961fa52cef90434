"""What the merger knows of one event: its coded fields and the fingerprint of its report's text.

A `Profile` is computed once per event, from the event and (when known) its document: at
ingest it is stored beside the event (`merge_profiles`), so neither incremental merging nor a
rebuild needs the text again, and both see exactly the same values.

Text evidence (`merge.text`: MinHash signature of the word 3-grams, names and which of them are
officials', figures, quotes, days of the week)
comes from the report, or from the event's evidence spans when no text is given.

`keys` are the blocking keys: LSH bands of the signature, the names, the quotes and the place
on a day of the week (`D:`, what finds an undated report's event), with which the
candidates of an event are found among stored events (`merge.blocking`).
"""
from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

import numpy as np

from ..schema import SUB_TO_TYPE, Event
from .text import names, norm_name, numbers, officials, quote_grams, shingles, signature, weekdays

#: LSH bands x rows (BANDS * ROWS <= NUM_PERM): a pair of texts with Jaccard similarity 0.3
#: shares a band with probability 0.95, 0.15: 0.52, 0.05: 0.08 (a short rewrite inside a long
#: story has a low Jaccard similarity: the bands are many and short).
BANDS, ROWS = 32, 2
#: at most this many quoted 3-grams (the smallest hashes: the same ones in every report
#: quoting the same words) are blocking keys
QUOTE_KEYS = 24

FAMILY = {"Battles": "violence", "Explosions/Remote violence": "violence",
          "Violence against civilians": "violence", "Protests": "demonstrations",
          "Riots": "demonstrations", "Strategic developments": "strategic"}


def family(event: Event) -> Optional[str]:
    """The family of an event's type: violence, demonstrations or strategic (None when untyped)."""
    etype = event.event_type or SUB_TO_TYPE.get(event.sub_event_type or "")
    return FAMILY.get(etype or "")


# ---------------------------------------------------------------------------- the profile


@dataclass
class Profile:
    """An event as the merger sees it (see module doc); `to_dict` / `from_dict` store it."""

    event_id: str
    doc_id: str
    background: bool = False
    country: Optional[str] = None
    family: Optional[str] = None
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None
    event_date: Optional[dt.date] = None
    time_precision: Optional[int] = None
    published: Optional[dt.date] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    geo_precision: Optional[int] = None
    location: str = ""
    admin1: str = ""
    admin2: str = ""
    actor1: str = ""
    actor2: str = ""
    fatalities: int = 0
    injured: int = 0
    text_chars: int = 0
    n_shingles: int = 0
    sig: Optional[np.ndarray] = None
    names: frozenset[str] = field(default_factory=frozenset)
    numbers: frozenset[int] = field(default_factory=frozenset)
    quotes: frozenset[str] = field(default_factory=frozenset)
    weekdays: frozenset[int] = field(default_factory=frozenset)
    officials: frozenset[str] = field(default_factory=frozenset)

    @property
    def ref_date(self) -> Optional[dt.date]:
        """The event date, else the report's publication date (what time-bounded blocking uses)."""
        return self.event_date or self.published

    def days(self) -> frozenset[int]:
        """The day of the week of the event (0 Monday): its date's when dated to the day, else
        the days its report names (none, one, or several)."""
        if self.event_date and (self.time_precision or 1) == 1:
            return frozenset({self.event_date.weekday()})
        return self.weekdays

    def place_words(self) -> frozenset[str]:
        """The words (and whole names) of the event's location and admin areas."""
        cached = self.__dict__.get("_place_words")
        if cached is None:
            names = (self.location, self.admin1, self.admin2)
            cached = self.__dict__["_place_words"] = frozenset(
                {w for name in names for w in name.split()} | {n for n in names if n})
        return cached

    def keys(self) -> list[str]:
        """Blocking keys: `L<band>:<hash>` per LSH band, `N:<name>` per two-word name,
        `Q:<hash>` per quoted 3-gram (the QUOTE_KEYS smallest hashes) and
        `D:<country>|<place>|<weekday>` per day of the week of the event (`days`) and place
        (its location and its admin2: `score` counts a shared district as almost one place)."""
        cached = self.__dict__.get("_keys")
        if cached is None:
            cached = self.__dict__["_keys"] = self._make_keys()
        return cached

    def key_set(self) -> frozenset[str]:
        cached = self.__dict__.get("_key_set")
        if cached is None:
            cached = self.__dict__["_key_set"] = frozenset(self.keys())
        return cached

    def _make_keys(self) -> list[str]:
        out = []
        if self.sig is not None and self.n_shingles >= 8:
            for band in range(BANDS):
                chunk = self.sig[band * ROWS:(band + 1) * ROWS].tobytes()
                out.append(f"L{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
        place = self.place_words()  # two-word names: every longer name shared implies one of them shared
        for name in sorted(self.names):
            if name.count(" ") == 1 and name not in place:
                out.append(f"N:{name}")
        out += [f"Q:{q}" for q in sorted(self.quotes)[:QUOTE_KEYS]]
        if self.country:  # one place (town, or its district) on one day of the week: an undated report's event
            places = sorted({p for p in (self.location, self.admin2) if p})
            out += [f"D:{self.country}|{place}|{day}" for place in places for day in sorted(self.days())]
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "doc_id": self.doc_id, "background": self.background,
            "country": self.country, "family": self.family, "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "time_precision": self.time_precision,
            "published": self.published.isoformat() if self.published else None,
            "latitude": self.latitude, "longitude": self.longitude, "geo_precision": self.geo_precision,
            "location": self.location,
            "admin1": self.admin1, "admin2": self.admin2, "actor1": self.actor1, "actor2": self.actor2,
            "fatalities": self.fatalities, "injured": self.injured, "text_chars": self.text_chars,
            "n_shingles": self.n_shingles,
            "sig": base64.b64encode(self.sig.tobytes()).decode("ascii") if self.sig is not None else None,
            "names": sorted(self.names), "numbers": sorted(self.numbers), "quotes": sorted(self.quotes),
            "weekdays": sorted(self.weekdays), "officials": sorted(self.officials),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Profile":
        d = {k: v for k, v in data.items() if k in _FIELDS}
        for name in ("event_date", "published"):
            d[name] = dt.date.fromisoformat(d[name]) if d.get(name) else None
        d["sig"] = np.frombuffer(base64.b64decode(d["sig"]), dtype=np.uint32) if d.get("sig") else None
        d["names"] = frozenset(d.get("names") or ())
        d["numbers"] = frozenset(d.get("numbers") or ())
        d["quotes"] = frozenset(d.get("quotes") or ())
        d["weekdays"] = frozenset(d.get("weekdays") or ())
        d["officials"] = frozenset(d.get("officials") or ())
        return cls(**d)


_FIELDS = {f.name for f in dataclasses.fields(Profile)}


def _n(value: Optional[str]) -> str:
    return norm_name(value or "")


def event_text(event: Event) -> str:
    """What stands for the report when its text is not given: the event's evidence spans."""
    return "\n".join(e.text for e in event.evidence if e.text)


def build(event: Event, text: Optional[str] = None, published: Optional[dt.date] = None) -> Profile:
    """The profile of `event`; `text` is its report's text (None: the evidence spans stand for it).

    The same (event, text, published) always gives the same profile: no corpus statistics are
    used, so merging does not depend on what else is in the store or on the order of arrival.
    """
    body = text if text is not None else event_text(event)
    grams = shingles(body)
    found = names(body)
    return Profile(
        event_id=event.event_id, doc_id=event.doc_id, background=bool(event.background),
        country=event.country, family=family(event),
        event_type=event.event_type or SUB_TO_TYPE.get(event.sub_event_type or ""),
        sub_event_type=event.sub_event_type, event_date=event.event_date, time_precision=event.time_precision,
        published=published,
        latitude=event.latitude, longitude=event.longitude, geo_precision=event.geo_precision,
        location=_n(event.location),
        admin1=_n(event.admin1), admin2=_n(event.admin2), actor1=_n(event.actor1), actor2=_n(event.actor2),
        fatalities=event.fatalities or 0, injured=event.injured or 0, text_chars=len(body),
        n_shingles=len(grams), sig=signature(grams) if grams else None,
        names=frozenset(found), officials=frozenset(officials(body, found)), numbers=frozenset(numbers(body)),
        quotes=frozenset(quote_grams(body)),
        weekdays=frozenset(weekdays(body)),
    )


def build_for_document(events: Iterable[Event], text: Optional[str],
                       published: Optional[dt.date] = None) -> list[Profile]:
    """Profiles of the events of one report, its text fingerprinted once."""
    events = list(events)
    if text is None or not events:
        return [build(e, None, published) for e in events]
    first = build(events[0], text, published)
    out = [first]
    for e in events[1:]:
        p = build(e, "", published)
        p.text_chars, p.n_shingles, p.sig = first.text_chars, first.n_shingles, first.sig
        p.names, p.numbers, p.quotes, p.weekdays = first.names, first.numbers, first.quotes, first.weekdays
        p.officials = first.officials
        out.append(p)
    return out
