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
    story = getattr(document, "story", None)
    return str(story) if story not in (None, "") else None


def _explicit_name(documents: Sequence[Document]) -> str:
    """Name loose articles after the folder they share ('seeds' for seeds/a.txt, seeds/b.txt)."""
    parents = [str(PurePath(d.doc.partition("#")[0]).parent) for d in documents if d.doc != "-"]
    if not parents:
        return "stdin"
    try:
        common = os.path.commonpath(parents)
    except ValueError:  # absolute and relative paths mixed
        common = ""
    return PurePath(common).name or common or "story"


def _folder_story(root: str, doc: str) -> str:
    """A folder's story: the sub-folder relative to the folder given ('harbour-fire' under
    'stories/'), or the given folder's own name for the articles directly inside it."""
    parent = PurePath(doc.partition("#")[0]).parent
    try:
        relative = parent.relative_to(root)
    except ValueError:
        relative = PurePath(parent.name)
    return relative.as_posix() if str(relative) != "." else (PurePath(root).name or "story")


def group_stories(paths: Iterable[str]) -> tuple[list[Story], list[DocumentError]]:
    """Read `paths` and sort their documents into stories (sorted by name), plus unreadable inputs."""
    groups: dict[str, list[Document]] = {}
    loose: list[Document] = []
    errors: list[DocumentError] = []
    for given in paths:
        from_folder = given != "-" and Path(given).is_dir()
        for item in read_documents([given]):
            if isinstance(item, DocumentError):
                errors.append(item)
                continue
            named = story_of(item)
            if named is not None:
                groups.setdefault(named, []).append(item)
            elif from_folder:
                groups.setdefault(_folder_story(given, item.doc), []).append(item)
            else:
                loose.append(item)
    if loose:
        name = _explicit_name(loose)
        groups.setdefault(name, []).extend(loose)
    return [Story(name, tuple(docs)) for name, docs in sorted(groups.items())], errors
