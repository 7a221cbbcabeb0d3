"""The pattern helpers change no match: `alternation` matches as the flat list of its words sorted
longest first, `ending` finds what the plain search of an end-anchored pattern finds, and dates read
from lower-cased ASCII text are those read from the text in any case."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.extract import concepts, core, dates, filters, hedges, sentences
from factcheck.extract.patterns import alternation, ending

# (pattern, how the readers call `ending` with it)
_SEARCHED = [
    (filters._NUMBER_WORDS, {"blanks": "#"}),
    (filters._PREVIOUS_WORD, {"blanks": ",:"}),
    (filters._TIME_BEFORE, {}),
    (filters._SLASH_BEFORE, {}),
    (filters._HYPHEN_BEFORE, {}),
    (filters._YEAR_SPAN_BEFORE, {}),
    (hedges._BEFORE, {"longest": hedges._LONGEST_HEDGE}),
    (core._AGED, {"longest": core._AGED_LONGEST}),
    (sentences._TOKEN_BEFORE, {}),
]
_PIECES = ["No", "no.", "Nos", "number", "#", "grade", "Route", "v", "generation", "interstate", "about",
           "just over", "slightly more than", "a little under", "approx.", "Over", "aged", "age of", "died",
           "died in Paris at", "at", "U.S", "e.g", "Mr", "J", "F", "COVID", "Okoro", "union's", "it’s",
           "x", "\u017f", "é", "9", "12", "1998", "2013", "20", "-", "–", "/", ":", ",", ".", "'", "(", ")",
           "_"]
_BLANKS = [" ", "  ", "\t", "\n", "\u00a0", "\x1c", "\u2009", ""]
_TEXTS = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_BLANKS)), max_size=10).map(
    lambda parts: "".join(piece + blank for piece, blank in parts))


def test_whitespace_is_what_patterns_call_whitespace() -> None:
    """`ending` strips with `str.isspace`, the patterns' `\\s`: the same characters, all of them."""
    space = re.compile(r"\s")
    assert all(chr(code).isspace() == bool(space.fullmatch(chr(code))) for code in range(0x110000))


def _span(match: re.Match[str] | None) -> tuple[tuple[int, int], tuple[str | None, ...]] | None:
    return None if match is None else (match.span(), match.groups())


@settings(max_examples=1000, deadline=None)
@given(_TEXTS, st.integers(0, 200), st.integers(0, 200))
@example("page no #", 0, 9)  # the blanks that close a match may follow a blank: "#" after a space
@example("the Okoro:\u00a0", 4, 200)
@example("she died in Paris at ", 0, 21)
@example("for just over \t", 0, 200)
@example("the U.S", 4, 7)
def test_ending_finds_what_the_plain_search_finds(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    for pattern, options in _SEARCHED:
        found = ending(pattern, text, start, end, **options)
        assert _span(found) == _span(pattern.search(text, start, end)), pattern.pattern
        assert _span(ending(pattern, text, **options)) == _span(pattern.search(text)), pattern.pattern


_WORDS = st.text(alphabet="ab .", min_size=1, max_size=4)
_MIXED_TEXTS = st.text(alphabet="abAB .-1\n", max_size=14)
# Contexts a group of words stands in: alone, as whole words, before a blank to the end, repeated,
# named, followed by something that may fail and force the next shorter word.
_CONTEXTS = ("{}", r"\b{}\b", r"{}\s+$", r"(?:{}\s*)+", "(?P<w>{})b?", r"(?:{}|a|b\.)(?=\s)", "{}a")


@settings(max_examples=500, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=8, unique=True), _MIXED_TEXTS)
@example(["a", "ab", "ab ", "b"], "ab a")
def test_alternation_matches_as_the_flat_list_longest_first(words: list[str], text: str) -> None:
    flat = "(?:" + "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) + ")"
    for context in _CONTEXTS:
        for flags in (0, re.IGNORECASE):
            mine = re.compile(context.format(alternation(words)), flags)
            theirs = re.compile(context.format(flat), flags)
            assert [(m.span(), m.groups()) for m in mine.finditer(text)] == \
                [(m.span(), m.groups()) for m in theirs.finditer(text)], (context, flags)


_DAYS = st.sampled_from(["3", "21st", "31", "09", "2nd"])
_MONTHS = st.sampled_from(["May", "MAY", "sept.", "SEPTEMBER", "Jun", "Dec.", "feb", "jAnUaRy", "Mayor"])
_YEARS = st.sampled_from(["2004", "1999", "2019", "1899"])
_DATE_FORMS = st.one_of(
    st.tuples(_DAYS, _MONTHS, _YEARS).map(lambda dmy: f"{dmy[0]} {dmy[1]} {dmy[2]}"),
    st.tuples(_MONTHS, _DAYS, _YEARS).map(lambda mdy: f"{mdy[0]} {mdy[1]}, {mdy[2]}"),
    st.sampled_from(["2019-05-04", "2004-13-01", "on", "the", ",", "\n", "2004"]))
_DATE_TEXTS = st.lists(_DATE_FORMS, max_size=6).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_DATE_TEXTS)
@example("On 3 MAY 2004 and Sept. 21st, 1999")
def test_dates_of_lower_cased_ascii_text_are_those_of_the_text(text: str) -> None:
    in_any_case = [found for match in dates._DATE.finditer(text) if (found := dates._to_date(match))]
    assert dates.dates_in(text) == in_any_case


_BEFORE_WORDS = [*concepts._LAST_LINK_WORDS, *hedges.HEDGES, *concepts._STRESSES, "make", "accounts", "for",
                 "Stood", "OVER", "Just", "the", "x", "1", "\u0130s", "\u017fhed"]
_BEFORE_BLANKS = st.sampled_from([" ", "  ", "", "\t", ", ", "-"])
_BEFORE_TEXTS = st.lists(st.tuples(st.sampled_from(_BEFORE_WORDS), _BEFORE_BLANKS), min_size=1,
                         max_size=8).map(lambda parts: "".join(word + blank for word, blank in parts))


@settings(max_examples=500, deadline=None)
@given(_BEFORE_TEXTS, st.integers(0, 60))
@example("its costs accounts for ", 50)
@example("sales were up by just over ", 50)
def test_a_last_word_is_looked_for_only_where_the_whole_pattern_needs_it(text: str, size: int) -> None:
    """Concepts look for the hedge or linking verb ending a text first; the whole pattern matches
    only where that last word does."""
    start = max(0, len(text) - size)
    for whole, last, longest in ((concepts._HEDGE_BEFORE, concepts._LAST_HEDGE, concepts._LONGEST_HEDGE),
                                 (concepts._LINKED, concepts._LAST_LINK, concepts._LONGEST_LINK_WORD)):
        assert whole.search(text, start) is None or ending(last, text, start, longest=longest) is not None
