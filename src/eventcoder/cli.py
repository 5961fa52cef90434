"""Command line: each command parses its options, calls one library function and prints."""
from __future__ import annotations

import json
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Optional

import click

from . import __version__
from .cli_common import db_option, format_option, quiet_option, resolve_workers, workers_option
from .cli_common import open_store
from .errors import EventcoderError
from .schema import Failure

LOGGER = logging.getLogger("eventcoder")

def _setup_logging(verbose: int) -> None:
    # per-document failures are printed by the commands themselves; -v shows the WARNING log too
    level = logging.ERROR - 10 * min(verbose, 3)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@click.group()
@click.version_option(__version__, prog_name="eventcoder")
@click.option("-v", "--verbose", count=True, help="-v WARNING, -vv INFO, -vvv DEBUG logs on stderr.")
def cli(verbose: int) -> None:
    """Code news reports on armed conflict into ACLED-compatible events with evidence spans."""
    _setup_logging(verbose)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write events to this file instead of stdout.")
@format_option
@click.option("--summary", is_flag=True, help="Print a summary table of the coded events on stdout "
              "instead of the events themselves (unless --out is given).")
@click.option("--encoding", default=None, help="Decode text files with this encoding instead of "
              "detecting it (e.g. latin-1).")
@click.option("--max-bytes", type=int, default=None, help="Refuse documents larger than this (default 5 MB).")
@workers_option
@quiet_option
def code(paths: tuple[str, ...], db: Optional[str], out: Optional[str], fmt: str, summary: bool,
         encoding: Optional[str], max_bytes: Optional[int], workers: int, quiet: bool) -> None:
    """Code reports (files, folders, JSONL, HTML, feeds, or - for stdin) into events.

    \b
    Example:
        eventcoder code ../shared/seed/000.txt
        eventcoder code samples/ --db eventcoder.db --summary
        eventcoder code reports/ --format csv --out events.csv
        eventcoder code big-folder/ --workers 0 --db events.db --quiet
    """
    from .parallel import code_documents
    from .reading import read_paths

    store = open_store(db) if db else None
    coded, failures, events = [], [], []
    read_options = {"encoding": encoding, **({"max_bytes": max_bytes} if max_bytes else {})}
    items = code_documents(read_paths(paths, **read_options), workers=resolve_workers(workers))
    show_bar = not quiet and sys.stderr.isatty() and paths != ("-",)
    if show_bar:
        from tqdm import tqdm

        items = tqdm(items, desc="coding", unit="doc", file=sys.stderr)
    for item in items:
        if isinstance(item, Failure):
            failures.append(item)
            message = item.message if item.message.startswith(item.code) else f"{item.code} {item.message}"
            click.echo(f"error: {item.origin}: {message}", err=True)
            if store is not None:
                store.add_failure(item)
            continue
        if store is not None and (refused := store.store_coded(item.document, item.events)):
            failures.append(refused)  # the database refused this one document: recorded, go on
            click.echo(f"error: {refused.origin}: {refused.message}", err=True)
            continue
        coded.append(item)
        events.extend(item.events)
    documents = {c.document.doc_id: c.document for c in coded}
    if out or not summary:
        write_events(events, fmt, out, documents)
    if summary:
        click.echo(summary_table(coded, failures))
    if store is not None:
        if not quiet:
            counts = store.counts()
            click.echo(f"database {db}: {counts['documents']} documents, {counts['events']} events, "
                       f"{counts['failures']} failures stored", err=True)
        store.close()
    if failures and not coded:
        raise click.ClickException(f"every document failed ({len(failures)} failures)")


def summary_table(coded, failures) -> str:
    """Per-document lines (main event) and totals by event type."""
    lines = [f"{'document':<34} {'main event':<36} {'location':<26} {'date':<10} {'fat.':>4}"]
    by_type: Counter = Counter()
    for c in coded:
        name = Path(c.document.origin or c.document.doc_id).name[:34]
        main = next((e for e in c.events if e.main), None)
        for e in c.events:
            by_type[e.event_type] += 1
        if main is None:
            lines.append(f"{name:<34} {'(no event)':<36}")
            continue
        lines.append(f"{name:<34} {main.sub_event_type[:36]:<36} {(main.location or '?')[:26]:<26} "
                     f"{str(main.event_date or '?'):<10} {main.fatalities:>4}")
    lines.append("")
    lines.append(f"{len(coded)} documents coded, {sum(by_type.values())} events, {len(failures)} failures")
    for etype, n in sorted(by_type.items()):
        lines.append(f"  {etype:<30} {n}")
    return "\n".join(lines)


