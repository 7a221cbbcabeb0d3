"""The markdown report an editor reads: problems first, then a short list of passes, each rule's
reasons once, and every figure found.

Fails come first, then uncertain verdicts; each gives its line and paragraph, quotes its sentence
with the figures in bold (only the figures: cue words such as "rose" or "said" stay plain), says
what the rule found and writes out the interval arithmetic with the tolerance that decided it.
Passes follow as one line each. Each rule's rationale and sources come once, after the verdicts,
then the quantities table. Everything quoted from the article goes through `escape`, and the
output depends only on the result (no time, no absolute path, a fixed order), so reports of
unchanged inputs are byte-identical.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from factcheck.extract.schema import records
from factcheck.extract.sentences import split_sentences
from factcheck.intervals import format_interval, format_number
from factcheck.pipeline import DocumentResult
from factcheck.report.escape import code, escape
from factcheck.report.located import Layout, Placed, figure_spans, message, overlapping, place
from factcheck.rules.findings import Finding, Verdict

MAX_QUOTE_CHARS = 600  # longer sentences are cut around their highlighted figures
CONTEXT_CHARS = 40  # article text on each side of a figure in the quantities table

_HEADINGS = {Verdict.fail: "FAIL", Verdict.uncertain: "UNCERTAIN", Verdict.passed: "PASS"}
_TABLE_COLUMNS = ("#", "Figure", "Value", "Interval", "Qualifier", "Unit", "Dimension", "Concept",
                  "In context")


def render_markdown(result: DocumentResult) -> str:
    """The whole report for one document."""
    lines = [f"# Fact-check report: {code(result.doc)}", ""]
    if result.error is not None:
        lines += [f"**Could not be checked:** {escape(result.error)}", ""]
        return "\n".join(lines)
    layout = Layout(result.text)
    placed = place(result.findings, layout)
    counts = {verdict: sum(item.finding.verdict is verdict for item in placed) for verdict in Verdict}
    lines += [
        f"**{counts[Verdict.fail]} fail · {counts[Verdict.uncertain]} uncertain · "
        f"{counts[Verdict.passed]} pass** — {len(result.quantities)} figures found.",
        "",
        "## Verdicts",
        "",
    ]
    if not placed:
        lines += ["No rule applied to the figures in this article.", ""]
    quotes = _Quotes(result.text, figure_spans(result.text, result.quantities, result.findings))
    problems = [item for item in placed if item.finding.verdict is not Verdict.passed]
    passes = [item for item in placed if item.finding.verdict is Verdict.passed]
    for item in problems:
        lines += _finding(item, quotes)
    if passes:
        lines += [f"### Passed ({len(passes)})", ""]
        lines += [f"- Line {item.line}: {escape(item.finding.title or item.finding.rule)} — "
                  f"{escape(item.finding.arithmetic or item.finding.message)}" for item in passes]
        lines.append("")
    lines += _rules(placed)
    lines += _quantities(result.quantities, result.text)
    return "\n".join(lines).rstrip("\n") + "\n"


def _finding(item: Placed, quotes: _Quotes) -> list[str]:
    finding = item.finding
    lines = [
        f"### {item.number}. {_HEADINGS[finding.verdict]}: {escape(finding.title or finding.rule)}",
        "",
        f"Line {item.line} · paragraph {item.paragraph} · rule {code(finding.rule)} · "
        f"severity {finding.severity}",
        "",
    ]
    quote = quotes.quote(finding)
    if quote:
        lines += [f"> {quote}", ""]
    if message(finding):
        lines += [f"Finding: {escape(message(finding))}", ""]
    if finding.arithmetic:
        lines += [f"Arithmetic: {escape(finding.arithmetic)}", ""]
    return lines


def _rules(placed: Sequence[Placed]) -> list[str]:
    """Each rule behind a finding, once: why it holds and where that comes from."""
    seen: dict[str, Finding] = {}
    for item in placed:
        seen.setdefault(item.finding.rule, item.finding)
    if not seen:
        return []
    lines = ["## Rules", ""]
    for rule, finding in sorted(seen.items()):
        lines += [f"### {code(rule)}: {escape(finding.title or rule)}", ""]
        if finding.rationale:
            lines += [f"Why: {escape(finding.rationale)}", ""]
        if finding.sources:
            lines += ["Sources:", ""] + [f"- {escape(source)}" for source in finding.sources] + [""]
    return lines


class _Quotes:
    """Quotes the sentences around a finding's spans (the sentence splitter's sentences), with the
    figures among the spans in bold."""

    def __init__(self, text: str, figures: Sequence[tuple[int, int]]) -> None:
        self.text = text
        sentences = list(split_sentences(text))
        self.starts = [sentence.start for sentence in sentences]
        self.ends = [sentence.end for sentence in sentences]
        self.figures = list(figures)
        self.figure_starts = [start for start, _ in self.figures]

    def around(self, start: int, end: int) -> tuple[int, int]:
        index = max(0, bisect.bisect_right(self.starts, start) - 1)
        if not self.starts:
            return start, end
        last = max(index, bisect.bisect_left(self.starts, end) - 1)
        return min(self.starts[index], start), max(self.ends[last], end)

    def quote(self, finding: Finding) -> str:
        """The sentences holding the finding's spans, escaped, with its figures in bold."""
        spans = sorted((start, end) for start, end in finding.spans if 0 <= start < end <= len(self.text))
        if not spans:
            return escape(finding.sentence)
        groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for span in spans:
            groups.setdefault(self.around(*span), []).append(span)
        return " … ".join(
            _highlight(self.text, bounds, _merge(inner), [s for s in _merge(inner) if self._figure(s)])
            for bounds, inner in sorted(groups.items()))

    def _figure(self, span: tuple[int, int]) -> bool:
        return next(overlapping(self.figures, self.figure_starts, *span), None) is not None


