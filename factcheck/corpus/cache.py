"""Content cache for corpus runs, in two levels so that a changed rule invalidates only what it must.

- extraction: the quantities rows (`extract`) or the rules' context (quantities, relations, date),
  keyed by the document's name and text and a fingerprint of the extraction code (tool version, the
  source of `factcheck.extract`, `factcheck.intervals` and the context builder, pandas);
- results: the findings and the rendered report of a document, keyed by the extraction key plus
  the rule set's digest and a fingerprint of the rule engine's and the reports' code.

Editing a rule therefore re-evaluates rules on cached tables (cheap) instead of re-extracting
(expensive). Fingerprinting the source, not just the version number, keeps a development checkout
from serving stale results. Entries are pickles written atomically; an unreadable entry is a miss.
The cache lives in `$XDG_CACHE_HOME/factcheck` (default `~/.cache/factcheck`); it holds only what this
user's own runs wrote there.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.fsutil import atomic_write_bytes

LAYOUT = "v1"
_PACKAGE = Path(__file__).resolve().parent.parent


def default_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/factcheck`, or `~/.cache/factcheck` when the variable is unset or empty."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


@cache
def code_fingerprint(*parts: str) -> str:
    """Digest of the version and the files (code and data) under the given package-relative paths."""
    digest = hashlib.sha256(f"{__version__}\0pandas {version('pandas')}\0".encode())
    for part in parts:
        root = _PACKAGE / part
        files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc") if root.is_dir() \
            else [root]
        for path in files:
            digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
            digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def extraction_key(doc: str, text: str) -> str:
    """Key of a document's extraction (its quantities table, or its rules' context)."""
    code = code_fingerprint("extract", "intervals.py", "documents.py", "rules/engine.py")
    digest = hashlib.sha256(code.encode())
    digest.update(doc.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def result_key(extraction: str, ruleset_digest: str) -> str:
    """Key of a document's full result under one rule set."""
    engine = code_fingerprint("extract", "intervals.py", "rules", "pipeline.py", "report", "corpus/runner.py")
    return hashlib.sha256(f"{extraction}\0{ruleset_digest}\0{engine}".encode()).hexdigest()


class Cache:
    """A folder of pickled entries; `Cache(None)` is a disabled cache that never hits."""

    def __init__(self, root: Path | None) -> None:
        self.folder = root
        self.root = root / LAYOUT if root is not None else None
        self.write_error: str | None = None  # first failure to write, reported once by the caller

    def probe(self) -> None:
        """Check once that the cache can be written (workers write it and cannot report failures)."""
        if self.root is None:
            return
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.root / "probe", b"")
        except OSError as exc:
            self.write_error = f"cannot write the cache in {self.root}: {exc.strerror or exc}"
            self.root = None

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def _path(self, kind: str, key: str) -> Path:
        assert self.root is not None
        return self.root / kind / key[:2] / f"{key}.pkl"

    def get(self, kind: str, key: str) -> Any | None:
        if self.root is None:
            return None
        try:
            with self._path(kind, key).open("rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # a truncated or foreign entry is a miss, never a failure
            return None

    def put(self, kind: str, key: str, value: object) -> None:
        if self.root is None or self.write_error is not None:
            return
        try:
            atomic_write_bytes(self._path(kind, key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError as exc:
            self.write_error = f"cannot write the cache in {self.root}: {exc.strerror or exc}"
