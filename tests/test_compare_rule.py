"""The `cross_source` rule kind: a figure other versions of the story give differently is a finding
on every version that gives it."""

from __future__ import annotations

import dataclasses

import pytest

from factcheck.compare import Version
from factcheck.documents import Document
from factcheck.rules.engine import build_context, evaluate_rule
from factcheck.rules.examples import run_example
from factcheck.rules.findings import Severity, Verdict
from factcheck.rules.kinds import KIND_NAMES, cross_source
from factcheck.rules.loader import parse_rules
from factcheck.rules.model import Context, Position, Rule, RuleError

WIRE = ("Rescue teams evacuated 2,400 residents from the valley on Sunday.\n\n"
        "The regional government promised 15 million euros in emergency aid.\n")
UPDATE = ("Rescue teams evacuated about 2,400 residents from the valley on Sunday.\n\n"
          "The regional government has promised 25 million euros in emergency aid.\n")


def rule(**fields: object) -> Rule:
    origin = Position("test.yaml", 1, 1)
    return Rule(id="cross-source/figure-differs", title="t", kind="cross_source", severity=Severity.warning,
                rationale="r", sources=("s",), examples=(), compiled=cross_source.compile(fields, origin),
                fields=fields, origin=origin)


@pytest.fixture(scope="module")
def contexts() -> dict[str, Context]:
    versions = (("wire.txt", WIRE), ("update.txt", UPDATE))
    return {doc: build_context(Document(doc, text)) for doc, text in versions}


def with_versions(contexts: dict[str, Context], doc: str) -> Context:
    others = tuple(Version(c.doc, c.text, c.quantities) for name, c in contexts.items() if name != doc)
    return dataclasses.replace(contexts[doc], versions=others)


def test_the_kind_is_registered() -> None:
    assert "cross_source" in KIND_NAMES


def test_a_conflicting_figure_fails_on_each_version(contexts: dict[str, Context]) -> None:
    for doc, other, surface in (("wire.txt", "update.txt", "15 million euros"),
                                ("update.txt", "wire.txt", "25 million euros")):
        context = with_versions(contexts, doc)
        fails = [f for f in evaluate_rule(rule(), context) if f.verdict is Verdict.fail]
        assert len(fails) == 1
        (start, end), = fails[0].spans
        assert context.text[start:end] == surface
        assert other in fails[0].message and "cannot" in fails[0].arithmetic


def test_an_agreeing_figure_passes(contexts: dict[str, Context]) -> None:
    findings = evaluate_rule(rule(), with_versions(contexts, "update.txt"))
    passes = [f for f in findings if f.verdict is Verdict.passed]
    assert [f.message.split(":")[0] for f in passes] == ["residents"]


def test_without_other_versions_there_is_nothing_to_say(contexts: dict[str, Context]) -> None:
    assert evaluate_rule(rule(), contexts["wire.txt"]) == []


def test_dimensions_limit_what_is_compared(contexts: dict[str, Context]) -> None:
    findings = evaluate_rule(rule(dimensions=["count"]), with_versions(contexts, "wire.txt"))
    assert [f.verdict for f in findings] == [Verdict.passed]


RULE = """\
rules:
  - id: cross-source/figure-differs
    title: A figure other versions of the story give differently
    kind: cross_source
    severity: warning
    rationale: Two versions of one story cannot both be right about one figure.
    sources: [Newsroom corrections practice]
    dimensions: [currency]
    examples:
      pass:
        - text: The regional government promised 15 million euros in emergency aid.
          versions: [The regional government promised about 15 million euros in emergency aid.]
      fail:
        - text: The regional government has promised 25 million euros in emergency aid.
          versions: [The regional government promised 15 million euros in emergency aid.]
"""


def test_a_yaml_rule_of_this_kind_loads_and_runs(contexts: dict[str, Context]) -> None:
    (loaded,) = parse_rules(RULE, "cross_source.yaml")
    assert loaded.kind == "cross_source" and loaded.compiled == frozenset({"currency"})
    findings = evaluate_rule(loaded, with_versions(contexts, "update.txt"))
    assert [(f.rule, f.verdict) for f in findings] == [("cross-source/figure-differs", Verdict.fail)]
    assert findings[0].rationale.startswith("Two versions")


def test_examples_are_read_against_their_other_versions() -> None:
    (loaded,) = parse_rules(RULE, "cross_source.yaml")
    outcomes = [run_example(loaded, example) for example in loaded.examples]
    assert [(o.example.expect, o.verdict) for o in outcomes] == [(Verdict.passed, Verdict.passed),
                                                                  (Verdict.fail, Verdict.fail)]
    alone = dataclasses.replace(loaded.examples[1], versions=())
    assert run_example(loaded, alone).verdict is Verdict.passed  # nothing to compare it with


def test_versions_must_be_a_list_of_sentences() -> None:
    bad = RULE.replace("versions: [The regional government promised 15", "versions: 7 # [")
    with pytest.raises(RuleError) as caught:
        parse_rules(bad, "cross_source.yaml")
    assert str(caught.value).startswith("cross_source.yaml:15:21: examples.fail[0].versions: expected array")


def test_a_bad_field_is_named_with_its_line() -> None:
    with pytest.raises(RuleError) as caught:
        parse_rules(RULE.replace("dimensions: [currency]", "dimensions: currency"), "cross_source.yaml")
    assert "cross_source.yaml:8" in str(caught.value) and "dimensions" in str(caught.value)
