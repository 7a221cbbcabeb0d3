"""Stage 1: read documents (files, folders, JSONL corpora, stdin) into decoded, cleaned text.

Every input becomes either a `Document` or a `DocumentError` with a one-line reason; a bad file
(or a bad JSONL line) never stops the others from being read.

The text contract: `Document.text` is the decoded, cleaned text, and it is THE document text.
Every offset downstream (`start`, `end`, `sentence_start` in the quantities table) indexes it,
never the bytes on disk. Cleaning is deterministic: newlines are normalised (CRLF, CR, form feed,
vertical tab, NEL and U+2028 become "\\n"; U+2029 becomes a blank line), other control characters
and stray byte-order marks are dropped, lone surrogates (only JSON escapes make them) become
U+FFFD, and the text is put in Unicode NFC, so one visible text
always gives one document text (and one cache key, one report). Numbers are mended to read as
they are seen: invisible characters between two digits (zero-width joiners and spaces, soft
hyphens) are dropped, and the Arabic decimal and thousands separators between digits become "."
and ","; offsets index this cleaned text, so a figure after a dropped character sits one
character earlier than in the file.

Formats, chosen by suffix (case-insensitive) and, for other suffixes and stdin, by content:
- text (.txt, anything else): UTF-8 (with or without BOM; UTF-16/32 with a BOM, or UTF-16 without
  one when every other byte is NUL), UTF-8 with a few stray cp1252 bytes pasted in, else a legacy
  encoding. cp1252 is tried first when it reads as Latin-script text: charset-normalizer alone
  guesses short Western texts badly (it reads a cp1252 "£600m" as cp932 "｣600m"). Anything else
  goes to charset-normalizer's best guess.
- HTML (.html, .htm, or content that starts like an HTML page): trafilatura's `extract()` on the
  bytes keeps the main text only (no scripts, navigation or boilerplate), falling back to its
  `baseline()` for pages too short for its article heuristics. Parsing only: nothing is fetched.
  Each line of that text is found again in the page's visible text, so that CI formats can point
  at the page's own lines (`Document.source_map`).
- Markdown (.md): analysed as written. Markup is kept, so offsets index the Markdown source an
  editor sees; quantities are unaffected by `**`, `#` or link brackets around them.
- JSONL (.jsonl): one `{"id", "text", ...}` object per line, UTF-8, named `path#id`; optional
  `story` and `published` are carried. A bad line is an error named `path:LINE`; the other
  lines are still read. The size limit applies to each record, not to the corpus file.

Folders are walked recursively for the suffixes in `ARTICLE_SUFFIXES`, in path order, skipping
hidden files and folders and not following symbolic links to folders.

Refused, each with one line naming the input: missing paths, unreadable files, file names that
are not UTF-8 or hold control characters, folders without articles, binary data (NUL bytes that
are not UTF-16 text, many control characters, or the signature of a PDF, Word, RTF, archive or
image file), empty or
whitespace-only text, inputs above the size limit (`FACTCHECK_MAX_BYTES`, default 10 MB; `--max-bytes`
on the command line), and data dumps (more than `MAX_NUMBERS` numbers, denser than one every
`MIN_CHARS_PER_NUMBER` characters), which are not articles and would make extraction slow and
reports huge.
"""

from __future__ import annotations

import bisect
import codecs
import html
import json
import logging
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md",)
JSONL_SUFFIXES = (".jsonl",)

# A .jsonl file whose first records are all bad is something else: stop after this many errors.
MAX_BAD_LINES_FIRST = 20
MAX_BYTES_ENV = "FACTCHECK_MAX_BYTES"
DEFAULT_MAX_BYTES = 10_000_000
# A data dump, not an article: more than MAX_NUMBERS digit runs, at more than one every
# MIN_CHARS_PER_NUMBER characters. Prose is far sparser (the densest of 2,225 BBC articles has one
# every 30 characters); extraction slows with density (about 4 KB/s on "1 1 1 ..."), so refusing
# dense dumps keeps every accepted document near prose speed, linear in its size.
MAX_NUMBERS = 10_000
MIN_CHARS_PER_NUMBER = 10

