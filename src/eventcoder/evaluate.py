"""Score coded events against gold JSONL (the devset format; see shared/devset/README.md).

Matching: within a report, predicted (non-background) events are paired with gold events by
maximum-weight matching (scipy's linear_sum_assignment) on event family, sub-type, place, date and
actors; pairs below `MIN_MATCH` are left unmatched. Scores: detection P/R/F1 for all events and for
main events, main events on negative reports, and per-field accuracy on matched pairs.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from .calibration import reliability, rightness
from .errors import GoldError
from .evaluate_chains import _chain_match, chain_lenient, norm, primary_source  # noqa: F401 (re-exported)
from .matching import _close, _date, actor_core_match, actor_match, match
from .schema import Event

FIELDS = ("event_type", "sub_event_type", "actor1", "actor1_core", "actor2", "actor2_core", "inter1", "inter2",
          "country", "admin1", "location", "geo_precision", "coords_25km", "event_date", "event_date_1day",
          "time_precision", "fatalities", "source", "source_chain", "source_chain_lenient", "certainty",
          "claimed_by")


def _field_correct(name: str, pred: Event, gold: dict) -> Optional[bool]:
    if name in ("actor1_core", "actor2_core"):
        base = name[:-5]
        return actor_core_match(getattr(pred, base), gold.get(base), gold.get(f"{base}_also_acceptable", ()))
    if name in ("actor1", "actor2"):
        return actor_match(getattr(pred, name), gold.get(name), gold.get(f"{name}_also_acceptable", ()))
    if name == "country":
        return norm(pred.country) in {norm(gold.get("country")), *map(norm, gold.get("country_also_acceptable", ()))}
    if name in ("admin1", "location"):
        from rapidfuzz import fuzz

        if gold.get(name) is None:
            return None
        if fuzz.ratio(norm(getattr(pred, name)), norm(gold[name])) >= 90:
            return True
        return name == "admin1" and same_admin1(getattr(pred, name), gold[name])
    if name == "coords_25km":
        if gold.get("geo_precision") != 1:
            return None
        distance = _close(pred, gold)
        return distance is not None and distance <= 25
    if name in ("event_date", "event_date_1day"):
        gdate = _date(gold.get("event_date"))
        if gdate is None:
            return None
        if pred.event_date is None:
            return False
        return pred.event_date == gdate if name == "event_date" else abs((pred.event_date - gdate).days) <= 1
    if name == "source":
        return norm(pred.source) == norm(gold.get("source"))
    if name == "source_chain":
        return _chain_match(pred.source_chain, gold.get("source_chain") or [])
    if name == "source_chain_lenient":
        return chain_lenient(pred.source_chain, gold.get("source_chain") or [])
    if name in ("inter1", "inter2") and name in gold:
        alt = _alternative_actor(pred, gold, "actor" + name[-1])
        inter = _inter_of(alt, gold.get("country")) if alt else None
        if inter is not None:  # an also-acceptable actor was chosen: its own inter code is the right one
            return getattr(pred, name) in inter
    if name == "claimed_by":
        return actor_match(pred.claimed_by, gold.get("claimed_by"))
    if name not in gold:
        return None
    return getattr(pred, name) == gold.get(name)


def _alternative_actor(pred: Event, gold: dict, field: str) -> Optional[str]:
    """The gold's also-acceptable actor that the coded actor is, when it is not the gold actor itself."""
    coded = getattr(pred, field)
    if not coded or actor_core_match(coded, gold.get(field)) and gold.get(field):
        return None
    return next((a for a in gold.get(f"{field}_also_acceptable") or () if actor_core_match(coded, a)), None)


_GENERIC_INTER = {"Unidentified Armed Group": {3}, "Unidentified Military Forces": {1, 8}, "Civilians": {7},
                  "Protesters": {6}, "Rioters": {5}}


def _inter_of(actor: str, country: Optional[str]) -> Optional[set[int]]:
    """The inter codes an actor name carries (codebook 2.3): the inter follows the actor, so an
    also-acceptable actor brings its own code. None when the name alone does not tell it."""
    import re

    from .extract.who import actor_dictionary as dic

    base = re.sub(r"\s*\(.*?\)\s*$", "", actor).strip()
    if base in _GENERIC_INTER:
        return _GENERIC_INTER[base]
    state = re.match(r"(?:Military|Police) Forces of (?:the )?(.+?)(?: \(|$)", actor)
    if state:
        return {1} if not country or norm(state.group(1)) == norm(country) else {8}
    if re.search(r"\b(?:Ethnic|Communal|Clan|Tribal) Militia\b", actor):
        return {4}
    inter = dic.name_to_inter().get(actor)
    return {inter} if inter else None


