"""A run's rules: compiled at once the first time, lazily once rules of the same key loaded before,
always the rules as read at the start of the run, and a broken rule file still stops the run."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.corpus.cache import Cache
from factcheck.corpus.rulesets import LazyRules, loaded, run_rules
from factcheck.rules.loader import RuleSet
from factcheck.rules.selection import RuleChoice, load_chosen

ROOT = Path(__file__).resolve().parents[1]
RULE = (ROOT / "rules" / "un.yaml").read_text(encoding="utf-8")
EDITED = RULE.replace("    title: UN sanctions-panel", "    title: Edited, UN sanctions-panel", 1)
BROKEN = RULE.replace("    kind: formula", "    kind: no-such-kind", 1)


def _choice(tmp_path: Path, text: str = RULE) -> RuleChoice:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return RuleChoice(rules=(str(path),))


def test_rules_loaded_before_are_compiled_only_when_needed(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", secret=b"k" * 32)
    choice = _choice(tmp_path)
    first = run_rules(choice, cache)
    assert isinstance(first, RuleSet)  # loaded (and checked) at once the first time
    second = run_rules(choice, cache)
    assert isinstance(second, LazyRules) and second.digest == first.digest
    assert second._loaded is None  # nothing compiled yet
    assert [rule.id for rule in second] == [rule.id for rule in first]
    assert loaded(second).digest == first.digest
    # Another user's secret, or no cache at all: loaded at once.
    assert isinstance(run_rules(choice, Cache(tmp_path / "cache", secret=b"j" * 32)), RuleSet)
    assert isinstance(run_rules(choice, Cache(None)), RuleSet)


def test_lazy_rules_are_the_rules_read_at_the_start_of_the_run(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", secret=b"k" * 32)
    choice = _choice(tmp_path)
    start = run_rules(choice, cache).digest
    lazy = run_rules(choice, cache)
    _choice(tmp_path, EDITED)  # edited during the run
    assert loaded(lazy).digest == start
    assert load_chosen(choice).digest != start  # a new run reads the edit
    assert run_rules(choice, cache).digest != start


def test_a_broken_rule_file_stops_a_run_with_a_warm_cache(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The council met 3 times in 12 months.\n", encoding="utf-8")
    choice = _choice(tmp_path)
    env = {"CI": "true", "XDG_CACHE_HOME": str(tmp_path / "home")}
    command = ["check", str(tmp_path / "a.txt"), "--rules", choice.rules[0], "--cache-dir",
               str(tmp_path / "cache"), "--no-progress"]
    for _ in range(2):
        assert CliRunner().invoke(app, command, env=env).exit_code == 0
    _choice(tmp_path, BROKEN)
    broken = CliRunner().invoke(app, command, env=env)
    assert broken.exit_code == 2 and "rules.yaml" in broken.stderr
