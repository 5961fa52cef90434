"""The data model: the single source of truth for field names, types, enums and export order.

The store (`store/tables.py`), every exporter (`export/`), the JSON Schema file
(`data/schema/event.schema.json`) and the docs are generated from the dataclasses here.
Codebook: `shared/codebook.md` sections 1-6.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Optional

# ---------------------------------------------------------------- enums (codebook §1, §2.3)

#: event_type -> sub_event_types, both in ACLED precedence order (highest first).
TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": ("Government regains territory", "Non-state actor overtakes territory", "Armed clash"),
    "Protests": ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
EVENT_TYPES: tuple[str, ...] = tuple(TAXONOMY)
SUB_EVENT_TYPES: tuple[str, ...] = tuple(s for subs in TAXONOMY.values() for s in subs)
SUB_TO_TYPE: dict[str, str] = {s: t for t, subs in TAXONOMY.items() for s in subs}
#: global precedence rank of a sub-event type: 0 is the highest-ranked (codebook §1.1).
SUB_RANK: dict[str, int] = {s: i for i, s in enumerate(SUB_EVENT_TYPES)}

INTER_CODES: dict[int, str] = {
    1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}
CERTAINTY: tuple[str, ...] = ("confirmed", "reported", "claimed", "speculative")
GEO_PRECISION = (1, 2, 3)
TIME_PRECISION = (1, 2, 3)


def disorder_type(sub_event_type: Optional[str]) -> Optional[str]:
    """ACLED disorder_type of a sub-event type (codebook §1.1 table)."""
    if sub_event_type is None:
        return None
    event_type = SUB_TO_TYPE[sub_event_type]
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type == "Protests" or sub_event_type == "Violent demonstration":
        return "Demonstrations"
    if event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def interaction_code(inter1: Optional[int], inter2: Optional[int]) -> Optional[str]:
    """Two-digit interaction code, smaller code first; one-sided events get `<inter1>0` (§2.4)."""
    if inter1 is None:
        return None
    if inter2 is None:
        return f"{inter1}0"
    a, b = sorted((inter1, inter2))
    return f"{a}{b}"


# ---------------------------------------------------------------- helpers


def normalise_text(text: str) -> str:
    """NFC-normalise and unify line endings; the basis of the stable `doc_id`."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def make_doc_id(text: str) -> str:
    """sha256 (hex, 16 chars) of the normalised, whitespace-collapsed text."""
    norm = " ".join(normalise_text(text).split())
    # surrogatepass: a lone surrogate (from a JSON "\ud800" escape) must not crash the id
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _to_jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_jsonable(v) for k, v in value.items()}
    return value


def _parse_date(value: Any) -> Optional[dt.date]:
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])


def _parse_datetime(value: Any) -> Optional[dt.datetime]:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


