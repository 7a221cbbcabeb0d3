"""The HTML report an editor looks at: the article itself, every figure marked, problems first.

One self-contained page per article: the text, paragraph by paragraph, with every figure in a
`<mark>` coloured by the worst verdict on it (fail, uncertain, pass, unchecked) and each finding
beside its paragraph (paragraph and line number, what the rule found, the arithmetic and the
tolerance that decided it); "check these first" and the counts at the top, each rule's rationale
and sources once at the bottom, the quantities table folded away.

The page loads nothing: CSS is inline and allowed by its hash in a Content-Security-Policy that
forbids everything else (no script at all), and every character of the article goes through
`text` (HTML-escaped, invisible and bidirectional controls dropped), so article text can never
become markup. The bytes depend only on the result, as for the markdown report.
"""

from __future__ import annotations

import base64
import bisect
import functools
import hashlib
import html
import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from factcheck.extract.schema import records
from factcheck.intervals import format_interval, format_number
from factcheck.report.escape import INVISIBLE
from factcheck.report.located import Layout, Placed, figure_spans, message, overlapping, place
from factcheck.rules.findings import Finding, Verdict

if TYPE_CHECKING:  # a run's process writes pages (`page`) of cached results without loading pandas
    import pandas as pd

    from factcheck.pipeline import DocumentResult

UNCHECKED = "unchecked"
LABELS = {Verdict.fail: "Fail", Verdict.uncertain: "Uncertain", Verdict.passed: "Pass",
          UNCHECKED: "Unchecked"}
# Worst first: a figure takes the colour of the worst verdict any finding gave it.
RANK = {Verdict.fail: 0, Verdict.uncertain: 1, Verdict.passed: 2, UNCHECKED: 3}

BASE_CSS = """
:root{--fail:#f6b8b0;--fail-ink:#8a1c10;--uncertain:#ffe08a;--uncertain-ink:#6b4e00;--pass:#bfe6c3;
--pass-ink:#1d5e27;--unchecked:#e4e4e4;--unchecked-ink:#444;--line:#d0d0d0;--muted:#555}
*{box-sizing:border-box}
body{margin:0 auto;max-width:78rem;padding:1rem 1.5rem 3rem;font:16px/1.5 Georgia,'Times New Roman',serif;
color:#1a1a1a;background:#fff}
h1,h2,h3,.ui,table,nav,summary,.badge,.meta,.arith,.card,.doc{font-family:system-ui,-apple-system,
'Segoe UI',Roboto,Helvetica,Arial,sans-serif}
h1{font-size:1.5rem;margin:.2rem 0}
h2{font-size:1.15rem;margin:1.6rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1rem;margin:0 0 .3rem}
.doc{color:var(--muted);font-size:.9rem;word-break:break-all;margin:0}
.badge{display:inline-block;border-radius:.8rem;padding:.05rem .6rem;margin:0 .3rem .3rem 0;font-size:.9rem;
font-weight:600}
.fail.badge,.card.fail .verdict{background:var(--fail);color:var(--fail-ink)}
.uncertain.badge,.card.uncertain .verdict{background:var(--uncertain);color:var(--uncertain-ink)}
.pass.badge,.card.pass .verdict{background:var(--pass);color:var(--pass-ink)}
.unchecked.badge{background:var(--unchecked);color:var(--unchecked-ink)}
mark{border-radius:.2rem;padding:0 .1rem;color:inherit}
mark.fail{background:var(--fail);outline:2px solid var(--fail-ink)}
mark.uncertain{background:var(--uncertain);outline:1px dashed var(--uncertain-ink)}
mark.pass{background:var(--pass)}
mark.unchecked{background:var(--unchecked)}
a{color:#0b4f9c}
a:focus-visible,.card:focus-visible,summary:focus-visible,label:focus-visible{outline:3px solid #0b4f9c;
outline-offset:2px}
a.figure{text-decoration:none;color:inherit}
.first{border:2px solid var(--fail-ink);border-radius:.4rem;padding:.3rem 1rem .6rem;margin:1rem 0}
.first ol{margin:.2rem 0;padding-left:1.4rem}
.first li{margin:.25rem 0}
.para{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.2rem;
border-top:1px solid #eee;padding:.5rem 0}
.para p{margin:.2rem 0;white-space:pre-line}
.pn{font:600 .75rem system-ui,sans-serif;color:var(--muted);display:block}
.card{border-left:.35rem solid var(--line);background:#fafafa;padding:.4rem .7rem;margin:0 0 .6rem;
font-size:.9rem}
.card.fail{border-left-color:var(--fail-ink)}
.card.uncertain{border-left-color:var(--uncertain-ink)}
.card.pass{border-left-color:var(--pass-ink)}
.card p{margin:.2rem 0}
.verdict{font-weight:700;border-radius:.2rem;padding:0 .3rem;margin-right:.3rem}
.meta{color:var(--muted);font-size:.8rem}
.arith{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;background:#fff;
border:1px solid #e5e5e5;padding:.2rem .4rem;overflow-wrap:anywhere}
.passes{font-size:.85rem}
.passes summary{cursor:pointer;color:var(--pass-ink)}
table{border-collapse:collapse;font-size:.85rem;width:100%}
th,td{border-bottom:1px solid #e3e3e3;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.n{text-align:right;white-space:nowrap}
details>summary{cursor:pointer;font-weight:600;margin:.6rem 0}
.rule{margin-bottom:1rem}
.legend{font-size:.85rem;color:var(--muted)}
.legend mark{margin:0 .25rem}
@media (max-width:52rem){.para{grid-template-columns:1fr}}
"""


