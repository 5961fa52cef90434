"""`confidence` as a calibrated probability that a coded event is right.

"Right" means what a user needs before trusting an event: it matches a hand-coded event of the
report (`evaluate.match`) and has the same sub-event type. The probability is a logistic model
over the coder's own signals (`FEATURES`: the classifier's trigger score, whether the event was
located and how precisely, dated, attributed, given a toll, its place in the report ...), fitted
with scikit-learn on the real-news dev split (`eventcoder calibrate`) and stored as plain numbers
in `data/calibration.json`, so coding needs no scikit-learn. `reliability` gives the reliability
table and the expected calibration error (ECE) that `evaluate` and `evaluate-real` print.

Use: filter (`confidence >= 0.7` keeps mostly right events), or order a review queue by it.
"""
from __future__ import annotations

import functools
import json
import math
from typing import Any, Iterable, Optional

from .matching import match
from .resources import data_path
from .schema import Event

MODEL_FILE = "calibration.json"
#: the coder's signals the model weighs, in order
FEATURES = ("classifier", "main", "located", "precise_place", "dated", "exact_day", "actor1_named",
            "actor2_named", "toll_told", "killed", "sources", "claimed", "speculative", "support",
            "non_english")


def features(ev: Event, classifier: float, lang: Optional[str] = None) -> list[float]:
    """The values of `FEATURES` for one coded event (`classifier`: the trigger score, 0-1)."""
    named = lambda a: float(bool(a) and not a.startswith("Unidentified"))  # noqa: E731
    support = sum(1 for e in ev.evidence if e.field == "event_type")
    return [
        classifier,
        float(ev.main),
        float(bool(ev.location)),
        float(ev.geo_precision == 1),
        float(ev.event_date is not None),
        float(ev.time_precision == 1),
        named(ev.actor1),
        named(ev.actor2),
        float(any(e.field == "fatalities" for e in ev.evidence)),
        float(ev.fatalities > 0),
        float(len(ev.source_chain) > 1),
        float(bool(ev.claimed_by)),
        float(ev.certainty == "speculative"),
        min(support, 4) / 4,
        float(bool(lang) and lang != "en"),
    ]


@functools.lru_cache(maxsize=None)
def load_model() -> Optional[dict[str, Any]]:
    """The fitted model (`data/calibration.json`), or None when there is none."""
    path = data_path(MODEL_FILE)
    if not path.is_file():
        return None
    model = json.loads(path.read_text(encoding="utf-8"))
    if list(model.get("features", [])) != list(FEATURES):
        return None  # fitted on other signals: refit with `eventcoder calibrate`
    return model


def _logit(values: list[float], model: dict[str, Any]) -> float:
    """The fitted model's log-odds, before any correction for unseen reports."""
    return model["intercept"] + sum(w * x for w, x in zip(model["coef"], values))


def probability(values: list[float], model: dict[str, Any]) -> float:
    z = _logit(values, model)
    unseen = model.get("unseen")
    if unseen:  # the correction for reports the coder's rules were not written on (`fit_unseen`)
        z = unseen["a"] * z + unseen["b"]
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def calibrate(ev: Event, classifier: float, lang: Optional[str] = None, fallback: float = 0.0) -> float:
    """The calibrated confidence of `ev`, or `fallback` when no model is fitted."""
    model = load_model()
    if model is None:
        return fallback
    return probability(features(ev, classifier, lang), model)


def classifier_score(ev: Event) -> float:
    """The trigger score the coder kept in `reasons["confidence"]` ("classifier 0.930; ...")."""
    text = ev.reasons.get("confidence", "")
    try:
        return float(text.split("classifier ", 1)[1].split(";")[0])
    except (IndexError, ValueError):
        return ev.confidence


def rightness(preds: list[Event], golds: list[dict], pairs: Iterable[tuple[int, int]]) -> list[bool]:
    """Per coded event of one report: does it match a gold event (`pairs`: coded index, gold
    index) with the same sub-event type? What `confidence` is a probability of."""
    paired = dict(pairs)
    return [i in paired and golds[paired[i]].get("sub_event_type") == ev.sub_event_type for i, ev in enumerate(preds)]


def labelled(reports: list[dict], coded: dict[str, list[Event]]) -> list[tuple[list[float], float, bool]]:
    """(features, confidence, right) for every non-background coded event of `reports` (see
    `rightness`), to fit the model on."""
    out = []
    for gold in reports:
        preds = [e for e in coded.get(gold["id"], []) if not e.background]
        golds = gold.get("events", [])
        for ev, right in zip(preds, rightness(preds, golds, match(preds, golds))):
            out.append((features(ev, classifier_score(ev), gold.get("lang")), ev.confidence, right))
    return out


