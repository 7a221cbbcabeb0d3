"""Content cache for corpus runs, in two levels so that a changed rule invalidates only what it must.

- extraction: the quantities rows (`extract`) or the rules' context (quantities, relations, date),
  keyed by the document's name and text and a fingerprint of the extraction code (the source of
  `factcheck.extract`, which by the layering contract imports only `documents` and `intervals`, of
  those two, of the context builder and of this module's codec) and of pint, quantulum3, pandas
  and numpy's versions;
- results: the findings and the rendered report of a document, keyed by the extraction key, the
  digest of the rules the worker evaluated (so a rule file edited during a run files its results
  under the edited rules, never the ones loaded at the start) and a fingerprint of every file of
  the package (the rule kinds, `compare/` that `cross_source` runs, the reports, this module).

Editing a rule therefore re-evaluates rules on cached tables (cheap) instead of re-extracting
(expensive). Fingerprinting the source, not just the version number, keeps a development checkout
from serving stale results.

An entry is plain data that cannot run code: MessagePack (plain scalars, strings and lists, written
and read more cheaply than JSON) in a tagged form that only builds the few types listed in
`_CLASSES` (no pickle), behind an HMAC-SHA256 of its kind, key and bytes under a secret that lives
in the user's own cache folder (`$XDG_CACHE_HOME/factcheck/secret`), never in a repository. A cache
folder a repository chose, or filled, is therefore harmless: an entry that is corrupt, foreign,
forged or copied under another key is a miss. Entries are written atomically through a `SafeFolder`
(no link in the cache folder is followed), one folder per kind with every entry directly in it (a
tree of small folders costs a cold run a folder creation and an extra descent per entry, where a
file system indexes a large folder's names as cheaply). A hit refreshes the entry's modification
time, and a run that wrote entries prunes the least recently used ones once the folder is over its
size limit (`$FACTCHECK_CACHE_SIZE`, default `DEFAULT_LIMIT`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import hashlib
import hmac
import importlib
import os
import secrets
import stat
from collections.abc import Iterator
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

import msgpack

from factcheck import __version__
from factcheck.fsutil import SafeFolder

LAYOUT = "v4"
SUFFIX = ".msgpack"
# Earlier layouts (folder, entry suffix, folder depth below a kind): never read, deleted by `clear`.
# v3 held JSON; v2 fanned out by two hex digits; v1 held pickles.
_OLD_LAYOUTS = (("v3", ".json", 1), ("v2", ".json", 2), ("v1", ".pkl", 2))
KINDS = ("rows", "context", "result", "rules")
SIZE_ENV = "FACTCHECK_CACHE_SIZE"
DEFAULT_LIMIT = 512 * 1024 * 1024
SECRET = "secret"
_PACKAGE = Path(__file__).resolve().parent.parent
_LIBRARIES = ("pint", "quantulum3", "pandas", "numpy")
# The code an extraction entry depends on (package-relative); see the module docstring.
_EXTRACTION_CODE = ("__init__.py", "extract", "intervals.py", "documents.py", "rules/engine.py",
                    "rules/model.py", "corpus/cache.py")


def default_cache_dir() -> Path:
    """`$XDG_CACHE_HOME/factcheck`, or `~/.cache/factcheck` when the variable is unset or empty."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "factcheck"


def cache_limit() -> int:
    """The cache's size limit in bytes: `$FACTCHECK_CACHE_SIZE` (e.g. 200MB), else `DEFAULT_LIMIT`."""
    from factcheck.documents import parse_size

    given = os.environ.get(SIZE_ENV)
    return parse_size(given) if given else DEFAULT_LIMIT


@cache
def code_fingerprint(*parts: str) -> str:
    """Digest of the version, the libraries' versions and the files (code and data) under the given
    package-relative paths ("" for the whole package). importlib.metadata is imported here, not with
    the module: a run without a cache starts its fork server before it keys anything."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(f"{__version__}\0".encode())
    for library in _LIBRARIES:
        with contextlib.suppress(PackageNotFoundError):
            digest.update(f"{library} {version(library)}\0".encode())
    for part in parts:
        root = _PACKAGE / part
        files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc") if root.is_dir() \
            else [root]
        for path in files:
            digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
            digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def extraction_key(doc: str, text: str, published: str | None = None) -> str:
    """Key of a document's extraction (its quantities rows, or its rules' context, which holds
    the date a JSONL record declares)."""
    digest = hashlib.sha256(code_fingerprint(*_EXTRACTION_CODE).encode())
    digest.update(doc.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    if published is not None:
        digest.update(b"\0published\0" + published.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def result_key(extraction: str, ruleset_digest: str) -> str:
    """Key of a document's full result under one rule set."""
    return hashlib.sha256(f"{extraction}\0{ruleset_digest}\0{code_fingerprint('')}".encode()).hexdigest()


