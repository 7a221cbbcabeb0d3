"""Stage 1: read documents (files, folders, stdin) into decoded text.

Every input becomes either a `Document` or a `DocumentError`; a bad file never stops the
others from being read.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class Document:
    """One article: `doc` is its name as given (a path, `-`, or `corpus.jsonl#id`)."""

    doc: str
    text: str


@dataclass(frozen=True)
class DocumentError:
    """An input that could not be read, with a one-line reason for the user."""

    doc: str
    message: str


def read_documents(paths: Iterable[str]) -> Iterator[Document | DocumentError]:
    """Yield the documents named by `paths` (files, folders, or `-` for stdin), in order."""
    for given in paths:
        if given == "-":
            yield Document("-", sys.stdin.read())
            continue
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.suffix in ARTICLE_SUFFIXES):
                yield _read_file(str(child))
        else:
            yield _read_file(given)


def _read_file(given: str) -> Document | DocumentError:
    try:
        return Document(given, Path(given).read_text(encoding="utf-8"))
    except OSError as exc:
        return DocumentError(given, f"cannot read: {exc.strerror or exc}")
