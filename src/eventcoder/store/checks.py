"""Checks before a write: a document and its events validated, a refused document's Failure."""
from __future__ import annotations

from collections.abc import Iterable

from ..errors import ReadError, StoreError
from ..schema import Document, Event, Failure
from ..validate import check_document, check_events, check_failure


def _store_error(code: str, message: str) -> StoreError:
    """A StoreError whose `code` is the specific E30x code (the class default is E300)."""
    error = StoreError(f"{code} {message}")
    error.code = code
    return error


def checked(doc: Document, events: Iterable[Event]) -> tuple[Document, list[Event]]:
    """`doc` and its events validated against the schema (`validate`) before they are written.

    Raises:
        StoreError: E305 when the document has no usable text.
    """
    try:
        doc = check_document(doc)
    except ReadError as error:
        raise _store_error("E305", f"cannot store document {doc.doc_id}: {error}") from None
    return doc, check_events(doc, events)


def store_failure(doc: Document, error: BaseException) -> Failure:
    """The Failure of a document the store refused: its StoreError code, else E305."""
    code = getattr(error, "code", "") if isinstance(error, StoreError) else ""
    message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if not code or code == "E300":
        code = "E305"
        message = f"E305 the document could not be stored ({type(error).__name__}: {message})"
    return check_failure(Failure(origin=doc.origin or doc.doc_id, code=code, message=message, doc_id=doc.doc_id))
