"""Relation families respectively, neighbours and headcount, checked through their rule kinds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from relation_helpers import findings, verdicts

from factcheck.documents import Document
from factcheck.rules.engine import build_context
from factcheck.rules.findings import Verdict

PASS, FAIL = Verdict.passed, Verdict.fail


@pytest.mark.parametrize(("text", "expected"), [
    # lists paired in order: the n-th "from", "to" and rate belong together
    ("Ticket sales at the two theatres rose to £330,000 and £150,000 from £300,000 and £120,000 "
     "respectively.", [PASS, PASS]),
    ("Ticket sales at the two theatres rose 10% and 25% respectively, to £330,000 and £150,000 from "
     "£300,000 and £120,000.", [PASS, PASS]),
    ("Ticket sales at the two theatres rose 25% and 10% respectively, to £330,000 and £150,000 from "
     "£300,000 and £120,000.", [FAIL, FAIL]),
    ("The two libraries' loans went from 4,000 and 2,500 to 5,000 and 3,000, rises of 25% and 20% "
     "respectively.", [PASS, PASS]),
    ("The two libraries' loans went from 4,000 and 2,500 to 5,000 and 3,000, rises of 25% and 30% "
     "respectively.", [PASS, FAIL]),
    ("Ticket sales at the two theatres fell to £330,000 and £150,000 from £300,000 and £120,000 "
     "respectively.", [FAIL, FAIL]),
    # no lists to pair: shares of one whole, or rates without their figures
    ("Men and women made up 54% and 46% of the staff respectively.", []),
    ("Sales in the two regions rose 4% and 6% respectively.", []),
])
def test_respectively_pairs_lists_in_order(text, expected) -> None:
    assert sorted(verdicts("percent_change", text), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(("text", "expected"), [
    # a base in one sentence, "up P% to N" or "N, up P%" in the next
    ("The ferry carried 410,000 passengers in 2022. Last year it carried 450,000 passengers, up 10%.",
     [PASS]),
    ("The ferry carried 410,000 passengers in 2022. Last year it carried 450,000 passengers, up 25%.",
     [FAIL]),
    ("The recycling plant took in 62,000 tonnes in 2022. Its intake rose 8% to 67,000 tonnes last year.",
     [PASS]),
    ("The recycling plant took in 62,000 tonnes in 2022. Its intake rose 18% to 67,000 tonnes last year.",
     [FAIL]),
    # labelled rates: "P% higher for L" against the figures labelled "for L" in the sentences before
    ("In the city a season ticket cost £1,150 for adults and £640 for students. In the suburbs it was "
     "£1,000 for adults and £400 for students. City prices were 15% higher for adults and 60% higher "
     "for students.", [PASS, PASS]),
    ("In the city a season ticket cost £1,150 for adults and £640 for students. In the suburbs it was "
     "£1,000 for adults and £400 for students. City prices were 15% higher for adults and 16% higher "
     "for students.", [FAIL, PASS]),
    ("In the city a season ticket cost £1,150 for adults. In the suburbs it was £1,000 for adults. Suburban "
     "prices were 13% lower for adults.", [PASS]),
    ("In the city a season ticket cost £1,150 for adults. In the suburbs it was £1,000 for adults. Suburban "
     "prices were 30% lower for adults.", [FAIL]),
    # better silent: another unit, another noun, two candidate bases, a base in the same sentence
    ("Rents were £900 a month in 2022. In 2023 they were 8% higher at £1,200.", []),
    ("The ferry carried 410,000 passengers in 2022. Last year it carried 450,000 cars, up 25%.", []),
    ("The ferry carried 410,000 passengers on one route and 400,000 passengers on the other in 2022. Last "
     "year it carried 450,000 passengers, up 25%.", []),
    ("The ferry carried 410,000 passengers and 400,000 cars in 2022. Last year it carried 450,000 "
     "passengers, up 25%.", [FAIL]),
    ("The ferry carried 410,000 passengers in 2022. A rival line carried 300,000 passengers, up 25%.", []),
    ("Adults paid £1,000 for tickets. The firm said costs for staff were 60% higher for adults.", []),
    # a lone rate in the sentence before a from/to pair that names the same thing
    ("Council to cut its fleet of vans by 40%\n\nThe fleet will shrink from 150 vans to 110 under the plan.",
     [FAIL]),
    ("Council to cut its fleet of vans by 25%\n\nThe fleet will shrink from 150 vans to 110 under the plan.",
     [Verdict.uncertain]),
    ("Council to cut its fleet of vans by 27%\n\nThe fleet will shrink from 150 vans to 110 under the plan.",
     [PASS]),
    # a fraction in words is loose, a rate of another thing, a rate with a figure of its own: no pairing
    ("Council to cut its fleet of vans by a third\n\nThe fleet will shrink from 150 vans to 110.", []),
    ("Bus fares to rise by 40%. The fleet will shrink from 150 vans to 110 under the plan.", []),
    ("Council to cut its fleet by 40% by 2030, or 60 vans. The fleet will shrink from 150 vans to 110.", []),
])
def test_changes_across_neighbouring_sentences(text, expected) -> None:
    assert sorted(verdicts("percent_change", text), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(("text", "expected"), [
    ("Each of the 1,400 nurses will receive £600. The payments will cost a total of £840,000.", [PASS]),
    ("Each of the 1,400 nurses will receive £600. The payments will cost a total of £8.4m.", [FAIL]),
    ("The 900 drivers will each get a £250 bonus, costing £225,000 in all.", [PASS]),
    ("The 900 drivers will each get a £250 bonus, costing £2.25m.", [FAIL]),
    ("The awards will cost a total of £1.2m. The trust's 1,500 porters will each receive £800.", [PASS]),
    ("The awards will cost a total of £1.2m. The trust's 1,500 porters will each receive £600.", [FAIL]),
    ("The 12 paramedics will each receive a £1,500 bonus from a £100,000 fund.", []),
])
def test_amount_each_times_headcount_against_a_stated_total(text, expected) -> None:
    assert verdicts("per_unit", text) == expected


def test_a_labelled_rate_reads_the_larger_figure_as_the_higher_one() -> None:
    text = ("Flats cost £240,000 for first-time buyers and £300,000 for movers. Houses cost £200,000 for "
            "first-time buyers and £250,000 for movers. Flats were 20% higher for movers.")
    (finding,) = findings("percent_change", text)
    assert finding.verdict is PASS
    assert "from £250,000 to £300,000" in finding.message


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(100, 900), min_size=2, max_size=2, unique=True),
       st.lists(st.integers(5, 60), min_size=2, max_size=2, unique=True))
def test_respectively_rates_in_order_pass_and_swapped_fail(bases: list[int], rates: list[int]) -> None:
    """Each base raised by its own rate passes; the rates swapped fail when they differ enough."""
    ends = [round(base * (100 + rate) / 100) for base, rate in zip(bases, rates, strict=True)]

    def sentence(said: list[int]) -> str:
        return (f"Visits to the two parks rose {said[0]}% and {said[1]}% respectively, to {ends[0]:,} and "
                f"{ends[1]:,} from {bases[0]:,} and {bases[1]:,}.")

    assert verdicts("percent_change", sentence(rates)) == [PASS, PASS]
    if abs(rates[0] - rates[1]) >= 5:
        assert FAIL in verdicts("percent_change", sentence(rates[::-1]))


def test_a_list_of_starting_points_is_no_range() -> None:
    """"from 4,000 and 2,500 to 5,000 and 3,000": four figures, not a range "2,500 to 5,000"."""
    context = build_context(Document("t", "Loans went from 4,000 and 2,500 to 5,000 and 3,000 respectively."))
    assert context.quantities["surface"].tolist() == ["4,000", "2,500", "5,000", "3,000"]
