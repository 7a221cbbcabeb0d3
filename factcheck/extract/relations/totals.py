"""Totals and their parts across a sentence boundary or after a colon.

- "Some 900 tonnes were collected. 300 tonnes of that came from the east, and another 200 tonnes
  from the west": parts ("of that", "another") of a whole in the sentence before, open (they
  need not fill it).
- "all 1,200 ballots ...: 500 northern ballots and 700 southern ballots": a whole, then after a
  colon a list joined by "and" of parts counting the same noun, closed (they must add up to it).

Both are `parts` rows, checked by the `part_whole` kind.
"""

from __future__ import annotations

import re

from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import Sentence
from factcheck.extract.units import singular

RELATIONS: dict[str, str] = {}  # emits `parts` rows (see parts.py)

_OF_THAT = re.compile(r"⟨[NM](?P<i>\d+)⟩\s+(?:[\w-]+\s+){0,2}?of\s+(?:that|those|them|these|this|it)\b",
                      re.IGNORECASE)
_ANOTHER = re.compile(r"\b(?:another|a further|a further|the other|the remaining)\s+⟨[NM](?P<i>\d+)⟩",
                      re.IGNORECASE)
_NOUN = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>[a-z][a-z-]{2,})\b")
_HEAD = re.compile(r"\s+(?P<noun>[a-z][a-z-]{2,})\b")


def _noun_after(s: Sentence, index: int, head_only: bool = False) -> str:
    figure = s.figures[index][0]
    if figure.kind == "N" and figure.unit:  # "330 litres": the table's unit is what it counts
        return singular(figure.unit.split()[-1].lower())
    at = figure.end - s.start
    match = (_HEAD if head_only else _NOUN).match(s.text, at)
    return singular(match["noun"].lower()) if match else ""


def _nouns_after(s: Sentence, index: int) -> set[str]:
    figure = s.figures[index][0]
    words = re.findall(r"[A-Za-z][\w-]*", s.text[figure.end - s.start:figure.end - s.start + 50])[:4]
    if figure.kind == "N" and figure.unit:
        words.append(figure.unit.split()[-1])
    return {singular(word.lower()) for word in words}


def in_sentence(s: Sentence, out: Found) -> None:
    _of_that(s, out)
    _colon_list(s, out)


def _of_that(s: Sentence, out: Found) -> None:
    first = _OF_THAT.search(s.template)
    if first is None or out.previous is None:
        return
    parts = [int(first["i"])] + [int(m["i"]) for m in _ANOTHER.finditer(s.template, first.end())]
    if len(parts) < 2 or set(parts) & s.used:
        return
    noun = _noun_after(s, parts[0], head_only=True)
    if not noun:
        return
    previous = out.previous
    wholes = [(figure, row) for index, (figure, row) in enumerate(previous.figures)
              if figure.kind in "NM" and noun in _nouns_after(previous, index)]
    if not wholes:
        return
    whole = max(wholes, key=lambda item: item[0].value)
    s.used |= set(parts)
    out.add("parts", s, s.span(first), [member("whole", *whole)] +
            [member("part", *s.figures[index]) for index in parts], closed=False, single=False)


def _colon_list(s: Sentence, out: Found) -> None:
    colon = s.template.find(":")
    if colon < 0 or " and " not in s.template[colon:]:
        return
    before = [int(m.group(1)) for m in re.finditer(r"⟨[NM](\d+)⟩", s.template[:colon])]
    after = [int(m.group(1)) for m in re.finditer(r"⟨[NM](\d+)⟩", s.template[colon:])]
    if not before or len(after) < 2 or set(after) & s.used:
        return
    wholes = [index for index in before if index not in s.used and _noun_after(s, index, head_only=True)
              and all(_noun_after(s, index, head_only=True) in _nouns_after(s, part) for part in after)]
    if not wholes:
        return
    whole = wholes[-1]
    if any(s.figures[index][0].value >= s.figures[whole][0].value for index in after):
        return
    s.used |= {whole, *after}
    cue = s.offsets[colon], s.offsets[colon] + 1
    out.add("parts", s, cue, [member("whole", *s.figures[whole])] +
            [member("part", *s.figures[index]) for index in after], closed=True, single=False)
