#!/usr/bin/env python3
"""The real-news corpus: build gold.jsonl from the coders' parts, restore texts, show its spread.

Usage (stdlib only, from the repository root):
    python3 tools/realnews.py merge [PART...]  add/replace the PART files' records in gold.jsonl (a coder's
                                               realnews/parts/X.jsonl); splits kept, new ones assigned;
                                               text hashes recomputed where the texts are present
    python3 tools/realnews.py missing [--json] reports whose text is not under realnews/texts/
    python3 tools/realnews.py save ID FILE     save FILE (a search result's excerpt, as returned) as
                                               texts/ID.txt with the header from gold.jsonl
    python3 tools/realnews.py verify           texts vs the recorded sha256 of their bodies
    python3 tools/realnews.py stats [--markdown]  counts by split, language, country, sub-event type

Splits: a same-event group and its look-alikes always share a split; groups alternate so that both
splits hold some; the rest is assigned per (language, negative) stratum in a fixed hash order
until each stratum has HELDOUT_SHARE of its reports held out. A report keeps its split once
gold.jsonl has it; `merge` never moves one (moving a held-out report to dev is done by hand,
with its replacement, as realnews/README.md says).
"""
from __future__ import annotations

import hashlib
import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realnews_check import REALNEWS, body_sha256, check  # noqa: E402

GOLD = REALNEWS / "gold.jsonl"
PARTS = REALNEWS / "parts"
TEXTS = REALNEWS / "texts"
HELDOUT_SHARE = 0.29
ORDER = ("id", "file", "split", "lang", "published", "page_date", "source", "title", "url", "query", "rank",
         "text_sha256", "text_chars", "negative", "same_event_group", "lookalike_of", "countries", "note", "events")


def load(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def assign_splits(records: list[dict], known: dict[str, str]) -> None:
    """Set `split` on every record: known ids keep theirs, the rest per the module's rule."""
    units: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        units[r.get("same_event_group") or r.get("lookalike_of") or r["id"]].append(r)
    groups = sorted((k for k, v in units.items() if any(r.get("same_event_group") for r in v)), key=_hash)
    for k in groups:  # groups first: alternate, every third-ish group held out
        members = units[k]
        split = next((known[r["id"]] for r in members if r["id"] in known), None)
        if split is None:
            n_held = sum(1 for g in groups if units[g][0].get("split") == "heldout")
            n_done = sum(1 for g in groups if units[g][0].get("split"))
            split = "heldout" if n_held < math.floor((n_done + 1) * HELDOUT_SHARE + 0.5) else "dev"
        for r in members:
            r["split"] = known.get(r["id"], split)
    stratum = lambda r: (r["lang"], bool(r.get("negative")))  # noqa: E731
    total = Counter(stratum(r) for r in records)
    held = Counter(stratum(r) for r in records if r.get("split") == "heldout" or known.get(r["id"]) == "heldout")
    for r in sorted(records, key=lambda r: _hash(r["id"])):
        if r.get("split"):
            continue
        if r["id"] in known:
            r["split"] = known[r["id"]]
            continue
        s = stratum(r)
        if held[s] < round(total[s] * HELDOUT_SHARE):
            r["split"], held[s] = "heldout", held[s] + 1
        else:
            r["split"] = "dev"


def merge(parts: list[str]) -> int:
    previous = {r["id"]: r for r in load(GOLD)}
    known = {rid: r["split"] for rid, r in previous.items()}
    by_id = dict(previous)
    for part in parts:
        for r in load(Path(part)):
            by_id[r["id"]] = r
    records = list(by_id.values())
    for r in records:
        r.pop("split", None)
        path = REALNEWS / r["file"]
        if path.is_file():
            r["text_sha256"] = body_sha256(path)
            r["text_chars"] = len(path.read_text(encoding="utf-8"))
        elif r["id"] in previous:
            r["text_sha256"] = previous[r["id"]].get("text_sha256")
            r["text_chars"] = previous[r["id"]].get("text_chars")
    assign_splits(records, known)
    records.sort(key=lambda r: r["id"])
    ordered = [{**{k: r[k] for k in ORDER if k in r}, **{k: v for k, v in r.items() if k not in ORDER}}
               for r in records]
    errors, warnings = check(ordered, merged=True, texts=TEXTS.is_dir())
    for line in warnings:
        print("warning", line)
    for line in errors:
        print("ERROR", line)
    GOLD.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ordered), encoding="utf-8")
    print(f"{GOLD}: {len(ordered)} reports ({len(errors)} errors)")
    return 1 if errors else 0


