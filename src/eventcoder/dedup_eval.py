"""Deduplication scores on the devset clusters: pairwise and B-cubed precision/recall/F1.

Two modes:
    coded  the devset reports are coded (`pipeline.code_document`), the predicted events
           of each report are paired with its gold events (`evaluate.match`), all predicted
           events are merged, and predicted incidents are compared with gold clusters. A
           predicted event paired with a gold event takes its gold cluster (or is a gold
           singleton); an unpaired predicted event is a singleton of its own.
    gold   the gold events themselves are merged (the merger alone, no coding errors; gold
           events carry no text, so only their coded fields count).

In coded mode the reports' texts are given to the merger (`cluster(..., documents=...)`), as
ingest does.

Example:
    >>> scores = evaluate_dedup("../shared/devset/gold.jsonl")
    >>> scores["coded"]["pairwise"]["f1"], scores["coded"]["bcubed"]["f1"]
"""
from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable, Optional

from .evaluate import load_gold, match
from .merge import DATE_WINDOW, THRESHOLD, cluster
from .schema import Event


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise P/R/F1 over the items of `gold` (item -> cluster label in each dict)."""
    def pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for item, label in labels.items():
            groups[label].append(item)
        return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}

    items = set(gold)
    p, g = pairs({k: v for k, v in pred.items() if k in items}), pairs(gold)
    return {**_prf(len(p & g), len(p), len(g)), "pred_pairs": len(p), "gold_pairs": len(g)}


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed P/R/F1 (Bagga & Baldwin) over the items of `gold`."""
    pc: dict[str, set[str]] = defaultdict(set)
    gc: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        pc[pred[item]].add(item)
        gc[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        both = len(pc[pred[item]] & gc[gold[item]])
        precision += both / len(pc[pred[item]])
        recall += both / len(gc[gold[item]])
    n = len(gold) or 1
    p, r = precision / n, recall / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def same_report_merges(events: Iterable[Event], pred: dict[str, str]) -> int:
    """Number of incidents holding two events of the same report (must be 0)."""
    seen = Counter((pred[e.event_id], e.doc_id) for e in events if e.event_id in pred)
    return sum(1 for n in seen.values() if n > 1)


def score(events: list[Event], gold_labels: dict[str, str], threshold: float = THRESHOLD,
          window: int = DATE_WINDOW, documents: Optional[dict] = None) -> dict[str, Any]:
    """Merge `events` (with their reports' `documents`, when known) and score the incidents
    against `gold_labels` (event_id -> cluster)."""
    result = cluster([Event(**{**e.__dict__, "incident_id": None}) for e in events], threshold, window,
                     documents=documents)
    pred = {e.event_id: e.event_id for e in events if not e.background}
    pred.update({e: inc.incident_id for inc in result.incidents for e in inc.event_ids})
    return {"threshold": threshold, "events": len(gold_labels),
            "incidents": len(set(pred[e] for e in gold_labels)),
            "pairwise": pairwise(pred, gold_labels), "bcubed": bcubed(pred, gold_labels),
            "same_report_merges": same_report_merges(events, pred)}


def gold_events(reports: list[dict]) -> tuple[list[Event], dict[str, str]]:
    """The gold events as Events, and their labels (cluster, else a singleton of their own)."""
    events, labels = [], {}
    for report in reports:
        for n, g in enumerate(report.get("events", [])):
            event = Event.from_dict({**g, "evidence": [], "doc_id": report["id"], "event_id": g.get("event_id") or f"{report['id']}-g{n}"})
            events.append(event)
            labels[event.event_id] = g.get("cluster") or f"gold:{event.event_id}"
    return events, labels


def coded_events(reports: list[dict], base: Path,
                 documents: Optional[dict] = None) -> tuple[list[Event], dict[str, str]]:
    """Code every report; RETURNS all its events and labels of the non-background ones.

    documents: filled with the reports (doc_id -> Document) when given, for the text evidence.
    """
    from .pipeline import code_documents
    from .reading import read_path

    events, labels = [], {}
    for report in reports:
        preds: list[Event] = []
        for item in code_documents(read_path(base / report["file"])):
            preds.extend(getattr(item, "events", []))
            if documents is not None and getattr(item, "document", None) is not None:
                documents[item.document.doc_id] = item.document
        main = [e for e in preds if not e.background]
        golds = report.get("events", [])
        paired = dict(match(main, golds))
        for i, e in enumerate(main):
            g = golds[paired[i]] if i in paired else None
            labels[e.event_id] = (g.get("cluster") or f"gold:{report['id']}:{paired[i]}") if g else f"pred:{e.event_id}"
        events.extend(preds)
    return events, labels


def evaluate_dedup(gold_path: str | Path, threshold: float = THRESHOLD, sweep: Optional[Iterable[float]] = None,
                   coded: bool = True) -> dict[str, Any]:
    """Dedup scores of the merger on gold events and (if `coded`) on coded events.

    RETURNS (dict): {"gold": scores, "coded": scores, "sweep": {threshold: {mode: (pw F1, b3 F1)}}}.
    """
    gold_path = Path(gold_path)
    reports = load_gold(gold_path)
    modes = {"gold": gold_events(reports)}
    documents: dict = {}
    if coded:
        modes["coded"] = coded_events(reports, gold_path.parent, documents)
    texts = {"gold": None, "coded": documents}
    out: dict[str, Any] = {mode: score(ev, labels, threshold, documents=texts[mode])
                           for mode, (ev, labels) in modes.items()}
    if sweep:
        out["sweep"] = {}
        for th in sweep:
            row = {}
            for mode, (ev, labels) in modes.items():
                s = score(ev, labels, th, documents=texts[mode])
                row[mode] = (round(s["pairwise"]["f1"], 3), round(s["bcubed"]["f1"], 3))
            out["sweep"][round(th, 3)] = row
    return out


def format_scores(scores: dict[str, Any]) -> str:
    """A small table of the scores, with the targets."""
    lines = [f"{'mode':<6} {'events':>6} {'incid.':>6}  {'pair P':>6} {'pair R':>6} {'pair F1':>7}  "
             f"{'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}  same-report merges"]
    for mode in ("gold", "coded"):
        if mode not in scores:
            continue
        s = scores[mode]
        pw, b3 = s["pairwise"], s["bcubed"]
        lines.append(f"{mode:<6} {s['events']:>6} {s['incidents']:>6}  {pw['precision']:>6.3f} {pw['recall']:>6.3f} "
                     f"{pw['f1']:>7.3f}  {b3['precision']:>6.3f} {b3['recall']:>6.3f} {b3['f1']:>6.3f}  "
                     f"{s['same_report_merges']}")
    first = scores.get("coded") or scores["gold"]
    lines.append(f"threshold {first['threshold']}; targets: pairwise F1 >= 0.90, B-cubed F1 >= 0.90, "
                 f"0 same-report merges")
    for th, row in (scores.get("sweep") or {}).items():
        lines.append(f"  threshold {th:<5} " + "  ".join(f"{m}: pair F1 {v[0]:.3f} B3 F1 {v[1]:.3f}" for m, v in row.items()))
    return "\n".join(lines)
