"""YAML read fast and the YAML 1.2 way, for rule files and the shipped facts alike.

libyaml (PyYAML's C parser, many times faster than a pure-Python one) does the parsing; plain
scalars resolve by the YAML 1.2 core schema, as ruamel.yaml reads YAML by default (`yes` and `on`
are words, not booleans; `1e6` is a number).
"""

from __future__ import annotations

from typing import Any, ClassVar

import yaml
from ruamel.yaml.resolver import implicit_resolvers


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser and composer (PyYAML's pure-Python ones where it was built without it),
    with safe construction, resolving plain scalars by the YAML 1.2 core schema."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[Any]]] = {}


for _versions, _tag, _pattern, _first in implicit_resolvers:
    if (1, 2) in _versions:
        Loader.add_implicit_resolver(_tag, _pattern, _first)


def load(text: str) -> Any:
    """The plain data of one YAML document (safe: no tags that build objects)."""
    return yaml.load(text, Loader=Loader)
