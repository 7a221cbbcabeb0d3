"""Kind `conversion`: a figure and its conversion into another unit must agree.

"40 miles (64 km)" passes; "2,000 square metres (2,200 square yards)" fails: 2,000 m² is 2,392 yd²,
the writer used the linear factor for an area. Two neighbouring figures of one dimension in
different units are read as a conversion when an equivalence joins them: brackets, ", or",
"which equals", "equivalent to", "the equivalent of", "that's", a dash and "about". The first figure
is taken as written (the writer converted that number), the second with the rounding its
trailing zeros imply ("about 1,000 feet" may be 950-1,050), and the check fails only when the two
cannot agree even after the rule's slack. pint does the arithmetic, from the project's one
registry; temperatures after "by", "risen" or before "rise" are differences (x1.8, no +32).
Units that mean different sizes in different countries (gallon, ton, pint) pass under either
reading. Currencies are left alone, except a rate in time ("a year" against "a day") of one
currency. A count of a reference object the rule names ("157 football pitches") converts too.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pint

from factcheck.extract.hedges import HEDGES, loose_rounding, written_digits
from factcheck.extract.schema import records
from factcheck.intervals import Interval
from factcheck.rules.expressions import (
    Amount,
    EvaluationError,
    parse_unit,
    registry,
    unit_label,
)
from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.kinds._relation import slack, tolerance_schema, widen
from factcheck.rules.kinds.formula import constant
from factcheck.rules.model import Context, Position, Rule

_WORDS = r"(?:[\s-]+[A-Za-z][\w'’-]*){0,4}?"  # "411 square metres of living space (about ..."
_HEDGE = "(?:" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True)) + r")\s+"
_EQUALS = (r"(?:which|that|this|it)?\s*(?:is|was|are|were|'s|’s)?\s*(?:equals?|equalled|equates\s+to|"
           r"amounts?\s+to|(?:is\s+)?(?:equal|equivalent)\s+to|the\s+equivalent\s+of|"
           r"translates\s+(?:in)?to|works\s+out\s+(?:at|to)|the\s+size\s+of|as\s+(?:big|large)\s+as)")
# Text between the two figures (after the first figure's unit, before the second's number).
# A rate's period, when the extractor did not join it to the figure: "£5m every single year".
_PERIOD = (r"(?:\s{1,3}(?:every\s{1,3}(?:single\s{1,3})?|each\s{1,3}|a\s{1,3}|an\s{1,3}|per\s{1,3})"
           r"(?P<period>day|week|month|year|annum)|\s{1,3}(?P<adverb>daily|weekly|monthly|annually|yearly))")
_NOUN = r"(?:[\s-]+(?!every\b|each\b|per\b|a\b|an\b|or\b|which\b|that\b|this\b|it\b)[A-Za-z][\w'’-]*){0,2}?"
_PERIODS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
            "annum": "year"}
_JOINS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("brackets", re.compile(rf"{_WORDS}\s*[(\[]\s*(?:or\s+)?(?:{_HEDGE})?", re.IGNORECASE)),
    ("or", re.compile(rf"{_NOUN}{_PERIOD}?\s*,\s*or\s+(?:{_HEDGE})?", re.IGNORECASE)),
    ("equals", re.compile(rf"{_NOUN}{_PERIOD}?\s*[,;–—-]?\s*{_EQUALS}\s+(?:{_HEDGE})?", re.IGNORECASE)),
    ("that is", re.compile(rf"{_NOUN}{_PERIOD}?\s*[.!,;–—-]?\s*(?:that|this|it)(?:'s|’s|\s+is|\s+was)\s+"
                           rf"(?:{_EQUALS}\s+)?(?:{_HEDGE})?", re.IGNORECASE)),
    ("dash", re.compile(rf"{_NOUN}{_PERIOD}?\s*[,–—-]\s*{_HEDGE}", re.IGNORECASE)),
)
_PERIOD_LATER = re.compile(rf"[^.;:!?\d]{{0,80}}?{_PERIOD}\b", re.IGNORECASE)
# "17 milli-g, which equals 1.7 per cent of the pull of gravity": a thousandth of X as a share of X.
_PREFIXED = re.compile(r"\s*(?P<prefix>milli|micro)-?\s?[a-z]", re.IGNORECASE)
_SHARE_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_CLOSES = re.compile(r"\s*[)\]]")
# A temperature *difference*: "rose by 2C (3.6F)", "a 2C (3.6F) rise", "warmer by".
_DELTA_BEFORE = re.compile(r"\b(?:by|of|up|down|rise|rose|risen|warm(?:ed|ing)?|cool(?:ed|ing)?|"
                           r"increased?|fell|fallen|dropped|climbed)\s+(?:\w+\s+)?$", re.IGNORECASE)
_DELTA_AFTER = re.compile(r"\s*(?:[-\w]+\s+)?(?:rise|increase|drop|fall|warming|cooling|warmer|cooler|"
                          r"hotter|colder|higher|lower|above|below|more|less|change|difference|"
                          r"jump|swing)\b", re.IGNORECASE)
_SEA = re.compile(r"\b(?:sea|coast|offshore|ship|vessel|boat|navy|naval|maritime|knots?|nautical)\b",
                  re.IGNORECASE)
# Units whose size depends on the country: every reading is tried, and the kindest wins.
_READINGS: dict[str, tuple[str, ...]] = {
    "gallon": ("gallon", "imperial_gallon"),
    "pint": ("pint", "imperial_pint"),
    "quart": ("quart", "imperial_quart"),
    "fluid ounce": ("fluid_ounce", "imperial_fluid_ounce"),
    "ton": ("short_ton", "long_ton", "metric_ton"),
    "degree": ("degree_Celsius", "degree_Fahrenheit"),  # a temperature whose scale the text leaves open
    "billion": ("billion",),
}
_SYMBOLS = {"pound_sterling": "£", "dollar": "$", "euro": "€", "yen": "¥", "yuan": "yuan", "rupee": "₹"}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "tolerance": tolerance_schema("fraction the converted figure may miss the stated one by and still "
                                      "pass (converting with a rounded factor, 1 mile ≈ 1.6 km)", 0.02),
        "slack": tolerance_schema("fraction beyond which a miss is `fail` (in between: `uncertain`)", 0.05),
        "references": {
            "type": "object", "maxProperties": 50,
            "propertyNames": {"pattern": r"^[a-z][a-z -]{1,40}$"},
            "additionalProperties": {"type": "string", "minLength": 1},
            "default": {},
            "description": "objects used as units ('football pitch'), each with its size as a range "
                           "with a unit ('4000 to 11000 m^2'); a count of them converts",
        },
    },
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Settings:
    tolerance: float
    slack: float
    references: tuple[tuple[re.Pattern[str], str, Amount], ...]


def compile(fields: Mapping[str, Any], origin: Position) -> Settings:
    references = []
    for name, size in fields.get("references", {}).items():
        words = r"\s+".join(re.escape(word) for word in name.split())
        pattern = re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?{words}(?:e?s)?\b", re.IGNORECASE)
        where = origin.at("references", name) if hasattr(origin, "at") else origin
        references.append((pattern, name, constant(size, where)))
    return Settings(float(fields.get("tolerance", 0.02)), float(fields.get("slack", 0.05)), tuple(references))


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float
    unit: str
    dimension: str
    qualifier: str
    sentence: str
    sentence_start: int


def evaluate(rule: Rule, context: Context) -> Iterable[Finding]:
    settings: Settings = rule.compiled
    table = context.quantities
    if table is None or len(table) < 2:
        return
    figures = [_Figure(int(r.start), int(r.end), str(r.surface), float(r.value), float(r.low), float(r.high),
                       str(r.unit) if isinstance(r.unit, str) else "", str(r.dimension), str(r.qualifier),
                       str(r.sentence), int(r.sentence_start))
               for r in records(table)]
    for first, second in itertools.pairwise(figures):
        found = _pair(rule, settings, context.text, first, second)
        if found is not None:
            yield found


def _pair(rule: Rule, settings: Settings, text: str, first: _Figure, second: _Figure) -> Finding | None:
    between = text[first.end:second.start]
    if len(between) > 60 or any(ch.isdigit() for ch in between):
        return None
    joined = next(((name, match) for name, pattern in _JOINS if (match := pattern.fullmatch(between))), None)
    if joined is None or (joined[0] == "brackets" and not _CLOSES.match(text, second.end)):
        return None
    join, match = joined
    period = match.groupdict().get("period") or match.groupdict().get("adverb")
    if period:
        first = _per(first, _PERIODS.get(period.lower(), period.lower()))
    later = _PERIOD_LATER.match(text, second.end)
    if later and second.sentence_start + len(second.sentence) >= later.end():
        second = _per(second, _PERIODS.get((later["period"] or later["adverb"]).lower(),
                                           (later["period"] or later["adverb"] or "").lower()))
    found = _conversions(settings, text, first, second)
    if found is None:
        return None
    computed, stated, label, delta, source = found
    order = (Verdict.passed, Verdict.uncertain, Verdict.fail)
    verdict, converted = min(((_verdict(settings, converted, stated), converted) for converted in computed),
                             key=lambda item: order.index(item[0]))
    allowed = "" if verdict is Verdict.passed else \
        f", tolerance {slack(settings.tolerance)} to pass, {slack(settings.slack)} before fail"
    arithmetic = (f"{source} = {converted.shown()} {label} vs stated "
                  f"{stated.shown()} {label}{allowed} → {verdict}")
    message = (f"{first.surface} is given as {second.surface}" +
               ("" if verdict is Verdict.passed else
                f", but converts to about {converted.shown()} {label}"
                + (" (a temperature difference)" if delta else "")))
    spans = ((first.start, first.end), (second.start, second.end))
    sentence = first.sentence if first.sentence_start == second.sentence_start else \
        text[first.sentence_start:second.sentence_start + len(second.sentence)]
    return Finding(rule=rule.id, verdict=verdict, severity=rule.severity, message=message, spans=spans,
                   sentence=sentence, arithmetic=arithmetic,
                   details={"join": join, "ratio": _ratio(converted, stated)})


def _conversions(settings: Settings, text: str, first: _Figure, second: _Figure) -> (
        tuple[list[Interval], Interval, str, bool, str] | None):
    """The second figure's value converted from the first (one interval per reading of the units),
    the second as stated, the unit label the report shows, and whether temperatures are a difference;
    None when the pair is not a conversion."""
    if first.dimension == "count" and second.dimension == "percentage":
        return _prefixed(text, first, second)
    if first.dimension == "count" and second.dimension == "count":
        if not (_rate(first.unit) and _rate(second.unit)):
            return _reference(settings, text, first, second)
    elif first.dimension == "count" or second.dimension == "count":
        return _reference(settings, text, first, second)
    if first.unit == second.unit or first.dimension != second.dimension:
        return None
    if first.dimension == "currency" and not (_rate(first.unit) and _rate(second.unit)):
        return None
    sources, targets = _readings(first), _readings(second)
    if not sources or not targets:
        return None
    delta = first.dimension == "temperature" and _is_difference(text, first, second)
    written = _as_written(first)
    computed = [converted for source in sources for target in targets
                if (converted := _convert(written, source, target, delta)) is not None]
    label = _label(targets[0])
    return (computed, _loose(second), label, delta, first.surface) if computed else None


def _per(figure: _Figure, period: str) -> _Figure:
    """The figure as a rate over `period`, unless its unit is a rate already."""
    if _rate(figure.unit) or figure.dimension not in ("currency", "count"):
        return figure
    unit = f"{figure.unit or 'dimensionless'} per {period}"
    return dataclasses.replace(figure, unit=unit)


def _prefixed(text: str, first: _Figure, second: _Figure) -> (
        tuple[list[Interval], Interval, str, bool, str] | None):
    """'17 milli-g, which equals 1.7% of g': a thousandth (milli) or millionth (micro) as a share."""
    prefix = _PREFIXED.match(text, first.end)
    if prefix is None or not _SHARE_OF.match(text, second.end):
        return None
    factor = 1e-3 if prefix["prefix"].lower() == "milli" else 1e-6
    converted = _as_written(first) * Interval.point(factor * 100.0)
    return [converted], _loose(second), "%", False, f"{first.surface} {prefix['prefix']}-"


def _reference(settings: Settings, text: str, first: _Figure, second: _Figure) -> (
        tuple[list[Interval], Interval, str, bool, str] | None):
    """'1.2 square km, the size of 170 football pitches': the count times the object's size."""
    counted, measured = (first, second) if first.dimension == "count" else (second, first)
    if measured.dimension == "count":
        return None
    after = text[counted.end:counted.end + 60]
    name, size = next(((name, size) for pattern, name, size in settings.references if pattern.match(after)),
                      ("", None))
    targets = _readings(measured)
    if size is None or not targets:
        return None
    try:
        total = Amount(Interval(counted.low, counted.high) * size.interval, size.unit).to(targets[0])
    except (pint.errors.PintError, EvaluationError, ValueError):
        return None
    source = f"{counted.surface} × {name} ({size.interval.shown()} {_label(size.unit)})"
    return [total.interval], _loose(measured), _label(targets[0]), False, source