# A character `text` changes: what HTML escapes, quotes included, and `INVISIBLE`; most text has none.
_CHANGED = re.compile("[&<>\"'" + INVISIBLE.pattern[1:-1] + "]")


def text(value: object) -> str:
    """Any text (article, file name, rule) as inert HTML: escaped, quotes too, with invisible and
    bidirectional control characters dropped (they can hide or reorder what an editor reads)."""
    plain = str(value)
    return plain if _CHANGED.search(plain) is None else _inert(plain)


def _inert(plain: str) -> str:
    return html.escape(INVISIBLE.sub("", plain), quote=True)


def page_parts(title: str, css: str = BASE_CSS) -> tuple[str, str]:
    """The start and end of an HTML document: the CSS inline and allowed by its hash in the
    Content-Security-Policy, which allows nothing else (no script, image, font, frame or fetch)."""
    opening, closing = _page_frame(css)
    return opening + f"<title>{text(title)}</title>\n" + closing, "</body>\n</html>\n"


@functools.lru_cache(maxsize=8)
def _page_frame(css: str) -> tuple[str, str]:
    """What a page's head holds before and after its title: the same for every page of a run
    (hashing the CSS once, not once per report)."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    policy = (f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; script-src 'none'; "
              "base-uri 'none'; form-action 'none'")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"
            "<meta name=\"referrer\" content=\"no-referrer\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            f"<style>{css}</style>\n</head>\n<body>\n")


def page(title: str, body: str, css: str = BASE_CSS) -> str:
    """A whole HTML document around `body` (see `page_parts`)."""
    head, tail = page_parts(title, css)
    return head + body + tail


def anchor(doc: str) -> str:
    """A prefix for the ids of one document's report, so several can share a page."""
    return "d" + hashlib.sha256(doc.encode("utf-8", "surrogatepass")).hexdigest()[:8] + "-"


def worst(verdicts: Iterable[Any]) -> Any:
    """The worst of `verdicts` (fail, uncertain, pass), or unchecked when there are none."""
    return min(verdicts, key=RANK.__getitem__, default=UNCHECKED)


def slug(rule: str) -> str:
    return "".join(char if char.isalnum() else "-" for char in rule)


def counts_html(counts: dict[Any, int]) -> str:
    return "".join(f'<span class="badge {verdict}">{counts[verdict]} {LABELS[verdict].lower()}</span>'
                   for verdict in (Verdict.fail, Verdict.uncertain, Verdict.passed) if verdict in counts)


