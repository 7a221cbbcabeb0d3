"""The relations table: its columns, its members, and the rows one document's families find."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from factcheck.extract.relations.figures import Figure
from factcheck.extract.schema import frame, pandas_dtype

if TYPE_CHECKING:
    from collections.abc import Sequence

    from factcheck.extract.relations.template import Sentence

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


def empty_relations() -> pd.DataFrame:
    """A relations table without rows (most short documents have no relation): a copy of one built
    once, since building a typed empty frame costs more than checking a short document."""
    return _empty_relations().copy()


@cache
def _empty_relations() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=pandas_dtype(dtype))
                         for name, (dtype, _) in RELATION_COLUMNS.items()})


def relations_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The typed relations table of `rows` (each carrying every column of `RELATION_COLUMNS`)."""
    if not rows:
        return empty_relations()
    return frame(rows, RELATION_COLUMNS)


class Found:
    """The relations found so far in one document, and what the families read while finding them."""

    def __init__(self, text: str, doc: str, concepts: Sequence[str | None] = ()) -> None:
        self.text = text
        self.doc = doc
        self.concepts = concepts  # the quantities table's concept column, by row
        self.rows: list[dict[str, object]] = []
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

    def in_sentence(self, relation: str) -> list[dict[str, object]]:
        """The rows of `relation` found so far in the current sentence."""
        return [row for row in self.rows[self.sentence_rows:] if row["relation"] == relation]
