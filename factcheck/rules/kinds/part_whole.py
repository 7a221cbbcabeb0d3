"""Kind `part_whole`: parts cannot exceed their whole, shares must match their counts.

Three relations are checked:
- `share`: "120 of the 400 respondents (35%)" fails, 120 / 400 = 30%;
- `parts`: parts of a stated whole ("Of the 500 staff, 300 were women and 250 men") may not add
  up to more than it; when they are meant to fill it (an explicit "the rest" part, or "a total
  of"), they must add up to it;
- `breakdown`: the percentages of one split (a poll, a vote) may not add up to more than 100
  beyond rounding; with an explicit "others/the rest" share they must add up to about 100.
Rounding is what each figure's interval allows, so shares summing to 99% or 101% pass.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.intervals import Interval
from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.kinds._relation import (
    finding,
    judge,
    relations,
    roles,
    slack,
    tolerance_schema,
    value,
    widen,
    with_defaults,
    worded,
)
from factcheck.rules.model import Context, Position, Rule

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "slack_points": tolerance_schema("percentage points a share or a 100% total may be off by before "
                                         "`fail` (in between: `uncertain`)", 1.0),
        "slack_relative": tolerance_schema("fraction a sum of counts may exceed its whole by before `fail`",
                                           0.01),
        "report_passes": {"type": "boolean", "default": False,
                          "description": "also report a single part that fits its whole ('3 of the 5')"},
    },
    "additionalProperties": False,
}


def compile(fields: Mapping[str, Any], origin: Position) -> dict[str, Any]:
    return with_defaults(SCHEMA, fields)


def _magnitude_slip(total: Interval, whole: Interval) -> int:
    """1,000 (or a million) when the whole is the parts' sum times that factor, to within 1%: "650,015
    tonnes", then "150 tonnes of that" and "another 500 tonnes" (a thousand times too big a total,
    or parts a thousand times too small). Such a match is no coincidence."""
    for factor in (1_000, 1_000_000, 1_000_000_000):
        scaled = total * Interval.point(float(factor))
        if scaled.low > 0 and widen(scaled, 0.01).overlaps(whole):
            return factor
    return 0


def _at_most(total: Interval, limit: Interval, relative: float, absolute: float) -> Verdict:
    """pass if `total` can fit under `limit`, fail if it cannot even with the slack."""
    if total.low <= limit.high:
        return Verdict.passed
    allowance = absolute + relative * (0.0 if math.isinf(limit.high) else limit.high)
    return Verdict.uncertain if total.low <= limit.high + allowance else Verdict.fail


def evaluate(rule: Rule, context: Context) -> Iterable[Finding]:
    settings = rule.compiled
    for row in relations(context, "share"):
        members = roles(row)
        part, whole, share = members["part"], members["whole"], members["share"]
        if whole.low <= 0:
            continue
        computed = part.interval / whole.interval * Interval.point(100.0)
        verdict = judge(computed, share.interval, 0.0, settings["slack_points"])
        arithmetic = (f"{value(part)} / {value(whole)} = {computed.shown('%')} vs stated "
                      f"{share.interval.shown('%')}")
        message = f"{worded(part)} of {worded(whole)} is given as {worded(share)}"
        yield finding(rule, row, verdict, message, arithmetic,
                      tolerance=slack(absolute=settings["slack_points"], unit=" points"))
    for row in relations(context, "parts"):
        members = list(row["members"])
        whole = next(m for m in members if m.role == "whole")
        parts = [m for m in members if m.role != "whole"]
        total = sum((m.interval for m in parts), Interval.point(0.0))
        closed = bool(row["details"].get("closed", False))
        if closed:
            verdict = judge(total, whole.interval, settings["slack_relative"])
        else:
            verdict = _at_most(total, whole.interval, settings["slack_relative"], 0.0)
        slip = _magnitude_slip(total, whole.interval) if len(parts) > 1 else 0
        if slip:
            verdict = Verdict.fail
        if verdict is Verdict.passed and row["details"].get("single") and not settings["report_passes"]:
            continue
        formula = " + ".join(value(m) for m in parts)
        arithmetic = (f"{formula} = {total.shown()} vs whole {value(whole)}" if len(parts) > 1
                      else f"part {total.shown()} vs whole {value(whole)}")
        relation = "must add up to" if closed else "cannot exceed"
        listed = ", ".join(worded(m) for m in parts)
        message = f"parts {listed} {relation} {worded(whole)}" if len(parts) > 1 else \
            f"{listed} of {worded(whole)}: a part cannot exceed its whole"
        if slip:
            arithmetic += f" = {slip:,} × the parts' sum"
            message = (f"parts {listed} add up to the digits of {worded(whole)} divided by {slip:,}: "
                       "one of the figures has the wrong magnitude")
        yield finding(rule, row, verdict, message, arithmetic, tolerance=slack(settings["slack_relative"]))
    for row in relations(context, "breakdown"):
        members = list(row["members"])
        total = sum((m.interval for m in members), Interval.point(0.0))
        closed = any(m.role == "rest" for m in members)
        hundred = Interval.point(100.0)
        if closed:
            verdict = judge(total, hundred, 0.0, settings["slack_points"])
        else:
            verdict = _at_most(total, hundred, 0.0, settings["slack_points"])
        formula = " + ".join(value(m) + "%" for m in members)
        arithmetic = f"{formula} = {total.shown('%')} vs {'=' if closed else '≤'} 100%"
        listed = ", ".join(worded(m) for m in members)
        message = f"shares {listed} {'must add up to' if closed else 'cannot exceed'} 100%"
        yield finding(rule, row, verdict, message, arithmetic,
                      tolerance=slack(absolute=settings["slack_points"], unit=" points"))
