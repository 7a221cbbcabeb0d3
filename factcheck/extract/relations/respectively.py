"""Respectively: lists of figures paired in order ("rose to 560 and 270 from 500 and 250 respectively").

A sentence with "respectively" may give two or three lists of equal length: the figures after
"from" (where each thing started), after "to" or "at" (where it ended), and percentages after a
verb of change or "by" (how much each moved): "Sales in the north and south rose 12% and 8%
respectively, to £560m and £270m from £500m and £250m". The n-th figures of the lists belong
together; each n-th group is a `change` row (roles from, to, and rate when the rates are
listed), checked by the `percent_change` kind. The family reads before `change`, whose pairing
of the nearest "to" and "from" would join the wrong members of such lists.
"""

from __future__ import annotations

import re

from factcheck.extract.relations.figures import as_written
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
)

RELATIONS: dict[str, str] = {}  # emits `change` rows (see change.py)

_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_ITEM = rf"{HEDGE_WORDS}⟨[NMPT]\d+⟩"
_LIST = re.compile(rf"(?:\b(?P<lead>from|to|at|by|of)\s+)?"
                   rf"(?P<list>{_ITEM}(?:,\s+{_ITEM}){{0,4}},?\s+and\s+{_ITEM})", re.IGNORECASE)
_TOKEN = re.compile(r"⟨([NMPT])(\d+)⟩")
_VERB_BEFORE = re.compile(rf"\b(?P<dir>{UP}|{DOWN}|{UP_NOUNS}|{DOWN_NOUNS}|increases|rises|falls|drops)\s+"
                          rf"(?:(?:by|of)\s+)?$", re.IGNORECASE)
_DIRECTION = re.compile(rf"\b(?P<dir>{UP}|{DOWN})\b", re.IGNORECASE)


def in_sentence(s: Sentence, out: Found) -> None:
    said = _RESPECTIVELY.search(s.template)
    if said is None:
        return
    lists: dict[str, list[int]] = {}
    cue: tuple[int, int] | None = None
    for match in _LIST.finditer(s.template):
        tokens = _TOKEN.findall(match["list"])
        indices = [int(index) for _, index in tokens]
        lead = (match["lead"] or "").lower()
        verb = _VERB_BEFORE.search(s.template, max(0, match.start("list") - 30), match.start("list"))
        if all(kind in "PT" for kind, _ in tokens) and (lead == "by" or verb):
            role = "rate"
            cue = s.span(verb, "dir") if verb else cue
        elif lead == "from":
            role = "from"
        elif lead in ("to", "at"):
            role = "to"
        else:
            continue
        if role in lists or set(indices) & s.used:
            return  # two lists in one role: not a plain pairing
        lists[role] = indices
    starts, ends = lists.get("from", []), lists.get("to", [])
    rates = lists.get("rate", [])
    if len(starts) < 2 or len(starts) != len(ends) or (rates and len(rates) != len(starts)):
        return
    if not all(compatible(s.figures[a][0], s.figures[b][0]) for a, b in zip(starts, ends, strict=True)):
        return
    if cue is None:
        first = min(starts + ends)
        before = s.template[:s.template.index(f"⟨{s.figures[first][0].kind}{first}⟩")]
        words = list(_DIRECTION.finditer(before))
        cue = s.span(words[-1], "dir") if words else None
    direction = direction_of(out.text[cue[0]:cue[1]]) if cue else 0
    for n, (a, b) in enumerate(zip(starts, ends, strict=True)):
        members = [member("from", as_written(s.figures[a][0]), s.figures[a][1]),
                   member("to", as_written(s.figures[b][0]), s.figures[b][1])]
        if rates:
            members.append(member("rate", *s.figures[rates[n]]))
        out.add("change", s, cue or s.span(said), members, direction=direction, ranking=False)
    s.used |= {*starts, *ends, *rates}
