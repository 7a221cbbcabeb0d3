"""Safe rule expressions over intervals with units.

Rule files may come from pull requests, so an expression is parsed once, at load time, into a
Python AST that is checked against a whitelist: numbers (optionally followed by a unit, `28 t`),
known names, arithmetic, comparisons, `and`/`or`/`not` and a few functions. Anything else
(attribute access, subscripts, strings, lambdas, unknown names, unbounded powers) is refused
with its position before anything runs. Evaluation walks the checked tree; values are
`Amount`s (an interval and a pint unit) and comparisons yield `Truth` (always/never/sometimes).
"""

from __future__ import annotations

import ast
import io
import itertools
import math
import re
import tokenize
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pint

from factcheck.extract.unit_registry import parse_unit, registry
from factcheck.intervals import Interval, Truth, compare

MAX_SOURCE_CHARS = 500
MAX_NODES = 200
MAX_EXPONENT = 6
MAX_CALL_ARGS = 10
MAX_LITERAL = 1e100
FUNCTIONS = ("min", "max", "abs")

_UNIT_LABELS = {"a": "years", "year": "years", "month": "months", "day": "days", "week": "weeks",
                "metric_ton": "t", "hr": "h"}


class ExpressionError(Exception):
    """An expression is not allowed; `col` is the 0-based offset in its source text."""

    def __init__(self, message: str, col: int = 0) -> None:
        super().__init__(message)
        self.col = col


class EvaluationError(Exception):
    """An expression could not be evaluated on these values (e.g. mixed dimensions)."""


def _unpickle_amount(interval: Interval, unit: str) -> Amount:
    return Amount(interval, registry().parse_units(unit) if unit else registry().dimensionless)


@lru_cache(maxsize=512)
def _factor(source: pint.Unit, target: pint.Unit) -> float:
    quantity = registry().Quantity(1.0, source)
    try:
        return float(quantity.to(target).magnitude)
    except pint.errors.DimensionalityError as exc:
        raise EvaluationError(f"cannot compare {unit_label(source)} with {unit_label(target)}") from exc
    except pint.errors.OffsetUnitCalculusError as exc:
        raise EvaluationError(f"cannot convert {unit_label(source)} to {unit_label(target)}") from exc


def unit_label(unit: pint.Unit) -> str:
    """A short unit name for reports: 'mm', 't', 'years' (pint would write 'a')."""
    if unit.dimensionless:
        return ""
    symbol = f"{unit:~P}"
    return _UNIT_LABELS.get(symbol) or re.sub(r"(?<![A-Za-z])a(?![A-Za-z])", "yr", symbol)


