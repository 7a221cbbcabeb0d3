"""Kind `conversion`: a figure and its conversion into another unit."""

from __future__ import annotations

import pytest
from relation_helpers import findings, verdicts

from factcheck.rules.findings import Verdict

PITCHES = {"references": {"football pitch": "4050 to 10800 m^2"}}


@pytest.mark.parametrize(("text", "expected"), [
    ("The lake is 14 miles (23km) long.", [Verdict.passed]),
    ("The lake is 14 miles (32km) long.", [Verdict.fail]),
    ("The new depot covers 6,000 square metres (7,180 square yards).", [Verdict.passed]),
    ("The new depot covers 6,000 square metres (6,600 square yards).", [Verdict.fail]),
    ("The tank holds 500 gallons, or about 1,900 litres.", [Verdict.passed]),  # US gallon
    ("The tank holds 500 gallons, or about 2,270 litres.", [Verdict.passed]),  # imperial gallon
    ("The tank holds 500 gallons, or about 5,000 litres.", [Verdict.fail]),
    ("The cargo weighed 40 tonnes, which is equivalent to 88,000 pounds.", [Verdict.passed]),
    ("The cargo weighed 40 tonnes, which is equivalent to 8,800 pounds.", [Verdict.fail]),
    ("The wreck lies 12 miles (22km) off the coast.", [Verdict.passed]),  # nautical miles at sea
    ("It was 40C (104F) in the shade.", [Verdict.passed]),
    ("It was 40C (72F) in the shade.", [Verdict.fail]),
    ("The sea has warmed by 1C (1.8F).", [Verdict.passed]),
    ("The sea has warmed by 1C (33.8F).", [Verdict.fail]),
    ("A 0.5C (0.9F) rise is expected.", [Verdict.passed]),
    ("The site, about 1,000 feet (300m) long, is closed.", [Verdict.passed]),
    ("Over 3,000 square metres (3,588 square yards) of land was sold.", [Verdict.passed]),
    ("The scheme costs £36.5m a year, or £100,000 a day.", [Verdict.passed]),
    ("The scheme costs £36.5m a year, or £10,000 a day.", [Verdict.fail]),
    # Rates: a period written after either figure, in its clause, per day against per year.
    ("The clinic sees 18,250 patients a year, or 50 a day.", [Verdict.passed]),
    ("The clinic sees 18,250 patients a year, or 500 a day.", [Verdict.fail]),
    ("The levy raises £36.5m every year. That is £100,000 for every single day.", [Verdict.passed]),
    ("The levy raises £36.5m every year. That is £1m collected every single day.", [Verdict.fail]),
    ("The firm sold 1,200 cars in March, or 300 a week.", []),  # no period on the first figure
    # A thousandth of a unit as a share of it.
    ("The floor can flex by 30 milli-g, which equals 3 per cent of gravity.", [Verdict.passed]),
    ("The floor can flex by 30 milli-g, which equals 0.3 per cent of gravity.", [Verdict.fail]),
    # Not conversions: no equivalence between them, different dimensions, different currencies.
    ("Runners can choose 5 miles or 10km.", []),
    ("The first leg is 40 miles and the second 40km.", []),
    ("The 300m tower (worth £40m) opened.", []),
    ("It cost 900 euros ($1,300).", []),
])
def test_verdicts(text, expected) -> None:
    assert verdicts("conversion", text) == expected


def test_reference_objects_convert_with_their_size_range() -> None:
    assert verdicts("conversion", "The park covers 70 hectares, the size of 100 football pitches.",
                    **PITCHES) == [Verdict.passed]
    assert verdicts("conversion", "The park covers 70 square kilometres, the size of 100 football pitches.",
                    **PITCHES) == [Verdict.fail]
    assert verdicts("conversion", "The park covers 70 hectares, the size of 100 football pitches.") == []


def test_the_arithmetic_names_both_figures() -> None:
    (finding,) = findings("conversion", "The lake is 14 miles (32km) long.")
    assert finding.arithmetic.startswith("14 miles = 21.7")
    assert "km vs stated 31.5–32.5 km" in finding.arithmetic
    assert finding.arithmetic.endswith("km, tolerance 2% of the computed value to pass, "
                                       "5% of the computed value before fail → fail")
    assert finding.spans == ((12, 20), (22, 26))



@pytest.mark.parametrize(("text", "expected"), [
    ("The oven was set to 200 degrees (93C) for the roast.", [Verdict.passed]),  # 200F
    ("The oven was set to 200 degrees (120C) for the roast.", [Verdict.fail]),   # neither 200F nor 200C
])
def test_degrees_of_an_unstated_scale_convert_as_either_scale(text, expected) -> None:
    assert verdicts("conversion", text) == expected
