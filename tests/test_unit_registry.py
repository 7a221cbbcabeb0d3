"""The one unit registry: every unit name the quantities table writes parses, and converts as pint would."""

from __future__ import annotations

import pytest

from factcheck.compare.align import unit_factor
from factcheck.extract import extract
from factcheck.extract.unit_registry import parse_unit, registry, table_unit, understood
from factcheck.extract.units import CURRENCY_CODES, CURRENCY_PREFIXES, _quantulum_surfaces
from factcheck.rules import expressions


def test_every_name_the_extractor_can_write_parses() -> None:
    names = {name for found in _quantulum_surfaces().values() for name, _ in found}
    names |= {unit.name for unit in (*CURRENCY_PREFIXES.values(), *CURRENCY_CODES.values())}
    for name in sorted(names):
        table_unit(name)
        table_unit(f"{name} per year")


@pytest.mark.parametrize(("name", "target", "factor"), [
    ("pound-mass", "kilogram", 0.45359237),
    ("decade", "year", 10.0),  # pint's own 'decade' is a logarithmic unit
    ("percentage point", "percent", 1.0),
    ("standard atmosphere", "pascal", 101325.0),
    ("dollar per year", "dollar / month", 1 / 12),
    ("mile per hour", "kilometre per hour", 1.609344),
])
def test_table_names_convert_as_they_mean(name, target, factor) -> None:
    assert understood(table_unit(name))
    assert unit_factor(name, target) == pytest.approx(factor)


def test_a_name_pint_lacks_parses_but_converts_only_to_itself() -> None:
    assert not understood(table_unit("jansky per share"))
    assert unit_factor("dollar per share", "dollar per share") == 1.0
    assert unit_factor("dollar per share", "dollar") is None
    assert unit_factor("australian dollar", "dollar") is None  # no exchange rates


def test_the_units_of_a_text_all_parse() -> None:
    text = ("The lorry carried 12 pound-mass of salt for a decade, rates rose 0.4 percentage points, "
            "the fund paid $3 a share and the car did 40 miles per hour.")
    for unit in extract(text)["unit"]:
        table_unit(unit)


def test_rules_and_comparisons_share_one_registry() -> None:
    assert expressions.registry() is registry()
    assert expressions.parse_unit is parse_unit


def test_rule_units_stay_strict() -> None:
    with pytest.raises(Exception):  # noqa: B017 - pint raises its own error types
        parse_unit("kilometrs")
