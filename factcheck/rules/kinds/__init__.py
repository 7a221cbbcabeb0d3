"""The closed registry of rule kinds: a rule's `kind` must name one of these modules.

Each module exposes `SCHEMA`, `compile(fields, origin)` and `evaluate(rule, context)`
(see `factcheck.rules.model`). Adding a kind is one line: its module name in `KIND_NAMES`.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

KIND_NAMES: tuple[str, ...] = (
    "formula",
    "cross_source",
    "percent_change",
    "multiplier",
    "part_whole",
    "per_unit",
    "repeated_figure",
    "date_arithmetic",
    "conversion",
    "dimensions",
    "reference",
)


@cache
def kind_module(name: str) -> ModuleType:
    """The module implementing kind `name`; only names in `KIND_NAMES` are ever imported."""
    if name not in KIND_NAMES:
        raise KeyError(f"unknown rule kind {name!r}")
    return importlib.import_module(f"{__name__}.{name}")