# Third-party loggers would print stray warnings ("empty HTML tree") to stderr without a handler.
for _name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Document:
    """One article: `doc` is its name as given (a path, `-`, or `corpus.jsonl#id`).

    `text` is the decoded, cleaned text all offsets refer to. `kind` says how it was read (text,
    markdown, html, jsonl), `encoding` what it was decoded from ("" when trafilatura decoded an
    HTML page), `source_bytes` how many bytes were read for it. `story` and `published` come
    from JSONL records that carry them. `source_map` is for texts whose lines are not the file's
    own (HTML pages, JSONL records): sorted (offset in `text`, line in the file) pairs, each
    giving the file line from that offset on; line 0 where the text was not found in the file.
    """

    doc: str
    text: str
    kind: str = "text"
    encoding: str = "utf-8"
    source_bytes: int = 0
    story: str | None = None
    published: str | None = None
    source_map: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class DocumentError:
    """An input that could not be read, with a one-line reason for the user."""

    doc: str
    message: str


class _Refused(Exception):
    """Reading one input failed; the message is the one line the user sees."""


# -- sizes -----------------------------------------------------------------------------------------

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9, "ki": 2**10, "mi": 2**20, "gi": 2**30}


def parse_size(text: str) -> int:
    """Read a byte count written as `10000000`, `10MB`, `512k` or `1.5MiB`; ValueError if unreadable."""
    match = _SIZE.fullmatch(text)
    if not match:
        raise ValueError(f"not a size: {text!r} (write e.g. 10000000, 10MB or 512KiB)")
    unit = (match.group(2) or "").lower().removesuffix("b")
    size = int(float(match.group(1)) * _UNITS[unit])
    if size < 1:
        raise ValueError(f"size must be at least 1 byte: {text!r}")
    return size


def default_max_bytes() -> int:
    """The size limit from `FACTCHECK_MAX_BYTES`, else 10 MB; ValueError naming the variable if bad."""
    configured = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not configured:
        return DEFAULT_MAX_BYTES
    try:
        return parse_size(configured)
    except ValueError as exc:
        raise ValueError(f"{MAX_BYTES_ENV}: {exc}") from None


def _megabytes(size: int) -> str:
    return f"{size:,} bytes" if size < 100_000 else f"{size / 1e6:,.1f} MB"


def _too_large(what: str, limit: int, size: int | None = None) -> str:
    measured = f" is {_megabytes(size)}," if size is not None else " is"
    return (f"{what}{measured} above the limit of {_megabytes(limit)} "
            f"(raise it with --max-bytes or {MAX_BYTES_ENV})")


# -- decoding and cleaning -------------------------------------------------------------------------

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_DIGIT_RUN = re.compile(r"\d+")
# Characters cleaning replaces (rare, so one regex scan finds them fast); other control characters
# go, and lone surrogates, which only JSON escapes can make and UTF-8 cannot hold, become U+FFFD.
_REPLACEMENTS = {"\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")
_SAMPLE = 200_000  # characters looked at to judge a text's script or binary content


def decode(data: bytes) -> tuple[str, str]:
    """Decode `data` to text, returning (text, encoding); _Refused if it is binary or undecodable."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError:
                name = encoding.removesuffix("-sig")
                raise _Refused(f"not valid {name} despite its byte-order mark") from None
    if b"\x00" in data:
        bomless = _bomless_utf16(data)
        if bomless is None:
            raise _Refused("binary data (NUL bytes), not text")
        return bomless
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data)
    if mixed is not None:
        return mixed, "utf-8+cp1252"
    try:
        latin = data.decode("cp1252")
    except UnicodeDecodeError:
        latin = None
    if latin is not None and _latin_script(latin[:_SAMPLE]):
        return latin, "cp1252"
    import charset_normalizer  # only legacy files pay for its import

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise _Refused("not UTF-8, and no legacy text encoding fits: binary data?")
    return str(best), best.encoding


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("factcheck-cp1252", _cp1252_bytes)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few cp1252 bytes pasted in (a Word apostrophe in a UTF-8 file): decoding
    it all as cp1252 would garble every UTF-8 character ("Â£600m"), so only the stray bytes are."""
    text = data.decode("utf-8", errors="factcheck-cp1252")
    strays = len(data.decode("utf-8", errors="replace")) - len(data.decode("utf-8", errors="ignore"))
    saved = len(data) - len(text)  # at least one per real multi-byte UTF-8 character
    return text if saved > strays else None


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """Text saved as UTF-16 without a byte-order mark (Latin script): NUL in every other byte."""
    if len(data) % 2:
        return None
    for encoding, high, low in (("utf-16-le", data[1::2], data[0::2]), ("utf-16-be", data[0::2], data[1::2])):
        if high.count(0) >= 0.9 * len(high) and low.count(0) <= 0.1 * len(low):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    return None


