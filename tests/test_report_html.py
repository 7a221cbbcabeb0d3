"""The HTML reports (article page, corpus index, comparison page), read as markup: inert article
text, a page that loads nothing, figures marked by verdict, problems first, stable bytes."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app
from factcheck.compare import Version, compare_versions
from factcheck.documents import Document
from factcheck.extract.schema import empty_table
from factcheck.pipeline import DocumentResult, check_document
from factcheck.report.compare_html import render_compare_html
from factcheck.report.html import anchor, render_html
from factcheck.report.html_index import IndexArticle, render_index_pages
from factcheck.rules import load_ruleset
from factcheck.rules.findings import Finding, Severity, Verdict

# Every trick an article (a scraped page, a pull request) might hold, around figures the rules judge.
HOSTILE = (
    "<script>alert('x')</script> Officials said 1,000 containers carried 3,000,000 artillery shells "
    "[click](javascript:alert(1)) <img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">link</a>\n\n"
    "# Not a heading\n\n<style>body{display:none}</style> `code` **bold** &amp; &lt;b&gt; \u202eevil\n\n"
    "The UN Security Council voted to prolong the panel's mandate for 15 years.\n"
    "\"><svg onload=alert(3)> ' onmouseover='alert(4)\n"
)
CARS = "Sales rose by 30% from 200 to 250 cars, the firm said.\n"


class _Elements(HTMLParser):
    """Every element and attribute of a page, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def hostile_result() -> DocumentResult:
    return check_document(Document("articles/<evil>\"name'.txt", HOSTILE), load_ruleset())


def test_article_text_never_becomes_markup(hostile_result: DocumentResult) -> None:
    page = render_html(hostile_result)
    parsed = parse(page)
    tags = {tag for tag, _ in parsed.tags}
    assert tags <= {"html", "head", "meta", "title", "style", "body", "article", "header", "h1", "h2", "h3",
                    "p", "span", "nav", "ol", "ul", "li", "a", "section", "div", "mark", "details",
                    "summary", "table", "thead", "tbody", "tr", "th", "td", "strong"}, tags
    assert sum(tag == "style" for tag, _ in parsed.tags) == 1  # the page's own, nothing from the text
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not str(attrs.get("href", "")).lower().startswith("javascript"), attrs
        assert "src" not in attrs
    shown = "".join(parsed.text)
    for piece in ("<script>alert('x')</script>", "<img src=x onerror=alert(1)>",
                  "[click](javascript:alert(1))", "# Not a heading", "<style>body{display:none}</style>",
                  "&amp; &lt;b&gt;",
                  "\"><svg onload=alert(3)>", "articles/<evil>\"name'.txt"):
        assert piece in shown, piece
    assert "\u202e" not in page  # a bidirectional override could reorder what the editor reads


def test_the_page_loads_nothing_and_allows_only_its_own_css(hostile_result: DocumentResult) -> None:
    page = render_html(hostile_result)
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert policy is not None
    directives = dict(part.strip().split(" ", 1) for part in policy.group(1).split(";"))
    assert directives["default-src"] == "'none'" and directives["script-src"] == "'none'"
    assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", directives["style-src"])
    assert "unsafe-inline" not in page and "<script" not in page
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)  # nothing fetched from anywhere
    assert "@import" not in page and "url(" not in page


def test_every_figure_is_marked_by_its_worst_verdict(hostile_result: DocumentResult) -> None:
    parsed = parse(render_html(hostile_result))
    marks = [attrs["class"] for tag, attrs in parsed.tags if tag == "mark" and "title" in attrs]
    assert "fail" in marks and "unchecked" in marks
    assert len(marks) >= len(hostile_result.quantities)
    first = render_html(hostile_result).index("Check these first")
    assert first < render_html(hostile_result).index("The article")


def test_findings_stand_beside_their_paragraph_with_line_arithmetic_and_rule_once() -> None:
    text = "Opening line.\n\n" + CARS
    result = check_document(Document("cars.txt", text), load_ruleset())
    page = render_html(result)
    card = re.search(r'<section class="card fail".*?</section>', page, re.DOTALL)
    assert card is not None
    assert "paragraph 2, line 3" in card.group()
    assert "→ fail" in card.group() and "tolerance" in card.group()
    rule = next(f for f in result.findings if f.verdict is Verdict.fail)
    assert page.count(rule.rationale.replace('"', "&quot;").replace("'", "&#x27;")[:40]) == 1
    assert page.index(f'id="{anchor("cars.txt")}p2"') < page.index(card.group())


def test_the_page_is_byte_identical_across_runs(hostile_result: DocumentResult) -> None:
    again = check_document(Document("articles/<evil>\"name'.txt", HOSTILE), load_ruleset())
    assert render_html(again) == render_html(hostile_result)


def test_a_document_that_could_not_be_checked_says_so() -> None:
    page = render_html(DocumentResult("a.txt", empty_table(), error="binary file <b>"))
    assert "Could not be checked:</strong> binary file &lt;b&gt;" in page


def _article(name: str, *verdicts: tuple[str, str], error: str | None = None) -> IndexArticle:
    return IndexArticle(name, None if error else f"{name}.html", tuple(verdicts), error)


def test_the_index_puts_the_worst_articles_first_and_filters_without_script() -> None:
    articles = [_article("clean"), _article("one-fail", ("a/x", "fail"), ("b/y", "pass")),
                _article("unsure", ("b/y", "uncertain")),
                _article("two-fails", ("a/x", "fail"), ("a/x", "fail")), _article("broken", error="<binary>")]
    page = render_index_pages(articles)["index.html"]
    order = [page.index(f'href="{name}.html"') for name in ("two-fails", "one-fail", "unsure", "clean")]
    assert order == sorted(order)
    assert page.index("could not be checked: &lt;binary&gt;") > order[-2]
    assert "<script" not in page
    assert 'id="v-fail"' in page and 'label for="r-1"' in page
    assert "#v-fail:checked~main tr.a:not(.v-fail){display:none}" in page
    row = re.search(r'<tr class="([^"]+)"><td><a href="one-fail.html"', page)
    assert row is not None and {"v-fail", "v-pass", "fail-r-1", "pass-r-2"} <= set(row.group(1).split())


