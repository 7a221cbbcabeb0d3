"""Kind `dimensions`: a rectangle's sides and the area given for the same thing must agree.

"The hall is 40 by 60 metres" and "the 3,000 square metre hall" fails: 40 x 60 m is 2,400 m².
The product of the sides is converted to the area's unit by the one unit registry (square feet,
acres, hectares). A writer rounds a computed area, so the area is read with the rounding its
trailing zeros may mean ("2,500" as 2,450-2,550); a side hedged with an open bound ("no more than
300 by 500 metres") gives the rectangle's size, not any size below it, and is read as a closed
hedge a tenth wide, as "almost 300" is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

import pint

from factcheck.extract.hedges import loose_rounding
from factcheck.extract.relations import Member
from factcheck.extract.unit_registry import table_unit
from factcheck.intervals import Interval, format_number
from factcheck.rules.expressions import registry
from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.kinds._relation import (
    finding,
    relations,
    slack,
    tolerance_schema,
    widen,
    with_defaults,
    worded,
)
from factcheck.rules.model import Context, Position, Rule

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "tolerance": tolerance_schema("fraction the sides' product may miss the stated area by, and pass",
                                      0.02),
        "slack": tolerance_schema("fraction beyond which a miss is `fail` (in between: `uncertain`)", 0.1),
    },
    "additionalProperties": False,
}
_HEDGE_WIDTH = 0.1


def compile(fields: Mapping[str, Any], origin: Position) -> dict[str, float]:
    return with_defaults(SCHEMA, fields)


def _side(side: Member) -> Interval:
    """A side's interval; an open bound is closed a tenth from the stated value (see above)."""
    if side.low <= 0 < side.value:  # "no more than 300"
        return Interval(side.value * (1 - _HEDGE_WIDTH), side.value)
    if math.isinf(side.high):  # "more than 300"
        return Interval(side.value, side.value * (1 + _HEDGE_WIDTH))
    return side.interval


def _factor(unit: str, area_unit: str) -> float | None:
    """How many of `area_unit` one square `unit` is (None when pint cannot relate them)."""
    try:
        return float(registry().Quantity(1, table_unit(unit) ** 2).to(table_unit(area_unit)).magnitude)
    except (pint.errors.PintError, ValueError, TypeError):
        return None


def evaluate(rule: Rule, context: Context) -> Iterable[Finding]:
    settings = rule.compiled
    for row in relations(context, "dimensions"):
        first, second, area = row["members"]
        unit = str(row["details"]["unit"])
        factor = _factor(unit, area.unit)
        if factor is None:
            continue
        product = (_side(first)
                   * _side(second) * Interval.point(factor))
        stated = area.interval
        if not area.hedge:
            stated = stated.hull(Interval(*loose_rounding(area.surface, area.value)))
        if widen(product, settings["tolerance"]).overlaps(stated):
            verdict = Verdict.passed
        elif widen(product, settings["slack"]).overlaps(stated):
            verdict = Verdict.uncertain
        else:
            verdict = Verdict.fail
        sides = f"{worded(first)} by {worded(second)}"
        computed = first.value * second.value * factor
        plural = "" if format_number(computed) == "1" else "s"
        message = (f"{sides} is given as {worded(area)}" + ("" if verdict is Verdict.passed else
                   f", but comes to about {format_number(computed)} {area.unit}{plural}"))
        arithmetic = (f"{format_number(first.value)} × {format_number(second.value)} {unit} = "
                      f"{product.shown()} {area.unit} vs stated {stated.shown()} {area.unit}")
        yield finding(rule, row, verdict, message, arithmetic,
                      tolerance=slack(settings["slack"]))
