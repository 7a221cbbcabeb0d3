"""The one unit registry: pint, able to read every unit name the quantities table writes.

The table names units as quantulum3 does ("pound-mass", "british thermal unit", "dollar per
year"); rules write pint's names ("kg", "km / h"). `parse_unit` reads both through one registry:
aliases for the names pint spells differently, underscores for names pint writes with them
("standard atmosphere" is `standard_atmosphere`), a rate "X per Y" as X / Y, and definitions for
what pint lacks or reads otherwise: currencies (each its own dimension: there is no fixed rate
between them), "percentage point", and "decade" as ten years (pint's decade is logarithmic). A
unit the table may write that none of these reach is defined as a dimension of its own, so it
parses and converts only to itself: comparing it with anything else is refused, never guessed.
"""

from __future__ import annotations

import re
import sys
from functools import cache, lru_cache

# pint imports dask's core (a tenth of a second, once per process) whenever dask is installed (the
# `dask` extra), to wrap dask arrays, which factcheck never hands it: dask is hidden while it loads.
_HIDE_DASK = "dask" not in sys.modules
if _HIDE_DASK:
    sys.modules["dask"] = None  # type: ignore[assignment]  # as a failed import leaves it
try:
    import pint
finally:
    if _HIDE_DASK:
        del sys.modules["dask"]

MAX_UNIT_CHARS = 60
_UNIT_WORD = r"(?:[^\W\d]|[°µ'-])++(?:\s*+(?:\*\*|\^)\s*+-?\d)?"
# Only plain unit words, `/`, `*` and single-digit powers reach pint: its unit parser evaluates
# arithmetic, and `t*9**9**9` would never finish. One separator between words: a "/" or "*" with
# spaces, or spaces alone (never both readings of a run of spaces, which made a run cubic).
_SAFE_UNIT = re.compile(rf"{_UNIT_WORD}(?:\s*+[/*]\s*+{_UNIT_WORD}|\s++{_UNIT_WORD})*")
_PER = re.compile(r"\s+per\s+")

# Currencies, each its own dimension, under the names the table and rules use.
CURRENCIES = {
    "dollar": ("usd", "us dollar", "united states dollar", "dollars"),
    "pound_sterling": ("gbp", "pound sterling", "sterling", "pounds sterling"),
    "euro": ("eur", "euros"),
    "yen": ("jpy", "japanese yen"),
    "yuan": ("cny", "renminbi", "chinese yuan"),
    "rupee": ("inr", "indian rupee", "rupees"),
}
# Table names pint spells otherwise, or reads as something else.
_ALIASES = {
    "percentage": "percent", "degree celsius": "degC", "degree fahrenheit": "degF",
    "percentage point": "percentage_point", "decade": "decade_of_years", "pound-mass": "pound",
    "degree angle": "degree", "minute of arc": "arcminute", "second of arc": "arcsecond",
    "inverse second": "1 / second", "parts-per-million": "ppm", "per mille": "permille",
    "short ton": "short_ton", "long ton": "long_ton", "metric ton": "metric_ton",
    "nautical mile": "nautical_mile", "fluid ounce": "fluid_ounce",
    **{alias: name for name, aliases in CURRENCIES.items() for alias in aliases},
}
_DEFINITIONS = (
    "percentage_point = 0.01",
    "decade_of_years = 10 * year",
    "lustrum = 5 * year",
    "permille = 0.001",
    "parts_per_billion = 1e-9",
    "parts_per_trillion = 1e-12",
    "basis_point = 0.0001",
    "dozen = 12",
    "bakers_dozen = 13",
    "gross = 144",
    "great_gross = 1728",
    "long_hundred = 120",
    "pair = 2",
    "quintal = 100 * kilogram",
    "horsepower_hour = horsepower * hour",
    "inch_of_mercury = inch_Hg",
    "millimeter_of_mercury = mmHg",
    "inch_of_water = inch_H2O",
    "centimeter_of_water = cmH2O",
)


@cache
def registry() -> pint.UnitRegistry:
    """The one pint registry of the process (building it costs a fraction of a second: on first use)."""
    units = pint.UnitRegistry()
    for name in CURRENCIES:
        units.define(f"{name} = [currency_{name}]")
    for definition in _DEFINITIONS:
        units.define(definition)
    return units


_STAND_INS: set[str] = set()  # names defined only so that they parse (see `understood`)


def _own_dimension(name: str) -> pint.Unit:
    """A unit pint cannot read, as a dimension of its own (defined once, on first sight)."""
    units = registry()
    symbol = "unit_" + re.sub(r"\W", "_", name)
    if symbol not in units:
        units.define(f"{symbol} = [{symbol}]")
        _STAND_INS.add(symbol)
    return units.parse_units(symbol)


def understood(unit: pint.Unit) -> bool:
    """Whether pint knows what `unit` is, rather than holding a stand-in so that its name parses."""
    return not any(name in _STAND_INS for name in unit._units)


def _one(name: str) -> pint.Unit:
    """One unit name (no 'per'), as the table or a rule writes it."""
    units = registry()
    name = _ALIASES.get(name.lower(), name)
    for spelling in (name, re.sub(r"[\s'-]+", "_", name.replace("'s", "s"))):
        try:
            return units.parse_units(spelling)
        except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError):
            continue
    return _own_dimension(name)


def _checked(name: str) -> str:
    name = name.strip()
    if len(name) > MAX_UNIT_CHARS or not _SAFE_UNIT.fullmatch(name):
        raise ValueError(f"not a unit: {name[:MAX_UNIT_CHARS]!r}")
    return name


@lru_cache(maxsize=1024)
def parse_unit(name: str) -> pint.Unit:
    """A pint unit from a unit name as a rule writes it ('' is a count); unknown names raise."""
    if not name.strip():
        return registry().dimensionless
    lowered = name.strip().lower()
    if lowered in _ALIASES:
        return registry().parse_units(_ALIASES[lowered])
    name = _checked(name)
    if " per " in lowered:  # "pound sterling per year"
        return registry().parse_units(" / ".join(_ALIASES.get(part, part) for part in lowered.split(" per ")))
    return registry().parse_units(name)


@lru_cache(maxsize=4096)
def table_unit(name: str) -> pint.Unit:
    """A pint unit from a unit name as the quantities table writes it ('' is a count).

    Every such name parses: a rate "X per Y" is X / Y, and a word pint does not know ("dollar
    per share", "jansky") becomes a dimension of its own.
    """
    if not name.strip():
        return registry().dimensionless
    name = _checked(name)
    parts = _PER.split(name)
    unit = _one(parts[0])
    for part in parts[1:]:
        unit = unit / _one(part)
    return unit
