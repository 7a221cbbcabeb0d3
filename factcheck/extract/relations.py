"""Relations: figures paired with the words that relate them ("from 200 to 250, up 30%").

The quantities table says what each figure is; this module says how figures in one sentence
(or, for `same_concept`, one article) bear on each other, so the arithmetic rule kinds can check
them. Each sentence is rewritten as a template in which every figure is a token such as `⟨P3⟩`
(kind letter, index), and cue patterns are matched over that template: a cue never has to
re-parse a number, and a number already used by one relation is easy to see.

The relations table has one row per relation (columns in `RELATION_COLUMNS`). `members` holds
the figures involved, each a `Member` with its role, span, value and interval; the interval is the
hull of what the wording implies (hedge words, digits written) and the quantities table's own
interval for the same figure, so a check never reads a figure more strictly than the extractor.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from factcheck.extract.dates import MONTHS
from factcheck.intervals import Interval

# --- figures -----------------------------------------------------------------------------------

# Kind letters used in templates: P percent, T percentage points, M money, N plain number,
# Y calendar year, O ordinal, D day of a month, X currency conversion in brackets, U a length of
# time ("two years", "six months": only date arithmetic uses it).
_CURRENCY = r"(?:US\$|A\$|C\$|HK\$|NZ\$|\$|£|€|¥)"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
    "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventy-fifth": 75, "hundredth": 100,
}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12, "tn": 1e12, "trn": 1e12}
_WORD_NUMBER = (r"(?:" + "|".join(sorted((w for w in _WORD_NUMBERS if _WORD_NUMBERS[w] >= 20), key=len,
                                         reverse=True))
                + r")(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
                + "|".join(sorted((w for w in _WORD_NUMBERS if _WORD_NUMBERS[w] < 20), key=len,
                                  reverse=True)))
_FRACTIONS = {"half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3,
              "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0,
              "three-quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0}
_FIGURE = re.compile(
    rf"(?P<fraction>\b(?:{'|'.join(sorted(_FRACTIONS, key=len, reverse=True))})\b(?=\s+of\b)"
    r"|(?<=by )(?:a third|a quarter|a fifth|two-thirds|two thirds|three-quarters|three quarters)\b)|"
    rf"(?P<ordinal>\b\d+(?:st|nd|rd|th)\b|\b(?:{'|'.join(sorted(_ORDINAL_WORDS, key=len, reverse=True))})\b)"
    rf"|(?:(?P<currency>{_CURRENCY})\s?)?"
    r"(?P<number>(?<![\w.,/])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]\d)|\b(?:" + _WORD_NUMBER + r")\b)"
    r"(?P<scale>\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|tn|trn|m|k)\b)?"
    r"(?P<suffix>\s?%|\s?per\s?cent\b|\s?percent\b|pc\b|\s(?:percentage|per\s?cent(?:age)?)\s+points?\b"
    r"|\s(?:euros?|dollars?|pounds?|yen|yuan|rupees?|francs?|pence|cents?|riyals?|roubles?|rubles?|"
    r"pesos?|dinars?|rand|shekels?|kronor|krona|kroner|naira|baht|won)\b|p\b)?"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_BEFORE_MONTH = re.compile(rf"\s+(?:{_MONTH_NAMES})\b", re.IGNORECASE)
_MONTH_BEFORE_DAY = re.compile(rf"\b(?:{_MONTH_NAMES})\.?\s+$", re.IGNORECASE)
_HEDGE = re.compile(
    r"(?P<hedge>about|around|approximately|roughly|some|circa|an estimated|estimated|nearly|almost|close to|"
    r"just under|just over|more than|over|above|in excess of|at least|less than|fewer than|under|below|"
    r"at most|up to|no more than)\s+$", re.IGNORECASE)
_APPROX = {"about", "around", "approximately", "roughly", "some", "circa", "an estimated", "estimated"}
_BELOW = {"nearly", "almost", "close to", "just under"}
_AT_LEAST = {"more than", "over", "above", "in excess of", "at least"}
_AT_MOST = {"less than", "fewer than", "under", "below", "at most", "up to", "no more than"}


@dataclass(frozen=True)
class Figure:
    """A number as written in the text, with the interval its wording allows."""

    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float
    kind: str  # template letter, see above
    unit: str  # currency symbol or word for money, '' otherwise
    hedge: str
    written: tuple[float, float] | None = None  # the interval of the wording alone, before the table's

    @property
    def interval(self) -> Interval:
        return Interval(self.low, self.high)

    def as_written(self) -> Figure:
        """This figure read only as its own digits and hedge say (see `_with_table`)."""
        if self.written is None:
            return self
        return dataclasses.replace(self, low=self.written[0], high=self.written[1], written=None)


def _number(text: str) -> tuple[float, float]:
    """Value and half the rounding step implied by how many digits are written."""
    lowered = text.lower()
    if lowered in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[lowered]), 0.0
    if "-" in lowered:
        tens, ones = lowered.split("-")
        return float(_WORD_NUMBERS[tens] + _WORD_NUMBERS[ones]), 0.0
    digits = text.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return float(digits), 0.5 * 10.0 ** -decimals


def _half_step(value: float, half_step: float, scaled: bool) -> float:
    """A scaled single digit ("2 million") is read as two significant figures, like "2.0 million"."""
    return 0.05 if scaled and half_step == 0.5 and value < 10 else half_step


def _hedged(value: float, half_step: float, hedge: str) -> tuple[float, float]:
    """The interval [low, high] a figure's hedge word and rounding allow."""
    low, high = value - half_step, value + half_step
    if hedge in _APPROX:
        spread = max(half_step, 0.05 * abs(value))
        return value - spread, value + spread
    if hedge in _BELOW:
        return min(low, value - max(half_step, 0.1 * abs(value))), value
    if hedge == "just over":
        return value, max(high, value + 0.1 * abs(value))
    if hedge in _AT_LEAST:
        return value, math.inf
    if hedge in _AT_MOST:
        return (0.0 if value >= 0 else -math.inf), value
    return low, high


_LENGTH_WORD = re.compile(r"\s*(?:tall|high|long|wide|deep|away|below|above|metres|meters|in\s+length)\b",
                          re.IGNORECASE)


def _figure(text: str, match: re.Match[str]) -> Figure | None:
    start, end = match.span()
    if match["fraction"]:  # "half of the 800 members": a share, read loosely
        value = _FRACTIONS[match["fraction"].lower()]
        return Figure(start, end, text[start:end], value, value * 0.95, value * 1.05, "P", "", "")
    if match["ordinal"]:
        word = match["ordinal"].lower()
        value = float(_ORDINAL_WORDS[word] if word in _ORDINAL_WORDS else int(word[:-2]))
        return Figure(start, end, text[start:end], value, value, value, "O", "", "")
    value, half_step = _number(match["number"])
    scale = (match["scale"] or "").strip().lower()
    suffix = re.sub(r"\s+", " ", (match["suffix"] or "").strip().lower())
    currency = match["currency"] or ""
    if scale == "m" and not currency and suffix not in ("pence", "p") and \
            ("." not in match["number"] or _LENGTH_WORD.match(text, end)):
        return None  # "the 100m", "3.5m tall" are lengths; "3.2m passengers" is a count
    factor = _SCALES.get(scale, 1.0)
    half_step = _half_step(value, half_step, factor != 1.0)
    if "point" in suffix:
        kind = "T"
    elif suffix in ("%", "per cent", "percent", "pc"):
        kind = "P"
    elif currency or suffix:
        kind, currency = "M", currency or suffix.rstrip("s")
    elif (not scale and match["number"].isdigit() and len(match["number"]) == 4
          and 1800 <= value <= 2100):
        kind = "Y"
    elif (_DAY_BEFORE_MONTH.match(text, end) or _MONTH_BEFORE_DAY.search(text, max(0, start - 12), start)) \
            and value <= 31 and not scale:
        kind = "D"
    else:
        kind = "N"
    hedge_match = _HEDGE.search(text, max(0, start - 20), start)
    hedge = hedge_match["hedge"].lower() if hedge_match else ""
    if kind == "Y":
        return Figure(start, end, text[start:end], value, value, value, kind, "", hedge)
    low, high = _hedged(value * factor, half_step * factor, hedge)
    return Figure(start, end, text[start:end], value * factor, low, high, kind, currency, hedge)


_ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")
_TIME_SPAN = re.compile(r"\s+(?:years?|decades?|months?|weeks?|days?|hours?|minutes?|quarters?|nights?)\b",
                        re.IGNORECASE)
_ASIDE = re.compile(r"\s*[(;]\s*$")


def scan_figures(text: str) -> list[Figure]:
    """Every figure written in `text` (digits, number words, ordinals), in order.

    Two kinds are set aside from the arithmetic of amounts: a currency conversion in brackets after
    an amount ("$1.13bn (£600m)", kind X) and a length of time ("two years", kind U).
    """
    figures: list[Figure] = []
    iso_dates = [match.span() for match in _ISO_DATE.finditer(text)]
    for match in _FIGURE.finditer(text):
        figure = _figure(text, match)
        if figure is None or any(start <= figure.start < end for start, end in iso_dates):
            continue
        if figure.kind == "M" and figures and figures[-1].kind in "MX" and \
                _ASIDE.search(text, figures[-1].end, figure.start):
            figure = dataclasses.replace(figure, kind="X")
        elif figure.kind == "N" and _TIME_SPAN.match(text, figure.end):
            figure = dataclasses.replace(figure, kind="U")
        figures.append(figure)
    return figures


_ROUND_NUMBER_SLACK = 0.05


def _with_table(figures: list[Figure], quantities: pd.DataFrame | None) -> list[tuple[Figure, int]]:
    """Pair each figure with the quantities-table row for the same number, widening to its interval.

    A hedge the table found widens the figure fully. Rounding the table reads into a round number
    ("2,000" as 1,500-2,500) widens it by at most 5%: a round figure in a relation is usually
    exact or close ("$2 million on 400 laptops"), and half a leading digit would hide real errors.
    The reading of the wording alone is kept in `written`: figures compared with each other (from
    and to) are written to a shared precision, so "from 2,000 to 2,500" reads both to the unit.
    """
    if quantities is None or quantities.empty:
        return [(figure, -1) for figure in figures]
    starts = quantities["start"].to_numpy()
    ends = quantities["end"].to_numpy()
    values = quantities["value"].to_numpy()
    lows = quantities["low"].to_numpy()
    highs = quantities["high"].to_numpy()
    qualifiers = quantities["qualifier"].astype(str).to_numpy()
    paired = []
    for figure in figures:
        row = -1
        for index in ((starts < figure.end) & (ends > figure.start)).nonzero()[0]:
            if math.isclose(values[index], figure.value, rel_tol=1e-6) and figure.kind != "Y":
                row = int(index)
                low, high = lows[index], highs[index]
                if math.isnan(low) or math.isnan(high):
                    break
                if qualifiers[index] == "exact":
                    spread = _ROUND_NUMBER_SLACK * abs(figure.value)
                    low, high = max(low, figure.value - spread), min(high, figure.value + spread)
                figure = dataclasses.replace(figure, low=min(figure.low, low), high=max(figure.high, high),
                                             written=(figure.low, figure.high))
                break
        paired.append((figure, row))
    return paired


# --- the relations table -----------------------------------------------------------------------

RELATIONS = {
    "change": "a figure moving from one value to another; roles from, to, and optionally rate "
              "(percent or points) or delta (absolute); details: direction (+1 up, -1 down, 0 unknown), "
              "ranking (the sentence speaks of chart or table positions, where up is smaller)",
    "multiple": "a ratio named in words (doubled, halved, twice as many); roles from/to or larger/base; "
                "details: factor, hedge",
    "share": "a part given as a share of a whole; roles part, whole, share (percent)",
    "parts": "parts of one whole; roles part (repeated), rest (an explicit remainder), whole (optional); "
             "details: closed (the parts are meant to fill the whole)",
    "breakdown": "percentages splitting one whole (a poll, a vote); roles part (repeated), rest",
    "per_unit": "a total split over a count; roles total, count, each",
    "same_concept": "two figures counting the same noun phrase in different sentences; roles first, second; "
                    "details: concept, markers (months, days, years in each sentence), near "
                    "('another', 'total', 'each', 'would' just before each figure), phrases (the "
                    "'in the ...' phrase after each)",
    "years_ago": "an event year and how long ago it was; roles year, duration",
    "since": "a start year and how long since; roles year, duration",
    "span": "a period between two years and its stated length; roles start, end, duration (or terms "
            "and term_length)",
    "anniversary": "an ordinal anniversary of an event year; roles ordinal, year",
    "age": "a birth year and an age; roles year, age",
}

RELATION_COLUMNS: dict[str, tuple[str, str]] = {
    "doc": ("string", "document name, as in the quantities table"),
    "relation": ("string", "one of: " + ", ".join(RELATIONS)),
    "cue": ("string", "the words that relate the figures, as written (e.g. 'up', 'doubled', 'each')"),
    "cue_start": ("int64", "offset of the cue in the document text"),
    "cue_end": ("int64", "offset one past the cue"),
    "sentence": ("string", "the sentence the relation stands in (the later one for same_concept)"),
    "sentence_start": ("int64", "offset of that sentence"),
    "members": ("object", "tuple of Member: the figures involved, each with a role"),
    "details": ("object", "dict of relation-specific facts (see RELATIONS)"),
}


@dataclass(frozen=True)
class Member:
    """One figure's part in a relation; `row` indexes the quantities table (-1: not in it)."""

    role: str
    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float
    kind: str
    unit: str
    hedge: str
    row: int

    @property
    def interval(self) -> Interval:
        return Interval(self.low, self.high)


def member(role: str, figure: Figure, row: int) -> Member:
    return Member(role, figure.start, figure.end, figure.surface, figure.value, figure.low, figure.high,
                  figure.kind, figure.unit, figure.hedge, row)


def empty_relations() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, (dtype, _) in RELATION_COLUMNS.items()})


# --- sentence templates ------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s)|$)", re.MULTILINE)
_TOKEN = re.compile(r"⟨([A-Z])(\d+)⟩")


@dataclass
class _Sentence:
    """A sentence with its figures replaced by tokens, and the way back to document offsets."""

    text: str
    start: int
    figures: list[tuple[Figure, int]]
    template: str
    offsets: list[int]  # template position -> document offset
    used: set[int]

    def figure(self, token: str) -> tuple[Figure, int]:
        return self.figures[int(token[2:-1])]

    def index(self, token: str) -> int:
        return int(token[2:-1])

    def span(self, match: re.Match[str], group: str | int = 0) -> tuple[int, int]:
        start, end = match.span(group)
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[start]


