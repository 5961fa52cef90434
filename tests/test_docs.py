"""Docs that are generated must be current; every command must have help text."""
import pytest

from eventcoder.cli import cli
from eventcoder.cli_docs import render
from tests.conftest import REPO


def test_docs_cli_md_is_current():
    shipped = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert shipped == render(), "docs/cli.md is stale: run `python -m eventcoder.cli_docs > docs/cli.md`"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_docs_every_command_has_help_and_an_example(name):
    command = cli.commands[name]
    assert command.help and len(command.help.split()) >= 4
    assert "Example:" in command.help, f"`eventcoder {name}` --help lacks an Example: block"


def test_docs_readme_starts_with_the_two_setup_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    head = readme[: readme.index("## ", readme.index("make test"))] if "## " in readme else readme
    assert head.index("make run") < head.index("make test")
