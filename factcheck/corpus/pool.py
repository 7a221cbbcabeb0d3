"""Run per-document work in worker processes.

Each worker runs `setup(*setup_args)` once (loading quantulum3, pint and the rules costs seconds)
and then `work(state, payload)` per payload (a document's task, or a batch of them), in the order
sent. The pool is hand-rolled on pipes rather than `concurrent.futures` because a corpus run must
survive a worker that crashes or hangs on one payload: the parent knows which payloads each worker
holds and that it works on the oldest, turns a crash or an exceeded time limit into a `Failure`
for that payload alone, hands the worker's other payloads to a fresh worker, and starts one.

A worker holds up to `PER_WORKER` payloads: the next one is already in its pipe when it finishes
one, so it never idles while the parent (busy reading and writing) gets round to sending more.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import select
import selectors
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Protocol

from factcheck.corpus.limits import over_limit
from factcheck.report.formats import TableFormat

# A worker that dies this many times in a row before becoming ready is a broken setup, not bad luck.
MAX_SETUP_DEATHS = 3
# What the workers' fork server imports before forking any worker: extraction, warmed up, which is
# all a worker streaming JSON lines needs; workers that build tables or check rules need pandas
# and the rule engine too, with what checking builds on first use (once there, not once per worker).
PRELOAD_EXTRACTION = ("factcheck.corpus.warm",)
PRELOAD_CHECKING = (*PRELOAD_EXTRACTION, "factcheck.corpus.warm_check")
# The workers of a local Dask cluster (see `factcheck.corpus.cluster`) also run Dask's worker code.
PRELOAD_DASK = ("distributed", *PRELOAD_CHECKING)
# Set in the environment of the fork server only (by `prestart`): that it is the server, and the
# run's choice of rules for it to compile (see `factcheck.corpus.rulesets`).
FORKSERVER_ENV = "FACTCHECK_FORK_SERVER"
SERVER_RULES_ENV = "FACTCHECK_SERVER_RULES"
# Payloads sent to one worker ahead of its results.
PER_WORKER = 2
# Seconds between a worker's checks that the run's process is alive, where no pidfd tells it.
PARENT_CHECK = 1.0


@dataclass(frozen=True)
class Failure:
    """A document's work did not produce a value; `message` says why, for the user."""

    message: str


class PoolError(RuntimeError):
    """The workers cannot run at all (their setup failed); the run cannot continue."""


class Engine(Protocol):
    """Where per-document work runs: the local pool or a Dask cluster."""

    @property
    def in_flight(self) -> int: ...

    def submit(self, key: int, payload: Any) -> None: ...

    def collect(self, timeout: float | None) -> list[tuple[int, Any]]:
        """Finished (key, value or Failure) pairs, in completion order; waits up to `timeout` for one."""
        ...

    def close(self) -> None: ...


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def worker_preload(check: bool, streamed: TableFormat | None) -> tuple[str, ...]:
    """What a run's fork server should preload (see PRELOAD_EXTRACTION): `check`, whether the
    workers check rules; `streamed`, the format they render rows in, if any."""
    return PRELOAD_EXTRACTION if not check and streamed is TableFormat.jsonl else PRELOAD_CHECKING


