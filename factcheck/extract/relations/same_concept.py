"""Same concept: two figures counting the same noun phrase in different sentences of an article.

What a figure counts is the quantities table's concept column, wherever its words stand ("the 40
buses", "the death toll stood at 31"): this family reads no second concept from the text."""

from __future__ import annotations

import re
from collections import deque

from factcheck.extract.concepts import head_phrase
from factcheck.extract.dates import YEAR
from factcheck.extract.relations.figures import MONTH_NAMES, Figure
from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import Sentence
from factcheck.extract.units import singular

RELATIONS = {
    "same_concept": "two figures counting the same noun phrase in different sentences; roles first, second; "
                    "details: concept, markers (months, days, years in each sentence), near "
                    "('another', 'total', 'each', 'would' just before each figure), phrases (the "
                    "'in the ...' phrase after each)",
}


def _words(text: str) -> list[str]:
    return text.split()


_CONCEPT_STOP = frozenset(_words("""
a an the of in on at to for from by with and or but were was are is be been have has had will would who
which that this these those their its his her it they as than more less over under per each last next
since during after before ago years year months month weeks week days day hours hour minutes times time
cent percent percentage points point such other another further additional extra new total all
so far up down about around nearly almost some many much most least only just also said says say could
can may might should must did do does not no into out off while when where what them
"""))
# A count whose concept holds one of these is a measurement, a specification or an age, not things counted.
_MEASURES = frozenset(_words("""
megapixel gigabyte megabyte terabyte mb gb ghz mhz inch metre meter mile kilometre km kg tonne ton hour minute
second degree point goal run wicket lap set game stage round seat-belt storey floor bed bedroom door age
"""))
# When a sentence speaks of (compared between the two sentences).
_WHEN = re.compile(
    rf"\b(?:{MONTH_NAMES}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"tomorrow|last\s+(?:week|month|year)|this\s+(?:week|month|year)|next\s+(?:week|month|year)|"
    r"previous|(?:first|second|third|fourth)\s+(?:quarter|half)|" + YEAR + r")\b", re.IGNORECASE)
# Words just before a count that make it a different count: "another 50", "a total of 90", or a
# count of what would or could be ("there would be 42").
_QUALIFIER = re.compile(
    r"\b(?:another|more|further|additional|extra|other|new|total|overall|combined|each|per|daily|weekly|"
    r"monthly|annual|annually|a\s+day|a\s+week|a\s+month|a\s+year|so\s+far|in\s+all|altogether|"
    r"would|could|might|if|expected|expects|forecast|predicted|target|plans?|planned|aims?|hopes?)\b",
    re.IGNORECASE)
_CONTENT_WORD = re.compile(r"[a-z][a-z-]*")


def _concept(out: Found, figure: Figure, row: int) -> tuple[str, ...] | None:
    """The count's concept from the quantities table, as the last two content words before any
    complement, the head singular: ('electric', 'bus') for "40 electric buses", ('bus',). The table
    says what each figure counts; this family reads no words of its own for it."""
    concept = out.concepts[row] if 0 <= row < len(out.concepts) else None
    if not isinstance(concept, str):
        return None
    words: list[str] = []
    for word in reversed(head_phrase(concept.lower())):
        word = word.removesuffix("'s").removesuffix("’s")
        if not _CONTENT_WORD.fullmatch(word) or word in _CONCEPT_STOP or len(word) < 3 or len(words) == 2:
            break
        words.insert(0, word)
    if not words:
        return None
    words[-1] = singular(words[-1])
    if any(word in _MEASURES for word in words):
        return None
    return tuple(words)


# Small counts named again are usually a subset ("three projects ... these two projects").
_SMALLEST_REPEATED = 5
# How many earlier counts of one head noun a count is compared with (the latest ones): an article
# names one thing a few times, a results page or live blog hundreds.
_EARLIER_PER_HEAD = 8
# Two counts of one thing differ by a slip, not by a factor of two: that is a part or a subset.
_SAME_SCALE = 2.0
_PHRASE_AFTER = re.compile(
    r"\s+(?:[a-z]+(?:ing|ed)\s+)?(?P<phrase>(?:in|at|for|from|on|with)\s+(?:the\s+|a\s+|an\s+)?[\w'-]+"
    r"(?:\s+[\w'-]+){0,3})")


_OF_AFTER = re.compile(r"\s+of\b")
_FIGURE_BEFORE = re.compile(r"\d\s*$")


