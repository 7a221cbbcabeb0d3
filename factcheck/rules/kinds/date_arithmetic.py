"""Kind `date_arithmetic`: durations, anniversaries, ages and terms against the years given.

"founded in 2009, 25 years ago" in a 2024 article fails (15 years). Checks that need "now"
(years ago, since, anniversaries, ages) use the article's date (`Context.published`) and are
skipped when it is unknown. A year is a whole calendar year, so "from 1997 to 2007" spans
anything between 9 and 11 years, and "5 years ago, in 2019" in a 2024 article passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from factcheck.intervals import Interval, format_number
from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.kinds._relation import (
    finding,
    judge,
    relations,
    roles,
    slack,
    tolerance_schema,
    with_defaults,
)
from factcheck.rules.model import Context, Position, Rule

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "slack_years": tolerance_schema("years a duration may be off by before `fail` "
                                        "(in between: `uncertain`)", 0.25),
    },
    "additionalProperties": False,
}

_YEAR_DAYS = 365.25
_OLDEST = 123  # the longest documented life: 122 years and 164 days
_YOUNGEST_SERVING = 12  # boy soldiers of 12 are documented; nobody younger dies "fighting"
_WORDED = re.compile(r"decade|century", re.IGNORECASE)  # "a decade" needs no "years" after it


def compile(fields: Mapping[str, Any], origin: Position) -> dict[str, float]:
    return with_defaults(SCHEMA, fields)


def elapsed_since(year: int, published: date) -> Interval:
    """Years from some day of `year` to `published`."""
    latest = (published - date(year, 12, 31)).days / _YEAR_DAYS
    earliest = (published - date(year, 1, 1)).days / _YEAR_DAYS
    return Interval(latest, earliest)


def evaluate(rule: Rule, context: Context) -> Iterable[Finding]:
    slack_years = rule.compiled["slack_years"]
    published = context.published
    for row in relations(context, "years_ago", "since"):
        if published is None:
            continue
        members = roles(row)
        year, duration = members["year"], members["duration"]
        if not 1 <= year.value <= published.year:
            continue
        elapsed = elapsed_since(int(year.value), published)
        verdict = judge(elapsed, duration.interval, 0.0, slack_years)
        arithmetic = (f"{published.isoformat()} − {int(year.value)} = {elapsed.shown()} years vs stated "
                      f"{duration.interval.shown()} years")
        years = published.year - int(year.value)
        said = duration.surface if _WORDED.search(duration.surface) else f"{duration.surface} years"
        dated = published.isoformat()
        if verdict is Verdict.passed:
            message = f"{said} since {int(year.value)} agrees with the article's date ({dated})"
        else:
            message = f"{int(year.value)} is {years} years before the article's date ({dated}), not {said}"
        yield finding(rule, row, verdict, message, arithmetic,
                      tolerance=slack(absolute=slack_years, unit=" years"))
    for row in relations(context, "anniversary", "age"):
        if published is None:
            continue
        members = roles(row)
        year = members["year"]
        stated = members.get("ordinal") or members["age"]
        years = published.year - int(year.value)
        if row["relation"] == "anniversary":  # marked in the year it falls, or just before or after
            allowed = Interval(years - 1, years + 1)
            what = f"{stated.surface} anniversary of {int(year.value)}"
        else:  # an age has either had this year's birthday or not
            allowed = Interval(years - 1, years)
            what = f"{row['cue']} in {int(year.value)}, {stated.surface} years old"
        verdict = judge(allowed, Interval.point(stated.value), 0.0, 1.0 if row["relation"] == "age" else 0.0)
        arithmetic = (f"{published.year} − {int(year.value)} = {years} (allowing {allowed.shown()}) "
                      f"vs stated {format_number(stated.value)}")
        yield finding(rule, row, verdict, f"{what} in an article dated {published.isoformat()}", arithmetic)
    for row in relations(context, "lifespan"):
        members = roles(row)
        born, died = int(members["born"].value), int(members["died"].value)
        # A life runs from 0 to 122 years; a death in war or service needs a person old enough to serve.
        youngest = _YOUNGEST_SERVING if row["details"].get("service") else 0
        allowed = Interval(youngest, _OLDEST)
        oldest = died - born
        age = Interval(max(oldest - 1, 0) if oldest >= 0 else oldest - 1, oldest)
        verdict = judge(age, allowed)
        arithmetic = (f"{died} − {born}: {age.shown()} years of age at death vs {allowed.shown()}"
                      + (" for someone who died in service" if youngest else ""))
        message = (f"born in {born} and died in {died}"
                   + ("" if verdict is Verdict.passed else ": the age at death this gives cannot be right"))
        yield finding(rule, row, verdict, message, arithmetic)
    for row in relations(context, "span"):
        members = roles(row)
        start, end = int(members["start"].value), int(members["end"].value)
        if end < start:
            continue
        between = Interval(max(0.0, end - start - 1.0), end - start + 1.0)
        if "terms" in members:
            terms, length = members["terms"], members["term_length"]
            stated = terms.interval * length.interval
            said = f"{terms.surface} {length.surface}-year terms = {stated.shown()} years"
        else:
            stated = members["duration"].interval
            said = f"{stated.shown()} years"
        verdict = judge(between, stated, 0.0, slack_years)
        arithmetic = f"{end} − {start} = {between.shown()} years vs stated {said}"
        message = f"{start} to {end} is given as {said}"
        yield finding(rule, row, verdict, message, arithmetic,
                      tolerance=slack(absolute=slack_years, unit=" years"))
