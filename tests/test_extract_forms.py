"""General forms of figures in news copy: transliterated currency signs, measured fractions, units shared
across a change, parts of a whole, and house numbers and codes that are no quantity. Every sentence
here is written for this test."""

from __future__ import annotations

import math

import pytest
from extract_helpers import assert_reads, row, table


@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("The retailer was valued at PS3.4bn on Friday.", "PS3.4bn", 3.4e9, "pound sterling"),
    ("The average fare rose to PS12,450 last year.", "PS12,450", 12450, "pound sterling"),
    ("The bonus came to PS1.25m.", "PS1.25m", 1.25e6, "pound sterling"),
    ("Shares in the carmaker slid to Y=3,815.", "Y=3,815", 3815, "japanese yen"),
    ("It booked a profit of Y=72 billion.", "Y=72 billion", 72e9, "japanese yen"),
])
def test_transliterated_pound_and_yen_signs(text: str, surface: str, value: float, unit: str) -> None:
    assert_reads(text, surface, value, unit)


@pytest.mark.parametrize("text", ["Sales of the PS5 console beat the PS4.", "The UPS2 parcel left."])
def test_a_product_name_is_no_pound_sign(text: str) -> None:
    assert (table(text)["dimension"] != "currency").all()


@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("A mug holds about 1/3 of a litre of tea.", "1/3 of a litre", 1 / 3, "litre"),
    ("The path is a quarter of a mile long.", "a quarter of a mile", 0.25, "mile"),
    ("Each screw is 5/8 of an inch wide.", "5/8 of an inch", 0.625, "inch"),
    ("A teaspoon is 1/6 of a US fluid ounce.", "1/6 of a US fluid ounce", 1 / 6, "fluid ounce"),
    ("The wait was three-quarters of an hour.", "three-quarters of an hour", 0.75, "hour"),
])
def test_a_fraction_of_a_unit_measures_in_that_unit(text: str, surface: str, value: float, unit: str) -> None:
    assert_reads(text, surface, value, unit)


def test_a_fraction_of_a_group_stays_a_share() -> None:
    assert row("A fifth of a class failed.", "A fifth").dimension == "fraction"


def test_a_unit_after_us_or_imperial_is_still_read() -> None:
    assert row("The boiler holds 30 imperial gallons.", "30 imperial gallons").unit == "gallon"


@pytest.mark.parametrize(("text", "later"), [
    ("His weight went from 96 kg to 88 over the summer.", "88"),
    ("Average speeds dropped from 70 mph to 62.", "62"),
    ("Mileage went from about 30-34 mpg to 41 in the new model.", "41"),
])
def test_a_level_after_a_change_from_a_measure_shares_its_unit(text: str, later: str) -> None:
    rows = table(text)
    assert rows["unit"].nunique() == 1 and row(text, later).unit != ""


def test_a_range_from_low_to_high_stays_one_range() -> None:
    figure = row("Tickets range from 15 euros to 40 euros.", "15 euros to 40 euros")
    assert (figure.low, figure.high) == (15, 40)


def test_a_scaled_part_of_a_whole_takes_the_whole_s_unit() -> None:
    text = "The city has spent 420 million of the 2.5 billion euros set aside."
    part = row(text, "420 million")
    assert part.unit == "euro" and math.isclose(part.value, 420e6)


def test_a_counted_part_of_a_measured_whole_stays_a_count() -> None:
    assert row("Three of the 12 km were closed.", "Three").unit == ""


@pytest.mark.parametrize("text", [
    "The family home at 27 Elm Grove Road was sold.",
    "Her office is at 120 E 45th St in Manhattan.",
    "They rented a flat at 14 Rue Royale for the summer.",
    "House prices in the 60614 ZIP code kept climbing.",
])
def test_house_numbers_and_codes_are_no_quantity(text: str) -> None:
    assert table(text).empty


def test_a_number_before_a_capitalised_noun_still_counts() -> None:
    assert row("The kennel keeps 6 St Bernards.", "6").value == 6


def test_a_range_keeps_the_more_specific_of_two_ways_to_write_one_currency() -> None:
    figure = row("The forecast was cut to US $61 to $64 billion.", "US $61 to $64 billion")
    assert (figure.low, figure.high, figure.unit) == (61e9, 64e9, "united states dollar")


def test_a_range_that_changes_to_another_range_is_two_ranges() -> None:
    rows = table("The bank moved its growth forecast from 4 to 6 per cent to 2 to 3 per cent.")
    assert rows["qualifier"].tolist() == ["range", "range"]
    assert rows[["low", "high"]].values.tolist() == [[4, 6], [2, 3]]


