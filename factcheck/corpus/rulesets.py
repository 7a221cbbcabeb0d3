"""A run's rules: read once at its start, compiled once per run, and only where they are needed.

Compiling the rules (their patterns, their units in pint's registry, after importing pandas and
pint) costs a run more than looking up every document's cached result, and the workers need them
compiled anyway. So a run reads its rule files once, keys them (their names and bytes, the
selection, the package's code) and:

- when the cache holds the digest of rules of that key (they loaded, and so were valid, before),
  takes it from there and compiles nothing up front;
- else, when the workers' fork server was started with the run's choice of rules
  (`start_server`), the server compiles them while it preloads, every worker inherits them by
  fork, and the run asks the server (`_verdict`) for their digest, or for the mistake in a broken
  rule file (`PendingRules`): it reads documents while the server answers, but reports on none
  before the answer; the run's own process never compiles them;
- else compiles them at once, as any run did, so a broken rule file stops the run before any
  document is read.

The server is started before the command line is even parsed, so that its preloading overlaps
the run's own start-up, except when the run may be served wholly from the cache (rules of its key
loaded with its cache before): there it would only take a core from the run, and it starts at the
first document not in the cache instead (`worker_rules`), still with the run's rules.

Whatever compiles them compiles the very bytes read at the start (a worker whose server read
other bytes, a file edited meanwhile, compiles the run's bytes itself): a run applies the rules
as they were when it started.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.corpus import pool
from factcheck.corpus.cache import Cache, code_fingerprint
from factcheck.corpus.pool import PRELOAD_CHECKING, SERVER_RULES_ENV, served_rules, worker_context
from factcheck.rules.loader import MAX_FILE_BYTES, RuleSet
from factcheck.rules.model import Position, RuleError
from factcheck.rules.selection import RuleChoice, chosen_files, load_chosen

# Rules the fork server compiled (by key), or the mistake that stopped them; inherited by its workers.
_SERVED: dict[str, RuleSet | RuleError] = {}


@dataclass(frozen=True)
class RuleSource:
    """The rule files a run chose, as read at its start, and their key."""

    choice: RuleChoice
    raw: dict[Path, bytes]
    key: str

    def compile(self) -> RuleSet:
        return load_chosen(self.choice, self.raw)

    def for_workers(self) -> RuleSet:
        """The rules for evaluation: the ones the fork server compiled from the same bytes, or
        compiled here (a server that read other bytes, or none)."""
        served = _SERVED.get(self.key)
        if isinstance(served, RuleError):
            raise served
        return served if served is not None else self.compile().for_evaluation()


def read_source(choice: RuleChoice) -> RuleSource | None:
    """The chosen rule files' bytes and key; None when one cannot be read (or is too large, or a
    folder holds none): compiling then says what is wrong, with its file."""
    try:
        raw = {}
        for path in chosen_files(choice):
            if path.stat().st_size > MAX_FILE_BYTES:
                return None
            raw[path] = path.read_bytes()
    except Exception:
        return None
    key = hashlib.sha256(f"{code_fingerprint('')}\0{choice!r}\0".encode())
    for path, data in raw.items():
        key.update(f"{path}\0{len(data)}\0".encode() + data)
    return RuleSource(choice, raw, key.hexdigest())


# The run's rule files, read by `start_server` at its start, for `run_rules` to take.
_READ: dict[RuleChoice, RuleSource | None] = {}


def choice_text(choice: RuleChoice) -> str:
    """`choice` as the fork server reads it back (`choice_of`)."""
    return json.dumps(dataclasses.asdict(choice))


def choice_of(text: str) -> RuleChoice:
    """The choice of rules handed to the fork server, from `choice_text`."""
    fields = json.loads(text)
    return RuleChoice(**{name: tuple(tuple(item) if isinstance(item, list) else item for item in value)
                         for name, value in fields.items()})


def serve() -> None:
    """In the fork server (preloaded by `factcheck.corpus.warm_check`): compile the rules of the
    run that started it, once, for every worker to inherit."""
    text = os.environ.pop(SERVER_RULES_ENV, None)
    source = read_source(choice_of(text)) if text else None
    if source is None:
        return
    try:
        _SERVED[source.key] = source.compile().for_evaluation()
    except RuleError as exc:
        _SERVED[source.key] = exc
    except Exception:  # the compiler itself failed: the run compiles them and reports how
        return


def start_server(choice: RuleChoice, cache: Cache, preload: tuple[str, ...]) -> None:
    """Start the workers' fork server with the run's choice of rules for it to compile, unless the
    run may be served wholly from `cache` (see the module's docstring). Without a cache there is
    nothing to look up first: the server starts at once, and the run reads its rule files while
    the server preloads."""
    if not cache.enabled:
        pool.prestart(preload, choice_text(choice))
        _READ[choice] = read_source(choice)
        return
    source = _READ[choice] = read_source(choice)
    if source is None or not isinstance(cache.get("rules", source.key), str):
        pool.prestart(preload, choice_text(choice))


class LazyRules:
    """A rule set known by its digest until it is needed: `load()` compiles it (once)."""

    def __init__(self, source: RuleSource, digest: str) -> None:
        self.source, self.digest = source, digest
        self._loaded: RuleSet | None = None

    def load(self) -> RuleSet:
        if self._loaded is None:
            self._loaded = self.source.compile()
        return self._loaded

    def pending(self) -> bool:
        """Whether the digest is still to come (see `PendingRules`): never, it is known. (Defined
        here, as `settle` is, so that asking does not compile the rules, as any other attribute would.)"""
        return False

    def settle(self) -> None:
        """Nothing to wait for: the digest is known."""

    def __iter__(self) -> Iterator[Any]:
        return iter(self.load())

    def __len__(self) -> int:
        return len(self.load())

    def __getattr__(self, name: str) -> Any:  # every other public attribute of a RuleSet
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.load(), name)


class PendingRules(LazyRules):
    """Rules the fork server compiles while it preloads: their digest, or the mistake in a broken
    rule file, is asked of it (`_verdict`) in a thread, so that the run reads documents meanwhile
    rather than wait idle for the server; `settle` takes the answer (as the digest does), and a run
    reports on no document before it (see `factcheck.corpus.runner.Runner`)."""

    def __init__(self, source: RuleSource, cache: Cache) -> None:
        self.source, self._cache = source, cache
        self._loaded: RuleSet | None = None
        self._digest: str | None = None
        self._answer: tuple[str | None, BaseException | None] = (None, None)
        self._asking = threading.Thread(target=self._ask, name="factcheck-rules", daemon=True)
        self._asking.start()

    def _ask(self) -> None:
        if hasattr(signal, "pthread_sigmask"):  # the run's signals (time limits, Ctrl-C): its main thread's
            signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
        try:
            self._answer = (_verdict(self.source.key), None)
        except BaseException as exc:  # raised where the run takes the answer
            self._answer = (None, exc)

    def pending(self) -> bool:
        """Whether the server has not answered yet."""
        return self._asking.is_alive()

    def settle(self) -> None:
        """Wait for the server's answer; a `RuleError` for a broken rule file. Rules it could not
        answer for (it holds others) are compiled here, as `run_rules` compiles them."""
        if self._digest is not None:
            return
        self._asking.join()
        digest, error = self._answer
        if error is not None:
            raise error
        self._digest = digest if digest is not None else self.load().digest
        if self._cache.enabled:
            self._cache.put("rules", self.source.key, self._digest)

    @property
    def digest(self) -> str:
        self.settle()
        assert self._digest is not None
        return self._digest


def loaded(rules: Any) -> Any:
    """The compiled rule set behind `rules` (a `RuleSet`, or a `LazyRules` compiled now)."""
    return rules.load() if isinstance(rules, LazyRules) else rules


def worker_rules(rules: Any, preload: tuple[str, ...] | None) -> RuleSource | bytes:
    """What the workers get of the run's `rules`. Workers forked from a server that preloads
    `preload` (None: workers elsewhere, on Dask) get the rules' source, once that server (started
    now with them, if it was not yet running) was started with their choice: it compiled them and
    the workers inherit them. Otherwise the rules, compiled here, pickled once for all workers."""
    if isinstance(rules, LazyRules) and preload is not None:
        pool.prestart(preload, choice_text(rules.source.choice))
        if _server_compiles(rules.source.choice):
            return rules.source
    return pickle.dumps(loaded(rules).for_evaluation(), pickle.HIGHEST_PROTOCOL)


def run_rules(choice: RuleChoice, cache: Cache) -> RuleSet | LazyRules:
    """The rules a `check` run applies, compiled only where they must be (see the module's docstring);
    a `RuleError` for a broken rule file (from `PendingRules.settle` for rules the server compiles)."""
    source = _READ.pop(choice) if choice in _READ else read_source(choice)
    if source is None:
        return load_chosen(choice)  # which says what is wrong
    known = cache.get("rules", source.key) if cache.enabled else None
    if isinstance(known, str):
        return LazyRules(source, known)
    if _server_compiles(choice):
        return PendingRules(source, cache)
    ruleset = source.compile()
    if cache.enabled:
        cache.put("rules", source.key, ruleset.digest)
    return ruleset


def _server_compiles(choice: RuleChoice) -> bool:
    """Whether the running fork server was started with `choice` (and so compiles those rules)."""
    return (text := served_rules()) is not None and choice_of(text) == choice


def _verdict(key: str) -> str | None:
    """The digest of the rules of `key` the fork server compiled (or their `RuleError`), asked of a
    process forked from it; None when it holds other rules (or cannot be asked)."""
    context = worker_context(PRELOAD_CHECKING)
    if context.get_start_method() != "forkserver":
        return None
    receiver, sender = context.Pipe(duplex=False)
    try:
        process = context.Process(target=_tell, args=(sender, key), daemon=True, name="factcheck-rules")
        process.start()
        sender.close()
        answer = receiver.recv()
        process.join()
    except (OSError, EOFError):
        return None
    finally:
        receiver.close()
    if answer[0] == "error":
        _, (file, line, col), reason, excerpt = answer
        raise RuleError(Position(file, line, col), reason, excerpt)
    return answer[1]


def _tell(conn: Any, key: str) -> None:
    """In a process forked from the fork server: what it compiled for `key`."""
    served = _SERVED.get(key)
    if isinstance(served, RuleError):
        where = served.where
        conn.send(("error", (where.file, where.line, where.col), served.reason, served.excerpt))
    else:
        conn.send(("ok", served.digest if served is not None else None))
    conn.close()
