"""The `formula` kind and the engine on hand-made quantities tables (no extractor involved)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from factcheck.extract.schema import to_table
from factcheck.rules.engine import RuleCrashed, evaluate, evaluate_rule
from factcheck.rules.findings import Severity, Verdict
from factcheck.rules.loader import parse_rules
from factcheck.rules.model import Context

PACK = """\
rules:
  - id: demo/per-container
    title: Rounds per container
    kind: formula
    severity: error
    rationale: A container holds at most about 600 rounds.
    sources: [ISO 668]
    select:
      rounds: {concept: [round, shell], dimension: count, min: 1000}
      containers: {concept: container, dimension: count}
    within: WITHIN
    constants: {payload: 28 t, round_mass: 45 kg}
    expect: rounds / containers <= payload / round_mass
    examples: {pass: [a], fail: [b]}
  - id: demo/mandate
    title: Mandates last about a year
    kind: formula
    severity: warning
    rationale: Panels are renewed about a year at a time.
    sources: [UNSC resolution 2680 (2023)]
    select:
      term:
        dimension: time
        sentence_has: [mandate, [extend, prolong]]
        sentence_lacks: [every year]
        not_followed_by: [ago]
    expect: term <= 2 years
    examples: {pass: [a], fail: [b]}
"""


@dataclass(frozen=True)
class Fig:
    surface: str
    value: float
    low: float | None = None
    high: float | None = None
    unit: str = ""
    dimension: str = "count"
    concept: str | None = None


def context(text: str, *figures: Fig) -> Context:
    """A context whose table holds `figures`, found in `text` in order (sentences split at '. ')."""
    rows, cursor = [], 0
    sentences = [(m.start(), m.group()) for m in re.finditer(r"[^.\n]+(?:\.|$)", text)]
    for fig in figures:
        start = text.index(fig.surface, cursor)
        cursor = start + len(fig.surface)
        sentence_start, sentence = next((s, t) for s, t in sentences if s <= start < s + len(t))
        rows.append({
            "doc": "t", "start": start, "end": cursor, "surface": fig.surface, "value": fig.value,
            "low": fig.value if fig.low is None else fig.low,
            "high": fig.value if fig.high is None else fig.high,
            "qualifier": "exact", "unit": fig.unit, "dimension": fig.dimension, "concept": fig.concept,
            "sentence": sentence, "sentence_start": sentence_start,
            "paragraph": text.count("\n\n", 0, start),
        })
    return Context("t", text, to_table(rows), ())


def rules(within: str = "sentence"):
    return {rule.id: rule for rule in parse_rules(PACK.replace("WITHIN", within), "pack.yaml")}


SHIPMENT = ("Officials counted about 11,000 containers. They could hold almost three million rounds.",
            Fig("11,000", 11_000, 10_450, 11_550), Fig("three million", 3e6, 2.7e6, 3e6))


def test_a_plausible_shipment_passes_with_its_arithmetic() -> None:
    (finding,) = evaluate_rule(rules("paragraph")["demo/per-container"], context(*SHIPMENT))
    assert finding.verdict is Verdict.passed
    assert finding.arithmetic == ("2.7–3.0 million rounds / 10,450–11,550 containers = 233–288 ≤ "
                                  "28 t payload / 45 kg round mass = 622 → pass")
    text = SHIPMENT[0]
    first, second = text.index("11,000"), text.index("three million")
    assert finding.spans == ((first, first + 6), (second, second + 13))
    assert finding.title == "Rounds per container" and finding.sources == ("ISO 668",)


def test_the_concept_comes_from_the_table_or_else_the_words_after_the_figure() -> None:
    text = "They shipped 400 boxes and 2 million rounds, a total the minister called 1,000 crates."
    table_concept = context(text, Fig("400", 400, concept="containers"), Fig("2 million", 2e6),
                            Fig("1,000", 1000))
    (finding,) = evaluate_rule(rules()["demo/per-container"], table_concept)
    assert finding.verdict is Verdict.fail
    assert finding.details == {"containers": "400", "rounds": "2 million"}


def test_figures_too_far_apart_are_not_paired() -> None:
    text, containers, rounds = SHIPMENT
    def found(within: str, text: str) -> int:
        return len(evaluate_rule(rules(within)["demo/per-container"], context(text, containers, rounds)))

    far = text.replace(". ", ".\n\nUnrelated.\n\nMore.\n\n")
    assert (found("sentence", text), found("paragraph", text)) == (0, 1)
    assert (found("adjacent-paragraphs", far), found("document", far)) == (0, 1)


def test_an_implausible_ratio_fails_and_one_its_intervals_straddle_is_uncertain() -> None:
    text = "Some 1,000 containers carried 650,000 rounds."
    wide = context(text, Fig("1,000", 1000, 500, 1500), Fig("650,000", 650_000, 640_000, 660_000))
    borderline = context(text, Fig("1,000", 1000, 950, 1050), Fig("650,000", 650_000, 550_000, 660_000))
    loose = context(text.replace("650,000", "3,000,000"), Fig("1,000", 1000), Fig("3,000,000", 3e6))
    rule = rules()["demo/per-container"]
    assert [f.verdict for f in evaluate_rule(rule, wide)] == [Verdict.uncertain]
    assert [f.verdict for f in evaluate_rule(rule, borderline)] == [Verdict.uncertain]
    assert [f.verdict for f in evaluate_rule(rule, loose)] == [Verdict.fail]


def test_value_bounds_and_dimensions_filter_candidates() -> None:
    text = "The 12 containers held 500 rounds."
    assert evaluate_rule(rules()["demo/per-container"], context(text, Fig("12", 12), Fig("500", 500))) == []


def test_sentence_words_and_following_words_decide_what_a_duration_is() -> None:
    rule = rules()["demo/mandate"]
    years = {"unit": "year", "dimension": "time"}
    prolonged = context("They voted to prolong the mandate for 15 years.", Fig("15 years", 15, **years))
    ago = context("The mandate was extended 15 years ago.", Fig("15 years", 15, **years))
    elsewhere = context("The bridge was extended over 15 years.", Fig("15 years", 15, **years))
    history = context("The mandate was extended every year for 15 years.", Fig("15 years", 15, **years))
    (finding,) = evaluate_rule(rule, prolonged)
    assert finding.verdict is Verdict.fail and finding.severity is Severity.warning
    assert evaluate_rule(rule, ago) == []
    assert evaluate_rule(rule, elsewhere) == []
    assert evaluate_rule(rule, history) == []


def test_figures_in_units_pint_does_not_know_are_skipped_not_fatal() -> None:
    rule = rules()["demo/mandate"]
    odd = context("They voted to prolong the mandate for 15 blorps.",
                  Fig("15 blorps", 15, unit="blorp", dimension="time"))
    assert evaluate_rule(rule, odd) == []


def test_a_rule_that_crashes_is_an_error_naming_the_rule_not_a_finding() -> None:
    text, containers, rounds = SHIPMENT
    good = context(text, containers, rounds)
    broken = Context("t", text, good.quantities.drop(columns=["concept"]), good.relations)
    with pytest.raises(RuleCrashed, match="rule demo/per-container crashed on this document: "):
        evaluate(list(rules("paragraph").values()), broken)


def test_preceded_by_and_followed_by_require_a_word_next_to_the_figure() -> None:
    pack = PACK.split("  - id: demo/mandate")[0] + """  - id: demo/age
    title: Ages stop at about 123
    kind: formula
    severity: error
    rationale: The oldest documented person lived 122 years.
    sources: [Robine and Allard 1998]
    select:
      age: {unit: year, preceded_by: [aged], followed_by: [when]}
    expect: age <= 123 years
    examples: {pass: [a], fail: [b]}
"""
    (rule,) = [rule for rule in parse_rules(pack.replace("WITHIN", "sentence"), "pack.yaml")
               if rule.id == "demo/age"]
    years = {"unit": "year", "dimension": "time"}
    aged = context("He was aged 140 when he died.", Fig("140", 140, **years))
    lasted = context("The firm lasted 140 when counted.", Fig("140", 140, **years))
    aged_alone = context("He was aged 140.", Fig("140", 140, **years))
    assert [f.verdict for f in evaluate_rule(rule, aged)] == [Verdict.fail]
    assert evaluate_rule(rule, lasted) == [] and evaluate_rule(rule, aged_alone) == []
