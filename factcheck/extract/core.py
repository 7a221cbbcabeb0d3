"""Quantity extraction, one sentence at a time: numbers, units, ranges, filters, hedges, concepts.

Sentences without a digit or a number word are skipped, and every step looks only at the
sentence and a few words around each number, so the cost grows linearly with the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from factcheck.documents import Document
from factcheck.extract.concepts import concept_after
from factcheck.extract.filters import not_a_quantity
from factcheck.extract.hedges import hedge_after, hedge_before, interval
from factcheck.extract.numbers import HAS_NUMBER, Reading, read_numbers
from factcheck.extract.schema import to_table
from factcheck.extract.sentences import split_sentences
from factcheck.extract.units import COUNT, FRACTION, MULTIPLIER, Unit, currency_word, unit_after


@dataclass
class Figure:
    """A quantity being assembled: one reading, or two joined as a range."""

    readings: list[Reading]
    unit: Unit
    start: int
    end: int
    qualifier: str = "exact"
    mode: str = "exact"
    bounds: tuple[float, float] | None = field(default=None)

    @property
    def first(self) -> Reading:
        return self.readings[0]


# A rate after the unit: "$3,500 a month", "63 cents per share", "11 feet per century".
_RATE = re.compile(
    r"(?P<sep>\s+(?:per|a|an|each)\s+|\s?/\s?)(?P<per>hour|day|week|month|year|annum|share|barrel|"
    r"gallon|litre|liter|ounce|gram|kilo|kilogram|kg|tonne|ton|square (?:foot|feet|metre|meter)|"
    r"sq ft|head|person|night|mile|kilometre|km|century|decade|kWh|MWh|unit|seat)\b")
_SPEED_OVER = {"hour", "day", "week", "month", "year", "century", "decade"}
_OF_CURRENCY = re.compile(r"\s+of\s+")
_RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|—|to|and|or)\s*")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"\b(?:from|by|rose|rise|rises|rising|fell|fall|falls|falling|increased?|increases|decreased?|"
    r"grew|grow|jumped|climbed|dropped|declined|slipped|slumped|soared|surged|plunged|cut|raised|"
    r"reduced|lowered|boosted|up|down|widened|narrowed|went|moved|swung|revised)\s+$", re.IGNORECASE)


def _unit_of(sentence: str, reading: Reading) -> tuple[Unit, int]:
    """The unit written with `reading` and where the figure's span ends."""
    if reading.kind == "fraction":
        return FRACTION, reading.end
    if reading.kind == "multiplier":
        return MULTIPLIER, reading.end
    unit, end = reading.currency, reading.end
    after = sentence[end:]
    if unit is None:
        found = unit_after(after, reading.has_magnitude)
        if found is None and reading.has_magnitude:  # "millions of dollars"
            of = _OF_CURRENCY.match(after)
            money = currency_word(after[of.end():], True) if of else None
            if of and money:
                found = of.end() + money[0], money[1]
        if found is None:
            return COUNT, end
        end += found[0]
        unit = found[1]
    rate = _RATE.match(sentence, end)
    if rate and (unit.dimension in ("currency", "percentage") or not rate.group("sep").strip()
                 in ("a", "an", "each")):
        per = rate.group("per").lower()
        dimension = unit.dimension
        if unit.dimension == "length" and per in _SPEED_OVER:
            dimension = "speed"
        elif unit.dimension not in ("currency", "percentage"):
            dimension = "rate"
        return Unit(f"{unit.name} per {_singular(per)}", dimension), rate.end()
    return unit, end


def _singular(word: str) -> str:
    return {"feet": "foot", "liter": "litre", "kg": "kilogram", "km": "kilometre", "kilo": "kilogram",
            "annum": "year", "sq ft": "square foot"}.get(word, word.replace("feet", "foot"))


