"""`to_table` hands pandas typed arrays directly: the table it builds must be the one pandas' public
constructor builds from the same rows, column by column, dtype, values and names alike."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import schema
from factcheck.extract.schema import COLUMNS, pandas_dtype, records, row_order, to_table

_TEXT = st.text(max_size=8)
_VALUES = {
    "int64": st.integers(-(2 ** 62), 2 ** 62),
    "float64": st.floats(allow_nan=True, allow_infinity=True),
    "string": st.one_of(_TEXT, st.none(), st.integers(0, 99)),  # numbers become their text, as pandas does
    "object": st.one_of(st.none(), _TEXT, st.tuples(st.integers(), _TEXT),
                        st.dictionaries(_TEXT, st.integers())),
}


def _rows(columns: dict[str, tuple[str, str]]) -> st.SearchStrategy[list[dict[str, object]]]:
    row = st.fixed_dictionaries({name: _TEXT if name == "doc" else _VALUES[dtype]  # rows are sorted by doc
                                 for name, (dtype, _) in columns.items()})
    return st.lists(row, min_size=1, max_size=6)


def _public(rows: list[dict[str, object]], columns: dict[str, tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series([row[name] for row in rows], dtype=pandas_dtype(dtype))
                         for name, (dtype, _) in columns.items()})


def _same(built: pd.DataFrame, public: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(built, public, check_exact=True)
    assert [repr(dtype) for dtype in built.dtypes] == [repr(dtype) for dtype in public.dtypes]
    assert built.columns.equals(public.columns) and built.columns.dtype == public.columns.dtype
    for name in built.columns:  # element for element: a tuple stays one tuple, a dict one dict
        assert [type(value) for value in built[name]] == [type(value) for value in public[name]]


@settings(max_examples=150, deadline=None)
@given(_rows(COLUMNS))
def test_the_table_is_what_the_public_constructor_builds(rows: list[dict[str, object]]) -> None:
    _same(to_table(rows), _public(sorted(rows, key=row_order), COLUMNS))


@settings(max_examples=150, deadline=None)
@given(_rows(COLUMNS))
def test_records_of_a_new_table_are_its_columns_values(rows: list[dict[str, object]]) -> None:
    """The records `to_table` hands on are made from its rows' columns: value for value and type for
    type what the table's columns give back, missing and non-string values in string columns too."""
    table = to_table(rows)
    mine = records(table)
    schema._last[:] = [None, [], None]  # forget them: read the table through pandas instead
    theirs = records(table)
    assert [[type(value) for value in record] for record in mine] == \
        [[type(value) for value in record] for record in theirs]
    assert [[_comparable(value) for value in record] for record in mine] == \
        [[_comparable(value) for value in record] for record in theirs]


def _comparable(value: object) -> object:
    """NaN and pd.NA compare unequal to themselves: stand-ins that compare."""
    if value is pd.NA:
        return "<NA>"
    return "<NaN>" if isinstance(value, float) and value != value else value