def _concept_span(text: str, sentence: Sentence, figure: Figure, concept: str) -> tuple[int, int] | None:
    """Where the table's concept of `figure` stands in `sentence`: right after the figure ("40 buses"),
    else before it ("the death toll stood at 31"); the figure itself when written elsewhere. None for a
    part of a whole: "10 of the 18 directors", "of the 15 awards, 10 went to ..." (the concept is
    another figure's)."""
    if _OF_AFTER.match(text, figure.end):
        return None
    after = text.find(concept, figure.end, figure.end + len(concept) + 3)
    if after >= 0 and not text[figure.end:after].strip():
        return after, after + len(concept)
    before = text.rfind(concept, sentence.start, figure.start)
    if before < 0:
        return figure.start, figure.end
    if _FIGURE_BEFORE.search(text, max(sentence.start, before - 16), before):
        return None
    return before, before + len(concept)


def _phrase_after(text: str, figure: Figure, concept: tuple[int, int]) -> str:
    """The phrase after a count and the concept written with it that says which ones: '16 films
    competing *in the drama category*'. A time ('on Tuesday') is left to the sentence markers."""
    match = _PHRASE_AFTER.match(text, max(figure.end, concept[1]))
    if not match or _WHEN.search(match["phrase"]):
        return ""
    return match["phrase"].lower()


_DEFINITE = re.compile(r"\b(?:the|its|their|those|these|his|her|our|all)\s+$", re.IGNORECASE)


def _refers_back(earlier: tuple[str, ...], later: tuple[str, ...], definite: bool) -> bool:
    """Same two words ('electric buses' twice), or a definite 'the 50 buses' naming the head; two
    different modifiers ('10 solo awards', 'the 15 Brit awards') name different things."""
    if len(earlier) == 2 and earlier == later:
        return True
    if len(earlier) == len(later) == 2:
        return False
    return definite and earlier[-1] in {singular(word) for word in later}


def in_document(out: Found) -> None:
    """Pairs each count with the earlier counts of its head noun: only the latest `_EARLIER_PER_HEAD`
    of them, so a tally repeated down a long page costs linear time and rows, not one per pair."""
    text = out.text
    # head noun -> earlier counts: (sentence, figure, (concept start, concept end, row), concept words)
    by_head: dict[str, deque[tuple[Sentence, Figure, tuple[int, int, int], tuple[str, ...]]]] = {}
    markers: dict[int, list[str]] = {}  # by sentence start: the time words each sentence holds
    for s in out.sentences:
        for index, (figure, row) in enumerate(s.figures):
            if figure.kind != "N" or figure.unit or index in s.used or figure.value < _SMALLEST_REPEATED:
                continue  # figures in other relations differ for a reason; "the two banks" is a subset
            concept = _concept(out, figure, row)
            span = None if concept is None else _concept_span(text, s, figure, str(out.concepts[row]))
            if concept is None or span is None:
                continue
            named_at = min(figure.start, span[0])  # "the 50 buses", "the queue stood at 70"
            definite = bool(_DEFINITE.search(text, max(0, named_at - 8), named_at))
            heads = {concept[-1]} | ({singular(word) for word in concept} if definite else set())
            earlier_ones = sorted((item for head in heads for item in by_head.get(head, ())),
                                  key=lambda item: item[1].start)
            for earlier, other, other_span, other_concept in earlier_ones:
                if earlier is s or other.interval.overlaps(figure.interval) or \
                        not _refers_back(other_concept, concept, definite) or \
                        not _SAME_SCALE * min(other.value, figure.value) >= max(other.value, figure.value):
                    continue  # "3,248 patents" ... "the 500 patents": a part, not the same thing
                for x in (earlier, s):
                    if x.start not in markers:
                        markers[x.start] = sorted({m.lower() for m in _WHEN.findall(x.text)})
                near = [sorted({m.lower() for m in (*_QUALIFIER.findall(text, max(x.start, f.start - 40),
                                                                         f.start),
                                                     *_QUALIFIER.findall(text, *where))})  # "27 new seats"
                        for x, f, where in ((earlier, other, other_span[:2]), (s, figure, span))]
                other_row = other_span[2]
                out.add("same_concept", s, span,
                        [member("first", other, other_row), member("second", figure, row)],
                        concept=" ".join(concept), markers=[markers[earlier.start], markers[s.start]],
                        near=near, phrases=[_phrase_after(text, other, other_span[:2]),
                                            _phrase_after(text, figure, span)],
                        first_sentence=earlier.text, first_sentence_start=earlier.start)
            by_head.setdefault(concept[-1], deque(maxlen=_EARLIER_PER_HEAD)).append(
                (s, figure, (*span, row), concept))
