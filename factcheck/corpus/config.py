"""`[tool.factcheck]` in pyproject.toml: project defaults for every command (`check`, `rules`, ...).

The nearest pyproject.toml (from the working folder upward) that has a `[tool.factcheck]` table
is used. Paths in it are relative to that file. Command-line options override it. Unknown keys
and wrong types are errors naming the file and line: tomllib keeps no positions, so the line is
found by scanning the text of the table.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

FAIL_ON = ("error", "warning")
SEVERITIES = ("error", "warning", "info")
FORMATS = ("md", "html", "json", "junit", "github", "sarif", "terse")
ENGINES = ("local", "dask")

# key -> (accepted python types, description for the error message)
KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "rules": ((str, list), "a path or a list of paths"),
    "extend-rules": ((str, list), "a path or a list of paths"),
    "select": ((str, list), "a rule id or pack, or a list of them"),
    "ignore": ((str, list), "a rule id or pack, or a list of them"),
    "severity": ((dict,), "a table of rule ids or packs to " + ", ".join(SEVERITIES)),
    "fail-on": ((str,), "one of " + ", ".join(FAIL_ON)),
    "jobs": ((int,), "a positive integer"),
    "report-dir": ((str,), "a path"),
    "format": ((str,), "one of " + ", ".join(FORMATS)),
    "cache-dir": ((str,), "a path"),
    "engine": ((str,), "one of " + ", ".join(ENGINES)),
    "scheduler": ((str,), "a Dask scheduler address"),
    "time-limit": ((int, float), "seconds per document (a positive number)"),
    "stories": ((bool,), "true or false"),
}


class ConfigError(Exception):
    """The configuration is invalid; the message starts with `file:line:`."""


@dataclass(frozen=True)
class Config:
    """Settings read from `[tool.factcheck]`; None where the file does not say."""

    source: Path | None = None
    rules: tuple[str, ...] | None = None
    extend_rules: tuple[str, ...] = ()
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    severity: tuple[tuple[str, str], ...] = ()
    fail_on: str | None = None
    jobs: int | None = None
    report_dir: str | None = None
    format: str | None = None
    cache_dir: str | None = None
    engine: str | None = None
    scheduler: str | None = None
    time_limit: float | None = None
    stories: bool | None = None


def find_config(start: Path | None = None) -> Path | None:
    """The nearest pyproject.toml at or above `start` (default: cwd) with a `[tool.factcheck]` table."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file() and "factcheck" in _read_text(path):
            try:
                data = tomllib.loads(_read_text(path))
            except tomllib.TOMLDecodeError:
                return path  # let load_config report the syntax error with its position
            if "factcheck" in data.get("tool", {}):
                return path
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate `[tool.factcheck]` from `path` (no path: an empty Config)."""
    if path is None:
        return Config()
    text = _read_text(path)
    try:
        table = tomllib.loads(text).get("tool", {}).get("factcheck", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    if not isinstance(table, dict):
        raise ConfigError(f"{path}:{_line_of(text, None)}: [tool.factcheck] must be a table")
    for key, value in table.items():
        where = f"{path}:{_line_of(text, key)}"
        if key not in KEYS:
            known = ", ".join(KEYS)
            raise ConfigError(f"{where}: unknown key {key!r} in [tool.factcheck] (known keys: {known})")
        _check_value(where, key, value)
    base = path.parent

    def relative(value: str) -> str:
        """The path from the cwd when the file is at or below it (keeps messages short), else absolute."""
        if Path(value).is_absolute():
            return value
        path = base / value
        shown = os.path.relpath(path)
        return shown if not shown.startswith("..") else str(path)

    if "report-dir" in table:
        # A repository's configuration may not have reports written (and stale ones deleted) elsewhere.
        target = (base / table["report-dir"]).resolve()
        if not target.is_relative_to(base.resolve()):
            raise ConfigError(f"{path}:{_line_of(text, 'report-dir')}: report-dir must be a folder inside "
                              f"{base}, not {table['report-dir']!r} (give --report-dir on the command line)")
    def listed(key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        return None if value is None else (value,) if isinstance(value, str) else tuple(value)

    rules, extend_rules = listed("rules"), listed("extend-rules") or ()
    return Config(
        source=path,
        rules=tuple(relative(item) for item in rules) if rules is not None else None,
        extend_rules=tuple(relative(item) for item in extend_rules),
        select=listed("select"),
        ignore=listed("ignore"),
        severity=tuple(table.get("severity", {}).items()),
        fail_on=table.get("fail-on"),
        jobs=table.get("jobs"),
        report_dir=relative(table["report-dir"]) if "report-dir" in table else None,
        format=table.get("format"),
        cache_dir=relative(table["cache-dir"]) if "cache-dir" in table else None,
        engine=table.get("engine"),
        scheduler=table.get("scheduler"),
        time_limit=float(table["time-limit"]) if "time-limit" in table else None,
        stories=table.get("stories"),
    )


def _check_value(where: str, key: str, value: object) -> None:
    types, expected = KEYS[key]
    ok = isinstance(value, types) and (bool in types or not isinstance(value, bool))
    if ok and isinstance(value, list):
        ok = all(isinstance(item, str) for item in value)
    if ok and isinstance(value, dict):
        ok = all(level in SEVERITIES for level in value.values())
    if ok and key in ("jobs", "time-limit"):
        ok = value > 0  # type: ignore[operator]
    choices = {"fail-on": FAIL_ON, "format": FORMATS, "engine": ENGINES}.get(key)
    if ok and choices is not None:
        ok = value in choices
    if not ok:
        raise ConfigError(f"{where}: {key} must be {expected}, not {value!r}")


_HEADER = re.compile(r"^\s*\[\s*tool\s*\.\s*(?:factcheck|\"factcheck\")\s*\]\s*(?:#.*)?$")
_ANY_HEADER = re.compile(r"^\s*\[")


def _line_of(text: str, key: str | None) -> int:
    """1-based line of `key` inside the `[tool.factcheck]` table (the header's line if not found)."""
    lines = text.splitlines()
    header = next((n for n, line in enumerate(lines) if _HEADER.match(line)), None)
    if header is None:
        return 1
    if key is not None:
        pattern = re.compile(r"^\s*(?:" + re.escape(key) + r"|[\"']" + re.escape(key) + r"[\"'])\s*=")
        for number in range(header + 1, len(lines)):
            if _ANY_HEADER.match(lines[number]):
                break
            if pattern.match(lines[number]):
                return number + 1
    return header + 1


def _read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")