def _latin_script(text: str) -> bool:
    """Whether a cp1252 reading looks like Western text: mostly ASCII letters, not a page of
    accented capitals (which is what Cyrillic or Greek bytes become when misread as cp1252)."""
    ascii_letters = len(_ASCII_LETTER.findall(text))
    other_letters = len(_OTHER_LETTER.findall(text))
    return other_letters <= 0.3 * (ascii_letters + other_letters)


def clean(text: str) -> str:
    """Normalise newlines, drop control characters and stray BOMs, mark lone surrogates as
    U+FFFD (they cannot be written as UTF-8), compose to NFC, and mend numbers (`_mend_numbers`)."""
    text = _ODD.sub(_replacement, text.replace("\r\n", "\n").replace("\r", "\n"))
    return _mend_numbers(unicodedata.normalize("NFC", text))


# Invisible characters that can sit inside a number (zero-width space, non-joiner and joiner,
# word joiner, soft hyphen, Mongolian vowel separator) and the Arabic decimal and thousands
# separators, each only between two digits.
_IN_NUMBER = re.compile(r"(?<=\d)(?:[\u200b-\u200d\u2060\u00ad\u180e]+|[\u066b\u066c])(?=\d)")
_NUMBER_MENDS = {"\u066b": ".", "\u066c": ","}


def _mend_numbers(text: str) -> str:
    """Make a number read as it is seen: "3<ZWJ>0<ZWJ>0" is 300 (the invisible characters go, so
    later offsets move left by one for each), and Arabic-Indic 12<U+066B>5 is 12.5 (the Arabic
    decimal separator becomes ".", its thousands separator ",", one character for one)."""
    if not _MAYBE_IN_NUMBER.search(text):
        return text
    return _IN_NUMBER.sub(lambda match: _NUMBER_MENDS.get(match.group(), ""), text)


_MAYBE_IN_NUMBER = re.compile(r"[\u200b-\u200d\u2060\u00ad\u180e\u066b\u066c]")


def _replacement(match: re.Match[str]) -> str:
    odd = match.group()
    return _REPLACEMENTS.get(odd, "\ufffd" if "\ud800" <= odd <= "\udfff" else "")


def _refuse_binary(raw: str) -> None:
    """Binary data that happens to decode (no NUL bytes) is still mostly control characters."""
    sample = raw[:_SAMPLE]
    controls = len(_CONTROL.findall(sample))  # a stray \x1a or \x07 in an old file is no reason
    if controls > 8 and controls > 0.02 * len(sample):
        raise _Refused("binary data (control characters), not text")


def _check_text(text: str, what: str) -> None:
    """Refuse cleaned texts that are not articles: empty, or a dump of numbers."""
    if not text.strip():
        raise _Refused(what)
    if len(text) <= 2 * MAX_NUMBERS:  # too short to hold MAX_NUMBERS separate numbers: skip the count
        return
    numbers = len(_DIGIT_RUN.findall(text))
    if numbers > MAX_NUMBERS and numbers * MIN_CHARS_PER_NUMBER > len(text):
        raise _Refused(f"a data dump, not an article: {numbers:,} numbers, one every "
                       f"{len(text) / numbers:.1f} characters (refused above {MAX_NUMBERS:,} numbers "
                       f"at more than one per {MIN_CHARS_PER_NUMBER} characters)")


