"""The console entry point: exit statuses and output survive its hard exit, and so does the fork server's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.corpus import pool, rulesets
from factcheck.corpus.cache import Cache
from factcheck.corpus.pool import (
    FORKSERVER_ENV,
    PRELOAD_CHECKING,
    PRELOAD_DASK,
    PRELOAD_EXTRACTION,
    SERVER_RULES_ENV,
    prestart,
)
from factcheck.corpus.rulesets import choice_of
from factcheck.rules.selection import RuleChoice


class _Exited(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def _exit_status(monkeypatch: pytest.MonkeyPatch, ending: BaseException | None) -> int:
    """The status `main()` hands `os._exit` when the app ends with `ending` (None: returns)."""
    def app() -> None:
        if ending is not None:
            raise ending

    def hard_exit(code: int) -> None:
        raise _Exited(code)

    monkeypatch.setattr(cli, "_command", lambda: app)
    monkeypatch.setattr(cli.os, "_exit", hard_exit)
    with pytest.raises(_Exited) as exited:
        cli.main()
    return exited.value.code


@pytest.mark.parametrize(("ending", "status"), [
    (None, 0), (SystemExit(None), 0), (SystemExit(0), 0), (SystemExit(1), 1), (SystemExit(2), 2),
])
def test_main_passes_on_the_exit_status(monkeypatch: pytest.MonkeyPatch, ending: BaseException | None,
                                        status: int) -> None:
    assert _exit_status(monkeypatch, ending) == status


def test_main_prints_an_exit_message_with_status_1(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert _exit_status(monkeypatch, SystemExit("cannot go on")) == 1
    assert capsys.readouterr().err == "cannot go on\n"


def test_output_is_complete_through_a_pipe(tmp_path: Path) -> None:
    """Everything a corpus run writes to stdout reaches the reader before the hard exit."""
    (tmp_path / "corpus").mkdir()
    for index in range(40):
        article = f"Sales rose {index + 1}% to {index + 7} million euros.\n"
        (tmp_path / "corpus" / f"{index:02}.txt").write_text(article, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "factcheck", "extract", "corpus", "--format", "jsonl",
                             "--no-cache", "--jobs", "2"], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "CI": "true"})
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 80
    assert result.stderr.startswith("factcheck: 40 documents")


def test_warm_module_keeps_the_exit_status_outside_the_fork_server() -> None:
    """Only the fork server, marked by `prestart`, skips its teardown; any other importer exits as usual."""
    env = {key: value for key, value in os.environ.items() if key != FORKSERVER_ENV}
    result = subprocess.run([sys.executable, "-c", "import factcheck.corpus.warm; raise SystemExit(3)"],
                            env=env, capture_output=True)
    assert result.returncode == 3


def test_fork_server_marker_is_not_left_in_the_environment() -> None:
    prestart(PRELOAD_EXTRACTION, rules="{}")
    assert FORKSERVER_ENV not in os.environ and SERVER_RULES_ENV not in os.environ


@pytest.mark.parametrize(("argv", "preload"), [
    (["extract", "--format", "jsonl", "{corpus}"], PRELOAD_EXTRACTION),
    (["extract", "-j", "2", "{corpus}", "--output", "q.csv", "-f", "csv"], PRELOAD_CHECKING),
    (["extract", "{corpus}"], PRELOAD_CHECKING),  # a table: its workers build pandas tables
    (["check", "{corpus}/a.txt", "{corpus}/b.txt", "--report-dir", "reports"], PRELOAD_CHECKING),
    (["compare", "{corpus}"], PRELOAD_CHECKING),
    (["check", "{corpus}/a.txt", "--report-dir", "{corpus}"], None),  # one article: no workers
    (["check", "--engine", "dask", "{corpus}"], PRELOAD_DASK),  # a local cluster forks from it too
    (["check", "--engine", "dask", "--scheduler", "tcp://192.0.2.1:8786", "{corpus}"], None),  # elsewhere
    (["check", "--no-such-option", "{corpus}"], None),  # typer reports the usage error
    (["extract", "--help", "{corpus}"], None),
    (["rules", "list"], None),
    ([], None),
])
def test_a_corpus_command_line_starts_the_fork_server_before_parsing(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str],
        preload: tuple[str, ...] | None) -> None:
    started: list[tuple[str, ...]] = []
    monkeypatch.setattr(pool, "prestart", lambda preload, rules=None: started.append(preload))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))  # no rules known from earlier runs
    monkeypatch.chdir(tmp_path)  # no [tool.factcheck] above: the engine is the command line's
    cli._prestart_workers([arg.format(corpus=tmp_path) for arg in argv])
    assert started == ([] if preload is None else [preload])


def test_a_check_hands_the_fork_server_its_choice_of_rules(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    """The server compiles the rules the run will apply: options merged with `[tool.factcheck]`."""
    offered: list[str | None] = []
    monkeypatch.setattr(pool, "prestart", lambda preload, rules=None: offered.append(rules))
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nignore = ["food"]\nextend-rules = ["x.yaml"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cli._prestart_workers(["check", str(tmp_path), "--select", "un,arithmetic", "--select", "scale",
                           "--no-cache"])
    cli._prestart_workers(["extract", str(tmp_path)])
    assert [choice_of(text) if text else None for text in offered] == [
        RuleChoice(extend=("x.yaml",), select=("un", "arithmetic", "scale"), ignore=("food",)), None]


def test_a_check_that_may_be_served_from_the_cache_starts_no_server_before_its_first_miss(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Rules of the run's key loaded with its cache before: the run may need no worker at all, and
    a server preloading meanwhile would take a core from it."""
    offered: list[str | None] = []
    monkeypatch.setattr(pool, "prestart", lambda preload, rules=None: offered.append(rules))
    monkeypatch.setattr(rulesets, "_READ", {})
    monkeypatch.setitem(pool._SERVER, "rules", None)  # no server compiles them: the run does, now
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    argv = ["check", str(tmp_path), "--cache-dir", str(tmp_path / "cache")]
    cli._prestart_workers(argv)
    assert len(offered) == 1  # a cache that never held these rules: at once
    rulesets.run_rules(RuleChoice(), Cache(tmp_path / "cache"))  # the run loads them, caching their digest
    cli._prestart_workers(argv)
    cli._prestart_workers([*argv, "--no-cache"])
    assert len(offered) == 2  # not for the run that may be served from the cache


