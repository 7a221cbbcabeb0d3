"""`factcheck extract` over a folder: the pool gives what extracting one text at a time gives, in order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.extract import extract

TEXTS = {
    "b/second.txt": "Prices rose 4% to 250 euros.\n",
    "a/first.txt": "The bridge is 1.2 km long and cost $40 million.\n",
    "a/third.md": "Some 3,000 people attended; 12 were hurt.\n",
}


def test_folder_extraction_streams_in_input_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, text in TEXTS.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "docs", "--format", "jsonl", "--jobs", "2", "--no-cache",
                                      "--no-progress"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    expected = []
    for name in ("a/first.txt", "a/third.md", "b/second.txt"):
        table = extract(TEXTS[name], doc=f"docs/{name}")
        expected += [(row.doc, row.start, row.end, row.surface) for row in table.itertuples()]
    assert [(r["doc"], r["start"], r["end"], r["surface"]) for r in rows] == expected
    assert len({r["doc"] for r in rows}) == 3
    assert "3 documents" in result.stderr
