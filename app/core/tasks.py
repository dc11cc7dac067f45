"""The contract for long operations: ``fn(..., progress=callback, cancel=token)``.

A core function reports ``progress(done, total)`` (in bytes or items) from whatever thread it runs
on and checks ``cancel.raise_if_cancelled()`` between units of work. The UI wraps such functions in
its background-operation helper and throttles progress (:func:`throttled`); the CLI prints it
on a terminal.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Optional

from .errors import Cancelled

Progress = Callable[[int, int], None]


def no_progress(done: int, total: int) -> None:
    """Default progress callback: ignore."""


class CancelToken:
    """A thread-safe flag; cancelling is one-way."""

    __slots__ = ("_event",)

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


def check(cancel: Optional[CancelToken]) -> None:
    if cancel is not None:
        cancel.raise_if_cancelled()


class Throttle:
    """A progress callback that passes a call on at most every ``interval_s`` seconds.

    The first call and the final one (``done >= total``) always pass, so a bar starts at once
    and ends full. Safe to call from several worker threads at once (chunks finish in parallel):
    the calls that pass reach ``progress`` one at a time, so it need not be thread-safe.
    """

    __slots__ = ("_clock", "_interval_s", "_last", "_lock", "_progress")

    def __init__(
        self, progress: Progress, interval_s: float, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._progress = progress
        self._interval_s = interval_s
        self._clock = clock
        self._last: float | None = None
        self._lock = threading.Lock()

    def __call__(self, done: int, total: int) -> None:
        with self._lock:
            now = self._clock()
            final = done >= total
            if not final and self._last is not None and now - self._last < self._interval_s:
                return
            self._last = now
            self._progress(done, total)


def throttled(progress: Progress, interval_s: float) -> Progress:
    """``progress`` called at most every ``interval_s`` seconds, always with the final call."""
    return Throttle(progress, interval_s)
