"""Breakdowns: percentages splitting one whole, such as a poll or a vote."""

from __future__ import annotations

import re

from factcheck.extract.relations.table import Found, Member, member
from factcheck.extract.relations.template import CHANGE_WORD, Sentence

RELATIONS = {
    "breakdown": "percentages splitting one whole (a poll, a vote); roles part (repeated), rest",
}


_BREAKDOWN_CUE = re.compile(
    r"\b(?:said|say|says|voted|vote|backed|back|supported|support|favoured|favored|opposed|chose|preferred|"
    r"went to|share|split|made up|accounted for|undecided|don't know|respondents|voters|poll|polled|survey|"
    r"surveyed|asked|agreed|disagreed|of the vote|of votes|others|the rest|men|women|boys|girls|male|"
    r"female|budget|spent on|goes on|went on|goes to|allocated|divided|breakdown|proportion|came from)\b",
    re.IGNORECASE)
_OF = re.compile(r"\s+of\b")
_MADE_UP = re.compile(r"\bmade\s+up\b", re.IGNORECASE)


def in_sentence(s: Sentence, out: Found) -> None:
    percents = [(m, s.index(m.group())) for m in re.finditer(r"⟨P\d+⟩", s.template)
                if s.index(m.group()) not in s.used]
    if len(percents) < 2 or not _BREAKDOWN_CUE.search(s.template) or \
            CHANGE_WORD.search(_MADE_UP.sub("", s.template)):
        return
    if sum(1 for m, _ in percents if _OF.match(s.template, m.end())) >= 2:
        return
    first, last = percents[0][0].start(), percents[-1][0].end()
    between = s.template[first:last]
    if re.search(r"⟨[NMT]\d+⟩", between):
        return
    values = [s.figures[index][0].value for _, index in percents]
    if sum(values) > 130 or sum(value > 50 for value in values) >= 2:
        return  # answers to different questions, not shares of one split
    members = []
    for match, index in percents:
        before = s.template[max(0, match.start() - 25):match.start()]
        after = s.template[match.end():match.end() + 30]
        rest = bool(re.search(r"\b(?:the rest|the remaining|the remainder|others?)\W*$", before,
                              re.IGNORECASE)
                    or re.match(r"[\s,]+(?:were\s+|said\s+they\s+were\s+)?(?:undecided|others|other|the rest|"
                                r"don't know|did not know|had no opinion|neither)\b", after, re.IGNORECASE))
        members.append(member("rest" if rest else "part", *s.figures[index]))
        s.used.add(index)
    cue = _BREAKDOWN_CUE.search(s.template)
    assert cue is not None
    out.add("breakdown", s, s.span(cue), members)


_VOTE_ANCHOR = re.compile(
    r"⟨P\d+⟩\s+of\s+(?:the\s+)?(?:popular\s+|total\s+)?(?:vote|votes|ballots|respondents|"
    r"those\s+(?:asked|polled|surveyed|questioned))\b", re.IGNORECASE)
_NOT_A_SHARE = re.compile(r"\b(?:turnout|majority|swing|rate|by(?!-))\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


def in_document(out: Found) -> None:
    """A vote or poll split over consecutive sentences of a paragraph: "Smith won 48% of the vote.
    Labour took 31% and the Conservatives 27%." (one sentence alone is `in_sentence`'s)."""
    sentences, text = out.sentences, out.text
    for position, first in enumerate(sentences):
        anchor = _VOTE_ANCHOR.search(first.template)
        if not anchor or first.index(anchor.group()[:anchor.group().index("⟩") + 1]) in first.used:
            continue
        members: list[Member] = []
        taken: list[tuple[Sentence, int]] = []
        for s in sentences[position:position + 3]:
            if s.paragraph != first.paragraph or CHANGE_WORD.search(s.template):
                break
            found = [(m, s.index(m.group())) for m in re.finditer(r"⟨P\d+⟩", s.template)
                     if s.index(m.group()) not in s.used
                     and not _NOT_A_SHARE.search(s.template, max(0, m.start() - 25), m.start())]
            if not found:
                break
            for match, index in found:
                after = s.template[match.end():match.end() + 30]
                rest = bool(re.match(r"[\s,]+(?:were\s+)?(?:undecided|others|other|the rest|don't know)\b",
                                     after, re.IGNORECASE))
                members.append(member("rest" if rest else "part", *s.figures[index]))
                taken.append((s, index))
        values = [m.value for m in members]
        if len({id(s) for s, _ in taken}) < 2 or sum(values) > 130 or sum(v > 50 for v in values) >= 2:
            continue
        for s, index in taken:
            s.used.add(index)
        last = taken[-1][0]
        merged = Sentence(text[first.start:last.start + len(last.text)], first.start, [], "", [], set(),
                          paragraph=first.paragraph)
        cue = first.span(anchor)
        out.add("breakdown", merged, cue, members)
