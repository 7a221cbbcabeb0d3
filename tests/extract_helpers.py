"""Extract a test sentence through the real extractor, for the `test_extract*` files."""

from __future__ import annotations

import math

import pandas as pd

from factcheck.extract import extract
from factcheck.extract.schema import validate


def table(text: str) -> pd.DataFrame:
    """The quantities of `text`, checked against the schema and the spans against the text."""
    result = extract(text, doc="t")
    validate(result, {"t": text})
    return result


def row(text: str, surface: str) -> pd.Series:
    """The one row of `text`'s table whose surface is `surface`."""
    rows = table(text)
    found = rows[rows["surface"] == surface]
    assert len(found) == 1, rows[["surface", "value", "unit", "qualifier"]]
    return found.iloc[0]


def assert_reads(text: str, surface: str, value: float, unit: str) -> None:
    """`surface` in `text` is read as `value` in `unit` (close, for values like 1/3)."""
    figure = row(text, surface)
    assert math.isclose(figure.value, value) and figure.unit == unit, figure[["value", "unit"]]
