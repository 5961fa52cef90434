"""Measure event_place on the dev set: for each gold event, the sentence holding the gold
location evidence is the event sentence. Prints country/admin1/location/precision agreement.

Usage: .venv/bin/python bench/places_devset.py [../shared/devset] [-v]
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from eventcoder.extract.where.places import event_place, find_places
from eventcoder.nlp import analyse
from eventcoder.schema import Document


def main(devset: Path, verbose: bool) -> None:
    n = country = admin1 = location = precision = 0
    for line in (devset / "gold.jsonl").open(encoding="utf-8"):
        gold = json.loads(line)
        if not gold["events"]:
            continue
        raw = (devset / gold["file"]).read_text(encoding="utf-8")
        body = raw.split("\n\n", 1)[1] if raw.startswith("TITLE:") else raw
        doc = Document(text=body, published=dt.date.fromisoformat(gold["published"]), lang=gold["lang"])
        ana = analyse(doc)
        places = find_places(ana)
        for ev in gold["events"]:
            ev_text = ev["evidence"]["location"]
            off = body.find(ev_text)
            if off < 0:
                continue
            sent = ana.sentence_at(off).index
            got = event_place(ana, places, [sent])
            n += 1
            ok = [got.country == ev["country"], (got.admin1 or "") == (ev["admin1"] or ""),
                  got.name.lower() == ev["location"].lower(), got.geo_precision == ev["geo_precision"]]
            country += ok[0]; admin1 += ok[1]; location += ok[2]; precision += ok[3]
            if verbose and not all(ok):
                print(f"{ev['event_id']}: gold {ev['location']!r}/{ev['admin1']}/{ev['country']} p{ev['geo_precision']}"
                      f" got {got.name!r}/{got.admin1}/{got.country} p{got.geo_precision} ({got.reason})")
    pct = lambda k: f"{k}/{n} = {100 * k / max(n, 1):.0f}%"
    print(f"events {n}; country {pct(country)}; admin1 {pct(admin1)}; location {pct(location)}; "
          f"precision {pct(precision)}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared" / "devset", "-v" in sys.argv)
