"""Kind `repeated_figure`: one article giving the same thing two different values.

"sold 40 electric buses" ... later "the 50 electric buses" fails. Two figures count the
same thing when the same two content words follow them (the relations table pairs them) and
their intervals cannot overlap. They count *different* things, and nothing is said, when the
wording tells them apart: a different month, day or year in the two sentences, or a word such
as "another", "more", "total", "each", "a day", "would" just before either figure, or different
phrases saying which ones ("films in the documentary category" / "in the drama category").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.kinds._relation import finding, relations, roles
from factcheck.rules.model import Context, Position, Rule

SCHEMA: dict[str, Any] = {"type": "object", "properties": {}, "additionalProperties": False}


def compile(fields: Mapping[str, Any], origin: Position) -> None:
    """The kind has no fields of its own."""


def _told_apart(details: Mapping[str, Any]) -> bool:
    """Whether the two sentences' wording says the figures count different things."""
    first, second = (set(markers) for markers in details["markers"])
    near_first, near_second = (set(markers) for markers in details["near"])
    if near_first or near_second:
        return True
    phrases = details.get("phrases", ["", ""])
    if all(phrases) and phrases[0] != phrases[1]:
        return True
    return bool(first and second and not first & second)  # "in March" / "in April"; both "on Monday" is one


def evaluate(rule: Rule, context: Context) -> Iterable[Finding]:
    for row in relations(context, "same_concept"):
        details = row["details"]
        if _told_apart(details):
            continue
        members = roles(row)
        first, second = members["first"], members["second"]
        concept = details["concept"]
        arithmetic = (f"'{first.surface} {concept}' = {first.interval.shown()} vs later "
                      f"'{second.surface} {concept}' = {second.interval.shown()}: no overlap")
        message = (f"{concept}: given as {first.surface} and later as {second.surface}, with nothing to "
                   f"tell the two apart")
        yield finding(rule, row, Verdict.fail, message, arithmetic,
                      details={"first sentence": details["first_sentence"]})
