"""Cross-report merging: one incident per real event, however many outlets told it.

    result = cluster(events, documents=documents)      # in memory (evaluation, tests)
    result.incidents[0].canonical.fatalities
    merge_store(store)                                  # `eventcoder merge`: full rebuild of a store

Ingest merges incrementally (`merge.incremental`, called by `Store.add_batch` / `add_coded`
in the transaction that stores the events): every stored event is attached to an incident
(a new one or an existing one) as it arrives, and the result is the same as a full rebuild
of the same events in any order of arrival.

Modules:
    profile      what is known of an event: coded fields and its report's text fingerprint
                 (MinHash signature, names, figures, quotes); stored at ingest
    score        `compare(a, b)`: the score of a pair and its evidence
    blocking     which pairs are compared (dates, LSH bands, names), in memory and in the store
    cluster      `partition`: best-first single-link clustering with cannot-links
    canonical    the incident's canonical record and its JSON record with every report
    incremental  the store side: attach new events, re-cluster the component they touch, rebuild

Thresholds: see `score` (THRESHOLD, DATE_WINDOW, MAX_KM) and docs/storage.md for how they
were chosen (real-news same-event groups, dev split; devset clusters as a sanity bound).

Example:
    >>> result = cluster(events)
    >>> result.incidents[0].canonical.fatalities
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Optional, Union

from ..schema import Document, Event, Incident
from . import profile as _profile
from .blocking import KEY_DAYS, candidate_pairs
from .canonical import canonical, incident_record
from .cluster import Partition, incident_id_for, partition
from .profile import Profile, family
from .score import DATE_WINDOW, MAX_KM, THRESHOLD, Match, compare

__all__ = ["DATE_WINDOW", "KEY_DAYS", "MAX_KM", "THRESHOLD", "Match", "MergeResult", "Profile", "canonical",
           "cluster", "compare", "family", "incident_id_for", "incident_record", "merge_store", "profiles_for",
           "similarity"]


@dataclass
class MergeResult:
    """Incidents, background links (event id -> incident id) and why each event is where it is
    (`joins`: event id -> {"role", "score", "with", "reason", "evidence", "date_from_incident"})."""

    incidents: list[Incident] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)
    joins: dict[str, dict[str, Any]] = field(default_factory=dict)

    def assignment(self) -> dict[str, str]:
        """event_id -> incident_id for members and linked background events."""
        out = {e: inc.incident_id for inc in self.incidents for e in inc.event_ids}
        out.update(self.links)
        return out


def profiles_for(events: Iterable[Event],
                 documents: Optional[Mapping[str, Union[Document, str]]] = None) -> list[Profile]:
    """Profiles of `events` in order, each report's text (from `documents`, by doc_id) read once."""
    events = list(events)
    documents = documents or {}
    by_doc: dict[str, list[int]] = {}
    for i, e in enumerate(events):
        by_doc.setdefault(e.doc_id, []).append(i)
    out: list[Optional[Profile]] = [None] * len(events)
    for doc_id, idx in by_doc.items():
        doc = documents.get(doc_id)
        text = doc if isinstance(doc, str) else doc.text if doc is not None else None
        published = doc.published if isinstance(doc, Document) else None
        for i, p in zip(idx, _profile.build_for_document([events[i] for i in idx], text, published)):
            out[i] = p
    return out  # type: ignore[return-value]


def similarity(a: Event, b: Event, documents: Optional[Mapping[str, Union[Document, str]]] = None) -> float:
    """The score of two events (0.0 when they cannot be the same event)."""
    pa, pb = profiles_for([a, b], documents)
    match = compare(pa, pb)
    return match.score if match else 0.0


def score_pairs(profiles: list[Profile], window: int = DATE_WINDOW) -> dict[tuple[str, str], Match]:
    """Every candidate pair (see `blocking`) with its Match, keyed by the sorted event ids."""
    out = {}
    for i, j in candidate_pairs(profiles, window):
        a, b = sorted((profiles[i], profiles[j]), key=lambda p: p.event_id)
        match = compare(a, b, window)
        if match is not None:
            out[(a.event_id, b.event_id)] = match
    return out


def result_from(part: Partition, events: Mapping[str, Event]) -> MergeResult:
    """Incidents with canonical records, links and join reasons from a partition."""
    result = MergeResult()
    incident_of = {}
    for members in part.clusters:
        incident_id = incident_id_for(members)
        record = canonical([events[e] for e in members], incident_id)
        result.incidents.append(Incident(incident_id, list(members), record))
        for event_id in members:
            incident_of[event_id] = incident_id
            join = part.joins.get(event_id)
            entry: dict[str, Any] = {"role": "member"}
            if join:
                partner, match = join
                entry.update(score=round(match.score, 4), reason=match.reason(), evidence=match.evidence)
                entry["with"] = partner
            if events[event_id].event_date is None and record.event_date is not None:
                entry["date_from_incident"] = {
                    "date": record.event_date.isoformat(),
                    "reason": ("undated in its report; takes the incident's date"
                               + (f" after joining on {entry['reason']}" if "reason" in entry else ""))}
            result.joins[event_id] = entry
    for bg, (anchor, match) in sorted(part.links.items()):
        incident_id = incident_of[anchor]
        result.links[bg] = incident_id
        result.joins[bg] = {"role": "background", "score": round(match.score, 4), "with": anchor,
                            "reason": match.reason(), "evidence": match.evidence}
    result.incidents.sort(key=lambda inc: inc.incident_id)
    return result


def cluster(events: Iterable[Event], threshold: float = THRESHOLD, window: int = DATE_WINDOW, *,
            documents: Optional[Mapping[str, Union[Document, str]]] = None) -> MergeResult:
    """Cluster events into incidents.

    Args:
        events: coded events (main and background) of any number of reports; their
            `incident_id` is ignored.
        threshold: least score for two events to be joined.
        window: largest date difference, in days, between events of one incident.
        documents: the reports by doc_id (Document, or just the text): their text gives the
            strongest evidence (near-duplicates, names, quotes, figures). Without it the
            events' evidence spans stand for the text.
    RETURNS (MergeResult): every incident (each main event is in exactly one), background
        links and why each event joined.
    """
    events = list(events)
    profiles = profiles_for(events, documents)
    part = partition({p.event_id: p for p in profiles}, score_pairs(profiles, window), threshold, window)
    return result_from(part, {e.event_id: e for e in events})


def merge_store(store, threshold: float = THRESHOLD, window: int = DATE_WINDOW) -> MergeResult:
    """Rebuild every incident of a Store from scratch (`eventcoder merge`); see `incremental.rebuild`."""
    from .incremental import rebuild

    return rebuild(store, threshold, window)
