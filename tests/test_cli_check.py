"""`factcheck check` over a corpus: reports, the --check regression, bad documents, CI formats, config.

The articles are written here for the tests (no real article is copied into the repository); they
lean on the shipped `un.yaml` pack, whose mandate rule passes "12 months" and fails "15 years".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app

ROOT = Path(__file__).resolve().parents[1]
RULES = str(ROOT / "rules" / "un.yaml")
ARTICLES = {
    "world/renewal.txt": "Diplomats said the Security Council voted on Tuesday to extend the mandate of the "
                         "sanctions panel for 12 months.\n\nThe vote was 13 to 2.\n",
    "world/veto.txt": "Officials said 4 members abstained.\n\nRussia vetoed a proposal in the UN Security "
                      "Council to prolong the mandate of a panel of experts for 15 years.\n",
    "sport/match.md": "The home side won 3-1 in front of 42,000 fans.\n",
}
UN_RULE = "un/sanctions-panel-mandate-length"


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    for name, text in ARTICLES.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def _check(*args: str, rules: str = RULES, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, ["check", *args, "--rules", rules, "--no-progress"],
                              env={"CI": "true", **(env or {})}, catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # report names and document names are relative to the cwd
    _corpus(tmp_path)
    return Path("corpus")


def test_reports_then_check_is_clean_then_an_edited_figure_is_named(corpus: Path) -> None:
    written = _check(str(corpus), "--report-dir", "reports", "--no-cache")
    assert written.exit_code == 1, written.output  # the 15-year mandate fails
    reports = sorted(str(p.relative_to("reports")) for p in Path("reports").rglob("*.md"))
    assert reports == ["index.md", "sport/match.md", "world/renewal.md", "world/veto.md"]
    assert "corpus/world/veto.txt" in Path("reports/index.md").read_text(encoding="utf-8")
    assert "factcheck: 3 documents" in written.stderr

    clean = _check(str(corpus), "--report-dir", "reports", "--check", "--no-cache")
    assert clean.exit_code == 0, clean.output
    assert clean.stdout == ""

    veto = corpus / "world" / "veto.txt"
    veto.write_text(veto.read_text(encoding="utf-8").replace("15 years", "1 year"), encoding="utf-8")
    before = {p: p.read_bytes() for p in Path("reports").rglob("*.md")}
    drift = _check(str(corpus), "--report-dir", "reports", "--check", "--no-cache")
    assert drift.exit_code == 1
    assert {p: p.read_bytes() for p in Path("reports").rglob("*.md")} == before
    assert "changed: world/veto.md" in drift.stdout
    assert "changed: world/renewal.md" not in drift.stdout
    assert f"corpus/world/veto.txt  {UN_RULE}  fail -> pass" in drift.stdout
    assert "-Russia vetoed" in drift.stdout or "+++ b/world/veto.md" in drift.stdout


def test_bad_documents_are_errors_and_the_rest_is_still_reported(corpus: Path) -> None:
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    (corpus / "image.txt").write_bytes(bytes(range(256)) * 8)
    result = _check(str(corpus), "--report-dir", "reports", "--no-cache")
    assert result.exit_code == 2, result.output
    assert "corpus/empty.txt" in result.stderr and "corpus/image.txt" in result.stderr
    assert sorted(p.name for p in Path("reports").rglob("*.md")) == ["index.md", "match.md", "renewal.md",
                                                                       "veto.md"]
    index = Path("reports/index.md").read_text(encoding="utf-8")
    assert "| corpus/empty.txt | | | | error:" in index


def test_cache_serves_an_unchanged_corpus_and_a_rule_edit_reuses_extraction(corpus: Path,
                                                                            tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    shutil.copy(RULES, rules)
    args = [str(corpus), "--cache-dir", str(tmp_path / "cache")]
    first = _check(*args, rules=str(rules))
    assert "3 documents (0 cached, 0 re-evaluated)" in first.stderr
    second = _check(*args, rules=str(rules))
    assert "3 documents (3 cached, 0 re-evaluated)" in second.stderr
    assert second.stdout == first.stdout
    rules.write_text(rules.read_text(encoding="utf-8").replace("about a year at a time", "yearly"),
                     encoding="utf-8")
    third = _check(*args, rules=str(rules))
    assert "3 documents (0 cached, 3 re-evaluated)" in third.stderr
    assert "yearly" in third.stdout


def test_junit_has_a_case_per_article_and_rule(corpus: Path) -> None:
    result = _check(str(corpus), "--format", "junit", "--no-cache")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert sorted(suites) == ["corpus/sport/match.md", "corpus/world/renewal.txt", "corpus/world/veto.txt"]
    veto = suites["corpus/world/veto.txt"].find(f"testcase[@name='{UN_RULE}']")
    assert veto is not None and veto.find("failure") is not None
    renewal = suites["corpus/world/renewal.txt"].find(f"testcase[@name='{UN_RULE}']")
    assert renewal is not None and renewal.find("failure") is None
    assert root.get("failures") == "1"


def test_sarif_carries_rule_metadata_and_lines(corpus: Path) -> None:
    result = _check(str(corpus), "--format", "sarif", "--no-cache")
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == UN_RULE)
    assert rule["shortDescription"]["text"] and rule["properties"]["sources"]
    failed = [r for r in run["results"] if r["kind"] == "fail"]
    assert len(failed) == 1 and failed[0]["level"] == "error"
    location = failed[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "corpus/world/veto.txt"
    assert location["region"]["startLine"] == 3


def test_github_annotations_and_job_summary(corpus: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = _check(str(corpus), "--format", "github", "--no-cache",
                    env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    # "15 years" spans columns 102 to 109 of line 3; the message gives its arithmetic once.
    assert result.stdout == (f"::error file=corpus/world/veto.txt,line=3,col=102,endColumn=109,"
                             f"title={UN_RULE} (fail)::UN sanctions-panel mandates are renewed about a "
                             "year at a time: 14.5–15.5 years term ≤ 2–5 years renewal period → fail\n")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## factcheck") and "corpus/world/veto.txt" in text


def test_json_follows_the_contract_in_input_order(corpus: Path) -> None:
    result = _check(str(corpus), "--format", "json", "--no-cache")
    documents = json.loads(result.stdout)["documents"]
    assert [d["doc"] for d in documents] == ["corpus/sport/match.md", "corpus/world/renewal.txt",
                                            "corpus/world/veto.txt"]
    assert [f["verdict"] for f in documents[2]["findings"] if f["rule"] == UN_RULE] == ["fail"]


def test_fail_on_and_usage_errors(corpus: Path) -> None:
    assert _check(str(corpus), "--check", "--no-cache").exit_code == 2  # --check needs --report-dir
    assert _check("corpus/missing.txt", "--no-cache").exit_code == 2
    assert _check(str(corpus / "world" / "renewal.txt"), "--no-cache").exit_code == 0


def test_config_supplies_defaults_and_unknown_keys_name_file_and_line(corpus: Path) -> None:
    Path("pyproject.toml").write_text('[tool.factcheck]\nreport-dir = "out"\njobs = 1\n', encoding="utf-8")
    assert _check(str(corpus), "--no-cache").exit_code == 1
    assert Path("out/index.md").is_file()
    Path("pyproject.toml").write_text('[tool.factcheck]\njobs = 1\nfail_on = "error"\n', encoding="utf-8")
    result = _check(str(corpus), "--no-cache")
    assert result.exit_code == 2
    assert "pyproject.toml:3: unknown key 'fail_on'" in result.stderr