def _sentence(text: str, start: int, end: int, figures: list[tuple[Figure, int]]) -> _Sentence:
    parts: list[str] = []
    offsets: list[int] = []
    cursor = start
    for index, (figure, _) in enumerate(figures):
        parts.append(text[cursor:figure.start])
        offsets.extend(range(cursor, figure.start))
        token = f"⟨{figure.kind}{index}⟩"
        parts.append(token)
        offsets.extend([figure.start] * (len(token) - 1) + [figure.end - 1])
        cursor = figure.end
    parts.append(text[cursor:end])
    offsets.extend(range(cursor, end))
    offsets.append(end)
    return _Sentence(text[start:end], start, figures, "".join(parts), offsets, set())


def _fig(name: str, kinds: str) -> str:
    return rf"(?P<{name}>⟨[{kinds}]\d+⟩)"


def _gap(limit: int) -> str:
    """Up to `limit` characters holding no figure other than years, dates and asides."""
    return rf"(?:[^⟨;:]|⟨[YDXU]\d+⟩){{0,{limit}}}?"


def _clause_gap(limit: int, commas: bool = False) -> str:
    """Like `_gap`, but never across a conjunction (or a comma, unless `commas`): one clause."""
    stops = ";:" if commas else ";:,"
    return (rf"(?:(?!\b(?:and|but|while|whereas|although)\b)[^⟨{stops}]|⟨[YDXU]\d+⟩){{0,{limit}}}?")


_HEDGE_WORDS = (r"(?:(?:about|around|approximately|roughly|some|nearly|almost|close to|just|under|over|"
                r"more than|less than|at least|an estimated|estimated|an|a)\s+){0,2}")
_UP = (r"rose|risen|rises|rising|rise|increased|increases|increasing|increase|grew|grown|grows|growing|"
       r"grow|jumped|jumps|jumping|jump|climbed|climbs|climbing|climb|soared|soaring|soars|surged|surges|"
       r"surging|gained|gains|gain|up|higher|boosted|swelled|expanded|advanced|leapt|leaped|rocketed|"
       r"spiked|doubled|tripled|trebled|quadrupled")
_DOWN = (r"fell|fallen|falls|falling|fall|dropped|drops|dropping|drop|declined|declines|declining|decline|"
         r"decreased|decreases|decreasing|decrease|slumped|slumps|slump|plunged|plunges|plummeted|tumbled|"
         r"down|lower|cut|cuts|shrank|shrunk|shrinks|slid|slipped|dipped|dips|reduced|contracted|sank|"
         r"eased|halved|slashed")
_UP_NOUNS = r"rise|increase|jump|gain|growth|climb|surge|hike|boost|uplift|higher|more|up"
_DOWN_NOUNS = r"fall|drop|decline|decrease|cut|reduction|slump|slide|dip|lower|less|fewer|down"
_UP_SET = set((_UP + "|" + _UP_NOUNS).split("|"))


def _direction(word: str) -> int:
    return 1 if word.lower() in _UP_SET else -1


_PAIR_PATTERNS = [
    re.compile(rf"\bfrom\s+{_HEDGE_WORDS}{_fig('a', 'NMP')}{_clause_gap(45)}\b(?P<cue>to)\s+{_HEDGE_WORDS}"
               rf"{_fig('b', 'NMP')}", re.IGNORECASE),
    re.compile(rf"{_fig('b', 'NMP')},?\s+(?P<cue>up|down|a rise of|an increase of|a fall of|a drop of|"
               rf"a decline of|a decrease of)\s+{_HEDGE_WORDS}⟨[PT]\d+⟩\s+(?:from|on|compared with|against|"
               rf"over)\s+(?:the\s+|last year's\s+|the previous year's\s+|a year earlier's\s+)?{_HEDGE_WORDS}"
               rf"{_fig('a', 'NMP')}", re.IGNORECASE),
    re.compile(rf"{_fig('b', 'NMP')},?\s+(?:an?\s+)?{_HEDGE_WORDS}⟨[PT]\d+⟩\s+"
               rf"(?:rise|increase|jump|gain|fall|drop|decline|decrease|cut|reduction)\s+"
               rf"(?P<cue>from|on|compared with|against)\s+"
               rf"(?:the\s+|last year's\s+)?{_HEDGE_WORDS}{_fig('a', 'NMP')}", re.IGNORECASE),
    re.compile(rf"{_fig('b', 'NMP')}{_clause_gap(40, commas=True)}{_HEDGE_WORDS}⟨P\d+⟩\s+(?P<cue>more|higher|"
               rf"fewer|less|lower|up|down|above|below)\s+(?:than|on|from)\s+(?:the\s+|last year's\s+)?"
               rf"(?:[a-z]+\s+){{0,2}}?{_HEDGE_WORDS}{_fig('a', 'NMP')}", re.IGNORECASE),
    re.compile(rf"⟨P\d+⟩\s+(?P<cue>higher|lower|more|less|up|down|above|below)\s+(?:than|on|from)\s+"
               rf"(?:the\s+|last year's\s+)?(?:[a-z]+\s+){{0,2}}?{_HEDGE_WORDS}{_fig('a', 'NMP')}"
               rf"{_clause_gap(30, commas=True)}\b(?:at|to)\s+{_HEDGE_WORDS}{_fig('b', 'NMP')}",
               re.IGNORECASE),
    re.compile(rf"\b(?:to|at)\s+{_HEDGE_WORDS}{_fig('b', 'NMP')}{_clause_gap(50, commas=True)}(?P<cue>\bfrom|"
               rf"\bcompared (?:with|to)|\bagainst|\bversus)\s+{_HEDGE_WORDS}{_fig('a', 'NMP')}",
               re.IGNORECASE),
    re.compile(rf"{_fig('b', 'NMP')}{_clause_gap(40, commas=True)}(?P<cue>\b(?:up|down) from|"
               rf"\bcompared (?:with|to)|\bagainst)\s+{_HEDGE_WORDS}{_fig('a', 'NMP')}", re.IGNORECASE),
]
_RATE_PATTERNS = [
    re.compile(rf"\b(?P<dir>{_UP}|{_DOWN})\s+(?:by\s+)?{_HEDGE_WORDS}{_fig('r', 'PT')}", re.IGNORECASE),
    re.compile(rf"\b(?P<dir>{_UP}|{_DOWN})\s+(?:[a-z][a-z'-]*\s+){{1,3}}?by\s+{_HEDGE_WORDS}"
               rf"{_fig('r', 'PT')}", re.IGNORECASE),
    re.compile(rf"{_fig('r', 'PT')}\s+(?P<dir>{_UP_NOUNS}|{_DOWN_NOUNS})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<dir>{_UP_NOUNS}|{_DOWN_NOUNS}|increases|rises|falls|drops)\s+(?:of|by)\s+"
               rf"{_HEDGE_WORDS}{_fig('r', 'PT')}", re.IGNORECASE),
    re.compile(rf"\b(?P<dir>{_UP}|{_DOWN})\s+by\s+{_HEDGE_WORDS}{_fig('d', 'NM')}", re.IGNORECASE),
    re.compile(rf"\b(?P<dir>rise|increase|fall|drop|decline|decrease|cut|reduction|gain)\s+of\s+"
               rf"{_HEDGE_WORDS}{_fig('d', 'NM')}", re.IGNORECASE),
]
_DIRECTION_WORD = re.compile(rf"\b(?P<dir>{_UP}|{_DOWN})\b", re.IGNORECASE)

