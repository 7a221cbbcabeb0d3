"""Extraction errors an editor found in news copy, each as a sentence written for this test."""

from __future__ import annotations

import math

import pytest
from extract_helpers import assert_reads, row, table

from factcheck.extract.hedges import HEDGE_SHARE


def test_a_part_in_millions_of_a_whole_in_millions_is_a_count_not_metres() -> None:
    text = "Roughly 2.3m of the region's 4.1m Catholics attend mass."
    part, whole = row(text, "2.3m"), row(text, "4.1m")
    assert part.dimension == whole.dimension == "count"
    assert math.isclose(part.value, 2.3e6) and math.isclose(whole.value, 4.1e6)


def test_metres_of_a_course_stay_metres() -> None:
    assert row("She ran the final 400m of the race in 58 seconds.", "400m").unit == "metre"


@pytest.mark.parametrize("text", [
    "The carrier grounded its 777 fleet after the fault.",
    "The airline ordered ten 787 jets last week.",
])
def test_airliner_model_numbers_are_not_counts(text: str) -> None:
    assert not (table(text)["value"] >= 700).any()


def test_a_change_from_one_share_to_another_is_two_figures() -> None:
    rows = table("The state has lifted the cap on outside stakes in local phone firms from 45% to 70%.")
    assert rows["surface"].tolist() == ["45%", "70%"]
    assert (rows["qualifier"] == "exact").all()


def test_a_fraction_of_a_million_is_one_number() -> None:
    figure = row("Organisers hope a quarter of a million visitors will come.", "a quarter of a million")
    assert figure.value == 250_000 and figure.dimension == "count"
    assert len(table("Organisers hope a quarter of a million visitors will come.")) == 1


def test_up_to_after_a_verb_of_movement_is_the_new_level() -> None:
    moved = row("The board pushed the limit up to 18 weeks.", "18 weeks")
    assert moved.qualifier == "exact" and moved.low <= 18 <= moved.high
    assert row("Fines can run up to 18 weeks of pay.", "18 weeks").qualifier == "at_most"


def test_over_a_period_after_another_figure_means_during() -> None:
    spread = row("Some 2,000 homes were built over 30 years.", "30 years")
    assert spread.qualifier == "exact"
    assert row("She has lived here for over 30 years.", "30 years").qualifier == "more_than"
    assert row("Over 12 years, the town doubled in size.", "12 years").qualifier == "exact"


def test_better_than_keeps_its_hedge() -> None:
    chance = row("Bookmakers give the side a better than 40% chance of promotion.", "40%")
    assert chance.qualifier == "more_than" and chance.low == 40 and math.isinf(chance.high)


def test_tens_of_thousand_is_one_vague_figure() -> None:
    rows = table("Tens of thousand of marchers filled the square.")
    assert len(rows) == 1
    assert (rows.iloc[0].qualifier, rows.iloc[0].low, rows.iloc[0].high) == ("vague", 1e4, 1e5)


@pytest.mark.parametrize(("text", "surface", "low", "high"), [
    ("He now earns a 6 figure salary.", "6 figure", 1e5, 1e6),
    ("The club paid a seven-figure fee.", "seven-figure", 1e6, 1e7),
])
def test_a_number_of_figures_is_a_size_class(text: str, surface: str, low: float, high: float) -> None:
    amount = row(text, surface)
    assert (amount.qualifier, amount.low, amount.high) == ("vague", low, high)


@pytest.mark.parametrize("text", [
    "The vote will be held on 11 or 12 May.",
    "The fair runs on 3-4 June.",
])
def test_alternative_days_of_a_month_are_dates(text: str) -> None:
    assert table(text).empty


def test_a_year_opening_a_sentence_before_a_verb_is_a_date() -> None:
    assert table('"2003 offers the chance of a fresh start," she said.').empty
    assert row("2000 workers went on strike.", "2000").value == 2000


@pytest.mark.parametrize("text", [
    "Pupils at Key Stages 2, 3 and 4 sat the tests.",
    "The claim rests on Articles 5 and 6 of the treaty.",
])
def test_numbers_listed_after_a_label_are_labels(text: str) -> None:
    assert table(text).empty