@dataclass(frozen=True)
class Amount:
    """An interval of values in one unit (dimensionless for counts and ratios)."""

    interval: Interval
    unit: pint.Unit

    @classmethod
    def of(cls, low: float, high: float, unit: str | pint.Unit = "") -> Amount:
        return cls(Interval(low, high), parse_unit(unit) if isinstance(unit, str) else unit)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled by unit name, so that it unpickles into the receiving process's own registry
        (compiled rules travel to the workers; pint refuses to combine units of two registries)."""
        return _unpickle_amount, (self.interval, str(self.unit))

    def to(self, unit: pint.Unit) -> Amount:
        if unit == self.unit:
            return self
        factor = _factor(self.unit, unit)
        return Amount(self.interval * Interval.point(factor), unit)

    def _simplified(self) -> Amount:
        if self.unit.dimensionless and self.unit != registry().dimensionless:
            return self.to(registry().dimensionless)
        return self

    def __add__(self, other: Amount) -> Amount:
        return Amount(self.interval + other.to(self.unit).interval, self.unit)

    def __sub__(self, other: Amount) -> Amount:
        return Amount(self.interval - other.to(self.unit).interval, self.unit)

    def __mul__(self, other: Amount) -> Amount:
        return Amount(self.interval * other.interval, self.unit * other.unit)._simplified()

    def __truediv__(self, other: Amount) -> Amount:
        return Amount(self.interval / other.interval, self.unit / other.unit)._simplified()

    def __neg__(self) -> Amount:
        return Amount(-self.interval, self.unit)

    def __abs__(self) -> Amount:
        low, high = self.interval.low, self.interval.high
        if low >= 0:
            return self
        if high <= 0:
            return -self
        return Amount(Interval(0.0, max(-low, high)), self.unit)

    def power(self, exponent: int) -> Amount:
        if exponent < 0:
            return Amount.of(1.0, 1.0) / self.power(-exponent)
        low, high = self.interval.low, self.interval.high
        ends = sorted((low**exponent, high**exponent))
        if exponent % 2 == 0 and low < 0 < high:
            ends = [0.0, ends[1]]
        return Amount(Interval(ends[0], ends[1]), self.unit**exponent)._simplified()

    def compare(self, op: str, other: Amount) -> Truth:
        return compare(self.interval, op, other.to(self.unit).interval)

    def __str__(self) -> str:
        return format_amount(self)


def format_amount(amount: Amount) -> str:
    label = unit_label(amount.unit)
    return f"{amount.interval.shown()} {label}".strip()


# --- parsing and checking -------------------------------------------------------------------

_COMPARISONS: dict[type[ast.cmpop], tuple[str, str]] = {
    ast.Lt: ("<", "<"), ast.LtE: ("<=", "≤"), ast.Gt: (">", ">"), ast.GtE: (">=", "≥"),
    ast.Eq: ("==", "="), ast.NotEq: ("!=", "≠"),
}
_ARITHMETIC: dict[type[ast.operator], str] = {
    ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "/", ast.Pow: "^",
}
_REFUSED: dict[type[ast.AST], str] = {
    ast.Attribute: "attribute access is not allowed",
    ast.Subscript: "subscripts are not allowed",
    ast.Lambda: "lambda is not allowed",
    ast.NamedExpr: "assignment is not allowed",
    ast.IfExp: "conditional expressions are not allowed",
    ast.Starred: "starred arguments are not allowed",
    ast.JoinedStr: "strings are not allowed",
    ast.ListComp: "comprehensions are not allowed",
    ast.SetComp: "comprehensions are not allowed",
    ast.DictComp: "comprehensions are not allowed",
    ast.GeneratorExp: "comprehensions are not allowed",
    ast.List: "lists are not allowed",
    ast.Tuple: "tuples are not allowed",
    ast.Dict: "dicts are not allowed",
    ast.Set: "sets are not allowed",
    ast.Await: "await is not allowed",
    ast.Yield: "yield is not allowed",
    ast.YieldFrom: "yield is not allowed",
}

_AMOUNT, _TRUTH = "a value", "a comparison"


@dataclass(frozen=True)
class Expression:
    """A checked boolean expression; `names` are the bound names it reads."""

    source: str
    tree: ast.Expression
    names: frozenset[str]
    literals: Mapping[str, Amount]

    def evaluate(self, values: Mapping[str, Amount],
                 describe: Callable[[str, Amount], str] | None = None) -> tuple[Truth, str]:
        """The truth of the expression for `values`, and the arithmetic written out.

        `describe(name, amount)` renders a bound name in the arithmetic (default: 'amount name').
        """
        evaluator = _Evaluator({**values, **self.literals}, set(self.literals), describe)
        try:
            result = evaluator.visit(self.tree.body)
        except (ArithmeticError, ValueError) as exc:
            raise EvaluationError(f"arithmetic failed: {exc}") from exc
        assert isinstance(result.value, Truth)
        return result.value, result.text


def parse_expression(source: str, names: frozenset[str] | set[str]) -> Expression:
    """Check `source` against the whitelist; raise `ExpressionError` naming what is refused."""
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError("expression is empty")
    if len(source) > MAX_SOURCE_CHARS:
        raise ExpressionError(f"expression longer than {MAX_SOURCE_CHARS} characters")
    rewritten, literals = _fold_unit_literals(source, frozenset(names))
    try:
        tree = ast.parse(rewritten.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"not a valid expression: {exc.msg}", max((exc.offset or 1) - 1, 0)) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise ExpressionError(f"not a valid expression: {exc}") from None
    count = sum(1 for _ in ast.walk(tree))
    if count > MAX_NODES:
        raise ExpressionError(f"expression too complex ({count} parts, at most {MAX_NODES})")
    checker = _Checker(frozenset(names), frozenset(literals))
    kind = checker.check(tree.body)
    if kind != _TRUTH:
        raise ExpressionError("expression must be a comparison (e.g. `a / b <= 600`), not a bare value")
    return Expression(source, tree, frozenset(checker.used), literals)


def _fold_unit_literals(source: str, names: frozenset[str]) -> tuple[str, dict[str, Amount]]:
    """Replace each `NUMBER UNIT` (e.g. `28 t`) by an internal name bound to that amount."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError) as exc:
        raise ExpressionError(f"not a valid expression: {exc}") from None
    lines = source.splitlines(keepends=True) or [source]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: tuple[int, int]) -> int:
        return starts[position[0] - 1] + position[1]

    pieces, literals, cursor = [], {}, 0
    for number, unit in itertools.pairwise(tokens):
        if number.type != tokenize.NUMBER or unit.type != tokenize.NAME:
            continue
        if unit.string in ("and", "or", "not", "if", "else", "in", "is", "for"):
            continue
        begin, end = offset(number.start), offset(unit.end)
        try:
            value = _number(number.string)
            amount = Amount.of(value, value, unit.string)
        except ExpressionError as exc:
            exc.col = begin
            raise
        except (pint.errors.PintError, ValueError, TypeError, AttributeError) as exc:
            hint = f" (to multiply, write {number.string} * {unit.string})" if unit.string in names else ""
            raise ExpressionError(f"unknown unit {unit.string!r}{hint}", offset(unit.start)) from exc
        name = f"_{len(literals)}"
        literals[name] = amount
        pieces.append(source[cursor:begin])
        pieces.append(name.ljust(end - begin))
        cursor = end
    pieces.append(source[cursor:])
    return "".join(pieces), literals


