"""The `formula` kind: bind names to figures in the article, then test a boolean expression.

    select:
      rounds: {concept: [round, shell], dimension: count, min: 1000}
      containers: {concept: container, dimension: count}
    within: adjacent-paragraphs
    constants: {payload: "21 to 28 t", round_mass: "45 to 60 kg"}
    expect: rounds / containers <= payload / round_mass

Every combination of figures that fits the selectors (one figure per name, all within the
stated distance) gets one finding: pass when the expression holds for every value the
figures' intervals allow, fail when it holds for none, uncertain otherwise.
"""

from __future__ import annotations

import itertools
import keyword
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandas as pd
import pint

from factcheck.extract.schema import records
from factcheck.extract.unit_registry import table_unit, understood
from factcheck.intervals import Interval, Truth
from factcheck.rules.expressions import (
    FUNCTIONS,
    Amount,
    EvaluationError,
    Expression,
    ExpressionError,
    parse_expression,
)
from factcheck.rules.findings import Finding, Verdict
from factcheck.rules.model import Context, Origin, Position, Rule, RuleError

MAX_COMBINATIONS = 50  # findings per rule and document; more means the selectors are too loose
MAX_CANDIDATES = 20  # figures per name considered in one scope
_NAME = r"^[a-z][a-z0-9_]{0,39}$"
_WINDOW_WORDS = 4  # words after a figure that count as what it measures when `concept` is empty
_NEAR_CHARS = 120  # text on either side of a figure searched for those words
_SCOPES = ("sentence", "paragraph", "adjacent-paragraphs", "document")

