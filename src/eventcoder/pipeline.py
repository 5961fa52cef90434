"""Library entry points: Document -> Events, and batches where one bad document never stops the rest."""
from __future__ import annotations

import datetime as dt
import functools
import logging
import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Union

from .coder import Coder
from .errors import EventcoderError, LimitExceeded
from .limits import document_limits
from .nlp import analyse
from .schema import Document, Event, Failure
from .validate import check_document, check_events, check_failure

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


def warm_up() -> None:
    """Load the spaCy model, lexicons and gazetteer now rather than on the first document."""
    from .nlp import spacy_model

    spacy_model("en")
    code_document(Document(text="Gunmen attacked a village near Goma on Monday, police said.",
                           published=dt.date(2025, 1, 1)))


def code_one(document: Document) -> Union[Coded, Failure]:
    """Code one Document; a coding error becomes a Failure (E500) instead of an exception.

    The document is validated first (`validate.check_document`: a bad optional field is dropped
    with a warning, an unusable text is a Failure) and every coded event after (`check_events`),
    so what reaches the store or an export is within the schema's limits. Coding runs under the
    per-document time and memory limits (`limits`): past them the document is Failure E502/E503.
    """
    started = time.perf_counter()
    origin = document.origin or document.doc_id
    try:
        document = check_document(document)
    except EventcoderError as error:
        return check_failure(Failure(origin=getattr(error, "origin", "") or origin, code=error.code,
                                     message=str(error), doc_id=document.doc_id))
    try:
        with document_limits(origin):
            events = check_events(document, code_document(document))
    except LimitExceeded as error:  # E502 / E503: a pathological document, the worker goes on
        LOGGER.warning("%s", error)
        return check_failure(Failure(origin=origin, code=error.code, message=str(error), doc_id=document.doc_id))
    except Exception as exc:  # one bad document never stops a batch; the error is recorded
        LOGGER.warning("coding failed for %s: %s", origin, exc, exc_info=True)
        return check_failure(Failure(origin=origin, code="E500", doc_id=document.doc_id,
                                     message=f"E500 coding failed: {type(exc).__name__}: {exc}"))
    return Coded(document, events, time.perf_counter() - started)


def code_documents(items: Iterable[Union[Document, Failure]], workers: int = 1) -> Iterator[Union[Coded, Failure]]:
    """Code a stream of Documents; read failures pass through, coding errors become Failures.

    workers (int): processes to code on (see `parallel`); results keep the input order either way.
    """
    if workers > 1:
        from .parallel import code_parallel

        yield from code_parallel(items, workers)
        return
    for item in items:
        yield item if isinstance(item, Failure) else code_one(item)
