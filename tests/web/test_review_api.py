"""Review through the API: tokens (401/403), reviewed values beside coded ones, the audit trail,
incident merge/split, exports with the flag, request limits and CORS, on SQLite and PostgreSQL."""
from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from eventcoder.review.tokens import create_token, revoke_token
from eventcoder.store import tables
from eventcoder.web import create_app


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def token(web):
    return create_token(web.store.engine, "ana")


def _id(web, name: str) -> str:
    return f"{web.docs[name].doc_id}-e1"


def test_review_writes_need_a_valid_reviewer_token(web, token):
    url = f"/api/events/{_id(web, 'one')}/review"
    body = {"action": "accept"}
    assert web.post(url, json=body).status_code == 401
    assert web.post(url, json=body).headers["www-authenticate"].startswith("Bearer")
    assert web.post(url, json=body, headers=_auth(token[:-1] + "x")).status_code == 401
    assert web.post(url, json=body, headers={"Authorization": f"Basic {token}"}).status_code == 401
    reader = create_token(web.store.engine, "visitor", role="reader")
    assert web.post(url, json=body, headers=_auth(reader)).status_code == 403
    assert web.post(url, json=body, headers=_auth(token)).status_code == 200
    revoke_token(web.store.engine, token.split("_")[1])
    assert web.post(url, json={"action": "note", "reason": "x"}, headers=_auth(token)).status_code == 401


def test_tokens_are_stored_hashed(web, token):
    with web.store.engine.connect() as conn:
        rows = conn.execute(select(tables.api_tokens)).mappings().all()
    assert len(rows) == 1 and rows[0]["name"] == "ana"
    secret = token.split("_", 2)[2]
    assert secret not in str(dict(rows[0])) and len(rows[0]["digest"]) == 64


def test_edit_keeps_the_coded_value_and_audits_the_change(web, token):
    event_id = _id(web, "one")
    response = web.post(f"/api/events/{event_id}/review", headers=_auth(token),
                        json={"action": "edit", "values": {"fatalities": 6, "actor1": "Bandits (Nigeria)"},
                              "reason": "later toll; residents say bandits"})
    assert response.status_code == 200, response.text
    card = web.get(f"/api/events/{event_id}").json()["event"]
    assert card["fatalities"] == 6 and card["actor1"] == "Bandits (Nigeria)" and card["reviewed"] is True
    assert card["review"]["coded"] == {"fatalities": 5, "actor1": "Unidentified Armed Group (Nigeria)"}
    assert card["review"]["status"] == "edited" and card["review"]["who"] == "ana"
    with web.store.engine.connect() as conn:  # the coded row is untouched
        coded = conn.execute(select(tables.events.c.fatalities, tables.events.c.actor1)
                             .where(tables.events.c.event_id == event_id)).one()
    assert tuple(coded) == (5, "Unidentified Armed Group (Nigeria)")
    audit = web.get(f"/api/events/{event_id}/audit").json()["audit"]
    assert [(a["field"], a["old"], a["new"], a["who"]) for a in audit] == [
        ("fatalities", 5, 6, "ana"), ("actor1", "Unidentified Armed Group (Nigeria)", "Bandits (Nigeria)", "ana"),
        ("status", None, "edited", "ana")]
    assert all(a["reason"] == "later toll; residents say bandits" and a["when"] for a in audit)
    # back to the coded value: the reviewed value goes, the audit keeps both steps
    web.post(f"/api/events/{event_id}/review", headers=_auth(token), json={"action": "edit", "values": {"fatalities": 5}})
    card = web.get(f"/api/events/{event_id}").json()["event"]
    assert card["fatalities"] == 5 and card["review"]["coded"] == {"actor1": "Unidentified Armed Group (Nigeria)"}
    assert len(web.get(f"/api/events/{event_id}/audit").json()["audit"]) == 4


