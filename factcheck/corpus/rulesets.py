"""A run's rules, compiled only when a document needs them evaluated.

Compiling the rules (their patterns, their units in pint's registry) costs a run more than looking
up every document's cached result, and a run served wholly from the cache evaluates no rule. So a
run reads its rule files, keys them (their names and bytes, the selection, the package's code) and
asks the cache whether rules with exactly that key have loaded before: if so, the digest that keys
the results is taken from that entry and the rules are compiled from the very bytes read at the
start, only once a document is not in the cache (or an output format lists the rules). Otherwise
they are loaded at once, as any run loads them, so a broken rule file still stops the run before
any document is read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from factcheck.corpus.cache import Cache, code_fingerprint
from factcheck.rules.loader import MAX_FILE_BYTES, RuleSet
from factcheck.rules.selection import RuleChoice, chosen_files, load_chosen


class LazyRules:
    """A rule set known by its digest until it is needed: `load()` compiles it (once)."""

    def __init__(self, choice: RuleChoice, raw: dict[Path, bytes], digest: str) -> None:
        self._choice, self._raw, self.digest = choice, raw, digest
        self._loaded: RuleSet | None = None

    def load(self) -> RuleSet:
        if self._loaded is None:
            self._loaded = load_chosen(self._choice, self._raw)
        return self._loaded

    def __iter__(self) -> Iterator[Any]:
        return iter(self.load())

    def __len__(self) -> int:
        return len(self.load())

    def __getattr__(self, name: str) -> Any:  # every other public attribute of a RuleSet
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.load(), name)


def loaded(rules: Any) -> Any:
    """The compiled rule set behind `rules` (a `RuleSet`, or a `LazyRules` compiled now)."""
    return rules.load() if isinstance(rules, LazyRules) else rules


def run_rules(choice: RuleChoice, cache: Cache) -> RuleSet | LazyRules:
    """The rules a `check` run applies; lazily compiled when rules of the same key loaded before."""
    if not cache.enabled:
        return load_chosen(choice)
    try:
        files = chosen_files(choice)
        raw = {}
        for path in files:
            if path.stat().st_size > MAX_FILE_BYTES:
                return load_chosen(choice)  # which says what is wrong with it
            raw[path] = path.read_bytes()
    except Exception:  # an unreadable file, a folder without rules: the loader reports it
        return load_chosen(choice)
    key = hashlib.sha256(f"{code_fingerprint('')}\0{choice!r}\0".encode())
    for path, data in raw.items():
        key.update(f"{path}\0{len(data)}\0".encode() + data)
    known = cache.get("rules", key.hexdigest())
    if isinstance(known, str):
        return LazyRules(choice, raw, known)
    ruleset = load_chosen(choice, raw)
    cache.put("rules", key.hexdigest(), ruleset.digest)
    return ruleset
