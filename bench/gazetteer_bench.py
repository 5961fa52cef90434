"""Gazetteer benchmark: build time and peak memory, load time, lookups per second, resident memory.

Each phase runs in a fresh subprocess so that its peak RSS is its own. No assertions: numbers only.

Usage: .venv/bin/python bench/gazetteer_bench.py [--skip-build] [--n 20000]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile

_BUILD = """
import json, resource, sys, time
from pathlib import Path
from eventcoder.gazetteer.build import build_index
t = time.perf_counter()
build_index(Path(sys.argv[1]))
print(json.dumps({"build_s": time.perf_counter() - t,
                  "build_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_LOOKUP = """
import json, random, resource, sys, time
t = time.perf_counter()
from eventcoder.gazetteer import get_gazetteer
gaz = get_gazetteer()
gaz.lookup("Mosul")
load_s = time.perf_counter() - t
keys = [r[0] for r in gaz._con.execute("SELECT key FROM names ORDER BY random() LIMIT ?", (int(sys.argv[1]),))]
keys += [k + " x" for k in keys[: len(keys) // 4]]  # misses, as most text spans are
random.shuffle(keys)
t = time.perf_counter()
for k in keys:
    gaz.lookup_many([k])
single = len(keys) / (time.perf_counter() - t)
t = time.perf_counter()
for i in range(0, len(keys), 200):  # scan() asks for all spans of a report at once
    gaz.lookup_many(keys[i:i + 200])
batched = len(keys) / (time.perf_counter() - t)
places = gaz._con.execute("SELECT COUNT(*) FROM places").fetchone()[0]
names = gaz._con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
print(json.dumps({"load_s": load_s, "lookups_per_s": single, "batched_lookups_per_s": batched,
                  "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "places": places, "names": names, "index": str(gaz.path)}))
"""


def _run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-build", action="store_true", help="do not time a fresh build")
    ap.add_argument("--n", type=int, default=20000, help="names to look up")
    args = ap.parse_args()
    if not args.skip_build:
        with tempfile.TemporaryDirectory() as tmp:
            r = _run(_BUILD, f"{tmp}/gazetteer.sqlite")
        print(f"build: {r['build_s']:.1f} s, peak RSS {r['build_peak_mb']:.0f} MB")
    r = _run(_LOOKUP, str(args.n))
    print(f"index: {r['index']} ({r['places']:,} places, {r['names']:,} names)")
    print(f"load: {r['load_s'] * 1000:.0f} ms (import + open + first lookup)")
    print(f"lookups: {r['lookups_per_s']:,.0f}/s one at a time, {r['batched_lookups_per_s']:,.0f}/s in batches of 200")
    print(f"resident: peak RSS {r['rss_peak_mb']:.0f} MB while looking up")


if __name__ == "__main__":
    main()