def test_a_large_corpus_index_is_split_into_pages_of_bounded_size() -> None:
    articles = [_article(f"bbc/{n:04}", ("arithmetic/percent-change", "pass"), ("units/x", "fail"))
                for n in range(2500)]
    pages = render_index_pages(articles, page_size=1000)
    assert list(pages) == ["index.html", "index.p2.html", "index.p3.html"]
    assert all(len(page.encode()) < 2_000_000 for page in pages.values())
    assert '<a href="index.p2.html">2</a>' in pages["index.html"]


def test_the_comparison_page_puts_conflicts_first_and_marks_each_version() -> None:
    first = "The council said 120 homes were built in 2020.\n\nIt spent £4 million on the roads."
    second = "The council said 210 homes were built in 2020.\n\nIt spent £4 million on the roads."
    versions = [Version(doc, text, check_document(Document(doc, text), []).quantities)
                for doc, text in (("a.txt", first), ("b.txt", second))]
    comparison = compare_versions("homes", versions)
    page = render_compare_html(comparison, {"a.txt": first, "b.txt": second})
    assert page.index("<h2 id=\"list-fail\">Conflicts") < page.index("The versions side by side")
    parsed = parse(page)
    marks = [attrs["class"] for tag, attrs in parsed.tags if tag == "mark" and "title" in attrs]
    assert marks.count("fail") == 2 and "pass" in marks
    assert "<script" not in page


def test_verdict_order_and_passes_folded_in_markdown() -> None:
    from factcheck.report.markdown import render_markdown

    findings = [Finding("r/pass", Verdict.passed, Severity.error, "p", ((50, 52),), title="Passing",
                        rationale="Because.", arithmetic="1 + 1 = 2 → pass"),
                Finding("r/pass", Verdict.passed, Severity.error, "p", ((60, 62),), title="Passing",
                        rationale="Because.", arithmetic="2 + 2 = 4 → pass"),
                Finding("r/fail", Verdict.fail, Severity.warning, "f", ((70, 72),), title="Failing")]
    report = render_markdown(DocumentResult("doc.txt", empty_table(), findings, text="x" * 100))
    assert report.count("Why: Because.") == 1  # each rule's rationale once
    assert "- Line 1: Passing — 1 + 1 = 2 → pass" in report
    assert report.index("### 1. FAIL: Failing") < report.index("### Passed (2)") < report.index("## Rules")


def _cli(*args: str) -> Result:
    return CliRunner().invoke(app, [*args, "--no-cache", "--no-progress"])


def test_check_format_html_prints_one_self_contained_page(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CARS, encoding="utf-8")
    (tmp_path / "b.txt").write_text("The <b>plant</b> employs 1,200 people.\n", encoding="utf-8")
    result = _cli("check", str(tmp_path), "--format", "html")
    assert result.exit_code == 1
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.count("<html") == 1 and page.endswith("</html>\n")
    assert page.count('<article class="report"') == 2 and "The &lt;b&gt;plant&lt;/b&gt; employs" in page


def test_report_dir_writes_html_beside_markdown_and_check_covers_it(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "reports"
    corpus.mkdir()
    (corpus / "cars.txt").write_text(CARS, encoding="utf-8")
    assert _cli("check", str(corpus), "--report-dir", str(out)).exit_code == 1
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == \
        ["cars.html", "cars.md", "index.html", "index.md"]
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    assert _cli("check", str(corpus), "--report-dir", str(out)).exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first  # byte-identical across runs
    assert _cli("check", str(corpus), "--report-dir", str(out), "--check").exit_code == 0
    (out / "cars.html").write_text("edited by hand", encoding="utf-8")
    drift = _cli("check", str(corpus), "--report-dir", str(out), "--check")
    assert drift.exit_code == 1 and "changed: cars.html" in drift.stdout


def test_every_format_keeps_the_hedge_the_verdict_depends_on(tmp_path: Path) -> None:
    article = tmp_path / "takings.txt"
    article.write_text("Takings fell by more than £600 to £4,850 from £5,446 last month.\n", encoding="utf-8")
    for fmt in ("json", "junit", "github", "sarif", "md", "html"):
        output = _cli("check", str(article), "--format", fmt).stdout
        assert "more than £600" in output, fmt
    markdown = _cli("check", str(article)).stdout
    assert "uncertain" in markdown and "tolerance 2% of the computed value" in markdown


def test_compare_report_dir_writes_the_html_page_and_headings_name_the_figure(tmp_path: Path) -> None:
    story, out = tmp_path / "stories" / "budget", tmp_path / "out"
    story.mkdir(parents=True)
    # no figure here has a concept, so headings quote the words around the figure
    (story / "a.txt").write_text("Bidders offered several billion dollars, a trustee said.\n")
    (story / "b.txt").write_text("A trustee said bidders could offer 3 billion dollars at auction.\n")
    result = _cli("compare", str(tmp_path / "stories"), "--report-dir", str(out))
    assert result.exit_code in (0, 1), result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == \
        ["budget.compare.html", "budget.compare.md"]
    markdown = (out / "budget.compare.md").read_text(encoding="utf-8")
    assert "dollar (currency)" not in markdown and "### 1. “" in markdown
    page = (out / "budget.compare.html").read_text(encoding="utf-8")
    assert "<script" not in page and 'class="version"' in page
