"""Interoperability commands: `export` (ACLED, GDELT, UCDP, PLOVER, JSONL, GeoJSON, Parquet), `import-acled`
and `compare` (coded events or incidents against reference events). Registered on the main group by cli.py.
"""
from __future__ import annotations

import datetime as dt
import sys
from typing import Optional

import click

from .cli_common import db_option
from .cli_common import open_store

#: --format choices of `export` (`csv` is an alias of `acled-csv`)
EXPORT_FORMATS = ("acled-csv", "csv", "gdelt-tsv", "ucdp-csv", "plover-jsonl", "geojson", "jsonl", "parquet")


class DateParam(click.ParamType):
    """A YYYY-MM-DD date."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD (e.g. 2025-03-01)", param, ctx)


DATE = DateParam()
country_option = click.option("--country", default=None, help="Only events (incidents) in this country (ACLED name).")
from_option = click.option("--from", "date_from", type=DATE, default=None, help="Only events on or after this date.")
to_option = click.option("--to", "date_to", type=DATE, default=None, help="Only events on or before this date.")


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="jsonl", show_default=True,
              help="acled-csv (ACLED's columns; csv is an alias), gdelt-tsv (GDELT 2.0 event table), ucdp-csv "
                   "(UCDP GED columns, fatal events only), plover-jsonl, geojson, jsonl, parquet (needs --out).")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of stdout.")
@country_option
@from_option
@to_option
@click.option("--main-only", is_flag=True, help="Only main events (no secondary events).")
@click.option("--incidents", is_flag=True,
              help="One row per incident (a real event told by one or more reports) instead of one per event: "
                   "jsonl gives each incident's full record with its reports, other formats its canonical event.")
@click.option("--min-reports", default=1, show_default=True, type=click.IntRange(1),
              help="With --incidents: only incidents told by at least this many reports.")
@click.option("--acled-inter", type=click.Choice(["text", "numeric"]), default="text", show_default=True,
              help="acled-csv: inter1/inter2/interaction as ACLED's text ('State forces') or legacy numeric codes.")
@click.option("--no-header", is_flag=True, help="acled-csv, gdelt-tsv, ucdp-csv: no header row (GDELT's own files "
                                                "have none).")
@click.option("--reviewed", is_flag=True, help="Reviewed values in place of the coded ones (flagged in `reasons`); "
                                               "events a reviewer rejected left out.")
def export_cmd(db: Optional[str], fmt: str, out: Optional[str], country: Optional[str], date_from: Optional[dt.date],
               date_to: Optional[dt.date], main_only: bool, incidents: bool, min_reports: int, acled_inter: str,
               no_header: bool, reviewed: bool) -> None:
    """Export stored events, or incidents, in an interoperable format, streaming from the database.

    Rows are read from the database a batch at a time and written as they come, so memory stays flat
    however many events are stored.

    \b
    Example:
        eventcoder export --db eventcoder.db --format acled-csv --out events.csv
        eventcoder export --db eventcoder.db --format gdelt-tsv --incidents --out incidents.tsv
        eventcoder export --db eventcoder.db --format ucdp-csv --country Somalia --from 2025-01-01
        eventcoder export --db eventcoder.db --format plover-jsonl --main-only
        eventcoder export --db eventcoder.db --format parquet --out events.parquet
        eventcoder export --db eventcoder.db --incidents --min-reports 2 --out incidents.jsonl
    """
    from .export import BINARY_FORMATS, export
    from .export.stream import stored_incident_rows, stored_rows
    from .export.ucdp_csv import UcdpStats

    if fmt in BINARY_FORMATS and not out:
        raise click.UsageError(f"--format {fmt} writes a binary file: give --out FILE")
    store = open_store(db)
    if incidents:
        rows = stored_incident_rows(store, country=country, min_reports=min_reports, date_from=date_from,
                                    date_to=date_to)
    else:
        rows = stored_rows(store, country=country, main=True if main_only else None, date_from=date_from,
                           date_to=date_to)
    review_stats: dict = {}
    if reviewed:
        if incidents:
            raise click.UsageError("--reviewed applies to events, not --incidents")
        from .review.exports import reviewed_rows

        rows = reviewed_rows(store, rows, review_stats)
    stats = UcdpStats()
    options = {"inter": acled_inter, "header": not no_header, "stats": stats}
    if fmt in BINARY_FORMATS:
        with open(out, "wb") as fh:
            count = export(rows, fmt, fh, **options)
    elif out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            count = export(rows, fmt, fh, **options)
    else:
        count = export(rows, fmt, sys.stdout, **options)
    store.close()
    if incidents:
        click.echo(f"{count} incidents", err=True)
    if reviewed:
        click.echo(f"{review_stats.get('reviewed', 0)} reviewed events with their reviewed values, "
                   f"{review_stats.get('rejected', 0)} rejected left out", err=True)
    if stats.skipped:
        click.echo(f"{stats.skipped} events out of UCDP's scope (no death or no organised actor) left out", err=True)


@click.command("import-acled")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--dataset", default="acled", show_default=True,
              help="Name to store the events under (compare --reference NAME).")
@click.option("--quiet", "-q", is_flag=True, help="Do not print each rejected row (the summary still counts them).")
def import_acled_cmd(path: str, db: Optional[str], dataset: str, quiet: bool) -> None:
    """Load an ACLED CSV export (FILE.csv) as reference events for `eventcoder compare`.

    Rows are read and stored in batches; a row that cannot be used (bad date, coordinates,
    sub-event type, ...) is printed on stderr with its line and reason, and the import goes on.
    Importing an event id again replaces it (ACLED revises events).

    \b
    Example:
        eventcoder import-acled acled_somalia_2025.csv --db eventcoder.db
    """
    from .reference.acled_import import import_acled

    store = open_store(db)
    on_error = None if quiet else (lambda error: click.echo(f"rejected: {error.text(path)}", err=True))
    report = import_acled(path, store, dataset=dataset, on_error=on_error)
    store.close()
    click.echo(report.line(), err=True)
    if report.read and not report.stored:
        raise click.ClickException(f"no row of {path} could be imported ({len(report.errors)} rejected)")


@click.command("compare")
@click.option("--reference", "dataset", default="acled", show_default=True,
              help="The reference dataset loaded with import-acled (its --dataset name).")
@db_option
@country_option
@from_option
@to_option
@click.option("--incidents", is_flag=True, help="Compare incidents (one per real event) instead of coded events.")
@click.option("--window", default=1, show_default=True, type=click.IntRange(0),
              help="Most days between a coded and a reference date (widened for week/month precision).")
@click.option("--max-km", default=25.0, show_default=True, type=click.FloatRange(0),
              help="Most kilometres between a coded and a reference event.")
@click.option("--match", "level", type=click.Choice(["family", "sub-type", "any"]), default="family",
              show_default=True, help="How closely the sub-event types must agree.")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Also write the table (found / missed / added, one row each) as CSV here.")
def compare_cmd(dataset: str, db: Optional[str], country: Optional[str], date_from: Optional[dt.date],
                date_to: Optional[dt.date], incidents: bool, window: int, max_km: float, level: str,
                out: Optional[str]) -> None:
    """Compare coded events (or incidents) with reference events: found, missed and added, with rates.

    Found: reference events a coded event matches (same country, dates within --window days,
    within --max-km, sub-event types agreeing per --match); missed: reference events nothing
    matches; added: coded events the reference does not have.

    \b
    Example:
        eventcoder import-acled acled_somalia_2025.csv --db eventcoder.db
        eventcoder compare --reference acled --db eventcoder.db --country Somalia --from 2025-01-01 --to 2025-03-31
        eventcoder compare --db eventcoder.db --incidents --out comparison.csv
    """
    from .reference.compare import compare, format_summary, write_table

    store = open_store(db)
    result = compare(store, dataset, incidents=incidents, country=country, date_from=date_from, date_to=date_to,
                     window=window, max_km=max_km, level=level)
    store.close()
    if not result.n_reference:
        click.echo(f"warning: no reference events of {dataset!r} in this scope: load some with "
                   f"`eventcoder import-acled FILE.csv`", err=True)
    click.echo(format_summary(result))
    if out:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            rows = write_table(result, fh)
        click.echo(f"{rows} rows written to {out}", err=True)


#: commands added to `eventcoder` by cli.py
COMMANDS = [export_cmd, import_acled_cmd, compare_cmd]
