"""docs/rules-reference.md is generated from the shipped rule files and must match them."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.report.rules_reference import COMMAND, render_reference
from factcheck.rules.selection import RuleChoice, load_chosen

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "rules-reference.md"


def test_the_committed_reference_matches_the_rule_files() -> None:
    fresh = render_reference(load_chosen(RuleChoice()))
    assert PAGE.read_text(encoding="utf-8") == fresh, f"docs/rules-reference.md is stale: run `{COMMAND}`"


def test_every_shipped_rule_is_in_the_reference() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for rule in load_chosen(RuleChoice()):
        assert f"\n### {rule.id}\n" in page


def test_the_command_writes_and_checks(tmp_path: Path) -> None:
    target = tmp_path / "reference.md"
    runner = CliRunner()
    assert runner.invoke(app, ["rules", "reference", "--output", str(target), "--check"]).exit_code == 1
    assert runner.invoke(app, ["rules", "reference", "--output", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8") == PAGE.read_text(encoding="utf-8")
    assert runner.invoke(app, ["rules", "reference", "--output", str(target), "--check"]).exit_code == 0
    only = runner.invoke(app, ["rules", "reference", "--select", "un"])
    assert "### un/sanctions-panel-mandate-length" in only.stdout and "### arithmetic/" not in only.stdout
