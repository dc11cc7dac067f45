"""The one way to run long work from the UI (Anki's ``QueryOp`` shape over ``QThreadPool``).

    BackgroundOp(parent, op=lambda progress, cancel: core_fn(..., progress=progress, cancel=cancel),
                 success=on_done).failure(on_error).with_progress(tr("Encrypting…")).run()

``op`` runs on a pool thread and must not touch widgets; ``success``/``failure`` run on the GUI
thread. Progress reaches the GUI at most a few times a second; the progress dialog appears only
if the work outlives a short delay; its Cancel button sets the core's cancel token, and the
resulting :class:`Cancelled` is silent. Failures without a handler are shown by ``errors.show``.
"""

from __future__ import annotations

import time
from typing import Any, Callable, Optional

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.errors import Cancelled
from ..core.tasks import CancelToken
from . import errors

PROGRESS_INTERVAL_S = 0.2  # at most five progress updates a second
DIALOG_DELAY_MS = 600

Op = Callable[[Callable[[int, int], None], CancelToken], Any]


class _Bridge(QObject):
    """Lives on the GUI thread; signals emitted from the worker are queued to it."""

    progressed = Signal(object, object)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, op: Op, bridge: _Bridge, cancel: CancelToken) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op, self._bridge, self._cancel = op, bridge, cancel
        self._last = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            self._emit(self._bridge.progressed, done, total)

    def _emit(self, signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the application is shutting down: nobody is left to tell
            self._cancel.cancel()

    def run(self) -> None:
        try:
            result = self._op(self._progress, self._cancel)
        except BaseException as exc:  # handed to the GUI thread, which decides how to show it
            self._emit(self._bridge.failed, exc)
        else:
            self._emit(self._bridge.finished, result)


class BackgroundOp:
    """Build, then :meth:`run`. Keep no reference: the operation keeps itself alive until done."""

    _running: set["BackgroundOp"] = set()

    def __init__(self, parent: Optional[QWidget], *, op: Op, success: Callable[[Any], None]) -> None:
        self.parent = parent
        self._op = op
        self._success = success
        self._failure: Optional[Callable[[BaseException], None]] = None
        self._label: Optional[str] = None
        self._on_progress: Optional[Callable[[int, int], None]] = None
        self.cancel_token = CancelToken()
        self._dialog: Optional[QProgressDialog] = None
        self._timer: Optional[QTimer] = None
        self._pool: Optional[QThreadPool] = None

    def failure(self, handler: Callable[[BaseException], None]) -> BackgroundOp:
        self._failure = handler
        return self

    def with_progress(self, label: str) -> BackgroundOp:
        """Show a cancellable progress dialog if the work takes longer than a moment."""
        self._label = label
        return self

    def on_progress(self, handler: Callable[[int, int], None]) -> BackgroundOp:
        """Also report throttled progress to ``handler`` (e.g. a row's progress bar)."""
        self._on_progress = handler
        return self

    def in_pool(self, pool: QThreadPool) -> BackgroundOp:
        self._pool = pool
        return self

    def cancel(self) -> None:
        self.cancel_token.cancel()

    @classmethod
    def cancel_all(cls) -> None:
        """On quit: every running operation stops at its next check and cleans up after itself."""
        for running in list(cls._running):
            running.cancel()

    def run(self) -> BackgroundOp:
        bridge = _Bridge()
        bridge.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        bridge.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        bridge.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._bridge = bridge
        if self._label is not None:
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_dialog)
            self._timer.start(DIALOG_DELAY_MS)
        if not BackgroundOp._running:
            app = QCoreApplication.instance()
            if app is not None and not getattr(app, "_ebid_ops_hooked", False):
                app.aboutToQuit.connect(BackgroundOp.cancel_all)
                app._ebid_ops_hooked = True
        BackgroundOp._running.add(self)
        (self._pool or QThreadPool.globalInstance()).start(_Runnable(self._op, bridge, self.cancel_token))
        return self

    # -- GUI thread ------------------------------------------------------------------------------

    def _show_dialog(self) -> None:
        dialog = QProgressDialog(self._label or "", QCoreApplication.translate("common", "Cancel"), 0, 0, self.parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.show()
        self._dialog = dialog

    def _progressed(self, done: int, total: int) -> None:
        if self._dialog is not None and total > 0 and shiboken6.isValid(self._dialog):
            scale = max(1, total // 1_000_000_000 + 1)  # keep within QProgressDialog's int range
            self._dialog.setMaximum(int(total // scale))
            self._dialog.setValue(int(done // scale))
        if self._on_progress is not None:
            self._on_progress(done, total)

    def _close(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        BackgroundOp._running.discard(self)

    def _parent_gone(self) -> bool:
        """Work that outlives its window (closed page, ended test) must not call into it."""
        return self.parent is not None and not shiboken6.isValid(self.parent)

    def _finished(self, result: Any) -> None:
        self._close()
        if self._parent_gone():
            return
        self._success(result)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        if self._parent_gone():
            if not isinstance(exc, Cancelled):
                errors.log.warning("background work failed after its window closed: %r", exc)
            return
        if isinstance(exc, Cancelled):
            if self._failure is not None:
                self._failure(exc)
            return
        if self._failure is not None:
            self._failure(exc)
        else:
            errors.show(self.parent, exc)
