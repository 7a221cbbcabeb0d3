"""Dates: years and lengths of time that must agree ("in 2004, 20 years ago", "born in 1950, aged 74")."""

from __future__ import annotations

import math
import re

from factcheck.extract.hedges import hedge_before
from factcheck.extract.relations.figures import Figure
from factcheck.extract.relations.table import Found, Member, member
from factcheck.extract.relations.template import HEDGE_WORDS, Sentence, fig, gap, nearest

RELATIONS = {
    "years_ago": "an event year and how long ago it was; roles year, duration",
    "since": "a start year and how long since; roles year, duration",
    "span": "a period between two years and its stated length; roles start, end, duration (or terms "
            "and term_length)",
    "anniversary": "an ordinal anniversary of an event year; roles ordinal, year",
    "age": "a birth year and an age; roles year, age",
}


_DURATION = (rf"(?:{HEDGE_WORDS}(?:{fig('d', 'U')}|{fig('d0', 'N')}[\s-]+(?P<unit>years?|decades?))"
             rf"|(?P<one>{HEDGE_WORDS}(?:a|one)\s+)(?P<unit2>decade|century)"
             r"|half\s+a\s+century)(?![\w-])")
_YEARS_AGO = [
    re.compile(rf"\bin\s+{fig('y', 'Y')}{gap(40)}{_DURATION}\s+(?P<cue>ago|earlier)\b", re.IGNORECASE),
    re.compile(rf"{_DURATION}\s+(?P<cue>ago)\b,?\s+(?:in\s+|back in\s+)?{fig('y', 'Y')}", re.IGNORECASE),
    re.compile(rf"\bthe\s+{fig('y', 'Y')}\s+[a-z-]+(?:[\s,]+[a-z-]+){{0,3}}?,?\s+(?:some\s+)?{_DURATION}\s+"
               rf"(?P<cue>ago)\b", re.IGNORECASE),
]
_SINCE = [
    re.compile(rf"\b(?P<cue>since)\s+{fig('y', 'Y')}{gap(40)}\b(?:for|of|over|in)\s+"
               rf"(?:the\s+(?:past|last)\s+)?{_DURATION}", re.IGNORECASE),
    re.compile(rf"\b(?P<cue>since)\s+{fig('y', 'Y')}\s*(?:,|[-–—(])\s*{_DURATION}"
               r"(?!\s+(?:ago|later|earlier|after|before|on|old))", re.IGNORECASE),
    re.compile(rf"\b(?:for|in|over)\s+(?:the\s+(?:past|last)\s+)?{_DURATION},?\s+(?:ever\s+)?(?P<cue>since)\s+"
               rf"{fig('y', 'Y')}", re.IGNORECASE),
]
# "25 years since the 1999 merger": counted to the article's date when the sentence has one year.
_SINCE_EVENT = re.compile(
    rf"{_DURATION}\s+(?:have\s+passed\s+|has\s+passed\s+)?(?P<cue>since|after|on\s+from)\s+"
    rf"(?:the\s+|its\s+|their\s+)?"
    rf"(?:[\w'-]+\s+){{0,5}}?{fig('y', 'Y')}", re.IGNORECASE)
_SPAN = re.compile(
    rf"\b(?:from|between)\s+{fig('y1', 'Y')}\s+(?P<cue>to|and|until|till|through)\s+{fig('y2', 'Y')}"
    rf"|{fig('y3', 'Y')}\s*(?P<cue2>[-–])\s*{fig('y4', 'Y')}"
    rf"|\bin\s+{fig('y5', 'Y')}(?:[^⟨;:]|⟨[NDXUV]\d+⟩){{0,60}}?"
    rf"\b(?P<cue3>until|till|ends?\s+in|expires?\s+in|runs?\s+(?:until|to))\s+{fig('y6', 'Y')}",
    re.IGNORECASE)
_SPAN_LENGTH = re.compile(
    rf"\b(?:for|of|lasted|spanning|over|the|after)\s+{_DURATION}"
    rf"|{fig('d2', 'N')}-year\s+(?:period|rule|reign|tenure|career|spell|stint|war|run|term|presidency|"
    rf"premiership|history|gap|ban|sentence)\b",
    re.IGNORECASE)
_TERMS = re.compile(
    rf"{fig('k', 'N')}\s+(?:consecutive\s+|successive\s+|straight\s+|full\s+)?"
    rf"{fig('l', 'N')}-year\s+terms?\b",
    re.IGNORECASE)
