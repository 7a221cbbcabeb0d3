"""Findings with file and line, the common input of the CI formats (junit, github, sarif).

CI tools point at a file and a line; findings carry character offsets into the decoded text.
A corpus run keeps only this small record per document (not its text or quantities table), so
the CI formats can be rendered at the end of a run of any size.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.rules.findings import Finding, Severity, Verdict, at_or_above


@dataclass(frozen=True)
class LocatedFinding:
    finding: Finding
    line: int  # 1-based line of the finding's first span in the document text; 1 when unknown


@dataclass(frozen=True)
class LocatedResult:
    """One document: the file CI should point at, its findings with lines, or why it failed."""

    doc: str
    path: str
    findings: tuple[LocatedFinding, ...] = ()
    error: str | None = None


def locate(doc: str, findings: Iterable[Finding], text: str | None,
           error: str | None = None) -> LocatedResult:
    """Attach line numbers (from `text`) to `findings`; a JSONL record points at its corpus file."""
    path = doc.partition("#")[0]
    starts = [0]
    if text is not None and "#" not in doc:
        starts += [match.end() for match in re.finditer("\n", text)]
    located = []
    for finding in sorted(findings, key=Finding.sort_key):
        first = min((start for start, _ in finding.spans), default=0)
        located.append(LocatedFinding(finding, bisect.bisect_right(starts, first) if len(starts) > 1 else 1))
    return LocatedResult(doc, path, tuple(located), error)


def failing(finding: Finding, fail_on: Severity) -> bool:
    """A fail verdict at or above the `--fail-on` threshold: what makes the run exit 1."""
    return finding.verdict is Verdict.fail and at_or_above(finding.severity, fail_on)


def rules_by_id(ruleset: Any) -> Mapping[str, Any]:
    """The rule set's rules by id (rule metadata for SARIF and annotations)."""
    return {rule.id: rule for rule in getattr(ruleset, "rules", ())}