def test_list_markers_are_not_counts() -> None:
    rows = table("The plan has three parts: 1) cut costs, 2) sell land and 3) hire staff.")
    assert rows["surface"].tolist() == ["three"]


def test_the_unit_of_the_second_figure_reaches_the_first_across_a_stress_word() -> None:
    rows = table("Training for new staff fell last year from 40 to just 18 days.")
    assert rows["surface"].tolist() == ["40", "18 days"]
    assert (rows["unit"] == "day").all()


@pytest.mark.parametrize(("text", "value"), [
    ("A sixth of all applicants gave up.", 1 / 6),
    ("Nearly a fifth of all shops have closed.", 1 / 5),
])
def test_fractions_named_by_ordinals(text: str, value: float) -> None:
    figure = table(text).iloc[0]
    assert figure.dimension == "fraction" and math.isclose(figure.value, value)


# --- hedge widths: one rule ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "low", "high"), [
    ("Almost 100,000 fans came.", 90_000, 100_000),
    ("Almost three million fans came.", 2_700_000, 3_000_000),
    ("About 10% of voters agreed.", 9.5, 10.5),
    ("About 9.7% of voters agreed.", 9.215, 10.185),
    ("Just over 50 boats sailed.", 50, 55),
    ("Around 0.1% of cells mutate.", 0.05, 0.15),
    ("Around 3.47 million tickets sold.", 3_296_500, 3_643_500),
])
def test_a_hedged_interval_is_a_tenth_of_the_value_wide(text: str, low: float, high: float) -> None:
    figure = table(text).iloc[0]
    assert math.isclose(figure.low, low) and math.isclose(figure.high, high)


def test_the_hedge_share_is_a_tenth() -> None:
    assert HEDGE_SHARE == 0.1


# --- forms where plain quantulum3 did better (issue 12 item 5), in sentences of our own --------

@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("The club spent $ 42 million on new players.", "$ 42 million", 42e6, "dollar"),
    ("Wages rose to £ 6.30 million last season.", "£ 6.30 million", 6.3e6, "pound sterling"),
    ("The miner raised C$ 12.5 million in May.", "C$ 12.5 million", 12.5e6, "canadian dollar"),
    ("The mill was sold for 5 million finnish markka.", "5 million finnish markka", 5e6, "finnish markka"),
    ("The fund holds 900 million japanese yen.", "900 million japanese yen", 9e8, "japanese yen"),
    ("Support reached 100 percentage in one ward.", "100 percentage", 100, "percentage"),
    ("The index moved minus five percent.", "minus five percent", -5, "percentage"),
    ("His fever peaked at 101.3 degrees f overnight.", "101.3 degrees f", 101.3, "degree fahrenheit"),
    ("The pool is kept at 28 degrees c all year.", "28 degrees c", 28, "degree celsius"),
    ("Bake the loaf at 200 deg celsius for an hour.", "200 deg celsius", 200, "degree celsius"),
    ("The lake was 12.5 celcius at dawn.", "12.5 celcius", 12.5, "degree celsius"),
    ("The train reached 142 miles an hour.", "142 miles an hour", 142, "mile per hour"),
    ("She walked 8 1/2 miles before lunch.", "8 1/2 miles", 8.5, "mile"),
    ("They raced round a 1/4 mile track.", "1/4 mile", 0.25, "mile"),
    ("The cabin is one mile from the road.", "one mile", 1, "mile"),
])
def test_forms_of_units_and_numbers(text: str, surface: str, value: float, unit: str) -> None:
    assert_reads(text, surface, value, unit)


def test_a_capital_article_before_a_dollar_sign_is_no_currency_code() -> None:
    assert row("A $6bn rescue was agreed.", "$6bn").unit == "dollar"


def test_dates_written_with_a_slash_are_not_fractions() -> None:
    assert table("The 9/11 inquiry met 24/7.").empty


