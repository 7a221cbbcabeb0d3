"""The figures a relation is made of, each with its template kind and the interval it allows."""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass

import pandas as pd

from factcheck.extract.dates import MONTHS
from factcheck.intervals import Interval

# Kind letters used in templates: P percent, T percentage points, M money, N plain number,
# Y calendar year, O ordinal, D day of a month, X currency conversion in brackets, U a length of
# time ("two years", "six months": only date arithmetic uses it).
_CURRENCY = r"(?:US\$|A\$|C\$|HK\$|NZ\$|\$|£|€|¥)"
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
    "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventy-fifth": 75, "hundredth": 100,
}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12, "tn": 1e12, "trn": 1e12}
_WORD_NUMBER = (r"(?:" + "|".join(sorted((w for w in WORD_NUMBERS if WORD_NUMBERS[w] >= 20), key=len,
                                         reverse=True))
                + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
                + "|".join(sorted((w for w in WORD_NUMBERS if WORD_NUMBERS[w] < 20), key=len,
                                  reverse=True)))
_FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3,
              "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0,
              "three-quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0}
_FIGURE = re.compile(
    rf"(?P<fraction>\b(?:{'|'.join(sorted(_FRACTIONS, key=len, reverse=True))})\b(?=\s+of\b)"
    r"|(?<=by )(?:a third|a quarter|a fifth|two-thirds|two thirds|three-quarters|three quarters)\b)|"
    rf"(?P<ordinal>\b\d+(?:st|nd|rd|th)\b|\b(?:{'|'.join(sorted(_ORDINAL_WORDS, key=len, reverse=True))})\b)"
    rf"|(?:(?P<currency>{_CURRENCY})\s?)?"
    r"(?P<number>(?<![\w.,/])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d)|\b(?:" + _WORD_NUMBER + r")\b)"
    r"(?P<scale>\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|tn|trn|m|k)\b)?"
    r"(?P<suffix>\s?%|\s?per\s?cent\b|\s?percent\b|pc\b|\s(?:percentage|per\s?cent(?:age)?)\s+points?\b"
    r"|\s(?:euros?|dollars?|pounds?|yen|yuan|rupees?|francs?|pence|cents?|riyals?|roubles?|rubles?|"
    r"pesos?|dinars?|rand|shekels?|kronor|krona|kroner|naira|baht|won)\b|p\b)?"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE)
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_BEFORE_MONTH = re.compile(rf"\s+(?:{MONTH_NAMES})\b", re.IGNORECASE)
_MONTH_BEFORE_DAY = re.compile(rf"\b(?:{MONTH_NAMES})\.?\s+$", re.IGNORECASE)
HEDGE = re.compile(
    r"(?P<hedge>about|around|approximately|roughly|some|circa|an estimated|estimated|nearly|almost|close to|"
    r"just under|just over|more than|over|above|in excess of|at least|less than|fewer than|under|below|"
    r"at most|up to|no more than)\s+$", re.IGNORECASE)
_APPROX = {"about", "around", "approximately", "roughly", "some", "circa", "an estimated", "estimated"}
_BELOW = {"nearly", "almost", "close to", "just under"}
_AT_LEAST = {"more than", "over", "above", "in excess of", "at least"}
_AT_MOST = {"less than", "fewer than", "under", "below", "at most", "up to", "no more than"}


@dataclass(frozen=True)
class Figure:
    """A number as written in the text, with the interval its wording allows."""

    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float
    kind: str  # template letter, see above
    unit: str  # currency symbol or word for money, '' otherwise
    hedge: str
    written: tuple[float, float] | None = None  # the interval of the wording alone, before the table's

    @property
    def interval(self) -> Interval:
        return Interval(self.low, self.high)

    def as_written(self) -> Figure:
        """This figure read only as its own digits and hedge say (see `with_table`)."""
        if self.written is None:
            return self
        return dataclasses.replace(self, low=self.written[0], high=self.written[1], written=None)


def _number(text: str) -> tuple[float, float]:
    """Value and half the rounding step implied by how many digits are written."""
    lowered = text.lower()
    if lowered in WORD_NUMBERS:
        return float(WORD_NUMBERS[lowered]), 0.0
    if "-" in lowered:
        tens, ones = lowered.split("-")
        return float(WORD_NUMBERS[tens] + WORD_NUMBERS[ones]), 0.0
    digits = text.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return float(digits), 0.5 * 10.0 ** -decimals


def _half_step(value: float, half_step: float, scaled: bool) -> float:
    """A scaled single digit ("2 million") is read as two significant figures, like "2.0 million"."""
    return 0.05 if scaled and half_step == 0.5 and value < 10 else half_step


def hedged(value: float, half_step: float, hedge: str) -> tuple[float, float]:
    """The interval [low, high] a figure's hedge word and rounding allow."""
    low, high = value - half_step, value + half_step
    if hedge in _APPROX:
        spread = max(half_step, 0.05 * abs(value))
        return value - spread, value + spread
    if hedge in _BELOW:
        return min(low, value - max(half_step, 0.1 * abs(value))), value
    if hedge == "just over":
        return value, max(high, value + 0.1 * abs(value))
    if hedge in _AT_LEAST:
        return value, math.inf
    if hedge in _AT_MOST:
        return (0.0 if value >= 0 else -math.inf), value
    return low, high


