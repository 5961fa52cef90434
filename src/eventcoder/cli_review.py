"""Review-side commands (token, suggest, serve), registered on the main click group; and the
`--reviewed` mode of `evaluate` (`evaluate_reviewed`).

`serve` here replaces the single-process `serve` of cli.py (same options, plus --workers,
--open-reads and --cors-origin).
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import click

from .cli_common import db_option
from .cli_common import open_store


@click.group("token")
def token_group() -> None:
    """Bearer tokens for the API's writes (reviews): create, list, revoke.

    \b
    Example:
        eventcoder token create ana --db eventcoder.db
        curl -H "Authorization: Bearer ect_..." -X POST .../api/events/ID/review -d '{"action": "accept"}'
    """


@token_group.command("create")
@click.argument("name")
@db_option
@click.option("--role", type=click.Choice(["reviewer", "reader"]), default="reviewer", show_default=True,
              help="reviewer: may write reviews; reader: may only read (from other machines).")
def token_create(name: str, db: Optional[str], role: str) -> None:
    """Create a token for NAME and print it once (only its hash is stored).

    \b
    Example:
        eventcoder token create ana --db eventcoder.db
    """
    from .review.tokens import create_token

    store = open_store(db)
    token = create_token(store.engine, name, role)
    store.close()
    click.echo(token)
    click.echo(f"token for {name} ({role}) created; it is shown only now: keep it safe.", err=True)


@token_group.command("list")
@db_option
def token_list(db: Optional[str]) -> None:
    """List the tokens (id, name, role, created, revoked); never their secrets.

    \b
    Example:
        eventcoder token list --db eventcoder.db
    """
    from .review.tokens import list_tokens

    store = open_store(db)
    for row in list_tokens(store.engine):
        revoked = f"revoked {row['revoked']:%Y-%m-%d %H:%M}" if row["revoked"] else "live"
        click.echo(f"{row['token_id']}  {row['name']:<20} {row['role']:<9} {row['created']:%Y-%m-%d %H:%M}  {revoked}")
    store.close()


@token_group.command("revoke")
@click.argument("token_id")
@db_option
def token_revoke(token_id: str, db: Optional[str]) -> None:
    """Revoke a token by its id (the part after `ect_`, as `token list` shows it).

    \b
    Example:
        eventcoder token revoke k3j9x0a1b2c4 --db eventcoder.db
    """
    from .review.tokens import revoke_token

    store = open_store(db)
    done = revoke_token(store.engine, token_id)
    store.close()
    if not done:
        raise click.ClickException(f"no live token with id {token_id!r} (see `eventcoder token list`)")
    click.echo(f"token {token_id} revoked")


@click.command("suggest")
@db_option
@click.option("--min-support", default=2, show_default=True, type=click.IntRange(1),
              help="Propose an entry once this many reports had the same correction.")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the data-file diff here (default: stdout).")
@click.option("--overlay", type=click.Path(file_okay=False), default=None,
              help="Also write the changed data files into this folder (to try them before applying).")
def suggest_cmd(db: Optional[str], min_support: int, out: Optional[str], overlay: Optional[str]) -> None:
    """Turn repeated corrections of actors, places and sub-types into proposed data entries.

    Prints each suggestion on stderr and a unified diff of src/eventcoder/data/ on stdout (or
    --out), for a maintainer to read and apply with `git apply` from the repository root.

    \b
    Example:
        eventcoder suggest --db eventcoder.db --out corrections.diff
        git apply corrections.diff
    """
    from .review.suggest import suggest, unified_diff, write_overlay

    store = open_store(db)
    found = suggest(store.engine, min_support)
    store.close()
    for s in found:
        click.echo(s.describe(), err=True)
    if not found:
        click.echo(f"no correction was made in {min_support} reports or more: nothing to suggest", err=True)
        return
    diff = unified_diff(found)
    if out:
        Path(out).write_text(diff, encoding="utf-8")
        click.echo(f"diff written to {out}", err=True)
    else:
        click.echo(diff, nl=False)
    if overlay:
        for path in write_overlay(found, Path(overlay)):
            click.echo(f"wrote {path}", err=True)


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", "-j", default=1, show_default=True, type=click.IntRange(1),
              help="Server processes (each with its own connection pool).")
@click.option("--open-reads", is_flag=True, help="Reads need no token from other machines either.")
@click.option("--cors-origin", "cors", multiple=True, metavar="ORIGIN",
              help="Let pages of this origin call the API (repeatable; default: CORS off).")
@click.option("--cache-seconds", default=2.0, show_default=True, type=click.FloatRange(0),
              help="Reuse list, map and incident responses this long (0: off); a review clears them.")
def serve_cmd(db: Optional[str], host: str, port: int, workers: int, open_reads: bool, cors: tuple[str, ...],
              cache_seconds: float) -> None:
    """Serve the workbench: a page at / (map, timeline, incidents, review) and the REST API (/docs).

    Reads are open on loopback; writes need a token (`eventcoder token create NAME`).

    \b
    Example:
        eventcoder serve --db eventcoder.db
        eventcoder serve --db eventcoder.db --workers 2
        curl 'http://127.0.0.1:8000/api/events?country=Nigeria&main=true&limit=10'
    """
    import uvicorn

    from .web.app import ENV_CACHE, ENV_CORS, ENV_DB, ENV_OPEN_READS, create_app

    store = open_store(db)  # a bad path fails here, once, with a clear message
    store.close()
    click.echo(f"eventcoder: http://{host}:{port}/  (API docs: http://{host}:{port}/docs)", err=True)
    if workers == 1:
        uvicorn.run(create_app(db, open_reads=open_reads, cors_origins=cors, cache_seconds=cache_seconds),
                    host=host, port=port, log_level="warning")
        return
    if db:
        os.environ[ENV_DB] = db
    os.environ[ENV_OPEN_READS] = "1" if open_reads else "0"
    os.environ[ENV_CORS] = ",".join(cors)
    os.environ[ENV_CACHE] = str(cache_seconds)
    uvicorn.run("eventcoder.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


def evaluate_reviewed(db: Optional[str], stored: bool, json_out: Optional[str]) -> None:
    """`eventcoder evaluate --reviewed --db X`: the coder against the reviewed events."""
    from .review.scoring import format_reviewed, score_reviewed

    store = open_store(db)
    result = score_reviewed(store, stored=stored)
    store.close()
    if not result["reports"] and not result["rejected"]["events"]:
        raise click.ClickException("no reviewed events in this database: review some first "
                                   "(POST /api/events/{id}/review or the page)")
    click.echo(format_reviewed(result))
    if json_out and json_out != "-":
        Path(json_out).write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
        click.echo(f"\nscores written to {json_out}", err=True)


COMMANDS = [token_group, suggest_cmd, serve_cmd]
