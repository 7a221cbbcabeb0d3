"""Headcount: an amount each person gets, their number, and a stated total, in one or two sentences.

"Each of the 1,400 nurses will receive £600. The payments will cost a total of £1.2m." The
`per_unit` family pairs a total with an amount each when both stand in one sentence, or the total
in the sentence before; this family reads what it leaves: a headcount and an amount each ("the
900 drivers will each get a £250 bonus", "each of the 900 drivers ...", "£250 to each of the 900
drivers") against a total named as one ("a total of", "totalling", "costing", "at a cost of",
"will cost", "... in total", "... in all") in the same sentence or the one just before or after
it (`template.just_before`). It emits `per_unit` rows, checked by the `per_unit` kind.
"""

from __future__ import annotations

import re

from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import HEDGE_WORDS, Sentence, fig, just_before

RELATIONS: dict[str, str] = {}  # emits `per_unit` rows (see per_unit.py)

_WHOSE = r"(?:(?:the|its|their)\s+)?(?:[\w'’-]+'s\s+)?"
# A word, or a compound the extractor set aside as a description ("a one-off payment", "a 20-year deal").
_WORD = r"(?:[\w'’-]+|⟨N\d+⟩-[\w-]+)"
_VERB = r"(?:(?:will|would|are to|are set to|are due to|have|had|were|are|can|could|should|all)\s+){0,3}"
_EACH = [
    # "the 900 drivers will each get a £250 bonus"
    re.compile(rf"{fig('c', 'N')}(?:\s+[\w'-]+){{1,3}}?\s+{_VERB}(?P<cue>each)\s+(?:{_WORD}\s+){{0,4}}?"
               rf"{HEDGE_WORDS}{fig('e', 'M')}", re.IGNORECASE),
    # "each of the 900 drivers will get £250"
    re.compile(rf"\b(?P<cue>each)\s+of\s+{_WHOSE}{fig('c', 'N')}(?:[^⟨;]|⟨N\d+⟩-){{0,50}}?"
               rf"{fig('e', 'M')}", re.IGNORECASE),
    # "£250 to each of the 900 drivers"
    re.compile(rf"{fig('e', 'M')}\s+(?:[\w'-]+\s+){{0,2}}?(?:to|for)\s+(?P<cue>each)\s+of\s+{_WHOSE}"
               rf"{fig('c', 'N')}", re.IGNORECASE),
]
_TOTAL = re.compile(
    rf"\b(?:a total of|totalling|totaling|costing|at a cost of|(?:will|would) cost(?:\s+\w+)?)\s+"
    rf"{HEDGE_WORDS}{fig('t', 'M')}|{fig('t2', 'M')}\s+(?:in total|in all|altogether)\b", re.IGNORECASE)


_EACH_WORD = re.compile(r"\beach\b", re.IGNORECASE)
_MOST = 4  # headcounts in two sentences beyond which it is a table, and pairing a guess


def _base(unit: str) -> str:
    return unit.split(" per ")[0]


def _each(s: Sentence) -> list[tuple[int, int, tuple[int, int]]]:
    """(count, amount each, cue span) for each unclaimed headcount and amount in the sentence."""
    found = []
    for pattern in _EACH:
        for match in pattern.finditer(s.template):
            c, e = s.index(match["c"]), s.index(match["e"])
            count = s.figures[c][0]
            if {c, e} & s.used or count.unit or count.value < 2 or count.value != int(count.value):
                continue
            found.append((c, e, s.span(match, "cue")))
    return found


def _totals(s: Sentence) -> list[int]:
    """The unclaimed amounts `s` names as totals."""
    return [s.index(match["t"] or match["t2"]) for match in _TOTAL.finditer(s.template)
            if s.index(match["t"] or match["t2"]) not in s.used]


def in_sentence(s: Sentence, out: Found) -> None:
    previous = just_before(s, out.sentences, out.text)
    here = _each(s) if _EACH_WORD.search(s.template) else []
    before = _each(previous) if previous is not None and _EACH_WORD.search(previous.template) else []
    if (not here and not before) or len(here) + len(before) > _MOST:
        return
    totals = {id(s): _totals(s)}
    if previous is not None and here:
        totals[id(previous)] = _totals(previous)
    for sentence, candidates in ((s, here), (previous, before)):
        for c, e, cue in candidates:
            assert sentence is not None
            if {c, e} & sentence.used:
                continue
            # a headcount here takes a total here or in the sentence before; one before takes one here
            amount = sentence.figures[e][0]
            for place in ([s, previous] if sentence is s else [s]):
                if place is None:
                    continue
                fitting = [t for t in totals[id(place)]
                           if t not in place.used and (place is not sentence or t != e)
                           and _base(place.figures[t][0].unit) == _base(amount.unit)
                           and place.figures[t][0].value > amount.value]
                if len(fitting) != 1:
                    continue
                sentence.used |= {c, e}
                place.used.add(fitting[0])
                out.add("per_unit", s, cue, [member("total", *place.figures[fitting[0]]),
                                             member("count", *sentence.figures[c]),
                                             member("each", *sentence.figures[e])])
                break