_FACTORS = {"doubled": 2.0, "doubling": 2.0, "doubles": 2.0, "double": 2.0, "twice": 2.0,
            "tripled": 3.0, "trebled": 3.0, "tripling": 3.0, "triples": 3.0, "triple": 3.0, "treble": 3.0,
            "quadrupled": 4.0, "quadrupling": 4.0, "quadruple": 4.0, "halved": 0.5, "halving": 0.5,
            "halves": 0.5, "half": 0.5, "twofold": 2.0, "threefold": 3.0, "fourfold": 4.0, "fivefold": 5.0,
            "tenfold": 10.0, "by half": 0.5, "in half": 0.5}
_MULTIPLIER_HEDGE = (r"(?P<mh>nearly|almost|close to|just under|more than|over|just over|about|roughly|"
                     r"around|less than|at least)?\s*")
_MULTIPLIER_VERB = re.compile(
    _MULTIPLIER_HEDGE + r"\b(?P<mv>doubled|doubling|doubles|tripled|trebled|tripling|triples|quadrupled|"
    r"quadrupling|halved|halving|halves|(?:two|three|four|five|ten)fold|⟨N\d+⟩-fold|(?<=fell )by half|"
    r"(?<=dropped )by half|(?<=cut )by half|(?<=cut )in half|(?<=declined )by half)\b", re.IGNORECASE)
_AS_MANY = re.compile(
    rf"{_fig('a', 'NMP')}{_gap(60)}(?:\b|(?=⟨)){_MULTIPLIER_HEDGE}(?:\b|(?=⟨))"
    rf"(?P<mv>twice|double|triple|half|⟨N\d+⟩ times|(?:two|three|four|five|ten) times)\s+"
    rf"(?:as\s+(?:many|much|\w+)\s+as|the\s+(?:number|amount|level|size|figure|total|rate)|that\s+of|what|"
    rf"the(?=\s+⟨)|"
    rf"(?:more|higher|larger|bigger|greater)\s+than)\b{_gap(40)}{_fig('b', 'NMP')}", re.IGNORECASE)

_EACH = re.compile(
    rf"{_fig('e', 'MN')}(?:\s+[a-z-]+){{0,2}}?\s*\b(?P<cue>each|apiece|a piece|a head|per head|per person|"
    rf"per capita|"
    rf"per\s+(?P<per>[a-z]+)|for each\s+(?!of\b)(?P<per2>[a-z]+)|a\s+(?P<per3>[a-z]+)\s+each|"
    rf"an?\s+(?P<per4>[a-z]+))\b"
    rf"|\b(?P<cue2>each)\s+(?:costing|worth|at|priced at|valued at|for)\s+{_fig('e2', 'MN')}"
    rf"|{_fig('e3', 'M')}\s+(?:\w+\s+)?(?:to|for)\s+(?P<cue3>each)\s+of\s+(?:the\s+|its\s+|their\s+)?"
    rf"{_fig('c3', 'N')}"
    rf"|\b(?P<cue4>[Ee]ach)\s+of\s+(?:the\s+|its\s+|their\s+)?{_fig('c4', 'N')}[^⟨]{{0,50}}?"
    rf"{_fig('e4', 'M')}",
    re.IGNORECASE)
_SPANS_OF_TIME = {"year", "month", "week", "day"}  # "£1.5bn over five years, or £300m a year"
_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "annum", "cent", "game",
               "match", "season", "night", "shift", "quarter", "mile", "kilometre", "km", "litre", "gallon",
               "kilogram", "kg", "tonne", "ton", "pound", "unit", "share", "barrel"}

_SHARE_OF = re.compile(
    rf"{_fig('a', 'N')}\s+(?P<cue>(?:out\s+)?of)\s+(?:the\s+|all\s+|its\s+|their\s+|his\s+|her\s+|some\s+|"
    rf"an estimated\s+|about\s+|around\s+|nearly\s+|almost\s+)?{_fig('b', 'N')}", re.IGNORECASE)
_SHARE_AFTER = re.compile(rf"{_gap(60)}(?:\(|,\s*or\s+|\s[-–—]\s*|\bor\s+){_HEDGE_WORDS}{_fig('p', 'P')}",
                          re.IGNORECASE)
# How a share or a count is set beside another: "120, or 30%", "(30%)", " - 30% -", ", some 120".
_ASIDE_SEP = r"(?:,\s*or\s+|\(|\s[-–—]\s*|,\s+(?=(?:some|about|around|roughly|nearly|almost)\s))"
_PERCENT_OF = re.compile(
    rf"{_fig('p', 'P')}\s+(?P<cue>of)\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[a-z][a-z'-]*\s+){{0,3}}?"
    rf"{_fig('b', 'N')}{_gap(50)}"
    rf"{_ASIDE_SEP}{_HEDGE_WORDS}{_fig('a', 'N')}"
    rf"|{_fig('a2', 'N')}{_gap(40)}{_ASIDE_SEP}{_HEDGE_WORDS}{_fig('p2', 'P')}\s+"
    rf"(?P<cue2>of)\s+"
    rf"(?:the\s+|all\s+|its\s+|their\s+|a total of\s+)?(?:[a-z][a-z'-]*\s+){{0,3}}?{_fig('b2', 'N')}",
    re.IGNORECASE)
_WHOLE_FIRST = re.compile(
    rf"(?:^\W*|[,:;]\s*)(?P<cue>of|among|out of)\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+|all\s+)?"
    rf"{_HEDGE_WORDS}{_fig('b', 'N')}\s+[a-z][\w\s'-]{{0,40}}?,", re.IGNORECASE)
_WHOLE_THEN_PARTS = re.compile(
    rf"(?<!top )(?<!top-){_fig('b', 'N')}\s+(?!times\b)[a-z][\w\s'-]{{0,50}}?,?\s*"
    rf"(?P<cue>including|included|includes|include|of whom|of which|among them|comprising|made up of|"
    rf"consisting of)\s", re.IGNORECASE)
_CLOSING = ("comprising", "made up of", "consisting of")
_NOT_A_PART = re.compile(r"(?:number|No\.|position|place|top|at|ranked|aged|aged over|aged under|than)\s+$",
                         re.IGNORECASE)
_WHOLE_AFTER = re.compile(
    rf"(?P<cue>,?\s*(?:a total of|totalling|totaling|making|in total|in all|altogether|out of a total of|"
    rf"bringing the total to|for a total of|adding up to))\s+{_HEDGE_WORDS}{_fig('b', 'N')}", re.IGNORECASE)
_REST = re.compile(r"\b(?:the rest|the remaining|the remainder|remaining|others|other|the other|"
                   r"undecided|don't know|did not know|no opinion|neither)\b", re.IGNORECASE)
_BREAKDOWN_CUE = re.compile(
    r"\b(?:said|say|says|voted|vote|backed|back|supported|support|favoured|favored|opposed|chose|preferred|"
    r"went to|share|split|made up|accounted for|undecided|don't know|respondents|voters|poll|polled|survey|"
    r"surveyed|asked|agreed|disagreed|of the vote|of votes|others|the rest|men|women|boys|girls|male|"
    r"female|budget|spent on|goes on|went on|goes to|allocated|divided|breakdown|proportion|came from)\b",
    re.IGNORECASE)
_MADE_UP = re.compile(r"\bmade\s+up\b", re.IGNORECASE)
_CHANGE_WORD = re.compile(
    rf"\b(?:{_UP}|{_DOWN}|{_UP_NOUNS}|{_DOWN_NOUNS}|lost|shed|added|by(?!-)|rate|rates|interest|inflation|compared|"
    r"year-on-year|annual|annually|a year|growth|margin|chance|likely|probability|stake|tax|discount)\b",
    re.IGNORECASE)

