"""Reference facts: what the shipped data says, how places are found in a sentence, and the
`factcheck facts` commands an editor uses to see them."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.facts import Anchored, reference_facts

runner = CliRunner()


def _named(sentence: str) -> list[tuple[str, str]]:
    return [(m.place.key, sentence[m.start:m.end]) for m in reference_facts().mentions(sentence)]


def test_every_place_says_where_its_figures_come_from() -> None:
    facts = reference_facts()
    assert all(place.sources for place in facts.all_places())
    assert len(list(facts.all_places("country"))) > 200
    yardsticks = {"olympic-pool", "football-pitch", "double-decker-bus", "eiffel-tower", "bond-sale"}
    assert yardsticks <= set(facts.yardsticks)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Norway's 5 million people are rich.", [("NO", "Norway")]),
    ("The U.S. trade gap widened.", [("US", "U.S.")]),
    ("Canadian firms hired more staff.", [("CA", "Canadian")]),
    ("The population of Karachi keeps growing.", [("city:1174872", "Karachi")]),
    ("Scotland and New South Wales agreed.", [("region:Scotland", "Scotland"),
                                              ("region:New South Wales", "New South Wales")]),
])
def test_places_are_found_by_name_possessive_and_adjective(sentence: str, expected: list) -> None:
    assert _named(sentence) == expected


@pytest.mark.parametrize(("sentence", "key"), [
    ("Georgia's governor signed the bill in Atlanta.", "region:Georgia"),
    ("Georgia's president flew from Tbilisi to Brussels.", "GE"),
])
def test_ambiguous_names_are_resolved_by_the_sentence(sentence: str, key: str) -> None:
    assert key in [k for k, _ in _named(sentence)]


@pytest.mark.parametrize("sentence", [
    "Georgia posted record sales this spring.",  # the state or the country: nothing says which
    "Shares in Texas Instruments rose.",  # part of a company's name
    "A New York court ruled.",  # the city or the state
    "The novel by Jack London sold well.",  # part of a person's name
])
def test_unresolved_or_embedded_names_are_left_alone(sentence: str) -> None:
    names = [text for _, text in _named(sentence)]
    assert not {"Georgia", "Texas", "New York", "London"} & set(names)


def test_gdp_is_read_for_the_year_and_estimated_for_regions() -> None:
    facts = reference_facts()
    us = facts.find("United States")[0]
    assert facts.gdp(us, 2005).contains(13.0e12)
    assert facts.gdp(us, 2023).contains(27.4e12)
    assert facts.gdp(us, None).contains(10e12) and facts.gdp(us, None).contains(30e12)
    texas = facts.find("Texas")[0]
    assert 0.5e12 < facts.gdp(texas, 2010).low < facts.gdp(texas, 2010).high < 5e12
    assert facts.gdp(facts.find("Lagos")[0], 2010) is None  # cities have no GDP here


def test_currencies_convert_to_dollars_by_the_place_they_belong_to() -> None:
    facts = reference_facts()
    assert facts.usd_per("pound sterling", None).contains(1.5)
    australia = facts.find("Australia")[0]
    assert facts.usd_per("dollar", australia) == facts.rates["AUD"]
    assert facts.usd_per("dollar", None).contains(0.13) and facts.usd_per("dollar", None).contains(1)
    assert facts.usd_per("bitcoin", None) is None


def test_a_currency_word_other_currencies_share_is_read_for_the_place() -> None:
    facts = reference_facts()
    assert facts.usd_per("swiss franc", facts.find("Switzerland")[0]) == facts.rates["CHF"]
    assert facts.usd_per("swiss franc", None) == facts.rates["CHF"]
    assert facts.usd_per("danish krone", facts.find("Norway")[0]) == facts.rates["NOK"]
    assert facts.usd_per("swiss franc", facts.find("Senegal")[0]) is None  # CFA francs
    assert facts.usd_per("indian rupee", facts.find("Pakistan")[0]) is None  # "Rs" is also Pakistan's
    assert facts.usd_per("euro", facts.find("Senegal")[0]) == facts.rates["EUR"]


anchor_values = st.floats(min_value=1, max_value=1e15)


@given(anchor_values, anchor_values, st.integers(1990, 2040))
def test_anchored_figures_hold_their_anchors_and_widen_away_from_them(a: float, b: float, year: int) -> None:
    figure = Anchored({2005: a, 2023: b}, (0.97, 1.03), "test")
    assert figure.at(2005).contains(a) and figure.at(2023).contains(b)
    reading = figure.at(year)
    assert reading.low > 0
    assert figure.at(None).low <= min(a, b) <= max(a, b) <= figure.at(None).high
    if year < 2005:
        assert figure.at(year - 1).high - figure.at(year - 1).low >= (reading.high - reading.low) * 0.999


def test_facts_show_prints_figures_years_and_sources() -> None:
    result = runner.invoke(app, ["facts", "show", "Wales"])
    assert result.exit_code == 0, result.output
    assert "20,779 km²" in result.output and "Office for National Statistics" in result.output


def test_facts_show_json_reads_the_year_asked_for() -> None:
    result = runner.invoke(app, ["facts", "show", "United States", "--year", "2005", "--format", "json"])
    assert result.exit_code == 0, result.output
    [entry] = json.loads(result.output)["facts"]
    low, high = entry["gdp_usd"]["read_as"]
    assert low <= 13.0e12 <= high and entry["year"] == 2005


def test_facts_show_an_ambiguous_name_shows_every_place() -> None:
    result = runner.invoke(app, ["facts", "show", "georgia"])
    assert result.exit_code == 0
    assert "(country, GE)" in result.output and "(region, US)" in result.output


def test_facts_show_yardsticks_and_currencies() -> None:
    pool = runner.invoke(app, ["facts", "show", "olympic-pool"])
    assert pool.exit_code == 0 and "2500 to 3750 m**3" in pool.output
    euro = runner.invoke(app, ["facts", "show", "euro"])
    assert euro.exit_code == 0 and "EUR" in euro.output
    for written, code in (("Rmb", "CNY"), ("SFr", "CHF"), ("HK$", "HKD")):  # as the amount is written
        shown = runner.invoke(app, ["facts", "show", written])
        assert shown.exit_code == 0 and shown.output.startswith(code), shown.output
    franc = runner.invoke(app, ["facts", "show", "CHF", "--format", "json"])
    assert franc.exit_code == 0 and json.loads(franc.output)["facts"][0]["shared_word"] == "franc"


def test_facts_show_unknown_name_exits_2() -> None:
    result = runner.invoke(app, ["facts", "show", "Atlantis"])
    assert result.exit_code == 2
    assert "facts list" in result.output


def test_facts_list_by_kind_and_as_json() -> None:
    text = runner.invoke(app, ["facts", "list", "--kind", "yardstick"])
    assert text.exit_code == 0 and "football-pitch" in text.output
    data = runner.invoke(app, ["facts", "list", "--kind", "country", "--format", "json"])
    assert data.exit_code == 0
    rows = json.loads(data.output)["facts"]
    assert {row["kind"] for row in rows} == {"country"} and len(rows) > 200
    assert runner.invoke(app, ["facts", "list", "--kind", "planet"]).exit_code == 2


def test_a_name_at_the_end_of_a_sentence_is_found() -> None:
    assert _named("The talks were held in Uganda") == [("UG", "Uganda")]
    assert _named("He flew home to Mali") == [("ML", "Mali")]


def test_facts_commands_have_help() -> None:
    for command in (["facts", "--help"], ["facts", "list", "--help"], ["facts", "show", "--help"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0 and "Usage" in result.output
