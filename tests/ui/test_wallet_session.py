"""Unlock once, for a while: the licence password opens a session for the minutes chosen in
Settings (counted from the last use); operations inside it do not ask again, each gets its own
copy and locks it when done; the lock button, a password change and "ask every time" end it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui import seams, settings
from app.ui.context import AppContext
from app.ui.main_window import MainWindow
from app.ui.settings_page import SettingsPage
from app.ui.unlocked import UnlockedOp
from app.ui.wallet_session import WalletSession

PASSWORD = "Tender!Open-Day 2026 lotus"
NEW_PASSWORD = "Another-Opening Day 2027 peony"
WAIT = 20_000


def _context(minutes: int = 15) -> AppContext:
    settings.UNLOCK_MINUTES.set(minutes)
    context = AppContext()
    context.keystore.initialise(PASSWORD.encode()).lock()
    return context


def _asks() -> int:
    return len([s for s in seams.shown if s.kind == "password"])


def _run(qtbot, context, got: list) -> None:
    """One password-gated operation, using its session (the keystore checks it), recorded in ``got``."""
    before = len(got)
    UnlockedOp(None, context, asking="test",
               op=lambda a, p, c: (a.unlocked, a.store.add_encryption_key(a.unlocked, label="test key")),
               success=got.append).run()
    qtbot.waitUntil(lambda: len(got) > before, timeout=WAIT)


def test_the_password_is_asked_once_for_a_while_and_again_after_locking(app, qtbot):
    context, got = _context(), []
    try:
        seams.answer_next(PASSWORD)
        _run(qtbot, context, got)
        qtbot.waitUntil(context.session.is_unlocked, timeout=WAIT)
        _run(qtbot, context, got)  # no answer queued: a question would fail the test
        _run(qtbot, context, got)
        assert _asks() == 1
        assert all(unlocked.is_locked for unlocked, _ in got)  # each operation's copy ended with it
        assert context.session.is_unlocked()

        context.session.lock()
        seams.answer_next(PASSWORD)
        _run(qtbot, context, got)
        assert _asks() == 2
    finally:
        context.close()
    assert not context.session.is_unlocked()  # closing the app locks it


def test_ask_every_time_keeps_no_session(app, qtbot):
    context, got = _context(minutes=0), []
    try:
        seams.answer_next(PASSWORD, PASSWORD)
        _run(qtbot, context, got)
        _run(qtbot, context, got)
        qtbot.wait(50)
        assert _asks() == 2 and not context.session.is_unlocked()
    finally:
        context.close()


def test_the_session_locks_itself_after_the_chosen_minutes_without_use(app, qtbot):
    settings.UNLOCK_MINUTES.set(15)
    context = _context()
    now = [1000.0]
    session = WalletSession(clock=lambda: now[0])
    try:
        unlocked = context.keystore.unlock(PASSWORD.encode())
        with qtbot.waitSignal(session.changed):
            session.open(unlocked)
        now[0] += 14 * 60
        borrowed = session.borrow()  # a use: the fifteen minutes start again
        assert borrowed is not None and context.keystore.add_encryption_key(borrowed, label="k").label == "k"
        borrowed.lock()
        now[0] += 14 * 60
        assert session.is_unlocked() and 59 <= session.remaining() <= 61
        now[0] += 61
        with qtbot.waitSignal(session.changed):
            assert not session.is_unlocked()
        assert session.borrow() is None and unlocked.is_locked  # the master key was dropped
    finally:
        context.close()


def test_a_password_changed_elsewhere_ends_the_session_and_the_new_one_is_asked(app, qtbot):
    context, got = _context(), []
    try:
        seams.answer_next(PASSWORD)
        _run(qtbot, context, got)
        qtbot.waitUntil(context.session.is_unlocked, timeout=WAIT)
        context.keystore.change_password(PASSWORD.encode(), NEW_PASSWORD.encode()).lock()  # another window
        seams.answer_next(NEW_PASSWORD)
        _run(qtbot, context, got)
        assert _asks() == 2 and not [s for s in seams.shown if s.kind in ("warn", "bug")]
        qtbot.waitUntil(context.session.is_unlocked, timeout=WAIT)  # opened again with the new password
        _run(qtbot, context, got)
        assert _asks() == 2
    finally:
        context.close()


def test_the_status_bar_shows_the_session_and_locks_it_and_settings_choose_how_long(app, qtbot):
    context, got = _context(), []
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    try:
        button = window.lock_button
        assert not button.isVisible()
        seams.answer_next(PASSWORD)
        _run(qtbot, context, got)
        qtbot.waitUntil(button.isVisible, timeout=WAIT)
        assert "15" in button.text() and "锁定" in button.text()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not context.session.is_unlocked() and not button.isVisible()

        seams.answer_next(PASSWORD)
        _run(qtbot, context, got)
        qtbot.waitUntil(context.session.is_unlocked, timeout=WAIT)
        page = SettingsPage(context)
        qtbot.addWidget(page)
        choice = page.unlock
        assert choice.currentData() == 15 and choice.count() == 5
        assert choice.itemText(choice.findData(0)) == "每次都询问"
        choice.setCurrentIndex(choice.findData(0))
        assert settings.UNLOCK_MINUTES.get() == 0 and not context.session.is_unlocked()
    finally:
        window.close()
        context.close()
