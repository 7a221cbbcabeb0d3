"""A hostile report folder, JSONL ids or environment: nothing written, read or deleted through a link,
no crash on odd names, and exit codes CI can trust (see docs/security.md)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app
from factcheck.fsutil import MAX_KEPT_FOLDERS, SafeFolder, UnsafePath

ROOT = Path(__file__).resolve().parents[1]
RULES = str(ROOT / "rules" / "un.yaml")
TEXT = "The council met on Monday.\n\nIts budget rose from 200 to 250 million euros, up 25%.\n"


def _run(*args: str, env: dict[str, str] | None = None) -> Result:
    command = args[0]
    extra = ["--rules", RULES] if command == "check" else []
    return CliRunner().invoke(app, [*args, *extra, "--no-progress", "--no-cache"],
                              env={"CI": "true", **(env or {})}, catch_exceptions=False)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("corpus/a.txt", "corpus/sub/b.txt"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text(TEXT, encoding="utf-8")
    Path("outside").mkdir()
    return tmp_path


def test_a_symlinked_sub_folder_receives_nothing(here: Path) -> None:
    Path("reports").mkdir()
    (Path("reports") / "sub").symlink_to(here / "outside")
    result = _run("check", "corpus", "--report-dir", "reports")
    assert result.exit_code == 2
    assert "reports/sub: is a symbolic link" in result.stderr
    assert list(Path("outside").iterdir()) == []
    assert "Traceback" not in result.output


def test_only_files_factcheck_wrote_are_deleted(here: Path) -> None:
    (here / "outside" / "precious.md").write_text("keep me\n", encoding="utf-8")
    Path("reports").mkdir()
    (Path("reports") / "link").symlink_to(here / "outside")
    (Path("reports") / "notes.md").write_text("mine\n", encoding="utf-8")
    # A hand-written index linking files: factcheck did not write them, so it deletes none of them.
    Path("reports/index.md").write_text("| x | 0 | 0 | 0 | [link/precious.md](link/precious.md) |\n"
                                        "| y | 0 | 0 | 0 | [notes.md](notes.md) |\n", encoding="utf-8")
    assert _run("check", "corpus", "--report-dir", "reports").exit_code == 0
    assert (here / "outside" / "precious.md").exists() and Path("reports/notes.md").exists()
    # A report factcheck wrote is deleted once its article is gone.
    os.remove("corpus/sub/b.txt")
    Path("corpus/c.txt").write_text(TEXT, encoding="utf-8")
    assert _run("check", "corpus", "--report-dir", "reports").exit_code == 0
    assert not Path("reports/sub/b.md").exists() and Path("reports/c.md").exists()
    assert "check\tc.md" in Path("reports/.factcheck-manifest").read_text(encoding="utf-8")


def test_check_never_reads_through_a_link(here: Path) -> None:
    assert _run("check", "corpus", "--report-dir", "reports").exit_code == 0
    (here / "outside" / "secret.txt").write_text("TOP SECRET CONTENT\n", encoding="utf-8")
    os.remove("reports/a.md")
    (Path("reports") / "a.md").symlink_to(here / "outside" / "secret.txt")
    result = _run("check", "corpus", "--report-dir", "reports", "--check")
    assert result.exit_code == 1
    assert "TOP SECRET" not in result.output and "changed: a.md" in result.stdout
    # Writing replaces the link with the report; the file it pointed to is untouched.
    assert _run("check", "corpus", "--report-dir", "reports").exit_code == 0
    assert not Path("reports/a.md").is_symlink()
    assert (here / "outside" / "secret.txt").read_text(encoding="utf-8") == "TOP SECRET CONTENT\n"


def test_hostile_record_ids_and_stories_cost_nothing(here: Path) -> None:
    records = [{"id": "x", "text": TEXT}, {"id": "x.md/y", "text": TEXT}, {"id": "L" * 400, "text": TEXT},
               {"id": "é" * 200, "text": TEXT}, {"id": "/".join("d" * 40), "text": TEXT}]
    Path("c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = _run("check", "c.jsonl", "--report-dir", "reports")
    assert result.exit_code == 0, result.output
    reports = [p for p in Path("reports").rglob("*.md") if p.name != "index.md"]
    assert len(reports) == len(records)
    assert all(len(part.encode()) < 255 for p in reports for part in p.parts)
    assert _run("check", "c.jsonl", "--report-dir", "reports", "--check").exit_code == 0
    stories = [{"id": f"v{n}", "story": "S" * 400, "text": TEXT} for n in range(2)]
    Path("s.jsonl").write_text("".join(json.dumps(r) + "\n" for r in stories), encoding="utf-8")
    compared = _run("compare", "s.jsonl", "--report-dir", "compared")
    assert compared.exit_code == 0, compared.output
    assert all(len(p.name.encode()) < 255 for p in Path("compared").iterdir())


def test_report_names_do_not_depend_on_argument_order(here: Path) -> None:
    Path("other").mkdir()
    Path("other/a.txt").write_text(TEXT, encoding="utf-8")
    assert _run("check", "corpus", "other", "--report-dir", "reports").exit_code == 0
    assert Path("reports/corpus/a.md").exists() and Path("reports/other/a.md").exists()
    swapped = _run("check", "other", "corpus", "--report-dir", "reports", "--check")
    assert swapped.exit_code == 0, swapped.output


def test_unwritable_outputs_exit_2_with_one_line_naming_the_path(here: Path) -> None:
    Path("blocker").write_text("a file, not a folder\n", encoding="utf-8")
    result = _run("check", "corpus", "--report-dir", "blocker")
    assert result.exit_code == 2 and "blocker" in result.stderr and "Traceback" not in result.output
    summary = _run("check", "corpus", "--format", "github", env={"GITHUB_STEP_SUMMARY": "/dev/full"})
    assert summary.exit_code == 2 and "factcheck: /dev/full: No space left on device" in summary.stderr
    output = _run("extract", "corpus", "-f", "jsonl", "-o", "blocker/out.jsonl")
    assert output.exit_code == 2 and "blocker" in output.stderr


def test_report_dir_from_a_repository_stays_inside_it(here: Path) -> None:
    Path("pyproject.toml").write_text('[tool.factcheck]\nreport-dir = "../elsewhere"\n', encoding="utf-8")
    result = _run("check", "corpus")
    assert result.exit_code == 2 and "pyproject.toml:2: report-dir must be a folder inside" in result.stderr
    assert not (here.parent / "elsewhere").exists()


def test_a_remote_scheduler_needs_the_command_line(here: Path) -> None:
    Path("pyproject.toml").write_text('[tool.factcheck]\nengine = "dask"\nscheduler = "tcp://192.0.2.1:8786"\n',
                                      encoding="utf-8")
    result = _run("check", "corpus/a.txt")  # a single document runs in this process
    assert result.exit_code == 0
    assert "ignoring scheduler 'tcp://192.0.2.1:8786'" in result.stderr


def test_an_unreachable_scheduler_is_exit_2(here: Path) -> None:
    pytest.importorskip("distributed")
    result = _run("check", "corpus", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr


def test_extract_output_is_replaced_only_by_a_finished_run(here: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    Path("out.jsonl").write_text("old\n", encoding="utf-8")
    from factcheck.corpus import runner

    real = runner.Runner.run

    def interrupted(self: runner.Runner, *args: object, **kwargs: object) -> object:
        for number, outcome in enumerate(real(self, *args, **kwargs)):
            if number == 1:
                raise KeyboardInterrupt
            yield outcome

    monkeypatch.setattr(runner.Runner, "run", interrupted)
    result = _run("extract", "corpus", "-f", "jsonl", "-o", "out.jsonl")
    assert result.exit_code == 130
    assert Path("out.jsonl").read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in here.iterdir()) == ["corpus", "out.jsonl", "outside"]
    monkeypatch.setattr(runner.Runner, "run", real)
    assert _run("extract", "corpus", "-f", "jsonl", "-o", "out.jsonl").exit_code == 0
    assert Path("out.jsonl").read_text(encoding="utf-8").count("\n") > 2


def test_ctrl_c_says_what_was_written(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.corpus import runner

    real = runner.Runner.run_units

    def interrupted(self: runner.Runner, *args: object, **kwargs: object) -> object:
        for number, outcome in enumerate(real(self, *args, **kwargs)):
            if number == 1:
                raise KeyboardInterrupt
            yield outcome

    monkeypatch.setattr(runner.Runner, "run_units", interrupted)
    result = _run("check", "corpus", "--report-dir", "reports")
    assert result.exit_code == 130
    assert "interrupted: 1 reports written to reports; index.md and the manifest not updated" in result.stderr


def test_a_closed_pipe_ends_quietly(here: Path) -> None:
    figures = " ".join(f"Item {n} cost {n} euros." for n in range(1, 3000))
    Path("corpus/long.txt").write_text(figures, encoding="utf-8")
    command = [sys.executable, "-c", "from factcheck.cli import main; main()", "extract", "corpus",
               "-f", "jsonl", "--no-cache", "--no-progress", "--jobs", "1"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()
        errors = process.stderr.read().decode()
        code = process.wait(timeout=60)
    assert code == 141 and "Traceback" not in errors


def test_a_kept_folder_replaced_by_a_link_receives_nothing_through_it(tmp_path: Path) -> None:
    """A run keeps each report folder's checked descriptor: renaming the folder and putting a link
    in its place redirects nothing; once the folder it checked is removed, the name is checked again."""
    reports, outside = tmp_path / "reports", tmp_path / "outside"
    outside.mkdir()
    files = SafeFolder(reports, keep_open=True)
    files.write_bytes("sub/a.md", b"one")
    (reports / "sub").rename(reports / "moved")
    (reports / "sub").symlink_to(outside)
    files.write_bytes("sub/b.md", b"two")
    assert files.read_bytes("sub/a.md") == b"one"
    assert list(outside.iterdir()) == [] and (reports / "moved" / "b.md").read_bytes() == b"two"
    shutil.rmtree(reports / "moved")
    with pytest.raises(UnsafePath, match="symbolic link"):
        files.write_bytes("sub/c.md", b"three")
    with pytest.raises(UnsafePath, match="symbolic link"):
        files.read_bytes("sub/a.md")
    (reports / "sub").unlink()
    files.write_bytes("sub/d.md", b"four")
    assert (reports / "sub" / "d.md").read_bytes() == b"four" and list(outside.iterdir()) == []


def test_a_run_keeps_a_bounded_number_of_folders_open(tmp_path: Path) -> None:
    files = SafeFolder(tmp_path, keep_open=True)
    before = len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").is_dir() else None
    for number in range(MAX_KEPT_FOLDERS + 10):
        files.write_bytes(f"f{number}/a.md", b"x")
        assert files.read_bytes(f"f{number}/a.md") == b"x"
    if before is not None:
        assert len(os.listdir("/proc/self/fd")) - before <= MAX_KEPT_FOLDERS
    files.close()
    if before is not None:
        assert len(os.listdir("/proc/self/fd")) == before
