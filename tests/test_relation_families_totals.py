"""Relation families compared, percent_of, totals and lifespan, checked through their rule kinds."""

from __future__ import annotations

import pytest
from relation_helpers import findings, verdicts

from factcheck.rules.findings import Verdict


@pytest.mark.parametrize(("text", "expected"), [
    # compared: "X, P% above/below Y" is a change from Y to X
    ("Exports reached $61.2bn, 8% above last year's $56.7bn.", [Verdict.passed]),
    ("Exports reached $61.2bn, 28% above last year's $56.7bn.", [Verdict.fail]),
    ("The club sold 41,000 tickets, 18% below the 50,000 it sold in 2019.", [Verdict.passed]),
    ("The club sold 41,000 tickets, 38% below the 50,000 it sold in 2019.", [Verdict.fail]),
])
def test_compared_figures_are_changes(text, expected) -> None:
    assert verdicts("percent_change", text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # percent_of: a share of a total stated just before
    ("The council's budget is £40m. Staff costs take 30%, which is £12m.", [Verdict.passed]),
    ("The council's budget is £40m. Staff costs take 30%, which is £1.2m.", [Verdict.fail]),
    ("The float raised $8.4bn, and advisers earn a fee of 2 percent, which would be about $170m.",
     [Verdict.passed]),
    ("The float raised $8.4bn, and advisers earn a fee of 2 percent, which would be about $1.7bn.",
     [Verdict.fail]),
    ("Sales were £90m. Profit rose 10%, or £5m.", []),  # a change is a share of an earlier level
    # totals: parts of a whole across a sentence boundary, and a colon list
    ("About 900 tonnes of waste were cleared. 300 tonnes of that came from the beach, with another "
     "200 tonnes from the park.", [Verdict.passed]),
    ("About 900 tonnes of waste were cleared. 600 tonnes of that came from the beach, with another "
     "500 tonnes from the park.", [Verdict.fail]),
    ("The 2,400 votes were counted twice: 1,300 postal votes and 1,100 ballot-box votes.", [Verdict.passed]),
    ("The 2,400 votes were counted twice: 1,300 postal votes and 1,400 ballot-box votes.", [Verdict.fail]),
    ("The 2,400 votes were counted in two halls: 1,300 on Friday and 900 people attended.", []),
])
def test_shares_of_stated_totals_and_parts_across_sentences(text, expected) -> None:
    assert verdicts("part_whole", text) == expected


def test_parts_a_thousandth_of_their_whole_reveal_a_magnitude_slip() -> None:
    text = ("Some 420,030 tonnes of grain were stored. 120 tonnes of that went to the mill, and another "
            "300 tonnes to the port.")
    (finding,) = findings("part_whole", text)
    assert finding.verdict is Verdict.fail
    assert "1,000 × the parts' sum" in finding.arithmetic


@pytest.mark.parametrize(("text", "expected"), [
    ("The pilot, born in 1919 in Hull, was killed in 1944 fighting over France.", [Verdict.passed]),
    ("The pilot, born in 1939 in Hull, was killed in 1944 fighting over France.", [Verdict.fail]),
    ("The architect was born in 1901. She died in 1899 in Vienna.", [Verdict.fail]),
    ("The baby born in 1920 died in 1920 of fever.", [Verdict.passed]),
])
def test_lifespans(text, expected) -> None:
    assert verdicts("date_arithmetic", text) == expected
