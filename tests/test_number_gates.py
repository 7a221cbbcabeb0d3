"""The number readers are gated by the words their patterns need: a gate may only skip a reader
that would have found nothing, so gated and ungated reading agree on any sentence."""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import numbers
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


_LETTERS = st.text(alphabet="abc", min_size=1, max_size=4)
_RUNS = st.lists(st.one_of(_LETTERS, st.sampled_from([" ", "-", "1", "_", "é"])), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LETTERS, min_size=1, max_size=8), _RUNS)
def test_a_factored_word_alternation_finds_exactly_the_whole_words(words: list[str], text: str) -> None:
    """`_any_word` shares the words' common beginnings ("ab", "abc", "b"): it still finds a word only
    where a whole run of word characters is one of them."""
    assert bool(numbers._any_word(words).search(text)) == bool(set(words) & set(re.findall(r"\w+", text)))
