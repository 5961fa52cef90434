"""Matching and per-field scoring of evaluate.py, on hand-built events (no model needed)."""
import datetime as dt
import json

import pytest

from eventcoder import evaluate as ev
from eventcoder import matching
from eventcoder.schema import Event


def _gold(**kw):
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "JNIM: Group for Support of Islam and Muslims",
            "actor2": "Military Forces of Mali (2021-)", "location": "Douentza", "admin1": "Mopti", "country": "Mali",
            "latitude": 15.0, "longitude": -2.95, "geo_precision": 1, "event_date": "2025-07-28",
            "time_precision": 1, "fatalities": 12, "source": "Outlet", "source_chain": ["Outlet", "Security sources"],
            "certainty": "reported", "claimed_by": None, "main": True}
    base.update(kw)
    return base


def _pred(**kw):
    base = dict(event_type="Battles", sub_event_type="Armed clash", actor1="JNIM", actor2="Military Forces of Mali (2021-)",
                location="Douentza", admin1="Mopti", country="Mali", latitude=15.01, longitude=-2.96, geo_precision=1,
                event_date=dt.date(2025, 7, 28), time_precision=1, fatalities=12, source="Outlet",
                source_chain=["Outlet", "security sources"], certainty="reported", main=True)
    base.update(kw)
    return Event(**base)


@pytest.mark.parametrize("a,b,same", [("Culiacán", "culiacan", True), ("Deir-ez-Zor", "Deir ez Zor", True),
                                      ("Kyiv", "Kiev", False)])
def test_evaluate_norm(a, b, same):
    assert (ev.norm(a) == ev.norm(b)) is same


@pytest.mark.parametrize("pred,gold,also,ok", [
    ("JNIM", "JNIM: Group for Support of Islam and Muslims", (), True),
    ("Al Shabaab", "Al Shabaab", (), True),
    ("Islamic State", "Islamic State (Iraq)", ("Islamic State",), True),
    ("Kurdish forces", "Unidentified Armed Group (Iraq)", (), False),
    (None, None, (), True), ("Civilians (Mali)", None, (), False),
    ("Civilians (Mali)", None, ("Civilians (Mali)",), True), ("Civilians (Mali)", None, ("Civilians (Niger)",), False)])
def test_evaluate_actor_match(pred, gold, also, ok):
    assert ev.actor_match(pred, gold, also) is ok


def test_evaluate_match_pairs_by_content_not_order():
    golds = [_gold(), _gold(sub_event_type="Remote explosive/landmine/IED", event_type="Explosions/Remote violence",
                            location="Boni", latitude=15.07, longitude=-1.8, event_date="2025-07-29", main=False)]
    preds = [_pred(event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED", location="Boni",
                   latitude=15.07, longitude=-1.8, event_date=dt.date(2025, 7, 29), main=False), _pred()]
    assert sorted(ev.match(preds, golds)) == [(0, 1), (1, 0)]


def test_evaluate_unrelated_events_do_not_match():
    pred = _pred(event_type="Protests", sub_event_type="Peaceful protest", location="Bamako", latitude=12.6,
                 longitude=-8.0, event_date=dt.date(2024, 1, 1), actor1="Protesters (Mali)", actor2=None)
    assert ev.match([pred], [_gold()]) == []


@pytest.mark.parametrize("field,pred_kw,ok", [
    ("fatalities", {}, True), ("fatalities", {"fatalities": 15}, False),
    ("event_date_1day", {"event_date": dt.date(2025, 7, 27)}, True),
    ("event_date", {"event_date": dt.date(2025, 7, 27)}, False),
    ("coords_25km", {"latitude": 15.5}, False), ("coords_25km", {}, True),
    ("source_chain", {}, True), ("source_chain", {"source_chain": ["Outlet"]}, False),
    ("actor1", {"actor1": "Group for Support of Islam and Muslims"}, True)])
def test_evaluate_field_correct(field, pred_kw, ok):
    assert ev.field_correct(field, _pred(**pred_kw), _gold()) is ok


