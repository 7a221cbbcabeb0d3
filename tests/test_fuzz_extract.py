"""Fuzzing the reader and the extractor: any text reads without a crash and every span is exact.

Hypothesis builds texts from number-like tokens (formats newspapers print, and broken ones) glued
by odd separators and Unicode (other digit scripts, fractions, zero-width and bidi marks), plus raw
random text and bytes. Properties: no exception; the table follows the schema; `text[start:end] ==
surface`; `low <= value <= high`; the reader returns a Document or a DocumentError, never raises.
Examples are bounded so the suite stays fast in CI.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.documents import Document, DocumentError, clean, read_documents
from factcheck.extract import extract
from factcheck.extract.schema import validate
from factcheck.extract.sentences import MAX_SENTENCE_CHARS

TOKENS = (
    "1", "0", "7", "12", "3,000", "1,234.5", "2.5", ".5", "5.", "1,00,000", "10,0000", "1.2.3", "0.000001",
    "£3.4m", "$2.5bn", "€1.2bn", "¥500", "US$4", "$ 5", "£", "$", "%", "12%", "4.5 per cent", "-5", "−5",
    "+3", "3-4", "3–4", "10 to 20", "between 5 and 6", "almost 3 million", "about 24%", "more than",
    "nearly", "up to", "at least", "a third", "half", "twice", "three", "twenty-one", "a million",
    "hundreds", "thousands of", "millions", "billion", "bn", "m", "k", "1e9", "10^6", "2²", "½", "¾",
    "٣", "३", "\uff11\uff12", "Ⅻ", "1st", "21st", "2024", "1990s", "'90s", "10:30", "3/4", "24/7", "No. 3",
    "COVID-19", "F-35", "5G", "km", "miles", "kg", "tonnes", "mph", "°C", "years", "year-old", "fold",
    "from", "to", "rose", "fell", "by", "per", "a", "of", "and", "or", "the", "Mr.", "U.S.", "e.g.",
)
SEPARATORS = (" ", " ", "  ", "", "\n", "\n\n", ". ", ", ", "; ", "-", "–", "/", "(", ")", "\"", "'",
              "\u00a0", "\u200b", "\u200f", "\u202e", "\t", "!", "? ", "…", "*", "#", "|")

token_texts = st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(token + separator for token, separator in parts))
any_texts = st.text(st.characters(codec="utf-8"), max_size=300)
digit_heavy = st.text(st.sampled_from("0123456789 ,.-%$£m\n"), max_size=400)
texts = st.one_of(token_texts, any_texts, digit_heavy)


def check_table(text: str) -> None:
    table = extract(text, doc="fuzz")
    validate(table, {"fuzz": text})
    for row in table.itertuples(index=False):
        assert text[row.start:row.end] == row.surface
        if not any(math.isnan(x) for x in (row.low, row.value, row.high)):
            assert row.low <= row.value <= row.high


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("It cost " + "9" * 5000 + " pounds.")
@example("1 " * 3000)
@example("The sum rose 5%" + " and 5%" * 500 + ".")
@example("\u202e£3.4m\u202c to ٣ million, ½ of \uff11\uff12 homes")
def test_extraction_never_crashes_and_spans_are_exact(text: str) -> None:
    check_table(text)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_extraction_sees_the_cleaned_text_the_reader_gives(text: str) -> None:
    cleaned = clean(text)
    assert clean(cleaned) == cleaned
    assert "\r" not in cleaned
    check_table(cleaned)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=300), texts.map(lambda t: t.encode("utf-8")),
                         texts.map(lambda t: t.encode("cp1252", errors="ignore")),
                         texts.map(lambda t: t.encode("utf-16"))),
       suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ""]))
def test_any_bytes_read_to_a_document_or_one_clear_error(folder: Path, content: bytes, suffix: str) -> None:
    path = folder / f"input{suffix}"
    path.write_bytes(content)
    items = list(read_documents([str(path)], max_bytes=10_000))
    assert items
    for item in items:
        if isinstance(item, DocumentError):
            assert item.message and "\n" not in item.message
            assert item.doc.startswith(str(path))
        else:
            assert isinstance(item, Document) and item.text.strip()
            assert clean(item.text) == item.text
            check_table(item.text)


@pytest.mark.parametrize("text", [
    "Values: " + ", ".join(str(n) for n in range(4000)) + ".",
    "It cost " + "9" * 20_000 + " pounds and 5% more.",
    ("word " * 5000) + "and finally £3.4m.",
])
def test_over_long_sentences_are_cut_before_analysis(text: str) -> None:
    table = extract(text, doc="long")
    validate(table, {"long": text})
    assert len(table) > 0
    assert table["sentence"].str.len().max() <= MAX_SENTENCE_CHARS
