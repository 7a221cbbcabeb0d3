"""Render the quantities table for `factcheck extract` (table, csv, jsonl, parquet)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import IO

import pandas as pd

from factcheck.report.formats import TableFormat

# The machine-readable contract of `extract --format jsonl`, in this key order.
JSONL_KEYS = ("doc", "start", "end", "surface", "value", "low", "high", "qualifier", "unit",
              "dimension", "concept")


def _plain(value: object) -> object:
    """JSON-safe scalar: numpy scalars unwrapped, NaN/NA and open interval ends (inf) as null."""
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()  # numpy scalar
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def jsonl_lines(table: pd.DataFrame) -> str:
    """The table as JSON lines, one per quantity (column lists, not per-row pandas indexing)."""
    columns = [table[key].tolist() for key in JSONL_KEYS]
    return "".join(json.dumps({key: _plain(val) for key, val in zip(JSONL_KEYS, row, strict=True)},
                              ensure_ascii=False) + "\n"
                   for row in zip(*columns, strict=True))


def csv_header(table: pd.DataFrame) -> str:
    return table.head(0).to_csv(index=False)


def csv_rows(table: pd.DataFrame) -> str:
    return table.to_csv(index=False, header=False)


def streamed_rows(table: pd.DataFrame, fmt: TableFormat) -> str:
    """One document's rows in a format written document by document (jsonl, csv without header)."""
    return jsonl_lines(table) if fmt is TableFormat.jsonl else csv_rows(table)


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
