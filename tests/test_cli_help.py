"""Every command's --help reads cleanly: plain text, arguments and values named by what they hold
(no internal type names such as `<bool>` or `<list[str]>`), choices and defaults shown; a bad
choice is refused with the choices listed."""

from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from factcheck.cli import app


def _commands() -> list[list[str]]:
    root = typer.main.get_command(app)
    found = [[]]
    for name, command in root.commands.items():
        found.append([name])
        found += [[name, sub] for sub in getattr(command, "commands", {})]
    return found


COMMANDS = _commands()


def test_every_command_is_covered() -> None:
    names = {" ".join(command) for command in COMMANDS}
    assert {"", "extract", "check", "compare", "rules", "rules list", "rules show", "rules test"} <= names


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: " ".join(command) or "factcheck")
def test_help_reads_cleanly(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert not re.search(r"<[a-z\[\]|,. ]+>", text), text  # <bool>, <list[str]>, <int range>, <path>
    assert "{" not in text and "╭" not in text and "Value error" not in text
    assert text.startswith("Usage: factcheck")


def test_formats_show_their_choices_and_defaults() -> None:
    check = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "200"}).stdout
    assert "--format [md|json|junit|github|sarif|html|terse]" in check and "Default: md" in check
    assert "Usage: factcheck check [OPTIONS] PATH..." in check
    extract = CliRunner().invoke(app, ["extract", "--help"], env={"COLUMNS": "200"}).stdout
    assert "--format [table|csv|jsonl|parquet]" in extract and "[default: table]" in extract


@pytest.mark.parametrize("args", [["check", "a.txt", "--format", "xml"], ["extract", "a.txt", "-f", "xml"],
                                  ["check", "a.txt", "--fail-on", "fatal"]])
def test_a_bad_choice_lists_the_choices(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert re.search(r"Error: Invalid value for '(--format' / '-f|--fail-on)': '(xml|fatal)' is not one of "
                     r"[a-z]+(, [a-z]+)+", result.stderr), result.stderr
    assert "Value error" not in result.stderr
