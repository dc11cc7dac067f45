"""Unlock once, for a while (KeePassXC's auto-lock; the CA bid tools' "session"): once the licence
password has been given, the wallet stays unlocked for the minutes the user chose in Settings
(0: ask every time), counted from the last use, and locks at once on the lock button, after a
password change, or when the app closes.

While it is unlocked, password-gated work (:class:`~.unlocked.UnlockedOp`) does not ask again:
each piece of work gets its own copy of the session, which it locks when it ends, so nothing a
piece of work holds outlives it; locking the session drops the master key the copies came from.
If the password was changed meanwhile (in another window or process) the keystore refuses the
copy, the session locks and the password is asked again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from . import settings

if TYPE_CHECKING:  # the keystore package (SQLAlchemy) is imported on first use, not at start-up
    from ..core.keystore import Unlocked

#: The choices offered in Settings (minutes; 0 asks for every operation).
CHOICES = (0, 5, 15, 30, 60)
CHECK_MS = 5_000


class WalletSession(QObject):
    changed = Signal()  # unlocked or locked
    # A copy unlocked on a pool thread, handed to :meth:`open` on the GUI thread (a queued
    # signal: the one thread-safe way across; a timer started from a pool thread is not).
    offered = Signal(object)

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._unlocked: Unlocked | None = None
        self._last_use = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self._expire)
        self.offered.connect(self.open, Qt.ConnectionType.QueuedConnection)

    @staticmethod
    def minutes() -> int:
        return max(0, settings.UNLOCK_MINUTES.get())

    def is_unlocked(self) -> bool:
        self._expire()
        return self._unlocked is not None

    def remaining(self) -> float:
        """Seconds until the session locks by itself (0 when locked)."""
        if self._unlocked is None:
            return 0.0
        return max(0.0, self._last_use + self.minutes() * 60 - self._clock())

    def open(self, unlocked: Unlocked) -> None:
        """Keep ``unlocked`` (a copy the caller made while it was unlocked) for the chosen minutes."""
        if self.minutes() == 0 or unlocked.is_locked:
            unlocked.lock()
            return
        if self._unlocked is not None:
            self._unlocked.lock()
        self._unlocked, self._last_use = unlocked, self._clock()
        self._timer.start()
        self.changed.emit()

    def borrow(self) -> Unlocked | None:
        """A copy for one piece of work (which locks it when done), or None when locked."""
        if not self.is_unlocked():
            return None
        self._last_use = self._clock()
        return copy(self._unlocked)

    def lock(self) -> None:
        if self._unlocked is None:
            return
        self._unlocked.lock()
        self._unlocked = None
        self._timer.stop()
        self.changed.emit()

    def _expire(self) -> None:
        if self._unlocked is not None and self.remaining() <= 0:
            self.lock()


def copy(unlocked: Unlocked) -> Unlocked:
    """Another session on the same master key, locked independently of ``unlocked``."""
    from ..core.keystore import Unlocked

    return Unlocked(unlocked.master_blob, unlocked.master())
