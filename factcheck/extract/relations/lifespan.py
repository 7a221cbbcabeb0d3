"""Lifespans: a birth year and a death year ("born in 1921, died in 1990"), in one sentence or the
next, with whether the death came in war or service (which a child cannot have been in)."""

from __future__ import annotations

import re

from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import Sentence

RELATIONS = {
    "lifespan": "a birth year and a death year; roles born, died; details: service (the death came "
                "fighting, in action or in service)",
}

_BORN = re.compile(r"\bborn\b[^⟨.;]{0,40}?\bin\s+⟨Y(?P<i>\d+)⟩", re.IGNORECASE)
_DIED = re.compile(r"\b(?:died|was killed|were killed|killed|passed away|perished)\b[^⟨.;]{0,40}?"
                   r"\bin\s+⟨Y(?P<i>\d+)⟩", re.IGNORECASE)
_SERVICE = re.compile(r"\b(?:fighting|in action|in combat|in battle|on active service|serving|"
                      r"while on duty|as a soldier|in the trenches)\b", re.IGNORECASE)


def in_sentence(s: Sentence, out: Found) -> None:
    died = _DIED.search(s.template)
    if died is None:
        return
    born_in, born = s, _BORN.search(s.template)
    if born is None and out.previous is not None:
        born_in, born = out.previous, _BORN.search(out.previous.template)
    if born is None or (born_in is s and int(born["i"]) in s.used) or int(died["i"]) in s.used:
        return
    s.used.add(int(died["i"]))
    service = bool(_SERVICE.search(s.template, died.start(), min(len(s.template), died.end() + 60)))
    out.add("lifespan", s, s.span(died), [member("born", *born_in.figures[int(born["i"])]),
                                          member("died", *s.figures[int(died["i"])])], service=service)
