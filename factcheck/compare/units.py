"""One pint registry per process for converting between the units versions happen to use."""

from __future__ import annotations

from functools import lru_cache

import pint


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """pint's default registry; building it costs about a second, so it is built on first use."""
    return pint.UnitRegistry()
