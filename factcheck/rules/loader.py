"""Load rule files safely, with the file, line and column of every mistake.

YAML is only *composed* (turned into a node graph, which never constructs objects); this module
then builds plain data from the nodes itself, so it can refuse non-standard tags
(`!!python/object`), duplicate and merge keys, and alias bombs (a budget of nodes visited,
counting every alias expansion), while remembering where each key and value stands.

The YAML is parsed by `factcheck.yaml12`'s loader: libyaml, with the YAML 1.2 core schema's
scalar resolution (a large rule set is parsed in seconds).
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import json
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.rules.findings import Severity, Verdict
from factcheck.rules.kinds import KIND_NAMES, kind_module
from factcheck.rules.model import Example, Origin, Position, Rule, RuleError
from factcheck.rules.schema import EXAMPLE_OBJECT, common_fields, file_schema

if TYPE_CHECKING:  # YAML is imported where rule files are parsed: a run that keys its rule files
    # by their bytes, and finds them in the cache, parses none
    from jsonschema import ValidationError
    from yaml.nodes import Node

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 50_000  # values visited while building data, every alias expansion counted
MAX_DEPTH = 40
RULE_SUFFIXES = (".yaml", ".yml")
SHIPPED_PACKS = "factcheck.packs"  # the repository's rules/ folder, installed inside the package

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_YAML}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class RuleSet:
    """The rules a run applies, in load order, with a content hash for caches."""

    rules: tuple[Rule, ...]
    digest: str
    files: tuple[str, ...] = ()
    _by_id: dict[str, Rule] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({rule.id: rule for rule in self.rules})

    @classmethod
    def of(cls, rules: Iterable[Rule], files: tuple[str, ...] = ()) -> RuleSet:
        """The rule set of `rules`, with their digest."""
        rules = tuple(rules)
        return cls(rules, _digest(rules), files)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def for_evaluation(self) -> RuleSet:
        """The same rules without what only their authors read (positions in the files, example
        sentences, the fields as written): what a worker needs, at a fraction of the size."""
        rules = tuple(dataclasses.replace(rule, origin=None, examples=(), fields={}) for rule in self.rules)
        return RuleSet(rules, self.digest, self.files)


def default_rule_paths() -> list[Path]:
    """The rule packs shipped inside the package, read through importlib.resources so that an
    installed wheel finds them as an editable install does."""
    try:
        root = resources.files(SHIPPED_PACKS)
    except ModuleNotFoundError:
        raise RuleError(Position(SHIPPED_PACKS, 0, 0),
                        "the shipped rule packs are not installed; reinstall factcheck") from None
    return sorted(Path(str(item)) for item in root.iterdir()
                  if item.name.endswith(RULE_SUFFIXES) and item.is_file())


def load_rules(paths: Sequence[str | Path] | None = None, raw: Mapping[Path, bytes] | None = None) -> RuleSet:
    """Load rule files and folders (default: the shipped packs); raise `RuleError` on the first mistake.

    `raw` holds the bytes of rule files already read (by a run that keyed its cache by them), which
    are then parsed instead of reading the files again: the run applies exactly the rules it keyed.
    """
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    files = rule_files(paths)
    for path in files:
        for rule in load_rule_file(path, (raw or {}).get(path)):
            if rule.id in seen:
                first = seen[rule.id].origin
                raise RuleError(rule.origin or Position(_display(path), 0, 0),
                                f"duplicate rule id {rule.id!r} (first defined at {first})")
            seen[rule.id] = rule
            rules.append(rule)
    return RuleSet.of(rules, tuple(_display(path) for path in files))


def rule_files(paths: Sequence[str | Path] | None = None) -> list[Path]:
    """The rule files `load_rules(paths)` reads, in order; `RuleError` for a folder without any."""
    if paths:
        files: list[Path] = []
        for given in paths:
            path = Path(given)
            if path.is_dir():
                found = _rule_files(path)
                if not found:
                    raise RuleError(Position(str(given), 0, 0), "no .yaml rule files in this folder")
                files.extend(found)
            else:
                files.append(path)
    else:
        files = default_rule_paths()
    return files


def load_rule_file(path: Path, raw: bytes | None = None) -> tuple[Rule, ...]:
    """The rules in one YAML file (whose bytes, when already read, are `raw`)."""
    name = _display(path)
    try:
        size = path.stat().st_size if raw is None else len(raw)
        if size > MAX_FILE_BYTES:
            raise RuleError(Position(name, 0, 0),
                            f"rule file too large ({size} bytes, at most {MAX_FILE_BYTES})")
        raw = path.read_bytes() if raw is None else raw
    except OSError as exc:
        raise RuleError(Position(name, 0, 0), f"cannot read rule file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleError(Position(name, 0, 0), f"rule file is not UTF-8 (byte {exc.start})") from None
    return parse_rules(text, name)


def parse_rules(text: str, name: str) -> tuple[Rule, ...]:
    """The rules in YAML `text`; `name` is how errors refer to the file."""
    lines = text.splitlines()
    tree = _Tree(name, lines)
    data = tree.read(text)
    tree.validate(data, file_schema(KIND_NAMES), ())
    # Each rule's located paths, gathered in one pass: a pass over the whole file per rule made
    # loading quadratic in the rules a file holds.
    within: dict[PathKey, dict[PathKey, Position]] = {}
    for located, position in tree.positions.items():
        if len(located) > 2 and located[0] == "rules":
            within.setdefault(located[:2], {})[located[2:]] = position
    return tuple(_build_rule(tree, rule, ("rules", index), within.get(("rules", index), {}))
                 for index, rule in enumerate(data["rules"]))


def excerpt(lines: Sequence[str], where: Position) -> str:
    """The offending source line with a caret under the column."""
    if not 1 <= where.line <= len(lines):
        return ""
    line = lines[where.line - 1].rstrip("\n")
    if len(line) > 160:
        line = line[:160] + "…"
    caret = " " * min(max(where.col - 1, 0), len(line)) + "^"
    return f"    {line}\n    {caret}"


def _rule_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*") if path.suffix in RULE_SUFFIXES and path.is_file())


def _display(path: Path) -> str:
    """How messages name a rule file: relative to the working directory when inside it."""
    try:
        resolved = path.resolve()
        cwd = Path.cwd().resolve()
        return str(resolved.relative_to(cwd)) if resolved.is_relative_to(cwd) else str(path)
    except (OSError, ValueError):
        return str(path)


def _digest(rules: Iterable[Rule]) -> str:
    """A hash of everything in the rules that can change a document's findings (not the examples)."""
    canonical = [{"id": rule.id, "kind": rule.kind, "severity": str(rule.severity), "title": rule.title,
                  "rationale": rule.rationale, "sources": list(rule.sources), "fields": rule.fields}
                 for rule in sorted(rules, key=lambda rule: rule.id)]
    payload = json.dumps(canonical, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _build_rule(tree: _Tree, data: dict[str, Any], path: PathKey, within: dict[PathKey, Position]) -> Rule:
    """One rule from its data; `within` locates the rule's values by their paths inside it."""
    try:
        module = kind_module(data["kind"])
    except ImportError as exc:  # an installation problem, but still reported against the rule using it
        raise tree.error((*path, "kind"), f"kind {data['kind']!r} cannot be loaded: {exc}") from None
    shared = set(common_fields(KIND_NAMES))
    fields = {key: value for key, value in data.items() if key not in shared}
    kind_schema: dict[str, Any] = dict(module.SCHEMA)
    allowed = shared | set(kind_schema.get("properties", {}))
    for key in fields:
        if key not in allowed:
            raise tree.error((*path, key), _unknown_key(key, allowed), at_key=True)
    tree.validate(fields, {**kind_schema, "additionalProperties": False}, path)
    origin = Origin(tree.name, *_line_col(tree.positions[path]), paths=within)
    try:
        compiled = module.compile(fields, origin)
    except RuleError as exc:
        if exc.excerpt:
            raise
        raise RuleError(exc.where, exc.reason, excerpt(tree.lines, exc.where)) from None
    except Exception as exc:  # a kind's own check failing is still this rule's problem, with its position
        raise RuleError(origin, f"kind {data['kind']!r} rejected this rule: {type(exc).__name__}: {exc}",
                        excerpt(tree.lines, origin)) from None
    examples = []
    for verdict in ("pass", "fail"):
        for index, item in enumerate(data["examples"][verdict]):
            where = (*path, "examples", verdict, index)
            if isinstance(item, dict):
                tree.validate(item, EXAMPLE_OBJECT, where)
                text, expect, versions = item["text"], item.get("expect", verdict), item.get("versions", ())
                catches = item.get("catches", ())
                for figure in catches:
                    if figure not in text:
                        raise tree.error((*where, "catches"), f"{figure!r} is not in the example's text")
            else:
                text, expect, versions, catches = item, verdict, (), ()
            examples.append(Example(text, Verdict(expect), tree.positions[where], tuple(versions),
                                    tuple(catches)))
    return Rule(
        id=data["id"], title=data["title"], kind=data["kind"], severity=Severity(data["severity"]),
        rationale=data["rationale"].strip(), sources=tuple(data["sources"]), examples=tuple(examples),
        compiled=compiled, fields=fields, origin=origin,
    )


def _line_col(position: Position) -> tuple[int, int]:
    return position.line, position.col


def _unknown_key(key: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(key, sorted(allowed), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown key {key!r}{hint}; allowed here: {', '.join(sorted(allowed))}"


class _Tree:
    """Plain data built from YAML nodes, with where each value (and each key) starts."""

    def __init__(self, name: str, lines: list[str]) -> None:
        self.name, self.lines = name, lines
        self.positions: dict[PathKey, Position] = {}
        self.key_positions: dict[PathKey, Position] = {}
        self.visited = 0

    def where(self, node: Node) -> Position:
        return Position(self.name, node.start_mark.line + 1, node.start_mark.column + 1)

    def error(self, path: PathKey, message: str, at_key: bool = False) -> RuleError:
        where = (self.key_positions.get(path) if at_key else None) or self._nearest(path)
        return RuleError(where, message, excerpt(self.lines, where))

    def _nearest(self, path: PathKey) -> Position:
        for length in range(len(path), -1, -1):
            if path[:length] in self.positions:
                return self.positions[path[:length]]
        return Position(self.name, 1, 1)

    def read(self, text: str) -> Any:
        import yaml
        from yaml.error import MarkedYAMLError, YAMLError

        from factcheck.yaml12 import Loader

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self._check_depth(text)
                root = yaml.compose(text, Loader=Loader)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = Position(self.name, mark.line + 1, mark.column + 1) if mark else Position(self.name, 1, 1)
            problem = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
            raise RuleError(where, f"invalid YAML: {problem}", excerpt(self.lines, where)) from None
        except YAMLError as exc:
            raise RuleError(Position(self.name, 1, 1), f"invalid YAML: {exc}") from None
        if root is None:
            raise RuleError(Position(self.name, 1, 1), "rule file is empty; it needs a `rules:` list")
        return self.build(root, (), 0)

    def _check_depth(self, text: str) -> None:
        """Refuse deep nesting from the event stream, before the (recursive) composer sees it."""
        import yaml
        from yaml.events import CollectionEndEvent, CollectionStartEvent

        from factcheck.yaml12 import Loader

        depth = 0
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    where = Position(self.name, event.start_mark.line + 1, event.start_mark.column + 1)
                    raise RuleError(where, f"nested deeper than {MAX_DEPTH} levels",
                                    excerpt(self.lines, where))
            elif isinstance(event, CollectionEndEvent):
                depth -= 1

    def build(self, node: Node, path: PathKey, depth: int) -> Any:
        self.visited += 1
        where = self.where(node)
        if self.visited > MAX_NODES:
            raise RuleError(where, f"too many YAML values (more than {MAX_NODES}, counting alias "
                            "expansions); aliases that multiply are refused", excerpt(self.lines, where))
        if depth > MAX_DEPTH:
            raise RuleError(where, f"nested deeper than {MAX_DEPTH} levels", excerpt(self.lines, where))
        self.positions.setdefault(path, where)
        tag = node.tag or ""
        if node.id == "mapping":
            if tag != f"{_YAML}map":
                raise self._bad_tag(tag, where)
            mapping: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key_where = self.where(key_node)
                if key_node.tag == f"{_YAML}merge":
                    raise RuleError(key_where, "merge keys (<<) are not supported; write the keys out",
                                    excerpt(self.lines, key_where))
                if key_node.id != "scalar" or key_node.tag != f"{_YAML}str":
                    raise RuleError(key_where, "keys must be plain words", excerpt(self.lines, key_where))
                key = key_node.value
                if key in mapping:
                    first = self.key_positions[(*path, key)]
                    raise RuleError(key_where, f"duplicate key {key!r} (first at line {first.line})",
                                    excerpt(self.lines, key_where))
                self.key_positions[(*path, key)] = key_where
                mapping[key] = self.build(value_node, (*path, key), depth + 1)
            return mapping
        if node.id == "sequence":
            if tag != f"{_YAML}seq":
                raise self._bad_tag(tag, where)
            return [self.build(item, (*path, index), depth + 1) for index, item in enumerate(node.value)]
        if tag not in _SCALAR_TAGS:
            raise self._bad_tag(tag, where)
        return self._scalar(tag.removeprefix(_YAML), node.value, where)

    def _bad_tag(self, tag: str, where: Position) -> RuleError:
        shown = tag.replace(_YAML, "!!")
        return RuleError(where, f"YAML tag {shown} is not allowed (rule files hold plain data only)",
                         excerpt(self.lines, where))

    def _scalar(self, kind: str, value: str, where: Position) -> Any:
        if kind in ("str", "timestamp"):
            return value
        if kind == "null":
            return None
        if kind == "bool":
            return value.lower() in ("true", "yes", "on")
        cleaned = value.replace("_", "")
        if len(cleaned) > 40:
            raise RuleError(where, "number too long", excerpt(self.lines, where))
        if kind == "int":
            try:
                return int(cleaned, 0)
            except ValueError:
                pass
        lowered = cleaned.lower()
        if lowered in (".inf", "+.inf", "-.inf", ".nan"):
            raise RuleError(where, "infinite or NaN numbers are not allowed", excerpt(self.lines, where))
        try:
            return float(cleaned)
        except ValueError:
            raise RuleError(where, f"not a number: {value!r}", excerpt(self.lines, where)) from None

    def validate(self, data: Any, schema: dict[str, Any], base: PathKey) -> None:
        """Raise a `RuleError` for the first schema violation in reading order."""
        import jsonschema  # only where rules are compiled: a run served from the cache never is

        validator = jsonschema.Draft202012Validator(schema)
        errors = list(validator.iter_errors(data))
        if not errors:
            return
        located = [self._explain(error, base) for error in errors]
        located.sort(key=lambda item: (item.where.line, item.where.col))
        raise located[0]

    def _explain(self, error: ValidationError, base: PathKey) -> RuleError:
        path = base + tuple(error.absolute_path)
        label = _label(path)
        instance, value = error.instance, error.validator_value
        if error.validator == "additionalProperties" and isinstance(instance, dict):
            allowed = set(error.schema.get("properties", {}))
            key = next(key for key in instance if key not in allowed)
            return self.error((*path, key), _unknown_key(key, allowed), at_key=True)
        if error.validator == "required" and isinstance(instance, dict):
            missing = [key for key in value if key not in instance]
            message = f"missing required key{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
            return self.error(path, f"{label}: {message}" if label else message)
        if error.validator == "enum":
            message = f"{instance!r} is not one of: {', '.join(map(str, value))}"
        elif error.validator == "type":
            wanted = " or ".join(value) if isinstance(value, list) else value
            message = f"expected {wanted}, found {_yaml_type(instance)}"
        elif error.validator == "pattern" and path[-1:] == ("id",):
            message = (f"rule id {instance!r} must be lowercase words joined by '/' or '.', "
                       "e.g. munitions/shells-per-container")
        elif error.validator == "pattern" and path[-1:] == ("title",):
            message = "title must be one line"
        elif error.validator == "minItems":
            message = f"needs at least {value} item{'s' if value != 1 else ''}"
        elif error.validator == "minLength":
            message = "must not be empty"
        else:
            message = error.message
        return self.error(path, f"{label}: {message}" if label else message)


def _label(path: PathKey) -> str:
    """'rules[0].examples.pass[2]' shortened to what follows the rule: 'examples.pass[2]'."""
    parts = list(path[2:]) if path[:1] == ("rules",) and len(path) > 1 else list(path)
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _yaml_type(value: Any) -> str:
    names = {str: "text", int: "a whole number", float: "a number", bool: "true/false",
             dict: "a mapping", list: "a list", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)