@pytest.mark.parametrize(("text", "surface"), [
    ("She set the thermostat to 68° before bed.", "68°"),
    ("The forecast says it will be 6 degrees warmer.", "6 degrees"),
])
def test_degrees_without_a_scale_in_a_sentence_about_heat_are_a_temperature(text: str, surface: str) -> None:
    figure = row(text, surface)
    assert (figure.unit, figure.dimension) == ("degree", "temperature")


def test_degrees_elsewhere_stay_angles() -> None:
    assert row("The ship turned 90 degrees to port.", "90 degrees").dimension == "angle"


@pytest.mark.parametrize("text", [
    "Attendance peaked in the 2013-14 season.",
    "Borrowing for 2021–22 was revised.",
    "The club's 1998-99 campaign ended early.",
])
def test_a_season_or_fiscal_year_written_short_is_no_count(text: str) -> None:
    assert table(text).empty


@pytest.mark.parametrize(("text", "surface"), [
    ("Fares have risen steadily over six years.", "six years"),
    ("Bus use halved over two decades.", "two decades"),
    ("The debt will be repaid over 25 years.", "25 years"),
    ("Growth over five years was modest.", "five years"),
])
def test_over_a_period_after_a_change_or_a_payment_means_during(text: str, surface: str) -> None:
    assert row(text, surface).qualifier == "exact"


@pytest.mark.parametrize(("text", "surface"), [
    ("The shop has traded for over 40 years.", "40 years"),
    ("It was the first rise in over ten years.", "ten years"),
])
def test_over_a_period_elsewhere_is_still_more_than(text: str, surface: str) -> None:
    assert row(text, surface).qualifier == "more_than"


def test_the_whole_after_a_part_in_millions_is_in_millions_too() -> None:
    text = "Some 0.6m of the state's 2.2m Sikhs voted."
    part, whole = row(text, "0.6m"), row(text, "2.2m")
    assert part.dimension == whole.dimension == "count"
    assert math.isclose(whole.value, 2.2e6)
    assert row("He swam 1.5m of the pool's 50m length.", "50m").unit == "metre"


def test_list_markers_without_punctuation_between_items() -> None:
    rows = table("Her advice: 1) save early 2) spend less 3) buy 12 bonds.")
    assert rows["surface"].tolist() == ["12"]


@pytest.mark.parametrize(("text", "surface", "value", "unit", "low", "high"), [
    ("The spire is 12 m 2 dm tall.", "12 m 2 dm", 12.2, "metre", 12.15, 12.25),
    ("The goalkeeper stands 1 m 93 cm.", "1 m 93 cm", 1.93, "metre", 1.925, 1.935),
    ("The lock keeper is 5 ft 10 in.", "5 ft 10 in", 70, "inch", 69.5, 70.5),
    ("Her brother is 6 feet 2 inches tall.", "6 feet 2 inches", 74, "inch", 73.5, 74.5),
    ("The new signing is 6ft 4in.", "6ft 4in", 76, "inch", 75.5, 76.5),
    ("The foal weighed 9 st 3 lb at birth.", "9 st 3 lb", 129, "pound-mass", 128.5, 129.5),
    ("Twins of 5 lb 12 oz each were born.", "5 lb 12 oz", 92, "ounce", 91.5, 92.5),
])
def test_a_measure_in_two_units_is_one_figure(text: str, surface: str, value: float, unit: str, low: float,
                                              high: float) -> None:
    rows = table(text)
    assert len(rows) == 1
    figure = row(text, surface)
    assert figure.unit == unit
    assert math.isclose(figure.value, value)
    assert math.isclose(figure.low, low) and math.isclose(figure.high, high)


def test_a_two_unit_measure_keeps_its_hedge_and_needs_a_smaller_part() -> None:
    hedged = row("The lock keeper is about 5 ft 10 in.", "5 ft 10 in")
    assert hedged.qualifier == "approx" and hedged.low < 70 < hedged.high
    assert "5 ft 14 in" not in table("A sign reads 5 ft 14 in.")["surface"].tolist()
