"""Parts: figures that make up one whole ("40 staff, of whom 25 nurses and 15 doctors")."""

from __future__ import annotations

import re

from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import HEDGE_WORDS, Sentence, fig

RELATIONS = {
    "parts": "parts of one whole; roles part (repeated), rest (an explicit remainder), whole (optional); "
             "details: closed (the parts are meant to fill the whole)",
}


_WHOLE_FIRST = re.compile(
    rf"(?:^\W*|[,:;]\s*)(?P<cue>of|among|out of)\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+|all\s+)?"
    rf"{HEDGE_WORDS}{fig('b', 'N')}\s+[a-z][\w\s'-]{{0,40}}?,", re.IGNORECASE)
_WHOLE_THEN_PARTS = re.compile(
    rf"(?<!top )(?<!top-){fig('b', 'N')}\s+(?!times\b)[a-z][\w\s'-]{{0,50}}?,?\s*"
    rf"(?P<cue>including|included|includes|include|of whom|of which|among them|comprising|made up of|"
    rf"consisting of)\s", re.IGNORECASE)
_CLOSING = ("comprising", "made up of", "consisting of")
_NOT_A_PART = re.compile(r"(?:number|No\.|position|place|top|at|ranked|aged|aged over|aged under|than)\s+$",
                         re.IGNORECASE)
_WHOLE_AFTER = re.compile(
    rf"(?P<cue>,?\s{{0,3}}(?:a total of|totalling|totaling|making|in total|in all|altogether|"
    rf"out of a total of|bringing the total to|for a total of|adding up to))\s+{HEDGE_WORDS}{fig('b', 'N')}",
    re.IGNORECASE)
_REST = re.compile(r"\b(?:the rest|the remaining|the remainder|remaining|others|other|the other|"
                   r"undecided|don't know|did not know|no opinion|neither)\b", re.IGNORECASE)


def in_sentence(s: Sentence, out: Found) -> None:
    if s.cues.count("⟨n") < 3:
        return  # a whole and at least two parts, all counts
    whole_first = _WHOLE_FIRST.search(s.template) or _WHOLE_THEN_PARTS.search(s.template)
    if whole_first and s.index(whole_first["b"]) not in s.used:
        whole, tail, cue = s.index(whole_first["b"]), whole_first.end(), whole_first.span("cue")
    else:
        whole_after = _WHOLE_AFTER.search(s.template)
        if not whole_after or s.index(whole_after["b"]) in s.used:
            return
        whole, tail, cue = s.index(whole_after["b"]), 0, whole_after.span("cue")
    scope = s.template[tail:] if tail else s.template[:cue[0]]
    parts = [(m, s.index(m.group())) for m in re.finditer(r"⟨N\d+⟩", scope)
             if s.index(m.group()) not in s.used and s.index(m.group()) != whole
             and not _NOT_A_PART.search(scope, max(0, m.start() - 12), m.start())
             and not s.figure(m.group())[0].surface[0].isupper()]  # "the Five Nations" names a thing
    if len(parts) < 2 or re.search(r"⟨[PMT]\d+⟩", scope):
        return
    if whole_first is None and cue[0] - parts[-1][0].end() > 25:
        return  # "a total of" far from the parts totals something else
    members = [member("whole", *s.figures[whole])]
    closed = whole_first is None or whole_first["cue"].lower() in _CLOSING
    for match, index in parts:
        before = scope[max(0, match.start() - 25):match.start()]
        after = scope[match.end():match.end() + 12]
        rest = bool(_REST.search(before) or re.match(r"\s+(?:others|other|the rest)\b", after))
        closed |= rest
        members.append(member("rest" if rest else "part", *s.figures[index]))
        s.used.add(index)
    s.used.add(whole)
    out.add("parts", s, (s.offsets[cue[0]], s.offsets[cue[1] - 1] + 1), members, closed=closed,
            single=False)
