"""The JSON comparison report, for tools: every story, its versions and its aligned figures.

`{"stories": [{"story", "versions", "counts": {"conflict", "single_source", "agree"},
"figures": [{"verdict", "concept", "dimension", "unit", "reason", "mentions": [{"doc", "start",
"end", "surface", "value", "low", "high", "sentence", "attribution"}], "reworded": [{"doc",
"lead"}], "counterparts": [{"doc", "sentence_start", "sentence", "shared"}]}]}]}`; offsets index
the same text as `extract`, infinite ends are null; `reworded` lists each version's words before
a duration that no concept pins down when the versions lead to it differently.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable

from factcheck.compare.align import Agreement, Comparison


def _number(value: float) -> float | None:
    return None if math.isinf(value) or math.isnan(value) else value


def comparison_record(comparison: Comparison) -> dict[str, object]:
    """One story as a JSON-ready dict, in a fixed key order."""
    return {
        "story": comparison.story,
        "versions": list(comparison.versions),
        "counts": {verdict.value: comparison.count(verdict) for verdict in Agreement},
        "figures": [{
            "verdict": figure.verdict.value,
            "concept": figure.concept,
            "dimension": figure.dimension,
            "unit": figure.unit,
            "reason": figure.reason,
            "mentions": [{
                "doc": m.doc, "start": m.start, "end": m.end, "surface": m.surface,
                "value": _number(m.value), "low": _number(m.low), "high": _number(m.high),
                "sentence": " ".join(m.sentence.split()), "attribution": m.attribution,
            } for m in figure.mentions],
            "reworded": [{"doc": doc, "lead": lead} for doc, lead in figure.reworded],
            "counterparts": [{
                "doc": c.doc, "sentence_start": c.sentence_start,
                "sentence": " ".join(c.sentence.split()), "shared": list(c.shared),
            } for c in figure.counterparts],
        } for figure in comparison.figures],
    }


def render_json(comparisons: Iterable[Comparison]) -> str:
    """All stories as one JSON document (stable key order, UTF-8, trailing newline)."""
    return json.dumps({"stories": [comparison_record(c) for c in comparisons]},
                      ensure_ascii=False, indent=2) + "\n"
