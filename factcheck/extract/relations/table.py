"""The relations of a document: their keys, their members, and the rows its families find.

Relations are plain rows (a dict each), not a DataFrame: the rule kinds read them row by row, the
cache stores them as they are, and most documents have none, so a table would only be built to be
taken apart again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.extract.relations.figures import Figure

if TYPE_CHECKING:
    from collections.abc import Sequence

    from factcheck.extract.relations.template import Sentence

# The keys of every relation row -> (the type of their values, as a table column's dtype; meaning).
RELATION_COLUMNS: dict[str, tuple[str, str]] = {
    "doc": ("string", "document name, as in the quantities table"),
    "relation": ("string", "one of the names in `RELATIONS` (each family module lists its own)"),
    "cue": ("string", "the words that relate the figures, as written (e.g. 'up', 'doubled', 'each')"),
    "cue_start": ("int64", "offset of the cue in the document text"),
    "cue_end": ("int64", "offset one past the cue"),
    "sentence": ("string", "the sentence the relation stands in (the later one for same_concept)"),
    "sentence_start": ("int64", "offset of that sentence"),
    "members": ("object", "tuple of Member: the figures involved, each with a role"),
    "details": ("object", "dict of relation-specific facts (see RELATIONS)"),
}


@dataclass(frozen=True)
class Member(Figure):
    """One figure's part in a relation; `row` indexes the quantities table (-1: a date figure)."""

    role: str
    row: int


def member(role: str, figure: Figure, row: int) -> Member:
    return Member(figure.start, figure.end, figure.surface, figure.value, figure.low, figure.high,
                  figure.kind, figure.unit, figure.hedge, role=role, row=row)


# One relation: every key of RELATION_COLUMNS; do not change it (the rules and the cache share it).
Relation = dict[str, Any]


class Found:
    """The relations found so far in one document, and what the families read while finding them."""

    def __init__(self, text: str, doc: str, concepts: Sequence[str | None] = ()) -> None:
        self.text = text
        self.doc = doc
        self.concepts = concepts  # the quantities table's concept column, by row
        self.rows: list[Relation] = []
        self.sentences: list[Sentence] = []  # sentences with figures, read so far
        self.sentence_rows = 0  # index of the first row found in the current sentence
        self.previous: Sentence | None = None  # the sentence before the current one, in its paragraph

    def add(self, relation: str, sentence: Sentence, cue: tuple[int, int], members: list[Member],
            **details: object) -> None:
        self.rows.append({
            "doc": self.doc, "relation": relation, "cue": self.text[cue[0]:cue[1]], "cue_start": cue[0],
            "cue_end": cue[1], "sentence": sentence.text, "sentence_start": sentence.start,
            "members": tuple(members), "details": details,
        })

    def in_sentence(self, relation: str) -> list[Relation]:
        """The rows of `relation` found so far in the current sentence."""
        return [row for row in self.rows[self.sentence_rows:] if row["relation"] == relation]
