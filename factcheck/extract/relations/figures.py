"""The figures relations are made of: the quantities table's rows, each given a template kind.

Relations never read a number themselves. Every amount is a row of the quantities table, with
the table's value and interval; the only other figures are the numbers the extractor read and set
aside as no quantity, which relations need as dates (a year, a day of a month, an ordinal).

Kind letters used in templates: P percent (and a fraction of a whole, as a percent), T
percentage points, M money, N any other amount (a count, or a measure in `unit`), F a multiplier
("doubled", "three times"), U a number of years or decades ("two years"), V another length of
time ("six months"), A an age with its words ("a 64-year-old"), X an amount of money in brackets
after another (a currency conversion), Y a calendar year, D a day of a month, O an ordinal.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.extract.core import SetAside
from factcheck.extract.dates import MONTHS
from factcheck.extract.hedges import hedge_after, hedge_before
from factcheck.extract.schema import records
from factcheck.intervals import Interval

if TYPE_CHECKING:
    import pandas as pd

MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_BEFORE_MONTH = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_NAMES})\b", re.IGNORECASE)
_MONTH_BEFORE_DAY = re.compile(rf"\b(?:{MONTH_NAMES})\.?\s+$", re.IGNORECASE)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_COMPOUND = re.compile(r"-[^\W\d_]")
_ASIDE = re.compile(r"\s*[(;]\s*$")
# A share named as a fraction is a share of something: "half of the 800 members", "cut by a third".
_FRACTION_OF = re.compile(r"\s+of\b")
_BY = re.compile(r"\bby\s+$")
# A round figure in a relation is usually exact or close ("$2 million on 400 laptops"): where the
# table reads an unhedged round number to its leading digit ("2,000" as 1,500-2,500, a half-step of
# 500 or more: trailing zeros or a magnitude word), it is narrowed to this share of its value either side.
ROUND_NUMBER_SLACK = 0.05
_LEADING_DIGIT_ROUNDING = 500


@dataclass(frozen=True)
class Figure:
    """One figure of a sentence template: its span, the interval the table gives it, its kind."""

    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float
    kind: str  # template letter, see above
    unit: str  # the table's unit ('' for a count, the currency for money)
    hedge: str  # the words that hedge it ('nearly', 'or more'), '' when the table reads it unhedged

    @property
    def interval(self) -> Interval:
        return Interval(self.low, self.high)


def as_written(figure: Figure) -> Figure:
    """An unhedged figure written in plain digits ("135,000") read to its last digit, for figures set
    against each other ("from 90,000 to 135,000"): the table takes trailing zeros as rounding, but
    beside another figure they are usually its digits. A figure with a magnitude word or decimals
    ("$1.13bn") already carries the precision it is written with."""
    digits = figure.surface.lstrip("£$€¥").replace(",", "")
    if figure.hedge or not digits.isdigit():
        return figure
    return dataclasses.replace(figure, low=figure.value - 0.5, high=figure.value + 0.5)


def _kind(dimension: str, unit: str, surface: str) -> str:
    if unit == "percentage point":
        return "T"
    if dimension == "percentage":
        return "P"
    if dimension == "currency":
        return "M"
    if dimension == "multiplier":
        return "F"
    if dimension == "time" and surface.lower().endswith("old"):
        return "A"
    if dimension == "time" and surface[-1:].isalpha():
        return "U" if unit in ("year", "decade") else "V"
    return "N"


def _row_figure(text: str, start: int, end: int, surface: str, value: float, low: float, high: float,
                qualifier: str, unit: str, dimension: str) -> Figure | None:
    if dimension == "fraction":
        if not (_FRACTION_OF.match(text, end) or _BY.search(text, max(0, start - 4), start)):
            return None
        value, low, high, unit = 100 * value, 100 * low, 100 * high, "percentage"
        return Figure(start, end, surface, value, low, high, "P", unit, "")
    kind = _kind(dimension, unit, surface)
    if qualifier == "exact" and low == high == value and value == int(value) and dimension == "count":
        low, high = value - 0.5, value + 0.5  # "250 people": exact as a count, but it may be a rounded one
    elif qualifier == "exact" and (high - low) / 2 >= _LEADING_DIGIT_ROUNDING:
        spread = ROUND_NUMBER_SLACK * abs(value)
        low, high = max(low, value - spread), min(high, value + spread)
    hedge = _hedge_words(text, start, end, qualifier)
    return Figure(start, end, surface, value, low, high, kind, unit, hedge)


def _hedge_words(text: str, start: int, end: int, qualifier: str) -> str:
    """The words that hedge a figure the table reads as hedged ('more than', 'or so'), else ''."""
    if qualifier in ("exact", "range"):
        return ""
    before = hedge_before(text, start, end)
    if before is not None:
        return " ".join(text[before[2]:start].split())
    after = hedge_after(text, end)
    return " ".join(text[end:after[2]].split()) if after is not None else ""


def _calendar(text: str, mark: SetAside) -> Figure | None:
    """A number set aside by the extractor, as a date figure (Y, D, O), or None."""
    surface = text[mark.start:mark.end]
    value = mark.value
    if _COMPOUND.match(text, mark.end):  # "a 20-year career", "a six-hour shift": set aside as descriptions
        return Figure(mark.start, mark.end, surface, value, value, value, "N", "", "")
    if not surface.isdigit():
        return None
    if len(surface) == 4 and 1800 <= value <= 2100 and not text.startswith("s", mark.end):
        return Figure(mark.start, mark.end, surface, value, value, value, "Y", "", "")
    day = value <= 31 and (_DAY_BEFORE_MONTH.match(text, mark.end)
                           or _MONTH_BEFORE_DAY.search(text, max(0, mark.start - 12), mark.start))
    if day:
        return Figure(mark.start, mark.end, surface, value, value, value, "D", "", "")
    suffix = _ORDINAL_SUFFIX.match(text, mark.end)
    if suffix:
        end = suffix.end()
        return Figure(mark.start, end, text[mark.start:end], value, value, value, "O", "", "")
    return None


def figures_of(text: str, quantities: pd.DataFrame | None,
               set_aside: Sequence[SetAside] = ()) -> list[tuple[Figure, int]]:
    """The figures of `text` in order, each with its quantities-table row (-1 for a date figure)."""
    found: list[tuple[Figure, int]] = []
    if quantities is not None and len(quantities):
        for row, r in enumerate(records(quantities)):
            figure = _row_figure(text, r.start, r.end, r.surface, r.value, r.low, r.high, r.qualifier, r.unit,
                                 r.dimension)
            if figure is not None:
                found.append((figure, row))
    for mark in set_aside:
        figure = _calendar(text, mark)
        if figure is not None:
            found.append((figure, -1))
    found.sort(key=lambda item: (item[0].start, item[0].end))
    figures: list[tuple[Figure, int]] = []
    for figure, row in found:
        if figures and figure.start < figures[-1][0].end:
            continue  # overlapping spans: the first reading stands
        if figure.kind == "M" and figures and figures[-1][0].kind in "MX" and \
                _ASIDE.search(text, max(figures[-1][0].end, figure.start - 8), figure.start):
            figure = Figure(figure.start, figure.end, figure.surface, figure.value, figure.low, figure.high,
                            "X", figure.unit, figure.hedge)
        figures.append((figure, row))
    return figures
