"""Cue prefilters: a family skips a pattern's scan when none of its cue words is in the sentence.

That is safe only if every text the pattern matches holds one of those words once folded
(`template.fold`); these properties check it on texts generated from each pattern itself.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract
from factcheck.extract.relations import change, dates, extract_relations, multiple, per_unit
from factcheck.extract.relations.template import fold

# (pattern, the words a sentence must hold for the pattern to be scanned), as the families gate them.
GATED = [
    *((pattern, ("ago", "earlier")) for pattern in dates._YEARS_AGO),
    *((pattern, ("since",)) for pattern in dates._SINCE),
    (dates._SINCE_EVENT, ("since", "after", "from")),
    (dates._AFTER, ("after", "later", "since")),
    *((pattern, dates._LENGTH_CUES) for pattern in (*dates._YEARS_AGO, *dates._SINCE, dates._SINCE_EVENT,
                                                     dates._SERVED, dates._AFTER, dates._LATER, dates._TERMS,
                                                     dates._SPAN_LENGTH)),
    (multiple._MULTIPLIER_VERB, multiple._VERB_STEMS),
    (multiple._AS_MANY, multiple._AS_MANY_STEMS),
    (per_unit._EACH, per_unit._AMOUNT_TOKENS),
    *change._PAIR_PATTERNS,
]


@pytest.mark.parametrize(("pattern", "cues"), GATED,
                         ids=lambda item: getattr(item, "pattern", str(item))[:40])
def test_every_match_of_a_gated_pattern_holds_one_of_its_cues(pattern: re.Pattern[str],
                                                             cues: tuple[str, ...]) -> None:
    @settings(max_examples=30, deadline=None)
    @given(st.data())
    def check(data: st.DataObject) -> None:
        text = data.draw(st.from_regex(pattern))
        assert any(cue in fold(text) for cue in cues), text

    check()


@given(st.text(alphabet="aeiIsSyYrRkK \u0131\u0130\u017f\u212a"),
       st.sampled_from(["is", "si", "year", "sky", "k"]))
def test_whatever_a_case_insensitive_word_matches_holds_that_word_once_folded(text: str, word: str) -> None:
    if re.search(word, text, re.IGNORECASE):
        assert word in fold(text)


def test_parts_are_read_only_where_a_whole_and_two_parts_are_counts() -> None:
    def parts(text: str) -> list[list[str]]:
        relations = extract_relations(text, extract(text))
        return [[m.role for m in row["members"]] for row in relations if row["relation"] == "parts"]

    assert parts("Of the 30 boats, 20 were sold and 10 sunk.") == [["whole", "part", "part"]]
    assert parts("Of the 30 boats, 20 were sold.") == []
    assert parts("Of the 30 boats, 20 were sold and 10% sunk.") == []
