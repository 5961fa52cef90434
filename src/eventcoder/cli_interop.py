"""Interoperability commands: `export` (ACLED, GDELT, UCDP, PLOVER, JSONL, GeoJSON, Parquet), `import-acled`
and `compare` (coded events or incidents against reference events). Registered on the main group by cli.py.
"""
from __future__ import annotations

import datetime as dt
import sys
from typing import Optional

import click

from .cli import _open_store, db_option

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
def export_cmd(db: Optional[str], fmt: str, out: Optional[str], country: Optional[str], date_from: Optional[dt.date],
               date_to: Optional[dt.date], main_only: bool, incidents: bool, min_reports: int, acled_inter: str,
               no_header: bool) -> None:
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
    store = _open_store(db)
    if incidents:
        rows = stored_incident_rows(store, country=country, min_reports=min_reports, date_from=date_from,
                                    date_to=date_to)
    else:
        rows = stored_rows(store, country=country, main=True if main_only else None, date_from=date_from,
                           date_to=date_to)
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
    if stats.skipped:
        click.echo(f"{stats.skipped} events out of UCDP's scope (no death or no organised actor) left out", err=True)


#: commands added to `eventcoder` by cli.py
COMMANDS = [export_cmd]