@pytest.mark.parametrize(("text", "first", "second"), [
    ("The contract is worth 30 million euros ($33 million) a year.", "30 million euros", "$33 million"),
    ("Her pension (£18,200) a year was cut.", "£18,200", None),
])
def test_a_rate_after_a_bracketed_conversion_belongs_to_both(text: str, first: str,
                                                             second: str | None) -> None:
    assert row(text, first).unit.endswith(" per year")
    if second:
        assert row(text, second).unit.endswith(" per year")


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("Tap water may hold up to 4 mg/L of chlorine.", "4 mg/L", "milligram per litre"),
    ("The new model emits 95 g/km of carbon dioxide.", "95 g/km", "gram per kilometre"),
    ("Pollution reached 58 µg/m3 on Tuesday.", "58 µg/m3", "microgram per cubic metre"),
    ("The cell ran at 0.8 A/cm2 for an hour.", "0.8 A/cm2", "ampere per square centimetre"),
    ("Farms averaged 7.5 t/ha of wheat.", "7.5 t/ha", "tonne per hectare"),
])
def test_two_unit_symbols_with_a_slash_are_one_rate(text: str, surface: str, unit: str) -> None:
    assert row(text, surface).unit == unit


@pytest.mark.parametrize("text", ["They ran an A/B test on 40 users.", "The clinic offers 24/7 care."])
def test_a_slash_between_letters_or_numbers_is_no_rate(text: str) -> None:
    assert (table(text)["unit"] == "").all()


@pytest.mark.parametrize(("text", "surface"), [
    ("The singer turns 60 in March.", "60"),
    ("He turned 30, and moved to Leeds.", "30"),
    ("Life expectancy for men in the county is about 77, the report says.", "77"),
])
def test_ages_after_turning_and_life_expectancy_are_years(text: str, surface: str) -> None:
    figure = row(text, surface)
    assert (figure.unit, figure.concept) == ("year", "age")


def test_turning_a_number_of_things_is_no_age() -> None:
    assert row("The striker turned 2 of 5 chances into goals.", "2").unit == ""


@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("The trial lasted four and a half weeks.", "four and a half weeks", 4.5, "week"),
    ("Roughly one and a half million homes lost power.", "one and a half million", 1.5e6, ""),
    ("The queue was 2 and a half hours long.", "2 and a half hours", 2.5, "hour"),
    ("Rents rose 3½ per cent.", "3½ per cent", 3.5, "percentage"),
    ("The fund holds 1¼ million shares.", "1¼ million", 1.25e6, ""),
])
def test_a_whole_and_a_half_or_a_vulgar_fraction_is_one_number(text: str, surface: str, value: float,
                                                                unit: str) -> None:
    assert_reads(text, surface, value, unit)


def test_and_a_half_times_is_a_multiplier() -> None:
    figure = row("The new dam is three-and-a-half times taller.", "three-and-a-half times")
    assert (figure.value, figure.dimension) == (3.5, "multiplier")


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("The field yields 80,000 barrels of crude per day.", "80,000 barrels", "barrel per day"),
    ("The plant burns 2 million tonnes of coal a year.", "2 million tonnes", "tonne per year"),
])
def test_a_rate_after_what_a_measure_counts(text: str, surface: str, unit: str) -> None:
    assert row(text, surface).unit == unit


def test_a_time_ago_after_a_measure_is_no_rate() -> None:
    assert row("They landed 40 tonnes of cod a week ago.", "40 tonnes").unit == "tonne"


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("Crude settled at $58 U.S. per barrel.", "$58 U.S. per barrel", "united states dollar per barrel"),
    ("The ticket costs $35 Cdn at the door.", "$35 Cdn", "canadian dollar"),
    ("She was paid $900 US for the story.", "$900 US", "united states dollar"),
])
def test_a_dollar_named_after_the_amount(text: str, surface: str, unit: str) -> None:
    assert row(text, surface).unit == unit


@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("The bus stop is half a mile away.", "half a mile", 0.5, "mile"),
    ("The meeting ran half an hour late.", "half an hour", 0.5, "hour"),
    ("The bank trimmed rates by half a percent.", "half a percent", 0.5, "percentage"),
])
def test_half_a_unit_measures_in_that_unit(text: str, surface: str, value: float, unit: str) -> None:
    assert_reads(text, surface, value, unit)


def test_a_fraction_of_an_amount_written_in_figures_stays_a_share() -> None:
    assert row("A third of a £2bn budget went on roads.", "A third").dimension == "fraction"
