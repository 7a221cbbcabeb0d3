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


@dataclass(frozen=True)
class Finding:
    """One rule's verdict on one group of figures in a document.

    `spans` are (start, end) offsets of the figures and relation words involved, in the
    same text as the quantities table; `arithmetic` shows the interval computation.
    """

    rule: str
    verdict: Verdict
    severity: Severity
    message: str
    spans: tuple[tuple[int, int], ...] = ()
    sentence: str = ""
    arithmetic: str = ""
    details: dict[str, str] = field(default_factory=dict)
