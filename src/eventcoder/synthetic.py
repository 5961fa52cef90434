"""Varied short synthetic reports for ingest tests and benchmarks (fictional, generated)."""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

_PLACES = [("Gusau", "Zamfara state"), ("Kismayo", "Lower Juba"), ("Goma", "North Kivu"),
           ("Mopti", "Mopti region"), ("Pemba", "Cabo Delgado"), ("Maiduguri", "Borno state"),
           ("Beni", "North Kivu"), ("Kidal", "Kidal region"), ("Baidoa", "Bay region")]
_ACTS = ["Gunmen killed {n} villagers in {p}, {a}, on {d}, police said.",
         "Militants abducted {n} farmers near {p} in {a} on {d}, residents said.",
         "Soldiers clashed with fighters outside {p}, {a}, on {d}; {n} people died, officials said.",
         "A roadside bomb killed {n} soldiers near {p} in {a} on {d}, the army said.",
         "Hundreds of traders protested in {p}, {a}, on {d} against new taxes. No injuries were reported."]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def report(i: int, seed: int = 7) -> dict:
    """Report number `i`: a dict with text, title, published, source (a JSONL record)."""
    rng = random.Random(seed * 100_003 + i)
    place, admin = rng.choice(_PLACES)
    text = rng.choice(_ACTS).format(n=rng.randint(2, 40), p=place, a=admin, d=rng.choice(_DAYS))
    published = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
    return {"text": f"{text} Report {i}.", "title": f"Incident near {place} ({i})",
            "published": published.isoformat(), "source": "Synthetic Wire", "lang": "en",
            "url": f"https://example.invalid/r/{i}"}


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    """Write `n` reports as one JSONL file; RETURNS the path."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(report(i, seed)) + "\n")
    return path