def same_admin1(a: Optional[str], b: Optional[str]) -> bool:
    """Two names of one first-level unit ("Idlib" / "Idleb", "West Java" / "Jawa Barat", "North
    Kivu" / "Nord-Kivu"): the gazetteer knows both as names of the same admin1 entry (its GeoNames
    name, its ACLED spelling and the names `admin1_aliases.tsv` lists)."""
    if not a or not b:
        return False
    from .gazetteer import get_gazetteer

    gaz = get_gazetteer()
    units = [{c.id for c in gaz.lookup(name) if c.kind == "admin1"} for name in (a, b)]
    return bool(units[0] & units[1])


# the gold field whose `<field>_also_acceptable` list applies to a scored field
_BASE = {"coords_25km": None, "event_date_1day": "event_date", "actor1_core": None, "actor2_core": None,
         "source_chain_lenient": None}


def field_correct(name: str, pred: Event, gold: dict) -> Optional[bool]:
    """Whether one field is right; None when the gold gives nothing to score against.

    A gold event may list equally defensible values in `<field>_also_acceptable`; matching any
    of them counts as right.
    """
    ok = _field_correct(name, pred, gold)
    base = _BASE.get(name, name)
    if ok is False and base:
        for alt in gold.get(f"{base}_also_acceptable") or ():
            if _field_correct(name, pred, {**gold, base: alt}):
                return True
    return ok


def scoreable(name: str, gold: dict) -> bool:
    """Whether the gold event gives something to score `name` against."""
    return _field_correct(name, Event(), gold) is not None


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "tp": tp, "pred": n_pred, "gold": n_gold}


def load_gold(path: Path) -> list[dict]:
    if not path.is_file():
        raise GoldError(f"E401 gold file not found: {path}")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise GoldError(f"E402 {path}:{n} is not valid JSON: {exc}") from None
    return out


def evaluate(gold_path: str | Path, coder: Optional[Callable[[Path], list[Event]]] = None,
             langs: Optional[set[str]] = None, splits: Optional[set[str]] = None) -> dict[str, Any]:
    """Code every gold report (or use `coder(path)`), match, and return the scores as a dict.

    langs / splits keep only the reports whose `lang` / `split` is among them.
    """
    gold_path = Path(gold_path)
    reports = select(load_gold(gold_path), langs, splits)
    result = score_reports(reports, code_reports(reports, gold_path.parent, coder))
    result.pop("pairs")
    return result


def select(reports: list[dict], langs: Optional[set[str]] = None,
           splits: Optional[set[str]] = None) -> list[dict]:
    """The reports in one of `langs` and one of `splits` (None: any)."""
    return [g for g in reports if (not langs or g.get("lang") in langs) and (not splits or g.get("split") in splits)]


def code_reports(reports: list[dict], base: Path,
                 coder: Optional[Callable[[Path], list[Event]]] = None) -> dict[str, list[Event]]:
    """Every event (background ones too) coded from each report's file, by report id."""
    coder = coder or _code_file
    return {gold["id"]: coder(base / gold["file"]) for gold in reports}


def score_reports(reports: list[dict], coded: dict[str, list[Event]]) -> dict[str, Any]:
    """Match the coded events of each report with its gold events and score them.

    Besides detection and per-field accuracy on matched pairs, `end_to_end` scores each field
    over all gold events, a missed gold event counting as wrong, `calibration` the reliability of
    `confidence`, and `pairs` keeps the matched (report id, coded event, gold event) triples for
    incident scoring.
    """
    totals = Counter()
    fields: dict[str, Counter] = {f: Counter() for f in FIELDS}
    end_to_end: dict[str, Counter] = {f: Counter() for f in FIELDS}
    confusion: Counter = Counter()
    per_report, mismatches, matched, confidences = [], [], [], []
    for gold in reports:
        preds = [e for e in coded.get(gold["id"], []) if not e.background]
        golds = gold.get("events", [])
        pairs = match(preds, golds)
        totals["pred"] += len(preds)
        totals["gold"] += len(golds)
        totals["tp"] += len(pairs)
        totals["pred_main"] += sum(e.main for e in preds)
        totals["gold_main"] += sum(bool(g.get("main")) for g in golds)
        totals["tp_main"] += sum(1 for p, g in pairs if preds[p].main and golds[g].get("main"))
        if gold.get("negative"):
            totals["negative_reports"] += 1
            totals["negative_main_events"] += sum(e.main for e in preds)
            totals["negatives_clean"] += int(not preds)
        confidences.extend(zip((e.confidence for e in preds), rightness(preds, golds, pairs)))
        by_gold = {g: p for p, g in pairs}
        for j, g_event in enumerate(golds):
            for name in FIELDS:
                if scoreable(name, g_event):
                    end_to_end[name]["n"] += 1
                    end_to_end[name]["ok"] += int(j in by_gold and bool(field_correct(name, preds[by_gold[j]], g_event)))
        for p, g in pairs:
            matched.append((gold["id"], preds[p], golds[g]))
            confusion[(golds[g].get("sub_event_type"), preds[p].sub_event_type)] += 1
            for name in FIELDS:
                ok = field_correct(name, preds[p], golds[g])
                if ok is not None:
                    fields[name]["n"] += 1
                    fields[name]["ok"] += int(ok)
                if ok is False:
                    mismatches.append({"id": gold["id"], "event": golds[g].get("event_id"), "field": name,
                                       "gold": _shown(name, golds[g]), "pred": _shown(name, preds[p])})
        per_report.append({"id": gold["id"], "pred": len(preds), "gold": len(golds), "matched": len(pairs),
                           "unmatched_pred": [f"{e.sub_event_type} @ {e.location}" for i, e in enumerate(preds)
                                              if i not in {p for p, _ in pairs}],
                           "unmatched_gold": [f"{e.get('sub_event_type')} @ {e.get('location')}"
                                              for j, e in enumerate(golds) if j not in {g for _, g in pairs}]})

    def table(counts: dict[str, Counter]) -> dict[str, dict[str, Any]]:
        return {name: {"accuracy": round(c["ok"] / c["n"], 3) if c["n"] else None, "n": c["n"]}
                for name, c in counts.items()}

    return {
        "reports": len(reports),
        "events": _prf(totals["tp"], totals["pred"], totals["gold"]),
        "main_events": _prf(totals["tp_main"], totals["pred_main"], totals["gold_main"]),
        "negative_reports": totals["negative_reports"],
        "negative_main_events": totals["negative_main_events"],
        "negatives_clean": totals["negatives_clean"],
        "fields": table(fields),
        "end_to_end": table(end_to_end),
        "sub_event_confusion": [{"gold": g, "pred": p, "n": n} for (g, p), n in sorted(confusion.items(), key=str)],
        "per_report": per_report,
        "mismatches": mismatches,
        "calibration": reliability(confidences),
        "pairs": matched,
    }


