"""`python -m eventcoder.bench ceiling`: how fast could the coder be while every report is parsed?

Times, in one run and one process, the spaCy model alone (`nlp.pipe` over the parser's texts of the
short and long benchmark reports: all pipes with the titles as the fast path parses them, all pipes,
without NER, without the parser, without both) against the whole coder on the fast path; CPU
seconds of this process (robust to other work on a shared machine) and wall seconds. It then says
what issue 15's targets would need: a target of R reports/s on C cores leaves C/R seconds of one
core per report; what the coder does besides the parse takes its share, the parse must fit in the
rest, so a fraction of the parse would have to be skipped. It also prints the share of sentences
(and words) that are a prefilter candidate's sentence or its neighbour: what a parse of candidate
sentences only could keep. Figures only, no asserts.
"""
from __future__ import annotations

import os
import time
from typing import Callable, Optional

#: issue 15's targets: reports/s on this machine's cores
TARGETS = {"short": 120.0, "long": 30.0}


def parse_budget_ms(target_per_s: float, cores: int, other_ms: float) -> float:
    """CPU milliseconds of one core left per report for the parse when `target_per_s` reports/s must
    be coded on `cores` cores (perfect scaling, nothing else running) and the rest of the coder
    takes `other_ms` per report; negative when the rest alone is over the budget."""
    return 1000.0 * cores / target_per_s - other_ms


def skip_needed(parse_ms: float, budget_ms: float) -> float:
    """The fraction of the parse (0-1) that would have to be skipped to fit `budget_ms`."""
    if parse_ms <= 0:
        return 0.0
    return min(1.0, max(0.0, 1.0 - budget_ms / parse_ms))


def _timed(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, tuple[float, float]]:
    """(CPU, wall) seconds of each run, the runs taking turns `repeat` times."""
    cpu = dict.fromkeys(runs, 0.0)
    wall = dict.fromkeys(runs, 0.0)
    for _ in range(repeat):
        for name, run in runs.items():
            w, c = time.perf_counter(), time.process_time()
            run()
            wall[name] += time.perf_counter() - w
            cpu[name] += time.process_time() - c
    return {k: (cpu[k], wall[k]) for k in runs}


def candidate_share(docs: list) -> tuple[float, float]:
    """Share of sentences and of words that are in a sentence holding a prefilter candidate or next
    to one (English reports; the parse's sentences)."""
    from .nlp import analyse_batch, prepare
    from .prefilter import candidate_spans

    sents = kept = words = kept_words = 0
    for doc, ana in zip(docs, analyse_batch(docs)):
        spans = candidate_spans(prepare(doc, ana.lang).text, ana.lang)
        holding = {s.index for s in ana.sentences if any(s.start <= a < s.end for a, _ in spans)}
        keep = {j for i in holding for j in (i - 1, i, i + 1)}
        for s in ana.sentences:
            n = len(s.text.split())
            sents, words = sents + 1, words + n
            if s.index in keep:
                kept, kept_words = kept + 1, kept_words + n
    return kept / max(1, sents), kept_words / max(1, words)


def bench_ceiling(paths: list[str], repeat: int = 3, cores: Optional[int] = None) -> dict:
    """Print and RETURN the ceiling figures of the English reports under `paths` (short) and of them
    joined into 300-600 words (long)."""
    from .bench_code import long_reports
    from .nlp import document_language, prepare, spacy_model
    from .parallel import default_workers
    from .pipeline import code_documents
    from .reading import read_paths
    from .schema import Failure

    cores = cores or default_workers()
    docs = [d for d in read_paths(paths) if not isinstance(d, Failure) and document_language(d) == "en"]
    if not docs:
        raise SystemExit("no English documents under " + ", ".join(paths))
    nlp = spacy_model("en")
    list(code_documents(docs[:8]))  # models, lexicons, gazetteer loaded before the clocks start
    out: dict = {"cores": cores, "load_average": os.getloadavg()[0]}
    print(f"ceiling (one process, CPU seconds; load average {out['load_average']:.2f}; targets on {cores} cores)")
    for name, group in (("short", docs), ("long", long_reports(docs))):
        texts = [prepare(d, "en").text for d in group]
        titles = [d.title for d in group if d.title]
        no_ner = [p for p in ("ner",) if p in nlp.pipe_names]

        def pipe(disable: tuple = ()) -> Callable[[], object]:
            return lambda: list(nlp.pipe(texts, batch_size=32, disable=list(disable)))

        runs = {
            "parse as the fast path does (titles without NER)":
                lambda: (list(nlp.pipe(texts, batch_size=32)), list(nlp.pipe(titles, batch_size=32, disable=no_ner))),
            "parse, all pipes": pipe(),
            "parse without NER": pipe(("ner",)),
            "parse without the parser": pipe(("parser",)),
            "parse without NER and the parser": pipe(("parser", "ner")),
            "whole coder (fast path)": lambda: list(code_documents(group, fast=True)),
        }
        times = _timed(runs, repeat)
        n = len(group) * repeat
        ms = {k: 1000 * c / n for k, (c, _) in times.items()}
        whole, parse = ms["whole coder (fast path)"], ms["parse as the fast path does (titles without NER)"]
        rest = max(0.0, whole - parse)
        budget = parse_budget_ms(TARGETS[name], cores, rest)
        share_sents, share_words = candidate_share(group)
        words = sum(len(d.text.split()) for d in group) / len(group)
        print(f"{name} reports: {len(group)} x{repeat}, {words:.0f} words each")
        for k, v in ms.items():
            print(f"  {k:50s} {v:7.1f} ms CPU/report  {1000 / v:6.1f} reports/s per core  "
                  f"({len(group) * repeat / times[k][1]:.1f}/s wall)")
        print(f"  the coder besides the parse: {rest:.1f} ms; {TARGETS[name]:g} reports/s on {cores} cores leaves "
              f"{1000 * cores / TARGETS[name]:.1f} ms a report, {budget:.1f} ms for the parse: "
              f"{100 * skip_needed(parse, budget):.0f} % of the parse would have to be skipped")
        print(f"  candidate sentences and their neighbours: {100 * share_sents:.0f} % of sentences, "
              f"{100 * share_words:.0f} % of words")
        out[name] = {"ms_cpu": {k: round(v, 2) for k, v in ms.items()}, "rest_ms": round(rest, 2),
                     "parse_budget_ms": round(budget, 2), "skip_needed": round(skip_needed(parse, budget), 3),
                     "candidate_sentences": round(share_sents, 3), "candidate_words": round(share_words, 3)}
    return out
