"""End to end: story groups (tests/stories/, written for these tests) and the seeds, through the
extractor, the alignment, the reports and the `compare` command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.compare import Agreement, Comparison, compare_story, group_stories, story_of
from factcheck.compare.groups import story_key
from factcheck.documents import Document
from factcheck.extract import extract
from factcheck.report.compare_json import render_json
from factcheck.report.compare_md import render_comparison

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "tests" / "stories"
SEEDS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def comparisons() -> dict[str, Comparison]:
    stories, errors = group_stories([str(STORIES)])
    assert not errors
    return {Path(story.name).name: compare_story(story) for story in stories}


@pytest.fixture(scope="module")
def seeds(monkeypatch_module: pytest.MonkeyPatch) -> Comparison:
    monkeypatch_module.chdir(ROOT)
    (story,), errors = group_stories(SEEDS)
    assert not errors
    return compare_story(story)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def by_verdict(comparison: Comparison, verdict: Agreement) -> list[tuple[str, ...]]:
    return [tuple(m.surface for m in f.mentions) for f in comparison.figures if f.verdict is verdict]


# --- story groups --------------------------------------------------------------------------------

def test_a_folder_per_story(comparisons: dict[str, Comparison]) -> None:
    assert sorted(comparisons) == ["dam-collapse", "flood-relief", "harbour-fire", "missile-months",
                                   "panel-rewrite", "retail-profits", "strike-months", "un-panel"]
    assert all(len(c.versions) == 2 for c in comparisons.values())


def test_conflicting_figures_across_versions_are_flagged(comparisons: dict[str, Comparison]) -> None:
    assert ("41", "14") in by_verdict(comparisons["harbour-fire"], Agreement.conflict)
    flood = by_verdict(comparisons["flood-relief"], Agreement.conflict)
    assert ("15 million euros", "25 million euros") in flood
    assert by_verdict(comparisons["retail-profits"], Agreement.conflict) == [("3%", "8%")]


def test_a_rewritten_mandate_length_conflicts(comparisons: dict[str, Comparison]) -> None:
    # "renewed the mandate ... for one year" rewritten as "prolong the mandate ... for 15 years"
    panel = comparisons["un-panel"]
    assert by_verdict(panel, Agreement.conflict) == [("one year", "15 years")]


def test_a_figure_reached_by_other_words_is_shown_for_checking(comparisons: dict[str, Comparison]) -> None:
    # "a panel that has worked for 15 years" rewritten as "prolong the mandate ... for 15 years"
    (figure,) = comparisons["panel-rewrite"].figures
    assert figure.verdict is Agreement.agree
    assert [lead for _, lead in figure.reworded] == ["that has worked for", "on North Korea for"]
    assert "Is it the same claim?" in render_comparison(comparisons["panel-rewrite"])
    assert all(not f.reworded for c in comparisons.values() if c.story != "panel-rewrite" for f in c.figures)


def test_equal_figures_agree(comparisons: dict[str, Comparison]) -> None:
    assert ("2,400", "2,400") in by_verdict(comparisons["flood-relief"], Agreement.agree)


def test_honest_rounding_agrees(comparisons: dict[str, Comparison]) -> None:
    agreements = by_verdict(comparisons["harbour-fire"], Agreement.agree)
    # "about 2.9 million" vs "almost 3 million"
    assert ("2.9 million barrels", "3 million barrels") in agreements
    assert ("120", "120") in agreements  # "120" vs "About 120"
    retail = by_verdict(comparisons["retail-profits"], Agreement.agree)
    assert ("£1.2bn", "£1.17bn") in retail and ("12%", "12 per cent") in retail
    assert ("40", "forty") in retail  # "40 new stores" and "forty new shops"


def test_paraphrased_versions_align_what_they_name_alike(comparisons: dict[str, Comparison]) -> None:
    dam = comparisons["dam-collapse"]
    agreements = by_verdict(dam, Agreement.agree)
    assert ("a dozen", "12") in agreements  # "a dozen villages" and "12 villages downstream"
    assert ("45 million cubic metres", "45 million cubic metres") in agreements
    assert dam.count(Agreement.conflict) == 0


def test_figures_only_one_version_gives_are_single_source(comparisons: dict[str, Comparison]) -> None:
    assert by_verdict(comparisons["flood-relief"], Agreement.single_source) == [("35",)]
    assert ("6",) in by_verdict(comparisons["missile-months"], Agreement.single_source)
    # "opened forty new shops and closed 12": the 12 closed shops are no new shops
    assert by_verdict(comparisons["retail-profits"], Agreement.single_source) == [("12",)]


def test_different_things_sharing_a_noun_are_not_aligned(comparisons: dict[str, Comparison]) -> None:
    months = comparisons["missile-months"]
    assert by_verdict(months, Agreement.conflict) == []
    assert sorted(by_verdict(months, Agreement.agree)) == [("12", "12"), ("30", "30")]
    strikes = comparisons["strike-months"]
    assert strikes.count(Agreement.single_source) == 3  # March, April, and ballistic vs cruise
    assert strikes.count(Agreement.conflict) == strikes.count(Agreement.agree) == 0


# --- seeds ---------------------------------------------------------------------------------------

def test_seed_figures_only_the_second_source_gives_are_single_source(seeds: Comparison) -> None:
    assert seeds.count(Agreement.conflict) == 0
    single = {f.mentions[0].surface for f in seeds.figures if f.verdict is Agreement.single_source}
    assert {"40", "11,000", "three million", "152 mm", "15 years"} <= single
    assert all(m.doc == SEEDS[1] for f in seeds.figures for m in f.mentions)


def test_seed_panel_veto_is_aligned_with_the_first_sources_passage(seeds: Comparison) -> None:
    (mandate,) = [f for f in seeds.figures if f.mentions[0].surface == "15 years"]
    (counterpart,) = mandate.counterparts
    assert counterpart.doc == SEEDS[0]
    assert "veto" in counterpart.sentence and "panel" in counterpart.sentence
    assert {"veto", "panel", "council"} <= set(counterpart.shared)


# --- reports -------------------------------------------------------------------------------------

def test_markdown_report_lists_conflicts_then_single_source_then_agreements(
        comparisons: dict[str, Comparison]) -> None:
    report = render_comparison(comparisons["harbour-fire"])
    sections = [report.index(f"## {name}") for name in ("Conflicts", "Only in one source", "Agreements")]
    assert sections == sorted(sections)
    assert "**41**" in report and "cannot both hold" in report


def test_markdown_report_escapes_article_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("<script>x</script> The army sent 40 *ballistic* missiles | to Russia.\n")
    (tmp_path / "b.txt").write_text("The army sent 50 ballistic missiles to Russia [link](http://x).\n")
    (story,), _ = group_stories([str(tmp_path)])
    report = render_comparison(compare_story(story))
    assert "<script>" not in report and "&lt;script&gt;" in report
    assert "\\*ballistic\\*" in report and "\\| to Russia" in report and "\\[link\\]" in report


def test_reports_are_deterministic(comparisons: dict[str, Comparison]) -> None:
    again = {Path(s.name).name: compare_story(s) for s in group_stories([str(STORIES)])[0]}
    for name, comparison in comparisons.items():
        assert render_comparison(comparison) == render_comparison(again[name])
    assert render_json(comparisons.values()) == render_json(again.values())


def test_json_report_carries_every_figure(comparisons: dict[str, Comparison]) -> None:
    document = json.loads(render_json([comparisons["harbour-fire"]]))
    (story,) = document["stories"]
    assert story["counts"]["conflict"] == sum(f["verdict"] == "conflict" for f in story["figures"])
    conflict = story["figures"][0]
    assert conflict["verdict"] == "conflict"
    for mention in conflict["mentions"]:
        text = Path(mention["doc"]).read_text(encoding="utf-8")
        assert text[mention["start"]:mention["end"]] == mention["surface"]


def test_a_story_field_wins_over_the_folder(tmp_path: Path) -> None:
    assert story_of(Document("corpus.jsonl#7", "", story="harbour-fire")) == "harbour-fire"
    assert story_of(Document("corpus.jsonl#8", "", story="")) is None
    assert story_key(str(tmp_path), Document(str(tmp_path / "a" / "b.txt"), "", story="s")) == "s"
    assert story_key(str(tmp_path), Document(str(tmp_path / "a" / "b.txt"), "")) == "a"
    assert story_key(str(tmp_path), Document(str(tmp_path / "b.txt"), "")) == tmp_path.name
    assert story_key(str(tmp_path / "b.txt"), Document(str(tmp_path / "b.txt"), "")) is None


# --- the command ---------------------------------------------------------------------------------

@pytest.fixture
def story_copy(tmp_path: Path) -> Path:
    target = tmp_path / "stories"
    shutil.copytree(STORIES, target)
    return target


def compare(*args: str, input: str | None = None):
    """Run `factcheck compare` without touching the user's cache."""
    return CliRunner().invoke(app, ["compare", "--no-cache", *args], input=input)