_AFTER = re.compile(
    rf"{fig('y2', 'Y')}{gap(40)}{_DURATION}\s+(?P<cue>after|later than|since)\b{gap(40)}{fig('y1', 'Y')}",
    re.IGNORECASE)
_LATER = re.compile(
    rf"{fig('y1', 'Y')}{gap(60)}{_DURATION}\s+(?P<cue>later|on)\b,?\s+(?:in\s+)?{fig('y2', 'Y')}",
    re.IGNORECASE)
# Present perfect after a start: "elected in 2005, he has served for 25 years".
_SERVED = re.compile(
    rf"\b(?:elected|appointed|joined|became|took office|came to power|founded|formed|started|began|arrived|"
    rf"moved|opened|launched|set up|established)\s+(?:[\w'-]+\s+){{0,3}}?in\s+{fig('y', 'Y')}{gap(80)}"
    rf"\b(?P<cue>has|have|celebrates|celebrating|marks|marking)\s+(?:[a-z]+\s+){{0,3}}?"
    rf"(?:(?:for|over)\s+(?:the\s+(?:past|last)\s+)?)?{_DURATION}"
    rf"(?!\s+(?:ago|later|earlier|after|before|old))",
    re.IGNORECASE)
# An anniversary counts from the year of the event it marks, not the year it was marked in.
_EVENT_YEAR = re.compile(
    rf"(?:\bof\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?|\b(?:born|founded|formed|established|created|"
    rf"opened|launched|set up|signed|built|began|started|held|staged|completed)\s+"
    rf"(?:[\w'-]+\s+){{0,2}}?in\s+)"
    rf"{fig('y', 'Y')}",
    re.IGNORECASE)
_ANNIVERSARY = re.compile(
    r"(?P<o>⟨O\d+⟩)\s+(?P<cue>anniversary|birthday)|\b(?P<cue2>centenary|centennial|bicentenary|"
    r"bicentennial|golden jubilee|silver jubilee|diamond jubilee)\b", re.IGNORECASE)
_JUBILEES = {"centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200,
             "golden jubilee": 50, "silver jubilee": 25, "diamond jubilee": 60}
_AGE = re.compile(
    rf"{fig('a', 'A')}|{fig('a7', 'N')}-year-old|\baged\s+{fig('a2', 'N')}|\bage\s+(?:of\s+)?{fig('a3', 'N')}"
    rf"|{fig('a4', 'U')}\s+old\b|{fig('a6', 'N')}\s+years?\s+old\b|(?<=[A-Za-z], ){fig('a5', 'N')}(?=,)",
    re.IGNORECASE)
_BORN = re.compile(rf"\b(?P<cue>born|built|founded|established|opened|launched|created|formed|set up|started|"
                   rf"incorporated|completed|constructed|erected|inaugurated)"
                   rf"\s+(?:in\s+)?(?:[A-Za-z]+\s+)?{fig('y', 'Y')}", re.IGNORECASE)


# "a decade", "half a century": a round length in words, read as a fifth either way unless hedged.
_ROUND_LENGTH = 0.2


def _round_length(value: float, mode: str) -> tuple[float, float]:
    """The interval of a length in words under a hedge's mode (see `factcheck.extract.hedges`)."""
    spread = _ROUND_LENGTH * value
    return {"below": (value - spread, value), "above": (value, value + spread), "up": (value, math.inf),
            "down": (0.0, value)}.get(mode, (value - spread, value + spread))


# Words every pattern of a length between years holds (each takes a `_DURATION`, a "-year" or a U
# token): a sentence with none of them states no length a year could disagree with.
_LENGTH_CUES = ("⟨u", "year", "decade", "century")


def in_sentence(s: Sentence, out: Found) -> None:
    if "⟨Y" not in s.template:
        return  # every relation here holds a year
    if s.has_cue(_LENGTH_CUES):
        _lengths(s, out)
    years = [i for i, (f, _) in enumerate(s.figures) if f.kind == "Y"]
    anniversary = _ANNIVERSARY.search(s.template)
    event = _EVENT_YEAR.search(s.template)
    if anniversary and event and len(years) == 1 and years[0] not in s.used:
        if anniversary["o"]:
            ordinal = member("ordinal", *s.figure(anniversary["o"]))
            cue = s.span(anniversary, "cue")
        else:
            cue = s.span(anniversary, "cue2")
            value = float(_JUBILEES[anniversary["cue2"].lower()])
            jubilee = Figure(*cue, out.text[cue[0]:cue[1]], value, value, value, "O", "", "")
            ordinal = member("ordinal", jubilee, -1)
        out.add("anniversary", s, cue, [ordinal, member("year", *s.figures[years[0]])])
    born, age = _BORN.search(s.template), _AGE.search(s.template)
    if born and age:
        token = age["a"] or age["a2"] or age["a3"] or age["a4"] or age["a5"] or age["a6"] or age["a7"]
        out.add("age", s, s.span(born, "cue"),
                [member("year", *s.figure(born["y"])), member("age", *s.figure(token))])


