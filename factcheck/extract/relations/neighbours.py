"""Changes across neighbouring sentences: a base in one sentence, the change to it in the next.

- "Depots handled 3.2 million parcels last year. This year they handled 3.9 million parcels, up
  22%.": the rate and the new figure stand in one sentence and nothing there is the base, so the
  base is the one figure of the sentence just before (`template.just_before`) that measures the
  same thing:
  the new sentence refers back ("it", "its", "they", "the figure"), the two have the same unit
  and a like size, no different nouns after them, and either a measured unit ("62,000 tonnes")
  or a content word of the base's clause named again.
- "Homes cost £410,000 for buyers and £250,000 for tenants... Elsewhere it was £300,000 for
  buyers and £200,000 for tenants. The town's figures were 37 percent higher for buyers and 25
  percent higher for tenants.": a rate "P% higher for L" compares the two figures labelled
  "for L" in that sentence and the two before it; the larger is the higher one.

- "Council to cut its fleet of vans by 40%. The fleet will shrink from 150 vans to 110.": a
  change from one figure to another without a rate takes the one rate of the sentence just
  before that stands alone (no figure of its own to change) when both name the thing counted.

All are `change` rows (roles from, to, rate), checked by the `percent_change` kind. Anything
less clear (two candidate bases, a unit or a noun that differs) is left alone.
"""

from __future__ import annotations

import re

from factcheck.extract.relations.figures import Figure, as_written
from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import (
    DOWN,
    DOWN_NOUNS,
    HEDGE_WORDS,
    UP,
    UP_NOUNS,
    Sentence,
    compatible,
    direction_of,
    fig,
    just_before,
)
from factcheck.extract.units import singular

RELATIONS: dict[str, str] = {}  # emits `change` rows (see change.py)

_NO_BASE_AFTER = (r"(?!\s+(?:on|from|than|compared|against|over|versus|year-on-year|in\s+real|"
                  r"in\s+the\s+\w+\s+per))")
_TO_WITHOUT_BASE = [
    # "rose 15% to 3.9 million", "up 15% at £46m"
    re.compile(rf"\b(?P<dir>{UP}|{DOWN})\s+(?:by\s+)?{HEDGE_WORDS}{fig('r', 'P')}\s+(?:to|at)\s+"
               rf"{HEDGE_WORDS}{fig('b', 'NM')}", re.IGNORECASE),
    # "3.9 million parcels, up 15%"
    re.compile(rf"{fig('b', 'NM')}(?:\s+[a-z-]+){{0,2}},?\s+(?P<dir>up|down|a rise of|an increase of|"
               rf"a fall of|a drop of|a decline of)\s+{HEDGE_WORDS}{fig('r', 'P')}{_NO_BASE_AFTER}",
               re.IGNORECASE),
    # "8% higher at £1,350"
    re.compile(rf"{fig('r', 'P')}\s+(?P<dir>higher|lower|up|down)\s+(?:at|to)\s+{HEDGE_WORDS}"
               rf"{fig('b', 'NM')}", re.IGNORECASE),
    # "£1,350, 8% higher"
    re.compile(rf"{fig('b', 'NM')},?\s+(?:or\s+)?{HEDGE_WORDS}{fig('r', 'P')}\s+"
               rf"(?P<dir>higher|lower|more|less|fewer|up|down)\b{_NO_BASE_AFTER}", re.IGNORECASE),
]
_LABELLED_RATE = re.compile(
    rf"{fig('r', 'P')}\s+(?P<dir>higher|lower|more|less|up|down|above|below)\s+for\s+(?:the\s+)?"
    rf"(?P<label>[a-z][\w-]+)", re.IGNORECASE)
_LABELLED = re.compile(rf"{fig('x', 'NM')}(?:\s+[a-z]+){{0,3}}?\s+for\s+(?:the\s+)?(?P<label>[a-z][\w-]+)",
                       re.IGNORECASE)
