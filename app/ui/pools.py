"""The application's thread pools, one per resource (Picard's rule).

- :func:`crypto`: the one bidx worker pool (chunk encryption and decryption, sized to the cores),
  shared by every page and operation, opened on first use and closed when the application quits.
- :func:`keystore`: a single thread for keystore work (unlock, password change): SQLite writes and
  Argon2id are serialised instead of competing for the same file and the same memory.
"""

from __future__ import annotations

from contextlib import ExitStack

from PySide6.QtCore import QCoreApplication, QThreadPool

_crypto = None
_stack: ExitStack | None = None
_keystore: QThreadPool | None = None


def crypto():
    """The application's bidx :class:`~app.core.bidx.WorkerPool`."""
    global _crypto, _stack
    if _crypto is None:
        from ..core import bidx  # imported on first use: keeps start-up light

        _stack = ExitStack()
        _crypto = _stack.enter_context(bidx.worker_pool())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(close)
    return _crypto


def keystore() -> QThreadPool:
    global _keystore
    if _keystore is None:
        _keystore = QThreadPool()
        _keystore.setMaxThreadCount(1)
        _keystore.setExpiryTimeout(-1)
    return _keystore


def close() -> None:
    global _crypto, _stack
    if _stack is not None:
        _stack.close()
    _crypto, _stack = None, None
