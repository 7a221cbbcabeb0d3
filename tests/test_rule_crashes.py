"""A rule that crashes is an error: exit 2 in `check`, a mismatch in `rules test`, never a verdict."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.rules.examples import run_example
from factcheck.rules.kinds import conversion
from factcheck.rules.loader import parse_rules

PACK = """\
rules:
  - id: demo/lake
    title: Conversions agree
    kind: conversion
    severity: error
    rationale: A figure and its conversion into another unit must agree.
    sources: [NIST Handbook 44]
    examples:
      pass:
        - text: The lake is 14 miles (23km) long.
          catches: [14 miles, 23km]
      fail:
        - The lake is 14 miles (32km) long.
"""


def _explode(rule, context):
    raise ZeroDivisionError("boom")
    yield


@pytest.fixture
def crashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conversion, "evaluate", _explode)


def test_a_crash_is_a_mismatch_whatever_the_example_expects(crashing: None) -> None:
    (rule,) = parse_rules(PACK, "pack.yaml")
    outcomes = [run_example(rule, example) for example in rule.examples]
    assert [outcome.ok for outcome in outcomes] == [False, False]
    assert all("demo/lake crashed on this document: ZeroDivisionError: boom" in (outcome.crashed or "")
               for outcome in outcomes)


def test_check_exits_2_naming_the_rule(crashing: None, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "a.txt").write_text("The lake is 14 miles (23km) long.", encoding="utf-8")
    command = ["check", "a.txt", "--rules", "pack.yaml", "--no-progress", "--jobs", "1", "--no-cache"]
    result = CliRunner().invoke(app, command, env={"CI": "true"}, catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert "rule demo/lake crashed" in result.output


def test_catches_names_the_figures_a_finding_must_cover() -> None:
    (rule,) = parse_rules(PACK, "pack.yaml")
    (checked, _) = [run_example(rule, example) for example in rule.examples]
    assert checked.ok and checked.missed == ()
    silent = parse_rules(PACK.replace("(23km) long.", "long and the road 23km."), "pack.yaml")[0]
    outcome = run_example(silent, silent.examples[0])
    assert not outcome.ok and outcome.missed == ("14 miles", "23km")


def test_a_figure_under_catches_must_be_in_the_text() -> None:
    from factcheck.rules.model import RuleError

    with pytest.raises(RuleError, match="'40 miles' is not in the example's text"):
        parse_rules(PACK.replace("catches: [14 miles, 23km]", "catches: [40 miles]"), "pack.yaml")
