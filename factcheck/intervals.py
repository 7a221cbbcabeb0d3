"""Interval arithmetic: every reported figure is a range of values its wording allows.

A claim over intervals is `always` true (holds for every value inside), `never` true (holds
for none), or `sometimes` — which is what lets honest rounding pass and real contradictions fail.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


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

    def shown(self, suffix: str = "") -> str:
        """The interval as reports spell it (`format_interval`)."""
        return format_interval(self.low, self.high, suffix)


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


# --- showing figures ------------------------------------------------------------------------------
# The one number formatter: every stage (rules' arithmetic, comparisons, reports) spells figures
# through these, so a figure reads the same wherever it is shown.

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# More decimals or significant digits than these and an end is a computed value (21.726144 km, from
# 13.5 miles), not a figure as written or its rounding bound.
_MAX_DECIMALS = 6
_MAX_DIGITS = 7
MINUS = "−"
# Spellings kept for reuse: a report spells each figure of a document twice (markdown and HTML), and
# documents share most of their figures' values (years, round amounts, small counts).
_SPELLINGS_KEPT = 8192


def _scale(magnitude: float) -> tuple[float, str]:
    for size, word in _SCALES:
        if magnitude >= size:
            return size, word
    return 1.0, ""


def _written(value: float) -> int | None:
    """The decimals of `value`'s shortest spelling when it is short (4.845 -> 3; a figure as written
    or its rounding bound), else None (a computed value such as 217.3913...)."""
    for decimals in range(_MAX_DECIMALS + 1):
        if math.isclose(round(value, decimals), value, rel_tol=1e-12, abs_tol=1e-12):
            digits = f"{abs(value):.{decimals}f}".replace(".", "").lstrip("0")
            return decimals if len(digits) <= _MAX_DIGITS else None
    return None


def _spell(value: float, decimals: int) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else MINUS + "∞"
    text = f"{value:,.{decimals}f}"
    return MINUS + text[1:] if text.startswith("-") and text.strip("-0.,") else text.lstrip("-")


def _readable(value: float) -> int:
    """Decimals that show a computed value to three significant figures (all of its integer part)."""
    magnitude = abs(value)
    return 0 if magnitude == 0 else max(0, 2 - math.floor(math.log10(magnitude)))


@lru_cache(maxsize=_SPELLINGS_KEPT)
def format_number(value: float) -> str:
    """One figure as an editor writes it: '12,000', '4.85 million', '0.352', '−3.5', '622' (a
    computed 622.2…, to three significant figures), '∞'."""
    if math.isinf(value):
        return _spell(value, 0)
    size, word = _scale(abs(value))
    scaled = value / size
    decimals = _written(scaled)
    shown = _spell(scaled, _readable(scaled) if decimals is None else decimals)
    return f"{shown} {word}" if word else shown


@lru_cache(maxsize=_SPELLINGS_KEPT)
def format_interval(low: float, high: float, suffix: str = "") -> str:
    """An interval with the digits the arithmetic used: '4.845–4.855', '161.5–162.5 billion',
    '10,500–11,500', '2.5–3.0 million', '35.25–35.35%'; '600 or more' for an open end,
    '−14.2% to −2.4%' when an end is negative.

    Ends spelt with up to six decimals and seven significant digits are shown exactly; computed ends
    are rounded outwards (low down, high up) to the fewest digits that keep them apart, so the
    interval shown always holds the one computed.
    """
    if low == high:
        return format_number(low) + suffix
    if math.isinf(low) and math.isinf(high):
        return "any value"
    if math.isinf(high):
        return f"{format_number(low)}{suffix} or more"
    if math.isinf(low):
        return f"{format_number(high)}{suffix} or less"
    size, word = _scale(max(abs(low), abs(high)))
    if _scale(min(abs(low), abs(high)))[0] != size and min(abs(low), abs(high)) > 0:
        return f"{_bound(low, False)}{suffix} to {_bound(high, True)}{suffix}"  # 600 to 4.85 million
    ends = (low / size, high / size)
    written = [_written(end) for end in ends]
    if None not in written:
        decimals = max(d for d in written if d is not None)
        shown = [_spell(end, decimals) for end in ends]
    else:
        fewest = _readable(max(ends, key=abs))
        for decimals in range(fewest, fewest + _MAX_DECIMALS + 1):
            step = 10.0**decimals
            bounds = (math.floor(_snap(ends[0]) * step) / step, math.ceil(_snap(ends[1]) * step) / step)
            shown = [_spell(bound, decimals) for bound in bounds]
            if shown[0] != shown[1]:
                break
    unit = f" {word}" if word else ""
    if low < 0:
        return f"{shown[0]}{unit}{suffix} to {shown[1]}{unit}{suffix}"
    return f"{shown[0]}–{shown[1]}{unit}{suffix}"


def _bound(value: float, upward: bool) -> str:
    """One end of an interval on its own scale: as written, or a computed one rounded outwards."""
    size, word = _scale(abs(value))
    scaled = value / size
    decimals = _written(scaled)
    if decimals is None:
        decimals = _readable(scaled)
        step = 10.0**decimals
        scaled = (math.ceil if upward else math.floor)(_snap(scaled) * step) / step
    return f"{_spell(scaled, decimals)} {word}" if word else _spell(scaled, decimals)


def _snap(value: float) -> float:
    """`value` to fifteen significant figures, so float noise (0.30000000000000004) does not push an
    end past a rounding step."""
    return float(f"{value:.15g}")
