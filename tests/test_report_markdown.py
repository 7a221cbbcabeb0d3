"""The markdown and JSON reports: order, arithmetic, escaping of hostile article text, determinism."""

from __future__ import annotations

import json
import re

import pytest

from factcheck.documents import Document
from factcheck.pipeline import DocumentResult, check_document
from factcheck.report.escape import code, escape
from factcheck.report.json import render_json
from factcheck.report.markdown import render_markdown
from factcheck.rules import load_ruleset
from factcheck.rules.findings import Finding, Severity, Verdict

HOSTILE = (
    "<script>alert('x')</script> Officials said 1,000 containers | carried 3,000,000 artillery shells "
    "`rm -rf /` [click](javascript:alert(1)) <img src=x onerror=alert(1)> $5 and $6 *bold* _it_.\n\n"
    "# Not a heading\n\nThe UN Security Council voted to prolong the panel's mandate for 15 years."
)


@pytest.fixture(scope="module")
def hostile_result() -> DocumentResult:
    return check_document(Document("articles/evil|name`.txt", HOSTILE), load_ruleset())


def test_verdicts_come_first_fails_before_uncertain_before_passes() -> None:
    findings = [Finding("r/pass", Verdict.passed, Severity.error, "p", ((50, 52),), title="Passing"),
                Finding("r/unsure", Verdict.uncertain, Severity.error, "u", ((30, 32),), title="Unsure"),
                Finding("r/fail", Verdict.fail, Severity.warning, "f", ((70, 72),), title="Failing")]
    text = "x" * 100
    report = render_markdown(DocumentResult("doc.txt", _no_quantities(), findings, text=text))
    headings = re.findall(r"^### \d+\. (\w+): (\w+)", report, re.MULTILINE)
    assert headings == [("FAIL", "Failing"), ("UNCERTAIN", "Unsure")]  # passes: a short list after them
    assert report.index("## Verdicts") < report.index("### 1.") < report.index("### Passed (1)") \
        < report.index("- Line 1: Passing") < report.index("## Quantities")


def test_a_failing_figure_is_quoted_highlighted_with_arithmetic_rationale_and_sources(hostile_result) -> None:
    report = render_markdown(hostile_result)
    section = report.split("### ")[1]
    assert section.startswith("1. FAIL: Artillery rounds per shipping container")
    assert "**1,000**" in section and "**3,000,000**" in section
    assert "rounds / " in section and "containers = " in section and "→ fail" in section
    assert section.splitlines()[2].startswith("Line 1 · paragraph 1 · rule `munitions/shells-per-container`")
    rules = report.split("## Rules")[1]
    assert "Why: A standard 20-ft ISO container" in rules and "ISO 668" in rules
    assert "15 years" in report and "un/sanctions-panel-mandate-length" in report


def test_hostile_article_text_renders_as_text_only(hostile_result) -> None:
    report = render_markdown(hostile_result)
    assert "<" not in report and ">" not in report.replace("\n> ", "\n").replace("→", "")
    assert "&lt;script&gt;" in report and "&lt;img src=x onerror=alert(1)&gt;" in report
    assert "\\[click\\](javascript:alert(1))" in report
    assert "\\`rm -rf /\\`" in report and "\\$5" in report and "\\*bold\\*" in report
    assert "\n# Not a heading" not in report
    for line in report.splitlines():
        if line.startswith("| "):  # every table row keeps exactly its columns
            assert len(re.findall(r"(?<!\\)\|", line)) == 10, line


def test_the_document_name_cannot_break_out_of_its_code_span(hostile_result) -> None:
    first = render_markdown(hostile_result).splitlines()[0]
    assert first == "# Fact-check report: ``articles/evil|name`.txt``"


def test_reports_are_deterministic_and_hold_no_absolute_path(hostile_result) -> None:
    again = check_document(Document("articles/evil|name`.txt", HOSTILE), load_ruleset())
    assert render_markdown(again) == render_markdown(hostile_result)
    assert render_json([again]) == render_json([hostile_result])
    assert "/work/" not in render_markdown(hostile_result)


def test_json_follows_the_contract(hostile_result) -> None:
    payload = json.loads(render_json([hostile_result, DocumentResult("gone.txt", _no_quantities(),
                                                                     error="cannot read")]))
    assert list(payload) == ["documents"]
    first, second = payload["documents"]
    assert first["doc"] == "articles/evil|name`.txt"
    for finding in first["findings"]:
        assert list(finding) == ["rule", "verdict", "severity", "message", "spans"]
        assert finding["verdict"] in ("pass", "fail", "uncertain")
        assert all(HOSTILE[start:end].strip() for start, end in finding["spans"])
    assert [f["verdict"] for f in first["findings"]][:2] == ["fail", "fail"]
    assert second == {"doc": "gone.txt", "error": "cannot read", "findings": []}


def test_a_document_that_could_not_be_checked_says_so() -> None:
    report = render_markdown(DocumentResult("a.txt", _no_quantities(), error="binary file <b>"))
    assert "**Could not be checked:** binary file &lt;b&gt;" in report


@pytest.mark.parametrize(("raw", "escaped"), [
    ("<script>", "&lt;script&gt;"),
    ("a | b", "a \\| b"),
    ("[x](y)", "\\[x\\](y)"),
    ("# title", "\\# title"),
    ("1. item", "1\\. item"),
    ("line\nbreak", "line break"),
    ("right\u202eleft", "rightleft"),
])
def test_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_code_spans_survive_backticks_and_table_pipes() -> None:
    assert code("a`b") == "``a`b``"
    assert code("a|b", in_table=True) == "`a\\|b`"


def _no_quantities():
    from factcheck.extract.schema import empty_table

    return empty_table()


def test_a_very_long_sentence_is_quoted_around_its_figures_only() -> None:
    text = "word " * 2000 + "exactly 42 of them " + "word " * 2000
    start = text.index("42")
    finding = Finding("r/x", Verdict.fail, Severity.error, "m", ((start, start + 2),), title="T")
    report = render_markdown(DocumentResult("long.txt", _no_quantities(), [finding], text=text))
    quote = next(line for line in report.splitlines() if line.startswith("> "))
    assert "**42**" in quote and quote.startswith("> … ") and quote.endswith(" …")
    assert len(quote) < 1000


def test_the_rendered_report_holds_only_the_report_s_own_elements(hostile_result) -> None:
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(render_markdown(hostile_result))
    tags = set(re.findall(r"</?([a-zA-Z0-9]+)", rendered))
    assert tags <= {"h1", "h2", "h3", "p", "strong", "blockquote", "code", "ul", "li",
                    "table", "thead", "tbody", "tr", "th", "td"}, tags
    assert "href=" not in rendered and "<script" not in rendered and "<img" not in rendered