def reliability(points: Iterable[tuple[float, bool]], bins: int = 10) -> dict[str, Any]:
    """Reliability table (per confidence bin: events, mean confidence, share right) and the
    expected calibration error: the events-weighted mean |confidence - share right|."""
    points = list(points)
    table = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r in points if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if inside:
            table.append({"bin": f"{lo:.1f}-{hi:.1f}", "events": len(inside),
                          "confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                          "right": round(sum(r for _, r in inside) / len(inside), 3)})
    n = len(points)
    ece = sum(row["events"] / n * abs(row["confidence"] - row["right"]) for row in table) if n else None
    return {"events": n, "ece": round(ece, 3) if ece is not None else None, "bins": table}


def format_reliability(rel: dict[str, Any]) -> str:
    lines = [f"calibration of confidence: {rel['events']} coded events, expected calibration error "
             f"{rel['ece'] if rel['ece'] is not None else '-'}",
             f"  {'confidence':<10} {'events':>6} {'mean conf':>9} {'right':>6}"]
    for row in rel["bins"]:
        lines.append(f"  {row['bin']:<10} {row['events']:>6} {row['confidence']:>9.3f} {row['right']:>6.3f}")
    return "\n".join(lines)


def _model():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=1.0, max_iter=1000)


def cross_validated(rows: list[tuple[list[float], float, bool]], folds: int = 5) -> dict[str, Any]:
    """Reliability of the model's out-of-fold probabilities: an honest estimate on the fitting set."""
    from sklearn.model_selection import cross_val_predict

    X, y = [f for f, _, _ in rows], [int(r) for _, _, r in rows]
    probs = cross_val_predict(_model(), X, y, cv=folds, method="predict_proba")[:, 1]
    return reliability(zip((float(p) for p in probs), (bool(v) for v in y)))


def fit(rows: list[tuple[list[float], float, bool]], source: str) -> dict[str, Any]:
    """A logistic model of `right` on the features (scikit-learn), as a JSON-ready dict."""
    X = [f for f, _, _ in rows]
    y = [int(r) for _, _, r in rows]
    if len(set(y)) < 2:
        raise ValueError("calibration needs both right and wrong events")
    model = _model().fit(X, y)
    return {"features": list(FEATURES), "coef": [round(float(w), 5) for w in model.coef_[0]],
            "intercept": round(float(model.intercept_[0]), 5), "fitted_on": source, "events": len(rows),
            "right": sum(y)}


# ------------------------------------------------------------------ unseen reports
# The model is fitted on the dev split, whose reports the coder's rules were written on: there the
# coder is right more often than on reports it has never seen, so the fit is over-confident on new
# text. Each fresh batch of blind-coded reports, coded BEFORE any rule is written on it, gives
# (features, right) rows of unseen reports (`eventcoder calibrate --record SHARES`, appended to
# realnews/calibration_unseen.jsonl with the commit that coded them). A two-parameter correction of
# the model's log-odds (a * z + b, Platt scaling) is fitted on those rows.


def load_unseen(path) -> list[dict[str, Any]]:
    """The recorded rows of unseen reports: {"id", "commit", "features", "right"} per coded event."""
    from pathlib import Path

    path = Path(path)
    if not path.is_file():
        return []
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path}:{n}: not a JSON row ({err.msg})") from None
        if not isinstance(row, dict) or "right" not in row:
            raise ValueError(f"{path}:{n}: a row needs 'features' and 'right'")
        rows.append(row)
    return [r for r in rows if len(r.get("features", ())) == len(FEATURES)]


def fit_unseen(model: dict[str, Any], rows: list[dict[str, Any]]) -> Optional[dict[str, Any]]:
    """The correction a * z + b of the model's log-odds z, fitted on unseen rows (None if too few)."""
    from sklearn.linear_model import LogisticRegression

    y = [int(r["right"]) for r in rows]
    if len(rows) < 50 or len(set(y)) < 2:
        return None
    z = [[_logit(r["features"], model)] for r in rows]
    layer = LogisticRegression(C=1e6, max_iter=1000).fit(z, y)
    return {"a": round(float(layer.coef_[0][0]), 5), "b": round(float(layer.intercept_[0]), 5),
            "events": len(rows), "batches": sorted({r.get("commit", "") for r in rows})}


def unseen_reliability(model: dict[str, Any], rows: list[dict[str, Any]]) -> tuple[dict, dict]:
    """Reliability on the unseen rows without the correction, and with it fitted leaving each batch
    (commit) out in turn: an honest estimate of the correction on reports of a new batch."""
    base = {k: v for k, v in model.items() if k != "unseen"}
    before = reliability((probability(r["features"], base), bool(r["right"])) for r in rows)
    points = []
    for batch in sorted({r.get("commit", "") for r in rows}):
        train = [r for r in rows if r.get("commit", "") != batch]
        layer = fit_unseen(base, train)
        for r in rows:
            if r.get("commit", "") == batch:
                points.append((probability(r["features"], {**base, "unseen": layer}), bool(r["right"])))
    return before, reliability(points)
