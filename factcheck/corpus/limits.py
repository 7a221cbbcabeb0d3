"""A time limit on work done in this process: reading one input, or checking a single document.

Work in the worker pool is bounded by the pool, which kills a worker over its limit. Work the run
does itself (reading every document; checking a single document or story, which starts no
worker) is bounded here by an alarm signal instead, which interrupts Python code and the regular
expression engine alike.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class TimeLimitExceeded(BaseException):
    """The time limit ran out. A BaseException, so that no `except Exception` inside the work (a
    rule's own guard, a reader's) takes it for a failure of that work and carries on."""


def over_limit(seconds: float) -> str:
    """The reason a document over its limit is an error, as the user reads it."""
    return f"exceeded the time limit of {seconds:g} s"


@contextmanager
def within_time(seconds: float | None) -> Iterator[None]:
    """Raise `TimeLimitExceeded` inside the block once `seconds` have passed.

    No limit when `seconds` is None, off the main thread (signals only reach it), or where the
    system has no interval timer.
    """
    if seconds is None or not hasattr(signal, "setitimer") or \
            threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitExceeded(over_limit(seconds))

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
