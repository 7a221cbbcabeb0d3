"""One document through the whole pipeline: extract quantities and relations, then evaluate rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from factcheck.documents import Document
from factcheck.rules.engine import build_context, evaluate
from factcheck.rules.findings import Finding
from factcheck.rules.model import Context, Rule


@dataclass
class DocumentResult:
    """Everything a report needs about one document; `error` is set when it could not be checked.

    `text` is the decoded document the findings' spans index (reports quote and highlight it).
    """

    doc: str
    quantities: pd.DataFrame
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    text: str = ""


def check_document(document: Document, ruleset: Iterable[Rule]) -> DocumentResult:
    """Extract `document`'s quantities and relations and evaluate every rule on them."""
    return check_context(build_context(document), ruleset)


def check_context(context: Context, ruleset: Iterable[Rule]) -> DocumentResult:
    """Evaluate every rule on an already extracted document (corpus runs cache the context, so a
    changed rule re-evaluates without re-extracting)."""
    return DocumentResult(context.doc, context.quantities, evaluate(ruleset, context), text=context.text)