def test_list_points_and_exports_serve_reviewed_values_with_a_flag(web, token):
    event_id = _id(web, "gao")
    web.post(f"/api/events/{event_id}/review", headers=_auth(token),
             json={"action": "edit", "values": {"sub_event_type": "Attack", "location": "Gao - Château"}})
    listed = {e["event_id"]: e for e in web.get("/api/events").json()["events"]}
    assert listed[event_id]["sub_event_type"] == "Attack" and listed[event_id]["reviewed"] is True
    # the event type follows the sub-type
    assert listed[event_id]["event_type"] == "Violence against civilians"
    assert listed[_id(web, "one")]["reviewed"] is False
    points = web.get("/api/points", params={"country": "Mali"}).json()
    row = dict(zip(points["columns"], points["points"][0]))
    assert row["location"] == "Gao - Château" and row["reviewed"] == "edited"
    rows = list(csv.DictReader(io.StringIO(web.get("/api/export", params={"country": "Mali"}).text)))
    assert [(r["location"], r["sub_event_type"], r["reviewed"], r["review_status"]) for r in rows] == [
        ("Gao - Château", "Attack", "true", "edited")]
    geo = web.get("/api/export", params={"format": "geojson", "country": "Nigeria"}).json()
    assert len(geo["features"]) == 2 and {f["properties"]["reviewed"] for f in geo["features"]} == {False}


@pytest.mark.parametrize("body, status, message", [
    ({"action": "edit", "values": {"fatalities": "many"}}, 422, "fatalities"),
    ({"action": "edit", "values": {"sub_event_type": "Skirmish"}}, 422, "sub_event_type"),
    ({"action": "edit", "values": {"event_id": "x"}}, 422, "cannot be reviewed"),
    ({"action": "edit", "values": {"fatalities": 5}}, 422, "nothing changes"),
    ({"action": "edit"}, 422, "needs values"),
    ({"action": "reject"}, 422, "needs a reason"),
    ({"action": "accept", "values": {"fatalities": 1}}, 422, "takes no values"),
    ({"action": "delete"}, 422, ""),
    ({"action": "accept", "extra": 1}, 422, ""),
])
def test_bad_reviews_are_refused_clearly(web, token, body, status, message):
    response = web.post(f"/api/events/{_id(web, 'one')}/review", json=body, headers=_auth(token))
    assert response.status_code == status and message in str(response.json()["detail"])


def test_accept_reject_note_and_unknown_event(web, token):
    event_id = _id(web, "one")
    post = lambda body: web.post(f"/api/events/{event_id}/review", json=body, headers=_auth(token))  # noqa: E731
    assert post({"action": "accept"}).json()["status"] == "accepted"
    assert post({"action": "accept"}).status_code == 422  # already accepted
    assert post({"action": "note", "reason": "check the toll tomorrow"}).json()["status"] == "accepted"
    assert post({"action": "reject", "reason": "not political violence"}).json()["status"] == "rejected"
    audit = web.get(f"/api/events/{event_id}/audit").json()["audit"]
    assert [(a["field"], a["new"]) for a in audit] == [("status", "accepted"), ("note", "check the toll tomorrow"),
                                                       ("status", "rejected")]
    assert web.post("/api/events/nope/review", json={"action": "accept"}, headers=_auth(token)).status_code == 404
    assert web.get("/api/events/nope/audit").status_code == 404


def test_incident_merge_and_split_are_audited(web, token):
    ids = {name: _id(web, name) for name in ("one", "two", "gao")}
    incident_of = {e["event_id"]: e["incident_id"] for e in web.get("/api/events").json()["events"]}
    if incident_of[ids["one"]] == incident_of[ids["two"]]:  # the merger joined the two Gusau reports
        inc = incident_of[ids["one"]]
        split = web.post(f"/api/incidents/{inc}/split", headers=_auth(token),
                         json={"event_ids": [ids["two"]], "reason": "different villages"})
        assert split.status_code == 200, split.text
        assert split.json()["new_members"] == [ids["two"]]
        incident_of = {e["event_id"]: e["incident_id"] for e in web.get("/api/events").json()["events"]}
    a, b = incident_of[ids["one"]], incident_of[ids["two"]]
    assert a != b
    merged = web.post(f"/api/incidents/{a}/merge", headers=_auth(token),
                      json={"incident_ids": [b], "reason": "same attack, two outlets"})
    assert merged.status_code == 200, merged.text
    assert sorted(merged.json()["members"]) == sorted([ids["one"], ids["two"]])
    record = web.get(f"/api/incidents/{a}").json()
    assert record["n_reports"] == 2 and record["fatalities"] == {"best": 5, "low": 5, "high": 7}
    assert web.get(f"/api/incidents/{b}").status_code == 404
    audit = web.get(f"/api/incidents/{a}/audit").json()["audit"]
    assert audit[-1]["field"] == "members" and audit[-1]["reason"] == "same attack, two outlets"
    compare = web.get(f"/api/incidents/{a}/compare").json()
    assert {"fatalities", "actor1", "source_chain"} <= set(compare["differ"]) and "location" not in compare["differ"]
    assert web.post(f"/api/incidents/{a}/split", headers=_auth(token),
                    json={"event_ids": [ids["one"], ids["two"]], "reason": "x"}).status_code == 422
    assert web.post(f"/api/incidents/{a}/merge", json={"incident_ids": [b], "reason": "x"}).status_code == 401