def test_an_engine_configured_in_pyproject_is_honoured(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    started: list[tuple[str, ...]] = []
    monkeypatch.setattr(pool, "prestart", lambda preload, rules=None: started.append(preload))
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nengine = "dask"\nscheduler = "tcp://192.0.2.1:8786"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cli._prestart_workers(["check", str(tmp_path)])  # the configured scheduler alone is not used
    cli._prestart_workers(["check", str(tmp_path), "--engine", "dask"])  # with --engine it is
    assert started == [PRELOAD_DASK]



def test_a_prestarted_server_no_worker_came_from_is_ended(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run served from the cache forks no worker: its prestarted fork server is ended with the
    run rather than left to finish preloading while it holds the caller's output streams."""
    from multiprocessing import forkserver

    killed: list[int] = []
    monkeypatch.setattr(pool.os, "kill", lambda pid, signum: killed.append(pid))
    monkeypatch.setattr(forkserver._forkserver, "_forkserver_pid", 4321)
    monkeypatch.setitem(pool._SERVER, "prestarted", True)
    monkeypatch.setitem(pool._SERVER, "used", False)
    pool.stop_unused_server()
    assert killed == [4321]


@pytest.mark.parametrize(("prestarted", "used"), [(True, True), (False, False)])
def test_a_server_that_served_or_was_never_prestarted_is_left_alone(
        monkeypatch: pytest.MonkeyPatch, prestarted: bool, used: bool) -> None:
    killed: list[int] = []
    monkeypatch.setattr(pool.os, "kill", lambda pid, signum: killed.append(pid))
    monkeypatch.setitem(pool._SERVER, "prestarted", prestarted)
    monkeypatch.setitem(pool._SERVER, "used", used)
    pool.stop_unused_server()
    assert killed == []


def test_the_workers_preload_leaves_dask_out() -> None:
    """pint would import dask's core whenever it is installed; a local run's workers never use it."""
    script = ("import sys\nimport factcheck.corpus.warm, factcheck.corpus.warm_check\n"
              "import factcheck.rules.kinds as kinds\n"
              "for name in kinds.KIND_NAMES:\n    kinds.kind_module(name)\n"
              "print('dask' in sys.modules)\n")
    env = {key: value for key, value in os.environ.items() if key != FORKSERVER_ENV}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert result.stdout.split() == ["False"], result.stderr
