"""Kind `percent_change`: a stated change must match its from/to figures.

"rose from 200 to 250, up 30%" fails: (250 − 200) / 200 = 25%. A percentage change between
two percentages may be read either as relative (%) or as absolute (percentage points), since
both usages are common; the claim holds if either reading does. A change stated in points, or
as an absolute amount ("up by 50"), is checked as a difference; a bare direction word ("rose
from 250 to 200") is checked for its sign.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.extract.hedges import loose_rounding
from factcheck.intervals import Interval
from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.kinds._relation import (
    best,
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
        "slack_points": tolerance_schema(
            "percentage points a computed percentage change may miss the stated one by before `fail` "
            "(in between: `uncertain`); a change in points or an amount gets a tenth of it", 0.5),
        "slack_relative": tolerance_schema(
            "fraction of the computed change added to that slack (large changes are rounded more)", 0.02),
        "check_direction": {"type": "boolean", "default": True,
                            "description": "also flag 'rose' between a larger and a smaller figure"},
    },
    "additionalProperties": False,
}


def compile(fields: Mapping[str, Any], origin: Position) -> dict[str, Any]:
    return with_defaults(SCHEMA, fields)


def evaluate(rule: Rule, context: Context) -> Iterable[Finding]:
    settings = rule.compiled
    for row in relations(context, "change"):
        members = roles(row)
        start, end = members["from"], members["to"]
        direction = int(row["details"].get("direction", 0))
        signs = (direction,) if direction else (1, -1)
        said = {1: "up", -1: "down"}
        if "rate" in members or "delta" in members:
            stated_member = members.get("rate") or members["delta"]
            stated = stated_member.interval
            if "delta" in members and not stated_member.hedge:  # computed, then rounded: "down £600" for £596
                stated = stated.hull(Interval(*loose_rounding(stated_member.surface, stated_member.value)))
            points = stated_member.kind == "T" or "delta" in members
            readings = []
            if points or start.kind == "P":
                readings.append(("difference", end.interval - start.interval,
                                 f"{value(end)} − {value(start)}", " points" if start.kind == "P"
                                 else ""))
            if not points:
                relative = (end.interval - start.interval) / start.interval * Interval.point(100.0)
                readings.append(("relative", relative,
                                 f"({value(end)} − {value(start)}) / {value(start)}",
                                 "%"))
            verdicts = []
            lines = []
            tolerances = []
            for reading, computed, formula, suffix in readings:
                absolute = settings["slack_points"] * (1.0 if reading == "relative" else 0.1)
                for sign in signs:
                    claim = stated if sign > 0 else -stated
                    verdict = judge(computed, claim, settings["slack_relative"], absolute)
                    verdicts.append(verdict)
                    tolerances.append(slack(settings["slack_relative"], absolute,
                                            " points" if suffix == "%" or start.kind == "P" else ""))
                    lines.append(f"{formula} = {computed.shown(suffix)} vs stated "
                                 f"{claim.shown(suffix)}")
            verdict = best(verdicts)
            arithmetic = lines[verdicts.index(verdict)]
            wording = f"{said.get(direction, 'a change of')} {worded(stated_member)}"
            message = (f"{wording} from {worded(start)} to {worded(end)}"
                       + ("" if verdict is Verdict.passed else
                          f": the figures give {readings[-1][1].shown(readings[-1][3])}"))
            yield finding(rule, row, verdict, message, arithmetic,
                          tolerance=tolerances[verdicts.index(verdict)])
        elif direction and settings["check_direction"] and not row["details"].get("ranking"):
            difference = end.interval - start.interval
            if difference.low > 0 or difference.high < 0:
                holds = (difference.low > 0) == (direction > 0)
                verdict = Verdict.passed if holds else Verdict.fail
                word = str(row["cue"])
                message = (f"'{word}' from {worded(start)} to {worded(end)}"
                           + ("" if holds else f": the figure went {'up' if difference.low > 0 else 'down'}"))
                arithmetic = (f"{value(end)} − {value(start)} = {difference.shown()} "
                              f"vs stated direction {said[direction]}")
                yield finding(rule, row, verdict, message, arithmetic)
