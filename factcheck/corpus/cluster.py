"""The Dask engine: the same per-document work as the local pool, on a Dask cluster.

Needs the optional extra `factcheck[dask]`. The setup's arguments (the run's pickled rules among
them) go to the cluster once, scattered to every worker, not with each task; each Dask worker
process sets up once per run (the setup is cached per process, keyed by the run) and then runs
one task (a document, or a batch of them) at a time. A task that
raises becomes a `Failure`; a task whose worker died (`KilledWorker`) or that exceeds the time
limit (counted from submission, since Dask does not say when a task starts) is cancelled and
becomes a `Failure` too.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

from factcheck.corpus.limits import over_limit
from factcheck.corpus.pool import Failure

# Seconds to wait for a scheduler before the run stops with exit 2.
CONNECT_TIMEOUT = 10
_STATES: dict[str, Any] = {}  # run -> its worker state, in each Dask worker process
# A local cluster's workers do not sample their own stacks every few milliseconds for Dask's
# dashboard (which a run started without one never shows): on a machine whose every core
# works, that sampling takes its time from the documents.
_QUIET_WORKERS = {"distributed.worker.profile.enabled": False}
# Dask keeps each connection's last messages (up to a thousand by default) for debugging: every
# task's documents, as sent by this client and as received by a local scheduler, would stay in
# memory until a thousand tasks later. A few are enough to debug with.
_SHORT_LOGS = {"distributed.admin.low-level-log-length": 20}


def _run(run: str, setup: Callable[..., Any], setup_args: tuple[Any, ...], work: Callable[[Any, Any], Any],
         payload: Any) -> Any:
    """Task body on a Dask worker: set up once per run in each worker process, then do the task."""
    if run not in _STATES:
        _STATES.clear()  # an earlier run's state (its rules) is not needed again
        _STATES[run] = setup(*setup_args)
    return work(_STATES[run], payload)


def _local_cluster(jobs: int) -> Any:
    """A cluster of `jobs` worker processes on this machine, forked (where the system can) from a
    server that has imported and warmed up the extractor and the rule engine, as the local pool's
    workers are: the workers share those pages instead of each loading its own copy."""
    import multiprocessing

    import dask
    from dask.distributed import LocalCluster

    from factcheck.corpus.pool import PRELOAD_DASK

    config: dict[str, Any] = dict(_QUIET_WORKERS)
    forked = "forkserver" in multiprocessing.get_all_start_methods()
    if forked:
        config["distributed.worker.multiprocessing-method"] = "forkserver"
    with dask.config.set(config):
        if forked:
            from distributed.utils import get_mp_context

            get_mp_context().set_forkserver_preload(list(PRELOAD_DASK))
        return LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)


class DaskEngine:
    """Submit documents to a Dask scheduler at `scheduler`, or to a new `LocalCluster` of `jobs` workers."""

    def __init__(self, jobs: int, setup: Callable[..., Any], setup_args: tuple[Any, ...],
                 work: Callable[[Any, Any], Any], time_limit: float | None = None,
                 scheduler: str | None = None) -> None:
        try:
            from dask.distributed import Client
        except ImportError as exc:
            message = "--engine dask needs the optional extra: pip install 'factcheck[dask]'"
            raise RuntimeError(message) from exc
        import dask

        self._cluster = None
        with dask.config.set(_SHORT_LOGS):
            if scheduler:
                try:
                    self._client = Client(scheduler, timeout=CONNECT_TIMEOUT)
                except (OSError, TimeoutError, ValueError) as exc:
                    raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
            else:
                self._cluster = _local_cluster(jobs)
                self._client = Client(self._cluster)
        self._run_id = uuid.uuid4().hex[:12]
        [shared] = self._client.scatter([setup_args], broadcast=True, hash=False)
        self._setup, self._setup_args, self._work = setup, shared, work
        self._time_limit = time_limit
        self._pending: dict[Any, tuple[int, float]] = {}  # future -> (key, submitted at)

    @property
    def in_flight(self) -> int:
        return len(self._pending)

    def submit(self, key: int, payload: Any) -> None:
        future = self._client.submit(_run, self._run_id, self._setup, self._setup_args, self._work, payload,
                                     key=f"factcheck-{self._run_id}-{key}", pure=False, retries=0)
        self._pending[future] = (key, time.monotonic())

    def collect(self, timeout: float | None) -> list[tuple[int, Any]]:
        from distributed import wait

        if not self._pending:
            return []
        limit = timeout
        if self._time_limit is not None:
            first_deadline = min(at for _, at in self._pending.values()) + self._time_limit
            remaining = max(0.0, first_deadline - time.monotonic())
            limit = remaining if limit is None else min(limit, remaining)
        try:
            done, _ = wait(list(self._pending), timeout=limit, return_when="FIRST_COMPLETED")
        except TimeoutError:
            done = set()
        results: list[tuple[int, Any]] = []
        finished = [future for future in done if future.status == "finished"]
        # Every finished value fetched in one exchange with the cluster, not one round trip each.
        for future, value in zip(finished, self._client.gather(finished), strict=True):
            results.append((self._pending.pop(future)[0], value))
        for future in done:
            if future.status != "finished":
                key, _ = self._pending.pop(future)
                error = future.exception()
                name = type(error).__name__
                reason = "worker crashed" if name == "KilledWorker" else f"{name}: {error}"
                results.append((key, Failure(reason)))
        if self._time_limit is not None:
            now = time.monotonic()
            for future, (key, at) in list(self._pending.items()):
                if now - at >= self._time_limit:
                    future.cancel()
                    del self._pending[future]
                    results.append((key, Failure(over_limit(self._time_limit))))
        return results

    def close(self) -> None:
        for future in self._pending:
            future.cancel()
        self._pending.clear()
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
