"""Relations: figures paired with the words that relate them, and the article's date."""

from __future__ import annotations

import math
from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract
from factcheck.extract.core import SetAside
from factcheck.extract.dates import dates_in, published_date
from factcheck.extract.relations import RELATION_COLUMNS, RELATIONS, Relation, extract_relations
from factcheck.extract.relations.figures import figures_of


def relations_of(text: str) -> tuple[Relation, ...]:
    """The relations of `text`, read from its quantities table as the rule engine reads them."""
    set_aside: list[SetAside] = []
    quantities = extract(text, "", set_aside)
    return extract_relations(text, quantities, "", set_aside)


def of(text: str, relation: str | None = None) -> list[SimpleNamespace]:
    """The relations of `text` (of one type, if given), their keys read as attributes."""
    return [SimpleNamespace(**row) for row in relations_of(text) if relation in (None, row["relation"])]


def roles(sentence: str, relation: str) -> list[dict[str, str]]:
    """For each relation of this type in `sentence`: its members' surfaces by role."""
    return [{m.role: m.surface for m in row.members} for row in of(sentence, relation)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Published 2024-05-14\n\nCouncil tax rose.", date(2024, 5, 14)),
    ("Published: 3 June 2024\nThe bridge closed.", date(2024, 6, 3)),
    ("The vote on 12 March 2023 came after talks on January 5, 2023.", date(2023, 3, 12)),
    ("Nothing here is dated, not even 2019.", None),
    ("Published\n\non\n\nNo date follows.", None),
])
def test_published_date_comes_from_the_published_line_or_the_latest_full_date(text, expected) -> None:
    assert published_date(text) == expected


def test_impossible_dates_are_not_dates() -> None:
    assert dates_in("It was 31 February 2023, or 2023-02-30.") == []


@pytest.mark.parametrize(("text", "kind", "low", "high"), [
    ("2.1 million", "N", 2.05e6, 2.15e6),
    ("12 per cent", "P", 11.5, 12.5),
    ("more than 700", "N", 700, math.inf),
    ("$2.5bn", "M", 2.45e9, 2.55e9),
    ("$2 million", "M", 1.9e6, 2.1e6),  # a round amount in a relation is narrowed to 5% either side
    ("0.3 percentage points", "T", 0.25, 0.35),
    ("It opened in 2009", "Y", 2009, 2009),
    ("It fell by a third", "P", 100 / 3, 100 / 3),
    ("He has 250 sheep", "N", 249.5, 250.5),  # an exact count may still be a rounded one
])
def test_figures_are_the_tables_rows_with_their_intervals(text, kind, low, high) -> None:
    set_aside: list[SetAside] = []
    figure, _ = figures_of(text, extract(text, "", set_aside), set_aside)[-1]
    assert (figure.kind, figure.low, figure.high) == (kind, pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text", ["about 24%", "nearly 3,000", "almost 40 pence", "some 2.5 million"])
def test_a_hedged_figure_keeps_the_tables_interval(text) -> None:
    set_aside: list[SetAside] = []
    quantities = extract(text, "", set_aside)
    (figure, row), = figures_of(text, quantities, set_aside)
    assert (figure.low, figure.high) == (quantities["low"][row], quantities["high"][row])


def test_relations_read_no_figure_the_extractor_rejected() -> None:
    text = "Section 404 of the act took effect in the first half of 2004, when 300 firms complied."
    set_aside: list[SetAside] = []
    quantities = extract(text, "", set_aside)
    figures = figures_of(text, quantities, set_aside)
    assert [(f.surface, f.kind) for f, _ in figures] == [("2004", "Y"), ("300", "N")]


def test_dates_and_currency_conversions_are_not_amounts() -> None:
    text = "He ran on 5 May. It made $1.13bn (£600m) in six months."
    set_aside: list[SetAside] = []
    kinds = [f.kind for f, _ in figures_of(text, extract(text, "", set_aside), set_aside)]
    assert kinds == ["D", "M", "X", "V"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Sales rose from 200 to 250, up 30%.", {"from": "200", "to": "250", "rate": "30%"}),
    ("Revenue fell 8% to 9.2 billion euros from 10 billion.",
     {"from": "10 billion", "to": "9.2 billion euros", "rate": "8%"}),
    ("Homeless families climbed to 2,310, up 40% from 1,650 in 2021.",
     {"from": "1,650", "to": "2,310", "rate": "40%"}),
    ("It sold 1.2 million cars, 15% more than the 1.1 million it sold in 2022.",
     {"from": "1.1 million", "to": "1.2 million", "rate": "15%"}),
    ("The firm cut its workforce by 15 per cent, from 3,400 staff to 3,100.",
     {"from": "3,400", "to": "3,100", "rate": "15 per cent"}),
    ("The jobless rate rose 0.5 percentage points to 5.1% from 4.8%.",
     {"from": "4.8%", "to": "5.1%", "rate": "0.5 percentage points"}),
    ("Sales were 4.2 million, compared with 3.8 million a year earlier, an increase of 10.5%.",
     {"from": "3.8 million", "to": "4.2 million", "rate": "10.5%"}),
])
def test_changes_pair_from_to_and_rate(sentence, expected) -> None:
    assert roles(sentence, "change") == [expected]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ticket sales leapt 60% in a year, from 5,000 to 8,000.",
     {"from": "5,000", "to": "8,000", "rate": "60%"}),
    ("Membership swelled by 25%, from 1,200 to 1,500.", {"from": "1,200", "to": "1,500", "rate": "25%"}),
    ("Rents rose by more than £40 to £910 from £865.", {"from": "£865", "to": "£910", "delta": "£40"}),
])
def test_a_change_is_two_figures_in_the_table_not_a_range(sentence, expected) -> None:
    assert not (extract(sentence)["qualifier"] == "range").any()
    assert roles(sentence, "change") == [expected]


