"""The CI formats as their specifications want them, pointing into the files the user has.

SARIF 2.1.0 (§3.27.9-10: a result whose kind is not `fail` has level `none`; regions are 1-based,
`endColumn` just after the region, columns in the run's `columnKind`), GitHub workflow commands,
JUnit XML and the terse lines of the pre-commit hook; HTML pages and JSONL records are located on
the lines of their own files, and a JSONL record's `published` date is the one date rules use.
The articles are written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app
from factcheck.documents import html_source_map
from factcheck.report.located import UNPLACED, described, locate
from factcheck.report.terse import render_terse
from factcheck.rules.findings import Finding, Severity, Verdict

TEXT = ("Council news\n"
        "The council will spend £4 million on roads this year, up from £3 million last year, a rise of 50%.\n"
        "Of 200 staff, 120 work in the town hall and 90 in the depot.\n")
PAGE = """<!DOCTYPE html>
<html>
<head><title>Council news</title>
<script>var note = "<p>The council spent 9 million.</p>";</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>Council budget for the year</h1>
<p>The council said on Monday that it would spend
&pound;4&nbsp;million on roads this year, up from &pound;3 million
last year, an increase of 50%.</p>
<p>The roads budget is one of the largest items in the council's plans for the year, officials said.</p>
</article>
</body>
</html>
"""
CORPUS = [
    {"id": "first", "text": "Nothing to check in this record."},
    {"id": "dated", "text": "The library, founded in 1990, celebrates its 50th anniversary this week.",
     "published": "2024-03-01"},
    {"id": "undated", "text": "The library, founded in 1990, celebrates its 50th anniversary this week."},
]


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["check", *args, "--no-cache", "--no-progress"], env={"CI": "true"},
                              catch_exceptions=False)


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("news").mkdir()
    Path("news/council budget.txt").write_text(TEXT, encoding="utf-8")
    Path("news/page.html").write_text(PAGE, encoding="utf-8")
    Path("news/wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in CORPUS), encoding="utf-8")
    return tmp_path


def test_sarif_results_follow_the_specification(files: Path) -> None:
    result = run("news", "--format", "sarif")
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    run_ = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    assert results
    for item in results:
        assert item["kind"] in ("fail", "review")  # no pass results
        if item["kind"] != "fail":
            assert item["level"] == "none"
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["message"]["text"].count("→") <= 1  # the arithmetic once
        region = item["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["endLine"] >= region["startLine"]
        if "startColumn" in region and region["endLine"] == region["startLine"]:
            assert region["endColumn"] > region["startColumn"] >= 1
    by_uri = {item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: item for item in results
              if item["ruleId"] == "arithmetic/percent-change"}
    text = by_uri["news/council%20budget.txt"]["locations"][0]["physicalLocation"]["region"]
    line = TEXT.splitlines()[1]
    assert (text["startLine"], text["startColumn"]) == (2, line.index("£4") + 1)
    assert text["endColumn"] == line.index("50%") + len("50%") + 1
    page = by_uri["news/page.html"]["locations"][0]["physicalLocation"]["region"]
    assert (page["startLine"], page["endLine"]) == (11, 12) and "startColumn" not in page


def test_uncertain_results_are_reviews_with_level_none(files: Path) -> None:
    finding = Finding("x/y", Verdict.uncertain, Severity.error, "may not hold", spans=((0, 3),))
    from factcheck.report.sarif import render_sarif

    sarif = json.loads(render_sarif([locate("a.txt", [finding], "abc\n")], {}))
    (item,) = sarif["runs"][0]["results"]
    assert (item["kind"], item["level"]) == ("review", "none")


def test_github_annotations_point_at_columns_on_one_line(files: Path) -> None:
    result = run("news/council budget.txt", "news/page.html", "--format", "github",
                 "--select", "arithmetic/percent-change")
    lines = result.stdout.splitlines()
    line = TEXT.splitlines()[1]
    assert lines[0].startswith(f"::error file=news/council budget.txt,line=2,col={line.index('£4') + 1},"
                               f"endColumn={line.index('50%') + 3},title=arithmetic/percent-change (fail)::")
    assert lines[1].startswith("::error file=news/page.html,line=11,endLine=12,title=")
    assert all(entry.count("→") == 1 for entry in lines)


def test_junit_counts_add_up(files: Path) -> None:
    result = run("news", "--format", "junit")
    root = ET.fromstring(result.stdout)
    suites = root.findall("testsuite")
    for key in ("tests", "failures", "errors"):
        assert int(root.get(key)) == sum(int(suite.get(key)) for suite in suites)
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(case.find("failure") is not None for case in cases)
        for case in cases:
            assert case.get("name") and case.get("classname") == suite.get("name")
            children = [child.tag for child in case]
            assert children in ([], ["failure"], ["system-out"], ["failure", "system-out"], ["error"])


def test_terse_prints_fails_only_one_line_each(files: Path) -> None:
    result = run("news", "--format", "terse")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    line = TEXT.splitlines()[1]
    assert f"news/council budget.txt:2:{line.index('£4') + 1}: error: arithmetic/percent-change: " in lines[0]
    assert any(entry.startswith("news/page.html:11: error: arithmetic/percent-change: ") for entry in lines)
    assert any(entry.startswith("news/wire.jsonl:2: error: arithmetic/date-arithmetic: ") for entry in lines)
    assert all(": pass" not in entry and "uncertain" not in entry for entry in lines)
    unreadable = render_terse([locate("gone.txt", [], None, "no such file or directory")])
    assert unreadable == "gone.txt: error: no such file or directory\n"


def test_jsonl_published_is_the_date_rules_use(files: Path) -> None:
    result = run("news/wire.jsonl", "--format", "json", "--select", "arithmetic/date-arithmetic")
    verdicts = {doc["doc"]: [f["verdict"] for f in doc["findings"]]
                for doc in json.loads(result.stdout)["documents"]}
    # 2024 - 1990 is 34, not 50; without a date the anniversary cannot be checked
    assert verdicts == {"news/wire.jsonl#first": [], "news/wire.jsonl#dated": ["fail"],
                        "news/wire.jsonl#undated": []}


def test_html_text_maps_back_to_page_lines() -> None:
    page = ("<html><body>\n<h1>Title</h1>\n<p>One line\nspread over two.</p>\n<p>A &amp; B</p>\n"
            "</body></html>\n")
    text = "Title\nOne line spread over two.\nA & B"
    mapping = html_source_map(page, text)
    assert mapping == ((0, 2), (6, 3), (15, 4), (32, 5))
    assert html_source_map(page, "Text the page does not have") == ((0, 0),)


def test_a_finding_whose_line_is_unknown_says_so() -> None:
    finding = Finding("x/y", Verdict.fail, Severity.error, "does not hold", spans=((3, 5),))
    located = locate("page.html", [finding], "ab cd", source_map=((0, 0),))
    (item,) = located.findings
    assert item.line == 1 and not item.placed
    assert described(item) == f"does not hold [{UNPLACED}]"