class _Record:
    """Mixin: JSON (de)serialisation for the dataclasses below."""

    def to_dict(self) -> dict[str, Any]:
        return _to_jsonable(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        known = set(cls.field_names())
        kwargs = {k: v for k, v in data.items() if k in known}
        return cls(**cls._coerce(kwargs))  # type: ignore[call-arg]

    @classmethod
    def from_json(cls, text: str):
        return cls.from_dict(json.loads(text))

    @classmethod
    def _coerce(cls, kwargs: dict[str, Any]) -> dict[str, Any]:
        return kwargs


# ---------------------------------------------------------------- records


@dataclass
class Document(_Record):
    """One report. `text` is the body (header block removed); evidence offsets point into it."""

    text: str
    doc_id: str = ""
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    published: Optional[dt.date] = None
    lang: Optional[str] = None
    ingested_at: Optional[dt.datetime] = None
    origin: Optional[str] = None
    #: "W2xx message" per optional field dropped while reading (validate.WARNING_CODES); stored
    #: as rows of `failures` with the W code, not as a column.
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = normalise_text(self.text)
        if not self.doc_id:
            self.doc_id = make_doc_id(self.text)

    @classmethod
    def _coerce(cls, kwargs):
        kwargs["published"] = _parse_date(kwargs.get("published"))
        kwargs["ingested_at"] = _parse_datetime(kwargs.get("ingested_at"))
        return kwargs


@dataclass
class Evidence(_Record):
    """Character span `[start, end)` of `Document.text` that supports one field."""

    field: str
    start: int
    end: int
    text: str


@dataclass
class Event(_Record):
    """One coded incident as one report tells it (ACLED-compatible columns first)."""

    event_id: str = ""
    doc_id: str = ""
    main: bool = True
    background: bool = False
    event_date: Optional[dt.date] = None
    time_precision: Optional[int] = None
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None
    disorder_type: Optional[str] = None
    actor1: Optional[str] = None
    assoc_actor_1: Optional[str] = None
    inter1: Optional[int] = None
    actor2: Optional[str] = None
    assoc_actor_2: Optional[str] = None
    inter2: Optional[int] = None
    interaction: Optional[str] = None
    country: Optional[str] = None
    iso3: Optional[str] = None
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    admin3: Optional[str] = None
    location: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    geo_precision: Optional[int] = None
    fatalities: int = 0
    fatalities_low: Optional[int] = None
    fatalities_high: Optional[int] = None
    injured: Optional[int] = None
    source: Optional[str] = None
    source_chain: list[str] = field(default_factory=list)
    certainty: Optional[str] = None
    claimed_by: Optional[str] = None
    speculated_perpetrators: list[str] = field(default_factory=list)
    notes: Optional[str] = None
    confidence: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)
    cameo_code: Optional[str] = None
    plover_type: Optional[str] = None
    plover_mode: Optional[str] = None
    ucdp_type: Optional[int] = None
    incident_id: Optional[str] = None

    @classmethod
    def _coerce(cls, kwargs):
        kwargs["event_date"] = _parse_date(kwargs.get("event_date"))
        kwargs["evidence"] = [
            e if isinstance(e, Evidence) else Evidence.from_dict(e) for e in kwargs.get("evidence") or []
        ]
        return kwargs

    def evidence_for(self, field_name: str) -> list[Evidence]:
        return [e for e in self.evidence if e.field == field_name]


@dataclass
class Incident(_Record):
    """A cluster of Events from different reports that describe the same real event."""

    incident_id: str
    event_ids: list[str] = field(default_factory=list)
    canonical: Optional[Event] = None

    @classmethod
    def _coerce(cls, kwargs):
        if isinstance(kwargs.get("canonical"), dict):
            kwargs["canonical"] = Event.from_dict(kwargs["canonical"])
        return kwargs


@dataclass
class AuditEntry(_Record):
    """One reviewer change to an Incident or Event."""

    target_id: str
    field: str
    old: Any = None
    new: Any = None
    reason: Optional[str] = None
    who: str = "unknown"
    when: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    @classmethod
    def _coerce(cls, kwargs):
        kwargs["when"] = _parse_datetime(kwargs.get("when")) or dt.datetime.now(dt.timezone.utc)
        return kwargs


@dataclass
class Failure(_Record):
    """A per-document error: the batch goes on, the failure is recorded."""

    origin: str
    code: str
    message: str
    doc_id: Optional[str] = None