class _Article:
    """One document's report as an HTML fragment; every id starts with `prefix`."""

    def __init__(self, result: DocumentResult) -> None:
        self.result = result
        self.prefix = anchor(result.doc)
        self.layout = Layout(result.text)
        self.placed = place(result.findings, self.layout)
        spans = figure_spans(result.text, result.quantities, result.findings)
        self.starts = [start for start, _ in spans]
        hits: list[dict[int, Placed]] = [{} for _ in spans]
        self.figures_of: dict[int, list[int]] = {}  # finding number -> indices of its figures
        for item in self.placed:
            found = sorted({index for start, end in item.finding.spans
                            for index in overlapping(spans, self.starts, start, end)})
            self.figures_of[item.number] = found
            for index in found:
                hits[index][item.number] = item
        self.marks = []
        for (start, end), on in zip(spans, hits, strict=True):
            verdict = worst(p.finding.verdict for p in on.values())
            target = min((n for n, p in on.items() if p.finding.verdict == verdict), default=None)
            self.marks.append((start, end, verdict, target))

    def id(self, name: str) -> str:
        return self.prefix + name

    def render(self) -> str:
        result = self.result
        parts = [f'<article class="report" id="{self.id("top")}">\n<header>\n<h1>Fact-check report</h1>\n'
                 f'<p class="doc">{text(result.doc)}</p>\n']
        if result.error is not None:
            parts.append(f"</header>\n<p><strong>Could not be checked:</strong> {text(result.error)}</p>\n"
                         "</article>\n")
            return "".join(parts)
        counts = {verdict: sum(p.finding.verdict is verdict for p in self.placed) for verdict in Verdict}
        figures = {verdict: sum(mark[2] == verdict for mark in self.marks) for verdict in RANK}
        shown = ", ".join(f"{number} {LABELS[verdict].lower()}"
                          for verdict, number in figures.items() if number)
        parts.append(f'<p class="ui">{counts_html(counts)} · {len(self.marks)} figures marked in the text'
                     + (f" ({shown})" if shown else "") + ".</p>\n")
        parts += [self._first(), "</header>\n", self._article(), self._rules(),
                  quantities_html(result.quantities), "</article>\n"]
        return "".join(parts)

    def _first(self) -> str:
        """'Check these first': fails, then uncertain, each a link to its finding."""
        heading = f'<h2 id="{self.id("first")}">Check these first</h2>'
        problems = [p for p in self.placed if p.finding.verdict is not Verdict.passed]
        if not problems:
            return (f'<section class="first" aria-labelledby="{self.id("first")}">{heading}'
                    "<p>Nothing: no rule found a problem in this article.</p></section>\n")
        items = "".join(
            f'<li><a href="#{self.id(f"f{p.number}")}"><span class="badge {p.finding.verdict}">'
            f"{LABELS[p.finding.verdict]}</span>{text(p.finding.title or p.finding.rule)}</a> — "
            f"{self._figures(p.number)}paragraph {p.paragraph}, line {p.line}: "
            f"{text(message(p.finding) or p.finding.arithmetic)}</li>"
            for p in problems)
        return f'<nav class="first" aria-labelledby="{self.id("first")}">{heading}<ol>{items}</ol></nav>\n'

    def _figures(self, number: int) -> str:
        """The figures a finding is about, quoted: '“15 years”, '."""
        source = self.result.text
        quoted = [f"“{text(source[self.marks[i][0]:self.marks[i][1]])}”" for i in self.figures_of[number]]
        return ", ".join(quoted) + " in " if quoted else ""

    def _article(self) -> str:
        source = self.result.text
        parts = [f'<section aria-labelledby="{self.id("article")}"><h2 id="{self.id("article")}">'
                 'The article</h2>\n<p class="legend">Figures are marked by the worst verdict on them: '
                 + " ".join(f'<mark class="{v}">{LABELS[v].lower()}</mark>' for v in RANK)
                 + ". A marked figure links to its finding.</p>\n"]
        by_paragraph: dict[int, list[Placed]] = {}
        for item in self.placed:
            by_paragraph.setdefault(item.paragraph, []).append(item)
        for number, (start, end) in enumerate(self.layout.paragraphs, start=1):
            parts.append(f'<div class="para" id="{self.id(f"p{number}")}"><div><span class="pn">¶{number} · '
                         f"line {self.layout.line(start)}</span><p>{self._text(source, start, end)}</p></div>"
                         f"<div>{self._aside(by_paragraph.get(number, []))}</div></div>\n")
        if not self.layout.paragraphs:
            parts.append("<p>(The article has no text.)</p>\n")
        parts.append("</section>\n")
        return "".join(parts)

    def _text(self, source: str, start: int, end: int) -> str:
        pieces, cursor = [], start
        first, last = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        for m_start, m_end, verdict, target in self.marks[first:last]:
            if m_end > end:
                continue
            pieces.append(text(source[cursor:m_start]))
            label = f"{LABELS[verdict]}: see finding {target}" if target else LABELS[verdict]
            mark = f'<mark class="{verdict}" title="{text(label)}">{text(source[m_start:m_end])}</mark>'
            pieces.append(f'<a class="figure" href="#{self.id(f"f{target}")}">{mark}</a>' if target else mark)
            cursor = m_end
        pieces.append(text(source[cursor:end]))
        return "".join(pieces)

    def _aside(self, items: Sequence[Placed]) -> str:
        """A paragraph's findings: fails and uncertain in full, passes folded into a short list."""
        parts = [self._card(item) for item in items if item.finding.verdict is not Verdict.passed]
        passes = [item for item in items if item.finding.verdict is Verdict.passed]
        if passes:
            lines = "".join(
                f'<li id="{self.id(f"f{item.number}")}">'
                f'<a href="#{self.id("rule-" + slug(item.finding.rule))}">'
                f"{text(item.finding.title or item.finding.rule)}</a> (line {item.line}): "
                f"{text(item.finding.arithmetic or message(item.finding))}</li>" for item in passes)
            parts.append(f'<details class="passes"><summary>{len(passes)} pass{"es" * (len(passes) != 1)}'
                         f"</summary><ul>{lines}</ul></details>")
        return "\n".join(parts)

    def _card(self, item: Placed) -> str:
        finding = item.finding
        verdict = finding.verdict
        rule_link = f'<a href="#{self.id("rule-" + slug(finding.rule))}">{text(finding.rule)}</a>'
        return "\n".join([
            f'<section class="card {verdict}" id="{self.id(f"f{item.number}")}" tabindex="0" '
            f'aria-label="Finding {item.number}: {LABELS[verdict]}">',
            f'<h3><span class="verdict">{LABELS[verdict]}</span>{text(finding.title or finding.rule)}</h3>',
            f'<p class="meta">Finding {item.number} · paragraph {item.paragraph}, line {item.line} · '
            f"{rule_link} · severity {text(finding.severity)}</p>",
            *([f"<p>{text(message(finding))}</p>"] if message(finding) else []),
            *([f'<p class="arith">{text(finding.arithmetic)}</p>'] if finding.arithmetic else []),
            "</section>",
        ])

    def _rules(self) -> str:
        """Each rule that gave a finding, once: title, id, why it holds, where that comes from."""
        seen: dict[str, Finding] = {}
        for item in self.placed:
            seen.setdefault(item.finding.rule, item.finding)
        if not seen:
            return ""
        parts = [f'<section aria-labelledby="{self.id("rules")}"><h2 id="{self.id("rules")}">'
                 "The rules behind these findings</h2>\n"]
        for rule, finding in sorted(seen.items()):
            sources = "".join(f"<li>{text(source)}</li>" for source in finding.sources)
            listed = f'<p class="meta">Sources:</p><ul>{sources}</ul>' if sources else ""
            parts.append(f'<div class="rule" id="{self.id("rule-" + slug(rule))}">'
                         f"<h3>{text(finding.title or rule)}</h3>"
                         f'<p class="meta">{text(rule)} · severity {text(finding.severity)}</p>'
                         f"<p>{text(finding.rationale)}</p>{listed}</div>\n")
        parts.append("</section>\n")
        return "".join(parts)


