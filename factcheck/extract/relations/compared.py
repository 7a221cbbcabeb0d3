"""Compared: a figure stated as a percentage above or below another ("$12bn, 20% above last year's $10bn").

The comparison is a change from the second figure to the first, so it is emitted as a `change` row
(roles from, to, rate) and checked by the `percent_change` kind like "rose from 10 to 12, up 20%".
"""

from __future__ import annotations

import re

from factcheck.extract.relations.figures import as_written
from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import HEDGE_WORDS, Sentence, compatible, fig

RELATIONS: dict[str, str] = {}  # emits `change` rows (see change.py)

_WORDS = r"(?:[\w'’-]+\s+){0,4}?"
_COMPARED = re.compile(
    rf"{fig('a', 'NM')}[^⟨;]{{0,40}}?[,(–—-]\s*(?:or\s+|some\s+|about\s+|around\s+)?{fig('p', 'P')}\s+"
    rf"(?P<cue>above|higher than|more than|greater than|up on|over|below|lower than|less than|down on|under)"
    rf"\s+{_WORDS}{HEDGE_WORDS}{fig('b', 'NM')}", re.IGNORECASE)
_UP = ("above", "higher than", "more than", "greater than", "up on", "over")


def in_sentence(s: Sentence, out: Found) -> None:
    for match in _COMPARED.finditer(s.template):
        a, p, b = (s.index(match[name]) for name in ("a", "p", "b"))
        if {a, p, b} & s.used or not compatible(s.figures[a][0], s.figures[b][0]):
            continue
        s.used |= {a, p, b}
        direction = 1 if match["cue"].lower() in _UP else -1
        members = [member("from", as_written(s.figures[b][0]), s.figures[b][1]),
                   member("to", as_written(s.figures[a][0]), s.figures[a][1]),
                   member("rate", *s.figures[p])]
        out.add("change", s, s.span(match, "cue"), members, direction=direction, ranking=False)
