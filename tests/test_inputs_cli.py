"""Bad and unusual inputs as a user meets them: the CLI on files, one clear line per bad input, exit 2.

Every bad input is written here, in tmp_path; good documents next to bad ones still give their
output. The `check` tests feed hostile articles and require reports without live HTML.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from factcheck.cli import app
from factcheck.documents import MAX_BYTES_ENV, read_documents

ROOT = Path(__file__).resolve().parents[1]
GOOD = "The council spent £600m on 3,000 homes, up 12% on last year.\n"


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(MAX_BYTES_ENV, "")  # recorded, so the test's own changes are undone after it
    monkeypatch.delenv(MAX_BYTES_ENV)


def run(*args: str, stdin: bytes | None = None) -> Result:
    command, *rest = args
    return CliRunner().invoke(app, [command, *rest, "--no-progress", "--no-cache", "--jobs", "1"],
                              input=stdin, env={"CI": "true"}, catch_exceptions=False)


def extract(*args: str, stdin: bytes | None = None) -> tuple[Result, list[dict[str, object]]]:
    result = run("extract", *args, "--format", "jsonl", stdin=stdin)
    return result, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def errors_about(result: Result, name: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if f" {name}:" in line or f" {name} " in line]


def write(name: str, content: bytes | str) -> str:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return name


BAD_INPUTS: dict[str, tuple[bytes, str]] = {  # file -> (content, words its one error line must hold)
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \r\n\t\n", "empty"),
    "binary.txt": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary"),
    "image.html": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "scripts.html": (b"<html><head><script>var n = 5;</script></head><body></body></html>",
                     "no article text"),
    "empty.jsonl": (b"\n\n", "empty"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_each_bad_input_gives_one_line_and_exit_2(name: str) -> None:
    content, words = BAD_INPUTS[name]
    result, rows = extract(write(name, content))
    assert result.exit_code == 2
    [line] = errors_about(result, name)
    assert line.startswith(f"factcheck: {name}: ") and words in line
    assert rows == []
    assert "Traceback" not in result.output


def test_missing_path_and_empty_folder() -> None:
    Path("nothing-here").mkdir()
    result, _ = extract("missing.txt", "nothing-here")
    assert result.exit_code == 2
    [missing] = errors_about(result, "missing.txt")
    [folder] = errors_about(result, "nothing-here")
    assert "no such file" in missing and "no articles" in folder


def test_good_documents_next_to_bad_ones_keep_their_results() -> None:
    for name, (content, _) in BAD_INPUTS.items():
        write(f"corpus/{name}", content)
    write("corpus/z/good.txt", GOOD)
    write("corpus/a.jsonl", '{"id": "ok", "text": "Sales rose 5%."}\n{oops\n')
    result, rows = extract("corpus", "also-missing.txt", "corpus/z/good.txt")
    assert result.exit_code == 2
    docs = [row["doc"] for row in rows]
    assert docs.count("corpus/z/good.txt") == 2 * 3  # read twice, three figures each time
    assert "corpus/a.jsonl#ok" in docs
    for name in BAD_INPUTS:
        assert len(errors_about(result, f"corpus/{name}")) == 1, name
    assert len(errors_about(result, "corpus/a.jsonl:2")) == 1
    assert len(errors_about(result, "also-missing.txt")) == 1


def test_legacy_encoding_reads_pounds() -> None:
    result, rows = extract(write("old.txt", "The council spent £600m on repairs.".encode("cp1252")))
    assert result.exit_code == 0, result.stderr
    [row] = rows
    assert row["surface"] == "£600m" and row["value"] == 600e6 and row["dimension"] == "currency"


def test_stdin_bytes_are_decoded_and_named_dash() -> None:
    result, rows = extract("-", stdin="Rents rose 4.5% to £900 a month.\r\n".encode("cp1252"))
    assert result.exit_code == 0, result.stderr
    assert {row["doc"] for row in rows} == {"-"}
    assert "4.5%" in [row["surface"] for row in rows]


def test_empty_stdin() -> None:
    result, rows = extract("-", stdin=b"")
    assert result.exit_code == 2 and rows == []
    assert "factcheck: -: empty input" in result.stderr


def test_html_article_gives_only_its_main_text_figures() -> None:
    page = ("<html><head><script>var budget = 987654;</script></head><body><nav>Top 10 stories</nav>"
            "<article><p>The council spent £600m on 3,000 homes, officials said on Tuesday.</p>"
            "<p>Rents in the city rose 4.5% last year, the housing report found.</p></article>"
            "<footer>© 2024 Example News, 12 Example Street</footer></body></html>")
    result, rows = extract(write("page.html", page))
    assert result.exit_code == 0, result.stderr
    surfaces = [row["surface"] for row in rows]
    assert "£600m" in surfaces and "4.5%" in surfaces
    assert not {"987654", "10", "2024", "12"} & set(surfaces)
    [document] = read_documents(["page.html"])
    for row in rows:  # offsets index the extracted main text, the document text
        assert document.text[row["start"]:row["end"]] == row["surface"]


def test_size_limit_option_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    write("a.txt", GOOD * 20)
    write("b.txt", GOOD)
    result, rows = extract("a.txt", "b.txt", "--max-bytes", "200")
    assert result.exit_code == 2
    [line] = errors_about(result, "a.txt")
    assert "limit" in line and "--max-bytes" in line
    assert {row["doc"] for row in rows} == {"b.txt"}
    monkeypatch.setenv(MAX_BYTES_ENV, "200")
    result, rows = extract("a.txt", "b.txt")
    assert result.exit_code == 2 and len(errors_about(result, "a.txt")) == 1


def test_a_30_megabyte_file_is_refused_at_once() -> None:
    with open("huge.txt", "wb") as out:
        out.write(b"Prices rose 5% to 1,234 in 2024 and " * 900_000)  # 32 MB, every word a number
    result, rows = extract("huge.txt", write("b.txt", GOOD))
    assert result.exit_code == 2
    [line] = errors_about(result, "huge.txt")
    assert "32.4 MB" in line and "10.0 MB" in line
    assert {row["doc"] for row in rows} == {"b.txt"}


@pytest.mark.parametrize("size", ["ten", "0", "5XB"])
def test_bad_size_option_is_a_usage_error(size: str) -> None:
    result = run("extract", write("b.txt", GOOD), "--max-bytes", size)
    assert result.exit_code == 2
    assert "--max-bytes" in result.output


@pytest.mark.parametrize("text", [
    "It cost " + "9" * 50_000 + " pounds.",  # a long digit run
    "Values: " + ", ".join(str(n) for n in range(3000)) + ".",  # thousands of numbers, one sentence
    ("word " * 40_000) + "and finally 3 cats.",  # one very long line
    "1." * 5_000,
])
def test_pathological_text_is_extracted_with_consistent_spans(text: str) -> None:
    result, rows = extract(write("odd.txt", text))
    assert result.exit_code == 0, result.stderr
    for row in rows:
        assert text[row["start"]:row["end"]] == row["surface"]


# -- reports built from hostile articles -----------------------------------------------------------

HOSTILE = (
    '<script>alert("x")</script> The council spent £600m on 3,000 homes, up 12% from £500m '
    "<img src=x onerror=alert(1)>.\n"
    "| a | b | `code` [click](javascript:alert(1)) <a href=\"http://evil.example\">here</a> ![x](http://e/x.png)\n"
    'Prices rose 50% from 100 to 200 <iframe src="http://evil.example"></iframe><!-- comment -->.\n'
)
# An opening or closing tag, a comment, or a javascript: link target in markdown (`\]` is escaped text).
_LIVE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!]|(?<!\\)\]\(\s*javascript:", re.IGNORECASE)


def _rules() -> list[str]:
    return ["--rules", str(ROOT / "rules")]


def test_a_hostile_article_gives_a_report_without_live_html() -> None:
    write("hostile.txt", HOSTILE)
    result = run("check", "hostile.txt", *_rules(), "--format", "md")
    assert result.exit_code in (0, 1), result.stderr
    assert "600m" in result.stdout
    assert not _LIVE_HTML.search(result.stdout), _LIVE_HTML.search(result.stdout)

    written = run("check", "hostile.txt", *_rules(), "--report-dir", "reports")
    assert written.exit_code in (0, 1), written.stderr
    reports = list(Path("reports").rglob("*.md"))
    assert reports
    for report in reports:
        assert not _LIVE_HTML.search(report.read_text(encoding="utf-8")), report


def test_a_hostile_html_page_gives_a_report_without_live_html() -> None:
    escaped = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    page = f"<html><body><article><p>{escaped}</p><p>It was the biggest rise in 20 years.</p>" \
           "</article></body></html>"
    write("hostile.html", page)
    result = run("check", "hostile.html", *_rules(), "--format", "md")
    assert result.exit_code in (0, 1), result.stderr
    assert "600m" in result.stdout
    assert not _LIVE_HTML.search(result.stdout), _LIVE_HTML.search(result.stdout)


def test_check_reports_good_documents_and_exits_2_for_bad_ones() -> None:
    write("corpus/good.txt", GOOD)
    write("corpus/empty.txt", b"")
    write("corpus/binary.txt", b"\x00\x01")
    result = run("check", "corpus", *_rules(), "--report-dir", "reports")
    assert result.exit_code == 2
    assert len(errors_about(result, "corpus/empty.txt")) == 1
    assert len(errors_about(result, "corpus/binary.txt")) == 1
    assert Path("reports/good.md").is_file()


def test_a_file_name_that_is_not_utf8_is_one_error_and_the_rest_is_reported() -> None:
    write("corpus/good.txt", GOOD)
    Path(os.fsdecode(b"corpus/\xffodd.txt")).write_text(GOOD, encoding="utf-8")
    result = run("check", "corpus", *_rules(), "--report-dir", "reports")
    assert result.exit_code == 2
    assert len(errors_about(result, "corpus/\\udcffodd.txt")) == 1
    assert Path("reports/good.md").is_file()
    assert "Traceback" not in result.output


def test_the_size_option_lasts_only_for_its_command() -> None:
    write("a.txt", GOOD * 20)
    assert extract("a.txt", "--max-bytes", "200")[0].exit_code == 2
    assert extract("a.txt")[0].exit_code == 0
