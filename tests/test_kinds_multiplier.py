"""Kind `multiplier`: doubled, halved, tripled, twice as many, against the figures' ratio."""

from __future__ import annotations

import pytest
from relation_helpers import findings, verdicts

from factcheck.rules.findings import Verdict


@pytest.mark.parametrize(("text", "expected"), [
    ("The number of cases doubled from 30 to 75.", Verdict.fail),
    ("The number of cases doubled from 30 to 61.", Verdict.passed),
    ("Orders nearly doubled, from 1,150 to 2,180.", Verdict.passed),
    ("Orders nearly doubled, from 1,150 to 2,500.", Verdict.fail),
    ("Attendance has more than doubled, from 1,800 to 4,100.", Verdict.passed),
    ("Attendance has more than doubled, from 1,800 to 3,000.", Verdict.fail),
    ("The backlog was halved from 840 cases to 430.", Verdict.passed),
    ("The backlog was halved from 840 cases to 600.", Verdict.fail),
    ("Buses have tripled in two years, from 42 to 96.", Verdict.fail),
    ("Output saw a fourfold increase, from 25 to 100 tonnes.", Verdict.passed),
    ("This year 3,600 applied, twice as many as the 2,400 last year.", Verdict.fail),
    ("Applications reached 900, three times as many as the 300 last year.", Verdict.passed),
    ("Applications reached 1,200, three times more than the 300 last year.", Verdict.passed),
])
def test_verdicts(text, expected) -> None:
    assert verdicts("multiplier", text) == [expected]


def test_a_ratio_just_outside_the_tolerance_is_uncertain() -> None:
    assert verdicts("multiplier", "The number of cases doubled from 100 to 228.") == [Verdict.uncertain]


def test_the_arithmetic_names_the_claimed_ratio() -> None:
    (finding,) = findings("multiplier", "The number of cases doubled from 30 to 75.")
    assert finding.arithmetic == ("75 / 30 = 2.44–2.56× vs 'doubled' = 1.8–2.2×, "
                                  "tolerance 5% of the computed value → fail")


def test_tolerance_is_a_rule_field() -> None:
    assert verdicts("multiplier", "Cases doubled from 100 to 240.", tolerance=0.25) == [Verdict.passed]
