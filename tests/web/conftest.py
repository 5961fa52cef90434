"""Fixtures of the web tests: a small store on each backend (SQLite, and PostgreSQL when
EVENTCODER_TEST_PG_URL is set), with reports in Nigeria and Mali, one of them with a script tag."""
from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from eventcoder.schema import Document, Event, Evidence
from eventcoder.web import create_app
from tests.store.conftest import any_store  # noqa: F401  (the per-backend store fixture)

GUSAU = "Gunmen killed five farmers near Gusau on Sunday, police said."
GUSAU_2 = "Bandits killed seven farmers near Gusau on Sunday, residents told Reuters."
GAO = "Jihadists attacked an army post in Gao on Monday <script>window.__pwned = 1</script>, the army said."


def event(doc: Document, n: int = 1, **fields) -> Event:
    """An event of `doc` (violence against civilians near Gusau unless `fields` say otherwise)."""
    base = dict(doc_id=doc.doc_id, event_id=f"{doc.doc_id}-e{n}", main=n == 1, event_type="Violence against civilians",
                sub_event_type="Attack", actor1="Unidentified Armed Group (Nigeria)", inter1=3,
                actor2="Civilians (Nigeria)", inter2=7, country="Nigeria", iso3="NGA", admin1="Zamfara",
                location="Gusau", latitude=12.17, longitude=6.66, geo_precision=1,
                event_date=dt.date(2025, 6, 22), time_precision=1, fatalities=5, certainty="reported",
                source_chain=["Test Wire", "police"], confidence=0.8,
                evidence=[Evidence("actor1", 0, 6, "Gunmen"), Evidence("location", 32, 37, "Gusau")])
    base.update(fields)
    return Event(**base)


def seed(store) -> dict[str, Document]:
    """Three reports: two of one attack near Gusau (5 and 7 dead), one of an attack in Gao, Mali."""
    one = Document(text=GUSAU, title="Gunmen kill five near Gusau", source="Test Wire", published=dt.date(2025, 6, 23))
    two = Document(text=GUSAU_2, title="Seven killed near Gusau", source="Other Wire", published=dt.date(2025, 6, 23))
    gao = Document(text=GAO, title="Army post attacked in Gao <b>bold</b>", source="Sahel News",
                   published=dt.date(2025, 3, 4))
    store.add_coded(one, [event(one)])
    store.add_coded(two, [event(two, fatalities=7, actor1="Bandits (Nigeria)", source_chain=["Other Wire", "Reuters"],
                                evidence=[Evidence("actor1", 0, 7, "Bandits"), Evidence("fatalities", 15, 20, "seven")])])
    store.add_coded(gao, [event(gao, event_type="Battles", sub_event_type="Armed clash", actor1="JNIM", inter1=2,
                                actor2="Military Forces of Mali (2021-)", inter2=1, country="Mali", iso3="MLI",
                                admin1="Gao", location="Gao", latitude=16.27, longitude=-0.04,
                                event_date=dt.date(2025, 3, 3), fatalities=0, certainty="claimed",
                                claimed_by="JNIM", speculated_perpetrators=["Islamic State Sahel"],
                                evidence=[Evidence("actor1", 0, 9, "Jihadists"), Evidence("location", 35, 38, "Gao")])])
    return {"one": one, "two": two, "gao": gao}


@pytest.fixture
def web(any_store):
    """A TestClient on loopback over a seeded store; `.docs` names the reports, `.store` the store."""
    docs = seed(any_store)
    with TestClient(create_app(store=any_store), client=("127.0.0.1", 50000)) as client:
        client.docs, client.store = docs, any_store
        yield client
