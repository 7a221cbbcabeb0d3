"""The quantities table: one row per quantity found in a document.

This is the contract between extraction and everything downstream (rules, reports,
`extract --format jsonl`). Offsets index the decoded document text, and
`text[start:end] == surface` always holds. `validate` checks a table against it; the tests
run it on every table they make.

Extraction itself yields rows (a dict per quantity, carrying every column, sorted by `ROW_ORDER`);
`to_table` types them into the DataFrame. pandas is imported only there, so that a worker that
streams rows as JSON lines never loads it (importing it is a large share of a process's start).
"""

from __future__ import annotations

from collections import namedtuple
from functools import cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd

QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague")

# column -> (pandas dtype, meaning)
COLUMNS: dict[str, tuple[str, str]] = {
    "doc": ("string", "document name as given (path, '-', or 'corpus.jsonl#id')"),
    "start": ("int64", "offset of the first character of `surface` in the document text"),
    "end": ("int64", "offset one past the last character of `surface`"),
    "surface": ("string", "the figure as written, hedge words excluded"),
    "value": ("float64", "normalised value: 'three million' -> 3e6, '$2.5bn' -> 2.5e9, '40%' -> 40"),
    "low": ("float64", "lower end of the interval the wording implies (hedge and rounding); "
                       "-inf when open ('less than -5 C')"),
    "high": ("float64", "upper end of that interval; inf when open ('more than 700'). "
                        "For ranges and vague amounts `value` is the lower end"),
    "qualifier": ("string", "one of " + ", ".join(QUALIFIERS)),
    "unit": ("string", "canonical unit name; '' for a bare count"),
    "dimension": ("string", "length, mass, time, currency, percentage, count, fraction ('half', "
                            "value 0.5), multiplier ('doubled', value 2), ..."),
    "concept": ("object", "noun phrase the figure counts or measures, or None"),
    "sentence": ("string", "the sentence the figure stands in"),
    "sentence_start": ("int64", "offset of that sentence in the document text"),
    "paragraph": ("int64", "0-based index of the paragraph (blank-line separated)"),
}


UNITLESS_DIMENSIONS = ("count", "fraction", "multiplier")

# One quantity: every column of COLUMNS, as plain Python values.
Row = dict[str, object]
# Rows and tables are sorted by doc, then offsets.
ROW_ORDER = ("doc", "start", "end")
row_order = itemgetter(*ROW_ORDER)


class SchemaError(ValueError):
    """A table that breaks the schema; the message lists every problem found."""


def validate(table: pd.DataFrame, texts: dict[str, str] | None = None) -> None:
    """Raise SchemaError unless `table` follows the schema (and its spans, given the `texts` by doc)."""
    problems = [f"column {name!r} missing" for name in COLUMNS if name not in table.columns]
    problems += [f"column {name!r} has dtype {table[name].dtype}, not {dtype}"
                 for name, (dtype, _) in COLUMNS.items()
                 if name in table.columns and str(table[name].dtype) != dtype]
    if problems:
        raise SchemaError("; ".join(problems))
    for row in table.itertuples(index=False):
        where = f"{row.doc}@{row.start}"
        if not 0 <= row.start < row.end:
            problems.append(f"{where}: bad span {row.start}-{row.end}")
        if not row.sentence_start <= row.start or row.end > row.sentence_start + len(row.sentence):
            problems.append(f"{where}: span outside its sentence")
        elif row.sentence[row.start - row.sentence_start:row.end - row.sentence_start] != row.surface:
            problems.append(f"{where}: surface {row.surface!r} is not the text of its span")
        if texts is not None and texts[row.doc][row.start:row.end] != row.surface:
            problems.append(f"{where}: surface {row.surface!r} is not the document text")
        if row.qualifier not in QUALIFIERS:
            problems.append(f"{where}: unknown qualifier {row.qualifier!r}")
        if not row.low <= row.value <= row.high:
            problems.append(f"{where}: value {row.value} outside [{row.low}, {row.high}]")
        if (row.unit == "") != (row.dimension in UNITLESS_DIMENSIONS):
            problems.append(f"{where}: unit {row.unit!r} does not fit dimension {row.dimension!r}")
        if row.concept is not None and not (isinstance(row.concept, str) and row.concept):
            problems.append(f"{where}: concept must be a non-empty string or None")
    keys = list(zip(table["doc"], table["start"], strict=True))
    if keys != sorted(keys):
        problems.append("rows not sorted by doc, then start")
    if problems:
        raise SchemaError("; ".join(problems))


