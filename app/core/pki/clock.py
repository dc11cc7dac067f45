"""Clocks: every rule and every verification takes its "now" from one, so tests can set it.

Times are timezone-aware UTC with whole seconds, the precision of certificate validity.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from ..errors import InvalidInput

Clock = Callable[[], datetime]


def to_utc_second(moment: datetime) -> datetime:
    """``moment`` in UTC with the sub-second part dropped; naive datetimes are refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(
            "A time without a time zone was given: {moment}", moment=moment.isoformat()
        )
    return moment.astimezone(UTC).replace(microsecond=0)


def system_clock() -> datetime:
    return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to (tests, demos, replaying a scenario)."""

    def __init__(self, start: datetime) -> None:
        self._now = to_utc_second(start)

    def __call__(self) -> datetime:
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = to_utc_second(moment)

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        self._now += delta if delta is not None else timedelta(**kwargs)
        return self._now