_ALT = {"inter1": 2, "inter2": 1, "actor2": "Police Forces of Mali (2021-)"}


@pytest.mark.parametrize("field,pred_kw,gold_kw,ok", [
    # the inter follows the actor: an also-acceptable actor is scored with its own inter code
    ("inter1", {"actor1": "Unidentified Armed Group (Mali)", "inter1": 3},
     {"actor1_also_acceptable": ["Unidentified Armed Group (Mali)"]}, True),
    ("inter1", {"actor1": "Unidentified Armed Group (Mali)", "inter1": 2},
     {"actor1_also_acceptable": ["Unidentified Armed Group (Mali)"]}, False),
    ("inter1", {"actor1": "Unidentified Armed Group (Mali)", "inter1": 3}, {}, False),
    ("inter1", {"actor1": "JNIM", "inter1": 3}, {"actor1_also_acceptable": ["Unidentified Armed Group (Mali)"]}, False),
    ("inter2", {"actor2": "Military Forces of Mali (2021-)", "inter2": 1},
     {"actor2_also_acceptable": ["Military Forces of Mali"]}, True),
    ("inter2", {"actor2": "Military Forces of Niger (2023-)", "inter2": 8},
     {"actor2_also_acceptable": ["Military Forces of Niger"]}, True),
    ("inter2", {"actor2": "Military Forces of Niger (2023-)", "inter2": 1},
     {"actor2_also_acceptable": ["Military Forces of Niger"]}, False),
    ("inter2", {"actor2": None, "inter2": None}, {"actor2_also_acceptable": ["Military Forces of Mali"]}, False),
    ("inter2", {"actor2": "Civilians (Mali)", "inter2": 7},
     {"actor2": None, "inter2": None, "actor2_also_acceptable": ["Civilians (Mali)"]}, True)])
def test_evaluate_inter_follows_an_acceptable_actor(field, pred_kw, gold_kw, ok):
    assert ev.field_correct(field, _pred(**pred_kw), _gold(**{**_ALT, **gold_kw})) is ok


def test_evaluate_scores_with_a_fake_coder(tmp_path):
    gold_lines = [
        {"id": "r1", "file": "r1.txt", "lang": "en", "negative": False, "events": [_gold()]},
        {"id": "r2", "file": "r2.txt", "lang": "en", "negative": True, "events": []},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in gold_lines))
    outputs = {"r1.txt": [_pred(fatalities=10)], "r2.txt": [_pred()]}
    result = ev.evaluate(path, coder=lambda p: outputs[p.name])
    assert result["main_events"]["tp"] == 1 and result["main_events"]["pred"] == 2
    assert result["main_events"]["precision"] == 0.5 and result["main_events"]["recall"] == 1.0
    assert result["negative_main_events"] == 1
    assert result["fields"]["fatalities"] == {"accuracy": 0.0, "n": 1}
    assert result["fields"]["sub_event_type"]["accuracy"] == 1.0
    assert "main_events" in ev.format_table(result, details=True)


def test_evaluate_missing_gold_is_a_clear_error(tmp_path):
    with pytest.raises(ev.GoldError, match="E401"):
        ev.evaluate(tmp_path / "nope.jsonl", coder=lambda p: [])


# ------------------------------------------------------------------ issue 13: core actor names, lenient source chains
@pytest.mark.parametrize("name, core", [
    ("Military Forces of Pakistan (2013-2018)", "military forces of pakistan"),
    ("Islamic State (Iraq)", "islamic state"),
    ("Unidentified Armed Group (Nigeria)", "unidentified armed group"),
    ("Police Forces of India (2014-) Central Reserve Police Force", "police forces of india central reserve police force"),
    (None, ""),
])
def test_evaluate_actor_core_drops_country_and_period(name, core):
    assert matching.actor_core(name) == core


