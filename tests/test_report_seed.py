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
    """Each fail or uncertain verdict's section by rule id."""
    found = {}
    for section in report.split("\n### ")[1:]:
        rule = re.search(r"rule `([^`]+)`", section)
        if rule is not None:
            found[rule.group(1)] = section.split("\n## ")[0]
    return found


def passes(report: str) -> dict[str, tuple[int, str]]:
    """The short list of passes: title -> (line, arithmetic)."""
    return {title: (int(line), arithmetic)
            for line, title, arithmetic in re.findall(r"^- Line (\d+): (.+?) — (.+)$", report, re.MULTILINE)}


def test_the_seed_exits_1_because_the_mandate_is_flagged(markdown: tuple[int, str]) -> None:
    code, report = markdown
    assert code == 1, report
    mandate = sections(report)["un/sanctions-panel-mandate-length"]
    assert mandate.startswith(("1. FAIL", "1. UNCERTAIN"))
    assert "Line 26 · paragraph 12" in mandate
    assert "**15 years**" in mandate and "renewal period" in mandate


def test_shells_per_container_passes_with_its_arithmetic(markdown: tuple[int, str]) -> None:
    line, arithmetic = passes(markdown[1])["Artillery rounds per shipping container stay within what a 20-ft "
                                           "container can carry"]
    assert line == 18
    pattern = (r"\d\.\d–3\.0 million rounds / [\d,]+–[\d,]+ containers = \d+–\d+ ≤ "
               r"28 t payload / 45 kg round mass = 622 → pass")
    assert re.fullmatch(pattern, arithmetic), arithmetic
    assert "ISO 668" in markdown[1].split("## Rules")[1]


def test_the_152_mm_calibre_passes(markdown: tuple[int, str]) -> None:
    _, arithmetic = passes(markdown[1])["Artillery calibres are tens to a few hundred millimetres"]
    assert re.fullmatch(r"20 mm ≤ (152|151\.5–152\.5) mm calibre ≤ 1,000 mm → pass", arithmetic)
    assert "| 152 mm | 152 | 151.5–152.5 |" in markdown[1]


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
