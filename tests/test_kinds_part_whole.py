"""Kind `part_whole`: shares of one split, parts of a stated whole, shares against counts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from relation_helpers import findings, verdicts

from factcheck.rules.findings import Verdict


@pytest.mark.parametrize(("text", "expected"), [
    ("In the survey, 46% backed the bypass, 41% opposed it and 19% were undecided.", [Verdict.fail]),
    ("In the survey, 46% backed the bypass, 41% opposed it and 13% were undecided.", [Verdict.passed]),
    ("Of those asked, 34% favoured the hall, 33% the yard and 34% the riverside.", [Verdict.passed]),
    ("Of those asked, 33% favoured the hall, 33% the yard and 33% the riverside.", [Verdict.passed]),
    ("Labour won 38% of the vote, the Tories 35%, the Lib Dems 22% and others 9%.", [Verdict.fail]),
    ("Labour won 38% of the vote, the Tories 30%, the Lib Dems 12% and others 10%.", [Verdict.fail]),
    ("Labour won 38% of the vote, the Tories 35%, the Lib Dems 18% and others 9%.", [Verdict.passed]),
    ("Of the 1,200 workers at the plant, 700 are men and 560 are women.", [Verdict.fail]),
    ("Of the 1,200 workers at the plant, 640 are men and 560 are women.", [Verdict.passed]),
    ("Of the 1,200 workers, 300 are managers, 500 are drivers and the rest, 300, clerks.", [Verdict.fail]),
    ("Just 48 of the 160 schools inspected (40%) were rated good.", [Verdict.fail]),
    ("Some 312 of the 1,040 people who replied, or 30%, asked for longer hours.", [Verdict.passed]),
    ("Women made up 62% of the 450 recruits, or 230 people.", [Verdict.fail]),
    ("Some 320 of the 300 delegates voted.", [Verdict.fail]),
    ("Three of the 15 delegates voted.", []),  # a part that fits its whole is not worth a line
    ("Three-quarters of the 400 staff - 250 people - work part-time.", [Verdict.fail]),
    ("Half of the 800 members, some 400 people, voted for the motion.", [Verdict.passed]),
    ("The 2,000 runners included 1,200 men and 950 women.", [Verdict.fail]),
    ("In the poll, Smith had 44%, Jones 39% and undecided voters made up 22%.", [Verdict.fail]),
    ("Shares in Elan lost 70% while its partner Biogen shed 43%.", []),
    ("Some 70% of the budget goes on salaries, 25% on buildings and 15% on equipment.", [Verdict.fail]),
    ("Of the 120 cases, 70 were in the north, 40 in the south and the remaining 10 in the west.",
     [Verdict.passed]),
    ("The top 40 chart includes tracks at number 20, number 27 and number 37.", []),
])
def test_verdicts(text, expected) -> None:
    assert verdicts("part_whole", text) == expected


def test_reporting_single_parts_is_a_rule_field() -> None:
    assert verdicts("part_whole", "Three of the 15 delegates voted.", report_passes=True) == [Verdict.passed]


def test_the_arithmetic_adds_the_shares() -> None:
    text = "In the survey, 46% backed it, 41% opposed it and 19% were undecided."
    (finding,) = findings("part_whole", text)
    assert finding.arithmetic == ("46% + 41% + 19% = 104.5–107.5% vs = 100%, tolerance 1 point "
                                  "→ fail")


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(1, 45), min_size=3, max_size=3).filter(lambda xs: 55 <= sum(xs) < 100))
def test_a_split_rounded_to_whole_percentages_passes(shares) -> None:
    """(Two shares over 50% are taken for answers to different questions, so none is here.)"""
    rest = 100 - sum(shares)
    text = (f"In the poll, {shares[0]}% backed Ann, {shares[1]}% backed Bob, {shares[2]}% backed Cy "
            f"and {rest}% were undecided.")
    assert verdicts("part_whole", text) == [Verdict.passed]
    too_many = text.replace(f" {rest}% were", f" {rest + 5}% were")
    assert verdicts("part_whole", too_many) == [Verdict.fail]