def user_secret() -> bytes:
    """The key entries are signed with: kept in the default cache folder (created there once, mode
    0600), or, where that cannot be written, one made for this run alone."""
    path = default_cache_dir() / SECRET
    with contextlib.suppress(OSError, ValueError):
        data = path.read_bytes()
        if len(data) == 64:
            return bytes.fromhex(data.decode("ascii"))
    fresh = secrets.token_hex(32)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{SECRET}.{secrets.token_hex(6)}")
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(handle, "w") as out:
            out.write(fresh)
        try:
            os.link(temp, path)  # first writer wins; everyone then reads the same secret
        except FileExistsError:
            pass
        finally:
            os.unlink(temp)
        with contextlib.suppress(ValueError):
            return bytes.fromhex(path.read_bytes().decode("ascii"))
    return bytes.fromhex(fresh)


class Cache:
    """A folder of signed data entries; `Cache(None)` is a disabled cache that never hits.

    `spec` is what a worker needs to open the same cache (the folder and the secret).
    """

    def __init__(self, root: Path | None, secret: bytes | None = None) -> None:
        self.folder = root
        self.secret = secret if secret is not None or root is None else user_secret()
        self.files = SafeFolder(root / LAYOUT) if root is not None else None
        self.write_error: str | None = None  # first failure to write, reported once by the caller

    @classmethod
    def from_spec(cls, spec: tuple[Path | None, bytes | None]) -> Cache:
        return cls(*spec)

    @property
    def spec(self) -> tuple[Path | None, bytes | None]:
        return (self.folder if self.files is not None else None, self.secret)

    def probe(self) -> None:
        """Check once that the cache can be written (workers write it and cannot report failures)."""
        if self.files is None:
            return
        try:
            self.files.write_bytes("probe", b"")
        except OSError as exc:
            self.write_error = f"cannot write the cache in {self.files.root}: {exc.strerror or exc}"
            self.files = None

    @property
    def enabled(self) -> bool:
        return self.files is not None

    def _sign(self, kind: str, key: str, data: bytes) -> bytes:
        assert self.secret is not None
        signed = f"{LAYOUT}\0{kind}\0{key}\0".encode() + data
        return hmac.new(self.secret, signed, hashlib.sha256).hexdigest().encode()

    def get(self, kind: str, key: str) -> Any | None:
        """The entry, or None: missing, unreadable, unsigned, signed for another key, or not decodable."""
        if self.files is None:
            return None
        try:
            raw = self.files.read_bytes(f"{kind}/{key}{SUFFIX}", touch=True)
            if raw is None:
                return None
            tag, _, data = raw.partition(b"\n")
            if not hmac.compare_digest(tag, self._sign(kind, key, data)):
                return None
            return decode(msgpack.unpackb(data, raw=False, unicode_errors="surrogatepass"))
        except Exception:  # a damaged, foreign or forged entry is a miss, never a failure
            return None

    def put(self, kind: str, key: str, value: object) -> None:
        if self.files is None or self.write_error is not None:
            return
        try:
            data = msgpack.packb(encode(value), unicode_errors="surrogatepass")
        except (TypeError, ValueError, OverflowError):
            return  # something the codec cannot hold is simply not cached
        try:
            self.files.write_bytes(f"{kind}/{key}{SUFFIX}", self._sign(kind, key, data) + b"\n" + data)
        except OSError as exc:
            self.write_error = f"cannot write the cache in {self.files.root}: {exc.strerror or exc}"

    def entries(self, layout: str = LAYOUT, suffix: str = SUFFIX,
                depth: int = 1) -> Iterator[tuple[str, os.stat_result]]:
        """Every entry file (name relative to the layout folder, its status), links never followed."""
        if self.folder is None:
            return
        for kind in KINDS:
            yield from _walk(self.folder / layout / kind, kind, depth, suffix)

    def prune(self, limit: int | None = None) -> int:
        """Delete the least recently used entries until the cache is within `limit` bytes (default
        `cache_limit()`, and then to 90% of it, so pruning is not needed again at once); returns
        how many were deleted."""
        if self.files is None:
            return 0
        limit = cache_limit() if limit is None else limit
        found = sorted(((info.st_mtime_ns, info.st_size, name) for name, info in self.entries()))
        total = sum(size for _, size, _ in found)
        if total <= limit:
            return 0
        deleted = 0
        for _, size, name in found:
            if total <= limit * 0.9:
                break
            if self.files.delete(name):
                total -= size
                deleted += 1
        return deleted

    def clear(self) -> int:
        """Delete every entry, and those of the layouts before this one (which are never read);
        returns how many entries were deleted. Only entry files and the folders they leave empty
        go, never through a link."""
        if self.folder is None:
            return 0
        deleted = 0
        for layout, suffix, depth in ((LAYOUT, SUFFIX, 1), *_OLD_LAYOUTS):
            files = SafeFolder(self.folder / layout)
            deleted += sum(files.delete(name) for name, _ in list(self.entries(layout, suffix, depth)))
            files.delete("probe")
            for kind in KINDS:
                folder = self.folder / layout / kind
                with contextlib.suppress(OSError):
                    for sub in os.scandir(folder):
                        if sub.is_dir(follow_symlinks=False):
                            with contextlib.suppress(OSError):
                                os.rmdir(sub.path)
                    os.rmdir(folder)
        return deleted


