"""factcheck: a numeric fact checker for reported figures.

The pipeline is read documents -> extract quantities -> evaluate rules -> render reports;
each stage is a subpackage and lower stages never import higher ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__version__ = "0.1.0"


def extract(text: str, doc: str = "") -> pd.DataFrame:
    """Return the quantities table of `text` (schema: `factcheck.extract.schema`)."""
    from factcheck.extract import extract as _extract

    return _extract(text, doc=doc)


__all__ = ["__version__", "extract"]
