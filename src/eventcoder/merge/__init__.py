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
    result       MergeResult, pair scoring, incidents from a partition
    incremental  the store side: attach new events, re-cluster the component they touch, rebuild

Thresholds: see `score` (THRESHOLD, DATE_WINDOW, MAX_KM) and docs/storage.md for how they
were chosen (real-news same-event groups, dev split; devset clusters as a sanity bound).

Example:
    >>> result = cluster(events)
    >>> result.incidents[0].canonical.fatalities
"""
from __future__ import annotations

from typing import Iterable, Mapping, Optional, Union

from ..schema import Document, Event
from . import profile as _profile
from .blocking import KEY_DAYS
from .canonical import canonical, incident_record
from .cluster import incident_id_for, partition
from .profile import Profile, family
from .result import MergeResult, result_from, score_pairs
from .score import DATE_WINDOW, MAX_KM, THRESHOLD, Match, compare

__all__ = ["DATE_WINDOW", "KEY_DAYS", "MAX_KM", "THRESHOLD", "Match", "MergeResult", "Profile", "canonical",
           "cluster", "compare", "family", "incident_id_for", "incident_record", "merge_store", "profiles_for",
           "similarity"]


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