@pytest.mark.parametrize("pred, gold, also, ok", [
    ("Military Forces of Pakistan", "Military Forces of Pakistan (2013-2018)", (), True),
    ("Islamic State (Syria)", "Islamic State (Iraq)", (), True),
    ("Islamic State", "Islamic State (Iraq)", (), True),
    ("Military Forces of Iraq (2022-)", "Military Forces of Syria (2000-2024)", (), False),
    ("ISWAP", "Islamic State West Africa Province", ("ISWAP: Islamic State West Africa Province",), True),
    (None, None, (), True), ("Civilians (Mali)", None, (), False),
    ("Civilians (Mali)", None, ("Civilians (Mali)",), True)])
def test_evaluate_actor_core_match(pred, gold, also, ok):
    assert ev.actor_core_match(pred, gold, also) is ok


@pytest.mark.parametrize("chain, primary", [
    (["Outlet", "AP", "Police Forces of India (DIG)", "Hospital"], "Police Forces of India (DIG)"),
    (["Outlet", "CNN", "Office of the Prime Minister"], "Office of the Prime Minister"),
    (["Outlet", "Reuters"], "Reuters"),
    (["Outlet"], None),
])
def test_evaluate_primary_source_skips_media(chain, primary):
    assert ev.primary_source(chain) == primary


@pytest.mark.parametrize("pred, gold, ok", [
    # the outlet and the primary source, whatever the wording and whatever else is cited
    (["Outlet", "police officials", "Residents"], ["Outlet", "AP", "Police Forces of India (DIG Bastar)"], True),
    (["Outlet", "Israeli army"], ["Outlet", "Military Forces of Israel"], True),
    (["Outlet", "Associated Press"], ["Outlet", "AP"], True),
    (["Outlet", "Гладкова"], ["Outlet", "Belgorod governor Vyacheslav Gladkov"], True),
    # an acronym of the other's name, and a state force's acronym known to the actor dictionary
    (["Outlet", "PSNI Chief"], ["Outlet", "Police Service of Northern Ireland"], True),
    (["Outlet", "Military Forces of Kenya"], ["Outlet", "KDF spokesperson (Brig. Jane Doe)"], True),
    # the primary source missing, or another outlet first
    (["Outlet", "Residents"], ["Outlet", "Police Forces of Kenya (spokesman)"], False),
    (["Outlet"], ["Outlet", "Ministry of Health (Gaza)"], False),
    (["Other paper", "Ministry of Health"], ["Outlet", "Ministry of Health"], False),
    # a country shared is not the same source
    (["Outlet", "India Today"], ["Outlet", "Police Forces of India"], False),
    (["Outlet", "Anything"], ["Outlet"], True),
])
def test_evaluate_chain_lenient(pred, gold, ok):
    assert ev.chain_lenient(pred, gold) is ok


def test_evaluate_new_fields_are_scored(tmp_path):
    gold_lines = [{"id": "r1", "file": "r1.txt", "lang": "en", "negative": False,
                   "events": [_gold(actor1="Military Forces of Mali (2013-2020)",
                                    source_chain=["Outlet", "AFP", "Security sources"])]}]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in gold_lines))
    outputs = {"r1.txt": [_pred(actor1="Military Forces of Mali (2021-)", source_chain=["Outlet", "security source"])]}
    result = ev.evaluate(path, coder=lambda p: outputs[p.name])
    assert result["fields"]["actor1"]["accuracy"] == 0.0
    assert result["fields"]["actor1_core"]["accuracy"] == 1.0
    assert result["fields"]["source_chain"]["accuracy"] == 0.0
    assert result["fields"]["source_chain_lenient"]["accuracy"] == 1.0
    assert "source_chain_lenient" in ev.format_table(result)


@pytest.mark.parametrize("pred, gold, right", [
    ("Idleb", "Idlib", True),            # ACLED's spelling and the common one
    ("Jawa Barat", "West Java", True),   # the GeoNames name and the English one
    ("Nord-Kivu", "North Kivu", True),
    ("Aleppo", "Idlib", False),          # two units
    ("Sud-Kivu", "North Kivu", False),
    (None, "Idlib", False),
])
def test_evaluate_admin1_is_compared_as_a_unit(pred, gold, right):
    event = Event(doc_id="x", admin1=pred)
    assert ev.field_correct("admin1", event, {"admin1": gold}) is right
