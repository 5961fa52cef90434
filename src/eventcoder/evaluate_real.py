"""Scores on the real-news corpus (realnews/gold.jsonl): both splits, all languages and each one.

The texts are third-party articles kept out of git (realnews/texts/); reports whose text is not
restored are left out and counted, and `missing_help` says how to restore them. Each report is
coded once; the scores of every (split, language) slice come from the same coding.

On top of `evaluate.score_reports` (detection, per-field accuracy on matched events, end-to-end
accuracy over all gold events, negatives clean) each split gets incident scores: the coded
events of all its reports are merged (`merge.cluster`), and every gold event takes the incident
of the coded event matched to it (a missed gold event is an incident of its own). Pairwise and
B-cubed P/R/F1 are computed against the gold clusters (same-event groups; other events are
singletons, look-alikes included, so a false merge costs precision).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from .dedup_eval import bcubed, pairwise
from .evaluate import FIELDS, code_reports, load_gold, score_reports, select
from .schema import Event

LANGS = ("en", "fr", "es", "ar", "ru")
SLICES = ("all", "en", "non-en", *LANGS[1:])
SPLITS = ("dev", "heldout")


def missing_texts(reports: list[dict], base: Path) -> list[dict]:
    """The reports whose text file is not in place."""
    return [r for r in reports if not (base / r["file"]).is_file()]


def missing_help(missing: list[dict], base: Path) -> str:
    return (f"{len(missing)} of the real-news texts are not restored under {base / 'texts'} "
            f"(they are third-party articles and never committed).\n"
            f"Restore them as realnews/README.md says: `python tools/realnews.py missing` lists the "
            f"query, rank and URL of each; a session with the search tool re-runs each query on the "
            f"'pages' corpus and saves the result's excerpt with `python tools/realnews.py save`.")


def slice_langs(name: str) -> Optional[set[str]]:
    if name == "all":
        return None
    if name == "non-en":
        return set(LANGS[1:])
    return {name}


def incident_scores(reports: list[dict], coded: dict[str, list[Event]], matched: list[tuple],
                    base: Optional[Path] = None) -> dict[str, Any]:
    """Merge the coded events of `reports` and score the incidents against the gold clusters.

    With `base` the reports' texts are given to the merger too (as `eventcoder ingest` does).
    """
    from .merge import cluster
    from .reading import read_path

    events = [Event(**{**e.__dict__, "incident_id": None}) for r in reports for e in coded.get(r["id"], [])]
    documents = None
    if base is not None:
        documents = {doc.doc_id: doc for r in reports if (base / r["file"]).is_file()
                     for doc in read_path(base / r["file"])}
    assignment = cluster(events, documents=documents).assignment()
    pred_of = {(rid, g["event_id"]): p.event_id for rid, p, g in matched}
    gold, pred = {}, {}
    for r in reports:
        for g in r.get("events", []):
            key = f"{r['id']}/{g['event_id']}"
            gold[key] = g.get("cluster") or f"gold:{key}"
            coded_id = pred_of.get((r["id"], g["event_id"]))
            pred[key] = assignment.get(coded_id, f"pred:{coded_id}") if coded_id else f"missed:{key}"
    groups = {label for label in gold.values() if not label.startswith("gold:")}
    return {"events": len(gold), "gold_clusters": len(groups), "pairwise": pairwise(pred, gold),
            "bcubed": bcubed(pred, gold)}


def codings_as_coder(path: str | Path) -> Callable[[Path], list[Event]]:
    """A `coder` that returns the events another coder wrote in gold format (e.g. a second human
    coder's file), looked up by the report file's name: inter-coder agreement with the same scores.

    Reports the file does not hold are left out by `reports_coded_in`.
    """
    by_file = {Path(r["file"]).name: r for r in load_gold(Path(path))}

    def coder(report_path: Path) -> list[Event]:
        record = by_file.get(report_path.name, {})
        return [Event.from_dict({**g, "evidence": [], "doc_id": record["id"], "main": bool(g.get("main")),
                                 "event_id": f"{record['id']}:{g.get('event_id') or n}"})
                for n, g in enumerate(record.get("events") or [])]

    coder.files = set(by_file)  # type: ignore[attr-defined]
    return coder


def evaluate_real(gold_path: str | Path, splits: Iterable[str] = SPLITS,
                  coder: Optional[Callable[[Path], list[Event]]] = None, pooled: bool = False) -> dict[str, Any]:
    """Scores per split and language slice; RETURNS {"missing": [...], split: {slice: scores}}.

    pooled: also score all the chosen splits together, under "both". Incidents are scored only
    for the coder's own output (another coder's codings carry no incidents).
    """
    gold_path = Path(gold_path)
    splits = tuple(splits)
    everything = select(load_gold(gold_path), splits=set(splits))
    other_coder = coder is not None and hasattr(coder, "files")
    if other_coder:  # another coder's codings: only the reports it coded, no texts needed
        everything = [r for r in everything if Path(r["file"]).name in coder.files]
    missing = [] if other_coder else missing_texts(everything, gold_path.parent)
    absent = {r["id"] for r in missing}
    present = [r for r in everything if r["id"] not in absent]
    coded = code_reports(present, gold_path.parent, coder)
    out: dict[str, Any] = {"missing": [r["id"] for r in missing]}
    for split in (*splits, "both") if pooled else splits:
        reports = present if split == "both" else select(present, splits={split})
        out[split] = {}
        for name in SLICES:
            part = select(reports, langs=slice_langs(name))
            if not part:
                continue
            scores = score_reports(part, coded)
            matched = scores.pop("pairs")
            if other_coder:
                scores.pop("calibration")  # another coder's codings carry no confidence
            elif name == "all":
                scores["incidents"] = incident_scores(part, coded, matched, gold_path.parent)
            out[split][name] = scores
    return out


HEADLINE = ("main_events", "events")
SHOWN_FIELDS = ("event_type", "sub_event_type", "actor1", "actor1_core", "actor2", "actor2_core", "inter1", "inter2",
                "country", "admin1", "location", "event_date", "fatalities", "source_chain", "source_chain_lenient",
                "certainty")


def format_real(result: dict[str, Any], splits: Iterable[str] = SPLITS) -> str:
    """One table per split (and "both" when pooled): a column per language slice, end-to-end and
    matched field accuracy."""
    lines = []
    for split in (*splits, "both"):
        slices = result.get(split) or {}
        if not slices:
            continue
        names = list(slices)
        lines.append(f"== {split} ==")
        lines.append(f"{'':<28}" + "".join(f"{n:>10}" for n in names))

        def row(label: str, values: list[str]) -> None:
            lines.append(f"{label:<28}" + "".join(f"{v:>10}" for v in values))

        row("reports", [str(slices[n]["reports"]) for n in names])
        row("gold events", [str(slices[n]["events"]["gold"]) for n in names])
        for key in HEADLINE:
            row(f"{key.replace('_', ' ')} F1", [f"{slices[n][key]['f1']:.3f}" for n in names])
            row("  P / R", [f"{slices[n][key]['precision']:.2f}/{slices[n][key]['recall']:.2f}" for n in names])
        row("negatives clean", [f"{slices[n]['negatives_clean']}/{slices[n]['negative_reports']}" for n in names])
        lines.append("end to end (all gold events)")
        for f in FIELDS:
            if f in SHOWN_FIELDS:
                row(f"  {f}", [_acc(slices[n]["end_to_end"][f]) for n in names])
        lines.append("on matched events")
        for f in FIELDS:
            if f in SHOWN_FIELDS:
                row(f"  {f}", [_acc(slices[n]["fields"][f]) for n in names])
        cal = slices.get("all", {}).get("calibration")
        if cal:
            lines.append(f"confidence: expected calibration error {cal['ece']} over {cal['events']} coded events")
        inc = slices.get("all", {}).get("incidents")
        if inc:
            pw, b3 = inc["pairwise"], inc["bcubed"]
            lines.append(f"incidents ({inc['gold_clusters']} same-event groups, {inc['events']} gold events): "
                         f"pairwise P {pw['precision']:.3f} R {pw['recall']:.3f} F1 {pw['f1']:.3f}; "
                         f"B-cubed F1 {b3['f1']:.3f}")
        lines.append("")
    if result.get("missing"):
        lines.append(f"not scored (text not restored): {len(result['missing'])} reports")
    return "\n".join(lines)


def _acc(cell: dict[str, Any]) -> str:
    return "-" if cell["accuracy"] is None else f"{cell['accuracy']:.3f}"
