"""Library entry points: Document -> Events, and batches where one bad document never stops the rest."""
from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional, Union

from .coder import Coder
from .errors import EventcoderError, LimitExceeded
from .extract.base import Analysis
from .limits import document_limits
from .nlp import Prepared, analyse, analyse_batch, document_language, prepare
from .prefilter import has_candidate
from .schema import Document, Event, Failure
from .validate import check_document, check_events, check_failure

LOGGER = logging.getLogger(__name__)

#: compiled regexes `re` keeps (its default, 512, is fewer than the patterns the extractors and the
#: sentence splitter build at run time: about 1,000 for the dev set, 3,300 for every evaluation set,
#: so it compiled again ~10 patterns a report, about 5 % of coding a short one); a few MB
RE_CACHE = 4096
if getattr(re, "_MAXCACHE", RE_CACHE) < RE_CACHE:  # CPython's module-level cache size
    re._MAXCACHE = RE_CACHE


@dataclass
class Coded:
    """One document and the events coded from it."""

    document: Document
    events: list[Event] = field(default_factory=list)
    seconds: float = 0.0


@functools.lru_cache(maxsize=1)
def default_coder() -> Coder:
    return Coder()


def code_document(document: Document, analysis: Optional[Analysis] = None, stock: bool = False) -> list[Event]:
    """Code one Document into Events (main first is not guaranteed; see `Event.main`).

    analysis: the document's `nlp.analyse` when already made (`code_batch` parses a batch at once).
    stock: parse with spaCy's pipeline as shipped (the benchmark's parse-everything reference).

    Example:
        >>> events = code_document(Document(text="...", published=date(2025, 3, 14)))
    """
    coder = default_coder()
    if analysis is None:
        with coder.stage("nlp"):
            analysis = analyse(document, stock) if stock else analyse(document)
    return coder.code(analysis)


def code_text(text: str, **document_fields) -> list[Event]:
    """Convenience: code a string; `document_fields` are Document fields (published, source...)."""
    return code_document(Document(text=text, **document_fields))


def warm_up() -> None:
    """Load the spaCy model, lexicons and gazetteer now rather than on the first document."""
    from .nlp import spacy_model

    spacy_model("en")
    code_document(Document(text="Gunmen attacked a village near Goma on Monday, police said.",
                           published=dt.date(2025, 1, 1)))


def code_one(document: Document, stock: bool = False) -> Union[Coded, Failure]:
    """Code one Document; a coding error becomes a Failure (E500) instead of an exception.

    The document is validated first (`validate.check_document`: a bad optional field is dropped
    with a warning, an unusable text is a Failure) and every coded event after (`check_events`),
    so what reaches the store or an export is within the schema's limits. Coding runs under the
    per-document time and memory limits (`limits`): past them the document is Failure E502/E503.
    This is the parse-everything path: the full parse of every document, one at a time (stock:
    with spaCy's pipeline as shipped, as the coder was before the fast path).
    """
    started = time.perf_counter()
    checked = _checked(document)
    if isinstance(checked, Failure):
        return checked
    return _coded(checked, lambda: code_document(checked, stock=True) if stock else code_document(checked), started)


def _checked(document: Document) -> Union[Document, Failure]:
    try:
        return check_document(document)
    except EventcoderError as error:
        origin = document.origin or document.doc_id
        return check_failure(Failure(origin=getattr(error, "origin", "") or origin, code=error.code,
                                     message=str(error), doc_id=document.doc_id))


def _coded(document: Document, code: Callable[[], list[Event]], started: float,
           shared_seconds: float = 0.0) -> Union[Coded, Failure]:
    """`code()` run under the per-document limits; its errors become Failures (E500, E502, E503)."""
    origin = document.origin or document.doc_id
    try:
        with document_limits(origin):
            events = check_events(document, code())
    except LimitExceeded as error:  # E502 / E503: a pathological document, the worker goes on
        LOGGER.warning("%s", error)
        return check_failure(Failure(origin=origin, code=error.code, message=str(error), doc_id=document.doc_id))
    except Exception as exc:  # one bad document never stops a batch; the error is recorded
        LOGGER.warning("coding failed for %s: %s", origin, exc, exc_info=True)
        return check_failure(Failure(origin=origin, code="E500", doc_id=document.doc_id,
                                     message=f"E500 coding failed: {type(exc).__name__}: {exc}"))
    return Coded(document, events, time.perf_counter() - started + shared_seconds)