def pandas_dtype(name: str) -> Any:
    """The dtype a column declared as `name` is built with: "string" columns keep Python strings
    (pandas' default storage for them is Arrow, dearer to build and read back for the small
    tables of one document); either way the column's dtype prints as "string"."""
    import pandas as pd

    return pd.StringDtype("python") if name == "string" else name


def empty_table() -> pd.DataFrame:
    """A table with the schema's columns and dtypes and no rows: a copy of one built once, since
    building a typed empty frame costs more than extracting a short document."""
    return _empty_table().copy()


@cache
def _empty_table() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({name: pd.Series(dtype=pandas_dtype(dtype)) for name, (dtype, _) in COLUMNS.items()})


def records(table: pd.DataFrame) -> list[Any]:
    """The table's rows as named tuples of plain Python values (missing values as None, NaN or
    pd.NA, as the column holds them), in table order; do not change them.

    Read column by column (`itertuples` costs twice as much, which shows on a corpus of thousands
    of short documents), and once per table: the rules and the report of one document all read
    its table this way, one after the other, so the last table read is kept (and for the table
    `to_table` built last, they are made from the columns of the rows it was built from).
    """
    if table is not _last[0]:
        record = _record_type(tuple(table.columns))
        columns = [table[name].tolist() for name in table.columns]
        _last[:] = [table, [record._make(values) for values in zip(*columns, strict=True)], None]
    elif _last[1] is None:  # built by `to_table`: from its rows' columns, as values its columns hold
        record = _record_type(tuple(COLUMNS))
        plain = [_plain(values, dtype) for values, (dtype, _) in zip(_last[2], COLUMNS.values(), strict=True)]
        _last[1] = list(map(record._make, zip(*plain, strict=True)))
    return _last[1]


# The table `records` read last, its records, and (for a table `to_table` built last, whose records
# are made only when asked for) the columns of the rows it was built from.
_last: list[Any] = [None, [], None]


@cache
def _record_type(columns: tuple[str, ...]) -> Any:
    return namedtuple("Record", columns, rename=True)  # type: ignore[misc]


def to_table(rows: list[Row]) -> pd.DataFrame:
    """Build a typed table, sorted by doc and offsets, from rows carrying every schema column.

    Each column is built as the array pandas stores it in, and handed over with an index of the
    column names made once (`DataFrame._from_arrays`, the last step of pandas' own constructor):
    the public constructor infers every column's dtype again and builds the names' index anew,
    which costs more than extracting a short document, and a corpus has thousands of them.
    """
    import pandas as pd

    if not rows:
        return empty_table()
    rows = sorted(rows, key=row_order)  # stable: equal keys keep their order
    columns = list(zip(*map(_ROW_VALUES, rows), strict=True))  # one transposition, not a loop per column
    arrays = [_column(values, dtype) for values, (dtype, _) in zip(columns, COLUMNS.values(), strict=True)]
    table = pd.DataFrame._from_arrays(arrays, _column_index(), pd.RangeIndex(len(rows)),
                                      verify_integrity=False)
    # The rules and reports read this table next: its records, if asked for, come from the rows'
    # columns at hand rather than back out of pandas.
    _last[:] = [table, None, columns]
    return table


_ROW_VALUES = itemgetter(*COLUMNS)


@cache
def _column_index() -> pd.Index:
    import pandas as pd

    return pd.Index(list(COLUMNS))


def _string(value: object) -> object:
    import pandas as pd

    return pd.NA if value is None else str(value)


def _plain(values: tuple[object, ...], dtype: str) -> Sequence[object]:
    """A column's values as the table gives them back (`Series.tolist`), missing values included."""
    if dtype == "int64":
        return list(map(int, values))
    if dtype == "float64":
        return list(map(float, values))
    if dtype == "string" and not set(map(type, values)) <= {str}:  # a str is its own str
        return list(map(_string, values))
    return values


def _column(values: Sequence[object], dtype: str) -> Any:
    """One column as the array pandas stores for its dtype. A "string" column holds str or None
    (missing); any other value is converted to its str, as pandas does."""
    import numpy as np
    import pandas as pd

    if dtype in ("int64", "float64"):
        return np.array(values, dtype=dtype)
    array = np.fromiter(values, dtype=object, count=len(values))  # element by element: tuples stay whole
    if dtype == "object":
        return array
    try:
        return pd.arrays.StringArray(array, dtype=pandas_dtype(dtype))  # checks the values, converts none
    except ValueError:
        return pd.array(values, dtype=pandas_dtype(dtype))
