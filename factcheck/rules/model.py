"""Rules as loaded from YAML, and the context a rule is evaluated in.

Each rule kind is a module `factcheck.rules.kinds.<kind>` exposing:

- `SCHEMA`: a JSON Schema (dict) for the kind's own fields;
- `compile(fields, origin) -> object`: validate and precompile those fields once, at load time
  (e.g. parse expressions), raising `RuleError` with the position of what is wrong
  (`origin` is the rule's `Position`; as an `Origin` it also locates each field: `origin.at("expect")`);
- `evaluate(rule, context) -> Iterable[Finding]`: the rule's verdicts on one document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from factcheck.rules.findings import Severity, Verdict

if TYPE_CHECKING:  # annotations only: loading rules needs neither pandas nor the comparison code
    import pandas as pd

    from factcheck.compare.align import Version
    from factcheck.extract.relations.table import Relation


@dataclass(frozen=True)
class Position:
    """Where something stands in a rule file (1-based line and column)."""

    file: str
    line: int
    col: int

    def __str__(self) -> str:
        """`file:line:col`, or just `file` for problems with the file as a whole (line 0)."""
        return f"{self.file}:{self.line}:{self.col}" if self.line > 0 else self.file


@dataclass(frozen=True)
class Origin(Position):
    """A rule's position that can also locate its fields: `origin.at("select", "rounds")`.

    `paths` maps a path of keys and indices inside the rule to where its value starts.
    """

    paths: Mapping[tuple[str | int, ...], Position] = field(default_factory=dict, compare=False, repr=False)

    def at(self, *path: str | int) -> Position:
        """Where the value at `path` starts, or its nearest located ancestor."""
        for length in range(len(path), 0, -1):
            found = self.paths.get(tuple(path[:length]))
            if found is not None:
                return found
        return Position(self.file, self.line, self.col)


class RuleError(Exception):
    """A rule file is invalid; the message names the file, line, column and what is wrong."""

    def __init__(self, where: Position, message: str, excerpt: str = "") -> None:
        self.where = where
        self.reason = message
        self.excerpt = excerpt
        super().__init__(f"{where}: {message}" + (f"\n{excerpt}" if excerpt else ""))


@dataclass(frozen=True)
class Example:
    """A sentence or short passage with the verdict the rule must give on it; `versions` are other
    versions of the same story it is read against (for rules that compare versions); `catches`
    the figures (as written) a finding with that verdict must cover."""

    text: str
    expect: Verdict
    origin: Position
    versions: tuple[str, ...] = ()
    catches: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    kind: str
    severity: Severity
    rationale: str
    sources: tuple[str, ...]
    examples: tuple[Example, ...]
    compiled: Any  # what the kind's `compile` returned for the kind's own fields
    fields: Mapping[str, Any] = field(default_factory=dict)  # the kind's fields as written
    origin: Position | None = None


@dataclass(frozen=True)
class Context:
    """One document as the rules see it."""

    doc: str
    text: str
    quantities: pd.DataFrame
    relations: tuple[Relation, ...]
    published: date | None = None
    # The versions of the document's story, what `cross_source` reads: filled by `check --stories`
    # (the document among them) and by rule examples (only the other versions).
    versions: tuple[Version, ...] = ()