#: documents coded together by `code_batch` (their parse shares `nlp.pipe` batches)
BATCH = 32
#: a longer text is coded alone (`code_one`), its parse under the per-document limits
BATCH_MAX_CHARS = 20_000


def code_batch(documents: list[Document], fast: bool = True) -> list[Union[Coded, Failure]]:
    """Code several Documents: a result (Coded or Failure) for each, in order.

    fast (the default): the fast path. A report in which the trigger lexicon finds no candidate
    word (`prefilter`) is coded as no event without reaching spaCy (the full coder would find no
    trigger either); the others are parsed together (`nlp.analyse_batch`, `nlp.pipe`) and coded
    one by one under the per-document limits. The events are those of `code_one`.
    fast=False: the parse-everything path, as the coder was before it: `code_one` on each document,
    parsed by spaCy's pipeline as shipped (the same annotations as `spacy_fast`'s, slower).
    """
    if not fast:
        return [code_one(d, stock=True) for d in documents]
    coder = default_coder()
    results: list = [None] * len(documents)
    todo: list[tuple[int, Document, str, Prepared, float]] = []
    for i, document in enumerate(documents):
        started = time.perf_counter()
        checked = _checked(document)
        if isinstance(checked, Failure) or len(checked.text) > BATCH_MAX_CHARS:
            results[i] = checked if isinstance(checked, Failure) else code_one(checked)
            continue
        try:
            with coder.stage("prefilter"):
                lang = document_language(checked)
                # the prefilter reads the tokens the parser will read (the dateline blanked, as the
                # coder's triggers come from the parse), and the parse starts from them
                ready = prepare(checked, lang)
                candidate = has_candidate(checked.text if ready.tokens is None else ready.text, lang, ready.tokens)
        except Exception as exc:  # noqa: BLE001 - this document alone, under its limits
            LOGGER.debug("prefilter failed for %s (%s): coded alone", checked.origin or checked.doc_id, exc)
            results[i] = code_one(checked)
            continue
        if not candidate:
            results[i] = Coded(checked, [], time.perf_counter() - started)
        else:
            todo.append((i, checked, lang, ready, time.perf_counter() - started))
    if todo:
        started = time.perf_counter()
        try:
            with coder.stage("nlp"):
                analyses = analyse_batch([d for _, d, _, _, _ in todo], [lang for _, _, lang, _, _ in todo],
                                         [ready for _, _, _, ready, _ in todo])
        except Exception as exc:  # the batch parse failed: each document alone, under its limits
            LOGGER.warning("batch parse failed (%s): coding its %d documents one by one", exc, len(todo))
            for i, document, _, _, _ in todo:
                results[i] = code_one(document)
            return results
        share = (time.perf_counter() - started) / len(todo)
        for (i, document, _, _, before), ana in zip(todo, analyses):
            results[i] = _coded(document, functools.partial(code_document, document, ana), time.perf_counter(),
                                before + share)
    return results


def code_documents(items: Iterable[Union[Document, Failure]], fast: bool = True,
                   batch: int = BATCH) -> Iterator[Union[Coded, Failure]]:
    """Code a stream of Documents in this process; read failures pass through, coding errors
    become Failures; results keep the input order. `batch` documents are coded together
    (`code_batch`; fast=False: the parse-everything path). Several processes: `parallel.code_documents`.
    """
    chunk: list[Union[Document, Failure]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= batch:
            yield from _code_chunk(chunk, fast)
            chunk = []
    if chunk:
        yield from _code_chunk(chunk, fast)


def _code_chunk(chunk: list[Union[Document, Failure]], fast: bool) -> list[Union[Coded, Failure]]:
    documents = [item for item in chunk if not isinstance(item, Failure)]
    coded = iter(code_batch(documents, fast))
    return [item if isinstance(item, Failure) else next(coded) for item in chunk]
