"""Extraction reads news figures the way a fact-checker does (example sentences written for these tests)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from extract_helpers import table

from factcheck.extract import extract
from factcheck.extract.schema import SchemaError, validate

SEED = Path(__file__).resolve().parents[1] / "seeds" / "001_45f20f59b2f0f4cf.txt"



def only(text: str) -> pd.Series:
    result = table(text)
    assert len(result) == 1, result[["surface", "value", "unit"]]
    return result.iloc[0]


def surfaces(text: str) -> list[str]:
    return table(text)["surface"].tolist()


# --- the seed article, as issue 2's "Done means" describes it -------------------------------

@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    text = SEED.read_text(encoding="utf-8")
    result = extract(text, doc="seed")
    validate(result, {"seed": text})
    return result


def _row(seed: pd.DataFrame, surface_start: str) -> pd.Series:
    rows = seed[seed["surface"].str.startswith(surface_start)]
    assert len(rows) == 1, seed[["surface", "concept"]]
    return rows.iloc[0]


def test_seed_counts_missiles_and_containers(seed: pd.DataFrame) -> None:
    missiles = _row(seed, "40")
    assert (missiles.value, missiles.concept, missiles.qualifier) == (40, "ballistic missiles", "exact")
    containers = _row(seed, "11,000")
    assert containers.concept == "weapons containers" and containers.qualifier == "approx"
    assert containers.low < 11_000 < containers.high


def test_seed_reads_almost_three_million_rounds_as_below(seed: pd.DataFrame) -> None:
    rounds = _row(seed, "three million")
    assert rounds.concept.startswith("rounds of")
    assert rounds.high == 3_000_000 and 2_000_000 <= rounds.low < 3_000_000


def test_seed_units_and_vague_money(seed: pd.DataFrame) -> None:
    calibre = _row(seed, "152 mm")
    assert (calibre.dimension, calibre.concept) == ("length", "artillery shells")
    money = _row(seed, "several billion")
    assert money.dimension == "currency" and money.qualifier == "vague"
    assert 1e9 <= money.low < money.high <= 1e10
    assert _row(seed, "15 years").dimension == "time"


def test_seed_has_no_year_as_date(seed: pd.DataFrame) -> None:
    assert not ((seed["value"] >= 1900) & (seed["value"] <= 2100) & (seed["dimension"] == "count")).any()


# --- money ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The deal was worth $2.5bn last week.", 2.5e9, "dollar"),
    ("The club paid £600m for the site.", 6e8, "pound sterling"),
    ("The grant of €61m was approved.", 6.1e7, "euro"),
    ("Fans raised 25k for the shelter.", 25_000, ""),
    ("The budget rose to 3.4 million dollars.", 3.4e6, "dollar"),
    ("It cost US$1.2 trillion in total.", 1.2e12, "united states dollar"),
    ("The bill came to 4.5 billion yen.", 4.5e9, "japanese yen"),
    ("Shares closed at 182p on Friday.", 182, "penny"),
    ("The lender plans to raise Rmb40bn from investors.", 4e10, "chinese yuan"),
    ("A Zurich insurer booked SFr 1.2bn of claims.", 1.2e9, "swiss franc"),
    ("The fund sold NKr300m of shares.", 3e8, "norwegian krone"),
    ("Dividends totalled SEK 4bn.", 4e9, "swedish krona"),
    ("The colony's debts reached 3 thousand million pounds.", 3e9, "pound sterling"),
    ("Critics put the bill at $2bn trillion.", 2e21, "dollar"),  # a slip read as written, not as $2bn
])
def test_money_with_magnitudes(text: str, value: float, unit: str) -> None:
    row = only(text)
    assert math.isclose(row.value, value) and row.unit == unit


def test_amount_in_parentheses_is_a_second_positive_figure() -> None:
    result = table("The firm was sold for $1.13bn (£600m) in cash.")
    assert result["value"].tolist() == [1.13e9, 6e8]
    assert result["unit"].tolist() == ["dollar", "pound sterling"]


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Repairs will cost several billion dollars.", 2e9, 9e9),
    ("Tens of thousands of pilgrims walked.", 1e4, 1e5),
    ("Millions of homes lost power.", 1e6, 1e7),
    ("Dozens of shops closed.", 12, 120),
])
def test_vague_amounts_are_intervals(text: str, low: float, high: float) -> None:
    row = only(text)
    assert (row.qualifier, row.low, row.high) == ("vague", low, high)


# --- hedges, ranges and rounding ------------------------------------------------------------------

@pytest.mark.parametrize(("hedge", "qualifier"), [
    ("about", "approx"), ("around", "approx"), ("roughly", "approx"), ("some", "approx"),
    ("almost", "less_than"), ("nearly", "less_than"), ("just under", "less_than"),
    ("more than", "more_than"), ("over", "more_than"), ("at least", "at_least"),
    ("up to", "at_most"), ("at most", "at_most"), ("less than", "less_than"),
])
def test_hedges_set_qualifier_and_interval(hedge: str, qualifier: str) -> None:
    row = only(f"Police said {hedge} 340 people attended.")
    assert row.qualifier == qualifier and row.surface == "340"
    if hedge in ("almost", "nearly", "just under"):
        assert row.low < 340 == row.high
    elif qualifier in ("more_than", "at_least"):
        assert row.low == 340 and math.isinf(row.high)
    elif qualifier in ("at_most", "less_than"):
        assert row.low == 0 and row.high == 340
    else:
        assert row.low < 340 < row.high


@pytest.mark.parametrize(("text", "qualifier"), [
    ("Simmer it for ~15 minutes.", "approx"),
    ("The fund holds 100 or more firms.", "at_least"),
    ("They hired 50-plus staff.", "at_least"),
])
def test_hedges_written_against_or_after_the_figure(text: str, qualifier: str) -> None:
    assert only(text).qualifier == qualifier


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("Between 40 and 50 boats sank.", 40, 50, ""),
    ("The queue stretched 10-15 km along the coast.", 10, 15, "kilometre"),
    ("It takes three or four years to qualify.", 3, 4, "year"),
    ("Flats cost from $240,000 to $3.2 million.", 240_000, 3.2e6, "dollar"),
    ("The lake cooled by 2 to 2.5 degrees Celsius.", 2, 2.5, "degree celsius"),
    ("The drought lasted 10 to 12 more years.", 10, 12, "year"),
    ("The fine could reach between 2 and 2.5 billion euros.", 2e9, 2.5e9, "euro"),
])
def test_ranges_are_one_figure(text: str, low: float, high: float, unit: str) -> None:
    row = only(text)
    assert (row.qualifier, row.low, row.high, row.unit) == ("range", low, high, unit)


def test_from_to_change_is_two_figures() -> None:
    result = table("Membership grew from 200 to 250 last year.")
    assert result["value"].tolist() == [200, 250]
    assert (result["qualifier"] == "exact").all()


def test_change_to_a_level_keeps_both_figures() -> None:
    result = table("The surplus grew by $2.1 billion to $80.4 billion.")
    assert result["value"].tolist() == [2.1e9, 80.4e9]


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Output reached 2.1 million tonnes.", 2.05e6, 2.15e6),
    ("Turnout was 24% in the north.", 23.5, 24.5),
    ("Roughly 11,000 jobs went.", 10_450, 11_550),
    ("The mill employed 11,000 people.", 10_500, 11_500),
    ("The ship carried 40 containers.", 40, 40),
    ("The ship carried about 40 containers.", 38, 42),
])
def test_rounding_implied_by_the_written_figure(text: str, low: float, high: float) -> None:
    row = only(text)
    assert math.isclose(row.low, low) and math.isclose(row.high, high)


# --- units and concepts ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "unit", "dimension"), [
    ("The storm hit 87 mph at its peak.", "mile per hour", "speed"),
    ("The engine makes 640bhp.", "horsepower", "power"),
    ("It was 12C in the shade.", "degree celsius", "temperature"),
    ("The pier is 48.3 metres long.", "metre", "length"),
    ("The tank holds 24.5 cubic feet.", "cubic foot", "volume"),
    ("The phone has a 4500 mAh battery.", "milliampere-hour", "charge"),
    ("The flat lets for $1,800 a month.", "dollar per month", "currency"),
    ("The refinery makes 52,000 barrels a day.", "barrel per day", "volumetric flow"),
    ("The trial lasted three hours.", "hour", "time"),
    ("Oil traded at $58 per barrel.", "dollar per barrel", "currency"),
    ("Rates rose 25 basis points.", "basis point", "percentage"),
    ("The plume extends hundreds of miles.", "mile", "length"),
])
def test_units(text: str, unit: str, dimension: str) -> None:
    row = only(text)
    assert (row.unit, row.dimension) == (unit, dimension)


@pytest.mark.parametrize(("text", "concept"), [
    ("Engineers fitted 12 solar panels on the roof.", "solar panels"),
    ("A survey found that 31 per cent of tenants had no insurance.", "tenants"),
    ("The crew laid 110 mm pipes.", "pipes"),
    ("Rescuers found 3 injured climbers.", "injured climbers"),
    ("It costs $9 to enter.", None),
])
def test_concepts(text: str, concept: str | None) -> None:
    assert only(text).concept == concept


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("About 1.2m people watched.", 1.2e6, ""),
    ("She won the 100m hurdles.", 100, "metre"),
    ("They face 5 real problems.", 5, ""),
    ("They sell four-wheel buggies.", 4, ""),
    ("Sales beat the preceding three quarters.", 3, ""),  # periods, not the fraction 3/4
    ("Only one survived the crash.", 1, ""),
])
def test_m_suffix_and_words_that_only_look_like_units(text: str, value: float, unit: str) -> None:
    row = only(text)
    assert (row.value, row.unit) == (value, unit)


def test_age_after_a_name() -> None:
    row = only("Okoro, 71, has stepped down.")
    assert (row.value, row.unit, row.dimension) == (71, "year", "time")


# --- numbers that are not quantities ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The company was founded in 2009.",
    "Elections are due on March 29 and the count follows.",
    "The 21st century began quietly.",
    "He bought a Galaxy 7 last month.",
    "Covid-19 spread quickly.",
    "It was one of the few quiet nights of the year.",
    "A man was arrested.",
    "The vote closed at 9:45 PM.",
    "The shop opens 24/7 now.",
    "Friday, March 14 2014 at 3pm.",
    "No. 10 issued a statement.",
    "They live at 49 Zorro Ranch Road.",
    "The team won 2-0 at home.",
    "Unemployment in the 1990s was high.",
    "She won twice as Leeds rallied.",
    "England 17-18 France was the result.",
    "She missed the Six Nations with injury.",
    "A third penalty followed.",
    "Phones with 3D screens and 5G chips sold.",
    "He beat world number seven Coria.",
    "Profits were buoyed by one-off gains.",
    "The question is a thorny one and unresolved.",
    "It signed a deal similar to one between Iran and China.",
])
def test_not_quantities(text: str) -> None:
    assert surfaces(text) == []


def test_four_digit_count_before_a_plural_noun_is_not_a_year() -> None:
    assert only("The firm employs 2000 workers.").value == 2000


def test_a_year_never_joins_a_range_or_takes_a_unit() -> None:
    result = table("Economy rose from 31 mpg in 2012 to 44 mpg in 2022.")
    assert result["surface"].tolist() == ["31 mpg", "44 mpg"]


# --- fractions and multipliers ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "dimension"), [
    ("Half of the voters stayed home.", 0.5, "fraction"),
    ("A third of homes lack broadband.", 1 / 3, "fraction"),
    ("Two-thirds of staff agreed.", 2 / 3, "fraction"),
    ("One in five adults smokes.", 0.2, "fraction"),
    ("Some 3/8 of the budget went on roads.", 3 / 8, "fraction"),
    ("Prices have doubled since then.", 2, "multiplier"),
    ("Sales rose tenfold.", 10, "multiplier"),
    ("The tower is twice as tall as the spire.", 2, "multiplier"),
    ("We would pay 14 times as much.", 14, "multiplier"),
])
def test_fractions_and_multipliers(text: str, value: float, dimension: str) -> None:
    row = only(text)
    assert math.isclose(row.value, value) and row.dimension == dimension and row.unit == ""


def test_negative_and_scientific_numbers() -> None:
    assert only("It can dip to minus 40 degrees Fahrenheit.").value == -40
    assert math.isclose(only("The grain weighs 6.5×10^-7 kilograms.").value, 6.5e-7)


# --- sentences and the table --------------------------------------------------------------------------

def test_sentence_columns_follow_abbreviations_and_paragraphs() -> None:
    text = ("Mr. Smith of the U.S. firm paid $2.5m. The No. 2 bank lent 3 more.\n\n"
            "A second paragraph adds 7 boats. Dr. J. Lee counted 4.5 km.")
    result = table(text)
    assert result["surface"].tolist() == ["$2.5m", "3", "7", "4.5 km"]
    assert result["paragraph"].tolist() == [0, 0, 1, 1]
    assert result["sentence"].tolist() == [
        "Mr. Smith of the U.S. firm paid $2.5m.", "The No. 2 bank lent 3 more.",
        "A second paragraph adds 7 boats.", "Dr. J. Lee counted 4.5 km."]
    for row in result.itertuples():
        assert text[row.sentence_start:row.sentence_start + len(row.sentence)] == row.sentence


def test_empty_text_gives_the_typed_empty_table() -> None:
    result = table("")
    assert result.empty and list(result.columns)[:3] == ["doc", "start", "end"]


def test_validate_rejects_a_broken_table() -> None:
    broken = table("The ship carried 40 containers.")
    broken.loc[0, "low"] = 50.0
    with pytest.raises(SchemaError, match="outside"):
        validate(broken)


def test_package_api_survives_importing_the_subpackage() -> None:
    import factcheck
    import factcheck.extract.core  # binds the name factcheck.extract to the subpackage

    assert factcheck.extract("It cost $5.").iloc[0].value == 5
