"""Render the quantities table for `factcheck extract` (table, csv, jsonl, parquet).

JSON lines are also rendered straight from extraction rows (`jsonl_rows`), without pandas, for
workers that stream them; both spellings give the same bytes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from factcheck.report.formats import TableFormat

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.extract.schema import Row

# The machine-readable contract of `extract --format jsonl`, in this key order.
JSONL_KEYS = ("doc", "start", "end", "surface", "value", "low", "high", "qualifier", "unit",
              "dimension", "concept")


def _json_line(values: Sequence[object]) -> str:
    """One quantity's JSON line from its JSONL_KEYS values (plain Python; open ends, inf, as null)."""
    shown = {key: None if isinstance(value, float) and not math.isfinite(value) else value
             for key, value in zip(JSONL_KEYS, values, strict=True)}
    return json.dumps(shown, ensure_ascii=False) + "\n"


def jsonl_rows(rows: Iterable[Row]) -> str:
    """Extraction rows as JSON lines, one per quantity."""
    return "".join(_json_line([row[key] for key in JSONL_KEYS]) for row in rows)


def jsonl_lines(table: pd.DataFrame) -> str:
    """The table as JSON lines, one per quantity (column lists, not per-row pandas indexing)."""
    import pandas as pd

    def plain(value: object) -> object:  # numpy scalars unwrapped, NA as None
        if value is pd.NA:
            return None
        return value.item() if hasattr(value, "item") else value

    columns = [table[key].tolist() for key in JSONL_KEYS]
    return "".join(_json_line([plain(value) for value in row]) for row in zip(*columns, strict=True))


def csv_header(table: pd.DataFrame) -> str:
    return table.head(0).to_csv(index=False)


def csv_rows(table: pd.DataFrame) -> str:
    return table.to_csv(index=False, header=False)


def write_table(table: pd.DataFrame, fmt: TableFormat, out: IO[str] | None, path: Path | None) -> None:
    """Write `table` in `fmt` to `path` when given, else to the text stream `out`."""
    if fmt is TableFormat.parquet:
        if path is None:
            raise ValueError("--format parquet needs --output FILE")
        table.to_parquet(path, index=False)
        return
    if path is not None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            write_table(table, fmt, handle, None)
        return
    assert out is not None
    if fmt is TableFormat.jsonl:
        out.write(jsonl_lines(table))
    elif fmt is TableFormat.csv:
        table.to_csv(out, index=False)
    else:
        shown = table[["doc", "start", "end", "surface", "value", "low", "high", "qualifier", "unit",
                       "dimension", "concept"]]
        out.write(shown.to_string(index=False) + "\n" if len(shown) else "(no quantities)\n")
