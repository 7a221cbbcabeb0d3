"""Kind `date_arithmetic`: years ago, since, anniversaries, ages and periods against the years given."""

from __future__ import annotations

from datetime import date

import pytest
from relation_helpers import findings, verdicts

from factcheck.rules.findings import Verdict
from factcheck.rules.kinds.date_arithmetic import elapsed_since

DATED = "Published 2024-06-03\n\n"


@pytest.mark.parametrize(("text", "expected"), [
    (DATED + "The charity, founded in 2009, 25 years ago, grew.", [Verdict.fail]),
    (DATED + "The charity, founded in 2009, 15 years ago, grew.", [Verdict.passed]),
    (DATED + "The bridge opened in 1974, half a century ago.", [Verdict.passed]),
    (DATED + "The pier was last repaired in 2014, ten years ago.", [Verdict.passed]),
    (DATED + "He has led the party since 2015, nine years.", [Verdict.passed]),
    (DATED + "He has led the party since 2015, for 12 years.", [Verdict.fail]),
    (DATED + "Volunteers marked the 30th anniversary of the 1999 merger.", [Verdict.fail]),
    (DATED + "Volunteers marked the 25th anniversary of the 1999 merger.", [Verdict.passed]),
    (DATED + "Born in 1960, the 64-year-old said he would stand.", [Verdict.passed]),
    (DATED + "Born in 1960, the 54-year-old said he would stand.", [Verdict.fail]),
    (DATED + "Built in 1886, the pier is now 150 years old.", [Verdict.fail]),
    ("He ruled the club for 12 years, from 1997 to 2007.", [Verdict.fail]),
    ("He ran the committee for a decade, from 2001 to 2011.", [Verdict.passed]),
    ("She served two four-year terms from 2012 to 2020.", [Verdict.passed]),
    ("She served three four-year terms from 2012 to 2020.", [Verdict.fail]),
    ("In 2010, five years after the 2004 election, he retired.", [Verdict.passed]),
    ("In 2010, ten years after the 2004 election, he retired.", [Verdict.fail]),
    ("The charity, founded in 2009, 25 years ago, grew.", []),  # no date to count from
    (DATED + "This year marks 30 years since the 1999 merger.", [Verdict.fail]),
    (DATED + "The reunion comes 15 years after the 2009 final.", [Verdict.passed]),
    (DATED + "She has been chief executive since 2016, almost a decade.", [Verdict.passed]),
    (DATED + "The company, founded in 1995, is celebrating 20 years in business.", [Verdict.fail]),
    (DATED + "In 2019 the band marked its 20th anniversary.", []),  # the year it was marked, not the event
    (DATED + "Voters backed leaving in the 2016 referendum, 12 years ago.", [Verdict.fail]),
    (DATED + "Ten years on from the 2004 tsunami, the coast has been rebuilt.", [Verdict.fail]),
    (DATED + "The club is marking 100 years since the club was founded in 1930.", [Verdict.fail]),
    (DATED + "Smith, 45, who was born in 1970, will retire.", [Verdict.fail]),
    ("She was elected in 2019 for a five-year term that runs until 2026.", [Verdict.fail]),
    ("She was elected in 2019 for a five-year term that runs until 2024.", [Verdict.passed]),
])
def test_verdicts(text, expected) -> None:
    assert verdicts("date_arithmetic", text) == expected


def test_elapsed_years_cover_any_day_of_the_event_year() -> None:
    elapsed = elapsed_since(2009, date(2024, 6, 3))
    assert 14.4 < elapsed.low < 14.5 and 15.4 < elapsed.high < 15.5


def test_a_date_in_the_text_serves_when_there_is_no_published_line() -> None:
    text = "On 3 June 2024 the charity, founded in 2009, 25 years ago, held a party."
    (finding,) = findings("date_arithmetic", text)
    assert finding.verdict is Verdict.fail
    assert "2024-06-03" in finding.arithmetic