def test_compare_command_exit_codes(story_copy: Path, tmp_path: Path) -> None:
    conflicting = compare(str(story_copy / "harbour-fire"))
    assert conflicting.exit_code == 1, conflicting.output
    assert "# Comparison:" in conflicting.stdout
    agreeing = compare(str(story_copy / "missile-months"), "--format", "json")
    assert agreeing.exit_code == 0, agreeing.output
    assert json.loads(agreeing.stdout)["stories"][0]["counts"]["conflict"] == 0
    missing = compare(str(tmp_path / "nope.txt"), str(story_copy / "missile-months"))
    assert missing.exit_code == 2
    assert compare(str(story_copy), "--check").exit_code == 2
    assert compare(str(story_copy), "--format", "xml").exit_code == 2


def test_report_dir_and_check(story_copy: Path, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    (reports / "other").mkdir(parents=True)
    (reports / "other" / "keep.md").write_text("not ours\n")
    written = compare(str(story_copy), "--report-dir", str(reports))
    assert written.exit_code == 1  # the story groups hold conflicts
    names = sorted(p.name for p in reports.glob("*.compare.md"))
    assert len(names) == 9 and "index.compare.md" in names
    first = {name: (reports / name).read_bytes() for name in names}
    assert compare(str(story_copy), "--report-dir", str(reports)).exit_code == 1
    assert first == {name: (reports / name).read_bytes() for name in names}  # byte-identical rerun
    clean = compare(str(story_copy), "--report-dir", str(reports), "--check")
    assert clean.exit_code == 0, clean.output

    edited = story_copy / "flood-relief" / "update.txt"
    edited.write_text(edited.read_text().replace("35 bridges", "36 bridges"))
    drift = compare(str(story_copy), "--report-dir", str(reports), "--check")
    assert drift.exit_code == 1
    assert "changed:" in drift.stdout and "flood-relief.compare.md" in drift.stdout
    assert "+- `" in drift.stdout and "**36**" in drift.stdout  # the unified diff shows the edit
    assert first == {name: (reports / name).read_bytes() for name in names}  # --check wrote nothing

    shutil.rmtree(story_copy / "strike-months")
    assert compare(str(story_copy), "--report-dir", str(reports)).exit_code == 1
    assert not any("strike-months" in p.name for p in reports.iterdir())  # stale comparison removed
    assert (reports / "other" / "keep.md").read_text() == "not ours\n"  # nothing else touched


def test_a_bad_document_costs_only_itself(story_copy: Path, tmp_path: Path) -> None:
    (story_copy / "harbour-fire" / "empty.txt").write_text("")
    (story_copy / "flood-relief" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    reports = tmp_path / "reports"
    result = compare(str(story_copy), "--report-dir", str(reports))
    assert result.exit_code == 2
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    written = (reports / "harbour-fire.compare.md").read_text()
    assert "wire.txt" in written and "rewrite.txt" in written and "empty.txt" not in written
    assert len(list(reports.glob("*.compare.md"))) == 9


def test_stdin_is_a_version(story_copy: Path) -> None:
    wire = (story_copy / "harbour-fire" / "wire.txt").read_text()
    result = compare("-", str(story_copy / "harbour-fire" / "rewrite.txt"), "--format", "json", input=wire)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["stories"][0]["versions"][0] == "-"


def test_jsonl_records_group_by_their_story_field(tmp_path: Path, comparisons: dict[str, Comparison]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for story in ("harbour-fire", "flood-relief"):
            for path in sorted((STORIES / story).glob("*.txt")):
                text = path.read_text(encoding="utf-8")
                handle.write(json.dumps({"id": f"{story}/{path.stem}", "story": story, "text": text}) + "\n")
    result = compare(str(corpus), "--format", "json")
    assert result.exit_code == 1
    stories = {s["story"]: s for s in json.loads(result.stdout)["stories"]}
    assert sorted(stories) == ["flood-relief", "harbour-fire"]
    for name, story in stories.items():
        expected = [f"{corpus}#{name}/{Path(doc).stem}" for doc in comparisons[name].versions]
        assert story["versions"] == expected
        assert story["counts"] == {v.value: comparisons[name].count(v) for v in Agreement}


# --- figures nothing names ---------------------------------------------------------------------

def test_the_dam_collapse_story_keeps_its_unnamed_death_toll(comparisons: dict[str, Comparison]) -> None:
    surfaces = [m.surface for f in comparisons["dam-collapse"].figures for m in f.mentions]
    assert "31" in surfaces


@pytest.mark.parametrize(("first", "second"), [
    ("The number of flights cancelled stood at 42 by noon, the airport said.",
     "The number of flights cancelled stood at 24 by noon, the airport said."),
    ("The mill employs 1,800 people across the valley, its owners said.",
     "The mill has a workforce of 8,100 across the valley, its owners said."),
])
def test_unnamed_counts_that_differ_are_a_conflict(tmp_path: Path, first: str, second: str) -> None:
    (tmp_path / "one.txt").write_text(f"Headline\n\n{first}\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text(f"Headline\n\n{second}\n", encoding="utf-8")
    result = compare(str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), "--format", "json")
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["stories"][0]["counts"]["conflict"] == 1


@pytest.mark.parametrize(("second", "code", "conflicts"), [
    ("Rescue teams pulled 71 from the flooded mine overnight, a spokeswoman said.", 1, 1),
    ("Rescue teams pulled 17 from the flooded mine overnight, a spokeswoman said.", 0, 0),
])
def test_the_command_compares_counts_no_concept_names(tmp_path: Path, second: str, code: int,
                                                      conflicts: int) -> None:
    """End to end, as a user runs it: a count the extractor labels with no concept is still compared
    across versions, by the words around it."""
    first = "Rescue teams pulled 17 from the flooded mine overnight, a spokeswoman said."
    assert extract(first).concept.isna().all()
    (tmp_path / "early.txt").write_text(f"Mine flood\n\n{first}\n", encoding="utf-8")
    (tmp_path / "late.txt").write_text(f"Mine flood\n\n{second}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "factcheck", "compare", "--no-cache", "--format", "json",
                             str(tmp_path / "early.txt"), str(tmp_path / "late.txt")],
                            capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == code, result.stderr
    story = json.loads(result.stdout)["stories"][0]
    assert story["counts"]["conflict"] == conflicts
    assert any(m["surface"] == "17" for f in story["figures"] for m in f["mentions"])
