"""Store-side benchmarks: merge scaling (1k/10k/100k, ratio) and ingest throughput.

    .venv/bin/python bench/store_bench.py [--gold ../shared/devset/gold.jsonl]

Prints figures only (see src/eventcoder/bench.py for how the synthetic data is made).
"""
import sys

from eventcoder.bench import bench_ingest, bench_merge

if __name__ == "__main__":
    gold = sys.argv[sys.argv.index("--gold") + 1] if "--gold" in sys.argv else "../shared/devset/gold.jsonl"
    bench_merge(gold)
    bench_ingest()
