"""What a rule says about a document: one `Finding` per check it ran."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Verdict(StrEnum):
    passed = "pass"
    fail = "fail"
    uncertain = "uncertain"


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


# Reports list fails first, then uncertain, then passes; errors before warnings before info.
VERDICT_ORDER: dict[Verdict, int] = {Verdict.fail: 0, Verdict.uncertain: 1, Verdict.passed: 2}
SEVERITY_ORDER: dict[Severity, int] = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}


def at_or_above(severity: Severity, threshold: Severity) -> bool:
    """Whether `severity` is at least as serious as `threshold` (for `--fail-on`)."""
    return SEVERITY_ORDER[severity] <= SEVERITY_ORDER[threshold]


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on one group of figures in a document.

    `spans` are (start, end) offsets of the figures and relation words involved, in the
    same text as the quantities table; `arithmetic` shows the interval computation.
    The engine fills `title`, `rationale` and `sources` from the rule, so a report can explain a
    finding without the rule set at hand.
    """

    rule: str
    verdict: Verdict
    severity: Severity
    message: str
    spans: tuple[tuple[int, int], ...] = ()
    sentence: str = ""
    arithmetic: str = ""
    details: dict[str, str] = field(default_factory=dict)
    title: str = ""
    rationale: str = ""
    sources: tuple[str, ...] = ()

    def sort_key(self) -> tuple[int, int, int, str, str]:
        """Report order: verdict, then severity, then position in the text and rule id."""
        first = min((start for start, _ in self.spans), default=-1)
        return (VERDICT_ORDER[self.verdict], SEVERITY_ORDER[self.severity], first, self.rule, self.message)