def _number(text: str) -> float:
    try:
        value = float(text.replace("_", ""))
    except ValueError:
        raise ExpressionError(f"not a plain number: {text!r}") from None
    if not math.isfinite(value) or abs(value) > MAX_LITERAL:
        raise ExpressionError(f"number out of range: {text}")
    return value


class _Checker:
    """Walks the AST once at load time; every node type not handled here is refused."""

    def __init__(self, names: frozenset[str], literals: frozenset[str]) -> None:
        self.names, self.literals = names, literals
        self.used: set[str] = set()

    def refuse(self, node: ast.AST, message: str) -> ExpressionError:
        return ExpressionError(message, getattr(node, "col_offset", 0))

    def check(self, node: ast.AST) -> str:
        if isinstance(node, ast.BoolOp):
            for value in node.values:
                self.expect(value, _TRUTH, "`and`/`or` combine comparisons")
            return _TRUTH
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.Not):
                self.expect(node.operand, _TRUTH, "`not` applies to a comparison")
                return _TRUTH
            if isinstance(node.op, ast.USub | ast.UAdd):
                self.expect(node.operand, _AMOUNT, "a sign applies to a value")
                return _AMOUNT
            raise self.refuse(node, "bitwise operators are not allowed")
        if isinstance(node, ast.BinOp):
            if type(node.op) not in _ARITHMETIC:
                raise self.refuse(node, f"operator {type(node.op).__name__} is not allowed (use + - * / **)")
            self.expect(node.left, _AMOUNT, "arithmetic applies to values")
            if isinstance(node.op, ast.Pow):
                _exponent(node.right)
            else:
                self.expect(node.right, _AMOUNT, "arithmetic applies to values")
            return _AMOUNT
        if isinstance(node, ast.Compare):
            for op in node.ops:
                if type(op) not in _COMPARISONS:
                    raise self.refuse(node, f"comparison {type(op).__name__} is not allowed")
            for operand in (node.left, *node.comparators):
                self.expect(operand, _AMOUNT, "comparisons apply to values")
            return _TRUTH
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.Constant):
            value = node.value
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise self.refuse(node, f"only numbers are allowed as constants, not {type(value).__name__}")
            if not math.isfinite(value) or abs(value) > MAX_LITERAL:
                raise self.refuse(node, "number out of range")
            return _AMOUNT
        if isinstance(node, ast.Call):
            return self.call(node)
        message = _REFUSED.get(type(node), f"{type(node).__name__} is not allowed")
        raise self.refuse(node, message)

    def expect(self, node: ast.AST, kind: str, why: str) -> None:
        found = self.check(node)
        if found != kind:
            raise self.refuse(node, f"{why}: found {found} where {kind} belongs")

    def name(self, node: ast.Name) -> str:
        name = node.id
        if name.startswith("__"):
            raise self.refuse(node, f"name {name!r} is not allowed (dunder names are refused)")
        if name in self.literals:
            return _AMOUNT
        if name in FUNCTIONS:
            raise self.refuse(node, f"{name} is a function: call it, e.g. {name}(a, b)")
        if name not in self.names:
            known = ", ".join(sorted(self.names)) or "none"
            raise self.refuse(node, f"unknown name {name!r} (known names: {known})")
        self.used.add(name)
        return _AMOUNT

    def call(self, node: ast.Call) -> str:
        if isinstance(node.func, ast.Attribute):
            raise self.refuse(node.func, _REFUSED[ast.Attribute])
        if not isinstance(node.func, ast.Name):
            raise self.refuse(node, "only the functions " + ", ".join(FUNCTIONS) + " may be called")
        name = node.func.id
        if name not in FUNCTIONS:
            raise self.refuse(node, f"calling {name!r} is not allowed (allowed: {', '.join(FUNCTIONS)})")
        if node.keywords:
            raise self.refuse(node, "keyword arguments are not allowed")
        if name == "abs" and len(node.args) != 1:
            raise self.refuse(node, "abs takes one value")
        if not 1 <= len(node.args) <= MAX_CALL_ARGS:
            raise self.refuse(node, f"{name} takes 1 to {MAX_CALL_ARGS} values")
        for arg in node.args:
            self.expect(arg, _AMOUNT, f"{name} applies to values")
        return _AMOUNT