def _walk(folder: Path, prefix: str, depth: int, suffix: str) -> Iterator[tuple[str, os.stat_result]]:
    try:
        listing = list(os.scandir(folder))
    except OSError:
        return
    for entry in listing:
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if depth > 1 and stat.S_ISDIR(info.st_mode):
                yield from _walk(Path(entry.path), f"{prefix}/{entry.name}", depth - 1, suffix)
            elif depth == 1 and stat.S_ISREG(info.st_mode) and entry.name.endswith(suffix):
                yield f"{prefix}/{entry.name}", info


# -- the codec: plain MessagePack, building only the types listed here -------------------------------
#
# Plain scalars stand for themselves (floats include Infinity and NaN); everything else is a
# list whose first item is a tag: ["L", ...] list, ["T", ...] tuple, ["D", k, v, ...] dict,
# ["date", iso], ["E", enum, value], ["C", class, field values...], ["Q", column lists...] a
# quantities table, each column a list in the order of the table's schema (column by column: a
# table's values are mostly plain scalars, which a list holds as they are, where a row per dict
# would encode every column name and value one by one). Relations are rows (dicts) already.

# Types a list holds as they are (exactly these: a `str` enum, say, is tagged).
_PLAIN = frozenset({str, int, float, type(None)})


# The classes an entry may build, by name, and the module of each: imported when an entry holds one
# (a run reading only results never loads the relation extractor that defines `Member`).
_CLASSES = {"Checked": "factcheck.corpus.runner", "Context": "factcheck.rules.model",
            "Finding": "factcheck.rules.findings", "Member": "factcheck.extract.relations"}


@cache
def _class(name: str) -> type | None:
    module = _CLASSES.get(name)
    return getattr(importlib.import_module(module), name) if module is not None else None


@cache
def _enums() -> dict[str, type[Enum]]:
    from factcheck.rules.findings import Severity, Verdict

    return {cls.__name__: cls for cls in (Severity, Verdict)}


def encode(value: object) -> object:
    """`value` as plain data (scalars and lists); TypeError for a type the codec does not hold."""
    if value is None or (isinstance(value, bool | int | float | str) and not isinstance(value, Enum)):
        return value
    if isinstance(value, Enum):
        name = type(value).__name__
        if _enums().get(name) is not type(value):
            raise TypeError(name)
        return ["E", name, value.value]
    if isinstance(value, list):
        if _PLAIN.issuperset(map(type, value)):
            return ["L", *value]
        return ["L", *(encode(item) for item in value)]
    if isinstance(value, tuple):
        return ["T", *(encode(item) for item in value)]
    if isinstance(value, dict):
        return ["D", *(part for key, item in value.items() for part in (encode(key), encode(item)))]
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return ["date", value.isoformat()]
    name = type(value).__name__
    if name == "DataFrame":
        from factcheck.extract.schema import COLUMNS, records

        columns = list(value.columns)
        if columns != list(COLUMNS):
            raise TypeError("the cache holds only quantities tables")
        if not len(value):  # no column need be read through pandas
            return ["Q", *(["L"] for _ in columns)]
        # its records are at hand (the rules read them): no pandas
        return ["Q", *(encode(list(column)) for column in zip(*records(value), strict=True))]
    if _class(name) is type(value):
        return ["C", name, *(encode(getattr(value, f.name)) for f in dataclasses.fields(value))]
    raise TypeError(f"the cache does not hold {name}")


def decode(data: object) -> Any:
    """The value `encode` gave `data` for; ValueError (or another exception) for anything else."""
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if not isinstance(data, list) or not data:
        raise ValueError("not an entry")
    tag, rest = data[0], data[1:]
    if tag == "L":
        if _PLAIN.issuperset(map(type, rest)):
            return rest
        return [decode(item) for item in rest]
    if tag == "T":
        return tuple(decode(item) for item in rest)
    if tag == "D":
        items = [decode(item) for item in rest]
        return dict(zip(items[::2], items[1::2], strict=True))
    if tag == "date" and len(rest) == 1 and isinstance(rest[0], str):
        return datetime.date.fromisoformat(rest[0])
    if tag == "E" and len(rest) == 2:
        return _enums()[rest[0]](rest[1])
    if tag == "C" and rest:
        cls = _class(rest[0]) if isinstance(rest[0], str) else None
        if cls is None:
            raise ValueError(f"unknown class {rest[0]!r}")
        values = [decode(item) for item in rest[1:]]
        if len(values) != len(dataclasses.fields(cls)):
            raise ValueError("wrong number of fields")
        return cls(*values)
    if tag == "Q":
        from factcheck.extract.schema import COLUMNS, to_table

        return to_table(_rows(rest, COLUMNS))
    raise ValueError(f"unknown tag {tag!r}")


def _rows(encoded: list[Any], columns: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a table encoded column by column, as dicts of every column."""
    values = [decode(column) for column in encoded]
    if len(values) != len(columns) or not all(isinstance(column, list) for column in values):
        raise ValueError("not the columns of the table")
    names = list(columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]
