"""Every example sentence of every shipped rule, run through the real pipeline as its own test."""

from __future__ import annotations

import pytest

from factcheck.rules import load_ruleset
from factcheck.rules.examples import run_example
from factcheck.rules.findings import Verdict

RULESET = load_ruleset()
EXAMPLES = [pytest.param(rule, example, id=f"{rule.id}:{example.expect}:{example.origin.line}")
            for rule in RULESET for example in rule.examples]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_example_gets_its_expected_verdict(rule, example) -> None:
    outcome = run_example(rule, example)
    shown = "\n".join(f"  {f.verdict}: {f.arithmetic or f.message}" for f in outcome.findings)
    shown = shown or "  (the rule found nothing to check)"
    assert outcome.ok, f"{example.origin}: expected {example.expect}, got {outcome.verdict}\n{shown}"


@pytest.mark.parametrize("rule", list(RULESET), ids=lambda rule: rule.id)
def test_rule_has_a_pass_and_a_fail_example(rule) -> None:
    expected = {example.expect for example in rule.examples}
    assert Verdict.passed in expected, f"{rule.id} has no pass example"
    assert Verdict.fail in expected, f"{rule.id} has no fail example"


PLAUSIBILITY_RULES = [rule for rule in RULESET if rule.id.startswith(("munitions/", "un/"))]


@pytest.mark.parametrize("rule", PLAUSIBILITY_RULES, ids=lambda rule: rule.id)
def test_plausibility_rules_have_a_pass_example_they_really_check(rule) -> None:
    """Silence counts as pass, so at least one pass example must pass because the rule checked it."""
    checked = [run_example(rule, example) for example in rule.examples if example.expect is Verdict.passed]
    assert any(outcome.findings and outcome.ok for outcome in checked)


def test_every_rule_cites_sources_and_explains_itself() -> None:
    for rule in RULESET:
        assert rule.sources and all(source.strip() for source in rule.sources), rule.id
        assert len(rule.rationale) > 40, rule.id
        assert "\n" not in rule.title, rule.id


MISMATCHED = """\
rules:
  - id: demo/calibre
    title: Artillery calibres are tens to a few hundred millimetres
    kind: formula
    severity: error
    rationale: Guns are not metres wide.
    sources: [TM 43-0001-28]
    select:
      calibre: {dimension: length, concept: [shell, artillery]}
    expect: 20 mm <= calibre <= 1000 mm
    examples:
      pass:
        - The howitzer fires 155 mm shells.
      fail:
        - The howitzer fires 155 mm shells.
"""


def test_rules_test_names_each_mismatch_and_exits_1(tmp_path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from factcheck.cli import app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.yaml").write_text(MISMATCHED, encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "test", "--rules", "mine.yaml"])
    assert result.exit_code == 1, result.output
    assert "mine.yaml:15:11: MISMATCH: demo/calibre: expected fail, got pass" in result.output
    assert "mm calibre ≤ 1,000 mm → pass" in result.output  # the arithmetic that explains it
    assert "2 examples in 1 rules: 1 as expected, 1 mismatched" in result.output

    fixed = MISMATCHED.rsplit("The howitzer", 1)[0] + "The howitzer fires 155 cm shells.\n"
    (tmp_path / "mine.yaml").write_text(fixed, encoding="utf-8")
    result = CliRunner().invoke(app, ["rules", "test", "--rules", "mine.yaml"])
    assert result.exit_code == 0, result.output
