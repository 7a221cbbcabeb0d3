"""The quantities table: one row per quantity found in a document.

This is the contract between extraction and everything downstream (rules, reports,
`extract --format jsonl`). Offsets index the decoded document text, and
`text[start:end] == surface` always holds.
"""

from __future__ import annotations

import pandas as pd

QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague")

# column -> (pandas dtype, meaning)
COLUMNS: dict[str, tuple[str, str]] = {
    "doc": ("string", "document name as given (path, '-', or 'corpus.jsonl#id')"),
    "start": ("int64", "offset of the first character of `surface` in the document text"),
    "end": ("int64", "offset one past the last character of `surface`"),
    "surface": ("string", "the figure as written, hedge words excluded"),
    "value": ("float64", "normalised value: 'three million' -> 3e6, '$2.5bn' -> 2.5e9, '40%' -> 40"),
    "low": ("float64", "lower end of the interval the wording implies (hedge and rounding)"),
    "high": ("float64", "upper end of that interval"),
    "qualifier": ("string", "one of " + ", ".join(QUALIFIERS)),
    "unit": ("string", "canonical unit name; '' for a bare count"),
    "dimension": ("string", "length, mass, time, currency, percentage, count, fraction, ..."),
    "concept": ("object", "noun phrase the figure counts or measures, or None"),
    "sentence": ("string", "the sentence the figure stands in"),
    "sentence_start": ("int64", "offset of that sentence in the document text"),
    "paragraph": ("int64", "0-based index of the paragraph (blank-line separated)"),
}


def empty_table() -> pd.DataFrame:
    """A table with the schema's columns and dtypes and no rows."""
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, (dtype, _) in COLUMNS.items()})


def to_table(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Build a typed, sorted table from row dicts carrying every schema column."""
    if not rows:
        return empty_table()
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame = frame.astype({name: dtype for name, (dtype, _) in COLUMNS.items()})
    return frame.sort_values(["doc", "start", "end"], kind="stable").reset_index(drop=True)
