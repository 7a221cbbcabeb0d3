"""Changes: a figure moving from one value to another ("from 200 to 250, up 25%")."""

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
    clause_gap,
    compatible,
    direction_of,
    fig,
)

RELATIONS = {
    "change": "a figure moving from one value to another; roles from, to, and optionally rate "
              "(percent or points) or delta (absolute); details: direction (+1 up, -1 down, 0 unknown), "
              "ranking (the sentence speaks of chart or table positions, where up is smaller)",
}


# Each pair pattern with the words one of which every match of it holds: a sentence with none of
# them is not scanned for that pattern.
_MORE_OR_LESS = ("more", "higher", "fewer", "less", "lower", "up", "down", "above", "below")
_PAIR_PATTERNS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(rf"\bfrom\s+{HEDGE_WORDS}{fig('a', 'NMP')}{clause_gap(45)}\b(?P<cue>to)\s+{HEDGE_WORDS}"
                rf"{fig('b', 'NMP')}", re.IGNORECASE), ("from",)),
    (re.compile(rf"{fig('b', 'NMP')},?\s+(?P<cue>up|down|a rise of|an increase of|a fall of|a drop of|"
                rf"a decline of|a decrease of)\s+{HEDGE_WORDS}⟨[PT]\d+⟩\s+(?:from|on|compared with|against|"
                rf"over)\s+(?:the\s+|last year's\s+|the previous year's\s+|a year earlier's\s+)?{HEDGE_WORDS}"
                rf"{fig('a', 'NMP')}", re.IGNORECASE),
     ("up", "down", "rise", "increase", "fall", "drop", "decline", "decrease")),
    (re.compile(rf"{fig('b', 'NMP')},?\s+(?:an?\s+)?{HEDGE_WORDS}⟨[PT]\d+⟩\s+"
                rf"(?:rise|increase|jump|gain|fall|drop|decline|decrease|cut|reduction)\s+"
                rf"(?P<cue>from|on|compared with|against)\s+"
                rf"(?:the\s+|last year's\s+)?{HEDGE_WORDS}{fig('a', 'NMP')}", re.IGNORECASE),
     ("rise", "increase", "jump", "gain", "fall", "drop", "decline", "decrease", "cut", "reduction")),
    (re.compile(rf"{fig('b', 'NMP')}{clause_gap(40, commas=True)}{HEDGE_WORDS}⟨P\d+⟩\s+(?P<cue>more|higher|"
                rf"fewer|less|lower|up|down|above|below)\s+(?:than|on|from)\s+(?:the\s+|last year's\s+)?"
                rf"(?:[a-z]+\s+){{0,2}}?{HEDGE_WORDS}{fig('a', 'NMP')}", re.IGNORECASE), _MORE_OR_LESS),
    (re.compile(rf"⟨P\d+⟩\s+(?P<cue>higher|lower|more|less|up|down|above|below)\s+(?:than|on|from)\s+"
                rf"(?:the\s+|last year's\s+)?(?:[a-z]+\s+){{0,2}}?{HEDGE_WORDS}{fig('a', 'NMP')}"
                rf"{clause_gap(30, commas=True)}\b(?:at|to)\s+{HEDGE_WORDS}{fig('b', 'NMP')}",
                re.IGNORECASE), _MORE_OR_LESS),
    (re.compile(rf"\b(?:to|at)\s+{HEDGE_WORDS}{fig('b', 'NMP')}{clause_gap(50, commas=True)}(?P<cue>\bfrom|"
                rf"\bcompared (?:with|to)|\bagainst|\bversus)\s+{HEDGE_WORDS}{fig('a', 'NMP')}",
                re.IGNORECASE), ("from", "compared", "against", "versus")),
    (re.compile(rf"{fig('b', 'NMP')}{clause_gap(40, commas=True)}(?P<cue>\b(?:up|down) from|"
                rf"\bcompared (?:with|to)|\bagainst)\s+{HEDGE_WORDS}{fig('a', 'NMP')}", re.IGNORECASE),
     ("from", "compared", "against")),
]
_RATE_PATTERNS = [
    re.compile(rf"\b(?P<dir>{UP}|{DOWN})\s+(?:by\s+)?{HEDGE_WORDS}{fig('r', 'PT')}", re.IGNORECASE),
    re.compile(rf"\b(?P<dir>{UP}|{DOWN})\s+(?:[a-z][a-z'-]*\s+){{1,3}}?by\s+{HEDGE_WORDS}"
               rf"{fig('r', 'PT')}", re.IGNORECASE),
    re.compile(rf"{fig('r', 'PT')}\)?\s+(?P<dir>{UP_NOUNS}|{DOWN_NOUNS})\b",  # bracketed: "20p (6%) more"
               re.IGNORECASE),
    re.compile(rf"\b(?P<dir>{UP_NOUNS}|{DOWN_NOUNS}|increases|rises|falls|drops)\s+(?:of|by)\s+"
               rf"{HEDGE_WORDS}{fig('r', 'PT')}", re.IGNORECASE),
    re.compile(rf"\b(?P<dir>{UP}|{DOWN})\s+by\s+{HEDGE_WORDS}{fig('d', 'NM')}", re.IGNORECASE),
    re.compile(rf"\b(?P<dir>rise|increase|fall|drop|decline|decrease|cut|reduction|gain)\s+of\s+"
               rf"{HEDGE_WORDS}{fig('d', 'NM')}", re.IGNORECASE),
]
# A rate that names a measure of its own is not the change between the pair: "£3.15, up from £3.00,
# a rise of 12% in the price per 100g" (a per-unit price), "... a fall of 2% in real terms".
_OWN_MEASURE = re.compile(r"\s+in\s+(?:(?:the|its|their)\s+)?(?:[\w'-]+\s+){1,3}?per\b"
                          r"|\s+in\s+real\s+terms\b", re.IGNORECASE)