def test_a_rate_leading_to_its_own_figure_is_not_borrowed() -> None:
    sentence = "GM earned $3.7bn, down from $3.8bn in 2003, while its revenue rose 4.5% to $193bn."
    assert roles(sentence, "change") == [{"from": "$3.8bn", "to": "$3.7bn"}]


def test_direction_comes_from_the_nearest_cue() -> None:
    rows = of("Output grew 15.7% in the year to October, down from 23% in February.")
    assert [row.details["direction"] for row in rows] == [-1]


@pytest.mark.parametrize(("sentence", "factor", "expected"), [
    ("The number of cases doubled from 30 to 75.", 2.0, {"from": "30", "to": "75"}),
    ("The cost has trebled since 2019, rising from £90 to £270.", 3.0, {"from": "£90", "to": "£270"}),
    ("Waiting lists fell by half, from 800 to 420.", 0.5, {"from": "800", "to": "420"}),
    ("This year 3,600 applied, twice as many as the 2,400 last year.", 2.0,
     {"larger": "3,600", "base": "2,400"}),
])
def test_multipliers_name_their_factor_and_figures(sentence, factor, expected) -> None:
    assert [row.details["factor"] for row in of(sentence, "multiple")] == [factor]
    assert roles(sentence, "multiple") == [expected]


@pytest.mark.parametrize(("sentence", "relation", "expected"), [
    ("Some 120 of the 400 respondents (35%) agreed.", "share",
     {"part": "120", "whole": "400", "share": "35%"}),
    ("Women made up 62% of the 450 recruits, or 230 people.", "share",
     {"part": "230", "whole": "450", "share": "62%"}),
    ("Of the 500 staff, 300 were women and 250 men.", "parts", {"whole": "500", "part": "250"}),
    ("The £1.2m contract covers 300 homes, or £4,000 per home.", "per_unit",
     {"total": "£1.2m", "count": "300", "each": "£4,000"}),
    ("It will pay £450 to each of the 2,000 families, a total of £1.2m.", "per_unit",
     {"total": "£1.2m", "count": "2,000", "each": "£450"}),
])
def test_parts_shares_and_per_unit_figures(sentence, relation, expected) -> None:
    assert roles(sentence, relation) == [expected]


def test_a_breakdown_marks_its_remainder() -> None:
    (row,) = of("About 45% voted Labour, 40% Conservative and 15% others.", "breakdown")
    assert [m.role for m in row.members] == ["part", "part", "rest"]


@pytest.mark.parametrize("sentence", [
    "Industrial output grew 40% in Asia, 30% in Europe and 50% in the US.",
    "Some 87% said politicians broke promises, while 92% said they never gave a straight answer.",
    "About 28% of bosses have moved work abroad, and another 11% plan to do so.",
])
def test_percentages_that_are_not_one_split_make_no_overflowing_breakdown(sentence) -> None:
    for row in of(sentence, "breakdown"):
        assert sum(m.value for m in row.members) <= 100


