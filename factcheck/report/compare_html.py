"""The HTML comparison page of one story: its versions side by side, aligned figures marked,
conflicts first.

Each version's text stands in its own column, every figure in a `<mark>` coloured by what the
comparison found (conflict, only in one source, agreement) and
numbered, so the same figure can be followed across columns and back to its entry in the lists
above and below. Same safety as the article page: inline CSS allowed by hash, no script, every
character of every version escaped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from factcheck.compare.align import Agreement, AlignedFigure, Comparison, Mention, format_amount
from factcheck.report.html import BASE_CSS, Layout, anchor, page, text

_CLASS = {Agreement.conflict: "fail", Agreement.single_source: "uncertain", Agreement.agree: "pass"}
_NAMES = {Agreement.conflict: ("Conflicts", "conflict", "Versions give figures that cannot both hold."),
          Agreement.single_source: ("Only in one source", "only in one source",
                                    "Only one version gives these figures: where do they come from?"),
          Agreement.agree: ("Agreements", "agreement", "The versions' figures overlap once their wording "
                                                       "and rounding are read as intervals.")}

COMPARE_CSS = """
.versions{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(20rem,1fr);gap:1rem;overflow-x:auto;
padding-bottom:.5rem}
.version{border:1px solid var(--line);border-radius:.3rem;padding:.2rem .8rem;min-width:0}
.version h3{word-break:break-all}
.version p{white-space:pre-line;margin:.4rem 0}
sup.fig{font:600 .7rem system-ui,sans-serif;margin-left:.1rem}
.figure-entry{margin:.4rem 0 .9rem}
.figure-entry ul{margin:.2rem 0;padding-left:1.2rem}
summary>h2{display:inline-block;border:0;margin:1.2rem 0 .4rem}
"""


def figure_title(figure: AlignedFigure) -> str:
    """What the figure counts or measures, and its dimension: 'weapons containers (count)'; without a
    concept, the words around its first mention ('“probably worth several billion dollars” (currency)'),
    never the bare unit name, which says nothing of what the figure is."""
    what = figure.concept or (words_around(figure.mentions[0]) if figure.mentions else "")
    dimension = figure.dimension or "count"
    return f"{what} ({dimension})" if what and what != dimension else what or dimension


def words_around(mention: Mention, before: int = 3, after: int = 3) -> str:
    """The figure with a few words either side of it in its clause, in quotation marks."""
    sentence = mention.sentence
    start, end = mention.start - mention.sentence_start, mention.end - mention.sentence_start
    if not 0 <= start <= end <= len(sentence):
        return f"“{mention.surface}”"
    lead = re.split(r"[,;:()—–]", sentence[:start])[-1].split()[-before:]
    tail = re.split(r"[,;:()—–]|[.!?](?:\s|$)", sentence[end:])[0].split()[:after]
    return "“" + " ".join([*lead, sentence[start:end].strip(), *tail]) + "”"


def render_compare_html(comparison: Comparison, texts: Mapping[str, str]) -> str:
    """The whole page of one story; `texts` holds each version's text by document name."""
    numbered = {id(figure): number for number, figure in enumerate(comparison.figures, start=1)}
    counts = {verdict: comparison.count(verdict) for verdict in Agreement}
    badges = "".join(f'<span class="badge {_CLASS[v]}">{counts[v]} {_NAMES[v][1]}'
                     f"{'s' * (counts[v] != 1 and v is not Agreement.single_source)}</span>"
                     for v in Agreement)
    parts = [f"<main>\n<header>\n<h1>Comparison: {text(comparison.story)}</h1>\n",
             f'<p class="ui">{badges} across {len(comparison.versions)} versions.</p>\n</header>\n']
    conflicts = [f for f in comparison.figures if f.verdict is Agreement.conflict]
    parts.append(_section(Agreement.conflict, conflicts, numbered, "first"))
    parts.append('<section aria-labelledby="versions"><h2 id="versions">The versions side by side</h2>\n'
                 '<p class="legend">Figures are marked by what the comparison found: '
                 '<mark class="fail">conflict</mark> <mark class="uncertain">only in one source</mark> '
                 '<mark class="pass">agreement</mark>; '
                 "the number after a figure is its entry in the lists.</p>\n<div class=\"versions\">\n")
    for doc in comparison.versions:
        parts.append(_version(doc, texts.get(doc, ""), comparison, numbered))
    parts.append("</div>\n</section>\n")
    for verdict in (Agreement.single_source, Agreement.agree):
        figures = [f for f in comparison.figures if f.verdict is verdict]
        style = "" if verdict is Agreement.single_source else "fold"
        parts.append(_section(verdict, figures, numbered, style))
    parts.append("</main>\n")
    return page(f"factcheck comparison: {comparison.story}", "".join(parts), BASE_CSS + COMPARE_CSS)


