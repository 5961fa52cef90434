"""What the command modules share: common options, the --workers rule and opening a store.

`cli` and the command modules (`cli_store`, `cli_review`, `cli_interop`, `cli_real`) import these
from here, so no command module imports `cli` (which registers them).
"""
from __future__ import annotations

from typing import Optional

import click

db_option = click.option("--db", "db", envvar="EVENTCODER_DB", default=None, metavar="PATH|URL",
                         help="SQLite file or database URL to store into (env EVENTCODER_DB).")
workers_option = click.option("--workers", "-j", default=0, show_default=True, type=click.IntRange(0),
                              help="Processes to code on; 0: one per CPU. Output order is the input order.")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")
format_option = click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "parquet"]),
                             default="jsonl", show_default=True,
                             help="Output format (parquet needs --out).")


def resolve_workers(workers: int) -> int:
    """--workers 0 means one process per CPU."""
    from .parallel import default_workers

    return workers or default_workers()


def open_store(db: Optional[str]):
    """Open and initialise the store (library errors surface as clean CLI errors in `main`)."""
    from .store import Store

    store = Store.open(db)
    store.init()
    return store
