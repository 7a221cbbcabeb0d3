"""Kind `per_unit`: a total split over a count must match the stated amount each.

"$2 million on 400 laptops, or $8,000 each" fails: $2 million / 400 = $5,000.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.intervals import format_number
from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.kinds._relation import (
    finding,
    judge,
    relations,
    roles,
    slack,
    symbol,
    tolerance_schema,
    value,
    with_defaults,
    worded,
)
from factcheck.rules.model import Context, Position, Rule

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "slack": tolerance_schema("fraction the quotient may miss the stated amount by before `fail` "
                                  "(in between: `uncertain`)", 0.05),
    },
    "additionalProperties": False,
}


def compile(fields: Mapping[str, Any], origin: Position) -> dict[str, float]:
    return with_defaults(SCHEMA, fields)


def evaluate(rule: Rule, context: Context) -> Iterable[Finding]:
    for row in relations(context, "per_unit"):
        members = roles(row)
        total, count, each = members["total"], members["count"], members["each"]
        if count.low <= 0:
            continue
        quotient = total.interval / count.interval
        verdict = judge(quotient, each.interval, rule.compiled["slack"])
        unit = symbol(total)
        arithmetic = (f"{value(total)} / {value(count)} = {unit}{quotient.shown()} "
                      f"vs stated {unit}{each.interval.shown()} each")
        message = (f"{worded(total)} over {worded(count)} is stated as {worded(each)} each"
                   + ("" if verdict is Verdict.passed else
                      f", but comes to about {unit}{format_number(total.value / count.value)}"))
        yield finding(rule, row, verdict, message, arithmetic, tolerance=slack(rule.compiled["slack"]))
