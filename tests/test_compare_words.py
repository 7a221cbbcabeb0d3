"""Word folding: the forms a paraphrase uses meet on one key, different words stay apart."""

from __future__ import annotations

import pytest

from factcheck.compare.words import content_words, fold
from factcheck.extract.units import singular

PLURALS = [("container", "containers"), ("missile", "missiles"), ("round", "rounds"),
           ("country", "countries"),
           ("family", "families"), ("village", "villages"), ("box", "boxes"), ("church", "churches"),
           ("bus", "buses"), ("glass", "glasses"), ("movie", "movies"), ("house", "houses"),
           ("survivor", "survivors"), ("bridge", "bridges"), ("barrel", "barrels"), ("city", "cities")]


@pytest.mark.parametrize(("singular", "plural"), PLURALS)
def test_plural_and_singular_meet(singular: str, plural: str) -> None:
    assert fold(plural) == fold(singular) == fold(singular.capitalize())


@pytest.mark.parametrize(("a", "b"), [
    ("people", "person"), ("children", "child"), ("shells", "rounds"), ("specialists", "experts"),
    ("fired", "firing"), ("sent", "sending"), ("Russia's", "Russia"), ("Russia’s", "russia"),
    ("troops", "soldier"), ("stores", "shop"),
])
def test_irregular_forms_possessives_and_synonyms_meet(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(("a", "b"), [
    ("gas", "ga"), ("news", "new"), ("series", "sery"), ("missile", "drone"), ("ballistic", "cruise"),
    ("analysis", "analysi"), ("need", "ne"),
])
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_content_words_drop_function_words_hedges_and_numbers() -> None:
    assert content_words("About two million of the bottles were sold, officials said.") == \
        [fold("bottles"), fold("sold"), fold("officials")]


@pytest.mark.parametrize(("plural", "one"), [
    ("boxes", "box"), ("dishes", "dish"), ("passes", "pass"), ("children", "child"), ("photos", "photo"),
    ("days", "day"), ("ferries", "ferry"), ("pesos", "peso"), ("news", "news"), ("crisis", "crisis"),
    ("campus", "campus"), ("gas", "gas"),
])
def test_one_singulariser_serves_extraction_relations_and_compare(plural: str, one: str) -> None:
    assert singular(plural) == one
    assert fold(plural) == fold(one)