# Formats people save articles in that are not text, by their first bytes (some hold no NUL byte).
_SIGNATURES = {
    b"%PDF-": "a PDF document", b"PK\x03\x04": "a ZIP archive, or a .docx, .odt or .epub",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel document", b"\x1f\x8b": "gzip-compressed data",
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
}


def _text_document(name: str, data: bytes, kind: str) -> Document:
    """Decode, extract (HTML) and clean one input's bytes."""
    if not data.strip():
        raise _Refused("empty file" if name != "-" else "empty input")
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise _Refused(f"binary data ({what}), not text: save the article as text or HTML")
    if data.startswith(b"{\\rtf"):
        raise _Refused("an RTF document, not plain text: save the article as text or HTML")
    raw, encoding = decode(data)
    _refuse_binary(raw)
    page = None
    if kind == "html" or (kind == "text" and _looks_like_html(raw)):
        # The page's encoding is trafilatura's to find; ours is good enough to find its lines again.
        kind, encoding, page, raw = "html", "", raw, _html_text(data)
    text = clean(raw)
    _check_text(text, "no article text in the HTML page" if kind == "html" else
                "empty input (only white space)" if name == "-" else "empty file (only white space)")
    source_map = html_source_map(page, text) if page is not None else ()
    return Document(name, text, kind=kind, encoding=encoding, source_bytes=len(data), source_map=source_map)


# -- HTML ------------------------------------------------------------------------------------------

# A comment's body is read up to its first "-->" and never given back (possessive `*+`), so a run
# of comments is read one way only, in time linear in its length; the lazy `.*?` this replaces
# could stretch over several comments, exponentially many ways (32 empty comments hung a run).
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--(?:[^-]|-(?!->))*+-->\s*+)*"
                         r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))


def _html_text(data: bytes) -> str:
    """The main text of an HTML page: trafilatura's article extraction, else its baseline."""
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()  # a fresh copy: the default caps pages at 20 MB, ours is --max-bytes
    config.set("DEFAULT", "MAX_FILE_SIZE", str(max(len(data) + 1, config.getint("DEFAULT", "MAX_FILE_SIZE"))))
    text = trafilatura.extract(data, include_comments=False, include_tables=True, include_images=False,
                               include_links=False, with_metadata=False, output_format="txt", config=config)
    if not text:
        _, text, _ = trafilatura.baseline(data)
    if not text or not text.strip():
        raise _Refused(_why_no_html_text(data))
    return text


_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_TAG = re.compile(rb"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>")
_VOID = {b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"source",
         b"track", b"wbr", b"param"}
# libxml2, which parses the page, stops at this depth of nested elements.
MAX_HTML_DEPTH = 255


def _why_no_html_text(data: bytes) -> str:
    """Why a page gave no text: entity declarations (never expanded) or nesting beyond the
    parser's depth limit say so; otherwise the page has no article text."""
    if _ENTITY_DECLARATION.search(data):
        return "HTML page declares entities (<!ENTITY>), which are never expanded: no article text left"
    depth = deepest = 0
    for match in _TAG.finditer(data):
        name = match.group(2).lower()
        if match.group(1):
            depth = max(0, depth - 1)
        elif not match.group(3) and name not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    if deepest > MAX_HTML_DEPTH:
        return (f"HTML page nests elements {deepest} deep, beyond the parser's limit of {MAX_HTML_DEPTH}: "
                "no article text read")
    return "no article text in the HTML page"


_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<[!/?a-z][^>]*>?",
                     re.DOTALL | re.IGNORECASE)
_WORDS = re.compile(r"\S+")
# Lines of extracted text not found in the page cost a search to its end each: after this many, the
# rest of the page's lines are left unknown, so a hostile page costs a bounded number of passes.
MAX_UNFOUND_LINES = 20