def _exponent(node: ast.AST) -> int:
    """Powers are bounded: the exponent must be a whole number written in the rule, |n| <= 6."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        sign = -1 if isinstance(node.op, ast.USub) else 1
        node = node.operand
    if not (isinstance(node, ast.Constant) and type(node.value) is int):
        raise ExpressionError("the exponent of ** must be a whole number written out (e.g. x ** 2)",
                              getattr(node, "col_offset", 0))
    if node.value > MAX_EXPONENT:
        raise ExpressionError(f"exponent {node.value} too large (at most {MAX_EXPONENT})", node.col_offset)
    return sign * node.value


# --- evaluation ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Result:
    value: Any  # Amount or Truth
    text: str
    leaf: bool  # a single name or number (no '= result' needed after it)


_TRUTH_WORDS = {Truth.always: "holds", Truth.never: "fails", Truth.sometimes: "unclear"}


class _Evaluator:
    def __init__(self, values: Mapping[str, Amount], literal_names: set[str],
                 describe: Callable[[str, Amount], str] | None) -> None:
        self.values, self.literal_names = values, literal_names
        self.describe = describe or (lambda name, amount: f"{amount} {name.replace('_', ' ')}".strip())

    def visit(self, node: ast.AST) -> _Result:
        if isinstance(node, ast.Name):
            amount = self.values[node.id]
            text = str(amount) if node.id in self.literal_names else self.describe(node.id, amount)
            return _Result(amount, text, True)
        if isinstance(node, ast.Constant):
            amount = Amount.of(float(node.value), float(node.value))
            return _Result(amount, str(amount), True)
        if isinstance(node, ast.UnaryOp):
            operand = self.visit(node.operand)
            if isinstance(node.op, ast.Not):
                return _Result(_negate(operand.value), f"not ({operand.text})", False)
            value = -operand.value if isinstance(node.op, ast.USub) else operand.value
            return _Result(value, f"−{_wrap(operand)}" if isinstance(node.op, ast.USub) else operand.text,
                           False)
        if isinstance(node, ast.BinOp):
            return self.binop(node)
        if isinstance(node, ast.Call):
            args = [self.visit(arg) for arg in node.args]
            name = node.func.id  # type: ignore[attr-defined]
            value = _FUNCTION_IMPLS[name]([arg.value for arg in args])
            return _Result(value, f"{name}({', '.join(arg.text for arg in args)})", False)
        if isinstance(node, ast.Compare):
            return self.comparison(node)
        if isinstance(node, ast.BoolOp):
            parts = [self.visit(value) for value in node.values]
            truths = [part.value for part in parts]
            joiner = " and " if isinstance(node.op, ast.And) else " or "
            value = _all(truths) if isinstance(node.op, ast.And) else _any(truths)
            shown = (f"({part.text}: {_TRUTH_WORDS[part.value]})" for part in parts)
            return _Result(value, joiner.join(shown), False)
        raise EvaluationError(f"unexpected {type(node).__name__}")  # unreachable after _Checker

    def binop(self, node: ast.BinOp) -> _Result:
        left = self.visit(node.left)
        if isinstance(node.op, ast.Pow):
            exponent = _exponent(node.right)
            return _Result(left.value.power(exponent), f"{_wrap(left)}^{exponent}", False)
        right = self.visit(node.right)
        operation = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
                     ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b}[type(node.op)]
        value = operation(left.value, right.value)
        return _Result(value, f"{_wrap(left)} {_ARITHMETIC[type(node.op)]} {_wrap(right)}", False)

    def comparison(self, node: ast.Compare) -> _Result:
        operands = [self.visit(node.left), *(self.visit(item) for item in node.comparators)]
        truths, pieces = [], [_shown(operands[0])]
        for op, left, right in zip(node.ops, operands, operands[1:], strict=False):
            code, symbol = _COMPARISONS[type(op)]
            truths.append(left.value.compare(code, right.value))
            pieces.append(f"{symbol} {_shown(right)}")
        value = _all(truths)
        return _Result(value, " ".join(pieces), False)


def _shown(result: _Result) -> str:
    return result.text if result.leaf else f"{result.text} = {result.value}"


def _wrap(result: _Result) -> str:
    return result.text if result.leaf else f"({result.text})"


def _negate(truth: Truth) -> Truth:
    return {Truth.always: Truth.never, Truth.never: Truth.always}.get(truth, Truth.sometimes)


def _all(truths: list[Truth]) -> Truth:
    if Truth.never in truths:
        return Truth.never
    return Truth.always if all(t is Truth.always for t in truths) else Truth.sometimes


def _any(truths: list[Truth]) -> Truth:
    if Truth.always in truths:
        return Truth.always
    return Truth.never if all(t is Truth.never for t in truths) else Truth.sometimes


def _extreme(amounts: list[Amount], pick: Callable[..., float]) -> Amount:
    unit = amounts[0].unit
    converted = [amount.to(unit).interval for amount in amounts]
    return Amount(Interval(pick(i.low for i in converted), pick(i.high for i in converted)), unit)


_FUNCTION_IMPLS: dict[str, Callable[[list[Amount]], Amount]] = {
    "min": lambda args: _extreme(args, min),
    "max": lambda args: _extreme(args, max),
    "abs": lambda args: abs(args[0]),
}
