"""Stage 2: extract quantities from a document into the quantities table.

`factcheck.extract(text)` is the public API, but importing this subpackage binds the name
`factcheck.extract` to the subpackage itself, hiding the package's function; so the
subpackage is made callable with the same signature, and both spellings keep working.
"""

import sys
import types

import pandas as pd

from factcheck.extract.core import extract, extract_document
from factcheck.extract.schema import COLUMNS, QUALIFIERS, validate

__all__ = ["COLUMNS", "QUALIFIERS", "extract", "extract_document", "validate"]


class _CallableModule(types.ModuleType):
    def __call__(self, text: str, doc: str = "") -> pd.DataFrame:
        return extract(text, doc=doc)


sys.modules[__name__].__class__ = _CallableModule
