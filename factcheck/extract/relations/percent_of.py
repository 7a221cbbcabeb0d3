"""Percent of a stated total: "fees of 2%, which would be $40m" against a total given just before.

The amount is the stated share of a whole the article gave earlier in the sentence or in the one
before ("The sale raised $2bn. ... fees of 2%, which would be $40m"). The nearest larger amount of
the same currency is taken as the whole; the row is a `share` (part, whole, share), checked by the
`part_whole` kind. Changes ("rose 5%, or $2bn") are a share of an earlier level, not of a total,
and are left alone.
"""

from __future__ import annotations

import re

from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import CHANGE_WORD, HEDGE_WORDS, Sentence, fig

RELATIONS: dict[str, str] = {}  # emits `share` rows (see share.py)

_PERCENT_THEN_AMOUNT = re.compile(
    rf"{fig('p', 'P')}[^⟨;]{{0,30}}?,?\s*(?P<cue>which would be|which would amount to|which is|which was|"
    rf"which equals|equal to|equivalent to|amounting to|which amounts to|that is|or about|or roughly|"
    rf"or some)\s+{HEDGE_WORDS}{fig('x', 'M')}", re.IGNORECASE)


def in_sentence(s: Sentence, out: Found) -> None:
    for match in _PERCENT_THEN_AMOUNT.finditer(s.template):
        p, x = s.index(match["p"]), s.index(match["x"])
        if {p, x} & s.used or CHANGE_WORD.search(s.template, max(0, match.start() - 40), match.start("cue")):
            continue
        amount = s.figures[x][0]
        before = [figure for index, figure in enumerate(s.figures[:p]) if index not in s.used]
        if out.previous is not None:
            before = list(out.previous.figures) + before
        wholes = [(figure, row) for figure, row in before
                  if figure.kind == "M" and figure.unit == amount.unit and figure.value > amount.value]
        if not wholes:
            continue
        whole = wholes[-1]
        s.used |= {p, x}
        out.add("share", s, s.span(match, "cue"),
                [member("part", *s.figures[x]), member("whole", *whole), member("share", *s.figures[p])])
