"""Dimensions: a rectangle's two sides and an area given for the same thing.

"The hall is 40 by 60 metres" and, a sentence later, "the 3,000 square metre hall" cannot both
hold: 40 x 60 is 2,400 square metres. Sides are read as "A by B unit", "A unit by B unit",
"A unit x B unit" or "an A-by-B-unit ...", the first side taking the second's unit when it has
none; a third "by" (a box, a volume) rules the pair out. An area is any figure whose unit is a
length squared (square metres, square feet, acres, hectares); one in brackets or after ", or"
just after another area is its conversion, left to the `conversion` rule.

A pair and an area are tied, in the same sentence or within the two sentences before it, only
when the wording says they describe one thing: a cue joins them in one sentence ("40 by 60
metres, covering 2,400 square metres", "2,400 square metres (40 by 60 metres)"), or both name
the same noun ("a 40 by 60 metre hall" ... "the 3,000 square metre hall"), or the area is "an
area" and the sides a shape ("a rectangle 300 by 500 metres"). A pair or an area that could be
tied to two others is left alone: better silent than wrong.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import HEDGE_WORDS, Sentence, fig
from factcheck.extract.unit_registry import table_unit
from factcheck.extract.units import singular

RELATIONS = {
    "dimensions": "two sides of a rectangle and an area given for the same thing; roles side (twice: the "
                  "first may be a bare number in the second's unit), area; details: unit (the sides' "
                  "length unit), link ('joined' by a cue, 'noun' both name one noun, 'shape' an area and "
                  "a shape)",
}

_BY = r"(?:\s*-by-\s*|\s+by\s+|\s*[x×]\s*)"
_SIDES = re.compile(rf"{fig('a', 'N')}{_BY}{HEDGE_WORDS}{fig('b', 'N')}(?!{_BY}⟨)", re.IGNORECASE)
_THIRD_BEFORE = re.compile(rf"⟨N\d+⟩{_BY}{HEDGE_WORDS}$", re.IGNORECASE)
_CONVERTED = re.compile(r"\s*(?:[a-z-]+\s+){0,2}?(?:\(\s*|,?\s+or\s+|,?\s+about\s+)"
                        r"(?:about\s+|some\s+|roughly\s+)?⟨N\d+⟩")
# Words between an area and a pair of sides, in either order, that say one gives the other.
# Runs of blanks are taken whole (possessive): what follows each run may itself be empty, and giving
# blanks back to it would try every split of a long run.
_JOIN_AFTER_SIDES = re.compile(
    r"^\s*+(?:[a-z-]+\s++){0,2}?(?:\(\s*|,?\s*(?:or|covering|covers|cover|giving|gives|making|makes|that is|"
    r"which is|an area of|a total of|for a total of|in all|or some|or about|is|was|are|were)\s++)"
    rf"{HEDGE_WORDS}$", re.IGNORECASE)
_JOIN_AFTER_AREA = re.compile(
    rf"^\s*+(?:[a-z-]+\s++){{0,2}}?(?:\(\s*|,?\s*(?:measuring|measures|measured|or|that is)\s++)"
    rf"{HEDGE_WORDS}$", re.IGNORECASE)
_JOIN_REACH = 50
# The noun before a figure that it measures: "a site of 40 by 60 metres", "the hall measures 40 by 60
# metres", "a rectangle no more than 300 by 500 metres", "an area of 2,400 square metres".
_NOUN_BEFORE = re.compile(
    rf"\b(?P<noun>[a-z]{{3,}})(?:,|\s+(?:of|measuring|measures|measured|is|was|are|were|spanning|spans|"
    rf"covering|covers|covered|(?:will|would|is to|could) be))?\s+(?:(?:no|not|only|just|[a-z]+ly)\s+)?"
    rf"{HEDGE_WORDS}$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"(?:-[a-z]+)?\s+(?:of\s+(?:[a-z]+\s+)?)?(?P<noun>[a-z]{3,})\b", re.IGNORECASE)
_NOT_NOUNS = frozenset({"and", "but", "the", "that", "this", "with", "from", "into", "onto", "beside",
    "next", "near", "along", "across", "over", "under", "above", "below", "between", "behind", "inside",
    "outside", "around", "about", "was", "were", "are", "has", "have", "had", "will", "would", "could",
    "long", "wide", "high", "deep", "tall", "each", "per", "apiece", "which", "who", "where", "when",
    "while", "for", "its", "their", "his", "her", "our", "after", "before", "since", "than", "then",
    "covering", "covers", "covered", "measuring", "measures", "measured", "spanning", "spans", "some",
    "only", "just", "barely", "nearly"})
# Words that name a region without saying what it is: a stated "area" may be such a shape.
_SHAPES = frozenset({"rectangle", "square", "oblong", "strip", "area", "plot", "patch"})
_WINDOW = 2  # sentences before the current one an area or a pair may stand in
_MOST = 4  # pairs or areas in that window beyond which which goes with which is a guess
_MEASURED = ("[length]", "[length] ** 2")
_TOKEN = re.compile(r"⟨[A-Z]\d+⟩")


class _Sides(NamedTuple):
    sentence: Sentence
    a: int
    b: int
    unit: str
    span: tuple[int, int]
    noun: str


class _Area(NamedTuple):
    sentence: Sentence
    index: int
    noun: str


@cache
def _dimension(unit: str) -> str:
    """The unit's dimensionality in pint's words; asked for every figure, so kept per unit name."""
    return str(table_unit(unit).dimensionality) if unit else ""


def _noun(s: Sentence, start: int, end: int) -> str:
    """What the figure(s) from `start` to `end` (document offsets) measure, by a noun next to them."""
    local_start, local_end = start - s.start, end - s.start
    after = _NOUN_AFTER.match(s.text, local_end)
    if after and after["noun"].lower() not in _NOT_NOUNS:
        return singular(after["noun"].lower())
    before = _NOUN_BEFORE.search(s.text, max(0, local_start - 40), local_start)
    if before and before["noun"].lower() not in _NOT_NOUNS:
        return singular(before["noun"].lower())
    return ""


def _sides(s: Sentence) -> list[_Sides]:
    found = []
    for match in _SIDES.finditer(s.template):
        a, b = s.index(match["a"]), s.index(match["b"])
        first, second = s.figures[a][0], s.figures[b][0]
        if {a, b} & s.used or _THIRD_BEFORE.search(s.template, max(0, match.start() - 30), match.start()) or \
                _dimension(second.unit) != "[length]" or \
                (first.unit and _dimension(first.unit) != "[length]"):
            continue
        found.append(_Sides(s, a, b, second.unit, (first.start, second.end),
                            _noun(s, first.start, second.end)))
    return found


def _areas(s: Sentence) -> list[_Area]:
    found = []
    spans: dict[int, tuple[int, int]] = {}  # template span of each token, read once when needed
    previous: int | None = None
    for index, (figure, _) in enumerate(s.figures):
        if figure.kind != "N" or _dimension(figure.unit) != "[length] ** 2":
            continue
        converted = False
        if previous is not None:
            spans = spans or {s.index(m.group()): m.span() for m in _TOKEN.finditer(s.template)}
            converted = bool(_CONVERTED.fullmatch(s.template, spans[previous][1], spans[index][1]))
        previous = index
        if index not in s.used and not converted:
            found.append(_Area(s, index, _noun(s, figure.start, figure.end)))
    return found


def _link(sides: _Sides, area: _Area) -> str:
    """How the wording ties a pair of sides to an area ('' when it does not)."""
    if sides.sentence is area.sentence:
        s = sides.sentence
        figure = s.figures[area.index][0]
        if figure.start >= sides.span[1]:
            gap = s.text[sides.span[1] - s.start:figure.start - s.start]
            if len(gap) <= _JOIN_REACH and _JOIN_AFTER_SIDES.match(gap):
                return "joined"
        else:
            gap = s.text[figure.end - s.start:sides.span[0] - s.start]
            if len(gap) <= _JOIN_REACH and _JOIN_AFTER_AREA.match(gap):
                return "joined"
    if sides.noun and sides.noun == area.noun:
        return "noun"
    if area.noun == "area" and sides.noun in _SHAPES:
        return "shape"
    return ""


def in_sentence(s: Sentence, out: Found) -> None:
    if not any(figure.kind == "N" and figure.unit and _dimension(figure.unit) in _MEASURED
               for figure, _ in s.figures):
        return  # a tie needs a side or an area here; most sentences hold neither
    window = [x for x in out.sentences[-1 - _WINDOW:-1] if s.paragraph - x.paragraph <= 1] + [s]
    here_sides, here_areas = _sides(s), _areas(s)
    if not here_sides and not here_areas:
        return
    all_sides = [item for x in window[:-1] for item in _sides(x)] + here_sides
    all_areas = [item for x in window[:-1] for item in _areas(x)] + here_areas
    if len(all_sides) > _MOST or len(all_areas) > _MOST:
        return
    links = [(sides, area, how) for sides in all_sides for area in all_areas
             if (sides.sentence is s or area.sentence is s) and (how := _link(sides, area))]
    for sides, area, how in links:
        if sum(other[0] == sides for other in links) > 1 or sum(other[1] == area for other in links) > 1:
            continue  # a pair or an area the wording could tie to two others
        pair, place = sides.sentence, area.sentence
        pair.used |= {sides.a, sides.b}
        place.used.add(area.index)
        cue = sides.span
        out.add("dimensions", s, cue,
                [member("side", *pair.figures[sides.a]), member("side", *pair.figures[sides.b]),
                 member("area", *place.figures[area.index])], unit=sides.unit, link=how)
