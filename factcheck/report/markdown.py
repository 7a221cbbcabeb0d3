"""The markdown report an editor reads: verdicts first, then every figure found.

Fails come first, then uncertain verdicts, then passes; each quotes its sentence with the figures
in bold, writes out the interval arithmetic, and says why the rule holds and where that comes
from. The quantities table follows. Everything quoted from the article goes through `escape`, and
the output depends only on the result (no time, no absolute path, a fixed order), so reports of
unchanged inputs are byte-identical.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import Any

import pandas as pd

from factcheck.intervals import format_interval, format_number
from factcheck.pipeline import DocumentResult
from factcheck.report.escape import code, escape
from factcheck.rules.findings import Finding, Verdict

MAX_QUOTE_CHARS = 600  # longer sentences are cut around their highlighted figures
CONTEXT_CHARS = 40  # article text on each side of a figure in the quantities table

_HEADINGS = {Verdict.fail: "FAIL", Verdict.uncertain: "UNCERTAIN", Verdict.passed: "PASS"}
_TABLE_COLUMNS = ("#", "Figure", "Value", "Interval", "Qualifier", "Unit", "Dimension", "Concept",
                  "In context")


def render_markdown(result: DocumentResult) -> str:
    """The whole report for one document."""
    findings = sorted(result.findings, key=Finding.sort_key)
    lines = [f"# Fact-check report: {code(result.doc)}", ""]
    if result.error is not None:
        lines += [f"**Could not be checked:** {escape(result.error)}", ""]
        return "\n".join(lines)
    counts = {verdict: sum(finding.verdict is verdict for finding in findings) for verdict in Verdict}
    lines += [
        f"**{counts[Verdict.fail]} fail · {counts[Verdict.uncertain]} uncertain · "
        f"{counts[Verdict.passed]} pass** — {len(result.quantities)} figures found.",
        "",
        "## Verdicts",
        "",
    ]
    if not findings:
        lines += ["No rule applied to the figures in this article.", ""]
    sentences = _Sentences(result.text, result.quantities)
    for number, finding in enumerate(findings, start=1):
        lines += _finding(number, finding, sentences)
    lines += _quantities(result.quantities, result.text)
    return "\n".join(lines).rstrip("\n") + "\n"


def _finding(number: int, finding: Finding, sentences: _Sentences) -> list[str]:
    title = finding.title or finding.rule
    lines = [
        f"### {number}. {_HEADINGS[finding.verdict]}: {escape(title)}",
        "",
        f"Rule {code(finding.rule)} · severity {finding.severity}",
        "",
    ]
    quote = sentences.quote(finding)
    if quote:
        lines += [f"> {quote}", ""]
    if finding.arithmetic:
        lines += [f"**Arithmetic:** {escape(finding.arithmetic)}", ""]
    elif finding.message:
        lines += [f"**Finding:** {escape(finding.message)}", ""]
    if finding.rationale:
        lines += [f"**Why:** {escape(finding.rationale)}", ""]
    if finding.sources:
        lines += ["**Sources:**", ""] + [f"- {escape(source)}" for source in finding.sources] + [""]
    return lines


class _Sentences:
    """Finds the sentence around each span, from the quantities table or the text itself."""

    def __init__(self, text: str, quantities: pd.DataFrame) -> None:
        self.text = text
        bounds: dict[int, int] = {}
        if len(quantities) and {"sentence_start", "sentence"} <= set(quantities.columns):
            for start, sentence in zip(quantities["sentence_start"], quantities["sentence"], strict=True):
                if _present(start) and _present(sentence):
                    bounds[int(start)] = max(bounds.get(int(start), 0), int(start) + len(str(sentence)))
        self.starts = sorted(bounds)
        self.ends = [bounds[start] for start in self.starts]

    def around(self, start: int, end: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, start) - 1
        if index >= 0 and self.ends[index] >= end:
            return self.starts[index], self.ends[index]
        return _sentence_bounds(self.text, start, end)

    def quote(self, finding: Finding) -> str:
        """The sentences holding the finding's spans, escaped, with the spans in bold."""
        spans = sorted((start, end) for start, end in finding.spans
                       if 0 <= start < end <= len(self.text))
        if not spans:
            return escape(finding.sentence)
        groups: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for span in spans:
            groups.setdefault(self.around(*span), []).append(span)
        return " … ".join(_highlight(self.text, bounds, _merge(inner))
                          for bounds, inner in sorted(groups.items()))


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) by punctuation and line breaks, for spans outside the table."""
    left = max((text.rfind(mark, 0, start) for mark in (". ", "? ", "! ", "\n")), default=-1)
    left = 0 if left < 0 else left + 1
    stops = [found for mark in (". ", "? ", "! ", "\n") if (found := text.find(mark, end)) >= 0]
    right = min(stops) + 1 if stops else len(text)
    return left, right


def _merge(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _highlight(text: str, bounds: tuple[int, int], spans: list[tuple[int, int]]) -> str:
    start, end = bounds
    start, end = min(start, spans[0][0]), max(end, spans[-1][1])
    prefix = suffix = ""
    if end - start > MAX_QUOTE_CHARS:
        start, prefix = max(start, spans[0][0] - MAX_QUOTE_CHARS // 3), "… "
        end, suffix = min(end, max(spans[-1][1] + MAX_QUOTE_CHARS // 3, start + MAX_QUOTE_CHARS)), " …"
    pieces, cursor = [], start
    for span_start, span_end in spans:
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"**{escape(text[span_start:span_end]).strip()}**")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    return (prefix + "".join(pieces) + suffix).strip()


def _quantities(table: pd.DataFrame, text: str) -> list[str]:
    lines = ["## Quantities", ""]
    if table.empty:
        return [*lines, "No figures found.", ""]
    rule = ("---:" if name in ("#", "Value") else "---" for name in _TABLE_COLUMNS)
    lines += ["| " + " | ".join(_TABLE_COLUMNS) + " |", "| " + " | ".join(rule) + " |"]
    ordered = table.sort_values(["start", "end"], kind="stable")
    for number, row in enumerate(ordered.itertuples(index=False), start=1):
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
