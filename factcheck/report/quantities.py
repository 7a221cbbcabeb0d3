"""Render the quantities table for `factcheck extract` (table, csv, jsonl, parquet)."""

from __future__ import annotations

import json
import math
from enum import StrEnum
from pathlib import Path
from typing import IO

import pandas as pd

# The machine-readable contract of `extract --format jsonl`, in this key order.
JSONL_KEYS = ("doc", "start", "end", "surface", "value", "low", "high", "qualifier", "unit",
              "dimension", "concept")


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def _plain(value: object) -> object:
    """JSON-safe scalar: numpy scalars unwrapped, NaN/NA and open interval ends (inf) as null."""
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()  # numpy scalar
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def write_jsonl(table: pd.DataFrame, out: IO[str]) -> None:
    # Column lists, not row tuples: a corpus run writes thousands of small tables from its one
    # parent process, where per-row pandas indexing would be the serial bottleneck.
    columns = [table[key].tolist() for key in JSONL_KEYS]
    for row in zip(*columns, strict=True):
        record = {key: _plain(val) for key, val in zip(JSONL_KEYS, row, strict=True)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


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
        write_jsonl(table, out)
    elif fmt is TableFormat.csv:
        table.to_csv(out, index=False)
    else:
        shown = table[["doc", "start", "end", "surface", "value", "low", "high", "qualifier", "unit",
                       "dimension", "concept"]]
        out.write(shown.to_string(index=False) + "\n" if len(shown) else "(no quantities)\n")