@cli.command()
@click.option("--gold", "gold", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Gold JSONL in the devset format (shared/devset/gold.jsonl).")
@click.option("--reviewed", is_flag=True, help="Score against the reviewed events of --db instead of --gold "
              "(the reports are coded again; --stored scores the stored coding).")
@click.option("--stored", is_flag=True, help="With --reviewed: score the stored coding, not the current coder.")
@db_option
@click.option("--json", "json_out", type=click.Path(dir_okay=False, writable=True), default="eval-results.json",
              show_default=True, help="Also write the scores as JSON here ('-' for none).")
@click.option("--details", is_flag=True, help="Print the sub-event-type confusion list.")
@click.option("--lang", "langs", multiple=True, help="Only reports in this language (repeatable).")
@click.option("--show", "show", multiple=True, metavar="FIELD",
              help="List the events where FIELD disagrees with gold ('detection' for unmatched "
                   "events, 'all' for everything); repeatable.")
def evaluate(gold: Optional[str], reviewed: bool, stored: bool, db: Optional[str], json_out: str, details: bool,
             langs: tuple[str, ...], show: tuple[str, ...]) -> None:
    """Code the gold reports and print detection and per-field scores.

    \b
    Example:
        eventcoder evaluate --gold ../shared/devset/gold.jsonl --details
        eventcoder evaluate --reviewed --db eventcoder.db
    """
    if reviewed:
        from .cli_review import evaluate_reviewed

        return evaluate_reviewed(db, stored, json_out)
    if not gold:
        raise click.UsageError("give --gold FILE, or --reviewed --db DB")
    from .calibration import format_reliability
    from .evaluate import evaluate as run_evaluation
    from .evaluate import format_mismatches, format_table

    result = run_evaluation(gold, langs=set(langs) or None)
    click.echo(format_table(result, details=details))
    rel = result["calibration"]
    click.echo("\n" + (format_reliability(rel) if details else
                       f"confidence: expected calibration error {rel['ece']} over {rel['events']} coded events"))
    if show:
        click.echo("\n" + format_mismatches(result, show))
    if json_out and json_out != "-":
        Path(json_out).write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
        click.echo(f"\nscores written to {json_out}", err=True)


@cli.command()
@click.argument("text")
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) of the text.")
@click.option("--lang", default=None, help="Language code; detected when omitted.")
def geocode(text: str, published: Optional[str], lang: Optional[str]) -> None:
    """Print every place found in TEXT with its resolution (for quick checks).

    \b
    Example:
        eventcoder geocode "Gunmen attacked a village near Gusau in Zamfara state."
    """
    import datetime as dt

    from .extract.where.places import find_places
    from .nlp import analyse
    from .schema import Document

    doc = Document(text=text, lang=lang, published=dt.date.fromisoformat(published) if published else None)
    for p in find_places(analyse(doc)):
        where = ", ".join(x for x in (p.admin2, p.admin1, p.country) if x)
        coords = f"{p.latitude:.4f},{p.longitude:.4f}" if p.latitude is not None else "-"
        click.echo(f"{p.span.text if p.span else '':<24} -> {p.name or '-'} ({where}) [{p.kind}] "
                   f"precision={p.geo_precision} {coords}")


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--repeat", default=2, show_default=True, help="Code the documents this many times.")
@click.option("--workers", "-j", default=0, show_default=True, type=click.IntRange(0),
              help="Processes for the parallel runs (0: one per CPU; 1: in this process only).")
@click.option("--long/--no-long", default=True, show_default=True,
              help="Also time long reports (the documents joined into 300-600 words).")
@click.option("--e2e-docs", default=1200, show_default=True, type=click.IntRange(0),
              help="Reports for the end-to-end run of `eventcoder code corpus.jsonl --db` (0: none).")
@click.option("--gold", "golds", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Also score the parse-everything and the fast runs on this gold file (devset format); "
                   "repeatable.")
@click.option("--real-split", "real_splits", multiple=True, type=click.Choice(["dev", "heldout"]),
              help="Also score both runs on this split of realnews/gold.jsonl; repeatable.")
@click.option("--json", "json_out", default=None, type=click.Path(dir_okay=False, writable=True),
              help="Also write the figures as JSON here.")
def bench(paths: tuple[str, ...], repeat: int, workers: int, long: bool, e2e_docs: int,
          golds: tuple[str, ...], real_splits: tuple[str, ...], json_out: Optional[str]) -> None:
    """Measure coding speed: the fast path against a parse-everything run of the same documents.

    Prints reports/s, words/s, the ratio to parse-everything and the per-stage split, for short
    reports (PATHS, default the dev-set reports) and long ones (them joined into 300-600 words),
    in one process and on --workers; then `eventcoder code corpus.jsonl --db` end to end with its
    peak RSS; with --gold / --real-split, the scores of both runs. Store, merge and gazetteer
    benchmarks: `make bench`.

    \b
    Example:
        eventcoder bench ../shared/devset/reports --repeat 2
        eventcoder bench --gold ../shared/devset/gold.jsonl --gold heldout/gold.jsonl --real-split dev
    """
    from .bench_code import bench_code

    bench_code(list(paths) or ["../shared/devset/reports"], repeat, resolve_workers(workers), long, e2e_docs,
               golds, real_splits, json_out)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(db: Optional[str], host: str, port: int) -> None:
    """Serve the stored events: a browser page at / and a read-only REST API at /api (OpenAPI at /docs).

    \b
    Example:
        eventcoder serve --db eventcoder.db
        curl 'http://127.0.0.1:8000/api/events?country=Nigeria&main=true&limit=10'
    """
    import uvicorn

    from .web import create_app

    click.echo(f"eventcoder: http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def write_events(events, fmt: str, out: Optional[str], documents) -> None:
    """Events to `out` (or stdout) in `fmt`; binary formats need a file."""
    from .export import BINARY_FORMATS, export

    if fmt in BINARY_FORMATS:
        if not out:
            raise click.UsageError(f"--format {fmt} writes a binary file: give --out FILE")
        with open(out, "wb") as fh:
            export(events, fmt, fh, documents=documents)
    elif out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            export(events, fmt, fh, documents=documents)
    else:
        export(events, fmt, sys.stdout, documents=documents)


def main() -> None:
    """Console-script entry point: library errors become clean CLI errors."""
    try:
        cli(standalone_mode=True)
    except EventcoderError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


def _register_commands() -> None:
    from .cli_interop import COMMANDS as INTEROP
    from .cli_real import COMMANDS as REAL
    from .cli_review import COMMANDS as REVIEW
    from .cli_store import COMMANDS

    for command in [*COMMANDS, *REAL, *REVIEW, *INTEROP]:
        cli.add_command(command)


_register_commands()
