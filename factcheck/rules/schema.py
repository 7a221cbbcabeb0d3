"""JSON Schemas for rule files: the fields every rule shares (each kind adds its own `SCHEMA`)."""

from __future__ import annotations

from typing import Any

# `\Z`, not `$`: the schema's patterns are Python's, whose `$` also matches before a final newline.
RULE_ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*(?:[./][a-z0-9][a-z0-9_-]*)*\Z"
VERDICTS = ("pass", "fail", "uncertain")
SEVERITIES = ("error", "warning", "info")

EXAMPLE_OBJECT: dict[str, Any] = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "minLength": 1, "maxLength": 5000},
        "expect": {"enum": list(VERDICTS)},
        # Other versions of the same story, for rules that compare versions (`cross_source`).
        # Figures as written in `text` that a finding with the expected verdict must cover.
        "catches": {
            "type": "array", "minItems": 1, "maxItems": 20,
            "items": {"type": "string", "minLength": 1, "maxLength": 200},
        },
        "versions": {
            "type": "array", "minItems": 1, "maxItems": 10,
            "items": {"type": "string", "minLength": 1, "maxLength": 5000},
        },
    },
    "required": ["text"],
    "additionalProperties": False,
}

_EXAMPLE_LIST: dict[str, Any] = {
    "type": "array",
    "minItems": 1,
    "items": {"type": ["string", "object"], "minLength": 1, "maxLength": 5000},
}


def common_fields(kinds: tuple[str, ...]) -> dict[str, Any]:
    """The schema of each field all rules share, with `kind` closed to the registered kinds."""
    return {
        "id": {"type": "string", "pattern": RULE_ID_PATTERN, "maxLength": 120},
        "title": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": r"^\S(?:[^\n]*\S)?\Z"},
        "kind": {"enum": list(kinds)},
        "severity": {"enum": list(SEVERITIES)},
        "rationale": {"type": "string", "minLength": 1},
        "sources": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        "examples": {
            "type": "object",
            "properties": {"pass": _EXAMPLE_LIST, "fail": _EXAMPLE_LIST},
            "required": ["pass", "fail"],
            "additionalProperties": False,
        },
    }


def file_schema(kinds: tuple[str, ...]) -> dict[str, Any]:
    """A rule file: `rules:` (a list of rules) and an optional `description:` of the pack.

    Each rule is checked here for the shared fields only; the kind's own fields are checked
    against the kind's `SCHEMA` afterwards, and any key neither schema knows is refused.
    """
    fields = common_fields(kinds)
    return {
        "type": "object",
        "properties": {
            "description": {"type": "string"},
            "rules": {
                "type": "array",
                "minItems": 1,
                "items": {"type": "object", "properties": fields, "required": list(fields)},
            },
        },
        "required": ["rules"],
        "additionalProperties": False,
    }
