"""Shared types of the extractors: what `nlp.analyse` hands them and what each returns.

Every extractor returns plain dataclasses carrying `Span`s (character offsets into
`Document.text`); `coder.py` turns those spans into `Evidence` records.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from ..schema import Document


@dataclass(frozen=True)
class Span:
    """`text == document.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Analysis:
    """A document after language detection, sentence splitting and (English) parsing.

    `spacy_doc` covers the whole `text` (so token.idx are document offsets) or is None
    for languages without a parser; extractors must work with it None (lexicon path).
    """

    document: Document
    lang: str
    sentences: list[Sentence]
    spacy_doc: Any = None
    dateline: Optional[Span] = None  # "MOGADISHU, Somalia (Mar 14) —" if present
    dateline_place: Optional[str] = None  # "MOGADISHU, Somalia"
    dateline_date: Optional[dt.date] = None

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def anchor_date(self) -> Optional[dt.date]:
        """Date relative expressions resolve against: dateline date, else published."""
        return self.dateline_date or self.document.published

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding character `offset` (the last one when none does), by bisection."""
        starts = self.__dict__.get("_starts")
        if starts is None or len(starts) != len(self.sentences):
            starts = self.__dict__["_starts"] = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        for s in self.sentences:  # sentences out of order (never built so): the first holding it
            if s.start <= offset < s.end:
                return s
        return self.sentences[-1]

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def entities(self) -> tuple:
        """The parse's named entities (`spacy_doc.ents`), made once: spaCy builds them again on
        every read, walking every token of the document. Empty without a parse."""
        memo = self.__dict__.get("_ents")
        if memo is None or memo[0] is not self.spacy_doc:
            ents = tuple(self.spacy_doc.ents) if self.spacy_doc is not None else ()
            memo = self.__dict__["_ents"] = (self.spacy_doc, ents)
        return memo[1]


def shallow_copy(item: Any) -> Any:
    """A shallow copy of a dataclass instance, every field (faster than `copy.copy` or
    `dataclasses.replace` on the coder's hot paths)."""
    out = object.__new__(type(item))
    out.__dict__.update(item.__dict__)
    return out


def per_report(ana: Analysis, name: str, key: Any, make: Callable[[], list],
               copier: Callable[[Any], Any] = shallow_copy) -> list:
    """`make()`, worked out once per report and `key` (kept on the Analysis under `name`: each
    incident of a report asks again); every call gets copies of the items (`copier`; by default
    shallow, for dataclass instances whose field values are immutable), which callers may change."""
    memo = ana.__dict__.setdefault(name, {})
    if key not in memo:
        memo[key] = make()
    return [copier(item) for item in memo[key]]


# ------------------------------------------------------------------ triggers


@dataclass
class Trigger:
    """A word or phrase that signals an event of one sub-event type."""

    span: Span
    sentence: int
    event_type: str
    sub_event_type: str
    score: float = 1.0  # lexicon weight, 0-1
    negated: bool = False  # "no attack took place", "denied attacking"
    hypothetical: bool = False  # "could strike", "threatened to attack", future tense
    negative_cue: Optional[str] = None  # sports/markets/film/drill/... context that vetoes it


# ------------------------------------------------------------------ places


@dataclass
class Place:
    """A resolved toponym (or the event's place)."""

    span: Optional[Span]
    name: str  # location in ACLED spelling, e.g. "Mogadishu", "Tripoli - Abu Salim"
    country: Optional[str] = None  # ACLED country name ("Democratic Republic of Congo")
    iso3: Optional[str] = None
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    geo_precision: Optional[int] = None  # 1, 2, 3 (codebook §3)
    kind: str = "place"  # place | admin1 | country | feature | border | sea
    population: int = 0
    sentence: int = -1
    modifier: Optional[str] = None  # "near", "outskirts", "border", "region" ...
    reason: Optional[str] = None  # why null / how chosen
    #: the report's own spelling of a known place found under another spelling ("Sirte" for GeoNames'
    #: "Sirt"), used as the event's location while `span` still reads it (`extract/where/spelling.py`)
    written: Optional[str] = None


# ------------------------------------------------------------------ dates


@dataclass
class DateResult:
    date: Optional[dt.date]
    precision: Optional[int]  # time_precision 1/2/3
    span: Optional[Span] = None
    reason: Optional[str] = None  # e.g. "no anchor date: report has no dateline or published date"
    background: bool = False  # the phrase places the sentence in the past (before the news)


# ------------------------------------------------------------------ fatalities


@dataclass
class Fatalities:
    value: int = 0  # ACLED conservative figure
    low: Optional[int] = None
    high: Optional[int] = None
    injured: Optional[int] = None
    spans: list[Span] = field(default_factory=list)
    injured_span: Optional[Span] = None
    reason: Optional[str] = None


# ------------------------------------------------------------------ actors


@dataclass
class ActorMention:
    """A mention of an actor resolved to its ACLED name."""

    span: Span
    name: str  # ACLED actor name ("Al Shabaab", "Military Forces of Iraq (2022-)")
    inter: Optional[int]
    sentence: int = -1
    role: Optional[str] = None  # agent | patient | None (from the parse)
    kind: str = "armed"  # armed | state | civilians | protesters | rioters | unidentified


@dataclass
class Roles:
    actor1: Optional[ActorMention] = None
    actor2: Optional[ActorMention] = None
    assoc_actor_1: Optional[str] = None
    assoc_actor_2: Optional[str] = None
    reason: Optional[str] = None


# ------------------------------------------------------------------ sources / certainty


@dataclass
class SourceChain:
    chain: list[str] = field(default_factory=list)  # outlet first
    spans: list[Span] = field(default_factory=list)
    claimed_by: Optional[str] = None  # ACLED actor name of a claim of responsibility
    claim_span: Optional[Span] = None
    denied_by: Optional[str] = None


@dataclass
class Certainty:
    value: str = "reported"  # confirmed | reported | claimed | speculative
    span: Optional[Span] = None
    speculated_perpetrators: list[str] = field(default_factory=list)
    speculation_span: Optional[Span] = None
    reason: Optional[str] = None


# ------------------------------------------------------------------ what the coder knows of one event


@dataclass
class EventContext:
    """What `coder.py` has decided about one candidate event before asking for actors etc."""

    trigger: Trigger
    sentences: list[int]  # indices of the sentences that tell this event (trigger's first)
    sub_event_type: str
    event_type: str
    place: Optional[Place] = None
    event_date: Optional[dt.date] = None
    sources: Optional[SourceChain] = None
    certainty: Optional[Certainty] = None

    @property
    def country(self) -> Optional[str]:
        return self.place.country if self.place else None
