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
from typing import Any


class TimeLimitExceeded(BaseException):
    """The time limit ran out. A BaseException, so that no `except Exception` inside the work (a
    rule's own guard, a reader's) takes it for a failure of that work and carries on."""


def over_limit(seconds: float) -> str:
    """The reason a document over its limit is an error, as the user reads it."""
    return f"exceeded the time limit of {seconds:g} s"


class Alarm:
    """A time limit on each of many pieces of work done in turn (reading a corpus's documents):
    the signal handler is installed once for all of them and the timer armed for each (installing
    a handler per document cost a run of small documents more than reading them).

    No limit when `seconds` is None, off the main thread (signals only reach it), or where the
    system has no interval timer. Between pieces the timer is off, so whatever runs there may set
    a limit of its own (`within_time`), which puts this handler back when it ends.
    """

    def __init__(self, seconds: float | None) -> None:
        usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self.seconds = seconds if usable else None
        self._previous: Any = None

    def __enter__(self) -> Alarm:
        if self.seconds is not None:
            limit = self.seconds

            def expire(signum: int, frame: FrameType | None) -> None:
                raise TimeLimitExceeded(over_limit(limit))

            self._previous = signal.signal(signal.SIGALRM, expire)
        return self

    def arm(self) -> None:
        """Raise `TimeLimitExceeded` once `seconds` have passed (until `disarm`)."""
        if self.seconds is not None:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def disarm(self) -> None:
        if self.seconds is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def __exit__(self, *exc: object) -> None:
        if self.seconds is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)


@contextmanager
def within_time(seconds: float | None) -> Iterator[None]:
    """Raise `TimeLimitExceeded` inside the block once `seconds` have passed (see `Alarm`)."""
    with Alarm(seconds) as alarm:
        alarm.arm()
        try:
            yield
        finally:
            alarm.disarm()
