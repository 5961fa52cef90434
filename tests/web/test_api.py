"""REST API and page (`eventcoder serve`): filters, paging, evidence, 404/422, no external assets."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient

from eventcoder.schema import Document, Event, Evidence
from eventcoder.store import Store
from eventcoder.web import create_app

TEXT = "Gunmen killed five farmers near Gusau on Sunday, police said."


def _event(doc: Document, n: int, **fields) -> Event:
    base = dict(doc_id=doc.doc_id, event_id=f"{doc.doc_id}-e{n}", main=n == 1, event_type="Violence against civilians",
                sub_event_type="Attack", actor1="Unidentified Armed Group (Nigeria)", inter1=3,
                actor2="Civilians (Nigeria)", inter2=7, country="Nigeria", admin1="Zamfara", location="Gusau",
                event_date=dt.date(2025, 6, 22), time_precision=1, fatalities=5, certainty="reported",
                evidence=[Evidence("actor1", 0, 6, "Gunmen"), Evidence("location", 32, 37, "Gusau")])
    base.update(fields)
    return Event(**base)


@pytest.fixture
def client(tmp_path):
    store = Store.open(str(tmp_path / "api.db"))
    store.init()
    one = Document(text=TEXT, title="Gunmen kill five near Gusau", source="Test Wire", published=dt.date(2025, 6, 23))
    two = Document(text="Police fired tear gas at protesters in Kano on Monday.", title="Kano protest",
                   published=dt.date(2025, 6, 24))
    store.add_coded(one, [_event(one, 1), _event(one, 2, main=False, event_date=dt.date(2024, 1, 5))])
    store.add_coded(two, [_event(two, 1, event_type="Protests", sub_event_type="Protest with intervention",
                                 actor1="Protesters (Nigeria)", inter1=6, actor2="Police Forces of Nigeria (2023-)",
                                 inter2=1, admin1="Kano", location="Kano", event_date=dt.date(2025, 6, 23),
                                 fatalities=0, evidence=[])])
    with TestClient(create_app(store=store), client=("127.0.0.1", 50000)) as c:
        c.docs = (one, two)
        yield c
    store.close()


def test_api_events_filters_and_paging(client):
    all_ = client.get("/api/events").json()
    assert all_["count"] == 3 and [e["event_date"] for e in all_["events"]] == ["2024-01-05", "2025-06-22", "2025-06-23"]
    main = client.get("/api/events", params={"main": "true", "event_type": "Protests"}).json()
    assert [e["location"] for e in main["events"]] == ["Kano"]
    dated = client.get("/api/events", params={"date_from": "2025-06-01", "date_to": "2025-06-22"}).json()
    assert [e["sub_event_type"] for e in dated["events"]] == ["Attack"]
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert page["count"] == 1 and page["events"][0]["event_date"] == "2025-06-22"
    # records carry every schema field plus the report's context
    assert page["events"][0]["title"] == "Gunmen kill five near Gusau" and page["events"][0]["source"] == "Test Wire"


def test_api_event_card_has_evidence_inside_the_text(client):
    one, _ = client.docs
    data = client.get(f"/api/events/{one.doc_id}-e1").json()
    text = data["document"]["text"]
    assert [(ev["field"], text[ev["start"]:ev["end"]]) for ev in data["event"]["evidence"]] == [
        ("actor1", "Gunmen"), ("location", "Gusau")]


def test_api_document_lists_its_events(client):
    one, _ = client.docs
    data = client.get(f"/api/documents/{one.doc_id}").json()
    assert data["document"]["title"] == "Gunmen kill five near Gusau" and len(data["events"]) == 2


@pytest.mark.parametrize("url, status", [
    ("/api/events/nope", 404), ("/api/documents/nope", 404),
    ("/api/events?event_type=Fights", 422), ("/api/events?date_from=yesterday", 422),
    ("/api/events?date_from=2025-02-01&date_to=2025-01-01", 422), ("/api/events?limit=0", 422),
    ("/api/events?limit=100000", 422), ("/api/search?q=", 422),
])
def test_api_errors_are_clear(client, url, status):
    response = client.get(url)
    assert response.status_code == status and response.json()["detail"]


def test_api_search_stats_health_schema(client):
    hits = client.get("/api/search", params={"q": "tear gas"}).json()["results"]
    assert [h["title"] for h in hits] == ["Kano protest"]
    stats = client.get("/api/stats").json()
    assert stats["by_event_type"] == {"Violence against civilians": 2, "Protests": 1}
    assert client.get("/api/health").json()["counts"]["documents"] == 2
    assert "Event" in client.get("/api/schema").json()["$defs"]
    incidents = client.get("/api/incidents").json()
    assert incidents["total"] == 3  # ingest attached each main event to an incident (three events, no two alike)
    assert client.get("/api/incidents", params={"min_reports": 2}).json()["total"] == 0


def test_page_is_served_without_external_assets(client):
    html = client.get("/").text
    assert "<title>eventcoder</title>" in html and "/static/js/main.js" in html
    assert not re.search(r"(?:src|href)=[\"']https?://", html)  # everything is local: no CDN at run time
    assert "openapi" in client.get("/openapi.json").text


def test_api_docs_load_swagger_ui_from_the_package_not_a_cdn(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html and "/openapi.json" in html
    assert not re.search(r"https?://", html), "the API docs page must not load anything from a CDN"
    bundle = client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.content) > 100_000
    assert client.get("/static/vendor/swagger-ui/swagger-ui.css").status_code == 200
    assert client.get("/redoc").status_code == 404  # ReDoc exists only on a CDN: off


def test_api_records_equal_the_jsonl_export_records(client):
    from eventcoder.export.jsonl import event_record
    from eventcoder.web.records import contexts, event_json

    store = client.app.state.store
    events = store.events()
    docs = store.get_documents({e.doc_id for e in events})
    context = contexts(store.engine, docs)
    assert events and [event_json(e, context.get(e.doc_id)) for e in events] == [
        event_record(e, docs.get(e.doc_id)) for e in events]
    assert event_json(events[0], None) == event_record(events[0], None)
