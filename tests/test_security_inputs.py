"""Hostile articles, rule files and a killed run, through the CLI: FIFOs and links in input
folders, numbers in disguise, HTML that cannot be read, XML-forbidden characters, markdown in ids
and sentences, malformed rules, and workers that outlive their run (see docs/security.md)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
RULES = str(ROOT / "rules" / "un.yaml")
TEXT = "The council met on Monday.\n\nIts budget rose from 200 to 250 million euros, up 25%.\n"


def _run(*args: str, env: dict[str, str] | None = None) -> Result:
    extra = ["--no-progress", "--no-cache"] if args[0] in ("check", "extract") else []
    return CliRunner().invoke(app, [*args, *extra], env={"CI": "true", **(env or {})},
                              catch_exceptions=False)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("corpus").mkdir()
    Path("corpus/a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_a_fifo_in_an_input_folder_is_skipped_not_waited_for(here: Path) -> None:
    os.mkfifo("corpus/pipe.txt")
    result = _run("extract", "corpus", "-f", "jsonl")
    assert result.exit_code == 2
    assert "corpus/pipe.txt: not a regular file" in result.stderr
    assert '"surface": "25%"' in result.stdout


def test_links_out_of_an_input_folder_are_refused(here: Path) -> None:
    Path("secret.txt").write_text("The vault holds 4,000 bars.\n", encoding="utf-8")
    Path("corpus/leak.txt").symlink_to(here / "secret.txt")
    Path("corpus/inside.txt").symlink_to(here / "corpus" / "a.txt")
    result = _run("extract", "corpus", "-f", "jsonl")
    assert result.exit_code == 2
    assert "corpus/leak.txt: a symbolic link out of the input folder" in result.stderr
    assert "4,000" not in result.stdout and '"doc": "corpus/inside.txt"' in result.stdout
    named = _run("extract", "corpus/leak.txt", "-f", "jsonl")  # named on purpose: read
    assert named.exit_code == 0 and "4,000" in named.stdout


def test_numbers_in_disguise_read_as_seen(here: Path) -> None:
    Path("corpus/a.txt").write_text("The town has 3\u200d0\u200d0 houses, and grew \u0661\u0662\u066b\u0665 "
                                    "per cent.\n", encoding="utf-8")
    rows = [json.loads(line) for line in _run("extract", "corpus/a.txt", "-f", "jsonl").stdout.splitlines()]
    assert [(row["value"], row["dimension"]) for row in rows] == [(300.0, "count"), (12.5, "percentage")]


def test_unreadable_html_says_why(here: Path) -> None:
    body = "<p>The budget rose 25% to 300 million euros this year in the city.</p>"
    page = "<html><body>" + "<div>" * 300 + body + "</div>" * 300 + "</body></html>"
    Path("corpus/deep.html").write_text(page, encoding="utf-8")
    entities = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10 if n else "ha"}">' for n in range(8))
    Path("corpus/laughs.html").write_text(f'<?xml version="1.0"?><!DOCTYPE html [{entities}]>'
                                          "<html><body><p></p></body></html>", encoding="utf-8")
    Path("corpus/laughs-in-text.html").write_text(f'<?xml version="1.0"?><!DOCTYPE html [{entities}]>'
                                                  "<html><body><p>Up 5%. &e7;</p></body></html>",
                                                  encoding="utf-8")
    result = _run("extract", "corpus", "-f", "jsonl")
    assert "hahaha" not in result.stdout  # never expanded
    assert "corpus/deep.html: HTML page nests elements 30" in result.stderr
    assert "beyond the parser's limit of 255" in result.stderr
    assert "corpus/laughs.html: HTML page declares entities" in result.stderr


def test_junit_is_well_formed_whatever_the_names(here: Path) -> None:
    record = {"id": "odd\ufffe\uffffname", "text": TEXT}
    Path("c.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = _run("check", "c.jsonl", "--rules", RULES, "--format", "junit")
    assert result.exit_code == 0
    suite = ET.fromstring(result.stdout.encode("utf-8")).find("testsuite")
    assert suite is not None and suite.get("name") == "c.jsonl#oddname"


def test_markdown_from_articles_is_inert_in_the_index_and_the_job_summary(here: Path) -> None:
    hostile = "![x](https://example.com/t.png) [Click to approve](https://example.com) <b>"
    text = ("Members agreed to prolong the mandate of the UN panel monitoring the arms embargo for 20 years. "
            f"{hostile}\n")
    Path("c.jsonl").write_text(json.dumps({"id": "[Click](https://example.com/x)", "text": text}) + "\n",
                               encoding="utf-8")
    assert _run("check", "c.jsonl", "--rules", RULES, "--report-dir", "reports").exit_code == 1
    index = Path("reports/index.md").read_text(encoding="utf-8")
    summary = here / "summary.md"
    result = _run("check", "c.jsonl", "--rules", RULES, "--format", "github",
                  env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    for rendered in (index, summary.read_text(encoding="utf-8")):
        assert not re.search(r"(?<!\\)\]\(https", rendered) and "<b>" not in rendered
        assert "\\[Click\\]" in rendered  # the id, escaped
    assert _run("check", "c.jsonl", "--rules", RULES, "--report-dir", "reports", "--check").exit_code == 0


@pytest.mark.parametrize(("change", "message"), [
    (("id: un/sanctions-panel-mandate-length", 'id: "un/sanctions-panel-mandate-length\\n"'),
     "bad.yaml:5:9: id: rule id"),
    (("title: UN sanctions-panel mandates are renewed about a year at a time",
      'title: "UN sanctions-panel mandates are renewed about a year at a time\\n"'), "bad.yaml:6:12: title"),
    (("renewal_period: 2 to 5 years", "renewal_period: 2 to 5 USD"), ": expect mixes dimensions"),
])
def test_malformed_rules_are_refused_at_load_with_file_and_line(here: Path, change: tuple[str, str],
                                                                 message: str) -> None:
    rule = (ROOT / "rules" / "un.yaml").read_text(encoding="utf-8")
    assert change[0] in rule
    Path("bad.yaml").write_text(rule.replace(change[0], change[1], 1), encoding="utf-8")
    result = _run("check", "corpus", "--rules", "bad.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("factcheck: bad.yaml:") and message in result.stderr


def test_workers_end_when_their_run_is_killed(here: Path) -> None:
    for number in range(40):
        Path(f"corpus/n{number}.txt").write_text(" ".join(f"Item {n} cost {n + number} euros, up {n % 9}%."
                                                          for n in range(400)), encoding="utf-8")
    command = [sys.executable, "-c", "from factcheck.cli import main; main()", "check", "corpus",
               "--no-cache", "--no-progress", "--jobs", "2", "--rules", RULES]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    session = process.pid
    deadline = time.monotonic() + 60
    while len(_in_session(session)) < 4 and time.monotonic() < deadline:  # run, server, two workers
        time.sleep(0.2)
    assert len(_in_session(session)) >= 4
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    killed = time.monotonic()
    while _in_session(session) and time.monotonic() < killed + 10:
        time.sleep(0.1)
    assert not _in_session(session)
    assert time.monotonic() - killed < 3


def _in_session(session: int) -> list[int]:
    """Live (not zombie) processes of a session."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == session and fields[0] != "Z":
                found.append(int(entry.name))
    return found
