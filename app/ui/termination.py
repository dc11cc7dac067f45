"""SIGTERM and SIGHUP (a logout, ``kill``, a closed terminal) stop the desktop app the way its
Quit does, without asking: running work is cancelled and cleans up (no half-written container,
no plaintext), then the window closes.

Python runs a signal handler only between bytecodes, and Qt's event loop runs none while idle;
so the C-level handler's wake-up byte goes to a socket that Qt watches, and the slot it wakes
does the work on the GUI thread.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)


class Termination(QObject):
    """While alive, the signals in :data:`SIGNALS` call ``stop(signum)`` on the GUI thread."""

    def __init__(self, stop: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = stop
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {s: signal.signal(s, lambda *_: None) for s in SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        for signum in dict.fromkeys(received):
            if signum in SIGNALS:
                log.info("stopping on %s", signal.Signals(signum).name)
                self._stop(signum)

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        for s, handler in self._previous.items():
            signal.signal(s, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