_WORDS: dict[str, Any] = {
    "anyOf": [{"type": "string", "minLength": 1},
              {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}],
}
_BOUND: dict[str, Any] = {"type": ["number", "string"]}
_SELECTOR: dict[str, Any] = {
    "type": "object",
    "properties": {
        "concept": _WORDS,
        "dimension": _WORDS,
        "unit": _WORDS,
        "qualifier": _WORDS,
        "min": _BOUND,
        "max": _BOUND,
        "sentence_has": {"type": "array", "minItems": 1, "items": _WORDS},
        "sentence_lacks": _WORDS,
        "not_followed_by": _WORDS,
        "not_preceded_by": _WORDS,
        "followed_by": _WORDS,
        "preceded_by": _WORDS,
    },
    "additionalProperties": False,
}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "select": {"type": "object", "minProperties": 1, "maxProperties": 6,
                   "propertyNames": {"pattern": _NAME}, "additionalProperties": _SELECTOR},
        "constants": {"type": "object", "maxProperties": 20, "propertyNames": {"pattern": _NAME},
                      "additionalProperties": {"type": ["number", "string"]}},
        "within": {"enum": list(_SCOPES)},
        "expect": {"type": "string", "minLength": 1},
    },
    "required": ["select", "expect"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Selector:
    """Which figures a name may bind to."""

    concept: re.Pattern[str] | None
    dimensions: frozenset[str]
    units: frozenset[str]
    qualifiers: frozenset[str]
    low: Amount | None
    high: Amount | None
    sentence_has: tuple[re.Pattern[str], ...]
    sentence_lacks: re.Pattern[str] | None
    not_followed_by: re.Pattern[str] | None
    not_preceded_by: re.Pattern[str] | None
    followed_by: re.Pattern[str] | None = None
    preceded_by: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Formula:
    selectors: Mapping[str, Selector]
    constants: Mapping[str, Amount]
    within: str
    expect: Expression


def compile(fields: Mapping[str, Any], origin: Position) -> Formula:
    """Check selectors, constants and the expression once, at load time."""
    names = list(fields["select"]) + list(fields.get("constants", {}))
    for group in ("select", "constants"):
        for name in fields.get(group, {}):
            if keyword.iskeyword(name) or name in FUNCTIONS:
                raise RuleError(_at(origin, group, name), f"{name!r} is reserved; choose another name")
            if group == "constants" and name in fields["select"]:
                raise RuleError(_at(origin, group, name), f"{name!r} is both selected and a constant")
    selectors = {name: _selector(spec, origin, ("select", name)) for name, spec in fields["select"].items()}
    constants = {name: constant(value, _at(origin, "constants", name))
                 for name, value in fields.get("constants", {}).items()}
    try:
        expression = parse_expression(fields["expect"], set(names))
    except ExpressionError as exc:
        raise RuleError(_expression_position(origin, fields["expect"], exc.col), f"expect: {exc}") from None
    unused = sorted(set(fields["select"]) - expression.names)
    if unused:
        raise RuleError(_at(origin, "select", unused[0]),
                        f"selected name {unused[0]!r} is not used in expect")
    _check_dimensions(selectors, constants, expression, origin)
    return Formula(selectors, constants, fields.get("within", "sentence"), expression)


def _check_dimensions(selectors: Mapping[str, Selector], constants: Mapping[str, Amount],
                      expression: Expression, origin: Position) -> None:
    """Refuse an expression that mixes dimensions (metres plus dollars), which no document could
    ever make true or false. Checked when every selected name fixes its unit (one `unit`, or a
    unitless `dimension`); a name left open is checked figure by figure instead."""
    values = dict(constants)
    for name, selector in selectors.items():
        dimension = next(iter(selector.dimensions)) if len(selector.dimensions) == 1 else None
        if len(selector.units) == 1:
            unit = next(iter(selector.units))
        elif dimension in _DIMENSION_UNITS:
            unit = _DIMENSION_UNITS[dimension]
        else:
            return
        try:
            values[name] = Amount.of(1.0, 1.0, unit)
        except (pint.errors.PintError, ValueError, TypeError, AttributeError):
            return
    try:
        expression.evaluate(values)
    except EvaluationError as exc:
        if isinstance(exc.__cause__, pint.errors.DimensionalityError | pint.errors.OffsetUnitCalculusError):
            raise RuleError(_at(origin, "expect"), f"expect mixes dimensions: {exc}") from None


# A unit of each dimension a selector may name (the quantities table's dimension names), for that
# check; dimensions with several incommensurable units (currencies, temperatures) are left open.
_DIMENSION_UNITS = {
    "count": "", "fraction": "", "multiplier": "", "percentage": "percent", "length": "metre",
    "mass": "kilogram", "time": "second", "area": "square metre", "volume": "litre",
    "speed": "metre / second", "energy": "joule", "power": "watt", "pressure": "pascal",
    "frequency": "hertz",
}


def evaluate(rule: Rule, context: Context) -> Iterator[Finding]:
    formula: Formula = rule.compiled
    if not _ROWS.of(context.quantities, context.text):
        return
    candidates: dict[str, list[_Figure]] = {}
    for name, selector in formula.selectors.items():
        candidates[name] = list(_candidates(selector, _ROWS.selected(selector)))
        if not candidates[name]:
            return  # a name with nothing to bind: the rule does not apply
    for combination in itertools.islice(_combinations(candidates, formula.within), MAX_COMBINATIONS):
        yield _finding(rule, formula, combination)


# --- load time -------------------------------------------------------------------------------

def _at(origin: Position, *path: str | int) -> Position:
    return origin.at(*path) if isinstance(origin, Origin) else origin


def _expression_position(origin: Position, source: str, col: int) -> Position:
    """The expression's own column when it is written on one line, else where it starts."""
    start = _at(origin, "expect")
    if "\n" in source.strip():
        return start
    return Position(start.file, start.line, start.col + col)


def _pattern(words: str | list[str] | None) -> re.Pattern[str] | None:
    """A case-insensitive pattern for any of `words`.

    Each word also matches its plural and -ed/-ing forms (`container` finds 'containers'); a
    trailing `*` matches any ending (`calib*`); several words form a phrase ('security council').
    """
    if words is None:
        return None
    alternatives = []
    for phrase in [words] if isinstance(words, str) else words:
        parts = []
        for word in phrase.lower().split():
            if word.endswith("*"):
                parts.append(re.escape(word[:-1]) + r"\w*")
            else:
                parts.append(re.escape(word) + r"(?:s|es|d|ed|ing)?")
        alternatives.append(r"\W+".join(parts))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _names(words: str | list[str] | None) -> frozenset[str]:
    if words is None:
        return frozenset()
    return frozenset(word.lower() for word in ([words] if isinstance(words, str) else words))


def _selector(spec: Mapping[str, Any], origin: Position, path: tuple[str, ...]) -> Selector:
    bounds = {key: constant(spec[key], _at(origin, *path, key)) if key in spec else None
              for key in ("min", "max")}
    return Selector(
        concept=_pattern(spec.get("concept")),
        dimensions=_names(spec.get("dimension")),
        units=_names(spec.get("unit")),
        qualifiers=_names(spec.get("qualifier")),
        low=bounds["min"],
        high=bounds["max"],
        sentence_has=tuple(p for p in map(_pattern, spec.get("sentence_has", [])) if p is not None),
        sentence_lacks=_pattern(spec.get("sentence_lacks")),
        not_followed_by=_pattern(spec.get("not_followed_by")),
        not_preceded_by=_pattern(spec.get("not_preceded_by")),
        followed_by=_pattern(spec.get("followed_by")),
        preceded_by=_pattern(spec.get("preceded_by")),
    )


_CONSTANT = re.compile(
    r"^\s*(?P<low>[-+]?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?)"
    r"(?:\s*(?:to|\.\.|–)\s*(?P<high>[-+]?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?))?"
    r"\s*(?P<unit>[^\d\s].*)?$", re.IGNORECASE)


def constant(value: Any, where: Position) -> Amount:
    """A constant as written in a rule: `600`, `"28 t"` or a range `"21 to 28 t"`."""
    if isinstance(value, bool):
        raise RuleError(where, "expected a number or a text like '28 t' or '21 to 28 t'")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise RuleError(where, "number must be finite")
        return Amount.of(float(value), float(value))
    match = _CONSTANT.match(str(value))
    if not match:
        raise RuleError(where, f"cannot read {value!r}: write a number, '28 t' or '21 to 28 t'")
    low = float(match["low"].replace(",", ""))
    high = float(match["high"].replace(",", "")) if match["high"] else low
    if not (math.isfinite(low) and math.isfinite(high)):
        raise RuleError(where, f"number out of range in {value!r}")
    if low > high:
        raise RuleError(where, f"range {value!r} runs backwards")
    try:
        return Amount.of(low, high, (match["unit"] or "").strip())
    except (pint.errors.PintError, ValueError, TypeError, AttributeError):
        raise RuleError(where, f"unknown unit {match['unit']!r} in {value!r}") from None


# --- evaluation -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Figure:
    """One row of the quantities table that a selector accepted."""

    start: int
    end: int
    surface: str
    amount: Amount
    sentence: str
    sentence_start: int
    paragraph: int


def _present(value: object) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and math.isnan(value))


