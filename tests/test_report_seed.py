"""The seed article 001 end to end through `factcheck check`: the verdicts issue 3 promises."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

SEED = Path(__file__).resolve().parents[1] / "seeds" / "001_45f20f59b2f0f4cf.txt"


@pytest.fixture(scope="module")
def markdown() -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", str(SEED), "--no-cache", "--jobs", "1", "--no-progress"])
    return result.exit_code, result.stdout


def sections(report: str) -> dict[str, str]:
    """Each verdict section by rule id."""
    found = {}
    for section in report.split("\n### ")[1:]:
        rule = re.search(r"Rule `([^`]+)`", section)
        assert rule is not None
        found[rule.group(1)] = section.split("\n## ")[0]
    return found


def test_the_seed_exits_1_because_the_mandate_is_flagged(markdown: tuple[int, str]) -> None:
    code, report = markdown
    assert code == 1, report
    mandate = sections(report)["un/sanctions-panel-mandate-length"]
    assert mandate.startswith(("1. FAIL", "1. UNCERTAIN"))
    assert "**15 years**" in mandate and "renewal period" in mandate


def test_shells_per_container_passes_with_its_arithmetic(markdown: tuple[int, str]) -> None:
    section = sections(markdown[1])["munitions/shells-per-container"]
    assert "PASS: Artillery rounds per shipping container" in section
    assert "**about 11,000**" in section or "**11,000**" in section
    arithmetic = re.search(r"\*\*Arithmetic:\*\* (.+)", section)
    assert arithmetic is not None
    pattern = (r"\d\.\d–3\.0 million rounds / [\d,]+–[\d,]+ containers = \d+–\d+ ≤ "
               r"28 t payload / 45 kg round mass = 622 → pass")
    assert re.fullmatch(pattern, arithmetic.group(1)), arithmetic.group(1)
    assert "ISO 668" in section


def test_the_152_mm_calibre_passes(markdown: tuple[int, str]) -> None:
    section = sections(markdown[1])["munitions/artillery-calibre"]
    assert "PASS" in section.splitlines()[0]
    assert "**152 mm**" in section
    assert re.search(r"20 mm ≤ (152|151\.5–152\.5) mm calibre ≤ 1,000 mm → pass", section)


def test_json_output_names_the_same_verdicts() -> None:
    result = CliRunner().invoke(app, ["check", str(SEED), "--format", "json", "--no-cache", "--jobs", "1",
                                      "--no-progress"])
    assert result.exit_code == 1
    (document,) = json.loads(result.stdout)["documents"]
    verdicts = {finding["rule"]: finding["verdict"] for finding in document["findings"]}
    assert verdicts["munitions/shells-per-container"] == "pass"
    assert verdicts["munitions/artillery-calibre"] == "pass"
    assert verdicts["un/sanctions-panel-mandate-length"] in ("fail", "uncertain")
    text = SEED.read_text(encoding="utf-8")
    mandate = next(f for f in document["findings"] if f["rule"] == "un/sanctions-panel-mandate-length")
    assert [text[start:end] for start, end in mandate["spans"]] == ["15 years"]
