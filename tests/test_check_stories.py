"""`factcheck check --stories`: each story's versions are checked together, so the shipped
`cross_source` rule compares them, in a pool, from the cache and in the regression check."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.corpus.commands import MAX_STORY_VERSIONS, story_units
from factcheck.corpus.runner import sources
from factcheck.documents import DocumentError

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "tests" / "stories"
RULE = "cross-source/figure-differs"


def check(*args: str) -> tuple[int, dict, str]:
    result = CliRunner().invoke(app, ["check", *args, "--format", "json", "--no-progress"])
    return result.exit_code, json.loads(result.stdout), result.stderr


def cross_source(report: dict) -> dict[str, list[tuple[str, str]]]:
    """Each document's cross-source findings as (verdict, message) pairs."""
    return {Path(doc["doc"]).name: [(f["verdict"], f["message"]) for f in doc["findings"]
                                    if f["rule"] == RULE]
            for doc in report["documents"]}


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    """A corpus of two stories: the harbour fire (a 14/41 conflict) and the flood relief."""
    for story in ("harbour-fire", "flood-relief"):
        shutil.copytree(STORIES / story, tmp_path / "corpus" / story)
    return tmp_path / "corpus"


def test_versions_of_a_story_are_compared(harbour: Path, tmp_path: Path) -> None:
    code, report, _ = check(str(harbour), "--stories", "--cache-dir", str(tmp_path / "cache"))
    found = cross_source(report)
    assert code == 0  # cross-source findings are warnings; the default --fail-on is error
    for doc in ("wire.txt", "rewrite.txt"):
        fails = [message for verdict, message in found[doc] if verdict == "fail"]
        assert len(fails) == 1 and "'14'" in fails[0] and "'41'" in fails[0]
    assert [verdict for verdict, _ in found["early.txt"]].count("fail") == 1  # 15 vs 25 million euros


def test_without_stories_each_article_stands_alone(harbour: Path) -> None:
    _, report, _ = check(str(harbour), "--no-cache")
    assert all(findings == [] for findings in cross_source(report).values())


def test_one_worker_two_workers_and_the_cache_agree(harbour: Path, tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    _, pooled, _ = check(str(harbour), "--stories", "--jobs", "2", "--no-cache")
    _, single, _ = check(str(harbour), "--stories", "--jobs", "1", "--cache-dir", cache)
    _, cached, err = check(str(harbour), "--stories", "--cache-dir", cache)
    assert pooled == single == cached
    assert "4 documents (4 cached" in err


def test_editing_one_version_rechecks_the_others(harbour: Path, tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    check(str(harbour), "--stories", "--cache-dir", cache)
    rewrite = harbour / "harbour-fire" / "rewrite.txt"
    rewrite.write_text(rewrite.read_text(encoding="utf-8").replace("41", "14"), encoding="utf-8")
    _, report, err = check(str(harbour), "--stories", "--cache-dir", cache)
    assert not [m for verdict, m in cross_source(report)["wire.txt"] if verdict == "fail"]
    assert "2 cached" in err  # the flood story was untouched; both harbour versions were redone


def test_jsonl_records_are_grouped_by_their_story_field(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    records = [
        {"id": "a1", "story": "quake", "text": "The quake destroyed 300 homes in the province on Monday."},
        {"id": "b1", "story": "budget", "text": "The council approved a budget of 80 million pounds."},
        {"id": "a2", "story": "quake", "text": "The quake destroyed 800 homes in the province on Monday."},
        {"id": "b2", "story": "budget", "text": "The council approved a budget of about 80 million pounds."},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    _, report, _ = check(str(corpus), "--stories", "--no-cache")
    found = {doc.partition("#")[2]: findings for doc, findings in cross_source(report).items()}
    verdicts = {record: [verdict for verdict, _ in findings] for record, findings in found.items()}
    assert verdicts == {"a1": ["fail"], "a2": ["fail"], "b1": ["pass"], "b2": ["pass"]}


def test_units_keep_unreadable_inputs_apart(tmp_path: Path) -> None:
    (tmp_path / "story").mkdir()
    (tmp_path / "story" / "a.txt").write_text("Officials counted 40 missiles on Monday.\n", encoding="utf-8")
    (tmp_path / "story" / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "story" / "c.txt").write_text("Officials counted 50 missiles on Monday.\n", encoding="utf-8")
    units, oversized = story_units(sources([str(tmp_path)]))
    assert oversized == []
    shapes = sorted((len(unit), isinstance(unit[0].item, DocumentError)) for unit in units)
    assert shapes == [(1, True), (2, False)]


def test_a_bad_version_costs_only_itself(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("Officials counted 40 missiles on Monday.\n", encoding="utf-8")
    (story / "b.txt").write_bytes(b"")
    (story / "c.txt").write_text("Officials counted 50 missiles on Monday.\n", encoding="utf-8")
    (story / "d.txt").write_text("Officials counted about 40 missiles on Monday.\n", encoding="utf-8")
    code, report, err = check(str(tmp_path), "--stories", "--no-cache")
    assert code == 2 and "b.txt" in err
    found = cross_source(report)
    assert [verdict for verdict, _ in found["c.txt"]] == ["fail"]


def test_story_reports_pass_the_regression_check(harbour: Path, tmp_path: Path) -> None:
    def run(*extra: str) -> tuple[int, str]:
        result = CliRunner().invoke(app, ["check", str(harbour), "--report-dir", str(tmp_path / "reports"),
                                          "--no-cache", "--no-progress", *extra])
        return result.exit_code, result.stdout

    run("--stories")
    assert any(RULE in path.read_text(encoding="utf-8") for path in (tmp_path / "reports").rglob("*.md")
               if path.name != "index.md")
    assert run("--stories", "--check")[0] == 0
    code, drift = run("--check")  # the same corpus checked without its stories loses those findings
    assert code == 1 and RULE in drift


def test_the_config_can_turn_stories_on(harbour: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nstories = true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, report, _ = check(str(harbour), "--no-cache")
    assert any(cross_source(report).values())
    (tmp_path / "pyproject.toml").write_text('[tool.factcheck]\nstories = "yes"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(harbour), "--no-cache"])
    assert result.exit_code == 2 and "pyproject.toml:2" in result.stderr and "stories" in result.stderr


def test_a_folder_too_large_to_be_one_story_is_checked_article_by_article(tmp_path: Path) -> None:
    topic = tmp_path / "business"
    topic.mkdir()
    for number in range(MAX_STORY_VERSIONS + 1):
        (topic / f"{number:03d}.txt").write_text(f"The firm hired {100 + number} staff.\n", encoding="utf-8")
    units, oversized = story_units(sources([str(tmp_path)]))
    assert oversized == [("business", MAX_STORY_VERSIONS + 1)] and all(len(unit) == 1 for unit in units)
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--stories", "--no-cache", "--no-progress",
                                      "--format", "json"])
    assert f"story 'business' has {MAX_STORY_VERSIONS + 1} documents" in result.stderr
    assert all(findings == [] for findings in cross_source(json.loads(result.stdout)).values())
