"""Choosing rules as linters do: --rules replaces the shipped packs, --extend-rules adds to them,
--select / --ignore keep or drop rule ids and packs, [tool.factcheck] severity overrides; the same
choice for `check`, `rules list`, `rules show` and `rules test`, from options or configuration."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app
from factcheck.rules.loader import default_rule_paths, load_rules
from factcheck.rules.model import RuleError
from factcheck.rules.selection import RuleChoice, load_chosen, names, packs

MINE = """\
rules:
  - id: newsroom/bridge-span
    title: Road bridges span less than 3 km between supports
    kind: formula
    severity: warning
    rationale: >
      The longest suspension spans in the world are about 2 km; a span between two supports
      given as tens of kilometres is the bridge's whole length, not its span.
    sources:
      - "A structural engineering handbook, chapter on suspension bridges"
    select:
      span:
        dimension: length
        sentence_has: [span]
    within: sentence
    constants:
      longest: 3 km
    expect: span <= longest
    examples:
      pass:
        - The new bridge has a main span of 1.2 km.
      fail:
        - The new bridge has a main span of 40 km.
"""
ARTICLE = "The new bridge has a main span of 40 km. Sales rose from 200 to 250, a rise of 40%.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env={"CI": "true"}, catch_exceptions=False)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("mine.yaml").write_text(MINE, encoding="utf-8")
    Path("article.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def listed(result: Result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [line.split()[0] for line in result.stdout.splitlines()]


def shipped_ids() -> list[str]:
    return [rule.id for rule in load_rules(default_rule_paths())]


def test_selectors_name_a_rule_or_any_of_its_packs() -> None:
    assert names("arithmetic", "arithmetic/per-unit") and names("arithmetic/per-unit", "arithmetic/per-unit")
    assert not names("arith", "arithmetic/per-unit") and not names("arithmetic/per", "arithmetic/per-unit")
    assert packs(["a/b/c", "a/d", "e/f"]) == ["a", "a/b", "e"]


def test_rules_replace_and_extend_rules_add(workdir: Path) -> None:
    assert listed(run("rules", "list", "--rules", "mine.yaml")) == ["newsroom/bridge-span"]
    extended = listed(run("rules", "list", "--extend-rules", "mine.yaml"))
    assert extended == [*shipped_ids(), "newsroom/bridge-span"]
    assert listed(run("rules", "list")) == shipped_ids()


def test_select_and_ignore_by_id_or_pack(workdir: Path) -> None:
    arithmetic = [rule_id for rule_id in shipped_ids() if rule_id.startswith("arithmetic/")]
    assert listed(run("rules", "list", "--select", "arithmetic")) == arithmetic
    assert listed(run("rules", "list", "--select", "arithmetic", "--ignore", "arithmetic/per-unit")) == [
        rule_id for rule_id in arithmetic if rule_id != "arithmetic/per-unit"]
    assert listed(run("rules", "list", "--select", "un,munitions/artillery-calibre")) == [
        "munitions/artillery-calibre", "un/sanctions-panel-mandate-length"]
    # ignore wins over select
    assert listed(run("rules", "list", "--select", "un", "--ignore", "un")) == []


def test_a_selector_that_names_no_rule_is_a_usage_error(workdir: Path) -> None:
    result = run("rules", "list", "--select", "arithmetc")
    assert result.exit_code == 2
    assert "select: no rule or pack 'arithmetc'" in result.stderr and "arithmetic" in result.stderr
    assert run("check", "article.txt", "--ignore", "nope", "--no-cache").exit_code == 2


def test_check_applies_the_choice(workdir: Path) -> None:
    both = run("check", "article.txt", "--extend-rules", "mine.yaml", "--format", "terse", "--no-cache",
               "--fail-on", "warning")
    assert both.exit_code == 1
    rules = sorted(line.split(": ")[2] for line in both.stdout.splitlines())
    assert rules == ["arithmetic/percent-change", "newsroom/bridge-span"]
    only_mine = run("check", "article.txt", "--rules", "mine.yaml", "--format", "terse", "--no-cache",
                    "--fail-on", "warning")
    assert [line.split(": ")[2] for line in only_mine.stdout.splitlines()] == ["newsroom/bridge-span"]
    # the bridge rule is a warning: under the default --fail-on error it does not fail the run
    assert run("check", "article.txt", "--rules", "mine.yaml", "--no-cache").exit_code == 0
    ignored = run("check", "article.txt", "--ignore", "arithmetic", "--format", "terse", "--no-cache")
    assert ignored.exit_code == 0 and ignored.stdout == ""


def test_configuration_is_honoured_by_every_rules_command(workdir: Path) -> None:
    Path("pyproject.toml").write_text(
        '[tool.factcheck]\nextend-rules = "mine.yaml"\nselect = ["newsroom", "un"]\n'
        '[tool.factcheck.severity]\nnewsroom = "info"\n"newsroom/bridge-span" = "error"\n', encoding="utf-8")
    result = run("rules", "list")
    assert listed(result) == ["un/sanctions-panel-mandate-length", "newsroom/bridge-span"]
    severities = {line.split()[0]: line.split()[2] for line in result.stdout.splitlines()}
    assert severities["newsroom/bridge-span"] == "error"  # the id's entry beats its pack's
    tested = run("rules", "test")
    assert tested.exit_code == 0, tested.output
    assert "examples in 2 rules" in tested.stdout
    assert "severity: error" in run("rules", "show", "newsroom/bridge-span").stdout
    assert run("rules", "show", "arithmetic/per-unit").exit_code == 2  # not selected
    checked = run("check", "article.txt", "--format", "terse", "--no-cache")
    assert checked.exit_code == 1 and "article.txt:1:35: error: newsroom/bridge-span:" in checked.stdout
    # options win: --select replaces the configured selection, --rules the configured rules
    assert listed(run("rules", "list", "--select", "arithmetic/per-unit")) == ["arithmetic/per-unit"]
    with_rules = run("rules", "list", "--rules", "mine.yaml", "--select", "newsroom")
    assert listed(with_rules) == ["newsroom/bridge-span"]


def test_configured_rules_replace_the_shipped_packs(workdir: Path) -> None:
    Path("pyproject.toml").write_text('[tool.factcheck]\nrules = ["mine.yaml"]\n', encoding="utf-8")
    assert listed(run("rules", "list")) == ["newsroom/bridge-span"]
    assert listed(run("rules", "list", "--extend-rules", str(default_rule_paths()[0]))) == [
        "newsroom/bridge-span", *[i for i in shipped_ids() if i.startswith("arithmetic/")]]


def test_bad_configuration_values_name_the_key(workdir: Path) -> None:
    Path("pyproject.toml").write_text('[tool.factcheck]\nseverity = { un = "fatal" }\n', encoding="utf-8")
    result = run("rules", "list")
    assert result.exit_code == 2 and "pyproject.toml:2: severity must be" in result.stderr


def test_load_chosen_overrides_severity_and_digest_follows() -> None:
    plain = load_chosen(RuleChoice())
    lowered = load_chosen(RuleChoice(severity=(("munitions", "info"),)))
    assert {str(rule.severity) for rule in lowered if rule.id.startswith("munitions/")} == {"info"}
    assert plain.digest != lowered.digest
    assert load_chosen(RuleChoice(select=("un",))).digest != plain.digest
    with pytest.raises(RuleError, match="severity: no rule or pack 'nothing'"):
        load_chosen(RuleChoice(severity=(("nothing", "info"),)))