def _duration(s: Sentence, text: str, match: re.Match[str]) -> Member:
    """The length of time a `_DURATION` match states, in years, as a member."""
    if match["d"] or match["d0"]:
        figure, row = s.figure(match["d"] or match["d0"])
        decades = figure.unit == "decade" if match["d"] else match["unit"].lower().startswith("decade")
        factor = 10.0 if decades else 1.0
        scaled = Figure(figure.start, figure.end, figure.surface, figure.value * factor,
                        figure.low * factor, figure.high * factor, "N", "", figure.hedge)
        return member("duration", scaled, row)
    unit = (match["unit2"] or "").lower()
    start, end = (s.span(match, "one")[0], s.span(match, "unit2")[1]) if unit else s.span(match)
    value = {"century": 100.0, "decade": 10.0, "": 50.0}[unit]
    article = re.search(r"\b(?:a|one)\s+$", match["one"] or "")
    hedge = hedge_before(text, s.offsets[match.start("one") + article.start()] if article else start)
    low, high = _round_length(value, hedge[1] if hedge else "round")
    qualifier = hedge[0] if hedge else ""
    words = Figure(start, end, text[start:end], value, low, high, "N", "", qualifier)
    return member("duration", words, -1)


def _lengths(s: Sentence, out: Found) -> None:
    """Years with a length of time: how long ago, since when, and spans between two years."""
    text = out.text
    for name, patterns, cues in (("years_ago", _YEARS_AGO, ("ago", "earlier")),
                                 ("since", _SINCE, ("since",))):
        for pattern in patterns if s.has_cue(cues) else ():
            for match in pattern.finditer(s.template):
                if s.index(match["y"]) in s.used:
                    continue
                s.used.add(s.index(match["y"]))
                out.add(name, s, s.span(match, "cue"),
                        [member("year", *s.figure(match["y"])), _duration(s, text, match)])
    one_year = sum(f.kind == "Y" for f, _ in s.figures) == 1
    if one_year and s.has_cue(("since", "after", "from")):
        for match in _SINCE_EVENT.finditer(s.template):
            if s.index(match["y"]) not in s.used:
                s.used.add(s.index(match["y"]))
                out.add("since", s, s.span(match, "cue"),
                        [member("year", *s.figure(match["y"])), _duration(s, text, match)])
    for match in _SERVED.finditer(s.template):
        if s.index(match["y"]) not in s.used:
            s.used.add(s.index(match["y"]))
            out.add("since", s, s.span(match, "cue"),
                    [member("year", *s.figure(match["y"])), _duration(s, text, match)])
    after = _AFTER.finditer(s.template) if s.has_cue(("after", "later", "since")) else ()
    for match in [*after, *_LATER.finditer(s.template)]:
        y1, y2 = s.index(match["y1"]), s.index(match["y2"])
        if {y1, y2} & s.used:
            continue
        s.used |= {y1, y2}
        out.add("span", s, s.span(match, "cue"),
                [member("start", *s.figures[y1]), member("end", *s.figures[y2]), _duration(s, text, match)])
    span = _SPAN.search(s.template)
    if span is None:
        return
    years = sum(f.kind == "Y" for f, _ in s.figures)
    names = ("y1", "y2") if span["y1"] else (("y3", "y4") if span["y3"] else ("y5", "y6"))
    y1, y2 = (s.index(span[name]) for name in names)
    if {y1, y2} & s.used:
        return
    members = [member("start", *s.figures[y1]), member("end", *s.figures[y2])]
    reach = 10_000 if years == 2 else 60  # with other years about, only a length next to the span
    terms = nearest(_TERMS, s.template, span, reach)
    length = nearest(_SPAN_LENGTH, s.template, span, reach)
    if terms:
        members += [member("terms", *s.figure(terms["k"])), member("term_length", *s.figure(terms["l"]))]
    elif length and length["d2"]:
        members.append(member("duration", *s.figure(length["d2"])))
    elif length:
        members.append(_duration(s, text, length))
    if len(members) > 2:
        s.used |= {y1, y2}
        cue = next(name for name in ("cue", "cue2", "cue3") if span[name])
        out.add("span", s, s.span(span, cue), members)