_SHOWN = {"coords_25km": ("latitude", "longitude"), "event_date_1day": ("event_date",),
          "actor1_core": ("actor1",), "actor2_core": ("actor2",), "source_chain_lenient": ("source_chain",)}


def _shown(name: str, record) -> Any:
    """The value(s) behind a scored field, for the mismatch listing."""
    keys = _SHOWN.get(name, (name,))
    get = record.get if isinstance(record, dict) else lambda k: getattr(record, k, None)
    values = [get(k) for k in keys]
    return values[0] if len(values) == 1 else values


def _code_file(path: Path) -> list[Event]:
    from .pipeline import code_documents
    from .reading import read_path

    events: list[Event] = []
    for item in code_documents(read_path(path)):
        events.extend(getattr(item, "events", []))
    return events


def format_mismatches(result: dict[str, Any], fields: Iterable[str]) -> str:
    """One line per matched event whose `fields` disagree with gold; unmatched events per report."""
    wanted = set(fields)
    lines = [f"{m['id']:<6} {m['field']:<16} gold={m['gold']!r}  pred={m['pred']!r}"
             for m in result["mismatches"] if "all" in wanted or m["field"] in wanted]
    if "all" in wanted or "detection" in wanted:
        for r in result["per_report"]:
            if r["unmatched_pred"] or r["unmatched_gold"]:
                lines.append(f"{r['id']:<6} unmatched pred={r['unmatched_pred']}  gold={r['unmatched_gold']}")
    return "\n".join(lines)


def format_table(result: dict[str, Any], details: bool = False) -> str:
    """Plain-text table of the scores (what `eventcoder evaluate` prints)."""
    lines = [f"reports: {result['reports']}"]
    for key in ("events", "main_events"):
        r = result[key]
        lines.append(f"{key:<22} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                     f"(tp {r['tp']}, pred {r['pred']}, gold {r['gold']})")
    lines.append(f"{'negative reports':<22} {result['negative_reports']}  clean (no event): "
                 f"{result.get('negatives_clean', '-')}  main events on them: {result['negative_main_events']}")
    lines.append("")
    lines.append(f"{'field':<22} {'matched':>8} {'n':>5}   {'end-to-end':>10} {'n':>5}")
    ete = result.get("end_to_end", {})
    for name, r in result["fields"].items():
        acc = "-" if r["accuracy"] is None else f"{r['accuracy']:.3f}"
        e = ete.get(name, {"accuracy": None, "n": 0})
        eacc = "-" if e["accuracy"] is None else f"{e['accuracy']:.3f}"
        lines.append(f"{name:<22} {acc:>8} {r['n']:>5}   {eacc:>10} {e['n']:>5}")
    if details:
        lines.append("")
        lines.append("sub_event_type confusion (gold -> predicted: n)")
        for row in result["sub_event_confusion"]:
            mark = "" if row["gold"] == row["pred"] else "   <-- wrong"
            lines.append(f"  {row['gold']} -> {row['pred']}: {row['n']}{mark}")
    return "\n".join(lines)
