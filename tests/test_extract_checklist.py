"""A checklist of the misreadings editors and an extraction suite found, one sentence each, written
for this file: every figure the sentence holds, as (surface, value, unit, qualifier)."""

from __future__ import annotations

import math

import pytest

from factcheck.extract import extract

M = 1e6
CHECKLIST: list[tuple[str, list[tuple[str, float, str, str]]]] = [
    ("Some 0.8m of the county's 1.3m Hindus live in towns.",
     [("0.8m", 0.8 * M, "", "approx"), ("1.3m", 1.3 * M, "", "exact")]),
    ("The airline ordered ten 787 jets.", [("ten", 10, "", "exact")]),
    ("Turnout climbed from 41% to 63%.",
     [("41%", 41, "percentage", "exact"), ("63%", 63, "percentage", "exact")]),
    ("A quarter of a million visitors came.", [("A quarter of a million", 250_000, "", "exact")]),
    ("The council has taken it up to 18 weeks.", [("18 weeks", 18, "week", "exact")]),
    ("About 200 homes flooded over 12 years.",
     [("200", 200, "", "approx"), ("12 years", 12, "year", "exact")]),
    ("He gave the team a better than 40% chance.", [("40%", 40, "percentage", "more_than")]),
    ("Tens of thousand fans marched.", [("Tens of thousand", 10_000, "", "vague")]),
    ("She landed a 5 figure salary.", [("5 figure", 10_000, "", "vague")]),
    ("The vote is on 21 or 22 June.", []),
    ("2011 saw the firm double its output.", []),
    ("Pupils in Key Stages 2, 3 and 4 sat the test.", []),
    ("The plan: 1) cut fees 2) hire staff.", []),
    ("Waiting times fell from 48 to just 30 days.",
     [("48", 48, "day", "exact"), ("30 days", 30, "day", "exact")]),
    ("A fifth of all patients waited.", [("A fifth", 0.2, "", "exact")]),
    ("The 2013-14 season began.", []),
    ("The group raised $ 45 million.", [("$ 45 million", 45 * M, "dollar", "exact")]),
    ("The fund paid C$ 12.1 million.", [("C$ 12.1 million", 12.1 * M, "canadian dollar", "exact")]),
    ("They paid 90 million finnish markka.",
     [("90 million finnish markka", 90 * M, "finnish markka", "exact")]),
    ("Support reached 100 percentage.", [("100 percentage", 100, "percentage", "exact")]),
    ("Margins fell to minus four percent.", [("minus four percent", -4, "percentage", "exact")]),
    ("Her temperature hit 101.2 degrees f.", [("101.2 degrees f", 101.2, "degree fahrenheit", "exact")]),
    ("The pool was 28 deg celsius.", [("28 deg celsius", 28, "degree celsius", "exact")]),
    ("It felt like 37.5 celcius.", [("37.5 celcius", 37.5, "degree celsius", "exact")]),
    ("Set the oven to 180° first.", [("180°", 180, "degree", "exact")]),
    ("The car reached 155 miles an hour.", [("155 miles an hour", 155, "mile per hour", "exact")]),
    ("They walked 6 1/2 miles.", [("6 1/2 miles", 6.5, "mile", "exact")]),
    ("It ran on a 1/8 mile loop.", [("1/8 mile", 0.125, "mile", "exact")]),
    ("We walked one mile more.", [("one mile", 1, "mile", "exact")]),
    ("The mast is 14 m 3 dm tall.", [("14 m 3 dm", 14.3, "metre", "exact")]),
    ("The lock keeper is 5 ft 9 in.", [("5 ft 9 in", 69, "inch", "exact")]),
]


@pytest.mark.parametrize(("text", "expected"), CHECKLIST, ids=[text for text, _ in CHECKLIST])
def test_checklist(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    rows = extract(text)
    found = list(zip(rows.surface, rows.value, rows.unit, rows.qualifier, strict=True))
    assert [row[0] for row in found] == [surface for surface, *_ in expected]
    for (_, value, unit, qualifier), (_, want, *written) in zip(found, expected, strict=True):
        assert math.isclose(value, want, rel_tol=1e-9)
        assert [unit, qualifier] == written
