"""Kind `percent_change`: a stated change against its from/to figures, over intervals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from relation_helpers import findings, verdicts

from factcheck.rules.findings import Verdict


@pytest.mark.parametrize(("text", "expected"), [
    ("Sales rose from 200 to 250, up 30%.", Verdict.fail),
    ("Revenue fell 8% to 9.2 billion euros from 10 billion.", Verdict.passed),
    ("Passengers grew from 2.1 million to 2.6 million, up about 24%.", Verdict.passed),
    ("The figure jumped to 1,450 last year from 1,200 in 2022, a rise of 35%.", Verdict.fail),
    ("Membership declined from 12,500 to 11,000, a fall of 12 percent.", Verdict.passed),
    ("Unemployment fell to 4.1% from 4.4%, a drop of 0.3 percentage points.", Verdict.passed),
    ("Unemployment rose from 5% to 6%, up 20%.", Verdict.passed),  # relative reading of a rate
    ("Unemployment rose from 5% to 6%, up 1%.", Verdict.passed),  # points written as %
    ("The jobless rate rose 0.9 percentage points to 5.1% from 4.8%.", Verdict.fail),
    ("Membership rose from 12,500 to 11,000 last year.", Verdict.fail),
    ("The price fell by more than £600 from £190,329 to £189,733.", Verdict.uncertain),
    ("Profits rose by a third, from 300 to 480.", Verdict.fail),
    ("Profits rose by a third, from 300 to 400.", Verdict.passed),
    ("Shares rose 5pc to 210p from 190p.", Verdict.fail),
    ("Prices are 12% higher than last year's £250, at £280.", Verdict.passed),
    ("Exports went from $4.1bn in 2022 to $5.3bn in 2023 - a 45 per cent rise.", Verdict.fail),
    ("Profit before tax was £45m, up 25% on last year's £40m.", Verdict.fail),
    ("Revenue fell to 9.2 billion euros, an 18% drop from 10 billion.", Verdict.fail),
    ("Passenger numbers rose from 3.2m to 4.1m, up 18%.", Verdict.fail),
    ("The price of a ticket has gone up by £1.50 to £4.90 from £3.70.", Verdict.fail),
    ("The number of users has risen by 50% since 2020, from 1,000 to 1,400.", Verdict.fail),
    # a rate of another measure (per unit, in real terms) is not the pair's change: only its direction
    ("A jar costs 15p more: £3.15, up from £3.00 - a rise of 12% in the price per 100g.", Verdict.passed),
    ("Average pay rose from £300 to £309, a fall of 2% in real terms.", Verdict.passed),
    ("A jar costs 15p more: £3.15, up from £3.00 - a rise of 12%.", Verdict.fail),
    ("A jar costs 15p (12%) more than last year: £3.15, up from £3.00.", Verdict.fail),  # a rate in brackets
    ("A jar costs 15p (5%) more than last year: £3.15, up from £3.00.", Verdict.passed),
])
def test_verdicts(text, expected) -> None:
    assert verdicts("percent_change", text) == [expected]


def test_chart_positions_going_up_are_smaller_numbers() -> None:
    assert verdicts("percent_change", "The single crept up the chart from six to five.") == []


def test_the_finding_shows_the_arithmetic_and_quotes_the_figures() -> None:
    text = "Sales rose from 200 to 250, up 30%."
    (finding,) = findings("percent_change", text)
    assert finding.arithmetic == ("(250 − 200) / 200 = 24.4–25.6% vs stated 29.5–30.5%, "
                                  "tolerance 2% of the computed value + 0.5 points → fail")
    assert {text[start:end] for start, end in finding.spans} == {"200", "250", "30%", "up"}
    assert finding.sentence == text


def test_the_slack_sets_the_uncertain_band() -> None:
    text = "Sales rose from 200 to 250, up 27%."  # 25%: off by more than rounding, by less than the slack
    assert verdicts("percent_change", text) == [Verdict.uncertain]
    assert verdicts("percent_change", text, slack_points=0.0, slack_relative=0.0) == [Verdict.fail]


@settings(max_examples=25, deadline=None)
@given(st.integers(100, 90_000), st.integers(101, 300))
def test_an_honestly_rounded_rise_passes_and_a_wrong_one_fails(start, growth) -> None:
    end = start * growth // 100
    change = (end - start) / start * 100
    honest = f"Sales rose from {start:,} to {end:,}, up {round(change)}%."
    wrong = f"Sales rose from {start:,} to {end:,}, up {round(change) + 10}%."
    assert verdicts("percent_change", honest) == [Verdict.passed]
    assert verdicts("percent_change", wrong) == [Verdict.fail]
