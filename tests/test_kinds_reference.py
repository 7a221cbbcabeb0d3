"""Kind `reference`: figures against reference facts about the world, read for the article's year."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from relation_helpers import findings, verdicts

from factcheck.extract.relations.template import fold
from factcheck.rules.findings import Verdict
from factcheck.rules.kinds import reference
from factcheck.rules.model import Position, RuleError

DEBT = {"reading": "share-of-gdp", "concept": ["debt"], "modifiers": ["national", "public"],
        "pass": "0.01 to 2.7", "fail_outside": "0.0001 to 30"}
DEFICIT = {"reading": "share-of-gdp", "concept": ["deficit"], "modifiers": ["budget", "federal"],
           "pass": "0.002 to 0.3", "fail_outside": "0.0002 to 3"}
POPULATION = {"reading": "population", "places": ["country", "region"], "pass": "0.7 to 1.45",
              "fail_outside": "0.2 to 5"}
YARDSTICK = {"reading": "yardstick", "pass": "0.4 to 2.5", "fail_outside": "0.2 to 5"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Italy's public debt rose to €2.7 trillion.", [Verdict.passed]),
    ("Italy's public debt rose to €2.7 quadrillion.", [Verdict.fail]),
    ("Italy's public debt rose by €27 billion.", []),  # a change, not the level
    ("Italy's biggest bank has debt of €27 million.", []),  # the bank's, not the country's
    ("Georgia's public debt is $30 million.", []),  # the state or the country: left alone
    ("Georgia’s public debt is $3 million, Tbilisi said.", [Verdict.uncertain]),
])
def test_debt_is_read_only_when_the_place_owns_it(text: str, expected: list[Verdict]) -> None:
    assert verdicts("reference", text, **DEBT) == expected


def test_the_article_year_decides_which_gdp_is_read() -> None:
    # $8bn is 0.03% of US GDP in either year; the sentence's own year wins over the article's.
    old = "Published: 2 May 2005\n\nThe US federal deficit for 2005 came to $412 billion."
    (finding,) = findings("reference", old, **DEFICIT)
    assert finding.verdict is Verdict.passed and "in 2005" in finding.arithmetic
    undated = "The US federal deficit came to $412 billion."
    (finding,) = findings("reference", undated, **DEFICIT)
    assert "in 2000-2025" in finding.arithmetic


def test_a_sentence_about_another_era_is_left_alone() -> None:
    assert verdicts("reference", "In 1946 the US federal deficit was $16 billion.", **DEFICIT) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Finland's 5.5 million people face a long winter.", [Verdict.passed]),
    ("Finland's 55 million people face a long winter.", [Verdict.fail]),
    ("Finland's 300,000 people over 80 face a long winter.", []),  # a group, not the population
    ("Finland has a population of 550,000.", [Verdict.fail]),
    ("About 550,000 people in Finland are over 65.", []),
    # every way of linking a count to a place names the population or counts everyone: the reading
    # skips other sentences before looking for places, so each way is held here
    ("The population of Finland is 5.5 million.", [Verdict.passed]),
    ("Finland has a Population of 5.5 million.", [Verdict.passed]),
    ("Finland's population is now 55 million.", [Verdict.fail]),
    ("Finland, home to 5.5 million people, votes today.", [Verdict.passed]),
    ("Finland, a country of 55 million citizens, votes today.", [Verdict.fail]),
    ("Finland's 5.5 million residents vote today.", [Verdict.passed]),
    ("Finland's 5.5 million voters went to the polls.", []),
])
def test_population_reads_the_whole_population_only(text: str, expected: list[Verdict]) -> None:
    assert verdicts("reference", text, **POPULATION) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The dam holds 9 million cubic metres, equivalent to 3,000 Olympic pools.", [Verdict.passed]),
    ("The dam holds 9,000 cubic metres, equivalent to 3,000 Olympic pools.", [Verdict.fail]),
    ("The 75 m tower is a quarter of the height of the Eiffel Tower.", []),  # no count to check
    ("The 990 m tower will be three times the height of the Eiffel Tower.", [Verdict.passed]),
    ("The 99 m tower will be three times the height of the Eiffel Tower.", [Verdict.fail]),
    ("The lorry spilled 2,000 litres and it would take a week to fill an Olympic pool.", []),
])
def test_yardsticks(text: str, expected: list[Verdict]) -> None:
    assert verdicts("reference", text, **YARDSTICK) == expected


def test_the_arithmetic_names_the_fact_and_its_year() -> None:
    text = "Published: 4 March 2004\n\nItaly's public debt rose to €2.7 quadrillion."
    (finding,) = findings("reference", text, **DEBT)
    assert "Italy's GDP in 2004" in finding.arithmetic and finding.arithmetic.endswith("→ fail")


@pytest.mark.parametrize(("fields", "message"), [
    ({**DEBT, "pass": "a lot"}, "cannot read"),
    ({**DEBT, "pass": "3 to 1"}, "not a range"),
    ({**DEBT, "fail_outside": "0.1 to 1"}, "must contain"),
    ({"reading": "spending", "pass": "0 to 1", "fail_outside": "0 to 2"}, "needs a concept"),
])
def test_bad_fields_are_refused_at_load_time(fields: dict, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        reference.compile(fields, Position("test.yaml", 1, 1))


BUDGET = {"reading": "share-of-gdp", "concept": ["budget"], "modifiers": ["national", "federal"],
          "pass": "0.03 to 0.8", "fail_outside": "0.001 to 3"}


@pytest.mark.parametrize(("fields", "text"), [
    (DEFICIT, "The US deficit with Mexico shrank to $2 million in May."),  # a bilateral share
    (BUDGET, "The US federal budget deficit will reach $400 billion."),  # the deficit, not the budget
    (BUDGET, "Peru's national budget for roads is $30 million."),  # a budget for something
])
def test_shares_and_compounds_of_a_concept_are_left_alone(fields: dict, text: str) -> None:
    assert verdicts("reference", text, **fields) == []


AIRTIME = {"reading": "airtime-price", "pass": "0 to 1.5", "fail_outside": "0 to 20"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Brands pay $3 million for 30 seconds of airtime in the final.", [Verdict.passed]),
    ("Brands pay $3 billion for 30 seconds of airtime in the final.", [Verdict.fail]),
    ("Brands pay $3 billion for advertising each year.", []),  # no airtime length: not a slot's price
])
def test_airtime_price(text: str, expected: list[Verdict]) -> None:
    assert verdicts("reference", text, **AIRTIME) == expected


BOND_ABROAD = {"reading": "bond-sale-abroad", "pass": "0 to 1.2", "fail_outside": "0 to 5"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Egypt's finance ministry sold $2bn of bonds in London.", [Verdict.passed]),
    ("Egypt's finance ministry sold US$2tn of bonds in London.", [Verdict.fail]),
    ("A Turkish bank raised €500m from an offshore bond sale.", [Verdict.passed]),
    ("The carmaker sold Rmb4tn of offshore bonds.", [Verdict.fail]),  # no place: the market word says abroad
    ("Egypt's finance ministry sold E£2tn of bonds in Cairo.", []),  # at home: bounded by the budget
    ("Egypt has sold $2tn of bonds in London since 1990.", []),  # a running total, not one sale
    ("Egyptian banks have sold US$900bn of offshore bonds.", []),  # many sellers' sales together
    ("Egypt's finance ministry sold $2tn of shares in London.", []),  # not bonds
])
def test_one_bond_sale_abroad_against_the_record(text: str, expected: list[Verdict]) -> None:
    assert verdicts("reference", text, **BOND_ABROAD) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Canada's parliament sat late. The federal deficit will reach C$5 million this year.", [Verdict.fail]),
    ("Canada's parliament sat late. The federal deficit will reach C$50bn this year.", [Verdict.passed]),
    # two countries, a province, or another owner: whose deficit it is stays unknown
    ("Canada and Mexico signed a pact. The federal deficit will reach C$5 million this year.", []),
    ("Ontario's parliament sat late. The federal deficit will reach C$5 million this year.", []),
    ("Canada's parliament sat late. The airline's public deficit will reach C$5 million.", []),
    ("Canada's parliament sat late. The deficit will reach C$5 million this year.", []),  # not national
])
def test_a_national_concept_belongs_to_the_one_country_the_article_names(text: str,
                                                                         expected: list[Verdict]) -> None:
    assert verdicts("reference", text, **DEFICIT) == expected


_LETTERS = "abdeikstDEIKST \u0131\u0130\u017f\u212a*"


@given(st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=6), min_size=1, max_size=3),
       st.text(alphabet=_LETTERS + "-'", max_size=40))
def test_a_sentence_without_a_concepts_words_holds_no_match_of_the_concept(concepts: list[str],
                                                                           sentence: str) -> None:
    """Concept links are looked for only in sentences holding one of the concept's cue words."""
    fields = {**DEBT, "concept": concepts}
    try:
        compiled = reference.compile(fields, Position("t.yaml", 1, 1))
    except (RuleError, re.error):
        return
    if compiled.words is not None and compiled.concept.search(sentence):
        assert any(word in fold(sentence) for word in compiled.words)
