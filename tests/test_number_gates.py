"""The number readers are gated by the words their patterns need: a gate may only skip a reader
that would have found nothing, so gated and ungated reading agree on any sentence."""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import numbers, units
from factcheck.extract.numbers import has_number, read_numbers

_VOCABULARY = sorted({*numbers.SMALL, *numbers.TENS, *numbers.SCALES, *numbers.PLURAL_SCALES,
                      *numbers.FRACTIONS, *numbers.MULTIPLIERS, "hundred", "dozen", "half", "a", "an", "one",
                      "in", "out", "of",
                      "several", "few", "couple", "figure", "figures", "six-figure", "tenfold", "three-fold",
                      "3/4", "1 1/2", "7\u20448", "24/7", "12", "4.5", "£3m", "2bn", "minus", "and", "the",
                      "tall", "as", "than", "per", "cent", "miles", "Million", "TWICE", "Half", "twenty-one"})
_SENTENCES = st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=12).map(" ".join)


def _every_reader(sentence: str) -> list[numbers.Reading]:
    found = [*numbers._sized_readings(sentence), *numbers._vague_readings(sentence),
             *numbers._fraction_readings(sentence), *numbers._word_readings(sentence),
             *numbers._digit_readings(sentence), *numbers._multiplier_readings(sentence)]
    found = [reading for reading in found if math.isfinite(reading.value)]
    found.sort(key=lambda r: (r.start, -(r.end - r.start)))
    chosen: list[numbers.Reading] = []
    for reading in found:
        if not (chosen and reading.start < chosen[-1].end):
            chosen.append(reading)
    return chosen


@settings(max_examples=300, deadline=None)
@given(_SENTENCES)
def test_gated_readers_read_what_every_reader_reads(sentence: str) -> None:
    assert read_numbers(sentence) == _every_reader(sentence)


_ANY_NUMBER_WORD = re.compile(
    r"\d|\b(?:" + "|".join(sorted(numbers._NUMBER_WORDS, key=len, reverse=True)) + r"|\w+fold)\b",
    re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(_SENTENCES)
def test_has_number_is_a_digit_or_a_whole_number_word(sentence: str) -> None:
    assert has_number(sentence) == bool(_ANY_NUMBER_WORD.search(sentence))



_FLAT_WORDS = "|".join([*numbers.SMALL, *numbers.TENS, "hundred", *numbers.SCALES, "dozen"])
_FLAT_RUN = re.compile(
    rf"\b(?:(?:an?|half an?)[\s-]+(?={numbers._SCALE_WORD}\b))?(?:{_FLAT_WORDS})"
    rf"(?:(?:[\s-]++|\s++and\s++)(?:{_FLAT_WORDS}))*\b", re.IGNORECASE)
_RUN_WORDS = [*_VOCABULARY, "sixty", "six", "Seventeen", "seven-teen", "a", "and", "-", "twenty-",
              "fourteenth", "\u017fix"]
_RUN_TEXT = st.lists(st.sampled_from(_RUN_WORDS), max_size=10).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_RUN_TEXT)
def test_a_run_of_number_words_matches_as_with_the_flat_word_list(text: str) -> None:
    """`_WORD_RUN` tries its words factored (`patterns.alternation`), not in the list's order: each
    stands as a whole word there, so the runs it finds are the flat list's."""
    found = [match.span() for match in numbers._WORD_RUN.finditer(text)]
    assert found == [match.span() for match in _FLAT_RUN.finditer(text)]


# Each reader's pattern and what a sentence must hold for it to match (its letters have no case forms
# but their capitals, so the lower-cased sentence holds them wherever the pattern matches).
_NEEDS = [
    (numbers._AND_A_HALF, lambda sentence: "half" in sentence.lower()),
    (numbers._VULGAR_NUMBER, lambda sentence: not sentence.isascii()),
    (numbers._MIXED, lambda sentence: "/" in sentence),
    (numbers._FRACTION_OF_SCALE, lambda sentence: "of" in sentence.lower()),
    (numbers._SLASH_FRACTION, lambda sentence: "/" in sentence or "\u2044" in sentence),
]
_CASE_WORDS = [*_VOCABULARY, "HALF", "hAlF", "OF", "Of", "\u00bd", "2\u00be", "\u0130", "\u0131", "\u017f",
               "\u212a", "and a", "-and-a-", "a quarter of a", "1/2", "3\u20444"]
_CASES = st.lists(st.sampled_from(_CASE_WORDS), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_CASES)
def test_a_reader_pattern_matches_only_where_its_needed_text_is(sentence: str) -> None:
    for pattern, holds in _NEEDS:
        assert holds(sentence) or pattern.search(sentence) is None, pattern.pattern


_AFTER_PIECES = [" ", "\t", "\u00a0", "%", "per cent", "Percent", "PERCENTAGE points", "pct", "pc", "bps",
                 "Bp", "basis points", "-per-cent", "-percent", "-", "P", "b", "x", "of", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_PIECES), max_size=4).map("".join))
def test_percent_after_reads_what_every_percent_pattern_reads(after: str) -> None:
    """`percent_after` looks at the first characters before trying its patterns."""
    every = next(((match.end(), unit) for pattern, unit in units._PERCENT_UNITS
                  if (match := pattern.match(after))), None)
    assert units.percent_after(after) == every
