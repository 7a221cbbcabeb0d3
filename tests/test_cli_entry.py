"""The console entry point: exit statuses and output survive its hard exit, and so does the fork server's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import cli
from factcheck.corpus.pool import FORKSERVER_ENV, PRELOAD_EXTRACTION, prestart


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

    monkeypatch.setattr(cli, "app", app)
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
    prestart(PRELOAD_EXTRACTION)
    assert FORKSERVER_ENV not in os.environ
