"""`--time-limit` bounds every document, a single one included, while it is read and while it is
checked: a document over its limit is an error line, the other documents are still checked, and
the run exits 2 (bad input).

Slowness is simulated (a reader or a check that sleeps), so the tests do not depend on the speed
of the machine; the documents read and checked in this process are the ones the limit covers
here (reading, and a single document or story); the worker pool's own limit is tested in
test_corpus_pool.py.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from factcheck import documents
from factcheck.cli import app
from factcheck.corpus import runner
from factcheck.corpus.limits import Alarm, TimeLimitExceeded, within_time

GOOD = "The council spent £600m on 3,000 homes, up 12% on last year.\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def run(*args: str, stdin: str | None = None) -> Result:
    command, *rest = args
    return CliRunner().invoke(app, [command, *rest, "--no-progress", "--no-cache", "--jobs", "1"],
                              input=stdin, env={"CI": "true"}, catch_exceptions=False)


def slow_to_read(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """Reading any input whose text holds `marker` hangs (as a hostile page could)."""
    original = documents._text_document

    def reading(name: str, data: bytes, kind: str) -> Any:
        if marker.encode() in data:
            time.sleep(60)
        return original(name, data, kind)

    monkeypatch.setattr(documents, "_text_document", reading)


def slow_to_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Checking any document in this process hangs."""
    def checking(state: Any, task: Any) -> Any:
        time.sleep(60)

    monkeypatch.setattr(runner, "work", checking)


def test_a_single_file_over_the_limit_while_checked_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    Path("one.txt").write_text(GOOD, encoding="utf-8")
    slow_to_check(monkeypatch)
    started = time.monotonic()
    result = run("check", "one.txt", "--time-limit", "0.5")
    assert time.monotonic() - started < 30
    assert result.exit_code == 2
    assert "factcheck: one.txt: exceeded the time limit of 0.5 s" in result.stderr


def test_extract_keeps_the_configured_limit_on_a_single_file(monkeypatch: pytest.MonkeyPatch) -> None:
    Path("pyproject.toml").write_text("[tool.factcheck]\ntime-limit = 0.5\n", encoding="utf-8")
    Path("one.txt").write_text(GOOD, encoding="utf-8")
    slow_to_check(monkeypatch)
    result = run("extract", "one.txt")
    assert result.exit_code == 2
    assert "factcheck: one.txt: exceeded the time limit of 0.5 s" in result.stderr


def test_stdin_over_the_limit_while_checked_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    slow_to_check(monkeypatch)
    result = run("check", "-", "--time-limit", "0.5", stdin=GOOD)
    assert result.exit_code == 2
    assert "factcheck: -: exceeded the time limit of 0.5 s" in result.stderr


def test_one_story_over_the_limit_while_checked_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for version in ("a", "b"):
        Path("story", "harbour").mkdir(parents=True, exist_ok=True)
        Path("story", "harbour", f"{version}.txt").write_text(GOOD, encoding="utf-8")
    slow_to_check(monkeypatch)
    result = run("check", "story", "--stories", "--time-limit", "0.5")
    assert result.exit_code == 2
    for version in ("a", "b"):
        assert f"harbour/{version}.txt: exceeded the time limit of 0.5 s" in result.stderr


def test_a_file_over_the_limit_while_read_is_an_error_and_the_run_goes_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    Path("corpus").mkdir()
    Path("corpus", "a.txt").write_text(GOOD, encoding="utf-8")
    Path("corpus", "b.txt").write_text("HANG " + GOOD, encoding="utf-8")
    Path("corpus", "c.txt").write_text(GOOD.replace("£600m", "£700m"), encoding="utf-8")
    slow_to_read(monkeypatch, "HANG")
    result = run("check", "corpus", "--format", "json", "--time-limit", "0.5")
    assert result.exit_code == 2
    assert "factcheck: corpus/b.txt: reading exceeded the time limit of 0.5 s" in result.stderr
    assert "a.txt" in result.stdout and "c.txt" in result.stdout


def test_a_single_file_over_the_limit_while_read_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    Path("one.txt").write_text("HANG " + GOOD, encoding="utf-8")
    slow_to_read(monkeypatch, "HANG")
    result = run("check", "one.txt", "--time-limit", "0.5")
    assert result.exit_code == 2
    assert "factcheck: one.txt: reading exceeded the time limit of 0.5 s" in result.stderr


def test_within_time_interrupts_a_runaway_regular_expression() -> None:
    import re

    exponential = re.compile(r"(?:a|a)*b")
    with pytest.raises(TimeLimitExceeded), within_time(0.2):
        exponential.match("a" * 60)


def test_within_time_lets_work_that_finishes_in_time_through() -> None:
    with within_time(5):
        value = sum(range(1000))
    assert value == 499500
    with within_time(None):
        assert True


def test_an_alarm_bounds_each_piece_of_work_and_puts_the_handler_back() -> None:
    """A corpus's documents are read under one `Alarm`, armed again for each document: the limit
    is each document's, and work between documents (with limits of its own) runs unbounded by it."""
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with Alarm(0.3) as alarm:
        for _ in range(3):  # three pieces of 0.2 s: more than the limit together, each within it
            alarm.arm()
            time.sleep(0.2)
            alarm.disarm()
        time.sleep(0.4)  # between pieces: not bounded
        with within_time(5):  # a limit of its own in between
            pass
        alarm.arm()
        with pytest.raises(TimeLimitExceeded):
            time.sleep(1)
        alarm.disarm()
    assert signal.getsignal(signal.SIGALRM) is before


def test_every_file_read_over_the_limit_is_an_error_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """One time limit, one signal handler, for all of a run's inputs: each file is still bounded."""
    Path("corpus").mkdir()
    Path("corpus", "a.txt").write_text("HANG " + GOOD, encoding="utf-8")
    Path("corpus", "b.txt").write_text(GOOD, encoding="utf-8")
    Path("corpus", "c.txt").write_text("HANG " + GOOD.replace("£600m", "£700m"), encoding="utf-8")
    slow_to_read(monkeypatch, "HANG")
    result = run("check", "corpus", "--format", "json", "--time-limit", "0.5")
    assert result.exit_code == 2
    for name in ("a", "c"):
        assert f"factcheck: corpus/{name}.txt: reading exceeded the time limit of 0.5 s" in result.stderr
    assert "b.txt" in result.stdout
