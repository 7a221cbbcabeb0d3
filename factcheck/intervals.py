"""Interval arithmetic: every reported figure is a range of values its wording allows.

A claim over intervals is `always` true (holds for every value inside), `never` true (holds
for none), or `sometimes` — which is what lets honest rounding pass and real contradictions fail.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum


class Truth(StrEnum):
    always = "always"
    never = "never"
    sometimes = "sometimes"


@dataclass(frozen=True)
class Interval:
    """A closed interval [low, high]; infinite ends are allowed, NaN is not."""

    low: float
    high: float

    def __post_init__(self) -> None:
        if math.isnan(self.low) or math.isnan(self.high) or self.low > self.high:
            raise ValueError(f"not an interval: [{self.low}, {self.high}]")

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __mul__(self, other: Interval) -> Interval:
        products = [a * b for a in (self.low, self.high) for b in (other.low, other.high)
                    if not ((math.isinf(a) and b == 0) or (math.isinf(b) and a == 0))]
        if not products:
            return Interval(0.0, 0.0)
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        """The quotients of the end points (not a product with the reciprocal: 1 / b overflows to
        inf for a tiny b, and 0 × inf would then be dropped, losing the quotient 0 / b = 0)."""
        if other.low <= 0 <= other.high:
            return Interval(-math.inf, math.inf)
        quotients = [a / b for a in (self.low, self.high) for b in (other.low, other.high)
                     if not (math.isinf(a) and math.isinf(b))]
        if not quotients:
            return Interval(0.0, 0.0)
        return Interval(min(quotients), max(quotients))

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.low, other.low), max(self.high, other.high))


def compare(lhs: Interval, op: str, rhs: Interval) -> Truth:
    """Whether `lhs op rhs` holds for all, none, or some of the values the intervals allow."""
    if op in ("<", "<="):
        strict = op == "<"
        if lhs.high < rhs.low or (not strict and lhs.high <= rhs.low):
            return Truth.always
        if lhs.low > rhs.high or (strict and lhs.low >= rhs.high):
            return Truth.never
        return Truth.sometimes
    if op in (">", ">="):
        return compare(rhs, "<" if op == ">" else "<=", lhs)
    if op == "==":
        if not lhs.overlaps(rhs):
            return Truth.never
        if lhs.low == lhs.high == rhs.low == rhs.high:
            return Truth.always
        return Truth.sometimes
    if op == "!=":
        return {Truth.always: Truth.never, Truth.never: Truth.always}.get(
            compare(lhs, "==", rhs), Truth.sometimes)
    raise ValueError(f"unknown comparison {op!r}")
