"""`check --format json`: the machine-readable contract.

    {"documents": [{"doc": str, "findings": [{"rule", "verdict", "severity", "message",
                                              "spans": [[start, end], ...]}]}]}

Documents keep their input order; findings are in report order. A document that could not be
checked also carries `"error": str` (and no findings).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from factcheck.rules.findings import Finding


class Checked(Protocol):
    """What the JSON shows of a document: a `factcheck.pipeline.DocumentResult`, or the findings a
    corpus run kept of one (which needs neither its quantities nor pandas)."""

    @property
    def doc(self) -> str: ...

    @property
    def findings(self) -> Sequence[Finding]: ...

    @property
    def error(self) -> str | None: ...


def finding_record(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "verdict": str(finding.verdict),
        "severity": str(finding.severity),
        "message": finding.message,
        "spans": [[int(start), int(end)] for start, end in finding.spans],
    }


def document_record(result: Checked) -> dict[str, Any]:
    record: dict[str, Any] = {"doc": result.doc}
    if result.error is not None:
        record["error"] = result.error
    findings = sorted(result.findings, key=Finding.sort_key)
    record["findings"] = [finding_record(finding) for finding in findings]
    return record


def render_json(results: Iterable[Checked]) -> str:
    """One JSON document for all results, indented, ending with a newline."""
    payload = {"documents": [document_record(result) for result in results]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
