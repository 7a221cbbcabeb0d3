"""Run each rule's own examples through the real pipeline: the proof that a rule does what it says.

An example expecting `pass` is met when the rule raises no fail and no uncertain finding on it
(silence counts as pass: a near-miss the rule rightly ignores); `fail` and `uncertain` need at
least one finding with that verdict, and `uncertain` also needs no fail. An example that names
figures under `catches` also needs a finding with the expected verdict on each of them, so a
rule that should have spoken cannot pass by staying silent. A rule that crashes on an example
is a mismatch, whatever the example expects.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from factcheck.compare.align import Version
from factcheck.documents import Document
from factcheck.rules.engine import RuleCrashed, build_context, evaluate_rule
from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.model import Example, Rule


@dataclass(frozen=True)
class ExampleOutcome:
    rule: Rule
    example: Example
    verdict: Verdict  # what the rule said: its worst verdict on the example, pass when silent
    findings: tuple[Finding, ...]
    missed: tuple[str, ...] = ()  # figures named under `catches` that no finding with the verdict covers
    crashed: str | None = None  # the error the rule raised, if it did

    @property
    def ok(self) -> bool:
        return self.crashed is None and not self.missed and self.verdict is self.example.expect


def example_verdict(findings: Iterable[Finding]) -> Verdict:
    verdicts = {finding.verdict for finding in findings}
    for verdict in (Verdict.fail, Verdict.uncertain):
        if verdict in verdicts:
            return verdict
    return Verdict.passed


def run_example(rule: Rule, example: Example) -> ExampleOutcome:
    """The rule's verdict on the example, read against the example's other versions (if any)."""
    name = f"{rule.id} example at {example.origin}"
    context = build_context(Document(name, example.text))
    if example.versions:
        others = (build_context(Document(f"{name}, version {number}", text))
                  for number, text in enumerate(example.versions, start=2))
        context = dataclasses.replace(context, versions=tuple(
            Version(other.doc, other.text, other.quantities) for other in others))
    try:
        findings = tuple(evaluate_rule(rule, context))
    except RuleCrashed as exc:
        return ExampleOutcome(rule, example, example.expect, (), example.catches, crashed=str(exc))
    covered = {example.text[start:end] for finding in findings if finding.verdict is example.expect
               for start, end in finding.spans}
    missed = tuple(figure for figure in example.catches if not any(figure in span for span in covered))
    return ExampleOutcome(rule, example, example_verdict(findings), findings, missed)


def run_examples(rules: Iterable[Rule]) -> Iterator[ExampleOutcome]:
    """Every example of every rule, in file order."""
    for rule in rules:
        for example in rule.examples:
            yield run_example(rule, example)