#: One line per Event field: what it means (docs/schema.md and the README are generated from it).
EVENT_FIELD_DOCS: dict[str, str] = {
    "event_id": "`<doc_id>-e<N>`, stable for a given text",
    "doc_id": "the report's id (sha256 of its normalised text, 16 hex chars)",
    "main": "true for the report's news (its headline event); one per report at most",
    "background": "true for a past event the report mentions for context; never main",
    "event_date": "day of the event (YYYY-MM-DD), resolved against the dateline or publication date",
    "time_precision": "1 exact day, 2 within a week, 3 within a month (codebook §4)",
    "event_type": "one of the 6 ACLED event types",
    "sub_event_type": "one of the 25 ACLED sub-event types",
    "disorder_type": "Political violence / Demonstrations / Strategic developments (derived)",
    "actor1": "initiator, ACLED actor name; never a merely speculated perpetrator",
    "assoc_actor_1": "allies or descriptors of actor1, separated by '; '",
    "inter1": "actor1 type: 1 state forces … 8 external/other forces (codebook §2.3)",
    "actor2": "target; victims of violence against civilians are always actor2",
    "assoc_actor_2": "descriptors of actor2 (victim identity, incidental civilians)",
    "inter2": "actor2 type code",
    "interaction": "inter codes, lower first ('17'); one-sided events '<inter1>0'",
    "country": "ACLED country name",
    "iso3": "ISO 3166 alpha-3 code",
    "admin1": "first-level administrative unit",
    "admin2": "second-level administrative unit, when known",
    "admin3": "third-level administrative unit, when known",
    "location": "named place in ACLED spelling; 'City - District' for neighbourhoods",
    "latitude": "WGS84 latitude of the location",
    "longitude": "WGS84 longitude of the location",
    "geo_precision": "1 the place itself, 2 near it / part of a region, 3 province or region only",
    "fatalities": "ACLED's conservative (lowest credible) death count",
    "fatalities_low": "lower bound stated by the report ('at least N')",
    "fatalities_high": "upper bound stated by the report ('up to N')",
    "injured": "injured count when the report states one (never added to fatalities)",
    "source": "the outlet",
    "source_chain": "outlet first, then each intermediary and original source",
    "certainty": "confirmed / reported / claimed / speculative",
    "claimed_by": "group that claimed responsibility, ACLED name",
    "speculated_perpetrators": "groups the report only speculates about; never copied into actor fields",
    "notes": "ACLED-style one-sentence summary generated from the coded fields",
    "confidence": "0-1: classifier confidence discounted for missing place, date or certainty",
    "evidence": "list of {field, start, end, text}: character offsets into the report text",
    "reasons": "field -> why a value is null or how it was chosen",
    "cameo_code": "CAMEO event code (codebook §7.5 crosswalk)",
    "plover_type": "PLOVER event type",
    "plover_mode": "PLOVER mode",
    "ucdp_type": "UCDP type_of_violence (1, 2, 3) when in UCDP scope",
    "incident_id": "the merged Incident this event belongs to, once merged",
}


def schema_markdown() -> str:
    """docs/schema.md: every Event field with its type and meaning."""
    lines = ["# Event schema", "", "Generated from `schema.py` by `python -m eventcoder.schema_file`.", "",
             "| field | type | meaning |", "|---|---|---|"]
    for f in dataclasses.fields(Event):
        kind = str(f.type).replace("Optional[", "").rstrip("]").replace("|", "or")
        lines.append(f"| `{f.name}` | {kind} | {EVENT_FIELD_DOCS[f.name]} |")
    lines += ["", "Sub-event types (precedence order, highest first):", ""]
    for event_type, subs in TAXONOMY.items():
        lines.append(f"- **{event_type}**: " + "; ".join(subs))
    return "\n".join(lines) + "\n"


#: Columns of the ACLED-style CSV export, in order (codebook §1-6 plus our additions).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso3", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_chain", "notes",
    "fatalities", "certainty", "claimed_by", "main", "doc_id",
)

#: Document fields carried on every standalone JSONL event line.
DOCUMENT_CONTEXT_FIELDS: tuple[str, ...] = ("origin", "url", "title", "published")


def json_schema() -> dict[str, Any]:
    """JSON Schema of Document, Evidence, Event, Incident and AuditEntry (via pydantic)."""
    from pydantic import TypeAdapter

    defs: dict[str, Any] = {}
    for cls in (Document, Evidence, Event, Incident, AuditEntry, Failure):
        schema = TypeAdapter(cls).json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[cls.__name__] = schema
    defs["Event"]["properties"]["sub_event_type"]["anyOf"][0]["enum"] = list(SUB_EVENT_TYPES)
    defs["Event"]["properties"]["event_type"]["anyOf"][0]["enum"] = list(EVENT_TYPES)
    defs["Event"]["properties"]["certainty"]["anyOf"][0]["enum"] = list(CERTAINTY)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "eventcoder records",
        "$defs": defs,
    }
