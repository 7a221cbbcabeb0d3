"""Kind `multiplier`: "doubled", "halved", "tripled", "twice as many" must match the figures' ratio.

"doubled from 30 to 75" fails: 75 / 30 = 2.5. A plain multiplier allows `tolerance` either way
(newsrooms say "doubled" of 1.9x); "nearly doubled" means a little under 2, "more than doubled"
anything from 2 up, "about" either side. "Three times more than" is read as 3x or 4x, since
both readings are in use. Halving is checked as doubling the other way round.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.extract.hedges import HEDGES
from factcheck.intervals import Interval, format_number
from factcheck.rules.findings import Finding
from factcheck.rules.kinds._relation import (
    finding,
    judge,
    relations,
    roles,
    slack,
    tolerance_schema,
    value,
    with_defaults,
    worded,
)
from factcheck.rules.model import Context, Position, Rule

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "tolerance": tolerance_schema("fraction a plain 'doubled' may be off by (0.1: 1.8×–2.2× passes)",
                                      0.1),
        "slack": tolerance_schema("further fraction of the ratio before `fail` (in between: `uncertain`)",
                                  0.05),
    },
    "additionalProperties": False,
}



def compile(fields: Mapping[str, Any], origin: Position) -> dict[str, float]:
    return with_defaults(SCHEMA, fields)


def claimed(factor: float, hedge: str, tolerance: float, more: bool = False) -> Interval:
    """The ratios a multiplier word allows, for a factor of at least 1."""
    top = factor + 1 if more else factor
    _, mode = HEDGES.get(hedge, ("exact", "round"))  # the one hedge table's reading of the word
    if mode == "below":
        return Interval(factor * (1 - 2 * tolerance), top)
    if mode in ("up", "above"):
        return Interval(factor, math.inf)
    if mode == "down":
        return Interval(1.0, top)
    return Interval(factor * (1 - tolerance), top * (1 + tolerance))


def evaluate(rule: Rule, context: Context) -> Iterable[Finding]:
    settings = rule.compiled
    for row in relations(context, "multiple"):
        members = roles(row)
        details = row["details"]
        factor, hedge = float(details["factor"]), str(details.get("hedge", ""))
        if "from" in members:
            base, other = members["from"], members["to"]
        else:
            base, other = members["base"], members["larger"]
        if factor < 1:  # halved: the old figure is twice the new one
            base, other, factor = other, base, 1 / factor
        if base.low <= 0:
            continue
        ratio = other.interval / base.interval
        claim = claimed(factor, hedge, settings["tolerance"], bool(details.get("more", False)))
        verdict = judge(ratio, claim, settings["slack"])
        words = f"{hedge + ' ' if hedge else ''}{row['cue']}"
        arithmetic = (f"{value(other)} / {value(base)} = {ratio.shown('×')} vs "
                      f"'{words}' = {claim.shown('×')}")
        message = (f"'{words}' ({worded(base)} → {worded(other)})"
                   + ("" if verdict == "pass" else
                      f": the ratio is {format_number(other.value / base.value)}×"))
        yield finding(rule, row, verdict, message, arithmetic, tolerance=slack(settings["slack"]))
