"""Hedges and rounding: the interval a figure's wording allows.

A written figure carries its precision: "2.1 million" is rounded to 0.1 million, so it
means 2.05-2.15 million; "24%" means 23.5-24.5%. Trailing zeros are taken as rounding when
there are three or more ("11,000") or a hedge says so ("about 40" is 35-45), so plain counts
such as "40 missiles" stay exact. Hedges then move the interval: "almost three million" is
2.5-3 million, "more than 700" is 700 and up. Later checks reason over these intervals, which
is what lets honest rounding pass.
"""

from __future__ import annotations

import math
import re

from factcheck.extract.numbers import Reading

# hedge words -> (qualifier, how the interval moves)
HEDGES: dict[str, tuple[str, str]] = {
    "about": ("approx", "round"), "around": ("approx", "round"), "roughly": ("approx", "round"),
    "some": ("approx", "round"), "approximately": ("approx", "round"), "approx.": ("approx", "round"),
    "an estimated": ("approx", "round"), "estimated": ("approx", "round"), "close to": ("approx", "round"),
    "circa": ("approx", "round"), "nearly": ("less_than", "below"), "almost": ("less_than", "below"),
    "just under": ("less_than", "below"), "just below": ("less_than", "below"),
    "just shy of": ("less_than", "below"), "just short of": ("less_than", "below"),
    "slightly less than": ("less_than", "below"), "a little under": ("less_than", "below"),
    "just over": ("more_than", "above"), "just above": ("more_than", "above"),
    "slightly more than": ("more_than", "above"), "a little over": ("more_than", "above"),
    "more than": ("more_than", "up"), "over": ("more_than", "up"), "above": ("more_than", "up"),
    "in excess of": ("more_than", "up"), "upwards of": ("more_than", "up"),
    "at least": ("at_least", "up"), "no less than": ("at_least", "up"),
    "no fewer than": ("at_least", "up"), "as few as": ("at_least", "up"),
    "as little as": ("at_least", "up"), "as low as": ("at_least", "up"),
    "up to": ("at_most", "down"), "at most": ("at_most", "down"), "no more than": ("at_most", "down"),
    "not more than": ("at_most", "down"), "as many as": ("at_most", "down"),
    "as much as": ("at_most", "down"), "as high as": ("at_most", "down"),
    "less than": ("less_than", "down"), "fewer than": ("less_than", "down"),
    "under": ("less_than", "down"), "below": ("less_than", "down"),
}
_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE)
_AFTER = {"or more": ("at_least", "up"), "or so": ("approx", "round"), "or less": ("at_most", "down"),
          "or fewer": ("at_most", "down"), "-plus": ("at_least", "up"), "+": ("at_least", "up")}
_AFTER_PATTERN = re.compile(r"(?:\s+or\s+(?:more|so|less|fewer)\b|-plus\b|\+)", re.IGNORECASE)


def hedge_before(sentence: str, start: int) -> tuple[str, str, int] | None:
    """The hedge right before `start`: (qualifier, interval mode, offset where the hedge starts)."""
    if sentence[start - 1:start] == "~" and start > 0:  # "~25 min"
        return "approx", "round", start - 1
    match = _BEFORE.search(sentence, max(0, start - 30), start)
    if not match:
        return None
    qualifier, mode = HEDGES[" ".join(match.group().lower().split())]
    return qualifier, mode, match.start()


def hedge_after(sentence: str, end: int) -> tuple[str, str, int] | None:
    """A hedge written after the figure ("100 or more", "50-plus"): (qualifier, mode, its end)."""
    match = _AFTER_PATTERN.match(sentence, end)
    if not match:
        return None
    key = " ".join(match.group().lower().split())
    qualifier, mode = _AFTER[key]
    return qualifier, mode, match.end()


def rounding_step(reading: Reading, hedged: bool) -> float:
    """The unit of the last written digit; trailing zeros count as rounding when hedged or 3+."""
    if reading.decimals:
        return 10.0 ** -reading.decimals * reading.magnitude
    zeros = reading.trailing_zeros if hedged or reading.trailing_zeros >= 3 else 0
    return 10.0 ** zeros * reading.magnitude


def interval(reading: Reading, mode: str, dimension: str) -> tuple[float, float]:
    """The [low, high] that `reading`, hedged by `mode`, allows for a figure of `dimension`."""
    value = reading.value
    if reading.vague is not None:
        return reading.vague
    if reading.kind in ("fraction", "multiplier") and mode == "exact":
        return value, value
    floor = -math.inf if dimension == "temperature" or value <= 0 else 0.0
    if mode == "up":
        return value, math.inf
    if mode == "down":
        return floor, value
    if reading.kind in ("fraction", "multiplier"):
        half = abs(value) / 10  # "nearly two-thirds": a tenth either way is as loose as words get
    else:
        half = rounding_step(reading, hedged=mode != "exact") / 2
    if mode == "below":
        return value - half, value
    if mode == "above":
        return value, value + half
    exact_count = (mode == "exact" and dimension == "count" and reading.decimals == 0
                   and reading.magnitude == 1.0 and reading.trailing_zeros < 3)
    if exact_count:
        return value, value
    return value - half, value + half
