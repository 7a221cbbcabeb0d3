"""Loading rule files: valid packs load, every mistake is named with file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.rules import load_ruleset
from factcheck.rules.findings import Severity, Verdict
from factcheck.rules.loader import default_rule_paths, load_rules, parse_rules
from factcheck.rules.model import RuleError

RULE = """\
rules:
  - id: demo/tonnes-per-truck
    title: A truck carries at most 40 t
    kind: formula
    severity: warning
    rationale: Heavy goods vehicles are limited to about 40 t gross in most of Europe.
    sources: [EU Directive 96/53/EC]
    select:
      load: {dimension: mass, concept: [truck, lorry]}
    expect: load <= 40 t
    examples:
      pass: [The 20 t truck crossed the bridge.]
      fail:
        - The 400 t truck crossed the bridge.
        - text: The 45 t lorry crossed the bridge.
          expect: uncertain
"""


def error_of(text: str) -> RuleError:
    with pytest.raises(RuleError) as caught:
        parse_rules(text, "pack.yaml")
    return caught.value


def test_a_valid_rule_loads_with_its_fields_and_examples() -> None:
    (rule,) = parse_rules(RULE, "pack.yaml")
    assert rule.id == "demo/tonnes-per-truck"
    assert rule.severity is Severity.warning
    assert rule.sources == ("EU Directive 96/53/EC",)
    assert [(e.expect, e.origin.line) for e in rule.examples] == [
        (Verdict.passed, 12), (Verdict.fail, 14), (Verdict.uncertain, 15)]
    assert str(rule.origin) == "pack.yaml:2:5"
    assert rule.fields["expect"] == "load <= 40 t"


@pytest.mark.parametrize(("change", "line", "col", "words"), [
    (("severity: warning", "severity: fatal"), 5, 15, "'fatal' is not one of: error, warning, info"),
    (("kind: formula", "kind: magic"), 4, 11, "'magic' is not one of"),
    (("    sources: [EU Directive 96/53/EC]\n", "    sources: [EU Directive 96/53/EC]\n    colour: red\n"),
     8, 5, "unknown key 'colour'"),
    (("{dimension: mass, concept: [truck, lorry]}", "{dimension: mass, concpt: truck}"),
     9, 31, "unknown key 'concpt' (did you mean 'concept'?)"),
    (("    title: A truck carries at most 40 t\n", ""), 2, 5, "missing required key title"),
    (("id: demo/tonnes-per-truck", "id: Demo Tonnes"), 2, 9, "rule id 'Demo Tonnes' must be lowercase"),
    (("load <= 40 t", "load <= 40 zorgs"), 10, 24, "unknown unit 'zorgs'"),
    (("load <= 40 t", "lode <= 40 t"), 10, 13, "unknown name 'lode'"),
    (("sources: [EU Directive 96/53/EC]", "sources: []"), 7, 14, "needs at least 1 item"),
    (("      pass: [The 20 t truck crossed the bridge.]\n", ""), 12, 7, "missing required key pass"),
    (("    title: A truck carries at most 40 t\n", "    title: A truck\n    title: again\n"), 4, 5,
     "duplicate key 'title' (first at line 3)"),
])
def test_mistakes_are_reported_where_they_are(change, line, col, words) -> None:
    old, new = change
    assert old in RULE
    error = error_of(RULE.replace(old, new))
    assert (error.where.line, error.where.col) == (line, col), str(error)
    assert words in error.reason
    assert str(error).startswith(f"pack.yaml:{line}:{col}: ")
    assert "^" in error.excerpt  # the line is quoted with a caret under the column


def test_yaml_syntax_errors_carry_their_position() -> None:
    error = error_of("rules: [\n  - a\n")
    assert error.where.line == 2 and "invalid YAML" in error.reason


@pytest.mark.parametrize("text", ["", "# only a comment\n", "rules: []\n", "rules: {}\n", "- a\n- b\n"])
def test_files_without_a_rules_list_are_refused(text: str) -> None:
    error_of(text)


def test_a_selected_name_the_expression_does_not_use_is_refused() -> None:
    selector = "      load: {dimension: mass, concept: [truck, lorry]}"
    text = RULE.replace(selector, selector + "\n      other: {dimension: mass}")
    error = error_of(text)
    assert "'other' is not used" in error.reason and error.where.line == 10


def test_rule_ids_are_unique_across_files(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(RULE, encoding="utf-8")
    with pytest.raises(RuleError, match="duplicate rule id 'demo/tonnes-per-truck'"):
        load_rules([tmp_path])


def test_digest_depends_on_content_not_on_layout(tmp_path: Path) -> None:
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text(RULE, encoding="utf-8")
    two.write_text("# a comment changes nothing\n" + RULE.replace("[EU Directive 96/53/EC]",
                                                                  "\n      - EU Directive 96/53/EC"),
                   encoding="utf-8")
    assert load_rules([one]).digest == load_rules([two]).digest
    two.write_text(RULE.replace("40 t", "44 t"), encoding="utf-8")
    assert load_rules([one]).digest != load_rules([two]).digest


def test_default_packs_are_the_shipped_packs() -> None:
    names = {path.name for path in default_rule_paths()}
    assert {"munitions.yaml", "un.yaml"} <= names
    ruleset = load_ruleset()
    assert ruleset.get("munitions/shells-per-container") is not None
    assert ruleset.get("un/sanctions-panel-mandate-length") is not None
    assert load_ruleset().digest == ruleset.digest


def test_missing_files_and_empty_folders_are_errors(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="cannot read rule file"):
        load_rules([tmp_path / "missing.yaml"])
    with pytest.raises(RuleError, match=r"no \.yaml rule files"):
        load_rules([tmp_path])


def test_editing_only_examples_keeps_the_digest(tmp_path: Path) -> None:
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text(RULE, encoding="utf-8")
    two.write_text(RULE.replace("The 20 t truck", "The 12 t truck"), encoding="utf-8")
    assert load_rules([one]).digest == load_rules([two]).digest