@pytest.mark.parametrize(("sentence", "relation", "expected"), [
    ("The charity, founded in 2009, 25 years ago, grew.", "years_ago",
     {"year": "2009", "duration": "25 years"}),
    ("He ruled for 12 years, from 1997 to 2007.", "span",
     {"start": "1997", "end": "2007", "duration": "12 years"}),
    ("She served two four-year terms from 2012 to 2020.", "span",
     {"start": "2012", "end": "2020", "terms": "two", "term_length": "four"}),
    ("It marked the 30th anniversary of the 1999 merger.", "anniversary",
     {"ordinal": "30th", "year": "1999"}),
    ("Built in 1886, the pier is now 150 years old.", "age", {"year": "1886", "age": "150 years old"}),
])
def test_date_relations(sentence, relation, expected) -> None:
    assert roles(sentence, relation) == [expected]


def test_an_age_is_not_a_duration() -> None:
    assert roles("The 71-year-old served in Ulster from 1981 to 1987.", "span") == []


def test_the_same_count_given_twice_is_paired_across_sentences() -> None:
    text = "It fired 40 ballistic missiles. Later the 50 ballistic missiles were counted."
    (row,) = of(text, "same_concept")
    assert row.details["concept"] == "ballistic missile"
    assert [m.surface for m in row.members] == ["40", "50"]


def test_a_much_smaller_later_count_is_a_part_not_the_same_thing() -> None:
    assert roles("IBM holds 3,248 patents. It will keep the 500 patents free.", "same_concept") == []


def test_the_relations_follow_their_documented_schema() -> None:
    text = "Sales rose from 200 to 250, up 30%. Of the 500 staff, 300 were women and 250 men."
    relations = extract_relations(text, extract(text), doc="d")
    assert len(relations) == 2 and all(list(row) == list(RELATION_COLUMNS) for row in relations)
    for row in (SimpleNamespace(**row) for row in relations):
        assert row.relation in RELATIONS and row.doc == "d"
        assert text[row.cue_start:row.cue_end] == row.cue
        assert text[row.sentence_start:row.sentence_start + len(row.sentence)] == row.sentence
        assert all(m.row >= 0 for m in row.members)  # every figure is in the quantities table
    assert relations_of("") == ()


WORDS = st.sampled_from([
    "rose", "fell", "from", "to", "up", "down", "of", "the", "each", "per", "doubled", "%", "$", "£",
    "million", "bn", ",", ".", "or", "in", "2009", "years", "ago", "about", "nearly", "twice as many as",
    "others", "(", ")", "-", "1,200", "3.5", "40", "0", "half of", "each of the", "١٢", "\u202e", "\n\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_any_text_gives_members_whose_spans_quote_their_figures(text) -> None:
    for row in of(text):
        assert text[row.cue_start:row.cue_end] == row.cue
        for m in row.members:
            assert m.low <= m.value <= m.high
            if m.row == -1 and m.surface:
                assert text[m.start:m.end] == m.surface


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_breaks_the_relations(text) -> None:
    assert all(list(row) == list(RELATION_COLUMNS) for row in relations_of(text))
    published_date(text)


def test_same_concept_takes_the_concept_from_the_table_wherever_it_stands() -> None:
    text = "The queue of lorries stood at 64 at dawn. By noon the queue of lorries stood at 70."
    (row,) = of(text, "same_concept")
    assert extract(text).concept.tolist() == ["queue", "queue"]
    assert row.details["concept"] == "queue"
    assert row.cue == "queue" and row.cue_start == text.index("queue", 20)
    assert [m.surface for m in row.members] == ["64", "70"]


@pytest.mark.parametrize("text", [
    "Some 12 of the retired judges spoke. None of the 20 retired judges signed.",  # a part of a whole
    "Of the 50 county roads, 20 were shut. Later the 22 county roads were cleared.",  # the 50's concept
    "She won 9 regional titles. The 12 national titles came later.",  # two modifiers, two things
])
def test_same_concept_leaves_parts_and_differently_named_counts_apart(text: str) -> None:
    assert roles(text, "same_concept") == []
