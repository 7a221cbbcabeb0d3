"""Shares: a part given as a share of a whole ("120 of the 400 staff, or 30%")."""

from __future__ import annotations

import re

from factcheck.extract.hedges import HEDGE_PATTERN
from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import HEDGE_WORDS, Sentence, fig, gap

RELATIONS = {
    "share": "a part given as a share of a whole; roles part, whole, share (percent)",
}


_SHARE_OF = re.compile(
    rf"{fig('a', 'N')}\s+(?P<cue>(?:out\s+)?of)\s+(?:the\s+|all\s+|its\s+|their\s+|his\s+|her\s+|"
    rf"(?:{HEDGE_PATTERN})\s+)?{fig('b', 'N')}", re.IGNORECASE)
_SHARE_AFTER = re.compile(rf"{gap(60)}(?:\(|,\s*or\s+|\s[-–—]\s*|\bor\s+){HEDGE_WORDS}{fig('p', 'P')}",
                          re.IGNORECASE)
# How a share or a count is set beside another: "120, or 30%", "(30%)", " - 30% -", ", some 120".
_ASIDE_SEP = rf"(?:,\s*or\s+|\(|\s[-–—]\s*|,\s+(?=(?:{HEDGE_PATTERN})\s))"
_PERCENT_OF = re.compile(
    rf"{fig('p', 'P')}\s+(?P<cue>of)\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[a-z][a-z'-]*\s+){{0,3}}?"
    rf"{fig('b', 'N')}{gap(50)}"
    rf"{_ASIDE_SEP}{HEDGE_WORDS}{fig('a', 'N')}"
    rf"|{fig('a2', 'N')}{gap(40)}{_ASIDE_SEP}{HEDGE_WORDS}{fig('p2', 'P')}\s+"
    rf"(?P<cue2>of)\s+"
    rf"(?:the\s+|all\s+|its\s+|their\s+|a total of\s+)?(?:[a-z][a-z'-]*\s+){{0,3}}?{fig('b2', 'N')}",
    re.IGNORECASE)


def in_sentence(s: Sentence, out: Found) -> None:
    for match in _PERCENT_OF.finditer(s.template):
        suffix = "2" if match["a2"] else ""
        a, b, p = (s.index(match[name + suffix]) for name in ("a", "b", "p"))
        if {a, b, p} & s.used or s.figures[a][0].value > s.figures[b][0].value:
            continue  # a "whole" smaller than its part was misread
        s.used |= {a, b, p}
        out.add("share", s, s.span(match, "cue" + suffix),
                [member("part", *s.figures[a]), member("whole", *s.figures[b]),
                 member("share", *s.figures[p])])
    for match in _SHARE_OF.finditer(s.template):
        a, b = s.index(match["a"]), s.index(match["b"])
        if {a, b} & s.used:
            continue
        s.used |= {a, b}
        members = [member("part", *s.figures[a]), member("whole", *s.figures[b])]
        after = _SHARE_AFTER.match(s.template, match.end())
        if after and s.index(after["p"]) not in s.used:
            s.used.add(s.index(after["p"]))
            members.append(member("share", *s.figures[s.index(after["p"])]))
            out.add("share", s, s.span(match, "cue"), members)
        else:
            out.add("parts", s, s.span(match, "cue"), members, closed=False, single=True)
