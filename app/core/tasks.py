"""The contract for long operations: ``fn(..., progress=callback, cancel=token)``.

A core function reports ``progress(done, total)`` (in bytes or items) from whatever thread it runs
on and checks ``cancel.raise_if_cancelled()`` between units of work. The UI wraps such functions in
its background-operation helper and throttles progress; the CLI prints it on a terminal.
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
    """``progress`` passed on at most once per ``interval_s`` seconds, and always the final
    report (``done >= total``): the one rule for the UI's progress signals and the CLI's line."""

    __slots__ = ("_progress", "_interval", "_last")

    def __init__(self, progress: Progress, interval_s: float) -> None:
        self._progress, self._interval, self._last = progress, interval_s, float("-inf")

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= self._interval:
            self._last = now
            self._progress(done, total)