_LENGTH_WORD = re.compile(r"\s*(?:tall|high|long|wide|deep|away|below|above|metres|meters|in\s+length)\b",
                          re.IGNORECASE)


def _figure(text: str, match: re.Match[str]) -> Figure | None:
    start, end = match.span()
    if match["fraction"]:  # "half of the 800 members": a share, read loosely
        value = _FRACTIONS[match["fraction"].lower()]
        return Figure(start, end, text[start:end], value, value * 0.95, value * 1.05, "P", "", "")
    if match["ordinal"]:
        word = match["ordinal"].lower()
        value = float(_ORDINAL_WORDS[word] if word in _ORDINAL_WORDS else int(word[:-2]))
        return Figure(start, end, text[start:end], value, value, value, "O", "", "")
    value, half_step = _number(match["number"])
    scale = (match["scale"] or "").strip().lower()
    suffix = re.sub(r"\s+", " ", (match["suffix"] or "").strip().lower())
    currency = match["currency"] or ""
    if scale == "m" and not currency and suffix not in ("pence", "p") and \
            ("." not in match["number"] or _LENGTH_WORD.match(text, end)):
        return None  # "the 100m", "3.5m tall" are lengths; "3.2m passengers" is a count
    factor = _SCALES.get(scale, 1.0)
    half_step = _half_step(value, half_step, factor != 1.0)
    if "point" in suffix:
        kind = "T"
    elif suffix in ("%", "per cent", "percent", "pc"):
        kind = "P"
    elif currency or suffix:
        kind, currency = "M", currency or suffix.rstrip("s")
    elif (not scale and match["number"].isdigit() and len(match["number"]) == 4
          and 1800 <= value <= 2100):
        kind = "Y"
    elif (_DAY_BEFORE_MONTH.match(text, end) or _MONTH_BEFORE_DAY.search(text, max(0, start - 12), start)) \
            and value <= 31 and not scale:
        kind = "D"
    else:
        kind = "N"
    hedge_match = HEDGE.search(text, max(0, start - 20), start)
    hedge = hedge_match["hedge"].lower() if hedge_match else ""
    if kind == "Y":
        return Figure(start, end, text[start:end], value, value, value, kind, "", hedge)
    low, high = hedged(value * factor, half_step * factor, hedge)
    return Figure(start, end, text[start:end], value * factor, low, high, kind, currency, hedge)


_ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")
_TIME_SPAN = re.compile(r"\s+(?:years?|decades?|months?|weeks?|days?|hours?|minutes?|quarters?|nights?)\b",
                        re.IGNORECASE)
_ASIDE = re.compile(r"\s*[(;]\s*$")


def scan_figures(text: str) -> list[Figure]:
    """Every figure written in `text` (digits, number words, ordinals), in order.

    Two kinds are set aside from the arithmetic of amounts: a currency conversion in brackets after
    an amount ("$1.13bn (£600m)", kind X) and a length of time ("two years", kind U).
    """
    figures: list[Figure] = []
    iso_dates = [match.span() for match in _ISO_DATE.finditer(text)]
    for match in _FIGURE.finditer(text):
        figure = _figure(text, match)
        if figure is None or any(start <= figure.start < end for start, end in iso_dates):
            continue
        if figure.kind == "M" and figures and figures[-1].kind in "MX" and \
                _ASIDE.search(text, figures[-1].end, figure.start):
            figure = dataclasses.replace(figure, kind="X")
        elif figure.kind == "N" and _TIME_SPAN.match(text, figure.end):
            figure = dataclasses.replace(figure, kind="U")
        figures.append(figure)
    return figures


_ROUND_NUMBER_SLACK = 0.05


def with_table(figures: list[Figure], quantities: pd.DataFrame | None) -> list[tuple[Figure, int]]:
    """Pair each figure with the quantities-table row for the same number, widening to its interval.

    A hedge the table found widens the figure fully. Rounding the table reads into a round number
    ("2,000" as 1,500-2,500) widens it by at most 5%: a round figure in a relation is usually
    exact or close ("$2 million on 400 laptops"), and half a leading digit would hide real errors.
    The reading of the wording alone is kept in `written`: figures compared with each other (from
    and to) are written to a shared precision, so "from 2,000 to 2,500" reads both to the unit.
    """
    if quantities is None or quantities.empty:
        return [(figure, -1) for figure in figures]
    starts = quantities["start"].to_numpy()
    ends = quantities["end"].to_numpy()
    values = quantities["value"].to_numpy()
    lows = quantities["low"].to_numpy()
    highs = quantities["high"].to_numpy()
    qualifiers = quantities["qualifier"].astype(str).to_numpy()
    paired = []
    for figure in figures:
        row = -1
        for index in ((starts < figure.end) & (ends > figure.start)).nonzero()[0]:
            if math.isclose(values[index], figure.value, rel_tol=1e-6) and figure.kind != "Y":
                row = int(index)
                low, high = lows[index], highs[index]
                if math.isnan(low) or math.isnan(high):
                    break
                if qualifiers[index] == "exact":
                    spread = _ROUND_NUMBER_SLACK * abs(figure.value)
                    low, high = max(low, figure.value - spread), min(high, figure.value + spread)
                figure = dataclasses.replace(figure, low=min(figure.low, low), high=max(figure.high, high),
                                             written=(figure.low, figure.high))
                break
        paired.append((figure, row))
    return paired

