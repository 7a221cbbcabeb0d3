"""Stage 3: rules as YAML data, loaded with positions and evaluated over intervals."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.rules.loader import RuleSet


def load_ruleset(paths: Sequence[str | Path] | None = None) -> RuleSet:
    """Load rule files and folders (default: the shipped packs); raises `RuleError` with file:line."""
    from factcheck.rules.loader import load_rules

    return load_rules(paths)


__all__ = ["load_ruleset"]
