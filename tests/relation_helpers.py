"""Run one relation kind on a text through the real extractor, for the `test_kinds_*` files."""

from __future__ import annotations

from typing import Any

from factcheck.documents import Document
from factcheck.rules.engine import build_context
from factcheck.rules.findings import Finding, Severity, Verdict
from factcheck.rules.kinds import kind_module
from factcheck.rules.model import Position, Rule


def findings(kind: str, text: str, **fields: Any) -> list[Finding]:
    """The findings of a rule of `kind` (with `fields`) on `text`."""
    module = kind_module(kind)
    origin = Position("test.yaml", 1, 1)
    rule = Rule(id=f"test/{kind}", title=kind, kind=kind, severity=Severity.error, rationale="test",
                sources=("test",), examples=(), compiled=module.compile(fields, origin), fields=fields,
                origin=origin)
    return list(module.evaluate(rule, build_context(Document("test", text))))


def verdicts(kind: str, text: str, **fields: Any) -> list[Verdict]:
    return [finding.verdict for finding in findings(kind, text, **fields)]