_DURATION = (rf"(?:{_HEDGE_WORDS}{_fig('d', 'NU')}[\s-]+(?P<unit>years?|decades?)"
             rf"|(?P<one>{_HEDGE_WORDS}(?:a|one)\s+)(?P<unit2>decade|century)"
             r"|half\s+a\s+century)(?![\w-])")
_YEARS_AGO = [
    re.compile(rf"\bin\s+{_fig('y', 'Y')}{_gap(40)}{_DURATION}\s+(?P<cue>ago|earlier)\b", re.IGNORECASE),
    re.compile(rf"{_DURATION}\s+(?P<cue>ago)\b,?\s+(?:in\s+|back in\s+)?{_fig('y', 'Y')}", re.IGNORECASE),
    re.compile(rf"\bthe\s+{_fig('y', 'Y')}\s+[a-z-]+(?:[\s,]+[a-z-]+){{0,3}}?,?\s+(?:some\s+)?{_DURATION}\s+"
               rf"(?P<cue>ago)\b", re.IGNORECASE),
]
_SINCE = [
    re.compile(rf"\b(?P<cue>since)\s+{_fig('y', 'Y')}{_gap(40)}\b(?:for|of|over|in)\s+"
               rf"(?:the\s+(?:past|last)\s+)?{_DURATION}", re.IGNORECASE),
    re.compile(rf"\b(?P<cue>since)\s+{_fig('y', 'Y')}\s*(?:,|[-–—(])\s*{_DURATION}"
               r"(?!\s+(?:ago|later|earlier|after|before|on|old))", re.IGNORECASE),
    re.compile(rf"\b(?:for|in|over)\s+(?:the\s+(?:past|last)\s+)?{_DURATION},?\s+(?:ever\s+)?(?P<cue>since)\s+"
               rf"{_fig('y', 'Y')}", re.IGNORECASE),
]
# "25 years since the 1999 merger": counted to the article's date when the sentence has one year.
_SINCE_EVENT = re.compile(
    rf"{_DURATION}\s+(?:have\s+passed\s+|has\s+passed\s+)?(?P<cue>since|after|on\s+from)\s+"
    rf"(?:the\s+|its\s+|their\s+)?"
    rf"(?:[\w'-]+\s+){{0,5}}?{_fig('y', 'Y')}", re.IGNORECASE)
_SPAN = re.compile(
    rf"\b(?:from|between)\s+{_fig('y1', 'Y')}\s+(?P<cue>to|and|until|till|through)\s+{_fig('y2', 'Y')}"
    rf"|{_fig('y3', 'Y')}\s*(?P<cue2>[-–])\s*{_fig('y4', 'Y')}"
    rf"|\bin\s+{_fig('y5', 'Y')}(?:[^⟨;:]|⟨[NDXU]\d+⟩){{0,60}}?"
    rf"\b(?P<cue3>until|till|ends?\s+in|expires?\s+in|runs?\s+(?:until|to))\s+{_fig('y6', 'Y')}",
    re.IGNORECASE)
_SPAN_LENGTH = re.compile(
    rf"\b(?:for|of|lasted|spanning|over|the|after)\s+{_DURATION}"
    rf"|{_fig('d2', 'N')}-year\s+(?:period|rule|reign|tenure|career|spell|stint|war|run|term|presidency|"
    rf"premiership|history|gap|ban|sentence)\b",
    re.IGNORECASE)
_TERMS = re.compile(
    rf"{_fig('k', 'N')}\s+(?:consecutive\s+|successive\s+|straight\s+|full\s+)?"
    rf"{_fig('l', 'N')}-year\s+terms?\b",
    re.IGNORECASE)
_AFTER = re.compile(
    rf"{_fig('y2', 'Y')}{_gap(40)}{_DURATION}\s+(?P<cue>after|later than|since)\b{_gap(40)}{_fig('y1', 'Y')}",
    re.IGNORECASE)
_LATER = re.compile(
    rf"{_fig('y1', 'Y')}{_gap(60)}{_DURATION}\s+(?P<cue>later|on)\b,?\s+(?:in\s+)?{_fig('y2', 'Y')}",
    re.IGNORECASE)
# Present perfect after a start: "elected in 2005, he has served for 25 years".
_SERVED = re.compile(
    rf"\b(?:elected|appointed|joined|became|took office|came to power|founded|formed|started|began|arrived|"
    rf"moved|opened|launched|set up|established)\s+(?:[\w'-]+\s+){{0,3}}?in\s+{_fig('y', 'Y')}{_gap(80)}"
    rf"\b(?P<cue>has|have|celebrates|celebrating|marks|marking)\s+(?:[a-z]+\s+){{0,3}}?"
    rf"(?:(?:for|over)\s+(?:the\s+(?:past|last)\s+)?)?{_DURATION}"
    rf"(?!\s+(?:ago|later|earlier|after|before|old))",
    re.IGNORECASE)
# An anniversary counts from the year of the event it marks, not the year it was marked in.
_EVENT_YEAR = re.compile(
    rf"(?:\bof\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?|\b(?:born|founded|formed|established|created|"
    rf"opened|launched|set up|signed|built|began|started|held|staged|completed)\s+"
    rf"(?:[\w'-]+\s+){{0,2}}?in\s+)"
    rf"{_fig('y', 'Y')}",
    re.IGNORECASE)
_ANNIVERSARY = re.compile(
    r"(?P<o>⟨O\d+⟩)\s+(?P<cue>anniversary|birthday)|\b(?P<cue2>centenary|centennial|bicentenary|"
    r"bicentennial|golden jubilee|silver jubilee|diamond jubilee)\b", re.IGNORECASE)
_JUBILEES = {"centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200,
             "golden jubilee": 50, "silver jubilee": 25, "diamond jubilee": 60}
_AGE = re.compile(
    rf"{_fig('a', 'N')}-year-old|\baged\s+{_fig('a2', 'N')}|\bage\s+(?:of\s+)?{_fig('a3', 'N')}"
    rf"|{_fig('a4', 'NU')}\s+years?\s+old\b|(?<=[A-Za-z], ){_fig('a5', 'N')}(?=,)", re.IGNORECASE)
_BORN = re.compile(rf"\b(?P<cue>born|built|founded|established|opened|launched|created|formed|set up|started|"
                   rf"incorporated|completed|constructed|erected|inaugurated)"
                   rf"\s+(?:in\s+)?(?:[A-Za-z]+\s+)?{_fig('y', 'Y')}", re.IGNORECASE)


class _Builder:
    """Collects relation rows for one document."""

    def __init__(self, doc: str) -> None:
        self.doc = doc
        self.rows: list[dict[str, object]] = []

    def add(self, relation: str, sentence: _Sentence, cue: tuple[int, int], text: str,
            members: list[Member], **details: object) -> None:
        self.rows.append({
            "doc": self.doc, "relation": relation, "cue": text[cue[0]:cue[1]], "cue_start": cue[0],
            "cue_end": cue[1], "sentence": sentence.text, "sentence_start": sentence.start,
            "members": tuple(members), "details": details,
        })


def _compatible(a: Figure, b: Figure) -> bool:
    """Whether two figures can measure the same thing: both shares, or amounts of one currency.

    A bare number goes with money only at a like size ("to 9.2 billion euros from 10 billion"), and
    no pair is 50 times apart ("one in 13 of the 48 million cards" pairs nothing).
    """
    if (a.kind == "P") != (b.kind == "P"):
        return False
    if a.kind == b.kind == "M":
        return not (a.unit and b.unit and a.unit != b.unit)
    small, large = sorted((abs(a.value), abs(b.value)))
    return small > 0 and large / small <= (20 if "M" in (a.kind, b.kind) else 50)