def _visible(page: str) -> tuple[str, list[int], list[int]]:
    """The page's visible characters without white space (tags, comments, scripts and styles
    removed, entities decoded); where each visible word starts in them, and its line in the page."""
    chars: list[str] = []
    starts: list[int] = []
    lines: list[int] = []
    line, position, size = 1, 0, 0
    for markup in [*_MARKUP.finditer(page), None]:
        end = markup.start() if markup is not None else len(page)
        for word in _WORDS.finditer(page, position, end):
            line += page.count("\n", position, word.start())
            position = word.start()
            shown = "".join(_WORDS.findall(unicodedata.normalize("NFC", html.unescape(word.group()))))
            if shown:
                chars.append(shown)
                starts.append(size)
                lines.append(line)
                size += len(shown)
        if markup is not None:
            line += page.count("\n", position, markup.end())
            position = markup.end()
    return "".join(chars), starts, lines


def html_source_map(page: str, text: str) -> tuple[tuple[int, int], ...]:
    """Where each line of a page's extracted `text` stands in the `page` (see `Document.source_map`).

    Lines are matched in order on their characters without white space: a line found whole maps
    word by word (a paragraph spread over several lines of the page maps to each); a line whose
    start is found (extraction adds list dashes and table bars) maps to where it starts; a line
    not found maps to 0 (unknown).
    """
    visible, starts, lines = _visible(page.replace("\r\n", "\n").replace("\r", "\n"))

    def line_at(index: int) -> int:
        return lines[bisect.bisect_right(starts, index) - 1]

    breaks: list[tuple[int, int]] = []
    cursor = unfound = 0
    for match in re.finditer(r"[^\n]+", text):
        words = [(word.start(), word.group()) for word in _WORDS.finditer(match.group())]
        if not words:
            continue
        key = "".join(word for _, word in words)
        prefix = key.lstrip("-*•|#>")[:40]
        found = visible.find(key, cursor) if unfound < MAX_UNFOUND_LINES else -1
        if found >= 0:
            cursor = found + len(key)
            for offset, word in words:  # each word of the line where it stands in the page
                line = line_at(found)
                if not breaks or breaks[-1][1] != line:
                    breaks.append((match.start() + offset, line))
                found += len(word)
            continue
        unfound += 1
        start = visible.find(prefix, cursor) if prefix and unfound <= MAX_UNFOUND_LINES else -1
        line = line_at(start) if start >= 0 else 0
        if not breaks or breaks[-1][1] != line:
            breaks.append((match.start() + words[0][0], line))
    return tuple(breaks)


# -- files, folders, stdin -------------------------------------------------------------------------