def _joinable(sentence: str, left: Figure, right: Figure) -> str | None:
    """How two neighbouring figures relate: 'range', 'pair' (from X to Y), 'score' or None."""
    separator = sentence[left.end:right.start]
    if not _RANGE_SEPARATOR.fullmatch(separator):
        return None
    a, b = left.first, right.first
    if a.kind != "number" or b.kind != "number" or len(left.readings) > 1:
        return None
    word = separator.strip()
    if left.unit.dimension != "count" and right.unit.dimension != "count" \
            and left.unit.dimension != right.unit.dimension:
        return None
    before = sentence[:left.start]
    low, high = a.value, b.value
    if not a.has_magnitude and b.has_magnitude and low * b.magnitude <= high:
        low *= b.magnitude
    if word in "-–—":
        if low > high:
            bare = left.unit is COUNT and right.unit is COUNT and a.currency is None
            return "score" if bare and word == "-" and high < 100 else None
        return "range"
    if word == "and":
        return "range" if _BETWEEN.search(before) else None
    if word == "or":
        return "range" if low < high else None
    if _CHANGE_BEFORE.search(before) or low > high:
        return "pair"
    return "range"


def _share(left: Figure, right: Figure) -> None:
    """Give each figure of a range or pair what only the other wrote: unit, magnitude."""
    a, b = left.first, right.first
    if not a.has_magnitude and b.has_magnitude and a.value * b.magnitude <= b.value:
        a.value *= b.magnitude
        a.magnitude = b.magnitude
    if left.unit is COUNT and right.unit is not COUNT:
        left.unit = right.unit
    elif right.unit is COUNT and left.unit is not COUNT:
        right.unit = left.unit


def _figures(sentence: str) -> list[Figure]:
    figures = []
    for reading in read_numbers(sentence):
        unit, end = _unit_of(sentence, reading)
        figures.append(Figure([reading], unit, reading.start, end))
    joined: list[Figure] = []
    for figure in figures:
        previous = joined[-1] if joined else None
        relation = _joinable(sentence, previous, figure) if previous else None
        if previous is not None and relation in ("range", "pair", "score"):
            _share(previous, figure)
        if previous is not None and relation == "range":
            previous.readings.append(figure.first)
            previous.end = figure.end
            previous.unit = figure.unit if previous.unit is COUNT else previous.unit
            previous.qualifier = previous.mode = "range"
            continue
        if previous is not None and relation == "score":
            joined.pop()
            continue
        joined.append(figure)
    return joined


def _hedge(sentence: str, figure: Figure) -> None:
    if figure.qualifier == "range":
        values = sorted(r.value for r in figure.readings)
        figure.bounds = (values[0], values[-1])
        return
    if figure.first.kind == "vague":
        figure.qualifier = "vague"
        return
    found = hedge_before(sentence, figure.start) or hedge_after(sentence, figure.end)
    if found:
        figure.qualifier, figure.mode, _ = found


def _sentence_rows(doc: str, text: str, start: int, end: int, paragraph: int) -> list[dict[str, object]]:
    sentence = text[start:end]
    rows: list[dict[str, object]] = []
    for figure in _figures(sentence):
        first = figure.first
        unit = None if figure.unit is COUNT else figure.unit
        if not_a_quantity(sentence, first, unit, figure.end):
            continue
        _hedge(sentence, figure)
        low, high = figure.bounds or interval(first, figure.mode, figure.unit.dimension)
        value = low if figure.qualifier in ("range", "vague") else first.value
        rows.append({
            "doc": doc, "start": start + figure.start, "end": start + figure.end,
            "surface": sentence[figure.start:figure.end], "value": float(value),
            "low": float(low), "high": float(high), "qualifier": figure.qualifier,
            "unit": figure.unit.name, "dimension": figure.unit.dimension,
            "concept": concept_after(sentence[figure.end:], figure.unit),
            "sentence": sentence, "sentence_start": start, "paragraph": paragraph,
        })
    return rows


def extract(text: str, doc: str = "") -> pd.DataFrame:
    """Return the quantities table of one text (schema: `factcheck.extract.schema.COLUMNS`)."""
    rows: list[dict[str, object]] = []
    for sentence in split_sentences(text):
        if HAS_NUMBER.search(text, sentence.start, sentence.end):
            rows.extend(_sentence_rows(doc, text, sentence.start, sentence.end, sentence.paragraph))
    return to_table(rows)


def extract_document(document: Document) -> pd.DataFrame:
    """Return the quantities table of a document, rows named by its `doc`."""
    return extract(document.text, doc=document.doc)
