"""Fixtures shared by every test file (see tests/README.md for conventions)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.schema import Document

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`../shared` (devset, seed); tests that need it skip with a clear reason when absent."""
    if not (SHARED / "devset" / "gold.jsonl").is_file():
        pytest.skip("../shared/devset is absent: dev-set and seed tests need the shared folder beside the repo")
    return SHARED


@pytest.fixture
def make_document():
    """make_document(text, published="2025-03-14", **header) -> Document."""

    def _make(text: str, published: str | dt.date | None = "2025-03-14", **header) -> Document:
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        header.setdefault("lang", "en")
        return Document(text=text, published=published, **header)

    return _make


@pytest.fixture
def analyse_text(make_document):
    """analyse_text(text, published=..., **header) -> Analysis (runs nlp.analyse)."""
    from eventcoder.nlp import analyse

    def _analyse(text: str, published="2025-03-14", **header):
        return analyse(make_document(text, published, **header))

    return _analyse


def assert_spans(text: str, spans) -> None:
    """Every span is inside the text and its .text is exactly text[start:end]."""
    for span in spans:
        if span is None:
            continue
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start:span.end] == span.text, span
