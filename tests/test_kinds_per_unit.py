"""Kind `per_unit`: a total over a count against the amount stated for each."""

from __future__ import annotations

import pytest
from relation_helpers import findings, verdicts

from factcheck.rules.findings import Verdict


@pytest.mark.parametrize(("text", "expected"), [
    ("The district spent $2 million on 400 laptops, or $8,000 each.", [Verdict.fail]),
    ("The district spent $2 million on 400 laptops, or $5,000 each.", [Verdict.passed]),
    ("The trust paid £3.6m for 45 new vehicles, about £80,000 apiece.", [Verdict.passed]),
    ("The £1.2m contract covers 300 homes, or £5,000 per home.", [Verdict.fail]),
    ("It will pay £450 to each of the 2,000 families, a total of £1.2m.", [Verdict.fail]),
    ("The 1,200 tonnes of grain were shared among 40 villages, 30 tonnes per village.", [Verdict.passed]),
    ("The 1,200 tonnes of grain were shared among 40 villages, 40 tonnes per village.", [Verdict.fail]),
    ("He earns £20,000 from newspaper articles and up to £35,000 for four speeches.", []),
    ("Investors get 0.41 shares and $1.50 in cash for each share, plus $4.50 a share.", []),
    ("The 12 paramedics will each receive a £1,500 bonus from a £100,000 fund.", []),
    ("They paid £900,000 for 30 buses, or £45,000 a bus.", [Verdict.fail]),
    ("They paid £900,000 for 30 buses, or £30,000 a bus.", [Verdict.passed]),
    ("Each of the 250 delegates paid a £400 fee, raising £150,000.", [Verdict.fail]),
    ("The project cost $6m, or $1,200 for each of the 5,000 homes connected.", [Verdict.passed]),
    ("He earns £80,000 a year from 12 clients.", []),
    ("The government set aside £50m for 2,000 electric vans, which works out at £40,000 per van.",
     [Verdict.fail]),
    ("The scheme will cost $1.5bn over five years, or $300m a year.", [Verdict.passed]),
    ("The scheme will cost $1.5bn over five years, or $500m a year.", [Verdict.fail]),
])
def test_verdicts(text, expected) -> None:
    assert verdicts("per_unit", text) == expected


def test_the_arithmetic_divides_the_total() -> None:
    (finding,) = findings("per_unit", "The district spent $2 million on 400 laptops, or $8,000 each.")
    assert finding.arithmetic.startswith("$2 million / 400 = $")
    assert finding.arithmetic.endswith("each, tolerance 5% of the computed value → fail")
