"""Calibrated confidence (calibration.py): reliability/ECE arithmetic, the model's direction, fitting,
and the commands that print or fit it. Events are built by hand; no real article text is used."""
import json

import pytest
from click.testing import CliRunner

from eventcoder import calibration as cal
from eventcoder.schema import Event, Evidence


def test_reliability_table_and_expected_calibration_error():
    points = [(0.95, True)] * 9 + [(0.95, False)] + [(0.25, True)] + [(0.25, False)] * 3
    rel = cal.reliability(points)
    assert rel["events"] == 14
    assert [(b["bin"], b["events"], b["right"]) for b in rel["bins"]] == [("0.2-0.3", 4, 0.25), ("0.9-1.0", 10, 0.9)]
    # |0.25 - 0.25| * 4/14 + |0.95 - 0.9| * 10/14
    assert rel["ece"] == round(0.05 * 10 / 14, 3)
    assert cal.reliability([])["ece"] is None


def _event(**kw):
    base = dict(event_id="d-e1", main=True, location="Kano", geo_precision=1, event_type="Battles",
                sub_event_type="Armed clash", event_date=None, actor1="Boko Haram", fatalities=3,
                evidence=[Evidence("event_type", 0, 4, "clash"), Evidence("fatalities", 5, 9, "three")])
    base.update(kw)
    return Event(**base)


def test_shipped_model_ranks_a_well_told_event_above_a_weak_one():
    model = cal.load_model()
    assert model is not None and model["features"] == list(cal.FEATURES)
    strong = cal.probability(cal.features(_event(), 0.95, "en"), model)
    weak = cal.probability(cal.features(_event(main=False, geo_precision=3, evidence=[]), 0.5, "en"), model)
    assert 0.0 < weak < strong < 1.0


def test_fit_writes_plain_numbers_and_separates_right_from_wrong():
    pytest.importorskip("sklearn")
    rows = [(cal.features(_event(), 0.95), 0.9, True)] * 20 + \
           [(cal.features(_event(main=False, evidence=[]), 0.4), 0.5, False)] * 20
    model = cal.fit(rows, "hand-made rows")
    assert json.loads(json.dumps(model))["features"] == list(cal.FEATURES)
    assert cal.probability(rows[0][0], model) > 0.8 > 0.2 > cal.probability(rows[-1][0], model)


def test_a_model_of_other_features_is_ignored(tmp_path, monkeypatch):
    path = tmp_path / cal.MODEL_FILE
    path.write_text(json.dumps({"features": ["other"], "coef": [1.0], "intercept": 0.0}), encoding="utf-8")
    monkeypatch.setattr(cal, "data_path", lambda rel: tmp_path / rel)
    cal.load_model.cache_clear()
    try:
        assert cal.load_model() is None
        assert cal.calibrate(_event(), 0.9, fallback=0.42) == 0.42
    finally:
        cal.load_model.cache_clear()


def test_classifier_score_is_read_back_from_the_reasons():
    ev = _event(confidence=0.7, reasons={"confidence": "classifier 0.930; calibrated probability ..."})
    assert cal.classifier_score(ev) == 0.93
    assert cal.classifier_score(_event(confidence=0.7)) == 0.7


def test_calibrate_refuses_the_heldout_split():
    from eventcoder.cli import cli

    out = CliRunner().invoke(cli, ["calibrate", "--split", "heldout"])
    assert out.exit_code != 0 and "held-out" in out.output


def _unseen_rows(n=120, right_when_high=0.6):
    """Synthetic unseen rows: a strong signal, right less often than the in-sample model believes."""
    rows = []
    for i in range(n):
        strong = i % 2 == 0
        feats = [0.95 if strong else 0.3] + [0.0] * (len(cal.FEATURES) - 1)
        right = (i % 10) < (10 * right_when_high if strong else 2)
        rows.append({"id": f"r{i}", "commit": f"c{i % 3}", "features": feats, "right": right})
    return rows


def test_the_unseen_correction_lowers_an_over_confident_model():
    pytest.importorskip("sklearn")
    model = {"features": list(cal.FEATURES), "coef": [6.0] + [0.0] * (len(cal.FEATURES) - 1), "intercept": -2.0}
    rows = _unseen_rows()
    layer = cal.fit_unseen(model, rows)
    assert layer is not None and layer["events"] == len(rows) and layer["batches"] == ["c0", "c1", "c2"]
    strong = rows[0]["features"]
    assert cal.probability(strong, {**model, "unseen": layer}) < cal.probability(strong, model)
    before, after = cal.unseen_reliability({**model, "unseen": layer}, rows)
    assert after["ece"] < before["ece"]
    assert cal.fit_unseen(model, rows[:20]) is None  # too few rows: no correction


def test_unseen_rows_of_other_features_are_skipped(tmp_path):
    path = tmp_path / "unseen.jsonl"
    good = {"id": "r1", "commit": "c", "features": [0.5] * len(cal.FEATURES), "right": True}
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "features": [0.5]}) + "\n", encoding="utf-8")
    assert cal.load_unseen(path) == [good]
    assert cal.load_unseen(tmp_path / "absent.jsonl") == []


@pytest.mark.model
def test_calibrate_record_appends_the_rows_of_a_fresh_batch(tmp_path):
    """`calibrate --record SHARES` codes only that batch's dev reports and appends one row per coded event."""
    from eventcoder.cli import cli

    text = ("DATE: 2024-05-03\nLANG: en\n\nGunmen killed six farmers in an attack on the village of Kpinkanou "
            "in Benin on Thursday, police said.\n")
    event = {"event_id": "rQQ01-e1", "event_date": "2024-05-02", "time_precision": 1,
             "event_type": "Violence against civilians", "sub_event_type": "Attack", "actor1": None, "actor2": None,
             "country": "Benin", "admin1": None, "location": "Kpinkanou", "fatalities": 6, "main": True}
    reports = [{"id": "rQQ01", "lang": "en", "split": "dev", "negative": False, "events": [event]},
               {"id": "rZZ01", "lang": "en", "split": "dev", "negative": False,
                "events": [{**event, "event_id": "rZZ01-e1"}]}]
    (tmp_path / "texts").mkdir()
    for r in reports:
        r["file"] = f"texts/{r['id']}.txt"
        (tmp_path / r["file"]).write_text(text, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    unseen = tmp_path / "unseen.jsonl"
    result = CliRunner().invoke(cli, ["calibrate", "--gold", str(gold), "--split", "dev", "--record", "QQ",
                                       "--unseen", str(unseen)])
    assert result.exit_code == 0, result.output
    rows = cal.load_unseen(unseen)
    assert rows and {r["id"] for r in rows} == {"rQQ01"}  # the other batch's report is not coded
    assert all(len(r["features"]) == len(cal.FEATURES) and isinstance(r["right"], bool) for r in rows)


def test_a_malformed_unseen_row_is_a_clear_error(tmp_path):
    path = tmp_path / "unseen.jsonl"
    path.write_text('{"id": "r1", "features": [], "right": true}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"unseen.jsonl:2: not a JSON row"):
        cal.load_unseen(path)
    path.write_text('{"id": "r1", "features": []}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"unseen.jsonl:1: a row needs"):
        cal.load_unseen(path)
