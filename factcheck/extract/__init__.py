"""Stage 2: extract quantities from a document into the quantities table."""

from factcheck.extract.core import extract, extract_document
from factcheck.extract.schema import COLUMNS, QUALIFIERS

__all__ = ["COLUMNS", "QUALIFIERS", "extract", "extract_document"]
