"""The output formats the commands offer, kept apart from their renderers so that the command line
can name them without importing pandas (start-up time is paid by every run)."""

from __future__ import annotations

from enum import StrEnum


class TableFormat(StrEnum):
    """`factcheck extract --format`."""

    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"

    @property
    def streams(self) -> bool:
        """Written document by document as results arrive (the others gather every table first)."""
        return self in (TableFormat.jsonl, TableFormat.csv)


class CompareFormat(StrEnum):
    """`factcheck compare --format`."""

    md = "md"
    json = "json"
