"""A run's rules: compiled at once the first time, lazily once rules of the same key loaded before,
by the workers' fork server when it was started with them, always the rules as read at the start
of the run, and a broken rule file still stops the run."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.corpus import rulesets
from factcheck.corpus.cache import Cache
from factcheck.corpus.pool import SERVER_RULES_ENV
from factcheck.corpus.rulesets import (
    LazyRules,
    choice_of,
    choice_text,
    loaded,
    read_source,
    run_rules,
    serve,
    worker_rules,
)
from factcheck.rules.loader import RuleSet
from factcheck.rules.model import RuleError
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


def test_a_choice_of_rules_reaches_the_fork_server_as_it_was() -> None:
    choice = RuleChoice(rules=("a.yaml",), extend=("b",), select=("un", "scale/x"), ignore=("food",),
                        severity=(("un", "warning"),))
    assert repr(choice_of(choice_text(choice))) == repr(choice)  # so both compute the same key


def test_workers_take_the_servers_rules_compiled_from_the_runs_bytes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    choice = _choice(tmp_path)
    monkeypatch.setattr(rulesets, "_SERVED", {})
    monkeypatch.setenv(SERVER_RULES_ENV, choice_text(choice))
    serve()  # as the fork server does while it preloads
    assert SERVER_RULES_ENV not in os.environ
    source = read_source(choice)
    assert source is not None
    served = source.for_workers()
    assert served is rulesets._SERVED[source.key] and served.digest == load_chosen(choice).digest
    # A rule file edited between the server's reading and the run's: the run's bytes win.
    _choice(tmp_path, EDITED)
    edited = read_source(choice)
    assert edited is not None and edited.key != source.key
    assert edited.for_workers().digest == load_chosen(choice).digest != served.digest


def test_a_broken_rule_file_the_server_compiled_is_reported_by_the_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    choice = _choice(tmp_path, BROKEN)
    monkeypatch.setattr(rulesets, "_SERVED", {})
    monkeypatch.setenv(SERVER_RULES_ENV, choice_text(choice))
    serve()
    source = read_source(choice)
    assert source is not None
    with pytest.raises(RuleError, match=r"rules\.yaml:"):
        source.for_workers()
    receiver, sender = multiprocessing.Pipe(duplex=False)
    rulesets._tell(sender, source.key)  # what the run is told, asking the server
    status, where, reason, _ = receiver.recv()
    assert status == "error" and where[0].endswith("rules.yaml") and where[1] > 0 and "no-such-kind" in reason


@pytest.mark.parametrize("rule", [BROKEN, RULE.replace("expect: term <=", "expect: term <= (", 1)])
def test_a_broken_rule_file_stops_a_corpus_run_before_any_document(tmp_path: Path, rule: str) -> None:
    """Through the console script, whose fork server compiles the rules: exit 2 with the file and
    line, no report written."""
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text("The council met 3 times in 12 months.\n", encoding="utf-8")
    choice = _choice(tmp_path, rule)
    for cache in (["--no-cache"], ["--cache-dir", str(tmp_path / "cache")]):
        result = subprocess.run(
            [str(Path(sys.executable).with_name("factcheck")), "check", str(tmp_path / "a.txt"),
             str(tmp_path / "b.txt"), "--rules", choice.rules[0], "--report-dir", str(tmp_path / "reports"),
             "--no-progress", *cache], capture_output=True, text=True, env={**os.environ, "CI": "true"})
        assert result.returncode == 2
        assert re.match(r"factcheck: .*rules\.yaml:\d+:\d+: ", result.stderr), result.stderr
        assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize("warm", [False, True])
def test_the_runs_own_process_loads_neither_pandas_nor_pint_nor_rule_files(tmp_path: Path,
                                                                         warm: bool) -> None:
    """Its workers' fork server compiles the rules and the workers check the documents; the run
    reads, writes and prints JSON, so it loads none of what checking needs (it would only take a
    core from the workers). Nor does a run served from the cache, whose rules are known by digest."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text("The council met 3 times in 12 months.\n", encoding="utf-8")
    cache = ["--cache-dir", str(tmp_path / "cache")] if warm else ["--no-cache"]
    script = ("import sys\nfrom factcheck import cli\n"
              "def end(code):\n"
              "    heavy = ('pandas', 'pint', 'yaml', 'factcheck.pipeline')\n"
              "    loaded = [module for module in heavy if module in sys.modules]\n"
              "    sys.stderr.write(f'loaded: {loaded}\\n')\n"
              "    raise SystemExit(code)\n"
              "cli.os._exit = end\n"
              f"sys.argv = ['factcheck', 'check', {str(corpus)!r}, *{cache!r}, '--format', 'json']\n"
              "cli.main()\n")
    for _ in range(2 if warm else 1):
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                env={**os.environ, "CI": "true"})
    assert result.returncode == 0, result.stderr
    assert "loaded: []" in result.stderr and "3 documents" in result.stderr
    assert ("(3 cached" in result.stderr) is warm


