"""Stage 2: extract quantities from a document into the quantities table.

`factcheck.extract(text)` is the public API, but importing this subpackage binds the name
`factcheck.extract` to the subpackage itself, hiding the package's function; so the
subpackage is made callable with the same signature, and both spellings keep working.

The extractor itself (`core`, which compiles its patterns on import) is imported on first use, so
that a module reading only the schema or the sentence splitter (a report, a run serving cached
results) does not load it.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from factcheck.extract.schema import COLUMNS, QUALIFIERS, validate

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.extract.core import extract, extract_document, extract_rows

__all__ = ["COLUMNS", "QUALIFIERS", "extract", "extract_document", "extract_rows", "validate"]
_EXTRACTOR = ("extract", "extract_document", "extract_rows")


def __getattr__(name: str) -> Any:
    if name in _EXTRACTOR:
        from factcheck.extract import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _CallableModule(types.ModuleType):
    def __call__(self, text: str, doc: str = "") -> pd.DataFrame:
        from factcheck.extract.core import extract

        return extract(text, doc=doc)


sys.modules[__name__].__class__ = _CallableModule
