"""Wrong-password throttling: a growing wait after repeated failures, persisted in the file.

The counter is raised *before* the Argon2id derivation and reset only after a success, so killing
the process between the attempt and its result cannot hide a failure. It lives in the keystore
file (meta ``failed_unlocks``), so restarting the app does not reset it. The wait is enforced by
refusing an early attempt (without running the KDF), not by sleeping, so the UI never blocks.

This slows guessing through the app only; an attacker holding a copy of the file faces Argon2id.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable

#: Wrong passwords allowed before any wait (typos happen).
FREE_ATTEMPTS = 3
#: The wait never exceeds 15 minutes: a legitimate user must always be able to get back in.
MAX_DELAY = 15 * 60

DelaySchedule = Callable[[int], int]
_STATE = struct.Struct(">Iq")  # failures, last attempt in ms since the epoch (0 = never)


def default_delay(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row: 0, 0, 1, 2, 4, 8, … ≤ 900."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY)


@dataclass(frozen=True)
class AttemptState:
    failures: int = 0
    last_attempt: datetime | None = None

    def encode(self) -> bytes:
        ms = 0 if self.last_attempt is None else int(self.last_attempt.timestamp() * 1000)
        return _STATE.pack(self.failures, ms)

    @classmethod
    def decode(cls, raw: bytes | None) -> AttemptState:
        # Read from the file: a cell edited into another type, length or an impossible time
        # counts as no record (whoever can edit the file can also delete the row).
        if not isinstance(raw, bytes) or len(raw) != _STATE.size:
            return cls()
        failures, ms = _STATE.unpack(raw)
        try:
            last = None if ms == 0 else datetime.fromtimestamp(ms / 1000, timezone.utc)
        except (OverflowError, OSError, ValueError):
            return cls(failures)
        return cls(failures, last)

    def attempted(self, now: datetime) -> AttemptState:
        return AttemptState(self.failures + 1, now)


def remaining_wait(state: AttemptState, now: datetime, schedule: DelaySchedule) -> int:
    """Whole seconds still to wait before the next attempt is allowed (0 = go ahead)."""
    delay = schedule(state.failures)
    if delay <= 0 or state.last_attempt is None:
        return 0
    elapsed = now - state.last_attempt
    # A clock moved backwards must not lock the user out for longer than the delay itself.
    elapsed = max(elapsed, timedelta(0))
    left = timedelta(seconds=delay) - elapsed
    return max(0, math.ceil(left.total_seconds()))
