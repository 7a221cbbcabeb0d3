"""Kind `dimensions`: a rectangle's sides against the area given for the same thing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from relation_helpers import findings, verdicts

from factcheck.rules.findings import Verdict


@pytest.mark.parametrize(("text", "expected"), [
    ("The yard measures 30 by 20 metres, covering 600 square metres.", [Verdict.passed]),
    ("The yard measures 30 by 20 metres, covering 6,000 square metres.", [Verdict.fail]),
    ("The yard measures 30m x 20m (600 square metres).", [Verdict.passed]),
    ("The yard measures 30m x 20m (660 square metres).", [Verdict.uncertain]),
    ("A 12-by-15-foot kitchen of 180 sq ft was added.", [Verdict.passed]),
    ("The field is 100 metres by 100 metres, an area of 1 hectare.", [Verdict.passed]),
    ("The field is 100 metres by 100 metres, an area of 10 hectares.", [Verdict.fail]),
    ("The field is 200 by 100 metres, or about 5 acres.", [Verdict.passed]),
    # tied across sentences by one noun, or by "an area" and a shape
    ("The new library will be 25 by 40 metres. The 1,000 square metre library opens in June.",
     [Verdict.passed]),
    ("The new library will be 25 by 40 metres. The 4,000 square metre library opens in June.",
     [Verdict.fail]),
    ("Protesters held a 300 square metre area. They were fenced into a rectangle 60 by 90 metres.",
     [Verdict.fail]),
    # an open bound gives the size: "no more than 60 by 90" is close to 60 by 90
    ("Protesters held a 5,400 square metre area, a rectangle no more than 60 by 90 metres.",
     [Verdict.passed]),
    # not tied: a part named by another noun, two areas or two rectangles, a box
    ("The 40 by 60 metre hall has a 500 square metre stage.", []),
    ("The barn, 20m x 30m, has a floor of 900 square metres.", []),
    ("The site is 50 by 80 metres. The council also owns a 900 square metre plot and a 700 square metre "
     "area nearby.", []),
    ("A crate of 30 by 40 by 50 centimetres sits on a 2,000 square metre area.", []),
    ("Drivers swapped cars 4 x 100 metres apart on the 3,000 square metre track.", []),
    # an area in brackets after another area is its conversion, not a second area
    ("A 900 square metre area (1,080 square yards) is held. It is a rectangle 30 by 30 metres.",
     [Verdict.passed]),
])
def test_verdicts(text, expected) -> None:
    assert verdicts("dimensions", text) == expected


def test_the_arithmetic_multiplies_the_sides_in_the_areas_unit() -> None:
    (finding,) = findings("dimensions", "The field is 100 metres by 100 metres, an area of 10 hectares.")
    assert finding.arithmetic.startswith("100 × 100 metre = ")
    assert "hectare vs stated" in finding.arithmetic
    assert finding.message.endswith("but comes to about 1 hectare")


@settings(max_examples=40, deadline=None)
@given(st.integers(5, 400), st.integers(5, 400), st.sampled_from([1, 3, 10]))
def test_the_product_passes_and_a_multiple_of_it_fails(a: int, b: int, times: int) -> None:
    """The sides' product, written as an area, passes; three or ten times it fails."""
    text = f"The depot measures {a} by {b} metres, covering {a * b * times:,} square metres."
    assert verdicts("dimensions", text) == [Verdict.passed if times == 1 else Verdict.fail]
