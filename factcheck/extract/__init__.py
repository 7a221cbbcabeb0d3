"""Stage 2: extract quantities from a document into the quantities table.

`factcheck.extract(text)` is the public API, but importing this subpackage binds the name
`factcheck.extract` to the subpackage itself, hiding the package's function; so the
subpackage is made callable with the same signature, and both spellings keep working.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

from factcheck.extract.core import extract, extract_document, extract_rows
from factcheck.extract.schema import COLUMNS, QUALIFIERS, validate

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "QUALIFIERS", "extract", "extract_document", "extract_rows", "validate"]


class _CallableModule(types.ModuleType):
    def __call__(self, text: str, doc: str = "") -> pd.DataFrame:
        return extract(text, doc=doc)


sys.modules[__name__].__class__ = _CallableModule
