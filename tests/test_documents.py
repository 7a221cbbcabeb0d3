"""Reading inputs: encodings, formats, folders, JSONL corpora, stdin, and every way an input is refused."""

from __future__ import annotations

import io
import json
import os
import socket
import sys
from pathlib import Path

import pytest

from factcheck.documents import (
    DEFAULT_MAX_BYTES,
    MAX_BAD_LINES_FIRST,
    MAX_BYTES_ENV,
    MAX_NUMBERS,
    Document,
    DocumentError,
    clean,
    count_documents,
    default_max_bytes,
    parse_size,
    read_documents,
)

ARTICLE = "The council spent £600m on 3,000 homes.\nRents rose 4.5% in 2023.\n"


@pytest.fixture(autouse=True)
def _no_limit_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MAX_BYTES_ENV, "")  # recorded, so the test's own changes are undone after it
    monkeypatch.delenv(MAX_BYTES_ENV)


def read(*paths: Path | str, **options: int) -> list[Document | DocumentError]:
    return list(read_documents([str(p) for p in paths], **options))


def one(path: Path | str, **options: int) -> Document:
    [item] = read(path, **options)
    assert isinstance(item, Document), item
    return item


def refused(path: Path | str, **options: int) -> str:
    [item] = read(path, **options)
    assert isinstance(item, DocumentError), item
    assert item.doc == str(path)
    assert "\n" not in item.message
    return item.message


# -- encodings ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_unicode_encodings_read_the_same_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    assert one(path).text == ARTICLE


@pytest.mark.parametrize("text", [
    "£600m",
    "The council spent £600m on 3,000 homes.",
    "Prices rose 5% to €1.2bn — a record, said the café owner’s group.",
    "Über 3 Millionen Einwohner in München; Kosten: 40 Mark pro Kopf.",
])
def test_cp1252_files_read_as_western_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    document = one(path)
    assert document.text == text
    assert document.encoding == "cp1252"


