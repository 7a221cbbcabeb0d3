"""Rule expressions: interval semantics with units, and the whitelist that keeps them safe."""

from __future__ import annotations

import math
import operator

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.intervals import Truth
from factcheck.rules.expressions import Amount, EvaluationError, ExpressionError, parse_expression

SHIPMENT = {
    "rounds": Amount.of(2.7e6, 3.0e6),
    "containers": Amount.of(10_450, 11_550),
    "payload": Amount.of(28, 28, "t"),
    "round_mass": Amount.of(45, 45, "kg"),
}


def evaluate(source: str, **values: Amount) -> tuple[Truth, str]:
    return parse_expression(source, set(values)).evaluate(values)


def test_the_shipment_arithmetic_reads_like_a_fact_checker_writes_it() -> None:
    truth, text = evaluate("rounds / containers <= payload / round_mass", **SHIPMENT)
    assert truth is Truth.always
    assert text == ("2.7–3.0 million rounds / 10,450–11,550 containers = 233–288 ≤ "
                    "28 t payload / 45 kg round mass = 622")


@pytest.mark.parametrize(("calibre", "truth"), [
    (Amount.of(152, 152, "millimetre"), Truth.always),
    (Amount.of(152, 152, "centimetre"), Truth.never),
    (Amount.of(0.5, 2, "metre"), Truth.sometimes),
])
def test_units_convert_before_comparing(calibre: Amount, truth: Truth) -> None:
    assert evaluate("20 mm <= calibre <= 1000 mm", calibre=calibre)[0] is truth


@pytest.mark.parametrize(("source", "truth"), [
    ("a < 10 and b < 10", Truth.sometimes),  # a always below, b unclear
    ("a < 10 or b < 10", Truth.always),
    ("not (a < 10)", Truth.never),
    ("a > 100 or b > 100", Truth.never),
    ("max(a, b) <= 12", Truth.always),
    ("min(a, b) >= 5", Truth.always),
    ("abs(a - b) <= 10", Truth.always),
    ("a ** 2 < 100", Truth.always),
    ("a == 5", Truth.sometimes),
    ("a != 50", Truth.always),
])
def test_three_valued_logic(source: str, truth: Truth) -> None:
    assert evaluate(source, a=Amount.of(5, 6), b=Amount.of(8, 12))[0] is truth


def test_mixing_dimensions_is_an_evaluation_error() -> None:
    with pytest.raises(EvaluationError, match="cannot compare"):
        evaluate("a <= 3 kg", a=Amount.of(1, 2, "year"))


@pytest.mark.parametrize(("source", "words"), [
    ("().__class__ < 1", "attribute access"),
    ("a.__class__.__bases__ < 1", "attribute access"),
    ("__import__('os').system('true') < 1", "attribute access"),
    ("__builtins__ < 1", "dunder"),
    ("open('/etc/passwd') < 1", "calling 'open' is not allowed"),
    ("eval('1') < 1", "calling 'eval' is not allowed"),
    ("a < 9 ** 9 ** 9", "exponent"),
    ("a < 10 ** 400", "too large"),
    ("a < 2 ** a", "exponent"),
    ("'x' * 10 ** 6 < a", "only numbers"),
    ("a < len('x' * 1000000)", "calling 'len' is not allowed"),
    ("a[0] < 1", "subscripts"),
    ("(lambda: 1)() < a", "only the functions"),
    ("[a for a in b] < 1", "comprehensions"),
    ("(a := 1) < 2", "assignment"),
    ("a if a else a", "conditional"),
    ("a < 1e400", "out of range"),
    ("a", "must be a comparison"),
    ("a < b", "unknown name 'b'"),
    ("a < 3 furlongz", "unknown unit"),
    ("a % 2 < 1", "not allowed"),
    ("a < " + "1 + " * 300 + "1", "longer than"),
    ("max(a, key=a) < 1", "keyword arguments"),
    ("min < 1", "is a function"),
    ("(a < 1) + 1 < 2", "arithmetic applies to values"),
    ("a < (", "not a valid expression"),
])
def test_hostile_or_broken_expressions_are_refused_before_anything_runs(source: str, words: str) -> None:
    with pytest.raises(ExpressionError) as caught:
        parse_expression(source, {"a"})
    assert words in str(caught.value)


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def intervals(draw: st.DrawFn) -> tuple[float, float]:
    low, high = sorted((draw(finite), draw(finite)))
    return low, high


@given(intervals(), intervals(), st.sampled_from(["<", "<=", ">", ">=", "==", "!="]),
       st.floats(0, 1), st.floats(0, 1))
def test_verdicts_are_sound_for_every_value_inside_the_intervals(a, b, op, s, t) -> None:
    """`always` means every pair of values satisfies the comparison; `never` means none does."""
    truth, _ = evaluate(f"x {op} y", x=Amount.of(*a), y=Amount.of(*b))
    x, y = _inside(a, s), _inside(b, t)
    holds = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
             "==": operator.eq, "!=": operator.ne}[op](x, y)
    if truth is Truth.always:
        assert holds
    if truth is Truth.never:
        assert not holds


@given(intervals(), intervals(), st.sampled_from(["+", "-", "*", "/"]), st.floats(0, 1), st.floats(0, 1))
@example((0.0, 1.0), (2.2250738585e-313, 2.2250738585e-313), "/", 0.0, 0.0)  # 1 / b overflows
@example((1.0, 2.0), (1e-310, 1e-310), "/", 0.0, 0.0)  # x / y overflows: exact and low are infinite
@example((2.0, 2.0), (1.1125369292536007e-308, 1.1125369292536007e-308), "/", 0.0, 0.0)  # 2 / b is inf
def test_arithmetic_contains_every_result_of_values_inside(a, b, op, s, t) -> None:
    x, y = _inside(a, s), _inside(b, t)
    if op == "/" and y == 0:
        return
    combine = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}[op]
    exact = combine(x, y)
    result = combine(Amount.of(*a), Amount.of(*b)).interval
    if math.isinf(exact):  # x / y overflowed: the interval must reach that infinity (inf - inf is NaN)
        assert result.low <= exact <= result.high
        return
    tolerance = 1e-9 * max(1.0, abs(exact)) if abs(exact) < float("inf") else 0.0  # inf - inf is nan
    assert result.low - tolerance <= exact <= result.high + tolerance


def _inside(bounds: tuple[float, float], share: float) -> float:
    low, high = bounds
    return min(max(low + share * (high - low), low), high)


def test_currencies_compare_in_their_own_currency_only() -> None:
    dollars = Amount.of(2500, 2500, "united states dollar")
    assert evaluate("price <= 5000 USD", price=dollars)[0] is Truth.always
    assert evaluate("price <= 5000 dollar", price=Amount.of(2.5e9, 2.5e9, "dollar"))[0] is Truth.never
    with pytest.raises(EvaluationError, match="cannot compare"):
        evaluate("price <= 5000 dollar", price=Amount.of(10, 10, "pound sterling"))
    assert Amount.of(1, 1, "pound").unit.dimensionality != Amount.of(1, 1, "GBP").unit.dimensionality
