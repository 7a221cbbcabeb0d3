"""Report names, the index, verdict drift and the report folder (write vs --check), without extraction."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.corpus.cache import SUFFIX, Cache, extraction_key, result_key
from factcheck.corpus.regression import (
    INDEX,
    MANIFEST,
    Entry,
    Names,
    ReportFolder,
    Verdict,
    _is_inside,
    parse_reports,
    parse_verdicts,
    path_parts_of,
    render_index,
    report_name,
    verdict_drift,
)
from factcheck.fsutil import atomic_write_text


@pytest.mark.parametrize(("root", "doc", "name"), [
    ("seeds/", "seeds/001_ab.txt", "001_ab.md"),
    ("seeds", "seeds/world/2024/a b.md", "world/2024/a_b.md"),
    ("seeds/001.txt", "seeds/001.txt", "001.md"),
    ("corpus.jsonl", "corpus.jsonl#business/001", "corpus/business/001.md"),
    ("data", "data/bbc.jsonl#../../etc/passwd", "bbc/_/_/etc/passwd.md"),
    ("-", "-", "stdin.md"),
])
def test_report_names_follow_the_path_below_the_argument(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         root: str, doc: str, name: str) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in ("seeds/world/2024", "data"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    assert str(report_name(root, doc)) == name


def test_names_never_collide_and_index_is_reserved() -> None:
    names = Names()
    given = [names.claim("c", doc) for doc in ("c/a.txt", "c/a.md", "c/A.html", "c/index.txt")]
    assert given == ["a.md", "a-2.md", "A-3.md", "index-2.md"]


def _verdicts() -> list[Verdict]:
    return [
        Verdict("news/a.txt", "arithmetic/percent-change", "pass", "Sales rose from 200 to 250 | up 25% <b>"),
        Verdict("news/a.txt", "un/mandate", "fail", "extended for 15 years"),
        Verdict("news/b.txt", "arithmetic/percent-change", "uncertain", "up about 24%"),
    ]


def test_index_round_trips_its_findings_and_links() -> None:
    entries = [Entry("news/a.txt", "a.md", (1, 0, 1)), Entry("news/b.txt", "b.md", (0, 1, 0)),
               Entry("news/c.bin", None, (0, 0, 0), error="binary file")]
    index = render_index(entries, _verdicts())
    assert parse_verdicts(index) == _verdicts()
    assert parse_reports(index) == ["a.md", "b.md"]
    assert "<b>" not in index and "error: binary file" in index


def test_verdict_drift_pairs_by_sentence_then_in_order() -> None:
    old = _verdicts()
    new = [
        Verdict("news/a.txt", "arithmetic/percent-change", "pass", "Sales rose from 200 to 250 | up 25% <b>"),
        Verdict("news/a.txt", "un/mandate", "pass", "extended for 1 year"),  # edited figure
        Verdict("news/b.txt", "arithmetic/percent-change", "uncertain", "up about 24%"),
        Verdict("news/b.txt", "munitions/calibre", "fail", "152 cm shells"),
    ]
    drift = verdict_drift(old, new)
    assert [(kind, (o or n).article, (o or n).rule) for kind, o, n in drift] == [
        ("changed", "news/a.txt", "un/mandate"),
        ("added", "news/b.txt", "munitions/calibre"),
    ]
    changed = next(item for item in drift if item[0] == "changed")
    assert (changed[1].verdict, changed[2].verdict) == ("fail", "pass")
    assert verdict_drift(old, old) == []
    removed = verdict_drift(old, old[:2])
    assert [(kind, o.article) for kind, o, _ in removed] == [("removed", "news/b.txt")]


def test_report_folder_writes_then_checks_clean_then_catches_changes(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    entries = [Entry("a.txt", "a.md", (1, 0, 0)), Entry("b.txt", "b.md", (0, 0, 0))]
    verdicts = [Verdict("a.txt", "un/mandate", "fail", "for 15 years")]
    writer = ReportFolder(folder, check=False)
    writer.put("a.md", "# a\nfail\n")
    writer.put("b.md", "# b\n")
    writer.finish(entries, verdicts)
    assert sorted(p.name for p in folder.iterdir()) == [MANIFEST, "a.md", "b.md", INDEX]

    clean = ReportFolder(folder, check=True)
    clean.put("a.md", "# a\nfail\n")
    clean.put("b.md", "# b\n")
    clean.finish(entries, verdicts)
    assert not clean.drift.found

    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    drifted = ReportFolder(folder, check=True)
    drifted.put("a.md", "# a\npass\n")  # changed; b.md vanished; c.md is new
    drifted.put("c.md", "# c\n")
    drifted.finish([Entry("a.txt", "a.md", (0, 0, 1)), Entry("c.txt", "c.md", (0, 0, 0))],
                   [Verdict("a.txt", "un/mandate", "pass", "for 1 year")])
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # --check writes nothing
    drift = drifted.drift
    assert (drift.changed, drift.new, drift.removed) == (["a.md", INDEX, MANIFEST], ["c.md"], ["b.md"])
    text = drift.render()
    assert "-fail\n+pass" in text and "un/mandate: 1 changed" in text and "a.txt: 1 changed" in text
    assert "a.txt  un/mandate  fail -> pass" in text


def test_writing_removes_only_reports_it_wrote_itself(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    first = ReportFolder(folder, check=False)
    first.put("a.md", "a\n")
    first.put("b.md", "b\n")
    first.finish([Entry("a", "a.md", (0, 0, 0)), Entry("b", "b.md", (0, 0, 0))], [])
    (folder / "story.compare.md").write_text("someone else's\n", encoding="utf-8")
    second = ReportFolder(folder, check=False)
    second.put("a.md", "a\n")
    second.finish([Entry("a", "a.md", (0, 0, 0))], [])
    assert sorted(p.name for p in folder.iterdir()) == [MANIFEST, "a.md", INDEX, "story.compare.md"]


def test_atomic_write_leaves_no_temporary_file_and_keeps_mode(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "r.md"
    atomic_write_text(target, "one\n")
    os.chmod(target, 0o640)
    atomic_write_text(target, "two\n")
    assert target.read_text(encoding="utf-8") == "two\n"
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)
    assert [p.name for p in target.parent.iterdir()] == ["r.md"]


def test_cache_keys_separate_what_must_be_separate(tmp_path: Path) -> None:
    base = extraction_key("a.txt", "Up 5% to 200.")
    assert base == extraction_key("a.txt", "Up 5% to 200.")
    others = {extraction_key("b.txt", "Up 5% to 200."), extraction_key("a.txt", "Up 6% to 200.")}
    assert len({base, *others}) == 3
    assert result_key(base, "rules-1") != result_key(base, "rules-2")


def test_cache_round_trips_and_treats_damage_as_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = extraction_key("a.txt", "text")
    assert cache.get("table", key) is None
    cache.put("table", key, {"rows": [1, 2]})
    assert cache.get("table", key) == {"rows": [1, 2]}
    entry = next(tmp_path.rglob(f"*{SUFFIX}"))
    entry.write_bytes(entry.read_bytes()[:70])
    assert cache.get("table", key) is None
    disabled = Cache(None)
    disabled.put("table", key, 1)
    assert disabled.get("table", key) is None and not disabled.enabled


def test_an_unwritable_cache_is_reported_once_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = Cache(blocker)
    cache.put("table", "ab" * 32, 1)
    cache.put("table", "cd" * 32, 2)
    assert cache.write_error is not None and str(blocker) in cache.write_error


@given(st.text(alphabet="/.\\a ", max_size=12))
def test_a_manifest_name_is_inside_the_folder_exactly_as_pathlib_reads_it(name: str) -> None:
    path = PurePosixPath(name)
    inside = bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name
    assert _is_inside(name) == inside


@given(st.text(alphabet="/.ab\\é ", max_size=14))
def test_a_documents_path_is_read_as_pathlib_reads_it(file_part: str) -> None:
    """Report names parse each document's folder once per run; the parts are pathlib's."""
    path = Path(file_part)
    assert path_parts_of(file_part) == (path.name, path.parts, path.is_absolute())