def _changes(s: _Sentence, text: str, out: _Builder) -> None:
    pairs: list[tuple[re.Match[str], int, int]] = []
    for pattern in _PAIR_PATTERNS:
        for match in pattern.finditer(s.template):
            a, b = s.index(match["a"]), s.index(match["b"])
            if {a, b} & s.used or not _compatible(s.figures[a][0], s.figures[b][0]):
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
            if index not in s.used and all(index != other for _, other, _ in rates):
                rates.append((match, index, name))
    for pair, a, b in pairs:
        low, high = pair.span()
        near = [(min(abs(r.start() - high), abs(low - r.end())), r, i, name) for r, i, name in rates
                if _same_clause(s.template, r, pair, b)]
        members = [member("from", s.figures[a][0].as_written(), s.figures[a][1]),
                   member("to", s.figures[b][0].as_written(), s.figures[b][1])]
        direction, cue = 0, s.span(pair, "cue")
        if pair["cue"].lower() in ("up from", "down from"):
            direction = 1 if pair["cue"].lower().startswith("up") else -1
        if near:
            _, rate, index, name = min(near, key=lambda item: item[0])
            figure = s.figures[index][0]
            if name == "d" and not _compatible(figure, s.figures[b][0]):
                rate = None
            else:
                members.append(member("rate" if name == "r" else "delta", *s.figures[index]))
                s.used.add(index)
                rates = [item for item in rates if item[1] != index]
                direction, cue = _direction(rate["dir"]), s.span(rate, "dir")
        if direction == 0:
            before = s.template[max(0, low - 30):low]
            words = [w for w in _DIRECTION_WORD.finditer(before)
                     if "⟨" not in before[w.end():] and "," not in before[w.end():]]
            after = _DIRECTION_WORD.match(s.template, high, min(len(s.template), high + 12))
            if words:
                word = words[-1]
                direction = _direction(word["dir"])
                shift = max(0, low - 30)
                cue = s.offsets[shift + word.start()], s.offsets[shift + word.end() - 1] + 1
            elif after:
                direction, cue = _direction(after["dir"]), s.span(after)
        out.add("change", s, cue, text, members, direction=direction,
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


def _multiples(s: _Sentence, text: str, out: _Builder, changes: list[dict[str, object]]) -> None:
    for match in _MULTIPLIER_VERB.finditer(s.template):
        verb = match["mv"].lower()
        factor = float(s.figure(verb.split("-")[0])[0].value) if verb.startswith("⟨") else _FACTORS[verb]
        best = None
        for row in changes:
            members = row["members"]
            assert isinstance(members, tuple)
            start = min(m.start for m in members if m.role in ("from", "to"))
            end = max(m.end for m in members if m.role in ("from", "to"))
            cue_start, cue_end = s.span(match, "mv")
            gap = text[cue_end:start] if cue_end <= start else text[end:cue_start]
            between = (cue_end, start) if cue_end <= start else (end, cue_start)
            if len(gap) > 60 or any(f.kind not in "YDXU" and between[0] <= f.start < between[1]
                                    for f, _ in s.figures):
                continue
            distance = len(gap)
            if best is None or distance < best[0]:
                best = (distance, members)
        if best is not None:
            pair = [m for m in best[1] if m.role in ("from", "to")]
            out.add("multiple", s, s.span(match, "mv"), text, pair, factor=factor,
                    hedge=(match["mh"] or "").lower())
    for match in _AS_MANY.finditer(s.template):
        a, b = s.index(match["a"]), s.index(match["b"])
        if {a, b} & s.used or not _compatible(s.figures[a][0], s.figures[b][0]):
            continue
        verb = match["mv"].lower()
        factor = s.figure(verb.split()[0])[0].value if verb.startswith("⟨") else (
            _WORD_NUMBERS[verb.split()[0]] if verb.endswith("times") else _FACTORS[verb])
        s.used |= {a, b}
        out.add("multiple", s, s.span(match, "mv"), text,
                [member("larger", s.figures[a][0].as_written(), s.figures[a][1]),
                 member("base", s.figures[b][0].as_written(), s.figures[b][1])],
                factor=float(factor), hedge=(match["mh"] or "").lower(),
                more=" more" in s.template[match.end("mv"):match.end("mv") + 6].lower())


def _per_units(s: _Sentence, text: str, out: _Builder, previous: _Sentence | None) -> None:
    """A total, a count and an amount each; the total may stand in the sentence before, in the same
    paragraph ("The appeal raised £2.6m. Some 18,000 people gave, an average of £140 each.")."""
    for match in _EACH.finditer(s.template):
        token = match["e"] or match["e2"] or match["e3"] or match["e4"]
        index = s.index(token)
        each = s.figures[index][0]
        per = (match["per"] or match["per2"] or match["per3"] or match["per4"] or "").lower()
        if index in s.used or (per.rstrip("s") in _TIME_UNITS and per.rstrip("s") not in _SPANS_OF_TIME):
            continue
        # plain numbers split only in like units: "1,200 tonnes ... 30 tonnes per village"
        totals = [i for i, (f, _) in enumerate(s.figures)
                  if i != index and i not in s.used and f.kind == each.kind and f.value > each.value
                  and not (f.kind == "M" and f.unit != each.unit)
                  and not (f.kind == "N" and _noun_after(text, f.end) != _noun_after(text, each.end))]
        counts = [i for i, (f, _) in enumerate(s.figures)
                  if i != index and i not in totals and i not in s.used and f.value >= 2
                  and f.value == int(f.value)
                  and (f.kind == "N" or (f.kind == "U" and per.rstrip("s") in _SPANS_OF_TIME))]
        if match["c3"] or match["c4"]:
            counts = [s.index(match["c3"] or match["c4"])]
        if per:  # "£5,000 per home" splits over a count of homes
            counts = [i for i in counts if _counts(text, s.figures[i][0], per)]
        if len(counts) != 1:
            continue
        total_figure: tuple[Figure, int] | None = s.figures[totals[0]] if len(totals) == 1 else None
        if not totals and previous is not None and each.kind == "M":
            earlier = [i for i, (f, _) in enumerate(previous.figures) if i not in previous.used
                       and f.kind == "M" and f.unit == each.unit and f.value > each.value]
            if len(earlier) == 1:
                total_figure = previous.figures[earlier[0]]
                previous.used.add(earlier[0])
        if total_figure is None:
            continue
        s.used |= {index, counts[0], *totals}
        cue = next(name for name in ("cue", "cue2", "cue3", "cue4") if match[name])
        out.add("per_unit", s, s.span(match, cue), text,
                [member("total", *total_figure), member("count", *s.figures[counts[0]]),
                 member("each", *s.figures[index])])


_NOUN = re.compile(r"\s*(?:[a-z-]+\s+){0,2}?([a-z]+)")


def _same_noun(one: str, other: str) -> bool:
    """'buses' and 'bus', 'homes' and 'home', 'countries' and 'country' name the same thing."""
    one, other = one.lower(), other.lower()
    return _singular(one) == _singular(other) or one.rstrip("es") == other.rstrip("es")


def _noun_after(text: str, offset: int) -> str:
    match = _NOUN.match(text, offset)
    return match.group(1).lower() if match else ""


def _counts(text: str, figure: Figure, per: str) -> bool:
    """Whether `figure` counts `per` things: '2,000 electric vans' counts vans."""
    words = re.findall(r"[a-z][a-z-]*", text[figure.end:figure.end + 40].lower())[:3]
    return any(_same_noun(word, per) for word in words)


def _shares(s: _Sentence, text: str, out: _Builder) -> None:
    for match in _PERCENT_OF.finditer(s.template):
        suffix = "2" if match["a2"] else ""
        a, b, p = (s.index(match[name + suffix]) for name in ("a", "b", "p"))
        if {a, b, p} & s.used or s.figures[a][0].value > s.figures[b][0].value:
            continue  # a "whole" smaller than its part was misread
        s.used |= {a, b, p}
        out.add("share", s, s.span(match, "cue" + suffix), text,
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
            out.add("share", s, s.span(match, "cue"), text, members)
        else:
            out.add("parts", s, s.span(match, "cue"), text, members, closed=False, single=True)


def _parts(s: _Sentence, text: str, out: _Builder) -> None:
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
    out.add("parts", s, (s.offsets[cue[0]], s.offsets[cue[1] - 1] + 1), text, members, closed=closed,
            single=False)


def _breakdown(s: _Sentence, text: str, out: _Builder) -> None:
    percents = [(m, s.index(m.group())) for m in re.finditer(r"⟨P\d+⟩", s.template)
                if s.index(m.group()) not in s.used]
    if len(percents) < 2 or not _BREAKDOWN_CUE.search(s.template) or \
            _CHANGE_WORD.search(_MADE_UP.sub("", s.template)):
        return
    if sum(1 for m, _ in percents if re.match(r"\s+of\b", s.template[m.end():])) >= 2:
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
    out.add("breakdown", s, s.span(cue), text, members)


_VOTE_ANCHOR = re.compile(
    r"⟨P\d+⟩\s+of\s+(?:the\s+)?(?:popular\s+|total\s+)?(?:vote|votes|ballots|respondents|"
    r"those\s+(?:asked|polled|surveyed|questioned))\b", re.IGNORECASE)
_NOT_A_SHARE = re.compile(r"\b(?:turnout|majority|swing|rate|by(?!-))\W+(?:\w+\W+){0,2}$", re.IGNORECASE)


def _vote_breakdowns(sentences: list[_Sentence], text: str, out: _Builder) -> None:
    """A vote or poll split over consecutive sentences of a paragraph: "Smith won 48% of the vote.
    Labour took 31% and the Conservatives 27%." (one sentence alone is `_breakdown`'s)."""
    for position, first in enumerate(sentences):
        anchor = _VOTE_ANCHOR.search(first.template)
        if not anchor or first.index(anchor.group()[:anchor.group().index("⟩") + 1]) in first.used:
            continue
        paragraph = text.count("\n\n", 0, first.start)
        members: list[Member] = []
        taken: list[tuple[_Sentence, int]] = []
        for s in sentences[position:position + 3]:
            if text.count("\n\n", 0, s.start) != paragraph or _CHANGE_WORD.search(s.template):
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
        merged = _Sentence(text[first.start:last.start + len(last.text)], first.start, [], "", [], set())
        cue = first.span(anchor)
        out.add("breakdown", merged, cue, text, members)


def _nearest(pattern: re.Pattern[str], template: str, anchor: re.Match[str],
             reach: int) -> re.Match[str] | None:
    """The match of `pattern` closest to `anchor`, if within `reach` characters of it."""
    found = [(max(m.start() - anchor.end(), anchor.start() - m.end()), m) for m in pattern.finditer(template)]
    found = [item for item in found if item[0] <= reach]
    return min(found, key=lambda item: item[0])[1] if found else None


def _dates(s: _Sentence, text: str, out: _Builder) -> None:
    def duration(match: re.Match[str]) -> Member:
        if match["d"]:
            figure, row = s.figure(match["d"])
            factor = 10.0 if match["unit"].lower().startswith("decade") else 1.0
            scaled = Figure(figure.start, figure.end, figure.surface, figure.value * factor,
                            figure.low * factor, figure.high * factor, "N", "", figure.hedge)
            return member("duration", scaled, row)
        unit = (match["unit2"] or "").lower()
        start, end = (s.span(match, "one")[0], s.span(match, "unit2")[1]) if unit else s.span(match)
        value = {"century": 100.0, "decade": 10.0, "": 50.0}[unit]
        hedge_match = _HEDGE.search((match["one"] or "").lower().removesuffix("a ").removesuffix("one "))
        hedge = hedge_match["hedge"] if hedge_match else ""
        low, high = _hedged(value, 0.2 * value, hedge)  # "a decade" is a round figure: 8 to 12 years
        return Member("duration", start, end, text[start:end], value, low, high, "N", "", hedge, -1)

    for name, patterns in (("years_ago", _YEARS_AGO), ("since", _SINCE)):
        for pattern in patterns:
            for match in pattern.finditer(s.template):
                if s.index(match["y"]) in s.used:
                    continue
                s.used.add(s.index(match["y"]))
                out.add(name, s, s.span(match, "cue"), text,
                        [member("year", *s.figure(match["y"])), duration(match)])
    if sum(f.kind == "Y" for f, _ in s.figures) == 1:
        for match in _SINCE_EVENT.finditer(s.template):
            if s.index(match["y"]) not in s.used:
                s.used.add(s.index(match["y"]))
                out.add("since", s, s.span(match, "cue"), text,
                        [member("year", *s.figure(match["y"])), duration(match)])
    for match in _SERVED.finditer(s.template):
        if s.index(match["y"]) not in s.used:
            s.used.add(s.index(match["y"]))
            out.add("since", s, s.span(match, "cue"), text,
                    [member("year", *s.figure(match["y"])), duration(match)])
    for match in [*_AFTER.finditer(s.template), *_LATER.finditer(s.template)]:
        y1, y2 = s.index(match["y1"]), s.index(match["y2"])
        if {y1, y2} & s.used:
            continue
        s.used |= {y1, y2}
        out.add("span", s, s.span(match, "cue"), text,
                [member("start", *s.figures[y1]), member("end", *s.figures[y2]), duration(match)])
    years = [i for i, (f, _) in enumerate(s.figures) if f.kind == "Y"]
    span = _SPAN.search(s.template)
    names = ("y1", "y2") if span and span["y1"] else (("y3", "y4") if span and span["y3"] else ("y5", "y6"))
    y1, y2 = (s.index(span[name]) for name in names) if span else (-1, -1)
    if span and not {y1, y2} & s.used:
        members = [member("start", *s.figures[y1]), member("end", *s.figures[y2])]
        reach = 10_000 if len(years) == 2 else 60  # with other years about, only a length next to the span
        terms = _nearest(_TERMS, s.template, span, reach)
        length = _nearest(_SPAN_LENGTH, s.template, span, reach)
        if terms:
            members += [member("terms", *s.figure(terms["k"])), member("term_length", *s.figure(terms["l"]))]
        elif length and length["d2"]:
            members.append(member("duration", *s.figure(length["d2"])))
        elif length:
            members.append(duration(length))
        if len(members) > 2:
            s.used |= {y1, y2}
            cue = next(name for name in ("cue", "cue2", "cue3") if span[name])
            out.add("span", s, s.span(span, cue), text, members)
    anniversary = _ANNIVERSARY.search(s.template)
    event = _EVENT_YEAR.search(s.template)
    if anniversary and event and len(years) == 1 and years[0] not in s.used:
        if anniversary["o"]:
            ordinal = member("ordinal", *s.figure(anniversary["o"]))
            cue = s.span(anniversary, "cue")
        else:
            cue = s.span(anniversary, "cue2")
            value = float(_JUBILEES[anniversary["cue2"].lower()])
            ordinal = Member("ordinal", *cue, text[cue[0]:cue[1]], value, value, value, "O", "", "", -1)
        out.add("anniversary", s, cue, text, [ordinal, member("year", *s.figures[years[0]])])
    born, age = _BORN.search(s.template), _AGE.search(s.template)
    if born and age:
        token = age["a"] or age["a2"] or age["a3"] or age["a4"] or age["a5"]
        out.add("age", s, s.span(born, "cue"), text,
                [member("year", *s.figure(born["y"])), member("age", *s.figure(token))])


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    for match in _SENTENCE.finditer(text):
        yield match.start(), match.end()


def _words(text: str) -> list[str]:
    return text.split()


_CONCEPT_STOP = frozenset(_words("""
a an the of in on at to for from by with and or but were was are is be been have has had will would who
which that this these those their its his her it they as than more less over under per each last next
since during after before ago years year months month weeks week days day hours hour minutes times time
cent percent percentage points point such other another further additional extra new total all
so far up down about around nearly almost some many much most least only just also said says say could
can may might should must did do does not no into out off while when where what them
"""))
# A figure before one of these is a measurement or a specification, not a count of things.
_MEASURES = frozenset(_words("""
megapixel gigabyte megabyte terabyte mb gb ghz mhz inch metre meter mile kilometre km kg tonne ton hour minute
second degree point goal run wicket lap set game stage round seat-belt storey floor bed bedroom door
"""))
# When a sentence speaks of (compared between the two sentences).
_WHEN = re.compile(
    rf"\b(?:{_MONTH_NAMES}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"tomorrow|last\s+(?:week|month|year)|this\s+(?:week|month|year)|next\s+(?:week|month|year)|"
    r"previous|(?:first|second|third|fourth)\s+(?:quarter|half)|(?:18|19|20)\d\d)\b", re.IGNORECASE)
# Words just before a count that make it a different count: "another 50", "a total of 90", or a
# count of what would or could be ("there would be 42").
_QUALIFIER = re.compile(
    r"\b(?:another|more|further|additional|extra|other|new|total|overall|combined|each|per|daily|weekly|"
    r"monthly|annual|annually|a\s+day|a\s+week|a\s+month|a\s+year|so\s+far|in\s+all|altogether|"
    r"would|could|might|if|expected|expects|forecast|predicted|target|plans?|planned|aims?|hopes?)\b",
    re.IGNORECASE)
_CONCEPT = re.compile(r"\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?")


def _concept(text: str, figure: Figure) -> tuple[str, ...] | None:
    """The content words right after a count: ('ballistic', 'missile'), or ('missile',)."""
    match = _CONCEPT.match(text, figure.end)
    if not match:
        return None
    words: list[str] = []
    for word in match.groups():
        if word is None or word in _CONCEPT_STOP or len(word) < 3:
            break
        words.append(word)
    if not words or words[0] in _MEASURES:
        return None
    words[-1] = _singular(words[-1])
    return tuple(words)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# Small counts named again are usually a subset ("three projects ... these two projects").
_SMALLEST_REPEATED = 5
# Two counts of one thing differ by a slip, not by a factor of two: that is a part or a subset.
_SAME_SCALE = 2.0
_PHRASE_AFTER = re.compile(
    r"\s+(?P<phrase>(?:in|at|for|from|on|with)\s+(?:the\s+|a\s+|an\s+)?[\w'-]+(?:\s+[\w'-]+){0,3})")


def _phrase_after(text: str, figure: Figure, concept: tuple[str, ...]) -> str:
    """The phrase right after the counted words that says which ones: '16 films competing *in the
    dramatic category*'. A time ('on Tuesday') is left to the sentence markers."""
    words = _CONCEPT.match(text, figure.end)
    assert words is not None
    end = words.end(len(concept))
    match = _PHRASE_AFTER.match(text, end)
    if not match or _WHEN.search(match["phrase"]):
        return ""
    return match["phrase"].lower()


_DEFINITE = re.compile(r"\b(?:the|its|their|those|these|his|her|our|all)\s+$", re.IGNORECASE)


def _refers_back(earlier: tuple[str, ...], later: tuple[str, ...], definite: bool) -> bool:
    """Same two words ('ballistic missiles' twice), or a definite 'the 50 missiles' naming the head."""
    if len(earlier) == 2 and earlier == later:
        return True
    return definite and earlier[-1] in {_singular(word) for word in later}


def _same_concepts(sentences: list[_Sentence], text: str, out: _Builder) -> None:
    seen: list[tuple[_Sentence, Figure, int, tuple[str, ...]]] = []
    for s in sentences:
        for index, (figure, row) in enumerate(s.figures):
            if figure.kind != "N" or index in s.used or figure.value < _SMALLEST_REPEATED:
                continue  # figures in other relations differ for a reason; "the two banks" is a subset
            concept = _concept(text, figure)
            if concept is None:
                continue
            definite = bool(_DEFINITE.search(text, max(0, figure.start - 8), figure.start))
            for earlier, other, other_row, other_concept in seen:
                if earlier is s or other.interval.overlaps(figure.interval) or \
                        not _refers_back(other_concept, concept, definite) or \
                        not _SAME_SCALE * min(other.value, figure.value) >= max(other.value, figure.value):
                    continue  # "3,248 patents" ... "the 500 patents": a part, not the same thing
                markers = [sorted({m.lower() for m in _WHEN.findall(x.text)}) for x in (earlier, s)]
                near = [sorted({m.lower() for m in _QUALIFIER.findall(text, max(x.start, f.start - 40),
                                                                       f.start)})
                        for x, f in ((earlier, other), (s, figure))]
                named = " ".join(concept)
                out.add("same_concept", s, (figure.end + 1, figure.end + 1 + len(named)), text,
                        [member("first", other, other_row), member("second", figure, row)],
                        concept=named, markers=markers, near=near,
                        phrases=[_phrase_after(text, other, other_concept),
                                 _phrase_after(text, figure, concept)],
                        first_sentence=earlier.text, first_sentence_start=earlier.start)
            seen.append((s, figure, row, concept))


def extract_relations(text: str, quantities: pd.DataFrame | None = None, doc: str = "") -> pd.DataFrame:
    """Return the relations table of one text (see `RELATION_COLUMNS` and `RELATIONS`)."""
    figures = _with_table(scan_figures(text), quantities)
    out = _Builder(doc)
    sentences = []
    cursor = 0
    for start, end in _sentences(text):
        inside = []
        while cursor < len(figures) and figures[cursor][0].start < end:
            if figures[cursor][0].start >= start and figures[cursor][0].end <= end:
                inside.append(figures[cursor])
            cursor += 1
        if not inside:
            continue
        s = _sentence(text, start, end, inside)
        previous = sentences[-1] if sentences and "\n\n" not in text[sentences[-1].start:start] else None
        sentences.append(s)
        before = len(out.rows)
        _changes(s, text, out)
        _multiples(s, text, out, [row for row in out.rows[before:] if row["relation"] == "change"])
        _per_units(s, text, out, previous)
        _shares(s, text, out)
        _parts(s, text, out)
        _breakdown(s, text, out)
        _dates(s, text, out)
    _vote_breakdowns(sentences, text, out)
    _same_concepts(sentences, text, out)
    if not out.rows:
        return empty_relations()
    frame = pd.DataFrame(out.rows, columns=list(RELATION_COLUMNS))
    return frame.astype({name: dtype for name, (dtype, _) in RELATION_COLUMNS.items()})