def _merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _highlight(text: str, bounds: tuple[int, int], spans: list[tuple[int, int]],
               bold: list[tuple[int, int]]) -> str:
    """text[bounds] escaped, cut around `spans` when too long, with the `bold` spans in bold."""
    start, end = bounds
    start, end = min(start, spans[0][0]), max(end, spans[-1][1])
    prefix = suffix = ""
    if end - start > MAX_QUOTE_CHARS:
        start, prefix = max(start, spans[0][0] - MAX_QUOTE_CHARS // 3), "… "
        end, suffix = min(end, max(spans[-1][1] + MAX_QUOTE_CHARS // 3, start + MAX_QUOTE_CHARS)), " …"
    pieces, cursor = [], start
    for span_start, span_end in bold:
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"**{escape(text[span_start:span_end]).strip()}**")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    return (prefix + "".join(pieces) + suffix).strip()


def _quantities(table: pd.DataFrame, text: str) -> list[str]:
    lines = ["## Quantities", ""]
    if not len(table):
        return [*lines, "No figures found.", ""]
    rule = ("---:" if name in ("#", "Value") else "---" for name in _TABLE_COLUMNS)
    lines += ["| " + " | ".join(_TABLE_COLUMNS) + " |", "| " + " | ".join(rule) + " |"]
    ordered = sorted(records(table), key=lambda row: (row.start, row.end))  # stable, as sort_values was
    for number, row in enumerate(ordered, start=1):
        cells = [
            str(number),
            escape(str(row.surface)),
            _number(row.value),
            _interval(row.low, row.high),
            escape(_text(row.qualifier)),
            escape(_text(row.unit)),
            escape(_text(row.dimension)),
            escape(_text(row.concept)),
            _context(text, int(row.start), int(row.end)),
        ]
        lines.append("| " + " | ".join(cell or " " for cell in cells) + " |")
    return [*lines, ""]


def _context(text: str, start: int, end: int) -> str:
    if not text or not 0 <= start < end <= len(text):
        return ""
    left, right = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    before, after = text[left:start], text[end:right]
    return (("…" if left else "") + escape(before) + f"**{escape(text[start:end]).strip()}**"
            + escape(after) + ("…" if right < len(text) else ""))


def _present(value: Any) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and math.isnan(value))


def _text(value: Any) -> str:
    return str(value) if _present(value) else ""


def _number(value: Any) -> str:
    return format_number(float(value)) if _present(value) else ""


def _interval(low: Any, high: Any) -> str:
    if not (_present(low) and _present(high)) or float(low) > float(high):
        return ""
    return escape(format_interval(float(low), float(high)))
