"""UnlockedOp, the one way to do password-gated work: the password first, the session handed to
the work off the GUI thread and locked when the work ends, however it ends."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QProgressDialog, QPushButton, QWidget

from app.core.errors import InvalidInput
from app.ui import operations, seams
from app.ui.context import AppContext
from app.ui.unlocked import UnlockedOp

PASSWORD = "Tender!Open-Day 2026 lotus"


def _context() -> AppContext:
    context = AppContext()
    context.keystore.initialise(PASSWORD.encode()).lock()
    return context


def test_wrong_password_shows_the_error_and_asks_again(app, qtbot):
    context, got = _context(), []
    seams.answer_next("not the password", PASSWORD)
    UnlockedOp(None, context, asking="sign", op=lambda a, p, c: a.unlocked, success=got.append).run()
    qtbot.waitUntil(lambda: bool(got), timeout=20000)
    assert got[0].is_locked  # the work is over: its session is locked
    asks = [s for s in seams.shown if s.kind == "password"]
    warnings = [s.text for s in seams.shown if s.kind == "warn"]
    assert len(asks) == 2
    assert (asks[0].title, asks[0].text) == ("证照密码", "请输入证照密码，以便sign：")  # the prompt is Chinese too
    wrong = QCoreApplication.translate("errors", "Wrong licence password ({count} wrong in a row)")
    assert warnings and warnings[0] == wrong.format(count=1)  # translated (zh_CN) since the .ts has it
    context.close()


def test_cancelling_the_password_does_nothing(app, qtbot):
    context, got = _context(), []
    seams.answer_next(None)
    run = UnlockedOp(None, context, asking="sign", op=lambda a, p, c: 1, success=got.append).run()
    qtbot.wait(200)
    assert run.operation is None and got == [] and not [s for s in seams.shown if s.kind == "warn"]
    context.close()


def test_the_session_is_unlocked_during_the_work_and_locked_after_a_failure(app, qtbot):
    context, seen, failures = _context(), [], []

    def op(access, progress, cancel):
        seen.append((access.unlocked, access.unlocked.is_locked))
        raise InvalidInput("No such file: {path}", path="x")

    seams.answer_next(PASSWORD)
    UnlockedOp(None, context, asking="sign", op=op, success=lambda r: None).failure(failures.append).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=20000)
    (session, locked_during), = seen
    assert not locked_during and session.is_locked
    context.close()


def test_keep_until_locks_when_the_dialog_closes(app, qtbot):
    context, got = _context(), []
    dialog = QDialog()
    seams.answer_next(PASSWORD)
    UnlockedOp(dialog, context, asking="manage", op=lambda a, p, c: a.unlocked, success=got.append) \
        .keep_until(dialog).run()
    qtbot.waitUntil(lambda: bool(got), timeout=20000)
    qtbot.wait(50)  # the lock is tied to the dialog on the GUI thread
    session = got[0]
    assert not session.is_locked  # the dialog may act again without asking
    dialog.open()
    dialog.reject()
    assert session.is_locked
    context.close()


def test_the_password_check_offers_no_cancel_that_would_do_nothing(app, qtbot):
    """Defect: "Checking the password…" showed a Cancel button; clicking it closed the dialog
    while the work (an encryption, a password change) carried on and ``success`` still ran."""
    context, done, release = _context(), [], threading.Event()
    parent = QWidget()
    qtbot.addWidget(parent)

    def op(access, progress, cancel):
        release.wait(10)  # checks no token: cannot be stopped
        return "sealed"

    seams.answer_next(PASSWORD)
    UnlockedOp(parent, context, asking="sign", op=op, success=done.append).run()
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog) is not None,
                    timeout=operations.DIALOG_DELAY_MS + 5000)
    dialog = parent.findChild(QProgressDialog)
    assert dialog.findChild(QPushButton) is None  # no Cancel button to press
    dialog.reject()  # nor does Escape close it
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: done == ["sealed"], timeout=10000)
    context.close()
