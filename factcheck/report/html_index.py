"""The HTML index of a corpus's reports: worst articles first, counts per rule, filters, links.

Articles are sorted by severity (most fails, then most uncertain verdicts, then unreadable ones,
then the rest), so an editor starts at the top. Filters by verdict and by rule need no script:
each is a radio button before `<main>`, and the page's own CSS hides the rows that do not match
the checked ones (`#v-fail:checked ~ main tr:not(.v-fail)`), so the Content-Security-Policy
still allows nothing but that CSS. A corpus of thousands of articles is split into pages of
`PAGE_SIZE` rows (`index.html`, `index.p2.html`, ...) so that no page grows past a few hundred KB.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.report.html import BASE_CSS, LABELS, UNCHECKED, counts_html, page, text, worst
from factcheck.rules.findings import Verdict

PAGE_SIZE = 1000
_VERDICTS = (Verdict.fail, Verdict.uncertain, Verdict.passed)

INDEX_CSS = """
.filters{display:flex;flex-wrap:wrap;gap:.3rem;align-items:center;margin:.4rem 0;
font:.85rem system-ui,sans-serif}
.filters label{border:1px solid #999;border-radius:.8rem;padding:.05rem .6rem;cursor:pointer;background:#fff}
.toggle{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.row-fail td:first-child{border-left:.3rem solid var(--fail-ink)}
.row-uncertain td:first-child{border-left:.3rem solid var(--uncertain-ink)}
.row-pass td:first-child{border-left:.3rem solid var(--pass-ink)}
.rules-cell{font-size:.8rem;color:var(--muted)}
.pages a,.pages strong{margin-right:.5rem}
table.per-rule{width:auto}
table.per-rule td,table.per-rule th{padding-right:1.2rem}
"""


@dataclass(frozen=True)
class IndexArticle:
    """One article's line: its name, its page (relative link; None when it could not be checked),
    the (rule, verdict) of each finding, or why it could not be read."""

    article: str
    page: str | None
    findings: tuple[tuple[str, str], ...] = ()
    error: str | None = None

    def count(self, verdict: str) -> int:
        return sum(found == verdict for _, found in self.findings)

    def severity(self) -> tuple[int, int, int, int, str]:
        return (-self.count(Verdict.fail), -self.count(Verdict.uncertain), self.error is None,
                -self.count(Verdict.passed), self.article)


def page_name(number: int) -> str:
    """`index.html`, then `index.p2.html`, `index.p3.html`, ..."""
    return "index.html" if number == 1 else f"index.p{number}.html"


def render_index_pages(articles: Sequence[IndexArticle], page_size: int = PAGE_SIZE) -> dict[str, str]:
    """File name -> page: the sorted articles, `page_size` to a page."""
    ordered = sorted(articles, key=IndexArticle.severity)
    rules = sorted({rule for article in articles for rule, _ in article.findings})
    numbers = {rule: number for number, rule in enumerate(rules, start=1)}
    css = BASE_CSS + INDEX_CSS + _filter_css(len(rules))
    chunks = [ordered[i:i + page_size] for i in range(0, len(ordered), page_size)] or [[]]
    pages = {}
    for number, chunk in enumerate(chunks, start=1):
        pager = _pager(number, len(chunks))
        body = _summary(articles, rules, numbers) + pager + _table(chunk, numbers) + pager + "</main>\n"
        title = "factcheck reports" + (f" (page {number} of {len(chunks)})" if len(chunks) > 1 else "")
        pages[page_name(number)] = page(title, body, css)
    return pages


def _filter_css(rules: int) -> str:
    """Rows hidden by the checked filters: a verdict, a rule, or both (a verdict of that rule)."""
    lines = []
    options = [f"v-{verdict}" for verdict in (*_VERDICTS, "error")] + [f"r-{n}" for n in range(1, rules + 1)]
    for option in ["v-all", "r-all", *options]:
        lines.append(f"#{option}:checked~main label[for={option}]{{background:#0b4f9c;color:#fff}}")
        lines.append(f"#{option}:focus-visible~main label[for={option}]{{outline:3px solid #0b4f9c}}")
    for option in options:
        lines.append(f"#{option}:checked~main tr.a:not(.{option}){{display:none}}")
    for verdict in _VERDICTS:
        for n in range(1, rules + 1):
            lines.append(f"#v-{verdict}:checked~#r-{n}:checked~main tr.a:not(.{verdict}-r-{n})"
                         "{display:none}")
    return "\n".join(lines) + "\n"


def _summary(articles: Sequence[IndexArticle], rules: list[str], numbers: dict[str, int]) -> str:
    totals = Counter(verdict for article in articles for _, verdict in article.findings)
    errors = sum(article.error is not None for article in articles)
    with_fail = sum(article.count(Verdict.fail) > 0 for article in articles)
    per_rule: dict[str, Counter[str]] = {rule: Counter() for rule in rules}
    for article in articles:
        for rule, verdict in article.findings:
            per_rule[rule][verdict] += 1
    radios = ['<input class="toggle" type="radio" name="v" id="v-all" checked aria-label="Any verdict">']
    radios += [f'<input class="toggle" type="radio" name="v" id="v-{v}" aria-label="{v}">'
               for v in (*_VERDICTS, "error")]
    radios += ['<input class="toggle" type="radio" name="r" id="r-all" checked aria-label="Any rule">']
    radios += [f'<input class="toggle" type="radio" name="r" id="r-{numbers[rule]}" '
               f'aria-label="{text(rule)}">' for rule in rules]
    parts = ["\n".join(radios), "\n<main>\n<header>\n<h1>Fact-check reports</h1>\n",
             f'<p class="ui">{len(articles)} articles: {with_fail} with a fail, '
             f"{errors} could not be checked. "
             f"Findings: {counts_html({v: totals[v] for v in _VERDICTS})}</p>\n</header>\n"]
    rows = "".join(
        f"<tr><td>{text(rule)}</td>" + "".join(f'<td class="n">{per_rule[rule][v]}</td>' for v in _VERDICTS)
        + "</tr>" for rule in sorted(rules, key=lambda r: (-per_rule[r][Verdict.fail],
                                                             -per_rule[r][Verdict.uncertain], r)))
    if rules:
        parts.append('<details open><summary>Findings per rule</summary><table class="per-rule"><thead><tr>'
                     "<th>Rule</th>"
                     + "".join(f'<th class="n">{LABELS[v]}</th>' for v in _VERDICTS)
                     + f"</tr></thead><tbody>{rows}</tbody></table></details>\n")
    verdict_labels = ['<label for="v-all">any verdict</label>'] + [
        f'<label for="v-{v}">{LABELS[v].lower()}</label>' for v in _VERDICTS]
    verdict_labels.append('<label for="v-error">error</label>')
    rule_labels = ['<label for="r-all">any rule</label>'] + [
        f'<label for="r-{numbers[rule]}">{text(rule)}</label>' for rule in rules]
    parts.append('<div class="filters" role="group" aria-label="Show articles with a verdict">Show: '
                 + "".join(verdict_labels) + "</div>\n")
    if rules:
        parts.append('<div class="filters" role="group" aria-label="Show articles with a rule">Rule: '
                     + "".join(rule_labels) + "</div>\n")
    return "".join(parts)


def _pager(number: int, total: int) -> str:
    if total == 1:
        return ""
    links = " ".join(f"<strong>{n}</strong>" if n == number else f'<a href="{page_name(n)}">{n}</a>'
                     for n in range(1, total + 1))
    return f'<nav class="pages ui" aria-label="Pages">Page {links}</nav>\n'


def _table(articles: Sequence[IndexArticle], numbers: dict[str, int]) -> str:
    rows = []
    for article in articles:
        classes = {"a"}
        if article.error is not None:
            classes.add("v-error")
        for rule, verdict in article.findings:
            classes |= {f"v-{verdict}", f"r-{numbers[rule]}", f"{verdict}-r-{numbers[rule]}"}
        verdict = worst(v for _, v in article.findings) if article.error is None else "error"
        name = (f'<a href="{text(article.page)}">{text(article.article)}</a>' if article.page
                else text(article.article))
        if article.error is not None:
            cells = f'<td colspan="4">could not be checked: {text(article.error)}</td>'
        else:
            by_rule = Counter(article.findings)
            listed = ", ".join(f"{text(rule)} {n}× {verdict_}" for (rule, verdict_), n in sorted(
                by_rule.items(), key=lambda item: ([*LABELS].index(item[0][1]), item[0][0])))
            cells = ("".join(f'<td class="n">{article.count(v)}</td>' for v in _VERDICTS)
                     + f'<td class="rules-cell">{listed}</td>')
        label = LABELS.get(verdict, "Error") if verdict != UNCHECKED else "No finding"
        badge = f'<span class="badge {verdict}">{label}</span>' if verdict in _VERDICTS else label
        rows.append(f'<tr class="{" ".join(sorted(classes))} row-{verdict}"><td>{name}</td>'
                    f"<td>{badge}</td>{cells}</tr>")
    head = ("<table><thead><tr><th>Article</th><th>Worst</th>"
            + "".join(f'<th class="n">{LABELS[v]}</th>' for v in _VERDICTS)
            + "<th>Rules</th></tr></thead><tbody>")
    return head + "\n".join(rows) + "</tbody></table>\n"
