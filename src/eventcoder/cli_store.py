"""Store-side commands (errors, and later ingest/db/merge), registered on the main click group."""
from __future__ import annotations

from typing import Optional

import click

from .cli import _open_store, db_option


@click.command("errors")
@db_option
def errors_cmd(db: Optional[str]) -> None:
    """List the per-document errors stored in the database.

    \b
    Example:
        eventcoder errors --db eventcoder.db
    """
    store = _open_store(db)
    failures = store.failures()
    for f in failures:
        click.echo(f"{f.code}\t{f.origin}\t{f.message}")
    click.echo(f"{len(failures)} errors", err=True)
    store.close()


#: commands added to `eventcoder` by cli.py
COMMANDS = [errors_cmd]
