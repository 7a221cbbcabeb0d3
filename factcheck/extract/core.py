"""Quantity extraction on top of quantulum3, one sentence at a time."""

from __future__ import annotations

import re
import warnings

import pandas as pd

from factcheck.documents import Document
from factcheck.extract.schema import to_table

_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s)|$)", re.MULTILINE)


def _parser():  # quantulum3 costs seconds to import and warm up: load it on first use only
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser
    return parser


def extract(text: str, doc: str = "") -> pd.DataFrame:
    """Return the quantities table of one text."""
    parser = _parser()
    rows: list[dict[str, object]] = []
    for match in _SENTENCE.finditer(text):
        sentence, offset = match.group(), match.start()
        if not any(ch.isdigit() for ch in sentence):
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(sentence)
        for q in found:
            start, end = offset + q.span[0], offset + q.span[1]
            unit = "" if q.unit.name == "dimensionless" else q.unit.name
            rows.append({
                "doc": doc, "start": start, "end": end, "surface": text[start:end],
                "value": float(q.value), "low": float(q.value), "high": float(q.value),
                "qualifier": "exact", "unit": unit,
                "dimension": "count" if not unit else q.unit.entity.name,
                "concept": None, "sentence": sentence, "sentence_start": offset,
                "paragraph": text.count("\n\n", 0, offset),
            })
    return to_table(rows)


def extract_document(document: Document) -> pd.DataFrame:
    """Return the quantities table of a document, rows named by its `doc`."""
    return extract(document.text, doc=document.doc)
