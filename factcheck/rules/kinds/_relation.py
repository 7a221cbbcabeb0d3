"""What the relation kinds share: reading the relations, judging intervals, showing arithmetic.

Every relation check compares a computed interval (from the figures' intervals) with the
interval the text states. They agree (`pass`) when the two overlap: some reading of the rounded,
hedged figures makes the claim true. They disagree (`fail`) when they stay apart even after the
computed interval is widened by the rule's slack; in between the verdict is `uncertain`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from factcheck.extract.relations import Member, Relation
from factcheck.intervals import Interval, format_number
from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.model import Context, Rule

ARROW = {Verdict.passed: "pass", Verdict.fail: "fail", Verdict.uncertain: "uncertain"}


def relations(context: Context, *kinds: str) -> Iterator[Relation]:
    """The context's relations whose `relation` is one of `kinds`, in order."""
    return (row for row in context.relations if row["relation"] in kinds)


def roles(row: Relation) -> dict[str, Member]:
    """The row's members by role (the first member of each role)."""
    found: dict[str, Member] = {}
    for item in row["members"]:
        found.setdefault(item.role, item)
    return found


def widen(interval: Interval, relative: float, absolute: float = 0.0) -> Interval:
    """`interval` grown on both sides by `absolute` plus `relative` of its larger magnitude."""
    size = max(abs(interval.low), abs(interval.high))
    grow = absolute + (0.0 if math.isinf(size) else relative * size)
    return Interval(interval.low - grow, interval.high + grow)


def judge(computed: Interval, stated: Interval, relative: float = 0.0, absolute: float = 0.0) -> Verdict:
    """pass if the intervals overlap, fail if they stay apart after widening `computed` by the slack."""
    if computed.overlaps(stated):
        return Verdict.passed
    if widen(computed, relative, absolute).overlaps(stated):
        return Verdict.uncertain
    return Verdict.fail


def best(verdicts: Iterable[Verdict]) -> Verdict:
    """The most favourable verdict: a claim that holds under one honest reading holds."""
    order = (Verdict.passed, Verdict.uncertain, Verdict.fail)
    return min(verdicts, key=order.index)



def symbol(item: Member) -> str:
    """The currency sign an amount of money is written with ('£', '$', '€', '¥'), else ''."""
    return item.surface[0] if item.kind == "M" and item.surface[:1] in "£$€¥" else ""


def value(item: Member) -> str:
    """A figure as the formula shows it: its value ('£412 million'), marked '~' when hedged."""
    return ("~" if item.hedge else "") + symbol(item) + format_number(item.value)


def worded(item: Member) -> str:
    """A figure as the article words it, hedge included ('more than £600'): messages keep the hedge
    the arithmetic read, so no format drops what the verdict depends on."""
    return f"{item.hedge} {item.surface}" if item.hedge else item.surface


def slack(relative: float = 0.0, absolute: float = 0.0, unit: str = "") -> str:
    """The tolerance `judge` allowed before `fail`, in words: '2% of the computed value + 0.5 points'."""
    parts = []
    if relative:
        parts.append(f"{format_number(relative * 100)}% of the computed value")
    if absolute:
        parts.append(f"{format_number(absolute)}{unit.removesuffix('s') if absolute == 1 else unit}")
    return " + ".join(parts)


def finding(rule: Rule, row: Relation, verdict: Verdict, message: str, arithmetic: str,
            members: Iterable[Member] | None = None, details: Mapping[str, Any] | None = None,
            tolerance: str = "") -> Finding:
    """A finding quoting the row's sentence, with the spans of its figures and cue words.

    A `fail` or `uncertain` arithmetic line names the `tolerance` (see `slack`) that decided
    between the two, so no report hides it.
    """
    involved = list(members if members is not None else row["members"])
    spans = sorted({(m.start, m.end) for m in involved} | {(int(row["cue_start"]), int(row["cue_end"]))})
    allowed = f", tolerance {tolerance}" if tolerance and verdict is not Verdict.passed else ""
    return Finding(rule=rule.id, verdict=verdict, severity=rule.severity, message=message,
                   spans=tuple(spans), sentence=str(row["sentence"]),
                   arithmetic=f"{arithmetic}{allowed} → {ARROW[verdict]}",
                   details={key: str(value) for key, value in (details or {}).items()})


def tolerance_schema(description: str, default: float) -> dict[str, Any]:
    return {"type": "number", "minimum": 0, "maximum": 1000, "default": default, "description": description}


def with_defaults(schema: Mapping[str, Any], fields: Mapping[str, Any]) -> dict[str, Any]:
    """A kind's fields as written, each missing one taken from the `default` its SCHEMA declares (so
    every default is written once, where the rules guide reads it); numbers as floats."""
    settings = {}
    for key, spec in schema["properties"].items():
        given = fields.get(key, spec["default"])
        settings[key] = float(given) if spec["type"] == "number" else given
    return settings
