"""Findings with file, line and column, the common input of the CI formats (junit, github, sarif, terse).

CI tools point at a file, a line and a column; findings carry character offsets into the decoded
text. For a text or markdown file those are the file's own lines. An HTML page's text is what
trafilatura extracted, and a JSONL record's text sits inside one line of the corpus, so their
documents carry a source map (`Document.source_map`) that says which line of the file each stretch
of text came from; columns are given only where the text is the file's own. A corpus run keeps
only this small record per document (not its text or quantities table), so the CI formats can be
rendered at the end of a run of any size.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.extract.schema import records
from factcheck.extract.sentences import split_sentences
from factcheck.rules.findings import Finding, Severity, Verdict, at_or_above

if TYPE_CHECKING:
    import pandas as pd

UNPLACED = "the line could not be found in the HTML source"


@dataclass(frozen=True)
class LocatedFinding:
    """A finding and where it stands in the file: 1-based lines and columns; `end_column` is the
    column just after its last span. Columns are 0 when unknown (HTML pages, JSONL records);
    `placed` is False when not even the line is known (line 1 is then given)."""

    finding: Finding
    line: int
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    placed: bool = True


@dataclass(frozen=True)
class LocatedResult:
    """One document: the file CI should point at, its findings with lines, or why it failed."""

    doc: str
    path: str
    findings: tuple[LocatedFinding, ...] = ()
    error: str | None = None


def locate(doc: str, findings: Iterable[Finding], text: str | None, error: str | None = None,
           source_map: Sequence[tuple[int, int]] = ()) -> LocatedResult:
    """Attach file lines and columns to `findings`: from `source_map` ((text offset, file line)
    pairs, line 0 where unknown) when the document has one, else from the newlines of `text`."""
    path = doc.partition("#")[0]
    starts = [0]
    if text is not None and not source_map:
        starts += [match.end() for match in re.finditer("\n", text)]
    located = []
    for finding in sorted(findings, key=Finding.sort_key):
        first = min((start for start, _ in finding.spans), default=0)
        last = max(first, max((end for _, end in finding.spans), default=0) - 1)  # its last character
        if source_map:
            line, end_line = _mapped(source_map, first), _mapped(source_map, last)
            located.append(LocatedFinding(finding, line or 1, end_line=end_line or line or 1,
                                          placed=line > 0))
        elif finding.spans and text is not None:
            line, end_line = bisect.bisect_right(starts, first), bisect.bisect_right(starts, last)
            located.append(LocatedFinding(finding, line, first - starts[line - 1] + 1,
                                          end_line, last - starts[end_line - 1] + 2))
        else:
            located.append(LocatedFinding(finding, 1))
    return LocatedResult(doc, path, tuple(located), error)


def _mapped(source_map: Sequence[tuple[int, int]], offset: int) -> int:
    index = bisect.bisect_right(source_map, (offset, float("inf"))) - 1
    return source_map[index][1] if index >= 0 else 0


def described(located: LocatedFinding) -> str:
    """The finding's message with its arithmetic once (some kinds' messages already end with it),
    and a note when its line could not be found in the file."""
    finding = located.finding
    text = finding.message
    if finding.arithmetic and finding.arithmetic not in text:
        text += f" ({finding.arithmetic})"
    return text if located.placed else f"{text} [{UNPLACED}]"


def failing(finding: Finding, fail_on: Severity) -> bool:
    """A fail verdict at or above the `--fail-on` threshold: what makes the run exit 1."""
    return finding.verdict is Verdict.fail and at_or_above(finding.severity, fail_on)


def rules_by_id(ruleset: Any) -> Mapping[str, Any]:
    """The rule set's rules by id (rule metadata for SARIF and annotations)."""
    return {rule.id: rule for rule in getattr(ruleset, "rules", ())}


_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class Placed:
    """A finding with its number on the page, and where it stands (1-based paragraph and line)."""

    number: int
    finding: Finding
    paragraph: int
    line: int


class Layout:
    """Paragraphs (as the sentence splitter numbers them) and lines of a text, to place offsets."""

    def __init__(self, source: str) -> None:
        bounds: dict[int, list[int]] = {}
        for sentence in split_sentences(source):
            span = bounds.setdefault(sentence.paragraph, [sentence.start, sentence.end])
            span[1] = sentence.end
        self.paragraphs = [(bounds[key][0], bounds[key][1]) for key in sorted(bounds)]
        self.starts = [start for start, _ in self.paragraphs]
        self.newlines = [match.start() for match in _NEWLINE.finditer(source)]

    def paragraph(self, offset: int) -> int:
        """1-based paragraph holding `offset` (the one before it when it falls between two)."""
        return max(1, bisect.bisect_right(self.starts, offset))

    def line(self, offset: int) -> int:
        """1-based line holding `offset`."""
        return bisect.bisect_left(self.newlines, offset) + 1


def place(findings: Iterable[Finding], layout: Layout) -> list[Placed]:
    """Findings in report order, numbered, with their paragraph and line (of their first span)."""
    placed = []
    for number, finding in enumerate(sorted(findings, key=Finding.sort_key), start=1):
        first = min((start for start, _ in finding.spans), default=0)
        placed.append(Placed(number, finding, layout.paragraph(first), layout.line(first)))
    return placed


def figure_spans(source: str, quantities: pd.DataFrame, findings: Iterable[Finding]) -> list[tuple[int, int]]:
    """Every figure's span: the quantities table's rows, and findings' spans that hold a digit
    (figures a relation read that the table lacks); cue words ("rose", "said") are not figures."""
    spans = set()
    if len(quantities):
        spans |= {(row.start, row.end) for row in records(quantities)}
    for finding in findings:
        spans |= {(s, e) for s, e in finding.spans if any(char.isdigit() for char in source[s:e])}
    kept: list[tuple[int, int]] = []
    for span in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(source)):
        if not kept or span[0] >= kept[-1][1]:  # of overlapping spans, the first (then longest) one
            kept.append(span)
    return kept


def message(finding: Finding) -> str:
    """What the finding says, unless that only repeats its title and arithmetic (shown anyway)."""
    said = finding.message or finding.title or finding.rule
    repeated = finding.arithmetic and finding.arithmetic.removesuffix(f" → {finding.verdict}") in said
    return "" if repeated else said


def overlapping(spans: Sequence[tuple[int, int]], starts: Sequence[int], start: int,
                end: int) -> Iterator[int]:
    """Indices of the `spans` (sorted, not overlapping; `starts` their starts) that overlap
    [start, end), found by bisection: a long article has thousands of figures."""
    index = max(0, bisect.bisect_right(starts, start) - 1)
    while index < len(spans) and spans[index][0] < end:
        if start < spans[index][1]:
            yield index
        index += 1
