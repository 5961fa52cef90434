"""What one exported row stands for: an event with its report, or an incident with its reports.

Every writer takes an iterable of `Row`s or of plain `Event`s (made into rows with `documents`), so a list
in memory, a stream from the store (`stream.py`) and a stream of incidents all go through the same code.
A row carries the reports of the incident it belongs to, so GDELT's NumMentions / NumSources / NumArticles
and the source URLs come from the incident whether the row is one report's event or the incident itself.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Optional, Union

from ..schema import Document, Event


@dataclass(frozen=True)
class Report:
    """One report of an incident: the event it told and where it was published."""

    event_id: str
    doc_id: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None

    @classmethod
    def from_record(cls, report: dict[str, Any]) -> "Report":
        """From one entry of an incident record's `reports` (`merge.incident_record`)."""
        return cls(report["event_id"], report.get("doc_id"), report.get("outlet"), report.get("url"),
                   report.get("title"), report.get("published"))


@dataclass(frozen=True)
class Row:
    """One exported row.

    event: the event, or the incident's canonical event (event_id = incident_id).
    document: the event's report (None for an incident).
    reports: the member reports of the incident the row belongs to (empty when not merged).
    members: for an incident, its member events (their evidence spans); empty for an event.
    record: for an incident, its full JSON record (`merge.incident_record`), which `--format jsonl` writes.
    """

    event: Event
    document: Optional[Document] = None
    reports: tuple[Report, ...] = ()
    members: tuple[Event, ...] = ()
    record: Optional[dict[str, Any]] = field(default=None, compare=False)

    @property
    def is_incident(self) -> bool:
        return self.record is not None

    @property
    def n_articles(self) -> int:
        """Distinct reports (documents) telling the event; 1 for an event not merged with others."""
        return max(1, len({r.doc_id for r in self.reports if r.doc_id}))

    @property
    def n_sources(self) -> int:
        """Distinct outlets telling the event (its own when not merged)."""
        outlets = {r.outlet for r in self.reports if r.outlet}
        return max(1, len(outlets))

    @property
    def n_mentions(self) -> int:
        """Events coded from the reports (a report may tell the event twice); at least n_articles."""
        return max(self.n_articles, len(self.reports))

    @property
    def outlet(self) -> Optional[str]:
        """The outlet: the report's, else the event's source, else the first report's outlet."""
        if self.document is not None and self.document.source:
            return self.document.source
        return self.event.source or next((r.outlet for r in self.reports if r.outlet), None)

    @property
    def url(self) -> Optional[str]:
        """The report's URL; for an incident, the first report's that has one."""
        if self.document is not None and self.document.url:
            return self.document.url
        if self.is_incident or self.document is None:
            return next((r.url for r in self.reports if r.url), None)
        return None

    def evidence(self) -> list[dict[str, Any]]:
        """Evidence spans with the event (and report) each points into."""
        events = self.members or (self.event,)
        return [{"event_id": e.event_id, "doc_id": e.doc_id, "field": ev.field, "start": ev.start, "end": ev.end,
                 "text": ev.text} for e in events for ev in e.evidence]


Item = Union[Row, Event]


def as_rows(items: Iterable[Item], documents: Optional[Mapping[str, Document]] = None) -> Iterator[Row]:
    """Rows of `items`: a Row passes as it is, an Event becomes a Row with its document from `documents`.

    `documents` is read as each event comes, so a mapping that a stream refills batch by batch works.
    """
    documents = documents if documents is not None else {}
    for item in items:
        if isinstance(item, Row):
            yield item
        else:
            yield Row(item, documents.get(item.doc_id))
