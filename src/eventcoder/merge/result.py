"""The merge result, pair scoring and incidents from a partition: what both the in-memory
merger (`merge.cluster`) and the store side (`merge.incremental`) use."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ..schema import Event, Incident
from .blocking import candidate_pairs
from .canonical import canonical
from .cluster import Partition, incident_id_for
from .profile import Profile
from .score import DATE_WINDOW, Match, compare


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