# The new figure's sentence speaks of what the one before did: "it", "its", "they", "the figure".
_REFERS_BACK = re.compile(r"\b(?:it|its|they|their|this|these|those|the (?:figure|number|total|same))\b",
                          re.IGNORECASE)
_LONE_RATE = re.compile(
    rf"\b(?P<dir>{UP}|{DOWN}|{UP_NOUNS}|{DOWN_NOUNS})\s+(?:[\w'-]+\s+){{0,4}}?(?:by|of)\s+{HEDGE_WORDS}"
    rf"{fig('r', 'P')}|{fig('r2', 'P')}\s+(?P<dir2>{UP_NOUNS}|{DOWN_NOUNS})\b", re.IGNORECASE)
_LABEL_WINDOW = 2  # sentences before the rate's that its labelled figures may stand in
_MOST = 4  # changes in one sentence beyond which it is a list, and pairing its members a guess
_WORD = re.compile(r"[a-z][a-z'-]{3,}", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:]|\b(?:and|but|while|whereas|which|who)\b")
# Words that say when or how much, not what: no evidence that two figures measure one thing.
_NOT_CONCEPTS = frozenset({
    "year", "years", "month", "months", "week", "weeks", "last", "this", "next", "previous", "earlier",
    "later", "since", "from", "with", "that", "their", "there", "than", "then", "were", "been", "have",
    "said", "says", "according", "about", "around", "nearly", "almost", "more", "less", "some", "total",
    "figure", "figures", "number", "numbers", "million", "billion", "thousand", "percent", "cent",
    "rose", "fell", "rise", "fall", "higher", "lower", "compared", "average", "same", "period",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "quarter", "today", "yesterday"})


def _content(text: str) -> set[str]:
    return {singular(word.lower()) for word in _WORD.findall(text)} - _NOT_CONCEPTS


def _clause_words(s: Sentence, figure: Figure) -> set[str]:
    """The content words of the clause a figure stands in (bounded: 60 characters either side)."""
    at, end = figure.start - s.start, figure.end - s.start
    before = s.text[max(0, at - 60):at]
    stops = list(_CLAUSE.finditer(before))
    if stops:
        before = before[stops[-1].end():]
    after = s.text[end:end + 60]
    stop = _CLAUSE.search(after)
    if stop:
        after = after[:stop.start()]
    return _content(before + " " + after)


def _noun_after(s: Sentence, figure: Figure) -> str:
    match = re.match(r"\s+([a-z][a-z-]{2,})", s.text[figure.end - s.start:])
    return singular(match.group(1).lower()) if match else ""


def _same_thing(previous: Sentence, base: Figure, new: Figure, new_noun: str, named: set[str]) -> bool:
    """Whether a base in the sentence before measures what the new figure measures (see above):
    `new_noun` is the noun after the new figure, `named` the content words of its sentence."""
    if base.unit != new.unit or not compatible(base, new) or \
            max(base.value, new.value) > 2 * min(base.value, new.value):
        return False
    nouns = _noun_after(previous, base), new_noun
    if all(nouns) and nouns[0] != nouns[1]:
        return False
    measured = base.kind == "N" and bool(base.unit)  # "62,000 tonnes" ... "67,000 tonnes"
    return measured or bool(_clause_words(previous, base) & named)


def in_sentence(s: Sentence, out: Found) -> None:
    if "⟨P" in s.template:  # the first two read a percentage in this sentence
        _labelled(s, out)
        _next_sentence(s, out)
    _rate_before(s, out)