def test_workers_get_the_rules_their_server_compiled_else_the_rules_compiled_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache(tmp_path / "cache", secret=b"k" * 32)
    choice = _choice(tmp_path)
    first = run_rules(choice, cache)
    lazy = run_rules(choice, cache)
    assert isinstance(lazy, LazyRules)
    started: list[str | None] = []
    monkeypatch.setattr(rulesets.pool, "prestart", lambda preload, rules=None: started.append(rules))
    monkeypatch.setattr(rulesets, "served_rules", lambda: started[-1] if started else None)
    # A run served from the cache until now: its server starts at the first miss, with its rules.
    assert worker_rules(lazy, ("factcheck.corpus.warm",)) is lazy.source
    assert [choice_of(text) for text in started if text] == [choice]
    assert lazy._loaded is None  # compiled by the server, not here
    # Workers elsewhere (Dask), or rules this process compiled: the compiled rules, pickled.
    for rules, preload in ((lazy, None), (first, ("factcheck.corpus.warm",))):
        sent = worker_rules(rules, preload)
        assert isinstance(sent, bytes) and pickle.loads(sent).digest == first.digest


def test_a_server_whose_compiler_fails_leaves_the_rules_to_the_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a broken rule file but a failure of the compiler: the server stays up and serves nothing,
    so the run compiles the rules itself and reports what happens there."""
    choice = _choice(tmp_path)
    monkeypatch.setattr(rulesets, "_SERVED", {})
    monkeypatch.setenv(SERVER_RULES_ENV, choice_text(choice))

    def fail(self: object) -> None:
        raise MemoryError

    monkeypatch.setattr(rulesets.RuleSource, "compile", fail)
    serve()
    assert rulesets._SERVED == {}


def test_a_run_reading_while_its_server_answers_reports_as_any_run(tmp_path: Path) -> None:
    """Through the console script: the run reads its documents while the fork server compiles the
    rules, yet reports nothing before the server's answer (a broken rule file: the rule's error
    alone), and then exactly what a run whose rules were known at its start reports."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a", "c", "d"):
        (corpus / f"{name}.txt").write_text(f"The council met {len(name) + 2} times in 12 months.\n",
                                            encoding="utf-8")
    (corpus / "b.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 40)

    def run(rule: str, *options: str) -> subprocess.CompletedProcess[str]:
        choice = _choice(tmp_path, rule)
        return subprocess.run(
            [str(Path(sys.executable).with_name("factcheck")), "check", str(corpus), "--rules",
             choice.rules[0], "--format", "json", "--no-progress", *options],
            capture_output=True, text=True, env={**os.environ, "CI": "true"})

    broken = run(BROKEN, "--no-cache")
    assert broken.returncode == 2 and broken.stdout == ""
    assert re.fullmatch(r"factcheck: .*rules\.yaml:\d+:\d+: .*\n", broken.stderr, re.DOTALL)
    assert "b.txt" not in broken.stderr
    cache = ["--cache-dir", str(tmp_path / "cache")]
    runs = [run(RULE, "--no-cache"), run(RULE, *cache), run(RULE, *cache)]  # the last: rules known
    assert [result.returncode for result in runs] == [2, 2, 2]  # b.txt is no text
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert json.loads(runs[0].stdout)  # not empty
    assert [result.stderr.count("b.txt") for result in runs] == [1, 1, 1]
