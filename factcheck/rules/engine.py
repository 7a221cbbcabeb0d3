"""Evaluate a rule set on one document.

A rule that raises is an error, never a verdict: `RuleCrashed` names the rule and the document,
so `check` reports the document as unreadable by the rules (exit 2) and `rules test` counts the
example as a mismatch, instead of an `uncertain` finding that reads like a judgement.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable

from factcheck.documents import Document
from factcheck.extract.core import SetAside, extract
from factcheck.extract.dates import published_date
from factcheck.extract.relations import extract_relations
from factcheck.rules.findings import Finding
from factcheck.rules.kinds import kind_module
from factcheck.rules.model import Context, Rule

MAX_FINDINGS_PER_RULE = 100


def build_context(document: Document) -> Context:
    """Extract what rules read from a document: quantities, relations between them, its date."""
    set_aside: list[SetAside] = []
    quantities = extract(document.text, document.doc, set_aside)
    relations = extract_relations(document.text, quantities, document.doc, set_aside)
    return Context(document.doc, document.text, quantities, relations,
                   published_date(document.text, document.published))


class RuleCrashed(Exception):
    """A rule's kind raised while evaluating a document: a bug to fix, not a finding."""

    def __init__(self, rule: Rule, doc: str, exc: BaseException) -> None:
        self.rule_id = rule.id
        super().__init__(f"rule {rule.id} crashed on this document: {type(exc).__name__}: {exc}")


def evaluate_rule(rule: Rule, context: Context) -> list[Finding]:
    """One rule's findings, each carrying the rule's title, rationale and sources; `RuleCrashed`
    when the rule's kind raises."""
    try:
        found = list(itertools.islice(kind_module(rule.kind).evaluate(rule, context), MAX_FINDINGS_PER_RULE))
    except Exception as exc:
        raise RuleCrashed(rule, context.doc, exc) from exc
    return [dataclasses.replace(finding, title=rule.title, rationale=rule.rationale, sources=rule.sources)
            for finding in found]


def evaluate(rules: Iterable[Rule], context: Context) -> list[Finding]:
    """Every rule's findings on `context`, in report order (fails first)."""
    findings = [finding for rule in rules for finding in evaluate_rule(rule, context)]
    return sorted(findings, key=Finding.sort_key)
