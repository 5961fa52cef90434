"""Library entry points: Document -> Events, and batches where one bad document never stops the rest."""
from __future__ import annotations

import functools
import logging
import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Union

from .coder import Coder
from .nlp import analyse
from .schema import Document, Event, Failure

LOGGER = logging.getLogger(__name__)


@dataclass
class Coded:
    """One document and the events coded from it."""

    document: Document
    events: list[Event] = field(default_factory=list)
    seconds: float = 0.0


@functools.lru_cache(maxsize=1)
def default_coder() -> Coder:
    return Coder()


def code_document(document: Document) -> list[Event]:
    """Code one Document into Events (main first is not guaranteed; see `Event.main`).

    Example:
        >>> events = code_document(Document(text="...", published=date(2025, 3, 14)))
    """
    coder = default_coder()
    with coder.stage("nlp"):
        ana = analyse(document)
    return coder.code(ana)


def code_text(text: str, **document_fields) -> list[Event]:
    """Convenience: code a string; `document_fields` are Document fields (published, source...)."""
    return code_document(Document(text=text, **document_fields))


def code_documents(items: Iterable[Union[Document, Failure]]) -> Iterator[Union[Coded, Failure]]:
    """Code a stream of Documents; read failures pass through, coding errors become Failures."""
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        started = time.perf_counter()
        try:
            events = code_document(item)
        except Exception as exc:  # one bad document never stops a batch; the error is recorded
            LOGGER.warning("coding failed for %s: %s", item.origin or item.doc_id, exc, exc_info=True)
            yield Failure(origin=item.origin or item.doc_id, code="E500",
                          message=f"E500 coding failed: {type(exc).__name__}: {exc}", doc_id=item.doc_id)
            continue
        yield Coded(item, events, time.perf_counter() - started)
