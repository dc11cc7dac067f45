"""Closing the main window while a bid file is being encrypted asks first; No keeps the work
running, Yes cancels it, waits until it has cleaned up (no partial container), then closes."""

from __future__ import annotations

import os

import pytest

from app.ui import seams
from app.ui.bids.model import State
from app.ui.keys import guard as guard_question
from app.ui.main_window import MainWindow
from app.ui.termination import SIGNALS, Termination

from . import bid_service
from .bid_service import PASSWORD, PROJECT, drop_files

service, clock, context = bid_service.service, bid_service.clock, bid_service.context  # fixtures

WAIT = 60000


def _confirms() -> list[str]:
    return [s.text for s in seams.shown if s.kind == "confirm"]


def _encrypting_window(context, qtbot, tmp_path):
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.show_page("bids")
    page = window.current_page()
    assert page.page_id == "bids"
    qtbot.waitUntil(lambda: page.form.project() is not None, timeout=WAIT)
    page.form.project_box.setCurrentIndex(page.form.project_box.findData(PROJECT))
    big = tmp_path / "tender" / "大文件.zip"
    big.parent.mkdir()
    with open(big, "wb") as f:
        f.truncate(1 << 30)
    seams.answer_next(True, PASSWORD, guard_question.ACCEPT)  # apply for a key?, the password, the guard
    assert drop_files(page, [big])
    row = page.model.rows[0]
    qtbot.waitUntil(lambda: row.state is State.ENCRYPTING, timeout=WAIT)
    return window, page, row


def test_closing_during_an_encryption_asks_and_a_yes_cancels_cleanly(context, qtbot, tmp_path):
    window, page, row = _encrypting_window(context, qtbot, tmp_path)
    asked = len(_confirms())

    seams.answer_next(False)
    window.close()
    assert _confirms()[asked:] == ["加密进行中，确定退出？"]
    assert window.isVisible() and page.encryptor.busy()
    done = row.done
    qtbot.waitUntil(lambda: row.done > done, timeout=WAIT)  # still running
    assert row.state is State.ENCRYPTING

    seams.answer_next(True)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    assert row.state is State.CANCELLED and row.container is None
    assert not page.encryptor.busy()
    assert list(page.form.outdir.iterdir()) == []
    assert not list(page.form.outdir.parent.rglob("*.bidx*"))
    assert len(_confirms()) == asked + 2  # asked once per close, never again while stopping


@pytest.mark.skipif(not SIGNALS, reason="no SIGTERM/SIGHUP here")
@pytest.mark.parametrize("signum", SIGNALS)
def test_a_termination_signal_cancels_the_work_cleanly_without_asking(context, qtbot, tmp_path, signum):
    """``kill`` or a closed session: the same clean stop as Quit → Yes, with no question."""
    window, page, row = _encrypting_window(context, qtbot, tmp_path)
    termination = Termination(window.stop_now, window)
    try:
        asked = len(_confirms())
        os.kill(os.getpid(), signum)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    finally:
        termination.uninstall()
    assert len(_confirms()) == asked
    assert row.state is State.CANCELLED and row.container is None and not page.encryptor.busy()
    assert list(page.form.outdir.iterdir()) == []