@pytest.mark.parametrize(("text", "encoding"), [
    ("Население города составляет 3 миллиона человек, а бюджет — 40 миллиардов рублей.", "cp1251"),  # noqa: RUF001
    ("Ο πληθυσμός της πόλης είναι 3 εκατομμύρια άνθρωποι και ο προϋπολογισμός 40 εκατομμύρια ευρώ.",  # noqa: RUF001
     "cp1253"),
])
def test_other_legacy_scripts_are_detected(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    assert one(path).text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    assert one(path).text == ARTICLE


def test_utf8_with_a_few_cp1252_bytes_pasted_in(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("The council’s £600m plan — 3,000 homes.".encode() + b" It\x92s up 5%.")
    document = one(path)
    assert document.text == "The council’s £600m plan — 3,000 homes. It’s up 5%."
    assert document.encoding == "utf-8+cp1252"


def test_a_bom_that_lies_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8")  # UTF-16 BOM, then a lone surrogate
    assert "byte-order mark" in refused(path)


# -- cleaning ----------------------------------------------------------------------------------------

def test_newlines_are_normalised_and_offsets_index_the_cleaned_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"One\r\nTwo\rThree\x0cFour\r\n\r\nFive 5%\x1a")
    text = one(path).text
    assert text == "One\nTwo\nThree\nFour\n\nFive 5%"
    assert text[text.index("5%"):text.index("5%") + 2] == "5%"


def test_cleaning_is_idempotent_and_composes_unicode() -> None:
    decomposed = "Cafe\u0301 prices rose 5%\u2029Next\u2028line\ufeff \x07bell"
    cleaned = clean(decomposed)
    assert cleaned == "Café prices rose 5%\n\nNext\nline bell"
    assert clean(cleaned) == cleaned


# -- HTML ------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Budget</title>
<script>var total = 987654; document.write("spent 777 on scripts");</script>
<style>.banner { width: 300px }</style></head>
<body><nav><a href="/">Home</a> | <a href="/top">Top 10 stories</a></nav>
<article><h1>Council budget rises</h1>
<p>The council said it would spend £600m on 3,000 new homes over five years, up 12% on last year.</p>
<p>About 40,000 residents are on the waiting list, officials said on Tuesday, and rents rose 4.5%.</p>
<p>The plan includes 250 homes for key workers and a £25m fund for repairs, the report said.</p>
<img src=x onerror="alert(1)">
</article>
<footer>Copyright 2024 | 12 Example Street</footer>
</body></html>
"""


def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while reading a document")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_html_keeps_the_article_text_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_network(monkeypatch)
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    document = one(path)
    assert document.kind == "html"
    assert "£600m on 3,000 new homes" in document.text
    assert "£25m fund" in document.text
    for boilerplate in ("987654", "777", "width", "Top 10", "Copyright", "<", "onerror"):
        assert boilerplate not in document.text


def test_html_is_recognised_by_content_and_in_legacy_encodings(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _no_network(monkeypatch)
    path = tmp_path / "scraped.txt"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="windows-1252"').encode("cp1252"))
    document = one(path)
    assert document.kind == "html"
    assert "£600m" in document.text
    assert "987654" not in document.text


def test_html_entities_are_not_expanded_or_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_network(monkeypatch)
    levels = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 8))
    path = tmp_path / "bomb.html"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e0 "ha">{levels}'
                    '<!ENTITY file SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://169.254.169.254/">]>'
                    "<html><body><p>The council spent £5m on 30 homes &e7; &file; &web;.</p></body></html>")
    text = one(path).text
    assert "£5m on 30 homes" in text
    assert len(text) < 200 and "root:" not in text


def test_a_short_html_page_still_gives_its_text(tmp_path: Path) -> None:
    path = tmp_path / "short.htm"
    path.write_text("<html><body><p>Sales rose 7% to $2.5bn.</p><script>x=1</script></body></html>")
    assert one(path).text.strip() == "Sales rose 7% to $2.5bn."


@pytest.mark.parametrize("page", [
    "<html><head><script>var a = 5;</script></head><body></body></html>",
    "<!DOCTYPE html><html><body>   </body></html>",
])
def test_an_html_page_without_text_is_refused(tmp_path: Path, page: str) -> None:
    path = tmp_path / "blank.html"
    path.write_text(page)
    assert "no article text" in refused(path)


def test_markdown_is_analysed_as_written(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Budget\n\nThe council spent **£600m** on [3,000 homes](http://x).\n")
    document = one(path)
    assert document.kind == "markdown"
    assert document.text == "# Budget\n\nThe council spent **£600m** on [3,000 homes](http://x).\n"


# -- refusals ----------------------------------------------------------------------------------------

def test_missing_path(tmp_path: Path) -> None:
    assert refused(tmp_path / "nope.txt") == "no such file or directory"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n"])
def test_empty_and_blank_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in refused(path)


@pytest.mark.parametrize("content", [
    b"The council\x00 spent 5",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    bytes(range(1, 32)) * 40,  # control characters, no NUL
])
def test_binary_data(tmp_path: Path, content: bytes) -> None:
    for name in ("blob.txt", "blob.html", "blob.md", "blob"):
        path = tmp_path / name
        path.write_bytes(content)
        assert "binary" in refused(path), name


@pytest.mark.parametrize(("content", "named"), [
    (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "docx"),
    (b"{\\rtf1\\ansi The council spent \\'a3600m.}", "RTF"),
])
def test_documents_saved_in_other_formats(tmp_path: Path, content: bytes, named: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    message = refused(path)
    assert named in message and "save the article as text" in message


def test_binary_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"id": 1, "text": "5 cats"}\n\x00\x01\x02')
    assert "binary" in refused(path)


def test_files_above_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Sales rose 5%. " * 100)
    message = refused(path, max_bytes=1000)
    assert "1,500 bytes" in message and "1,000 bytes" in message and "--max-bytes" in message
    assert isinstance(one(path, max_bytes=1500), Document)
    monkeypatch.setenv(MAX_BYTES_ENV, "1KB")
    assert "limit" in refused(path)


def test_stdin_above_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"5 cats. " * 100)))
    [item] = read("-", max_bytes=100)
    assert isinstance(item, DocumentError) and item.doc == "-" and "limit" in item.message


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_stdin_is_read_whole_up_to_the_limit_across_read_chunks(monkeypatch: pytest.MonkeyPatch,
                                                                extra: int) -> None:
    """Input is read in 64 KiB chunks: a limit that falls inside a later chunk is still exact."""
    limit = 3 * 65536 + 100
    article = (b"Sales rose 5% to 120 million euros.\n" * (limit // 36 + 1))[:limit + extra]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article)))
    [item] = read("-", max_bytes=limit)
    if extra > 0:
        assert isinstance(item, DocumentError) and "limit" in item.message
    else:
        assert isinstance(item, Document) and item.text == article.decode()


def test_a_dump_of_numbers_is_refused_but_long_prose_is_not(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    dump.write_text(" ".join(["7"] * (MAX_NUMBERS + 1)))
    assert "data dump" in refused(dump)
    table = tmp_path / "table.txt"
    table.write_text("| 2019 | 1,234 | 5.6% |\n" * MAX_NUMBERS)
    assert "data dump" in refused(table)
    prose = tmp_path / "long.txt"
    prose.write_text("The council spent £600m on 3,000 homes last year, officials said. " * MAX_NUMBERS)
    assert isinstance(one(prose), Document)


@pytest.mark.parametrize(("written", "size"), [
    ("10000000", 10_000_000), ("10MB", 10_000_000), ("10 mb", 10_000_000), ("512k", 512_000),
    ("1.5MiB", 1_572_864), ("2G", 2_000_000_000), ("100B", 100),
])
def test_sizes(written: str, size: int) -> None:
    assert parse_size(written) == size


@pytest.mark.parametrize("written", ["", "ten", "10XB", "-5", "0"])
def test_bad_sizes(written: str) -> None:
    with pytest.raises(ValueError):
        parse_size(written)


def test_default_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_max_bytes() == DEFAULT_MAX_BYTES
    monkeypatch.setenv(MAX_BYTES_ENV, "lots")
    with pytest.raises(ValueError, match=MAX_BYTES_ENV):
        default_max_bytes()


# -- folders -----------------------------------------------------------------------------------------

def test_folders_are_read_recursively_in_path_order(tmp_path: Path) -> None:
    for name in ("b/z.txt", "b/a.MD", "a.txt", "c/d/e.htm", ".hidden/x.txt", "b/.secret.txt", "notes.pdf",
                 "b/data.csv"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<html><body><p>5 cats sat.</p></body></html>" if name.endswith("htm") else "5 cats.")
    (tmp_path / "c" / "k.jsonl").write_text('{"id": "x", "text": "3 dogs."}\n')
    names = [item.doc for item in read(tmp_path)]
    root = str(tmp_path)
    assert names == [f"{root}/a.txt", f"{root}/b/a.MD", f"{root}/b/z.txt", f"{root}/c/d/e.htm",
                     f"{root}/c/k.jsonl#x"]


def test_a_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "image.png").write_bytes(b"\x89PNG")
    assert "no articles" in refused(tmp_path)


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(ARTICLE)
    (tmp_path / "2.txt").write_bytes(b"")
    (tmp_path / "3.txt").write_bytes(b"\x00\x00")
    (tmp_path / "4.txt").write_text(ARTICLE)
    items = read(tmp_path, tmp_path / "missing.txt", tmp_path / "1.txt")
    assert [type(item).__name__ for item in items] == ["Document", "DocumentError", "DocumentError",
                                                       "Document", "DocumentError", "Document"]


# -- JSONL -------------------------------------------------------------------------------------------

def test_jsonl_records_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    records = [{"id": "world/001", "text": "Sales rose 5%.\r\nNext line.", "story": "budget",
                "published": "2024-01-02", "title": "ignored"},
               {"id": 7, "text": "Profit was 3 million euros."}]
    path.write_text("\ufeff" + "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n")
    first, second = read(path)
    assert first == Document(f"{path}#world/001", "Sales rose 5%.\nNext line.", kind="jsonl",
                             source_bytes=first.source_bytes, story="budget", published="2024-01-02",
                             source_map=((0, 1),))
    assert second.doc == f"{path}#7" and second.story is None and second.published is None
    assert second.source_map == ((0, 2),)  # its text stands on line 2 of the corpus file


def test_bad_jsonl_lines_are_named_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [
        '{"id": "a", "text": "5 cats."}',
        '{bad json',
        '',
        '{"id": "a", "text": "duplicate"}',
        '{"id": "b", "text": "   "}',
        '{"text": "no id"}',
        '[1, 2]',
        '{"id": "c"}',
        '{"id": "d", "text": 5}',
        '{"id": {"x": 1}, "text": "5"}',
        '{"id": "e", "text": "5 cats.", "story": ["x"]}',
        "[" * 100_000 + "]" * 100_000,
        '{"id": "f", "text": "6 dogs."}',
    ]
    path.write_bytes("\n".join(lines).encode() + b"\n" + b'{"id": "g", "text": "caf\xe9"}\n')
    items = read(path)
    good = [item.doc for item in items if isinstance(item, Document)]
    bad = {item.doc.rsplit(":", 1)[1]: item.message for item in items if isinstance(item, DocumentError)}
    assert good == [f"{path}#a", f"{path}#f"]
    assert sorted(bad, key=int) == ["2", "4", "5", "6", "7", "8", "9", "10", "11", "12", "14"]
    assert "not valid JSON" in bad["2"] and "duplicate id 'a' (first on line 1)" in bad["4"]
    assert "empty" in bad["5"] and 'missing "id"' in bad["6"] and "UTF-8" in bad["14"]
    assert all("\n" not in message for message in bad.values())


def test_a_text_file_named_jsonl_stops_after_a_few_errors(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text("The council spent £600m on 3,000 homes.\n" * 1000)
    items = read(path)
    assert len(items) == MAX_BAD_LINES_FIRST + 1
    assert all(isinstance(item, DocumentError) for item in items)
    assert items[-1].doc == str(path) and "Stopped reading" in items[-1].message


def test_a_jsonl_record_above_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "5 cats. " * 200}) + "\n"
                    + json.dumps({"id": "ok", "text": "5 cats."}) + "\n")
    big, ok = read(path, max_bytes=500)
    assert isinstance(big, DocumentError) and big.doc == f"{path}:1" and "limit" in big.message
    assert isinstance(ok, Document) and ok.doc == f"{path}#ok"


def test_an_empty_jsonl_file(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text("\n\n")
    assert "empty" in refused(path)


# -- stdin -------------------------------------------------------------------------------------------

def test_stdin_is_decoded_like_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("£600m\r\n".encode("cp1252"))))
    [document] = read("-")
    assert document == Document("-", "£600m\n", encoding="cp1252", source_bytes=7)


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    [item] = read("-")
    assert item == DocumentError("-", "empty input")


def test_file_names_that_cannot_name_a_document(tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "ok.txt").write_text(ARTICLE)
    Path(os.fsdecode(bytes(folder) + b"/\xffname.txt")).write_text(ARTICLE)
    (folder / "new\nline.txt").write_text(ARTICLE)
    items = read(folder)
    errors = sorted(item.doc for item in items if isinstance(item, DocumentError))
    assert errors == [f"{folder}/\\udcffname.txt", f"{folder}/new\\x0aline.txt"]
    assert [item.doc for item in items if isinstance(item, Document)] == [f"{folder}/ok.txt"]
    for error in errors:
        error.encode("utf-8")  # printable and writable into reports


def test_json_escapes_cannot_smuggle_surrogates_or_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "5 cats \\ud800 and \\u0007 3 dogs"}\n'
                    '{"id": "b\\udcff", "text": "5 cats"}\n'
                    '{"id": "c\\nd", "text": "5 cats"}\n')
    first, *errors = read(path)
    assert isinstance(first, Document) and first.text == "5 cats \ufffd and  3 dogs"
    assert [e.doc for e in errors] == [f"{path}:2", f"{path}:3"]


def test_counting_documents_matches_what_is_read(tmp_path: Path) -> None:
    (tmp_path / "corpus" / "world").mkdir(parents=True)
    (tmp_path / "corpus" / "a.txt").write_text("Officials counted 40 missiles.\n", encoding="utf-8")
    (tmp_path / "corpus" / "world" / "b.md").write_text("A budget of 3 million pounds.\n", encoding="utf-8")
    (tmp_path / "corpus" / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    records = [json.dumps({"id": str(n), "text": f"It cost {n} pounds."}) for n in range(1, 5)]
    (tmp_path / "corpus" / "wire.jsonl").write_text("\n".join(records), encoding="utf-8")  # no final newline
    paths = [str(tmp_path / "corpus"), str(tmp_path / "corpus" / "a.txt"), str(tmp_path / "missing.txt")]
    assert count_documents(paths) == len(list(read_documents(paths))) == 8
