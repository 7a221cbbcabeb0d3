"""Evaluate a rule set on one document; a rule that breaks never takes the document down with it."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable

from factcheck.documents import Document
from factcheck.extract import extract_document
from factcheck.extract.dates import published_date
from factcheck.extract.relations import extract_relations
from factcheck.rules.findings import Finding, Severity, Verdict
from factcheck.rules.kinds import kind_module
from factcheck.rules.model import Context, Rule

MAX_FINDINGS_PER_RULE = 100


def build_context(document: Document) -> Context:
    """Extract what rules read from a document: quantities, relations between them, its date."""
    quantities = extract_document(document)
    relations = extract_relations(document.text, quantities, document.doc)
    return Context(document.doc, document.text, quantities, relations, published_date(document.text))


def evaluate_rule(rule: Rule, context: Context) -> list[Finding]:
    """One rule's findings, each carrying the rule's title, rationale and sources.

    Any exception inside the rule's kind becomes a single uncertain finding saying so, so one
    faulty rule (or an unexpected document) never costs the other rules' verdicts.
    """
    try:
        found = list(itertools.islice(kind_module(rule.kind).evaluate(rule, context), MAX_FINDINGS_PER_RULE))
    except Exception as exc:
        found = [Finding(rule=rule.id, verdict=Verdict.uncertain, severity=Severity.error,
                         message=f"rule could not be evaluated on this document: {type(exc).__name__}: {exc}",
                         details={"error": type(exc).__name__})]
    return [dataclasses.replace(finding, title=rule.title, rationale=rule.rationale, sources=rule.sources)
            for finding in found]


def evaluate(rules: Iterable[Rule], context: Context) -> list[Finding]:
    """Every rule's findings on `context`, in report order (fails first)."""
    findings = [finding for rule in rules for finding in evaluate_rule(rule, context)]
    return sorted(findings, key=Finding.sort_key)
