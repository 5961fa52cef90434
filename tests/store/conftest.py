"""Backends for the store tests: a SQLite file always, PostgreSQL when EVENTCODER_TEST_PG_URL is set."""
from __future__ import annotations

import os

import pytest

from eventcoder.store import Store, tables
from eventcoder.store.migrations import drop_fulltext

PG_URL = os.environ.get("EVENTCODER_TEST_PG_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def _drop(store: Store) -> None:
    with store.engine.begin() as conn:
        drop_fulltext(conn)
    tables.metadata.drop_all(store.engine)


@pytest.fixture(params=BACKENDS)
def any_store(request, tmp_path):
    """An initialised, empty Store on each backend under test (PostgreSQL tables dropped after)."""
    url = str(tmp_path / "events.db") if request.param == "sqlite" else PG_URL
    opened = Store.open(url)
    if request.param == "postgresql":
        _drop(opened)
    opened.init()
    yield opened
    if request.param == "postgresql":
        _drop(opened)
    opened.close()
