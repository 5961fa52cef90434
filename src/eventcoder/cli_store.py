"""Store-side commands (db, ingest, errors, merge, search), registered on the main click group.

`export` (with `--incidents`) lives in cli_interop.py with the other interoperability commands.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from .cli_common import db_option, quiet_option, resolve_workers, workers_option
from .cli_common import open_store


@click.group("db")
def db_group() -> None:
    """Create or upgrade the database schema (SQLite file or PostgreSQL URL).

    \b
    Example:
        eventcoder db init --db eventcoder.db
        eventcoder db upgrade --db postgresql://user@localhost/events
    """


@db_group.command("init")
@db_option
def db_init(db: Optional[str]) -> None:
    """Create the tables, indexes and full-text index at the latest schema version.

    \b
    Example:
        eventcoder db init --db eventcoder.db
        eventcoder db init --db postgresql://user@localhost/events
    """
    store = open_store(db)
    click.echo(f"database {store.url}: schema version {store.schema_version()}")
    store.close()


@db_group.command("upgrade")
@db_option
def db_upgrade(db: Optional[str]) -> None:
    """Migrate a database made by an older eventcoder to the latest schema version.

    \b
    Example:
        eventcoder db upgrade --db eventcoder.db
    """
    from .store import Store

    store = Store.open(db)
    if store.schema_version() is None:
        store.init()
        click.echo(f"database {store.url}: new, created at schema version {store.schema_version()}")
    else:
        steps = store.upgrade()
        for source, target in steps:
            click.echo(f"upgraded schema {source} -> {target}")
        click.echo(f"database {store.url}: schema version {store.schema_version()}"
                   + ("" if steps else " (up to date)"))
    store.close()


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--no-code", is_flag=True, help="Store the documents without coding them.")
@click.option("--batch-size", default=50, show_default=True, type=click.IntRange(1),
              help="Documents per transaction (a killed run loses at most one batch of work).")
@click.option("--watch", is_flag=True, help="Poll the sources again every --interval seconds (Ctrl-C stops).")
@click.option("--interval", default=900.0, show_default=True, type=click.FloatRange(0),
              help="Seconds between polls with --watch.")
@click.option("--polls", default=None, type=click.IntRange(1), help="With --watch: stop after this many polls.")
@click.option("--fetch-articles/--no-fetch-articles", default=None,
              help="Fetch the page each feed entry links to (default: for feed URLs, not feed files).")
@click.option("--timeout", default=20.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds to wait for a URL.")
@click.option("--no-merge", is_flag=True,
              help="Do not attach the events to incidents as they are stored (run `eventcoder merge` after).")
@workers_option
@quiet_option
def ingest_cmd(sources: tuple[str, ...], db: Optional[str], no_code: bool, batch_size: int, watch: bool,
               interval: float, polls: Optional[int], fetch_articles: Optional[bool], timeout: float,
               no_merge: bool, workers: int, quiet: bool) -> None:
    """Read, code and store SOURCES: folders, files, JSONL, RSS/Atom feeds (files or URLs).

    Idempotent and resumable: documents already stored are skipped, so a re-run after a
    crash stores the rest with no duplicate. Errors are stored: see `eventcoder errors`.
    Every stored event is attached to an incident (one per real event, across outlets) in
    the transaction that stores it: see `eventcoder merge` and /api/incidents.

    \b
    Example:
        eventcoder ingest reports/ more.jsonl --db eventcoder.db
        eventcoder ingest https://example.org/rss.xml --watch --interval 600
    """
    from .ingest import ingest, watch as watch_sources

    store = open_store(db)
    options = dict(code=not no_code, batch_size=batch_size, fetch_articles=fetch_articles, timeout=timeout,
                   workers=resolve_workers(workers), merge=not no_merge)
    progress = None if quiet or not sys.stderr.isatty() else (lambda s: click.echo(f"\r{s.read} read, {s.stored} stored, "
                                                        f"{s.skipped} skipped", err=True, nl=False))
    report = (lambda s: None) if quiet else (lambda s: click.echo(("\n" if progress else "") + s.line(), err=True))
    if watch:
        watch_sources(sources, store, interval, polls, report=report, on_batch=progress, **options)
    else:
        report(ingest(sources, store, on_batch=progress, **options))
    store.close()


@click.command("cluster")
@click.argument("sources", nargs=-1, required=True)
@click.option("--out", "out", type=click.Path(file_okay=False), default=None,
              help="Folder for part-NNNNN.parquet files and failures.jsonl.")
@db_option
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1),
              help="Local worker processes (ignored with --scheduler).")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="A running Dask scheduler (tcp://host:8786).")
@click.option("--partition-size", default=200, show_default=True, type=click.IntRange(1),
              help="Documents per task.")
def cluster_cmd(sources: tuple[str, ...], out: Optional[str], db: Optional[str], workers: int,
                scheduler: Optional[str], partition_size: int) -> None:
    """Code a large corpus on Dask: partitions coded on workers, events written as Parquet parts
    and/or into the database (PostgreSQL for a shared one).

    \b
    Example:
        eventcoder cluster reports/ --out coded/ --workers 4
        eventcoder cluster big.jsonl --db postgresql://user@host/events --scheduler tcp://10.0.0.5:8786
    """
    from .cluster import code_on_dask

    if not out and not db:
        raise click.UsageError("give --out FOLDER, --db, or both")
    store = open_store(db) if db else None
    stats = code_on_dask(sources, out=out, store=store, workers=workers, scheduler=scheduler,
                         partition_size=partition_size)
    if store is not None:
        store.close()
    click.echo(stats.line(), err=True)


@click.command("errors")
@db_option
@click.option("--warnings", "with_warnings", is_flag=True,
              help="Also list the warnings (W2xx: a bad optional field dropped, the text still coded).")
def errors_cmd(db: Optional[str], with_warnings: bool) -> None:
    """List the per-document errors stored in the database.

    \b
    Example:
        eventcoder errors --db eventcoder.db
        eventcoder errors --db eventcoder.db --warnings
    """
    store = open_store(db)
    failures = store.failures()
    for f in failures:
        click.echo(f"{f.code}\t{f.origin}\t{f.message}")
    warnings = store.warnings() if with_warnings else []
    for w in warnings:
        click.echo(f"{w.code}\t{w.origin}\t{w.message}")
    click.echo(f"{len(failures)} errors" + (f", {len(warnings)} warnings" if with_warnings else ""), err=True)
    store.close()


@click.command("merge")
@db_option
@click.option("--gold", "gold", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score the merger on the devset clusters instead (gold.jsonl); stores nothing.")
@click.option("--threshold", default=None, type=click.FloatRange(0, 1),
              help="Least score to merge two events (default merge.THRESHOLD); ingest keeps using it.")
@click.option("--sweep", is_flag=True, help="With --gold: also print scores for thresholds 0.30-0.80.")
@click.option("--gold-only", is_flag=True, help="With --gold: merge the gold events only (no coding).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="With --gold: also write the scores as JSON here.")
def merge_cmd(db: Optional[str], gold: Optional[str], threshold: Optional[float], sweep: bool,
              gold_only: bool, json_out: Optional[str]) -> None:
    """Rebuild every incident of the store from scratch, or score the merger on gold clusters.

    Ingest already attaches each event to an incident as it is stored; a rebuild gives the
    same incidents (in any order of arrival), then replays the reviewers' merges and splits.
    Run it after `db upgrade`, after `ingest --no-merge`, or to change the threshold.

    \b
    Example:
        eventcoder merge --db eventcoder.db
        eventcoder merge --gold ../shared/devset/gold.jsonl --sweep
    """
    from . import merge

    threshold = merge.THRESHOLD if threshold is None else threshold
    if gold:
        from .dedup_eval import evaluate_dedup, format_scores

        grid = [round(0.3 + 0.05 * i, 2) for i in range(11)] if sweep else None
        scores = evaluate_dedup(gold, threshold, sweep=grid, coded=not gold_only)
        click.echo(format_scores(scores))
        if json_out:
            Path(json_out).write_text(json.dumps(scores, indent=2, default=str), encoding="utf-8")
        return
    from .review.replay import replay_decisions

    store = open_store(db)
    result = merge.merge_store(store, threshold)
    replayed = replay_decisions(store.engine)  # reviewers' merges and splits survive a rebuild
    multi = sum(1 for inc in result.incidents if len(inc.event_ids) > 1)
    click.echo(f"{len(result.incidents)} incidents ({multi} told by several reports), "
               f"{len(result.links)} background links; threshold {threshold}"
               + (f"; {replayed} reviewer decision(s) re-applied" if replayed else ""), err=True)
    store.close()


@click.command("search")
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
def search_cmd(query: str, db: Optional[str], limit: int) -> None:
    """Full-text search of the stored documents (every word must occur).

    \b
    Example:
        eventcoder search "Mogadishu restaurant" --db eventcoder.db
    """
    store = open_store(db)
    hits = store.search(query, limit)
    documents = store.get_documents(doc_id for doc_id, _ in hits)
    for doc_id, rank in hits:
        doc = documents.get(doc_id)
        title = (doc.title or doc.text[:60].replace("\n", " ")) if doc else ""
        click.echo(f"{doc_id}\t{rank:.3f}\t{doc.published if doc else ''}\t{title}")
    click.echo(f"{len(hits)} documents", err=True)
    store.close()
    sys.stdout.flush()


#: commands added to `eventcoder` by cli.py
COMMANDS = [db_group, ingest_cmd, cluster_cmd, errors_cmd, merge_cmd, search_cmd]
