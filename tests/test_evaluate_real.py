"""Real-news scoring (evaluate_real.py) on a tiny hand-made corpus: slices, end-to-end accuracy,
negatives clean, incidents, another coder's codings. No real article text is used."""
import datetime as dt
import json

import pytest

from eventcoder import evaluate as ev
from eventcoder import evaluate_real as er
from eventcoder.schema import Event


def _gold_event(rid, n=1, cluster=None, **kw):
    base = {"event_id": f"{rid}-e{n}", "event_date": "2024-05-02", "time_precision": 1, "event_type": "Battles",
            "sub_event_type": "Armed clash", "actor1": "Military Forces of Mali (2021-)", "actor2": "JNIM",
            "inter1": 1, "inter2": 2, "interaction": "12", "country": "Mali", "admin1": "Mopti",
            "location": "Douentza", "latitude": 15.0, "longitude": -2.95, "geo_precision": 1, "fatalities": 12,
            "source": "Outlet", "source_chain": ["Outlet"], "certainty": "reported", "claimed_by": None,
            "main": n == 1, "cluster": cluster}
    base.update(kw)
    return base


def _event(rid, n=1, **kw):
    base = dict(event_id=f"{rid}-p{n}", doc_id=rid, event_type="Battles", sub_event_type="Armed clash",
                actor1="Military Forces of Mali (2021-)", actor2="JNIM", country="Mali", admin1="Mopti",
                location="Douentza", latitude=15.0, longitude=-2.95, geo_precision=1,
                event_date=dt.date(2024, 5, 2), time_precision=1, fatalities=12, source="Outlet",
                source_chain=["Outlet"], certainty="reported", main=n == 1)
    base.update(kw)
    return Event(**base)


@pytest.fixture()
def corpus(tmp_path):
    """r1, r2: one clash told by two outlets (group G1); r3: a look-alike in another town;
    r4: a French report; r5: a negative; r6: held out, its text not restored."""
    reports = [
        {"id": "r1", "lang": "en", "split": "dev", "negative": False, "events": [_gold_event("r1", cluster="G1")],
         "same_event_group": "G1"},
        {"id": "r2", "lang": "en", "split": "dev", "negative": False,
         "events": [_gold_event("r2", cluster="G1", fatalities=14, fatalities_also_acceptable=[12])],
         "same_event_group": "G1"},
        {"id": "r3", "lang": "en", "split": "dev", "negative": False, "lookalike_of": "G1",
         "events": [_gold_event("r3", location="Boni", latitude=15.05, longitude=-1.9, event_date="2024-05-20")]},
        {"id": "r4", "lang": "fr", "split": "dev", "negative": False,
         "events": [_gold_event("r4", sub_event_type="Attack", event_type="Violence against civilians",
                                actor2="Civilians (Mali)", inter2=7, interaction="17")]},
        {"id": "r5", "lang": "en", "split": "dev", "negative": True, "events": []},
        {"id": "r6", "lang": "en", "split": "heldout", "negative": False, "events": [_gold_event("r6")]},
    ]
    (tmp_path / "texts").mkdir()
    for r in reports:
        r["file"] = f"texts/{r['id']}.txt"
        if r["id"] != "r6":
            (tmp_path / r["file"]).write_text("LANG: en\n\nA sentence written for this test.\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    return gold


def _coder(path):
    rid = path.stem
    return {"r1": [_event("r1")],
            "r2": [_event("r2", fatalities=12)],  # 12 is also acceptable for r2
            "r3": [_event("r3", location="Boni", latitude=15.05, longitude=-1.9, event_date=dt.date(2024, 5, 20),
                          fatalities=3)],
            "r4": [],  # the French event is missed
            "r5": [_event("r5")]}[rid]  # an event on the negative report


def test_slices_end_to_end_and_negatives(corpus):
    result = er.evaluate_real(corpus, coder=_coder)
    assert result["missing"] == ["r6"]
    dev = result["dev"]
    assert set(dev) == {"all", "en", "non-en", "fr"}
    assert dev["all"]["reports"] == 5 and dev["en"]["reports"] == 4 and dev["fr"]["reports"] == 1
    # 3 of 4 gold main events found; one extra main event on the negative report
    assert dev["all"]["main_events"]["tp"] == 3 and dev["all"]["main_events"]["pred"] == 4
    assert dev["all"]["negatives_clean"] == 0 and dev["all"]["negative_reports"] == 1
    # fatalities: right on r1, r2 (also acceptable); wrong on r3; r4 missed -> end to end 2/4
    assert dev["all"]["fields"]["fatalities"] == {"accuracy": round(2 / 3, 3), "n": 3}
    assert dev["all"]["end_to_end"]["fatalities"] == {"accuracy": 0.5, "n": 4}
    assert dev["fr"]["end_to_end"]["sub_event_type"]["accuracy"] == 0.0
    assert "heldout" not in result or not result["heldout"]


def test_incidents_join_the_group_not_the_lookalike(corpus):
    inc = er.evaluate_real(corpus, coder=_coder)["dev"]["all"]["incidents"]
    assert inc["gold_clusters"] == 1
    assert inc["pairwise"]["recall"] == 1.0  # r1 and r2 merged
    assert inc["pairwise"]["precision"] == 1.0  # r3 (other town, 18 days later) kept apart


def test_format_real_prints_both_headline_rows(corpus):
    text = er.format_real(er.evaluate_real(corpus, coder=_coder))
    assert "main events F1" in text and "negatives clean" in text and "incidents (1 same-event groups" in text
    assert "not scored (text not restored): 1 reports" in text


def test_another_coders_codings_need_no_texts(corpus, tmp_path):
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps({"id": "r6", "file": "texts/r6.txt", "events": [_gold_event("r6", fatalities=9)]}) + "\n",
                      encoding="utf-8")
    result = er.evaluate_real(corpus, coder=er.codings_as_coder(second), pooled=True)
    held = result["heldout"]["all"]
    assert result["missing"] == [] and held["reports"] == 1 and result["both"]["all"]["reports"] == 1
    assert "incidents" not in held and "calibration" not in held  # nor incidents nor confidence
    assert held["main_events"]["f1"] == 1.0
    assert held["fields"]["fatalities"]["accuracy"] == 0.0 and held["fields"]["location"]["accuracy"] == 1.0


@pytest.mark.parametrize("field,gold_kw,pred_kw,ok", [
    ("sub_event_type", {"sub_event_type_also_acceptable": ["Attack"]}, {"sub_event_type": "Attack"}, True),
    ("sub_event_type", {}, {"sub_event_type": "Attack"}, False),
    ("location", {"location_also_acceptable": ["Boni"]}, {"location": "Boni"}, True),
    ("event_date", {"event_date_also_acceptable": ["2024-05-03"]}, {"event_date": dt.date(2024, 5, 3)}, True),
    ("fatalities", {"fatalities_also_acceptable": [10]}, {"fatalities": 11}, False),
])
def test_also_acceptable_values(field, gold_kw, pred_kw, ok):
    assert ev.field_correct(field, _event("x", **pred_kw), _gold_event("x", **gold_kw)) is ok


def test_missing_texts_only_prints_how_to_restore(corpus, tmp_path):
    from click.testing import CliRunner

    from eventcoder.cli import cli

    for path in (tmp_path / "texts").iterdir():
        path.unlink()
    out = CliRunner().invoke(cli, ["evaluate-real", "--gold", str(corpus)])
    assert out.exit_code == 0
    assert "tools/realnews.py missing" in out.stderr and "main events" not in out.stdout