class _Row:
    """What selectors read of one row of the quantities table, read once per document: the columns
    every selector tests at once, the figure and its neighbouring words only for a row some
    selector's dimension, unit and qualifier let through."""

    def __init__(self, row: Any, text: str) -> None:
        self.source = row  # the table's row, for the columns only some selectors read (concept)
        self.text = text
        self.dimension = _lower(row.dimension)  # lower case, as selectors name them
        self.unit = _lower(row.unit)
        self.qualifier = _lower(row.qualifier)
        self.value = float(row.value)

    @cached_property
    def figure(self) -> _Figure | None:
        """The figure, or None when formula rules cannot use it."""
        row = self.source
        return _figure(row, str(row.unit) if _present(row.unit) else "")

    @property
    def after_words(self) -> str:
        """The words after the figure in its sentence."""
        return self._near[0]

    @property
    def before_words(self) -> str:
        """The two words before the figure in its sentence."""
        return self._near[1]

    @cached_property
    def _near(self) -> tuple[str, str]:
        figure = self.figure
        if figure is None:
            return "", ""
        sentence_end = figure.sentence_start + len(figure.sentence)
        after = self.text[figure.end:min(sentence_end, figure.end + _NEAR_CHARS)]
        before = self.text[max(figure.sentence_start, figure.start - _NEAR_CHARS):figure.start]
        return " ".join(_WORD.findall(after)[:_WINDOW_WORDS]), " ".join(_WORD.findall(before)[-2:])


class _DocumentRows:
    """The rows of the document being checked, built on the first formula rule's visit and kept
    for the others: every rule of a run visits the same document in turn, and reading the table
    through pandas once per selector cost more than the rules themselves."""

    def __init__(self) -> None:
        self._table: pd.DataFrame | None = None
        self._rows: list[_Row] = []
        self._by_dimension: dict[str, list[_Row]] = {}

    def of(self, table: pd.DataFrame, text: str) -> list[_Row]:
        if table is not self._table:
            self._rows = [_Row(row, text) for row in records(table)] if len(table) else []
            self._by_dimension = {}
            for row in self._rows:
                self._by_dimension.setdefault(row.dimension, []).append(row)
            self._table = table
        return self._rows

    def selected(self, selector: Selector) -> list[_Row]:
        """The rows of the dimension a selector names, in table order (all rows when it names
        none or several)."""
        if len(selector.dimensions) == 1:
            return self._by_dimension.get(next(iter(selector.dimensions)), [])
        return self._rows


_ROWS = _DocumentRows()


def _lower(value: object) -> str:
    return str(value).lower() if _present(value) else ""


_WORD = re.compile(r"[\w’'-]+")


def _candidates(selector: Selector, rows: list[_Row]) -> Iterator[_Figure]:
    sentence_fits: dict[int, bool] = {}  # sentences are long and shared by figures: test each once
    for row in rows:
        if (selector.dimensions and row.dimension not in selector.dimensions) or \
                (selector.units and row.unit not in selector.units) or \
                (selector.qualifiers and row.qualifier not in selector.qualifiers):
            continue
        figure = row.figure
        if figure is None or not _in_range(selector, figure.amount, row.value):
            continue
        if figure.sentence_start not in sentence_fits:
            lacking = selector.sentence_lacks
            sentence_fits[figure.sentence_start] = all(
                pattern.search(figure.sentence) for pattern in selector.sentence_has) and not (
                lacking is not None and lacking.search(figure.sentence))
        if sentence_fits[figure.sentence_start] and _words_fit(selector, row):
            yield figure