def _rate_before(s: Sentence, out: Found) -> None:
    """A from/to pair without a rate takes a lone rate of the sentence just before (see above)."""
    bare = [row for row in out.in_sentence("change") if len(row["members"]) == 2]  # type: ignore[arg-type]
    previous = just_before(s, out.sentences, out.text) if len(bare) == 1 else None
    if previous is None or any(f.kind in "NM" and i not in previous.used for i, (f, _) in
                               enumerate(previous.figures)):
        return  # the rate may change a figure of its own sentence
    rates = [match for match in _LONE_RATE.finditer(previous.template)
             if previous.index(match["r"] or match["r2"]) not in previous.used
             and any(c.isdigit() for c in previous.figure(match["r"] or match["r2"])[0].surface)]
    if len(rates) != 1 or sum(f.kind in "PT" for f, _ in previous.figures) != 1:
        return
    (row,) = bare
    members = row["members"]
    assert isinstance(members, tuple)
    nouns = {_noun_after(s, figure) for figure in members} - {""}
    rate = rates[0]
    if not nouns & _content(previous.text):
        return
    index = previous.index(rate["r"] or rate["r2"])
    previous.used.add(index)
    row["members"] = (*members, member("rate", *previous.figures[index]))
    details = row["details"]
    assert isinstance(details, dict)
    details["direction"] = _direction(rate["dir"] or rate["dir2"])


def _next_sentence(s: Sentence, out: Found) -> None:
    previous = just_before(s, out.sentences, out.text)
    if previous is None:
        return
    matches = [match for pattern in _TO_WITHOUT_BASE for match in pattern.finditer(s.template)]
    if len(matches) > _MOST:
        return  # a list of changes: which base goes with which is anyone's guess
    named = _content(s.text) if matches else set()
    for match in matches:
        r, b = s.index(match["r"]), s.index(match["b"])
        new = s.figures[b][0]
        if {r, b} & s.used or any(i not in s.used and i not in (r, b) and compatible(f, new)
                                  and f.unit == new.unit for i, (f, _) in enumerate(s.figures)):
            continue  # the base may stand in this sentence: the change family's to read
        if not _REFERS_BACK.search(s.template, 0, match.start()):
            continue
        noun = _noun_after(s, new)
        bases = [i for i, (f, _) in enumerate(previous.figures) if i not in previous.used
                 and f.kind == new.kind and _same_thing(previous, f, new, noun, named)]
        if len(bases) != 1:
            continue
        s.used |= {r, b}
        previous.used.add(bases[0])
        out.add("change", s, s.span(match, "dir"),
                [member("from", as_written(previous.figures[bases[0]][0]), previous.figures[bases[0]][1]),
                 member("to", as_written(new), s.figures[b][1]), member("rate", *s.figures[r])],
                direction=_direction(match["dir"]), ranking=False)


def _direction(cue: str) -> int:
    """+1 or -1 from a cue: 'up', 'a fall of', 'higher'."""
    return direction_of([word for word in cue.lower().split() if word not in ("a", "an", "of")][-1])


def _labelled(s: Sentence, out: Found) -> None:
    rates = list(_LABELLED_RATE.finditer(s.template))
    if not rates or len(rates) > _MOST:
        return
    window = [x for x in out.sentences[-1 - _LABEL_WINDOW:-1] if s.paragraph - x.paragraph <= 1] + [s]
    labelled: dict[str, list[tuple[Sentence, int]]] = {}
    for x in window:
        for m in _LABELLED.finditer(x.template):
            labelled.setdefault(singular(m["label"].lower()), []).append((x, x.index(m["x"])))
    for match in rates:
        r = s.index(match["r"])
        if r in s.used:
            continue
        found = [(x, i) for x, i in labelled.get(singular(match["label"].lower()), []) if i not in x.used]
        if len(found) != 2 or found[0][0] is found[1][0]:
            continue
        (one, i), (other, j) = found
        first, second = one.figures[i], other.figures[j]
        if first[0].unit != second[0].unit or not compatible(first[0], second[0]) or \
                first[0].value == second[0].value:
            continue
        up = match["dir"].lower() in ("higher", "more", "up", "above")
        low, high = sorted((first, second), key=lambda item: item[0].value)
        start, end = (low, high) if up else (high, low)
        s.used.add(r)
        one.used.add(i)
        other.used.add(j)
        out.add("change", s, s.span(match, "dir"),
                [member("from", as_written(start[0]), start[1]), member("to", as_written(end[0]), end[1]),
                 member("rate", *s.figures[r])], direction=1 if up else -1, ranking=False)
