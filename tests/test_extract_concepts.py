"""What each figure counts or measures, wherever the words stand (sentences written for these tests)."""

from __future__ import annotations

import pytest

from factcheck.extract import extract
from factcheck.extract.concepts import head_noun


def concepts(text: str) -> dict[str, str | None]:
    rows = extract(text, doc="t")
    return dict(zip(rows["surface"], rows["concept"], strict=True))


@pytest.mark.parametrize(("text", "surface", "head"), [
    # the subject of a linking or change verb
    ("The death toll stood at 31 on Monday.", "31", "toll"),
    ("Consumer prices rose 2.6% in the year to May.", "2.6%", "prices"),
    ("Quarterly revenue climbed to $4.2bn.", "$4.2bn", "revenue"),
    ("The new turbine weighs about 500 kg.", "500 kg", "turbine"),
    ("Unemployment in the region fell to 4.1%.", "4.1%", "Unemployment"),
    ("Turnout in the capital at 46% was the lowest yet.", "46%", "Turnout"),
    ("The number of jobless adults totalled 1.2 million.", "1.2 million", "adults"),
    ("Support for the scheme went from 38% to 61%.", "38%", "Support"),
    # X of N, N of X
    ("The farm adds wind capacity of 9.6 GW.", "9.6 GW", "capacity"),
    ("The group reported an operating margin of 9.0%.", "9.0%", "margin"),
    ("About 30% of the staff work from home.", "30%", "staff"),
    ("A sixth of all callers hang up.", "A sixth", "callers"),
    # after the figure
    ("The firm employs 4,500 people.", "4,500", "people"),
    ("Rivals won five matches unbeaten.", "five", "matches"),
    ("He met two family friends.", "two", "friends"),
    ("The council set aside £40m for new schools.", "£40m", "schools"),
    ("A $6bn (£4.8bn) gas deal was signed.", "$6bn", "deal"),
    # brackets, appositions, ages
    ("The main owners are the state (15%) and a bank (30%).", "15%", "state"),
    ("Ms Okafor, 52, chairs the board.", "52", "age"),
    ("A 27-year-old driver was fined.", "27-year-old", "age"),
    # a verb moving an object to a figure
    ("The bank pushed rates up to 5.25%.", "5.25%", "rates"),
    ("Ministers will raise fuel duty by 3p.", "3p", "duty"),
])
def test_concept_head(text: str, surface: str, head: str) -> None:
    concept = concepts(text)[surface]
    assert concept is not None and head_noun(concept) == head, concept


def test_a_conversion_in_brackets_measures_what_the_figure_before_it_does() -> None:
    found = concepts("The bridge cost 90m euros ($98m; £70m) to build.")
    assert head_noun(found["90m euros"]) == head_noun(found["$98m"]) == head_noun(found["£70m"]) == "bridge"


def test_respectively_gives_each_figure_its_own_subject() -> None:
    found = concepts("Exports and imports rose 4% and 9%, respectively, last year.")
    assert (found["4%"], found["9%"]) == ("Exports", "imports")


def test_a_level_after_a_change_measures_the_same_thing() -> None:
    found = concepts("Annual profit rose 12% to £1.2bn.")
    assert found["12%"] == found["£1.2bn"] == "Annual profit"


def test_bare_figures_listed_after_a_counted_one_count_the_same() -> None:
    found = concepts("Acme's 8,000 workers, Bolt's 700 and Crane's 200 will vote.")
    assert found["8,000"] == found["700"] == found["200"] == "workers"


@pytest.mark.parametrize(("text", "surface"), [
    ("The talks lasted for five years.", "five years"),
    ("She said he was paid $300.", "$300"),
])
def test_no_concept_rather_than_a_wrong_one(text: str, surface: str) -> None:
    assert concepts(text)[surface] is None


def test_head_noun_of_a_phrase() -> None:
    assert head_noun("rounds of artillery shells") == "rounds"
    assert head_noun("wind capacity") == "capacity"
    assert head_noun("region's") == "region"
