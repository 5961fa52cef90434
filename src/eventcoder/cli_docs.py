"""Generate docs/cli.md from the click commands' --help (tests check it is current).

Run after changing a command: `python -m eventcoder.cli_docs > docs/cli.md`.
"""
from __future__ import annotations

import click

from .cli import cli


def render() -> str:
    """Markdown with the --help text of the group and of every command, sorted by name."""
    ctx = click.Context(cli, info_name="eventcoder", terminal_width=88, max_content_width=88)
    parts = ["# eventcoder command line", "",
             "Generated from `--help` by `python -m eventcoder.cli_docs`; do not edit by hand.", "",
             "```", cli.get_help(ctx), "```", ""]
    for name in sorted(cli.commands):
        command = cli.commands[name]
        sub = click.Context(command, info_name=name, parent=ctx, terminal_width=88, max_content_width=88)
        parts += [f"## eventcoder {name}", "", "```", command.get_help(sub), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
