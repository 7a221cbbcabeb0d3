"""Split a document into sentences with their offsets and paragraph numbers.

A full stop ends a sentence only when what follows looks like a new one and what precedes it
is not an abbreviation ("U.S.", "Mr.", "No. 3", "Jan."), an initial ("J. K.") or a decimal
("2.5", which never has a space after its point anyway). Line breaks always end a sentence:
headlines, bullets and datelines stand on their own lines. One linear pass, so long
documents cost no more per character than short ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from factcheck.extract.patterns import ending

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "inc", "ltd", "co", "corp", "jr", "sr", "vs",
    "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj",
    "rev", "fig", "approx", "est", "dept", "univ", "mt", "ft", "vol", "pp", "p", "a.m", "p.m", "ave",
    "cf", "al", "op", "govt", "plc", "bros", "mssrs", "messrs", "adm", "cmdr", "hon", "pres", "supt",
}
# A candidate end: sentence punctuation, closing quotes or brackets, then space.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9£$€])")
_LINE = re.compile(r"[^\n]+")
_TOKEN_BEFORE = re.compile(r"([\w.]+)$")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s.a"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


# Abbreviations that also end sentences ("... in the U.S. The ..."): they do when a word that
# usually opens a sentence follows.
_SENTENCE_FINAL = {"u.s", "u.k", "u.n", "e.u", "etc", "inc", "ltd", "co", "corp", "plc", "jr", "sr",
                   "a.m", "p.m"}
_OPENER = re.compile(r"\s+[\"'\u201c\u2018]?(?:The|A|An|He|She|It|They|We|I|But|And|In|This|That|"
                     r"These|Those|There|Its|His|Her|Their|Our|However|Meanwhile|On|At|As|If|When|"
                     r"What|Why|How|Some|Many|Most|No|So|Yet|After|Before)\b")


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation or an initial."""
    if line[dot] != ".":
        return False
    # Look back a bounded window only: searching from the line start is quadratic on long lines.
    match = ending(_TOKEN_BEFORE, line, max(0, dot - 40), dot)
    if not match:
        return False
    token = match.group(1).lower().strip(".")
    if token in _SENTENCE_FINAL:
        return not _OPENER.match(line, dot + 1)
    if token in ABBREVIATIONS:
        return True
    return (len(token) == 1 and token.isalpha()) or bool(_INITIALS.fullmatch(token))


@lru_cache(maxsize=4)
def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of `text` in order, each with its paragraph (blank-line separated).

    Extraction, relations and both reports of one document all ask for its sentences in turn,
    so the last few documents' splits are kept.
    """
    return tuple(_sentences(text))


def _sentences(text: str) -> Iterator[Sentence]:
    paragraph, last_line_end = 0, None
    for line in _LINE.finditer(text):
        content = line.group()
        if content.isspace():
            continue  # a line of spaces separates paragraphs like an empty one
        if last_line_end is not None and text.count("\n", last_line_end, line.start()) > 1:
            paragraph += 1
        last_line_end = line.end()
        start = 0
        for end in _END.finditer(content):
            if _is_abbreviation(content, end.start()):
                continue
            yield from _trimmed(line.start(), content, start, end.end(), paragraph)
            start = end.end()
        yield from _trimmed(line.start(), content, start, len(content), paragraph)


# Longer "sentences" are tables or dumps run together (the longest of 43,872 BBC sentences has
# 1,063 characters); cutting them keeps the work per sentence bounded and the whole pass linear.
MAX_SENTENCE_CHARS = 1500


def _trimmed(offset: int, line: str, start: int, end: int, paragraph: int) -> Iterator[Sentence]:
    while end - start > MAX_SENTENCE_CHARS:  # cut at the last space that fits, else hard
        cut = line.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        yield from _trimmed(offset, line, start, cut, paragraph)
        start = cut
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        yield Sentence(offset + start + lead, offset + start + lead + len(stripped), paragraph)
