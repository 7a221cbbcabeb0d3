"""The worker pool survives a document that crashes its worker, hangs, or raises."""

from __future__ import annotations

import os
import signal
import time

import pytest

from factcheck.corpus.pool import Failure, LocalPool, PoolError


def _setup(offset: int) -> int:
    return offset


def _work(offset: int, payload: str) -> object:
    if payload == "crash":
        os.kill(os.getpid(), signal.SIGKILL)
    if payload == "hang":
        time.sleep(60)
    if payload == "raise":
        raise ValueError("no figures here")
    return offset + len(payload)


def _broken_setup(offset: int) -> int:
    raise RuntimeError("rules missing")


def _run(pool: LocalPool, payloads: list[str]) -> dict[int, object]:
    for key, payload in enumerate(payloads):
        pool.submit(key, payload)
    results: dict[int, object] = {}
    while pool.in_flight:
        results.update(pool.collect(timeout=None))
    return results


def test_crash_hang_and_exception_cost_one_document_each() -> None:
    payloads = ["ab", "crash", "abc", "hang", "raise", "abcd", "a"]
    with LocalPool(2, _setup, (100,), _work, time_limit=3) as pool:
        results = _run(pool, payloads)
        assert results[0] == 102 and results[2] == 103 and results[5] == 104 and results[6] == 101
        assert results[1] == Failure("worker crashed (signal SIGKILL)")
        assert results[3] == Failure("exceeded the time limit of 3 s")
        assert isinstance(results[4], Failure)
        assert results[4].message.startswith("ValueError: no figures here")
        # the replaced workers still serve
        assert _run(pool, ["xyz"]) == {0: 103}


def test_without_a_time_limit_the_pool_waits_for_its_workers() -> None:
    with LocalPool(2, _setup, (100,), _work) as pool:
        assert _run(pool, ["ab", "abc", "abcd"]) == {0: 102, 1: 103, 2: 104}


def test_a_setup_that_always_fails_stops_the_run() -> None:
    with LocalPool(1, _broken_setup, (0,), _work) as pool:
        pool.submit(0, "ab")
        with pytest.raises(PoolError, match="worker setup failed: RuntimeError: rules missing"):
            while pool.in_flight:
                pool.collect(timeout=None)


def test_documents_sent_ahead_to_a_worker_that_crashes_go_to_another() -> None:
    # Each worker holds two documents; those queued behind a crash are neither lost nor failed.
    payloads = ["crash", "ab", "crash", "abc", "abcd", "crash", "a", "xy"]
    with LocalPool(1, _setup, (100,), _work, time_limit=30) as pool:
        results = _run(pool, payloads)
    assert results == {0: Failure("worker crashed (signal SIGKILL)"), 1: 102,
                       2: Failure("worker crashed (signal SIGKILL)"), 3: 103, 4: 104,
                       5: Failure("worker crashed (signal SIGKILL)"), 6: 101, 7: 102}