def _section(verdict: Agreement, figures: list[AlignedFigure], numbered: dict[int, int], style: str) -> str:
    heading, _, explanation = _NAMES[verdict]
    anchor = f"list-{_CLASS[verdict]}"
    entries = "".join(_entry(figure, numbered[id(figure)]) for figure in figures)
    body = f"<p>{explanation}</p>{entries}" if figures else "<p>None.</p>"
    if style == "fold":
        return (f'<section aria-labelledby="{anchor}"><details><summary><h2 id="{anchor}">{heading} '
                f"({len(figures)})</h2></summary>{body}</details></section>\n")
    klass = ' class="first"' if style == "first" and figures else ""
    return f'<section{klass} aria-labelledby="{anchor}"><h2 id="{anchor}">{heading}</h2>{body}</section>\n'


def _entry(figure: AlignedFigure, number: int) -> str:
    mentions = "".join(
        f"<li>{text(m.doc)}: <a href=\"#{_mark_id(m)}\"><mark class=\"{_CLASS[figure.verdict]}\">"
        f"{text(m.surface)}</mark></a> (interval {text(format_amount(m.low, m.high, m.unit))}"
        + (f"; credited to {text(m.attribution)}" if m.attribution else "") + ")</li>"
        for m in figure.mentions)
    conflict = figure.reason and figure.verdict is Agreement.conflict
    reason = f"<p>Why: {text(figure.reason)}.</p>" if conflict else ""
    return (f'<div class="figure-entry card {_CLASS[figure.verdict]}" id="fig-{number}" tabindex="0">'
            f'<h3><span class="verdict">{number}</span>{text(figure_title(figure))}</h3>'
            f"<ul>{mentions}</ul>{reason}</div>")


def _mark_id(mention: Mention) -> str:
    return f"{anchor(mention.doc)}{mention.start}"


def _version(doc: str, source: str, comparison: Comparison, numbered: dict[int, int]) -> str:
    marks = sorted(((m.start, m.end, figure) for figure in comparison.figures for m in figure.mentions
                    if m.doc == doc), key=lambda item: (item[0], -item[1]))
    by_start: dict[int, tuple[int, int, AlignedFigure]] = {}
    for start, end, figure in marks:
        overlaps = any(s < end and start < e for s, e, _ in by_start.values())
        if 0 <= start < end <= len(source) and not overlaps:
            by_start[start] = (start, end, figure)
    parts = [f'<div class="version"><h3>{text(doc)}</h3>']
    for start, end in Layout(source).paragraphs:
        pieces, cursor = [], start
        for m_start in sorted(s for s in by_start if start <= s < end):
            _, m_end, figure = by_start[m_start]
            number = numbered[id(figure)]
            mention = next(m for m in figure.mentions if m.doc == doc and m.start == m_start)
            pieces.append(text(source[cursor:m_start]))
            pieces.append(f'<a class="figure" href="#fig-{number}" id="{_mark_id(mention)}">'
                          f'<mark class="{_CLASS[figure.verdict]}" '
                          f'title="{_NAMES[figure.verdict][1]}">{text(source[m_start:m_end])}</mark>'
                          f'<sup class="fig">{number}</sup></a>')
            cursor = m_end
        pieces.append(text(source[cursor:end]))
        parts.append(f"<p>{''.join(pieces)}</p>")
    parts.append("</div>\n")
    return "".join(parts)
