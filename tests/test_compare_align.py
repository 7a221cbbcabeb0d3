"""Alignment and verdicts on hand-built quantities tables (no extractor involved).

Each version is a text plus the figures an extractor would report for it (surface, value,
interval, unit, dimension), so these tests pin down the comparison logic alone.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.compare.align import (
    Agreement,
    Version,
    attribution,
    compare_versions,
    concept_key,
    concept_relation,
    following_phrase,
)
from factcheck.extract.schema import to_table
from factcheck.extract.sentences import split_sentences

Figure = tuple[str, float, float, float, str, str]  # surface, value, low, high, unit, dimension


def version(doc: str, text: str, figures: list[Figure], concepts: list[str | None] | None = None) -> Version:
    """A version whose table holds `figures`, located in order in `text`."""
    rows, cursor = [], 0
    for index, (surface, value, low, high, unit, dimension) in enumerate(figures):
        start = text.index(surface, cursor)
        cursor = end = start + len(surface)
        sentence = next(s for s in split_sentences(text) if s.start <= start < s.end)
        rows.append({"doc": doc, "start": start, "end": end, "surface": surface, "value": value,
                     "low": low, "high": high, "qualifier": "exact", "unit": unit, "dimension": dimension,
                     "concept": concepts[index] if concepts else None,
                     "sentence": text[sentence.start:sentence.end], "sentence_start": sentence.start,
                     "paragraph": sentence.paragraph})
    return Version(doc, text, to_table(rows))


def count(surface: str, value: float, low: float | None = None, high: float | None = None) -> Figure:
    return (surface, value, value if low is None else low, value if high is None else high, "", "count")


def verdicts(comparison) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.verdict.value, tuple(m.surface for m in f.mentions)) for f in comparison.figures]


# --- concept folding ---------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b", "relation"), [
    ("rounds", "shells", 2),
    ("artillery shells", "rounds", 1),
    ("weapons containers", "containers", 1),
    ("containers", "container", 2),
    ("Russia's experts", "specialists", 1),
    ("countries", "country", 2),
    ("fired missiles", "firing missiles", 2),
    ("stores", "shops", 2),
    ("electric buses", "diesel buses", None),
    ("missiles", "drones", None),
    ("", "missiles", None),
])
def test_concepts_fold_plural_synonyms_and_head_nouns(a: str, b: str, relation: int | None) -> None:
    assert concept_relation(concept_key(a), concept_key(b)) == relation


def test_concept_key_takes_the_head_before_of() -> None:
    assert concept_key("rounds of 9 mm practice ammunition") == concept_key("round")
    assert concept_key("tonnes of grain") == concept_key("tonne")


@pytest.mark.parametrize(("sentence", "after", "phrase"), [
    ("ordered 40 electric buses that are used", "ordered 40", "electric buses"),
    ("about 12,000 cargo crates to Norway", "about 12,000", "cargo crates"),
    ("almost two million bottles of 330 ml beer", "almost two million", "bottles"),
    ("a lease for 25 years is one way", "for 25 years", ""),
    ("40% of voters said so", "40%", "voters"),
    ("rose to 50, officials said", "rose to 50", ""),
    ("the 40 ballistic missiles reached Russia", "the 40", "ballistic missiles"),
    ("40 injured people were treated", "40", "injured people"),
])
def test_following_phrase_is_the_noun_phrase_after_the_figure(sentence: str, after: str, phrase: str) -> None:
    assert following_phrase(sentence, sentence.index(after) + len(after)) == phrase


# --- verdicts ----------------------------------------------------------------------------------

def test_conflicting_figures_for_the_same_thing_conflict() -> None:
    a = version("a.txt", "The army sent 40 ballistic missiles to the front, aides said.", [count("40", 40)])
    b = version("b.txt", "Aides said the army sent 50 ballistic missiles to the front.", [count("50", 50)])
    comparison = compare_versions("story", [a, b])
    assert verdicts(comparison) == [("conflict", ("40", "50"))]
    assert "cannot both hold" in comparison.figures[0].reason


def test_honest_rounding_agrees() -> None:
    # "almost 3 million" is at most 3 million; "about 2.9 million" is 2.9 million give or take rounding.
    a = version("a.txt", "The containers hold almost 3 million rounds of artillery ammunition.",
                [count("3 million", 3e6, 2.7e6, 3e6)])
    b = version("b.txt", "The containers can hold about 2.9 million shells of artillery ammunition.",
                [count("2.9 million", 2.9e6, 2.755e6, 3.045e6)])
    assert verdicts(compare_versions("story", [a, b])) == [("agree", ("3 million", "2.9 million"))]


def test_rounding_does_not_excuse_a_real_difference() -> None:
    a = version("a.txt", "The containers hold almost 3 million rounds of ammunition.",
                [count("3 million", 3e6, 2.7e6, 3e6)])
    b = version("b.txt", "The containers hold about 2 million shells of ammunition.",
                [count("2 million", 2e6, 1.9e6, 2.1e6)])
    assert verdicts(compare_versions("story", [a, b]))[0][0] == "conflict"


def test_narrower_concept_aligns_with_the_broader_one() -> None:
    a = version("a.txt", "The port shipped about 12,000 cargo crates to Norway.", [count("12,000", 12e3)])
    b = version("b.txt", "Some 12,000 crates were shipped by the port to Norway.", [count("12,000", 12e3)])
    assert verdicts(compare_versions("story", [a, b])) == [("agree", ("12,000", "12,000"))]


def test_units_are_converted_before_comparing() -> None:
    a = version("a.txt", "The mill rolls 152 mm steel tubes for the pipeline.",
                [("152 mm", 152, 152, 152, "millimetre", "length")])
    b = version("b.txt", "The mill rolls 15.2 cm steel tubes for the pipeline.",
                [("15.2 cm", 15.2, 15.2, 15.2, "centimetre", "length")])
    c = version("c.txt", "The mill rolls 122 mm steel tubes for the pipeline.",
                [("122 mm", 122, 122, 122, "millimetre", "length")])
    assert verdicts(compare_versions("story", [a, b])) == [("agree", ("152 mm", "15.2 cm"))]
    assert verdicts(compare_versions("story", [b, c]))[0][0] == "conflict"


# --- different things sharing a noun -----------------------------------------------------------

def test_figures_pinned_to_different_months_are_not_aligned() -> None:
    a = version("a.txt", "The navy fired 12 cruise missiles at the harbour in March.", [count("12", 12)])
    b = version("b.txt", "The navy fired 30 cruise missiles at the harbour in April.", [count("30", 30)])
    assert verdicts(compare_versions("story", [a, b])) == [("single_source", ("12",)),
                                                           ("single_source", ("30",))]


def test_each_month_pairs_with_its_own_month() -> None:
    a = version("a.txt", "The army fired 12 missiles in March and 30 missiles in April, officials said.",
                [count("12", 12), count("30", 30)])
    b = version("b.txt", "In April, the army fired 35 missiles, after firing 12 missiles in March.",
                [count("35", 35), count("12", 12)])
    result = verdicts(compare_versions("story", [a, b]))
    assert ("conflict", ("30", "35")) in result
    assert ("agree", ("12", "12")) in result


def test_elliptic_figure_inherits_its_neighbours_concept() -> None:
    a = version("a.txt", "The army fired 12 missiles in March and 20 in April.",
                [count("12", 12), count("20", 20)])
    b = version("b.txt", "In April the army fired 25 missiles.", [count("25", 25)])
    assert ("conflict", ("20", "25")) in verdicts(compare_versions("story", [a, b]))


def test_different_modifiers_are_different_things() -> None:
    a = version("a.txt", "The navy fired 12 cruise missiles at the harbour.", [count("12", 12)])
    b = version("b.txt", "The navy fired 4 ballistic missiles at the harbour.", [count("4", 4)])
    assert [v for v, _ in verdicts(compare_versions("story", [a, b]))] == ["single_source", "single_source"]


def test_unrelated_sentences_sharing_a_noun_are_not_aligned() -> None:
    a = version("a.txt", "Rescue teams evacuated 2,400 people from the valley.", [count("2,400", 2400)])
    b = version("b.txt", "The stadium concert drew 50,000 people last summer.", [count("50,000", 50000)])
    assert [v for v, _ in verdicts(compare_versions("story", [a, b]))] == ["single_source", "single_source"]


def test_a_figure_nothing_names_is_compared_by_the_words_around_it() -> None:
    a = version("a.txt", "By Friday the count of missing climbers stood at 19, rangers said.",
                [count("19", 19)])
    b = version("b.txt", "By Friday the count of missing climbers stood at 91, rangers said.",
                [count("91", 91)])
    assert [v for v, _ in verdicts(compare_versions("story", [a, b]))] == ["conflict"]


def test_a_named_figure_meets_an_unnamed_one_in_a_like_sentence() -> None:
    a = version("a.txt", "The shipyard employs 2,300 welders at its northern docks.", [count("2,300", 2300)],
                ["welders"])
    b = version("b.txt", "The shipyard has a payroll of 3,200 at its northern docks.", [count("3,200", 3200)])
    assert [v for v, _ in verdicts(compare_versions("story", [a, b]))] == ["conflict"]


def test_unnamed_figures_in_unlike_sentences_stay_apart() -> None:
    a = version("a.txt", "Turnout in the borough reached 64 on polling day.", [count("64", 64)])
    b = version("b.txt", "The ferry crossing now takes 46 on calm mornings.", [count("46", 46)])
    assert [v for v, _ in verdicts(compare_versions("story", [a, b]))] == ["single_source", "single_source"]


# --- single-source figures and their counterparts ----------------------------------------------

def test_single_source_figure_shows_the_other_versions_matching_passage() -> None:
    a = version("a.txt", "Russia vetoed a UN Security Council resolution to renew the expert panel on Korea.",
                [])
    b = version("b.txt", "Russia vetoed a UN Security Council proposal to renew the panel of specialists "
                         "on Korea for 15 years.", [("15 years", 15, 15, 15, "year", "time")])
    (figure,) = compare_versions("story", [a, b]).figures
    assert figure.verdict is Agreement.single_source
    (counterpart,) = figure.counterparts
    assert counterpart.doc == "a.txt" and "vetoed" in counterpart.sentence


def test_a_sentence_with_its_own_figure_is_no_counterpart() -> None:
    a = version("a.txt", "The navy fired 12 cruise missiles at the harbour in March, a spokesman said.",
                [count("12", 12)])
    b = version("b.txt", "The navy fired 30 cruise missiles at the harbour in April, a spokesman said.",
                [count("30", 30)])
    assert all(not f.counterparts for f in compare_versions("story", [a, b]).figures)


def test_repeated_figure_within_a_version_is_one_claim() -> None:
    a = version("a.txt", "The army sent 40 ballistic missiles to Russia. Later, the 40 ballistic missiles "
                         "reached Russia.", [count("40", 40), count("40", 40)])
    b = version("b.txt", "The army sent 40 ballistic missiles to Russia.", [count("40", 40)])
    assert verdicts(compare_versions("story", [a, b])) == [("agree", ("40", "40", "40"))]


def test_three_versions_conflict_when_one_differs() -> None:
    texts = {"a.txt": "40", "b.txt": "40", "c.txt": "50"}
    versions = [version(doc, f"The army sent {n} ballistic missiles to Russia.", [count(n, float(n))])
                for doc, n in texts.items()]
    (figure,) = compare_versions("story", versions).figures
    assert figure.verdict is Agreement.conflict
    assert [m.doc for m in figure.mentions] == ["a.txt", "b.txt", "c.txt"]


def test_extractor_concepts_win_over_the_fallback() -> None:
    a = version("a.txt", "It sent 40 of them to Russia, the ministry said.", [count("40", 40)], ["missiles"])
    b = version("b.txt", "The ministry said 50 missiles were sent to Russia.", [count("50", 50)])
    assert verdicts(compare_versions("story", [a, b])) == [("conflict", ("40", "50"))]


# --- properties --------------------------------------------------------------------------------

NOUNS = ["missiles", "containers", "rounds", "people", "drones", "tanks"]
PLACES = ["the port", "the front", "the city", "the border"]


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, list[Figure]]:
    parts, figures = [], []
    for _ in range(draw(st.integers(1, 5))):
        number = draw(st.integers(2, 99_999))
        surface = f"{number:,}"
        parts.append(f"Officials said {surface} {draw(st.sampled_from(NOUNS))} were sent to "
                     f"{draw(st.sampled_from(PLACES))}.")
        figures.append(count(surface, float(number)))
    return " ".join(parts), figures


@settings(max_examples=40, deadline=None)
@given(articles())
def test_a_version_never_conflicts_with_its_own_copy(article: tuple[str, list[Figure]]) -> None:
    text, figures = article
    comparison = compare_versions("story", [version("a.txt", text, figures), version("b.txt", text, figures)])
    assert comparison.count(Agreement.conflict) == 0
    assert comparison.count(Agreement.single_source) == 0


@settings(max_examples=25, deadline=None)
@given(articles(), articles())
def test_comparison_is_deterministic_and_complete(first: tuple[str, list[Figure]],
                                                  second: tuple[str, list[Figure]]) -> None:
    versions = [version("a.txt", *first), version("b.txt", *second)]
    comparison = compare_versions("story", versions)
    assert comparison == compare_versions("story", versions)
    mentioned = sorted((m.doc, m.start) for f in comparison.figures for m in f.mentions)
    expected = sorted((v.doc, int(s)) for v in versions for s in v.quantities["start"])
    assert mentioned == expected  # every figure is reported exactly once


@settings(max_examples=40, deadline=None)
@given(articles(), articles())
def test_the_order_of_versions_does_not_change_the_verdicts(first: tuple[str, list[Figure]],
                                                            second: tuple[str, list[Figure]]) -> None:
    a, b = version("a.txt", *first), version("b.txt", *second)

    def summary(versions: list[Version]) -> list[tuple[str, tuple[tuple[str, int], ...]]]:
        return sorted((f.verdict.value, tuple(sorted((m.doc, m.start) for m in f.mentions)))
                      for f in compare_versions("story", versions).figures)

    assert summary([a, b]) == summary([b, a])


@pytest.mark.parametrize(("sentence", "credited"), [
    ("According to Pak, North Korea has so far sent 40 ballistic missiles.", "Pak"),
    ("Seoul believes the containers hold 3 million rounds, according to the defence ministry.",
     "the defence ministry"),
    ("At least 27 people were killed, officials said.", "officials"),
    ("The fire service sent 120 firefighters, a spokesperson said.", "a spokesperson"),
    ("Jung Pak said North Korea shipped 50 missiles.", "Jung Pak"),
    ("The tanks held 3 million barrels of oil.", ""),
])
def test_attribution_names_whom_the_sentence_credits(sentence: str, credited: str) -> None:
    assert attribution(sentence) == credited
