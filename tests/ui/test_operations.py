"""The background-operation helper: off the GUI thread, throttled, delayed dialog, silent cancel."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from app.core.errors import Cancelled, InvalidInput
from app.ui import operations, seams
from app.ui.operations import BackgroundOp


def test_runs_off_the_gui_thread_and_returns_on_it(app, qtbot):
    gui = threading.get_ident()
    seen = {}

    def op(progress, cancel):
        seen["worker"] = threading.get_ident()
        return 42

    def success(result):
        seen["success"] = threading.get_ident()
        seen["result"] = result

    BackgroundOp(None, op=op, success=success).run()
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["worker"] != gui and seen["success"] == gui and seen["result"] == 42


def test_progress_is_throttled(app, qtbot):
    updates, done = [], []

    def op(progress, cancel):
        for i in range(1, 20001):
            progress(i, 20000)
        return "ok"

    BackgroundOp(None, op=op, success=done.append).on_progress(lambda d, t: updates.append(d)).run()
    qtbot.waitUntil(lambda: done == ["ok"])
    assert updates[-1] == 20000
    assert len(updates) < 20  # 20,000 reports in well under a second become a handful


def test_project_error_is_shown_translated_once(app, qtbot):
    finished = threading.Event()

    def op(progress, cancel):
        try:
            raise InvalidInput("No such file: {path}", path="x.bid")
        finally:
            finished.set()

    BackgroundOp(None, op=op, success=lambda r: None).run()
    qtbot.waitUntil(lambda: any(s.kind == "warn" for s in seams.shown))
    assert [s.text for s in seams.shown if s.kind == "warn"] == ["No such file: x.bid"]


def test_unexpected_error_becomes_a_bug_report_with_details(app, qtbot):
    def op(progress, cancel):
        raise ZeroDivisionError("boom")

    BackgroundOp(None, op=op, success=lambda r: None).run()
    qtbot.waitUntil(lambda: any(s.kind == "bug" for s in seams.shown))
    report = next(s for s in seams.shown if s.kind == "bug")
    assert "ZeroDivisionError: boom" in report.details


def test_dialog_appears_only_after_a_delay_and_cancel_is_silent(app, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    started, failures = threading.Event(), []

    def op(progress, cancel):
        started.set()
        while True:
            cancel.raise_if_cancelled()
            progress(1, 10)
            time.sleep(0.01)

    running = BackgroundOp(parent, op=op, success=lambda r: None).with_progress("Working").cancellable() \
        .failure(failures.append).run()
    started.wait(5)
    assert parent.findChild(QProgressDialog) is None  # not yet: quick work never flashes a dialog
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is not None, timeout=operations.DIALOG_DELAY_MS + 3000)
    dialog = parent.findChild(QProgressDialog)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # the user's Cancel
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], Cancelled)
    assert running.cancel_token.cancelled
    assert not [s for s in seams.shown if s.kind in ("warn", "bug")]


def test_quick_work_shows_no_dialog(app, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    done = []
    BackgroundOp(parent, op=lambda p, c: 1, success=done.append).with_progress("Quick").run()
    qtbot.waitUntil(lambda: bool(done))
    qtbot.wait(operations.DIALOG_DELAY_MS + 100)
    assert parent.findChild(QProgressDialog) is None


def test_work_that_outlives_its_window_calls_nothing(app, qtbot):
    parent = QWidget()
    called, release = [], threading.Event()

    def op(progress, cancel):
        release.wait(5)
        raise InvalidInput("too late to show")

    work = BackgroundOp(parent, op=op, success=called.append).failure(called.append).run()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(parent))
    release.set()
    # this operation finished (others, e.g. a context's project fetch, may still be running)
    qtbot.waitUntil(lambda: work not in operations.BackgroundOp._running, timeout=5000)
    assert called == [] and not [s for s in seams.shown if s.kind in ("warn", "bug")]


def test_work_that_checks_no_token_gets_no_cancel_button(app, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    release, done = threading.Event(), []
    BackgroundOp(parent, op=lambda p, c: release.wait(10), success=done.append) \
        .with_progress("Re-sealing").run()
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is not None,
                    timeout=operations.DIALOG_DELAY_MS + 3000)
    assert parent.findChild(QProgressDialog).findChild(QPushButton) is None
    release.set()
    qtbot.waitUntil(lambda: bool(done))


def test_success_never_runs_after_the_user_cancelled(app, qtbot):
    """A cancellable op that finishes before it notices the cancel still counts as cancelled."""
    parent = QWidget()
    qtbot.addWidget(parent)
    clicked, called, failures = threading.Event(), [], []

    def op(progress, cancel):
        clicked.wait(10)  # the user clicks Cancel, then the work ends without checking again
        return "done anyway"

    BackgroundOp(parent, op=op, success=called.append).with_progress("Working").cancellable() \
        .failure(failures.append).run()
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is not None,
                    timeout=operations.DIALOG_DELAY_MS + 3000)
    qtbot.mouseClick(parent.findChild(QProgressDialog).findChild(QPushButton), Qt.MouseButton.LeftButton)
    clicked.set()
    qtbot.waitUntil(lambda: bool(failures))
    assert called == [] and isinstance(failures[0], Cancelled)


def test_cancellable_work_that_finishes_with_its_dialog_shown_succeeds(app, qtbot):
    """Closing the progress dialog at the end must not count as the user's cancel."""
    parent = QWidget()
    qtbot.addWidget(parent)
    release, done = threading.Event(), []
    BackgroundOp(parent, op=lambda p, c: release.wait(10), success=done.append) \
        .with_progress("Decrypting").cancellable().run()
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is not None,
                    timeout=operations.DIALOG_DELAY_MS + 3000)
    release.set()
    qtbot.waitUntil(lambda: done == [True])
