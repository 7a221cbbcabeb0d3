"""The one number formatter (`factcheck.intervals.format_number` / `format_interval`): figures shown
with the digits the arithmetic used, computed ends rounded outwards, one minus sign."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.intervals import Interval, format_interval, format_number


@pytest.mark.parametrize(("low", "high", "suffix", "shown"), [
    (4.845, 4.855, "", "4.845–4.855"),  # £4.85: the bounds the arithmetic used, not 4.84–4.85
    (24.35, 24.45, "%", "24.35–24.45%"),
    (161.5e9, 162.5e9, "", "161.5–162.5 billion"),  # $162bn
    (2.5e6, 3e6, "", "2.5–3.0 million"),
    (10_500, 11_500, "", "10,500–11,500"),
    (35.25, 35.35, "%", "35.25–35.35%"),  # never "35.3–35.3%"
    (2.7e6 / 11_550, 3e6 / 10_450, "", "233–288"),  # computed: rounded outwards
    (-601_500, -590_500, "", "−601,500 to −590,500"),
    (-math.inf, -600, "", "−600 or less"),  # "fell by more than 600"
    (600, math.inf, "", "600 or more"),
    (0.1 * 3, 0.7, "", "0.3–0.7"),  # float noise is not a digit
    (40, 40, "", "40"),
    (600, 4.85e6, "", "600 to 4.85 million"),  # ends of different scales, each spelt whole
    (0, 2e6, "", "0–2 million"),
])
def test_intervals_read_as_written(low: float, high: float, suffix: str, shown: str) -> None:
    assert format_interval(low, high, suffix) == shown
    assert Interval(low, high).shown(suffix) == shown


@pytest.mark.parametrize(("value", "shown"), [
    (11_000, "11,000"), (4.85e6, "4.85 million"), (0.352, "0.352"), (-3.5, "−3.5"),
    (28_000 / 45, "622"), (2e9, "2 billion"), (-0.0, "0"), (1 / 3, "0.333"), (-math.inf, "−∞"),
])
def test_numbers_read_as_written(value: float, shown: str) -> None:
    assert format_number(value) == shown


def _parse(end: str) -> float:
    scale = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
    number, _, word = end.partition(" ")
    return float(number.replace("−", "-").replace(",", "")) * scale.get(word, 1.0)


@given(st.floats(-1e15, 1e15), st.floats(0, 1e15))
def test_the_interval_shown_holds_the_interval_computed(low: float, width: float) -> None:
    high = low + width
    shown = format_interval(low, high)
    assert "-" not in shown  # one minus sign: U+2212
    if low == high:
        return
    match = re.fullmatch(r"(.+?)(?:–| to )(.+?)", shown)
    assert match is not None
    left, right = match.groups()
    word = right.rpartition(" ")[2] if right[-1].isalpha() else ""
    if word and not left[-1].isalpha() and "–" in shown:
        left = f"{left} {word}"
    slack = 1e-12 * max(1.0, abs(low), abs(high))
    assert _parse(left) <= low + slack
    assert _parse(right) >= high - slack



@given(st.floats(allow_nan=False, min_value=-1e15, max_value=1e15), st.sampled_from(["", "%"]))
def test_values_that_share_a_kept_spelling_spell_alike(value: float, suffix: str) -> None:
    """Spellings are kept by value, so equal values share one: 0.0 and -0.0, 3 and 3.0 must read
    the same spelt afresh."""
    number, interval = format_number.__wrapped__, format_interval.__wrapped__
    assert number(-0.0) == number(0.0)
    if value.is_integer():
        assert number(int(value)) == number(value)
    assert interval(-0.0, abs(value), suffix) == interval(0.0, abs(value), suffix)
    assert interval(-abs(value), -0.0, suffix) == interval(-abs(value), 0.0, suffix)