def render_article(result: DocumentResult) -> str:
    """One document's report as an HTML fragment (an `<article>`), for a page of its own or a page
    of several (`check --format html` on several documents)."""
    return _Article(result).render()


def render_html(result: DocumentResult) -> str:
    """The whole page for one document."""
    return page(f"factcheck: {result.doc}", render_article(result))


_COLUMNS = ("#", "Figure", "Value", "Interval", "Qualifier", "Unit", "Dimension", "Concept")


def quantities_html(table: pd.DataFrame) -> str:
    """Every figure found, in text order, folded away under a summary."""
    if not len(table):
        return "<details><summary>Quantities (none found)</summary></details>\n"
    ordered = sorted(records(table), key=lambda row: (row.start, row.end))  # stable, as sort_values was
    rows = []
    for number, row in enumerate(ordered, start=1):
        low, high = _float(row.low), _float(row.high)
        interval = format_interval(low, high) if low is not None and high is not None and low <= high else ""
        value = _float(row.value)
        cells = [str(number), text(row.surface), format_number(value) if value is not None else "", interval,
                 *(text(_plain(getattr(row, name)))
                   for name in ("qualifier", "unit", "dimension", "concept"))]
        rows.append("<tr>" + "".join(f'<td class="n">{cell}</td>' if i in (0, 2) else f"<td>{cell}</td>"
                                     for i, cell in enumerate(cells)) + "</tr>")
    header = "".join(f"<th>{name}</th>" for name in _COLUMNS)
    return (f"<details><summary>Quantities ({len(rows)} figures)</summary><table><thead><tr>{header}</tr>"
            f"</thead><tbody>{''.join(rows)}</tbody></table></details>\n")


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _plain(value: Any) -> str:
    import pandas as pd

    missing = value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
    return "" if missing else str(value)
