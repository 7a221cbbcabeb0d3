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


PLAUSIBILITY_PASSES = [pytest.param(rule, example, id=f"{rule.id}:{example.origin.line}")
                       for rule in RULESET if rule.id.startswith(("munitions/", "un/"))
                       for example in rule.examples if example.expect is Verdict.passed]


@pytest.mark.parametrize(("rule", "example"), PLAUSIBILITY_PASSES)
def test_plausibility_pass_examples_are_checked_not_skipped(rule, example) -> None:
    """A pass example of a plausibility rule must pass because the rule checked it, not by silence."""
    outcome = run_example(rule, example)
    assert [finding.verdict for finding in outcome.findings] == [Verdict.passed]


def test_every_rule_cites_sources_and_explains_itself() -> None:
    for rule in RULESET:
        assert rule.sources and all(source.strip() for source in rule.sources), rule.id
        assert len(rule.rationale) > 40, rule.id
        assert "\n" not in rule.title, rule.id
