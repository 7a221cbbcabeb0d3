"""The rules reference: one markdown page made from the rule files, so it cannot drift from them.

`factcheck rules reference --output docs/rules-reference.md` writes it for the shipped packs (a test
compares the committed page with a fresh one). Rules are grouped by pack, the part of the id
before its first '/', each with its stable id, severity, kind, file, rationale, sources and the
example sentences its tests run.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from pathlib import PurePath
from typing import Any

from factcheck.report.escape import code, escape

COMMAND = "factcheck rules reference --output docs/rules-reference.md"


def render_reference(rules: Iterable[Any]) -> str:
    ordered = sorted(rules, key=lambda rule: rule.id)
    lines = ["# Rules reference", "",
             f"Generated from the rule files by `{COMMAND}`; do not edit it by hand.",
             "Select or ignore a rule by its id or its pack, and change its severity, as",
             "[docs/rules.md](rules.md#choosing-the-rules) explains.", "",
             "| id | severity | kind | title |", "| --- | --- | --- | --- |"]
    lines += [f"| [{code(rule.id, in_table=True)}](#{_anchor(rule.id)}) | {rule.severity} | {rule.kind} | "
              f"{escape(rule.title)} |" for rule in ordered]
    for pack, members in groupby(ordered, key=lambda rule: rule.id.split("/")[0]):
        lines += ["", f"## {pack}"]
        for rule in members:
            lines += _rule(rule)
    return "\n".join(lines) + "\n"


def _rule(rule: Any) -> list[str]:
    facts = f"severity `{rule.severity}` · kind `{rule.kind}`"
    if rule.origin is not None:
        facts += f" · file `{PurePath(rule.origin.file).name}`"
    lines = ["", f"### {rule.id}", "", f"**{escape(rule.title)}**", "", facts, "", escape(rule.rationale)]
    if rule.sources:
        lines += ["", "Sources:", ""] + [f"- {escape(source)}" for source in rule.sources]
    lines += ["", "Examples:", ""]
    for example in rule.examples:
        lines.append(f"- {example.expect}: {escape(example.text)}")
        lines += [f"  - other version: {escape(version)}" for version in example.versions]
    return lines


def _anchor(rule_id: str) -> str:
    """GitHub's heading anchor: lowercase, spaces to dashes, punctuation other than '-' and '_' dropped."""
    return "".join(char for char in rule_id.lower().replace(" ", "-") if char.isalnum() or char in "-_")
