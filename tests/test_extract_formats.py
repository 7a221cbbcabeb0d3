"""`factcheck extract` writes the same quantities in every table format: table, csv, jsonl, and
parquet (the optional extra 'parquet', which the test extra installs so the suite always runs
it); without pyarrow, parquet is refused with the install command, before any work."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app
from factcheck.extract.schema import empty_table

TEXTS = {
    "a.txt": "The town spent £4 million on 120 new buses, about 30% more than last year.\n",
    "b.txt": "Almost 2,000 people ran the 42 km race in under 4 hours.\n",
}


def extract(*args: str) -> Result:
    return CliRunner().invoke(app, ["extract", *TEXTS, "--no-cache", "--no-progress", *args],
                              env={"CI": "true"}, catch_exceptions=False)


@pytest.fixture(autouse=True)
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in TEXTS.items():
        Path(name).write_text(text, encoding="utf-8")


def _jsonl() -> list[dict[str, object]]:
    result = extract("--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_csv_has_every_column_and_the_same_rows_as_jsonl() -> None:
    rows = _jsonl()
    assert len(rows) >= 6 and {row["doc"] for row in rows} == set(TEXTS)
    result = extract("--format", "csv")
    assert result.exit_code == 0
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(table[0]) == list(empty_table().columns)
    assert [(row["doc"], int(row["start"]), row["surface"]) for row in table] == [
        (row["doc"], row["start"], row["surface"]) for row in rows]


def test_table_is_aligned_text_with_a_header() -> None:
    result = extract("--format", "table")
    assert result.exit_code == 0
    header, *lines = result.stdout.splitlines()
    assert header.split() == ["doc", "start", "end", "surface", "value", "low", "high", "qualifier", "unit",
                              "dimension", "concept"]
    assert len(lines) == len(_jsonl())


def test_parquet_round_trips_the_table(tmp_path: Path) -> None:
    result = extract("--format", "parquet", "--output", "q.parquet")
    assert result.exit_code == 0, result.output
    table = pd.read_parquet("q.parquet")
    assert list(table.columns) == list(empty_table().columns)
    rows = _jsonl()
    assert table["surface"].tolist() == [row["surface"] for row in rows]
    assert table["low"].tolist() == pytest.approx([row["low"] for row in rows])
    assert extract("--format", "parquet").exit_code == 2  # parquet needs --output


def test_parquet_without_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if the extra were not installed
    result = extract("--format", "parquet", "--output", "q.parquet")
    assert result.exit_code == 2
    assert "pip install 'factcheck[parquet]'" in result.stderr
    assert not Path("q.parquet").exists()