def _readings(figure: _Figure) -> list[pint.Unit]:
    names = [figure.unit]
    for word, alternatives in _READINGS.items():
        if figure.unit == word:
            names = list(alternatives)
    if figure.unit == "mile" and _SEA.search(figure.sentence):
        names = ["mile", "nautical_mile"]
    units = []
    for name in names:
        try:
            units.append(parse_unit(name))
        except (pint.errors.PintError, ValueError, TypeError, AttributeError):
            return []
    return units


def _label(unit: pint.Unit) -> str:
    """'yd²', '°F', and for a currency rate '£ a day' rather than pint's 'pound_sterling/d'."""
    label = unit_label(unit)
    if label.startswith("1/"):  # a count per period
        label = label[1:]
    for name, symbol in _SYMBOLS.items():
        label = label.replace(name, symbol)
    for short, period in (("/a", " a year"), ("/d", " a day"), ("/wk", " a week"), ("/h", " an hour"),
                          ("/month", " a month")):
        money = any(symbol in label for symbol in _SYMBOLS.values())
        if label.endswith(short) and (label.startswith("/") or money):
            label = (label[: -len(short)] + period).strip()
    return label


def _rate(unit: str) -> bool:
    return any(unit.endswith(f" per {period}") for period in ("year", "month", "week", "day", "hour"))