def missing(as_json: bool) -> int:
    gone = [r for r in load(GOLD) if not (REALNEWS / r["file"]).is_file()]
    for r in gone:
        row = {k: r[k] for k in ("id", "lang", "query", "rank", "url")}
        print(json.dumps(row, ensure_ascii=False) if as_json else
              f"{r['id']}\trank {r['rank']}\t{r['url']}\n\tquery: {r['query']}")
    print(f"{len(gone)} texts missing", file=sys.stderr)
    return 0


def save(rid: str, excerpt_file: str) -> int:
    record = next((r for r in load(GOLD) if r["id"] == rid), None)
    if record is None:
        print(f"no report {rid} in {GOLD}", file=sys.stderr)
        return 1
    excerpt = Path(excerpt_file).read_text(encoding="utf-8")
    header = [f"URL: {record['url']}"]
    if record.get("published"):
        header.append(f"DATE: {record['published']}")
    header += [f"SOURCE: {record['source']}", f"LANG: {record['lang']}"]
    TEXTS.mkdir(parents=True, exist_ok=True)
    path = TEXTS / f"{rid}.txt"
    path.write_text("\n".join(header) + "\n\n" + excerpt, encoding="utf-8")
    same = body_sha256(path) == record.get("text_sha256")
    print(f"{path}: {'identical to' if same else 'DIFFERS from'} the recorded text")
    return 0 if same else 2


def verify() -> int:
    bad = n = 0
    for r in load(GOLD):
        path = REALNEWS / r["file"]
        if path.is_file():
            n += 1
            if body_sha256(path) != r.get("text_sha256"):
                bad += 1
                print(f"{r['id']}: text differs from the recorded one")
    print(f"{n} texts present, {bad} differ")
    return 1 if bad else 0


def stats(markdown: bool) -> int:
    records = load(GOLD)
    table: dict[str, Counter] = defaultdict(Counter)
    for r in records:
        for key in ("all", r["split"]):
            t = table[key]
            t["reports"] += 1
            t[f"lang:{r['lang']}"] += 1
            t["negatives"] += bool(r.get("negative"))
            t["undated reports"] += not r.get("published")
            t["events"] += len(r.get("events") or [])
            for e in r.get("events") or []:
                t[f"country:{e['country']}"] += 1
                t[f"sub:{e['sub_event_type']}"] += 1
    groups = {r["same_event_group"] for r in records if r.get("same_event_group")}
    per_split_groups = Counter(r["split"] for r in records if r.get("same_event_group")
                               and r["id"] == min(x["id"] for x in records if x.get("same_event_group") == r["same_event_group"]))
    lines = []
    cols = ("all", "dev", "heldout")
    lines.append("| | " + " | ".join(cols) + " |")
    lines.append("|---|" + "---:|" * len(cols))
    keys = ["reports", "events", "negatives", "undated reports"] + sorted(
        {k for t in table.values() for k in t if k.startswith("lang:")})
    for k in keys:
        lines.append(f"| {k} | " + " | ".join(str(table[c][k]) for c in cols) + " |")
    n_countries = [len({k for k in table[c] if k.startswith("country:")}) for c in cols]
    n_subs = [len({k for k in table[c] if k.startswith("sub:")}) for c in cols]
    lines.append("| countries | " + " | ".join(map(str, n_countries)) + " |")
    lines.append("| sub-event types | " + " | ".join(map(str, n_subs)) + " |")
    lines.append(f"| same-event groups | {len(groups)} | {per_split_groups['dev']} | {per_split_groups['heldout']} |")
    lines.append("")
    lines.append("Events per sub-event type (all): " + ", ".join(
        f"{k[4:]} {v}" for k, v in sorted(table['all'].items()) if k.startswith("sub:")))
    lines.append("")
    lines.append("Events per country (all): " + ", ".join(
        f"{k[8:]} {v}" for k, v in sorted(table['all'].items()) if k.startswith("country:")))
    text = "\n".join(lines)
    print(text if markdown else text.replace("| ", "").replace(" |", "\t"))
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "merge":
        return merge(rest)
    if cmd == "missing":
        return missing("--json" in rest)
    if cmd == "save" and len(rest) == 2:
        return save(*rest)
    if cmd == "verify":
        return verify()
    if cmd == "stats":
        return stats("--markdown" in rest)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
