"""Sentence templates: a sentence with each figure replaced by a token such as `⟨P3⟩`.

Cue patterns are regular expressions over the template, so a cue never re-reads a number: `fig`
names a token of some kinds, `gap` and `clause_gap` bound the words between figures (bounded
repeats keep every pattern linear in the sentence). The word lists here are shared by families.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.extract.hedges import HEDGE_PATTERN
from factcheck.extract.relations.figures import Figure


@dataclass
class Sentence:
    """A sentence with its figures replaced by tokens, and the way back to document offsets."""

    text: str
    start: int
    figures: list[tuple[Figure, int]]
    template: str
    offsets: list[int]  # template position -> document offset
    used: set[int]
    factors: list[Figure] = field(default_factory=list)  # multipliers ("doubled"), left as words
    paragraph: int = 0
    cues: str = field(init=False)  # the template folded (`fold`), where cue words are looked for

    def __post_init__(self) -> None:
        self.cues = fold(self.template)

    def has_cue(self, words: tuple[str, ...]) -> bool:
        """Whether any of `words` (lower case) stands in the sentence: a family skips the scan of a
        pattern when none of the words every match of it holds is there."""
        return any(word in self.cues for word in words)

    def figure(self, token: str) -> tuple[Figure, int]:
        return self.figures[int(token[2:-1])]

    def index(self, token: str) -> int:
        return int(token[2:-1])

    def span(self, match: re.Match[str], group: str | int = 0) -> tuple[int, int]:
        start, end = match.span(group)
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[start]


# The letters a case-insensitive pattern takes for an i or an s that `str.lower` does not make one:
# dotless i, dotted capital I, long s.
_ODD_LETTERS = ("\u0131", "\u0130", "\u017f")
_IGNORECASE_LETTERS = str.maketrans(dict(zip(_ODD_LETTERS, "iis", strict=True)))


def fold(text: str) -> str:
    """`text` in lower case, so that whatever a case-insensitive pattern matches in `text` holds, in
    its folding, the lower-case words of that pattern (`_ODD_LETTERS` included)."""
    if any(letter in text for letter in _ODD_LETTERS):  # rare: translating costs more than looking
        text = text.translate(_IGNORECASE_LETTERS)
    return text.lower()


def template_of(text: str, start: int, end: int, figures: list[tuple[Figure, int]],
                paragraph: int) -> Sentence:
    """The sentence text[start:end] with `figures` as tokens; multipliers stay words, kept aside."""
    factors = [figure for figure, _ in figures if figure.kind == "F"]
    figures = [item for item in figures if item[0].kind != "F"]
    parts: list[str] = []
    offsets: list[int] = []
    cursor = start
    for index, (figure, _) in enumerate(figures):
        parts.append(text[cursor:figure.start])
        offsets.extend(range(cursor, figure.start))
        token = f"⟨{figure.kind}{index}⟩"
        parts.append(token)
        offsets.extend([figure.start] * (len(token) - 1) + [figure.end - 1])
        cursor = figure.end
    parts.append(text[cursor:end])
    offsets.extend(range(cursor, end))
    offsets.append(end)
    return Sentence(text[start:end], start, figures, "".join(parts), offsets, set(), factors, paragraph)


def just_before(s: Sentence, sentences: list[Sentence], text: str) -> Sentence | None:
    """The sentence right before `s` (the last of `sentences`), when it has figures: in its paragraph
    or ending the one before, since news copy often gives each sentence a paragraph of its own."""
    if len(sentences) < 2 or sentences[-1] is not s:
        return None
    before = sentences[-2]
    return before if not text[before.start + len(before.text):s.start].strip() else None


def fig(name: str, kinds: str) -> str:
    return rf"(?P<{name}>⟨[{kinds}]\d+⟩)"


def gap(limit: int) -> str:
    """Up to `limit` characters holding no figure other than years, dates and asides."""
    return rf"(?:[^⟨;:]|⟨[YDXUV]\d+⟩){{0,{limit}}}?"


def clause_gap(limit: int, commas: bool = False) -> str:
    """Like `gap`, but never across a conjunction (or a comma, unless `commas`): one clause."""
    stops = ";:" if commas else ";:,"
    return (rf"(?:(?!\b(?:and|but|while|whereas|although)\b)[^⟨{stops}]|⟨[YDXUV]\d+⟩){{0,{limit}}}?")


# Hedge words (the one hedge table's) and articles that may stand before a figure in a cue.
HEDGE_WORDS = rf"(?:(?:{HEDGE_PATTERN}|just|an|a)\s+){{0,2}}"
UP = (r"rose|risen|rises|rising|rise|increased|increases|increasing|increase|grew|grown|grows|growing|"
       r"grow|jumped|jumps|jumping|jump|climbed|climbs|climbing|climb|soared|soaring|soars|surged|surges|"
       r"surging|gained|gains|gain|up|higher|boosted|swelled|expanded|advanced|leapt|leaped|rocketed|"
       r"spiked|doubled|tripled|trebled|quadrupled")
DOWN = (r"fell|fallen|falls|falling|fall|dropped|drops|dropping|drop|declined|declines|declining|decline|"
         r"decreased|decreases|decreasing|decrease|slumped|slumps|slump|plunged|plunges|plummeted|tumbled|"
         r"down|lower|cut|cuts|shrank|shrunk|shrinks|slid|slipped|dipped|dips|reduced|contracted|sank|"
         r"eased|halved|slashed")
UP_NOUNS = r"rise|increase|jump|gain|growth|climb|surge|hike|boost|uplift|higher|more|up"
DOWN_NOUNS = r"fall|drop|decline|decrease|cut|reduction|slump|slide|dip|lower|less|fewer|down"
UP_SET = set((UP + "|" + UP_NOUNS).split("|"))


def direction_of(word: str) -> int:
    return 1 if word.lower() in UP_SET else -1



def compatible(a: Figure, b: Figure) -> bool:
    """Whether two figures can measure the same thing: both shares, or amounts of one currency.

    A bare number goes with money only at a like size ("to 9.2 billion euros from 10 billion"), and
    no pair is 50 times apart ("one in 13 of the 48 million cards" pairs nothing).
    """
    if (a.kind == "P") != (b.kind == "P"):
        return False
    if a.kind == b.kind == "M":
        return not (a.unit and b.unit and a.unit != b.unit)
    small, large = sorted((abs(a.value), abs(b.value)))
    return small > 0 and large / small <= (20 if "M" in (a.kind, b.kind) else 50)


def nearest(pattern: re.Pattern[str], template: str, anchor: re.Match[str],
             reach: int) -> re.Match[str] | None:
    """The match of `pattern` closest to `anchor`, if within `reach` characters of it."""
    found = [(max(m.start() - anchor.end(), anchor.start() - m.end()), m) for m in pattern.finditer(template)]
    found = [item for item in found if item[0] <= reach]
    return min(found, key=lambda item: item[0])[1] if found else None


CHANGE_WORD = re.compile(
    rf"\b(?:{UP}|{DOWN}|{UP_NOUNS}|{DOWN_NOUNS}|lost|shed|added|by(?!-)|rate|rates|interest|inflation|compared|"
    r"year-on-year|annual|annually|a year|growth|margin|chance|likely|probability|stake|tax|discount)\b",
    re.IGNORECASE)