def _as_written(figure: _Figure) -> Interval:
    """The number the writer converted: exact to its last written digit ("3,000" is 2,999.5-3,000.5,
    not the 2,500-3,500 its rounding may mean), whatever hedge stands before it ("over 3,000
    square metres (3,588 square yards)" converts 3,000)."""
    found = _digits(figure)
    if found is None:
        return Interval(figure.low, figure.high)
    written, decimals, _ = found
    half = 0.5 * 10.0 ** -decimals * figure.value / written
    return Interval(figure.value - half, figure.value + half)


def _loose(figure: _Figure) -> Interval:
    """The converted figure with the rounding its trailing zeros may mean ("3,300" is 3,250-3,350),
    widened by its hedge only when that says "about"."""
    if _digits(figure) is None:
        return Interval(figure.low, figure.high)
    loose = Interval(*loose_rounding(figure.surface, figure.value))
    return loose.hull(Interval(figure.low, figure.high)) if figure.qualifier == "approx" else loose


def _digits(figure: _Figure) -> tuple[float, int, int] | None:
    """The figure's written number, its decimals and its trailing zeros (None for words)."""
    return written_digits(figure.surface) if figure.value > 0 else None


def _is_difference(text: str, first: _Figure, second: _Figure) -> bool:
    before = text[max(first.sentence_start, first.start - 40):first.start]
    for word in HEDGES:
        before = re.sub(rf"\b{re.escape(word)}\s+$", "", before, flags=re.IGNORECASE)
    after = text[second.end:second.end + 30].lstrip(")]")
    return bool(_DELTA_BEFORE.search(before) or _DELTA_AFTER.match(after))


def _convert(interval: Interval, source: pint.Unit, target: pint.Unit, delta: bool) -> Interval | None:
    units = registry()
    if delta:
        source, target = (units.parse_units(f"delta_{unit}") for unit in (str(source), str(target)))
    try:
        ends = [float(units.Quantity(end, source).to(target).magnitude)
                for end in (interval.low, interval.high)]
    except (pint.errors.PintError, ValueError, TypeError, OverflowError):
        return None
    if not all(math.isfinite(end) for end in ends):
        return None
    return Interval(min(ends), max(ends))


def _verdict(settings: Settings, converted: Interval, stated: Interval) -> Verdict:
    if widen(converted, settings.tolerance).overlaps(stated):
        return Verdict.passed
    if widen(converted, settings.slack).overlaps(stated):
        return Verdict.uncertain
    return Verdict.fail


def _ratio(converted: Interval, stated: Interval) -> str:
    middle = (converted.low + converted.high) / 2
    given = (stated.low + stated.high) / 2
    return f"{middle / given:.3g}" if given else "inf"
