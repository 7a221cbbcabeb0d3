"""Relations: figures paired with the words that relate them ("from 200 to 250, up 30%").

The quantities table says what each figure is; this package says how figures in one sentence
(or, for `same_concept`, one article) bear on each other, so the arithmetic rule kinds can check
them. Each sentence is rewritten as a template in which every figure is a token such as `⟨P3⟩`
(kind letter, index), and cue patterns are matched over that template: a cue never has to
re-parse a number, and a number already used by one relation is easy to see.

A document's relations are rows, one per relation (a dict with the keys of `RELATION_COLUMNS`).
`members` holds the figures involved, each a `Member` with its role, span, value and interval.

Adding a relation family
------------------------
1. Write `factcheck/extract/relations/<family>.py` with:
   - `RELATIONS`: a dict from each relation name the module emits to what its roles and details
     mean (the rule kinds and the docs read these names);
   - `in_sentence(s: Sentence, out: Found) -> None`, called once per sentence that has figures,
     and/or `in_document(out: Found) -> None`, called once after every sentence was read.
   Match cue patterns over `s.template` (build them with `template.fig`, `gap`, `clause_gap`,
   never with a number pattern of your own), skip figures already in `s.used`, add the ones you
   relate to `s.used`, and emit each row with `out.add(relation, s, cue_span, members, **details)`,
   members made with `table.member(role, *s.figures[i])`. `out.text` is the document,
   `out.previous` the sentence before in the same paragraph (`template.just_before` gives it across
   a paragraph break too), `out.in_sentence(name)` the rows of another family already found in this
   sentence, `out.sentences` every sentence read so far.
2. Add the module to `FAMILIES` below. Order matters: a family claims its figures (`s.used`)
   before the families after it see them, so put specific cues before loose ones.
3. Look only at a bounded window around each figure (a sentence, or the previous sentence or
   two), and only at a bounded number of candidates in it (a sentence listing dozens is a table:
   stay silent): the whole package must stay linear in the length of the document.
4. Test it in `tests/test_relations.py` with sentences of your own, and through a rule kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from factcheck.extract.core import SetAside
from factcheck.extract.relations import (
    breakdown,
    change,
    compared,
    dates,
    dimensions,
    headcount,
    lifespan,
    multiple,
    neighbours,
    parts,
    per_unit,
    percent_of,
    respectively,
    same_concept,
    share,
    totals,
)
from factcheck.extract.relations.figures import figures_of
from factcheck.extract.relations.table import RELATION_COLUMNS, Found, Member, Relation
from factcheck.extract.relations.template import template_of
from factcheck.extract.schema import records
from factcheck.extract.sentences import split_sentences

if TYPE_CHECKING:
    import pandas as pd

# In the order they read a sentence (see the guide above).
FAMILIES: tuple[ModuleType, ...] = (respectively, change, compared, multiple, per_unit, headcount, share,
                                    percent_of, parts, totals, breakdown, dates, dimensions, neighbours,
                                    lifespan, same_concept)

RELATIONS: dict[str, str] = {name: meaning for family in FAMILIES
                             for name, meaning in family.RELATIONS.items()}

# Each family's readers, in the families' order: a family reads each sentence, the whole document
# after the last sentence, or both.
_IN_SENTENCE = tuple(family.in_sentence for family in FAMILIES if hasattr(family, "in_sentence"))
_IN_DOCUMENT = tuple(family.in_document for family in FAMILIES if hasattr(family, "in_document"))

__all__ = ["FAMILIES", "RELATIONS", "RELATION_COLUMNS", "Member", "Relation", "extract_relations"]


def extract_relations(text: str, quantities: pd.DataFrame, doc: str = "",
                      set_aside: Sequence[SetAside] = ()) -> tuple[Relation, ...]:
    """Return the relations of one text, in the order found (see `RELATION_COLUMNS` and `RELATIONS`).

    The figures are the rows of its `quantities` table, and the numbers its extraction `set_aside`
    as dates (`factcheck.extract.core.extract_rows`): nothing here reads a number again.
    """
    figures = figures_of(text, quantities, set_aside)
    out = Found(text, doc, [row.concept for row in records(quantities)] if len(quantities) else ())
    cursor = 0
    for sentence in split_sentences(text):
        start, end = sentence.start, sentence.end
        inside = []
        while cursor < len(figures) and figures[cursor][0].start < end:
            if figures[cursor][0].start >= start and figures[cursor][0].end <= end:
                inside.append(figures[cursor])
            cursor += 1
        if not inside:
            continue
        s = template_of(text, start, end, inside, sentence.paragraph)
        last = out.sentences[-1] if out.sentences else None
        out.previous = last if last is not None and last.paragraph == s.paragraph else None
        out.sentences.append(s)
        out.sentence_rows = len(out.rows)
        for in_sentence in _IN_SENTENCE:
            in_sentence(s, out)
    for in_document in _IN_DOCUMENT:
        in_document(out)
    return tuple(out.rows)
