"""Kind `cross_source`: a figure that other versions of the same story give differently.

The document's figures are aligned with those of `context.versions` (the versions of its story,
filled in by `check --stories` and by rule examples) exactly as `factcheck compare` aligns them.
An aligned figure whose intervals cannot all hold is a `fail` on every version that gives it;
one that overlaps every other version's is a `pass`. Figures only this version gives, and
documents without other versions, produce nothing: there is nothing to compare them with.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.compare.align import Agreement, Comparison, Version, compare_versions, format_amount
from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.model import Context, Position, Rule

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "dimensions": {
            "description": "only compare figures of these dimensions (e.g. count, currency); default all",
            "type": "array", "minItems": 1, "uniqueItems": True,
            "items": {"type": "string", "minLength": 1},
        },
    },
    "additionalProperties": False,
}


def compile(fields: Mapping[str, Any], origin: Position) -> frozenset[str]:
    """The dimensions to compare; empty means every dimension."""
    return frozenset(fields.get("dimensions", ()))


# The last story compared, keyed by its versions' names and texts: every version of a story is
# checked against the same comparison, so a story of n versions is aligned once, not n times.
_last_story: dict[tuple[tuple[str, str], ...], Comparison] = {}


def _story_comparison(context: Context) -> Comparison:
    """The comparison of the document's whole story: `context.versions`, with the document itself
    first when they do not hold it (a rule example's other versions)."""
    versions = context.versions
    if all(v.doc != context.doc for v in versions):
        versions = (Version(context.doc, context.text, context.quantities), *versions)
    key = tuple((v.doc, v.text) for v in versions)
    comparison = _last_story.get(key)
    if comparison is None:
        comparison = compare_versions("", versions)
        _last_story.clear()
        _last_story[key] = comparison
    return comparison


def _shown(surface: str, low: float, high: float, unit: str) -> str:
    return f"{surface!r} ({format_amount(low, high, unit)})"


def evaluate(rule: Rule, context: Context) -> Iterable[Finding]:
    if not any(v.doc != context.doc for v in context.versions):
        return
    comparison = _story_comparison(context)
    dimensions: frozenset[str] = rule.compiled
    for figure in comparison.figures:
        if figure.verdict is Agreement.single_source or (dimensions and figure.dimension not in dimensions):
            continue
        own = [m for m in figure.mentions if m.doc == context.doc]
        elsewhere = [m for m in figure.mentions if m.doc != context.doc]
        if not own or not elsewhere:
            continue
        here = own[0]
        what = figure.concept or figure.dimension
        given = "; ".join(f"{m.doc} gives {_shown(m.surface, m.low, m.high, m.unit)}" for m in elsewhere)
        if figure.verdict is Agreement.conflict:
            verdict = Verdict.fail
            message = (f"{what}: this version gives {_shown(here.surface, here.low, here.high, here.unit)}, "
                       f"but {given}; they cannot all hold")
        else:
            verdict = Verdict.passed
            message = f"{what}: {_shown(here.surface, here.low, here.high, here.unit)} agrees with {given}"
        yield Finding(
            rule=rule.id, verdict=verdict, severity=rule.severity, message=message,
            spans=tuple((m.start, m.end) for m in own), sentence=here.sentence,
            arithmetic=figure.reason,
            details={"versions": ", ".join(figure.docs)},
        )
