"""Which documents are versions of the same story.

Articles named one by one on the command line are versions of one story. Under a folder, each
sub-folder that holds articles is a story ("a folder per story"). A document that carries a
`story` attribute (a JSONL record's `story` field) belongs to that story wherever it was found.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from factcheck.documents import Document, DocumentError, read_documents


@dataclass(frozen=True)
class Story:
    """A story's name and its versions, in reading order."""

    name: str
    versions: tuple[Document, ...]


def story_of(document: Document) -> str | None:
    """The `story` a reader attached to the document (JSONL `story` field), if any."""
    return document.story or None


def story_key(root: str, document: Document) -> str | None:
    """The story `document` (found under the path argument `root`) belongs to; None for an
    article named on its own, which joins the other loose articles (see `loose_story_name`)."""
    named = story_of(document)
    if named is not None:
        return named
    if root == "-" or not Path(root).is_dir():
        return None
    parent = PurePath(document.doc.partition("#")[0]).parent
    try:
        relative = parent.relative_to(root)
    except ValueError:
        relative = PurePath(parent.name)
    # A sub-folder is its own story ('harbour-fire' under 'stories/'); articles directly in the
    # folder given are one story named after that folder.
    return relative.as_posix() if str(relative) != "." else (PurePath(root).name or "story")


def loose_story_name(docs: Sequence[str]) -> str:
    """Name articles named one by one after the folder they share ('seeds' for seeds/a.txt, seeds/b.txt)."""
    parents = [str(PurePath(doc.partition("#")[0]).parent) for doc in docs if doc != "-"]
    if not parents:
        return "stdin"
    try:
        common = os.path.commonpath(parents)
    except ValueError:  # absolute and relative paths mixed
        common = ""
    return PurePath(common).name or common or "story"


def assign_stories(keyed: Iterable[tuple[str | None, str]]) -> list[str]:
    """Story names for documents given as (story_key, doc) pairs, loose ones named together."""
    pairs = list(keyed)
    loose = loose_story_name([doc for key, doc in pairs if key is None])
    return [loose if key is None else key for key, _ in pairs]


def group_stories(paths: Iterable[str]) -> tuple[list[Story], list[DocumentError]]:
    """Read `paths` and sort their documents into stories (sorted by name), plus unreadable inputs."""
    documents: list[tuple[str | None, Document]] = []
    errors: list[DocumentError] = []
    for given in paths:
        for item in read_documents([given]):
            if isinstance(item, DocumentError):
                errors.append(item)
            else:
                documents.append((story_key(given, item), item))
    groups: dict[str, list[Document]] = {}
    names = assign_stories((key, doc.doc) for key, doc in documents)
    for name, (_, document) in zip(names, documents, strict=True):
        groups.setdefault(name, []).append(document)
    return [Story(name, tuple(docs)) for name, docs in sorted(groups.items())], errors