def worker_context(preload: tuple[str, ...]) -> Any:
    """A forkserver context whose server first imports `preload`.

    The fork server is safe with the progress bar's thread (plain fork is not), and a module it
    preloads is paid for once: every worker, including one restarted after a crash, forks from
    a process that already has it. Without forkserver (not POSIX), spawn.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(preload))
    return context


def prestart(preload: tuple[str, ...], rules: str | None = None) -> None:
    """Start the fork server now, so that its preloading (the longest part of a run's start)
    overlaps the parent's own imports instead of following them; a run that then needs no worker
    leaves it idle.

    The server alone is started with `FORKSERVER_ENV` set, which tells a preloaded module where
    it runs (see `factcheck.corpus.warm`), and with `rules`, the run's choice of rules, which it
    compiles for its workers (see `factcheck.corpus.rulesets`); both are unset again before
    anything else starts. `served_rules` says which rules a server this call started was given.
    """
    if worker_context(preload).get_start_method() == "forkserver":
        from multiprocessing import forkserver

        before = _server_pid()
        os.environ[FORKSERVER_ENV] = "1"
        if rules is not None:
            os.environ[SERVER_RULES_ENV] = rules
        try:
            forkserver.ensure_running()
        finally:
            del os.environ[FORKSERVER_ENV]
            os.environ.pop(SERVER_RULES_ENV, None)
        if _server_pid() != before:  # started now, so with these rules
            _SERVER["rules"] = rules
        _SERVER["prestarted"] = True


def served_rules() -> str | None:
    """The choice of rules (as given to `prestart`) the running fork server compiled, if any."""
    return _SERVER["rules"] if _SERVER["rules"] is not None and _server_pid() else None


def _server_pid() -> int | None:
    from multiprocessing import forkserver

    return getattr(forkserver._forkserver, "_forkserver_pid", None)  # the stdlib keeps no public handle


# Whether this process prestarted the fork server, whether any worker forked from it since, and
# the rules the server was started with.
_SERVER: dict[str, Any] = {"prestarted": False, "used": False, "rules": None}


def stop_unused_server() -> None:
    """End a prestarted fork server that no worker came from (a run served from the cache).

    It may still be preloading, and until it ends it holds the caller's standard streams open,
    so whoever reads them (a CI step, a benchmark) would wait for a preload nobody needs.
    """
    if not _SERVER["prestarted"] or _SERVER["used"]:
        return
    pid = _server_pid()
    if pid:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _serve(conn: Connection, setup: Callable[..., Any], setup_args: tuple[Any, ...],
           work: Callable[[Any, Any], Any], parent: int | None = None) -> None:
    """A worker's main loop: set up once, then answer (key, payload) messages until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if parent is not None:
        _end_with(parent)
    try:
        state = setup(*setup_args)
    except Exception as exc:
        conn.send(("setup-failed", None, f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None, None))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        key, payload = message
        try:
            reply = ("done", key, work(state, payload))
            conn.send(reply)
        except Exception as exc:
            conn.send(("failed", key, failure(exc).message))


def _end_with(parent: int) -> None:
    """End this worker as soon as the run's process `parent` is gone, even in the middle of a long
    document: a killed run must not leave its workers running on (their parent is the fork server,
    so the system would not tell them). A thread waits on a pidfd of `parent` (Linux), else
    checks on it every `PARENT_CHECK` seconds."""
    try:
        handle: int | None = os.pidfd_open(parent)
    except (AttributeError, OSError):
        handle = None

    def watch() -> None:
        if handle is not None:
            select.select([handle], [], [])
        else:
            while _alive(parent):
                time.sleep(PARENT_CHECK)
        os._exit(1)

    threading.Thread(target=watch, name="factcheck-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def failure(exc: Exception) -> Failure:
    """The `Failure` of work that raised `exc`: its type, message and where it was raised."""
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" (at {os.path.basename(where.filename)}:{where.lineno})" if where else ""
    return Failure(f"{type(exc).__name__}: {exc}{at}")


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    held: deque[tuple[int, Any]] = field(default_factory=deque)  # sent, unanswered; the first is worked on
    deadline: float = float("inf")  # for the first held payload

    @property
    def busy(self) -> bool:
        return bool(self.held)


class LocalPool:
    """`jobs` worker processes on this machine; see the module docstring."""

    def __init__(self, jobs: int, setup: Callable[..., Any], setup_args: tuple[Any, ...],
                 work: Callable[[Any, Any], Any], time_limit: float | None = None,
                 preload: tuple[str, ...] = ()) -> None:
        self._context = worker_context(preload)
        prestart(preload)  # already running when the CLI prestarted it
        self._setup, self._setup_args, self._work = setup, setup_args, work
        self._time_limit = time_limit
        self._queue: deque[tuple[int, Any]] = deque()
        self._setup_deaths = 0
        self._jobs = max(1, jobs)
        self._workers: list[_Worker] = []  # started as payloads arrive, up to `jobs`
        # Every worker's pipe and sentinel, registered once (not rebuilt on each wait).
        self._selector = selectors.DefaultSelector()

    @property
    def in_flight(self) -> int:
        return len(self._queue) + sum(len(worker.held) for worker in self._workers)

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe(duplex=True)
        arguments = (child, self._setup, self._setup_args, self._work, os.getpid())
        process = self._context.Process(target=_serve, args=arguments, daemon=True, name="factcheck-worker")
        _SERVER["used"] = True
        process.start()
        child.close()
        self._selector.register(parent, selectors.EVENT_READ)
        self._selector.register(process.sentinel, selectors.EVENT_READ)
        return _Worker(process, parent)

    def _retire(self, worker: _Worker) -> None:
        self._selector.unregister(worker.conn)
        self._selector.unregister(worker.process.sentinel)
        worker.conn.close()

    def submit(self, key: int, payload: Any) -> None:
        self._queue.append((key, payload))
        self._dispatch()

    def _dispatch(self) -> None:
        idle = sum(not worker.busy for worker in self._workers)
        if len(self._queue) > idle and len(self._workers) < self._jobs:
            self._workers.append(self._start())
        for depth in range(PER_WORKER):  # first one payload to each idle worker, then a second
            for worker in self._workers:
                if not self._queue:
                    return
                if worker.ready and len(worker.held) == depth:
                    key, payload = self._queue.popleft()
                    try:
                        worker.conn.send((key, payload))
                    except OSError:  # it just died (its sentinel will say so): keep the payload
                        self._queue.appendleft((key, payload))
                        continue
                    worker.held.append((key, payload))
                    if depth == 0:
                        worker.deadline = self._deadline()

    def _deadline(self) -> float:
        return time.monotonic() + self._time_limit if self._time_limit else float("inf")

    def collect(self, timeout: float | None) -> list[tuple[int, Any]]:
        results: list[tuple[int, Any]] = []
        end = None if timeout is None else time.monotonic() + timeout
        while not results and self.in_flight:
            now = time.monotonic()
            # Without a time limit a busy worker's deadline is infinite: no reason to wake early.
            waits = [worker.deadline - now for worker in self._workers
                     if worker.busy and math.isfinite(worker.deadline)]
            if end is not None:
                waits.append(end - now)
            limit = max(0.0, min(waits)) if waits else None
            woken = {key.fileobj for key, _ in self._selector.select(limit)}
            now = time.monotonic()
            for index, worker in enumerate(self._workers):
                readable, ended = worker.conn in woken, worker.process.sentinel in woken
                if readable or ended or now >= worker.deadline:
                    replacement = self._poll(worker, results, readable, ended)
                    if replacement is not None:
                        self._workers[index] = replacement
            self._dispatch()
            if end is not None and time.monotonic() >= end:
                break
        return results

    def _poll(self, worker: _Worker, results: list[tuple[int, Any]], readable: bool,
              ended: bool) -> _Worker | None:
        """Take `worker`'s reply when its pipe is `readable` (every reply left once it has `ended`:
        its sentinel fired); return a fresh worker when this one died or ran out of time."""
        try:
            if readable and not ended:
                # One reply per wake-up (the selector wakes again while more wait): a poll() of
                # the pipe would cost a system call and a selector of its own.
                self._take(worker, results, *worker.conn.recv())
            while ended and worker.conn.poll():
                self._take(worker, results, *worker.conn.recv())
        except (EOFError, OSError):
            pass  # the worker is gone; its sentinel tells the rest
        if ended:
            worker.process.join()
            if worker.held:
                code = worker.process.exitcode
                how = f"signal {signal.Signals(-code).name}" if code and code < 0 else f"exit code {code}"
                return self._replace(worker, results, f"worker crashed ({how})")
            if not worker.ready:
                self._setup_deaths += 1
                if self._setup_deaths >= MAX_SETUP_DEATHS:
                    raise PoolError(f"workers die during setup (last exit code {worker.process.exitcode})")
            self._retire(worker)
            return self._start()
        if worker.held and time.monotonic() >= worker.deadline:
            worker.process.kill()
            worker.process.join()
            assert self._time_limit is not None  # a deadline is finite only under a limit
            return self._replace(worker, results, over_limit(self._time_limit))
        return None

    def _take(self, worker: _Worker, results: list[tuple[int, Any]], status: str, key: int,
              value: Any) -> None:
        """One reply from `worker`: it is ready, its setup failed, or a payload is done or failed."""
        if status == "ready":
            worker.ready, self._setup_deaths = True, 0
        elif status == "setup-failed":
            raise PoolError(f"worker setup failed: {value}")
        else:
            results.append((key, value if status == "done" else Failure(value)))
            worker.held.popleft()
            worker.deadline = self._deadline() if worker.held else float("inf")

    def _replace(self, worker: _Worker, results: list[tuple[int, Any]], why: str) -> _Worker:
        """The payload `worker` was on fails with `why`; the ones it held next go back to the front
        of the queue, in order, for another worker; a fresh worker takes this one's place."""
        self._retire(worker)
        key, _ = worker.held.popleft()
        results.append((key, Failure(why)))
        self._queue.extendleft(reversed(worker.held))
        return self._start()

    def close(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            self._retire(worker)
        self._workers = []

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
