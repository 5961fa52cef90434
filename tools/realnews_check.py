#!/usr/bin/env python3
"""Validate real-news gold (stdlib only): a helper's part file or the merged realnews/gold.jsonl.

Usage:  python3 tools/realnews_check.py [realnews/gold.jsonl | realnews/parts/X.jsonl ...]
        --no-texts   skip the checks that need realnews/texts/ (CI has no texts)

Checks the record structure, the header of each saved text against its record, evidence strings
as exact substrings of the text, sub-type/type pairs, interaction codes, one main event per
non-negative report, dates, coordinates, `*_also_acceptable` lists, groups and look-alikes, and
that no URL is on the excluded list (../shared/tools/is_excluded.py). Exit 1 on any error.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT / "realnews"
EXCLUDED = ROOT.parent / "shared" / "tools" / "excluded-urls.sha256"

SUB2TYPE = {
    "Armed clash": "Battles", "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence", "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians", "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests", "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots", "Mob violence": "Riots",
    "Agreement": "Strategic developments", "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments", "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments", "Other": "Strategic developments",
}
REPORT_KEYS = ("id", "file", "lang", "published", "source", "title", "negative", "events", "query", "rank",
               "url", "page_date", "same_event_group", "lookalike_of")
EVENT_KEYS = ("event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
              "assoc_actor_1", "actor2", "assoc_actor_2", "inter1", "inter2", "interaction", "country",
              "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities",
              "injured", "source", "source_chain", "certainty", "claimed_by", "main", "cluster", "evidence")
CERTAINTY = {"confirmed", "reported", "claimed", "speculative"}
LANGS = {"en", "fr", "es", "ar", "ru"}
SPLITS = {"dev", "heldout"}


def normalise_url(url: str) -> str:
    """The same normalisation as ../shared/tools/is_excluded.py."""
    url = url.strip().lower()
    url = re.sub(r"^https?://", "", url)
    url = re.sub(r"^www\.", "", url)
    return url.split("#")[0].rstrip("/")


def excluded_hashes() -> set[str]:
    if not EXCLUDED.is_file():
        return set()
    return {line.strip() for line in EXCLUDED.read_text(encoding="ascii").splitlines() if line.strip()}


def read_text(path: Path) -> tuple[dict[str, str], str]:
    """Header fields (lower-case keys) and body of a saved text."""
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    fields = {}
    for line in head.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().isupper():
            fields[key.strip().lower()] = value.strip()
    return fields, body


def body_sha256(path: Path) -> str:
    return hashlib.sha256(read_text(path)[1].encode("utf-8")).hexdigest()


def _date(value, where: str, errors: list[str]):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        errors.append(f"{where}: bad date {value!r}")
        return None


def check_event(rid: str, n: int, ev: dict, text: str | None, published, errors: list[str]) -> None:
    where = f"{rid} event {n}"
    for key in EVENT_KEYS:
        if key not in ev:
            errors.append(f"{where}: missing key {key}")
    if ev.get("event_id") != f"{rid}-e{n}":
        errors.append(f"{where}: event_id should be {rid}-e{n}, is {ev.get('event_id')!r}")
    sub, typ = ev.get("sub_event_type"), ev.get("event_type")
    if SUB2TYPE.get(sub) != typ:
        errors.append(f"{where}: sub_event_type {sub!r} does not belong to event_type {typ!r}")
    i1, i2 = ev.get("inter1"), ev.get("inter2")
    if i1 is not None:
        want = f"{i1}0" if not i2 else "".join(sorted(f"{i1}{i2}"))
        if str(ev.get("interaction")) != want:
            errors.append(f"{where}: interaction {ev.get('interaction')!r} should be {want!r}")
    if not ev.get("actor1"):
        errors.append(f"{where}: actor1 is empty")
    if ev.get("certainty") not in CERTAINTY:
        errors.append(f"{where}: certainty {ev.get('certainty')!r}")
    if not isinstance(ev.get("fatalities"), int) or ev["fatalities"] < 0:
        errors.append(f"{where}: fatalities must be an integer >= 0")
    if ev.get("geo_precision") not in (1, 2, 3):
        errors.append(f"{where}: geo_precision must be 1, 2 or 3")
    lat, lon = ev.get("latitude"), ev.get("longitude")
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)) or not (-90 <= lat <= 90) \
            or not (-180 <= lon <= 180):
        errors.append(f"{where}: bad coordinates {lat!r}, {lon!r}")
    date = _date(ev.get("event_date"), where, errors)
    if date is None and ev.get("time_precision") is not None:
        errors.append(f"{where}: time_precision without event_date")
    if date is not None and ev.get("time_precision") not in (1, 2, 3):
        errors.append(f"{where}: time_precision must be 1, 2 or 3")
    if date and published and date > published:
        errors.append(f"{where}: event_date {date} after publication {published}")
    if not isinstance(ev.get("source_chain"), list) or not ev.get("source_chain"):
        errors.append(f"{where}: source_chain must be a non-empty list")
    for key, value in ev.items():
        if key.endswith("_also_acceptable"):
            if key[: -len("_also_acceptable")] not in EVENT_KEYS or not isinstance(value, list):
                errors.append(f"{where}: {key} must be a list for a known field")
    evidence = ev.get("evidence") or {}
    if not isinstance(evidence, dict):
        errors.append(f"{where}: evidence must be an object")
        return
    for key in ("event_type", "actor1", "location"):
        if not evidence.get(key):
            errors.append(f"{where}: evidence.{key} is empty")
    if text is not None:
        for key, value in evidence.items():
            if value and value not in text:
                errors.append(f"{where}: evidence.{key} not in text: {value!r}")


def check(records: list[dict], merged: bool, texts: bool) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    banned = excluded_hashes()
    ids, urls = Counter(r.get("id") for r in records), Counter(normalise_url(r.get("url") or "") for r in records)
    for rid, k in ids.items():
        if k > 1:
            errors.append(f"{rid}: id used {k} times")
    for url, k in urls.items():
        if k > 1:
            errors.append(f"url used {k} times: {url}")
    groups: dict[str, list[str]] = defaultdict(list)
    lookalikes: dict[str, list[str]] = defaultdict(list)
    for r in records:
        rid = r.get("id", "?")
        for key in REPORT_KEYS:
            if key not in r:
                errors.append(f"{rid}: missing key {key}")
        if merged:
            for key in ("split", "text_sha256"):
                if key not in r:
                    errors.append(f"{rid}: missing key {key}")
            if r.get("split") not in SPLITS:
                errors.append(f"{rid}: split {r.get('split')!r}")
        if r.get("lang") not in LANGS:
            errors.append(f"{rid}: lang {r.get('lang')!r}")
        if r.get("file") != f"texts/{rid}.txt":
            errors.append(f"{rid}: file should be texts/{rid}.txt")
        url = r.get("url") or ""
        if hashlib.sha256(normalise_url(url).encode()).hexdigest() in banned:
            errors.append(f"{rid}: URL is on the excluded list, remove this report: {url}")
        published = _date(r.get("published"), rid, errors)
        if r.get("page_date") != r.get("published"):
            errors.append(f"{rid}: page_date and published differ")
        text = None
        path = REALNEWS / (r.get("file") or "")
        if texts:
            if not path.is_file():
                errors.append(f"{rid}: text {path} missing")
            else:
                header, body = read_text(path)
                text = path.read_text(encoding="utf-8")
                if header.get("url") != url:
                    errors.append(f"{rid}: URL header {header.get('url')!r} != url {url!r}")
                if header.get("lang") != r.get("lang"):
                    errors.append(f"{rid}: LANG header differs from lang")
                if (header.get("date") or None) != r.get("published"):
                    errors.append(f"{rid}: DATE header {header.get('date')!r} != published {r.get('published')!r}")
                if len(body.strip()) < 200:
                    warnings.append(f"{rid}: body is short ({len(body.strip())} chars)")
                if merged and r.get("text_sha256") and r["text_sha256"] != body_sha256(path):
                    warnings.append(f"{rid}: text differs from the recorded sha256 (restored differently?)")
        events = r.get("events") or []
        if r.get("negative"):
            if events:
                errors.append(f"{rid}: negative report with events")
        else:
            if not events:
                errors.append(f"{rid}: non-negative report without events")
            mains = sum(bool(e.get("main")) for e in events)
            if mains != 1:
                errors.append(f"{rid}: {mains} main events (need exactly 1)")
        for n, ev in enumerate(events, 1):
            check_event(rid, n, ev, text, published, errors)
        group = r.get("same_event_group")
        if group:
            groups[group].append(rid)
            if not any(e.get("cluster") == group for e in events):
                errors.append(f"{rid}: in group {group} but no event has cluster {group}")
        if r.get("lookalike_of"):
            lookalikes[r["lookalike_of"]].append(rid)
            if any(e.get("cluster") for e in events):
                errors.append(f"{rid}: look-alike events must have cluster null")
    clusters: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for r in records:
        for e in r.get("events") or []:
            if e.get("cluster"):
                clusters[e["cluster"]].append((r["id"], e))
    for label, members in clusters.items():
        reports = {rid for rid, _ in members}
        if len(reports) < 2:
            errors.append(f"cluster {label}: events from fewer than two reports ({sorted(reports)})")
        if len({e.get('country') for _, e in members}) > 1:
            errors.append(f"cluster {label}: events in different countries")
    for group, members in groups.items():
        if len(members) < 2:
            errors.append(f"group {group}: fewer than two reports")
        if not lookalikes.get(group):
            warnings.append(f"group {group}: no look-alike report")
    for group in lookalikes:
        if group not in groups:
            errors.append(f"look-alike of unknown group {group}: {lookalikes[group]}")
    return errors, warnings


def main(argv: list[str]) -> int:
    texts = "--no-texts" not in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or [REALNEWS / "gold.jsonl"]
    records = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    print(f"ERROR {path}:{n}: not JSON: {exc}")
                    return 1
    merged = any(p.name == "gold.jsonl" for p in paths)
    errors, warnings = check(records, merged, texts)
    for w in warnings:
        print("warning", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(records)} reports, {sum(len(r.get('events') or []) for r in records)} events: "
          f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