def _figure(row: Any, unit: str) -> _Figure | None:
    value = float(row.value)
    low = float(row.low) if _present(row.low) else value
    high = float(row.high) if _present(row.high) else value
    if math.isnan(value) or low > high:
        return None
    try:
        parsed = table_unit(unit)
    except ValueError:
        return None
    if not understood(parsed):
        return None  # a unit pint does not know: formula rules cannot use the figure
    amount = Amount(Interval(low, high), parsed)
    return _Figure(int(row.start), int(row.end), str(row.surface), amount, str(row.sentence),
                   int(row.sentence_start), int(row.paragraph))


def _in_range(selector: Selector, amount: Amount, value: float) -> bool:
    """`min`/`max` bound the figure's stated value, in the bound's unit."""
    point = Amount.of(value, value, amount.unit)
    low, high = selector.low, selector.high
    try:
        if low is not None and point.to(low.unit).interval.low < low.interval.low:
            return False
        if high is not None and point.to(high.unit).interval.high > high.interval.high:
            return False
    except EvaluationError:
        return False
    return True


def _words_fit(selector: Selector, row: _Row) -> bool:
    """The figure's concept and its neighbouring words (looked up near it, never sentence-wide)."""
    if selector.concept is not None:
        concept = str(row.source.concept) if _present(row.source.concept) else ""
        if not (selector.concept.search(concept) or selector.concept.search(row.after_words)):
            return False
    next_words = " ".join(row.after_words.split()[:2])
    if selector.not_followed_by is not None and selector.not_followed_by.search(next_words):
        return False
    if selector.followed_by is not None and not selector.followed_by.search(next_words):
        return False
    if selector.preceded_by is not None and not selector.preceded_by.search(row.before_words):
        return False
    return not (selector.not_preceded_by is not None and selector.not_preceded_by.search(row.before_words))


def _combinations(candidates: Mapping[str, list[_Figure]], within: str) -> Iterator[dict[str, _Figure]]:
    """Combinations of one figure per name, all within the scope, each once, in text order.

    Figures are grouped by scope first (sentence, paragraph, pair of adjacent paragraphs), so
    the work grows with the figures per scope, not with the product over the whole document.
    """
    names = list(candidates)
    seen: set[tuple[int, ...]] = set()
    for window in _windows(candidates, within):
        pools = [window[name][:MAX_CANDIDATES] for name in names]
        for chosen in itertools.product(*pools):
            starts = tuple(figure.start for figure in chosen)
            if len(set(starts)) < len(starts) or starts in seen:
                continue  # one figure cannot stand for two names; each combination once
            seen.add(starts)
            yield dict(zip(names, chosen, strict=True))


def _windows(candidates: Mapping[str, list[_Figure]], within: str) -> Iterator[dict[str, list[_Figure]]]:
    if within == "document":
        yield dict(candidates)
        return
    def keys(figure: _Figure) -> tuple[int, ...]:
        if within == "sentence":
            return (figure.sentence_start,)
        if within == "paragraph":
            return (figure.paragraph,)
        return (figure.paragraph, figure.paragraph - 1)  # windows of its paragraph and the one before

    windows: dict[int, dict[str, list[_Figure]]] = {}
    for name, figures in candidates.items():
        for figure in figures:
            for key in keys(figure):
                windows.setdefault(key, {other: [] for other in candidates})[name].append(figure)
    for key in sorted(windows):
        if all(windows[key].values()):
            yield windows[key]


_VERDICTS = {Truth.always: Verdict.passed, Truth.never: Verdict.fail, Truth.sometimes: Verdict.uncertain}


def _finding(rule: Rule, formula: Formula, bound: dict[str, _Figure]) -> Finding:
    values = {**formula.constants, **{name: figure.amount for name, figure in bound.items()}}
    try:
        truth, arithmetic = formula.expect.evaluate(values)
        verdict = _VERDICTS[truth]
        arithmetic = f"{arithmetic} → {verdict}"
    except EvaluationError as exc:  # e.g. a selector let a length through where a mass belongs
        verdict, arithmetic = Verdict.uncertain, f"{formula.expect.source}: {exc} → {Verdict.uncertain}"
    figures = sorted(bound.values(), key=lambda figure: figure.start)
    sentences = dict.fromkeys(figure.sentence for figure in figures)
    return Finding(
        rule=rule.id,
        verdict=verdict,
        severity=rule.severity,
        message=f"{rule.title}: {arithmetic}",
        spans=tuple((figure.start, figure.end) for figure in figures),
        sentence=" … ".join(sentences),
        arithmetic=arithmetic,
        details={name: figure.surface for name, figure in sorted(bound.items())},
    )