@pytest.mark.parametrize("params, expected", [
    ({"actor": "jnim"}, {"gao"}),
    ({"actor": "bandits"}, {"two"}),
    ({"certainty": "claimed"}, {"gao"}),
    ({"bbox": "0,10,10,14"}, {"one", "two"}),
    ({"bbox": "-5,10,10,20", "date_to": "2025-03-31"}, {"gao"}),
    ({"q": "residents Reuters"}, {"two"}),
    ({"min_confidence": 0.9}, set()),
    ({"country": "Nigeria", "admin1": "Zamfara", "sub_event_type": "Attack"}, {"one", "two"}),
])
def test_workbench_filters(web, params, expected):
    found = {e["event_id"] for e in web.get("/api/events", params=params).json()["events"]}
    assert found == {_id(web, name) for name in expected}
    points = web.get("/api/points", params=params).json()
    assert {p[0] for p in points["points"]} == found


@pytest.mark.parametrize("params", [{"bbox": "1,2,3"}, {"certainty": "sure"}, {"min_confidence": 2}])
def test_bad_filters_are_422(web, params):
    assert web.get("/api/points", params=params).status_code == 422


def test_request_size_limit_and_no_cors_by_default(web, token):
    url = f"/api/events/{_id(web, 'one')}/review"
    big = {"action": "note", "reason": "x" * 70_000}
    assert web.post(url, json=big, headers=_auth(token)).status_code == 413

    def chunks():
        yield b'{"action": "note", "reason": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'
    streamed = web.post(url, content=chunks(), headers={**_auth(token), "content-type": "application/json"})
    assert streamed.status_code == 413
    preflight = web.options(url, headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
    got = web.get("/api/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in got.headers and got.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in web.get("/").headers["content-security-policy"]


def test_cors_can_be_allowed_for_named_origins(any_store):
    app = create_app(store=any_store, cors_origins=["https://desk.example"])
    with TestClient(app, client=("127.0.0.1", 1)) as client:
        got = client.get("/api/health", headers={"Origin": "https://desk.example"})
        assert got.headers["access-control-allow-origin"] == "https://desk.example"


def test_reads_from_another_machine_need_a_token(any_store):
    with TestClient(create_app(store=any_store, open_reads=False), client=("192.0.2.7", 1)) as client:
        assert client.get("/api/events").status_code == 401
        reader = create_token(any_store.engine, "visitor", role="reader")
        assert client.get("/api/events", headers=_auth(reader)).status_code == 200
        assert client.get("/").status_code == 200  # the page itself holds no data
    with TestClient(create_app(store=any_store, open_reads=False), client=("127.0.0.1", 1)) as client:
        assert client.get("/api/events").status_code == 200  # loopback reads are open
    with TestClient(create_app(store=any_store, open_reads=True), client=("192.0.2.7", 1)) as client:
        assert client.get("/api/events").status_code == 200


@pytest.mark.parametrize("error, status", [
    ("OperationalError", 503),  # the database busy (SQLite locked) or unreachable
    ("IntegrityError", 409),    # a concurrent write won
])
def test_a_database_failure_in_a_write_is_no_server_error(web, token, monkeypatch, error, status):
    import sqlalchemy.exc

    from eventcoder.web import review_api

    def failing(*args, **kwargs):
        raise getattr(sqlalchemy.exc, error)("UPDATE reviews ...", {}, Exception("database is locked"))

    monkeypatch.setattr(review_api, "apply_review", failing)
    response = web.post(f"/api/events/{_id(web, 'one')}/review", json={"action": "accept"}, headers=_auth(token))
    assert response.status_code == status and "nothing was written" in response.json()["detail"]
    assert web.get(f"/api/events/{_id(web, 'one')}/audit").json()["audit"] == []