_DIRECTION_WORD = re.compile(rf"\b(?P<dir>{UP}|{DOWN})\b", re.IGNORECASE)


def in_sentence(s: Sentence, out: Found) -> None:
    if sum(figure.kind in "NMP" for figure, _ in s.figures) < 2:
        return  # every pair pattern takes two counts, amounts or percentages
    pairs: list[tuple[re.Match[str], int, int]] = []
    for pattern, cues in _PAIR_PATTERNS:
        for match in pattern.finditer(s.template) if s.has_cue(cues) else ():
            a, b = s.index(match["a"]), s.index(match["b"])
            if {a, b} & s.used or not compatible(s.figures[a][0], s.figures[b][0]):
                continue
            pairs.append((match, a, b))
            s.used |= {a, b}
    if not pairs:
        return
    rates: list[tuple[re.Match[str], int, str]] = []
    for pattern in _RATE_PATTERNS:
        for match in pattern.finditer(s.template):
            name = "r" if "r" in match.groupdict() else "d"
            index = s.index(match[name])
            if _OWN_MEASURE.match(s.template, match.end()):
                continue
            if index not in s.used and all(index != other for _, other, _ in rates):
                rates.append((match, index, name))
    for pair, a, b in pairs:
        low, high = pair.span()
        near = [(min(abs(r.start() - high), abs(low - r.end())), r, i, name) for r, i, name in rates
                if _same_clause(s.template, r, pair, b)]
        members = [member("from", as_written(s.figures[a][0]), s.figures[a][1]),
                   member("to", as_written(s.figures[b][0]), s.figures[b][1])]
        direction, cue = 0, s.span(pair, "cue")
        if pair["cue"].lower() in ("up from", "down from"):
            direction = 1 if pair["cue"].lower().startswith("up") else -1
        if near:
            _, rate, index, name = min(near, key=lambda item: item[0])
            figure = s.figures[index][0]
            if name == "d" and not compatible(figure, s.figures[b][0]):
                rate = None
            else:
                members.append(member("rate" if name == "r" else "delta", *s.figures[index]))
                s.used.add(index)
                rates = [item for item in rates if item[1] != index]
                direction, cue = direction_of(rate["dir"]), s.span(rate, "dir")
        if direction == 0:
            before = s.template[max(0, low - 30):low]
            words = [w for w in _DIRECTION_WORD.finditer(before)
                     if "⟨" not in before[w.end():] and "," not in before[w.end():]]
            after = _DIRECTION_WORD.match(s.template, high, min(len(s.template), high + 12))
            if words:
                word = words[-1]
                direction = direction_of(word["dir"])
                shift = max(0, low - 30)
                cue = s.offsets[shift + word.start()], s.offsets[shift + word.end() - 1] + 1
            elif after:
                direction, cue = direction_of(after["dir"]), s.span(after)
        out.add("change", s, cue, members, direction=direction,
                ranking=bool(_RANKING.search(s.text)))


# Positions in a chart or table: going "up" means a smaller number.
_RANKING = re.compile(r"\b(?:charts?|number|No\.|places?|position|rank|ranked|ranking|spot|table|seeds?|"
                      r"seeded|league|list|top)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"\b(?:and|but|while|whereas|although|after|before|when|as|because|since(?!\s+⟨Y)|"
                           r"which|who|said|says|reported|announced)\b|;|⟨[NMPT]\d+⟩")
_RATE_REACH = 60  # characters between a rate and its pair, at most
_RATE_TO = re.compile(r"\s+to\s+(?:\w+\s+){0,2}?(⟨[NMP]\d+⟩)")


def _same_clause(template: str, rate: re.Match[str], pair: re.Match[str], to: int) -> bool:
    """Whether a rate ("up 30%") speaks of a pair: nothing but words of one clause between them,
    and the rate does not lead to a figure of its own ("rose 4.5% to $193bn")."""
    if rate.end() <= pair.start():
        between = template[rate.end():pair.start()]
    elif pair.end() <= rate.start():
        between = template[pair.end():rate.start()]
    else:
        between = ""
    if len(between) > _RATE_REACH or _CLAUSE_BREAK.search(between):
        return False
    leads = _RATE_TO.match(template, rate.end())
    return not (leads and int(leads.group(1)[2:-1]) != to)
