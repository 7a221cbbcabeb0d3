"""Which rules a run applies, chosen as linters choose theirs.

The shipped packs, or a repository's own files in their place (`--rules`, config `rules`), plus
files added to them (`--extend-rules`, config `extend-rules`); then `select` keeps only the named
rules or packs, `ignore` drops some (it wins over `select`), and `severity` overrides how serious a
rule or pack is (a rule's own entry wins over its pack's). A pack is a leading part of rule ids
that ends at a '/': `arithmetic` names `arithmetic/percent-change` and its siblings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from factcheck.rules.findings import Severity
from factcheck.rules.loader import RuleSet, default_rule_paths, load_rules, rule_files
from factcheck.rules.model import Position, RuleError


@dataclass(frozen=True)
class RuleChoice:
    """What a run was told about its rules; empty fields leave the default (all shipped rules)."""

    rules: tuple[str, ...] = ()  # files or folders used instead of the shipped packs
    extend: tuple[str, ...] = ()  # files or folders added to them
    select: tuple[str, ...] = ()  # rule ids or packs to keep (none: every rule)
    ignore: tuple[str, ...] = ()  # rule ids or packs to leave out
    severity: tuple[tuple[str, str], ...] = ()  # (rule id or pack, severity)


def names(selector: str, rule_id: str) -> bool:
    """Whether `selector` is the rule's id or one of its packs."""
    return rule_id == selector or rule_id.startswith(selector + "/")


def packs(rule_ids: Iterable[str]) -> list[str]:
    """Every pack the ids belong to (each leading part ending at a '/'), sorted."""
    found = set()
    for rule_id in rule_ids:
        parts = rule_id.split("/")
        found.update("/".join(parts[:end]) for end in range(1, len(parts)))
    return sorted(found)


def chosen_files(choice: RuleChoice) -> list[Path]:
    """The rule files `load_chosen(choice)` reads, in order."""
    return rule_files([*(choice.rules or default_rule_paths()), *choice.extend])


def load_chosen(choice: RuleChoice, raw: Mapping[Path, bytes] | None = None) -> RuleSet:
    """The rule set `choice` describes (parsing the bytes in `raw` of files already read, see
    `load_rules`); a `RuleError` for a bad rule file or a selector that names no rule (a misspelt
    id would otherwise silently select nothing)."""
    loaded = load_rules([*(choice.rules or default_rule_paths()), *choice.extend], raw)
    ids = [rule.id for rule in loaded]
    for key, selectors in (("select", choice.select), ("ignore", choice.ignore),
                           ("severity", [selector for selector, _ in choice.severity])):
        for selector in selectors:
            if not any(names(selector, rule_id) for rule_id in ids):
                raise RuleError(Position(key, 0, 0), f"no rule or pack {selector!r} "
                                f"(packs: {', '.join(packs(ids))}; `factcheck rules list` lists the rules)")
    # The longest selector naming a rule is the most specific: a rule's id before its pack's.
    overrides = sorted(choice.severity, key=lambda item: len(item[0]))
    kept = []
    for rule in loaded:
        if choice.select and not any(names(selector, rule.id) for selector in choice.select):
            continue
        if any(names(selector, rule.id) for selector in choice.ignore):
            continue
        levels = [level for selector, level in overrides if names(selector, rule.id)]
        kept.append(dataclasses.replace(rule, severity=Severity(levels[-1])) if levels else rule)
    return RuleSet.of(kept, loaded.files)
