"""The one way to run long work from the UI (Anki's ``QueryOp`` shape over ``QThreadPool``).

    BackgroundOp(parent, op=lambda progress, cancel: core_fn(..., progress=progress, cancel=cancel),
                 success=on_done).failure(on_error).with_progress(tr("Encrypting…")).cancellable().run()

``op`` runs on a pool thread and must not touch widgets; ``success``/``failure``/progress run on
the GUI thread, and only while ``parent`` (the owner) is alive: work that outlives its window
calls nothing. Progress reaches the GUI at most a few times a second; the progress dialog appears
only if the work outlives a short delay. A Cancel button is offered only for work declared
:meth:`cancellable` (work that checks the token); once the user cancelled, ``success`` is never
called, whatever the work returned. :class:`Cancelled` is silent. Failures without a handler are
shown by ``errors.show``. An ``op`` that returns :class:`~.changes.Changed` has its changes
announced through :mod:`.changes` after ``success`` — the one place screens learn of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.errors import Cancelled
from ..core.tasks import CancelToken, Throttle
from . import changes, errors

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
        self._progress = Throttle(lambda d, t: self._emit(bridge.progressed, d, t), PROGRESS_INTERVAL_S)

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


class _ProgressDialog(QProgressDialog):
    """Without a Cancel button, Escape and the window's close button do nothing either: work
    that cannot stop must not look as if it stopped."""

    def __init__(self, label: str, cancellable: bool, parent: QWidget | None) -> None:
        cancel = QCoreApplication.translate("common", "Cancel") if cancellable else ""
        super().__init__(label, cancel, 0, 0, parent)
        if not cancellable:
            self.setCancelButton(None)
        self.cancellable = cancellable

    def reject(self) -> None:
        if self.cancellable:
            super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if self.cancellable:
            super().closeEvent(event)
        else:
            event.ignore()


class BackgroundOp:
    """Build, then :meth:`run`. Keep no reference: the operation keeps itself alive until done."""

    _running: set[BackgroundOp] = set()

    def __init__(self, parent: QObject | None, *, op: Op, success: Callable[[Any], None]) -> None:
        self.parent = parent
        self._op = op
        self._success = success
        self._failure: Callable[[BaseException], None] | None = None
        self._label: str | None = None
        self._cancellable = False
        self._on_progress: Callable[[int, int], None] | None = None
        self.cancel_token = CancelToken()
        self.user_cancelled = False
        self._dialog: _ProgressDialog | None = None
        self._timer: QTimer | None = None
        self._pool: QThreadPool | None = None

    def failure(self, handler: Callable[[BaseException], None]) -> BackgroundOp:
        self._failure = handler
        return self

    def with_progress(self, label: str) -> BackgroundOp:
        """Show a progress dialog if the work takes longer than a moment."""
        self._label = label
        return self

    def cancellable(self) -> BackgroundOp:
        """The work checks its cancel token: offer Cancel (in the dialog, and on quit)."""
        self._cancellable = True
        return self

    def on_progress(self, handler: Callable[[int, int], None]) -> BackgroundOp:
        """Also report throttled progress to ``handler`` (e.g. a row's progress bar)."""
        self._on_progress = handler
        return self

    def in_pool(self, pool: QThreadPool) -> BackgroundOp:
        self._pool = pool
        return self

    def cancel(self) -> None:
        """The user's cancel: the token is set, and ``success`` will not be called."""
        if self._cancellable:
            self.user_cancelled = True
            self.cancel_token.cancel()

    @classmethod
    def cancel_all(cls) -> None:
        """On quit: every cancellable operation stops at its next check and cleans up after itself."""
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

    def _owner_gone(self) -> bool:
        """Work that outlives its window (closed page, ended test) must not call into it."""
        return self.parent is not None and not shiboken6.isValid(self.parent)

    def _show_dialog(self) -> None:
        if self._owner_gone():
            return
        parent = self.parent if isinstance(self.parent, QWidget) else None
        dialog = _ProgressDialog(self._label or "", self._cancellable, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._cancellable:
            dialog.canceled.connect(self.cancel)
        dialog.show()
        self._dialog = dialog

    def _progressed(self, done: int, total: int) -> None:
        if self._owner_gone():
            return
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
            if self._cancellable:
                self._dialog.canceled.disconnect(self.cancel)  # closing it emits canceled()
            self._dialog.cancellable = True  # let it close now
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        BackgroundOp._running.discard(self)

    def _finished(self, result: Any) -> None:
        self._close()
        value, changed = (result.value, result.changes) if isinstance(result, changes.Changed) \
            else (result, changes.Change(0))
        try:
            if self._owner_gone():
                return
            if self.user_cancelled:  # finished before it noticed: the user still said stop
                self._failed_here(Cancelled())
                return
            self._success(value)
        finally:  # what changed did change, whether or not its window is still there to see it
            changes.announce(changed)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        if self._owner_gone():
            if not isinstance(exc, Cancelled):
                errors.log.warning("background work failed after its window closed: %r", exc)
            return
        self._failed_here(exc)

    def _failed_here(self, exc: BaseException) -> None:
        if self._failure is not None:
            self._failure(exc)
        elif not isinstance(exc, Cancelled):
            errors.show(self.parent if isinstance(self.parent, QWidget) else None, exc)
