"""Per unit: a total split over a count ("£2m on 400 laptops, £5,000 each")."""

from __future__ import annotations

import re

from factcheck.extract.relations.figures import Figure
from factcheck.extract.relations.table import Found, member
from factcheck.extract.relations.template import Sentence, fig
from factcheck.extract.units import singular

RELATIONS = {
    "per_unit": "a total split over a count; roles total, count, each",
}


_EACH = re.compile(
    rf"{fig('e', 'MN')}(?:\s+[a-z-]+){{0,2}}?\s*\b(?P<cue>each|apiece|a piece|a head|per head|per person|"
    rf"per capita|"
    rf"per\s+(?P<per>[a-z]+)|for each\s+(?!of\b)(?P<per2>[a-z]+)|a\s+(?P<per3>[a-z]+)\s+each|"
    rf"an?\s+(?P<per4>[a-z]+))\b"
    rf"|\b(?P<cue2>each)\s+(?:costing|worth|at|priced at|valued at|for)\s+{fig('e2', 'MN')}"
    rf"|{fig('e3', 'M')}\s+(?:\w+\s+)?(?:to|for)\s+(?P<cue3>each)\s+of\s+(?:the\s+|its\s+|their\s+)?"
    rf"{fig('c3', 'N')}"
    rf"|\b(?P<cue4>[Ee]ach)\s+of\s+(?:the\s+|its\s+|their\s+)?{fig('c4', 'N')}[^⟨]{{0,50}}?"
    rf"{fig('e4', 'M')}",
    re.IGNORECASE)
# Every amount split over a count is money or a count, so are the totals it is split from: a
# sentence without either token has no candidate (`_EACH` needs one too).
_AMOUNT_TOKENS = ("⟨m", "⟨n")
_SPANS_OF_TIME = {"year", "month", "week", "day"}  # "£1.5bn over five years, or £300m a year"
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "annum", "cent", "game",
               "match", "season", "night", "shift", "quarter", "mile", "kilometre", "km", "litre", "gallon",
               "kilogram", "kg", "tonne", "ton", "pound", "unit", "share", "barrel"}


def _base(unit: str) -> str:
    """The unit an amount is counted in: 'dollar' for '$300m' and for '$300m a year'."""
    return unit.split(" per ")[0]


def _candidates(s: Sentence) -> list[tuple[int, str, tuple[int, int], int | None]]:
    """Each amount that may be a share of a total: (figure, what it is per, cue span, its count if named).

    A cue after or before the amount ("each", "per home", "for each of the 40"), or the rate the
    extractor read into the amount's unit ("$300m a year").
    """
    found = []
    for match in _EACH.finditer(s.template):
        token = match["e"] or match["e2"] or match["e3"] or match["e4"]
        per = (match["per"] or match["per2"] or match["per3"] or match["per4"] or "").lower()
        cue = next(name for name in ("cue", "cue2", "cue3", "cue4") if match[name])
        named = match["c3"] or match["c4"]
        found.append((s.index(token), per, s.span(match, cue), s.index(named) if named else None))
    taken = {index for index, *_ in found}
    for index, (figure, _) in enumerate(s.figures):
        if figure.kind == "M" and " per " in figure.unit and index not in taken:
            unit_start = figure.start + len(figure.surface.rstrip()) - len(figure.surface.split()[-1])
            found.append((index, figure.unit.split(" per ")[1], (unit_start, figure.end), None))
    return sorted(found, key=lambda item: item[2])


def in_sentence(s: Sentence, out: Found) -> None:
    """A total, a count and an amount each; the total may stand in the sentence before, in the same
    paragraph ("The appeal raised £2.6m. Some 18,000 people gave, an average of £140 each.")."""
    if not s.has_cue(_AMOUNT_TOKENS):
        return
    text, previous = out.text, out.previous
    for index, per, cue, named in _candidates(s):
        each = s.figures[index][0]
        if index in s.used or (per.rstrip("s") in _TIME_UNITS and per.rstrip("s") not in _SPANS_OF_TIME):
            continue
        # plain numbers split only in like units: "1,200 tonnes ... 30 tonnes per village"
        totals = [i for i, (f, _) in enumerate(s.figures)
                  if i != index and i not in s.used and f.kind == each.kind and f.value > each.value
                  and _base(f.unit) == _base(each.unit)
                  and not (f.kind == "N" and not f.unit
                           and _noun_after(text, f.end) != _noun_after(text, each.end))]
        counts = [i for i, (f, _) in enumerate(s.figures)
                  if i != index and i not in totals and i not in s.used and f.value >= 2
                  and f.value == int(f.value)
                  and (f.kind == "N" or (f.kind in "UV" and per.rstrip("s") in _SPANS_OF_TIME))]
        if named is not None:
            counts = [named]
        if per:  # "£5,000 per home" splits over a count of homes
            counts = [i for i in counts if _counts(text, s.figures[i][0], per)]
        if len(counts) != 1:
            continue
        total_figure: tuple[Figure, int] | None = s.figures[totals[0]] if len(totals) == 1 else None
        if not totals and previous is not None and each.kind == "M":
            earlier = [i for i, (f, _) in enumerate(previous.figures) if i not in previous.used
                       and f.kind == "M" and _base(f.unit) == _base(each.unit) and f.value > each.value]
            if len(earlier) == 1:
                total_figure = previous.figures[earlier[0]]
                previous.used.add(earlier[0])
        if total_figure is None:
            continue
        s.used |= {index, counts[0], *totals}
        out.add("per_unit", s, cue,
                [member("total", *total_figure), member("count", *s.figures[counts[0]]),
                 member("each", *s.figures[index])])


_NOUN = re.compile(r"\s*(?:[a-z-]+\s+){0,2}?([a-z]+)")


def _same_noun(one: str, other: str) -> bool:
    """'buses' and 'bus', 'homes' and 'home', 'countries' and 'country' name the same thing."""
    one, other = one.lower(), other.lower()
    return singular(one) == singular(other) or one.rstrip("es") == other.rstrip("es")


def _noun_after(text: str, offset: int) -> str:
    match = _NOUN.match(text, offset)
    return match.group(1).lower() if match else ""


def _counts(text: str, figure: Figure, per: str) -> bool:
    """Whether `figure` counts `per` things: '2,000 electric vans' counts vans, 'five years' years."""
    if figure.unit and _same_noun(figure.unit, per):
        return True
    words = re.findall(r"[a-z][a-z-]*", text[figure.end:figure.end + 40].lower())[:3]
    return any(_same_noun(word, per) for word in words)