def _kind_of(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "text"


# Read size: below the allocator's mmap threshold (128 KiB), so a read costs no fresh pages.
_CHUNK = 1 << 16


def _read_bounded(stream: BinaryIO, limit: int, what: str) -> bytes:
    """All of `stream`, refused beyond `limit` bytes. Read in chunks: a single `read(limit + 1)`
    allocates the whole limit (10 MB by default) for every article, which made reading a corpus
    of short articles several times slower."""
    parts: list[bytes] = []
    size = 0
    while part := stream.read(min(_CHUNK, limit + 1 - size)):
        parts.append(part)
        size += len(part)
        if size > limit:
            raise _Refused(_too_large(what, limit))
    return b"".join(parts)


_NAME_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _safe_name(path: str) -> str | None:
    """`path` shown safely when it cannot serve as a document name (undecodable bytes, control
    characters: they would break one-line messages and report files); None when it can."""
    shown = path.encode("utf-8", "backslashreplace").decode("utf-8")
    shown = _NAME_CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", shown)
    return None if shown == path else shown


def _read_file(path: str, limit: int, folder: Path | None = None) -> Iterator[Document | DocumentError]:
    """Read one file given by name, or found in `folder` (a link out of which is refused)."""
    shown = _safe_name(path)
    if shown is not None:
        yield DocumentError(shown, "file name is not valid UTF-8 or holds control characters: rename it")
        return
    kind = _kind_of(path)
    try:
        if folder is not None and os.path.islink(path) and \
                not Path(os.path.realpath(path)).is_relative_to(os.path.realpath(folder)):
            raise _Refused("a symbolic link out of the input folder: not followed (name the file itself "
                           "to read it)")
        with _open_regular(path) as stream:
            if kind == "jsonl":
                yield from _read_jsonl(path, stream, limit)
                return
            size = os.fstat(stream.fileno()).st_size
            if size > limit:
                raise _Refused(_too_large("file", limit, size))
            data = _read_bounded(stream, limit, "file")
        yield _text_document(path, data, kind)
    except _Refused as refusal:
        yield DocumentError(path, str(refusal))
    except FileNotFoundError:
        yield DocumentError(path, "no such file or directory")
    except IsADirectoryError:
        yield DocumentError(path, "is a directory")
    except OSError as exc:
        yield DocumentError(path, f"cannot read: {exc.strerror or exc}")


def _open_regular(path: str) -> BinaryIO:
    """`path` opened for reading if it is a regular file; a FIFO (which would block the run), a
    device or a socket is refused without waiting for it."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    mode = os.fstat(handle).st_mode
    if stat.S_ISDIR(mode):
        os.close(handle)
        raise IsADirectoryError(path)
    if not stat.S_ISREG(mode):
        os.close(handle)
        raise _Refused("not a regular file (a FIFO, device or socket): skipped")
    os.set_blocking(handle, True)
    return os.fdopen(handle, "rb")


def _read_stdin(limit: int) -> Document | DocumentError:
    if sys.stdin is None:
        return DocumentError("-", "no standard input to read")
    try:
        data = _read_bounded(sys.stdin.buffer, limit, "standard input")
        return _text_document("-", data, "text")
    except _Refused as refusal:
        return DocumentError("-", str(refusal))
    except OSError as exc:
        return DocumentError("-", f"cannot read standard input: {exc.strerror or exc}")


def _folder_articles(folder: Path) -> tuple[list[str], list[DocumentError]]:
    """Article files under `folder`, recursively, named as `Path(folder, ...)` names them, in
    path order; hidden files and folders skipped. Paths are built once per folder, not per file:
    a corpus has thousands of files, and pathlib costs its reader a tenth of its time."""
    found: list[tuple[tuple[str, ...], str]] = []  # (path parts below `folder`, name)
    errors: list[DocumentError] = []

    def unreadable(exc: OSError) -> None:
        where = str(exc.filename or folder)
        where = _safe_name(where) or where
        errors.append(DocumentError(where, f"cannot read folder: {exc.strerror or exc}"))

    for here, subfolders, files in os.walk(folder, onerror=unreadable):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        where = Path(here)
        base, parts = str(where), where.relative_to(folder).parts
        found.extend(((*parts, name), name if base == "." else os.path.join(base, name)) for name in files
                     if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES)
    found.sort()
    return [path for _, path in found], errors


def read_documents(paths: Iterable[str], *,
                   max_bytes: int | None = None) -> Iterator[Document | DocumentError]:
    """Yield the documents named by `paths` (files, folders, or `-` for stdin), in order.

    `max_bytes` caps each file, stdin and each JSONL record; None means `default_max_bytes()`.
    """
    for _, documents in read_inputs(paths, max_bytes=max_bytes):
        yield from documents


def read_inputs(paths: Iterable[str], *, max_bytes: int | None = None
                ) -> Iterator[tuple[str, Iterator[Document | DocumentError]]]:
    """What `read_documents` reads, input by input: each file (or stdin, or a folder's error)
    by name, with its documents, read lazily (a JSONL corpus holds many), so that a caller can
    bound the time each input takes to read."""
    limit = default_max_bytes() if max_bytes is None else max_bytes
    for given in paths:
        if given == "-":
            yield given, _stdin_documents(limit)
            continue
        path = Path(given)
        if path.is_dir():
            articles, errors = _folder_articles(path)
            for error in errors:
                yield error.doc, iter((error,))
            if not articles and not errors:
                message = f"folder has no articles ({', '.join(ARTICLE_SUFFIXES)} files)"
                yield given, iter((DocumentError(given, message),))
            for article in articles:
                yield article, _read_file(article, limit, path)
        else:
            yield given, _read_file(given, limit)


def _stdin_documents(limit: int) -> Iterator[Document | DocumentError]:
    yield _read_stdin(limit)


def count_documents(paths: Iterable[str]) -> int:
    """About how many documents `read_documents(paths)` yields, for a progress bar's total: one per
    file (or stdin), one per article file under a folder, one per line of a JSONL corpus. A quick
    scan: nothing is decoded, and an input that cannot be read counts as one."""
    total = 0
    for given in paths:
        path = Path(given)
        for file in _folder_articles(path)[0] if path.is_dir() else [given]:
            total += _count_lines(file) if _kind_of(file) == "jsonl" else 1
    return total


def _count_lines(path: str) -> int:
    lines, last = 0, b"\n"
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(1 << 20):
                lines, last = lines + chunk.count(b"\n"), chunk[-1:]
    except OSError:
        return 1
    return max(1, lines + (last != b"\n"))


# -- JSONL corpora ---------------------------------------------------------------------------------

def _read_jsonl(path: str, stream: BinaryIO, limit: int) -> Iterator[Document | DocumentError]:
    """One document per JSON line; a bad line is an error named `path:LINE`, the rest still read."""
    seen: dict[str, int] = {}
    records = 0
    if b"\x00" in stream.read(8192):
        raise _Refused("binary data (NUL bytes), not JSON Lines")
    stream.seek(0)
    for number, line in enumerate(_lines(stream, limit), start=1):
        if line is None:
            yield DocumentError(f"{path}:{number}", _too_large("record", limit))
            continue
        if number == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        records += 1
        try:
            yield _record(path, number, line, seen)
        except _Refused as refusal:
            yield DocumentError(f"{path}:{number}", str(refusal))
            if records == MAX_BAD_LINES_FIRST and not seen:
                raise _Refused(f"the first {MAX_BAD_LINES_FIRST} records are all bad: not a JSON Lines "
                               "corpus of {\"id\", \"text\"} objects? Stopped reading it") from None
    if records == 0:
        raise _Refused("empty file (no JSON records)")


def _lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The file's lines without reading more than `limit` bytes of any; None for a longer line."""
    while line := stream.readline(limit + 2):
        if len(line.rstrip(b"\r\n")) > limit:
            while not line.endswith(b"\n") and (line := stream.readline(1 << 20)):
                pass  # skip the rest of the over-long line
            yield None
        else:
            yield line


def _record(path: str, number: int, line: bytes, seen: dict[str, int]) -> Document:
    try:
        value = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Refused("not UTF-8 (JSON Lines files must be UTF-8)") from None
    except RecursionError:
        raise _Refused("not valid JSON: nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise _Refused(f"not valid JSON: {exc.msg} (column {exc.colno})") from None
    except ValueError as exc:  # e.g. an integer too long to convert
        raise _Refused(f"not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise _Refused('a record must be a JSON object with "id" and "text"')
    ident = _field(value, "id", required=True)
    text = value.get("text")
    if not isinstance(text, str):
        raise _Refused(f'record {ident!r}: "text" must be a string' if "text" in value
                       else f'record {ident!r}: missing "text"')
    if ident in seen:
        raise _Refused(f"duplicate id {ident!r} (first on line {seen[ident]})")
    seen[ident] = number
    _refuse_binary(text)
    cleaned = clean(text)
    _check_text(cleaned, f"record {ident!r}: empty text")
    return Document(f"{path}#{ident}", cleaned, kind="jsonl", source_bytes=len(line),
                    story=_field(value, "story"), published=_field(value, "published"),
                    source_map=((0, number),))


def _field(record: dict[str, object], key: str, required: bool = False) -> str | None:
    """A string-like field (a string or an integer), as a string."""
    value = record.get(key)
    if value is None or value == "":
        if required:
            raise _Refused(f'missing "{key}"')
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _Refused(f'"{key}" must be a string or an integer, not {type(value).__name__}')
    text = str(value)
    if _safe_name(text) is not None:
        raise _Refused(f'"{key}" must be one line of text without control characters or lone surrogates')
    return text
