"""The shared context: password-gated key use, and the embedded service started off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui import seams
from app.ui.context import AppContext

PASSWORD = "Tender!Open-Day 2026 lotus"


def test_wrong_password_shows_the_error_and_asks_again(app, qtbot):
    context = AppContext()
    context.keystore.initialise(PASSWORD.encode())
    got = []
    seams.answer_next("not the password", PASSWORD)
    context.with_unlocked(None, "sign", got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=20000)
    assert not got[0].is_locked
    asks = [s for s in seams.shown if s.kind == "password"]
    warnings = [s.text for s in seams.shown if s.kind == "warn"]
    assert len(asks) == 2
    wrong = QCoreApplication.translate("errors", "Wrong licence password ({count} wrong in a row)")
    assert warnings and warnings[0] == wrong.format(count=1)  # translated (zh_CN) since the .ts has it
    context.close()


def test_cancelling_the_password_does_nothing(app, qtbot):
    context = AppContext()
    context.keystore.initialise(PASSWORD.encode())
    got = []
    seams.answer_next(None)
    context.with_unlocked(None, "sign", got.append)
    qtbot.wait(200)
    assert got == [] and not [s for s in seams.shown if s.kind == "warn"]
    context.close()


def test_embedded_service_starts_in_the_background(app, qtbot):
    context = AppContext()
    with qtbot.waitSignal(context.service_ready, timeout=60000) as ready:
        context.connect_service()
    url = ready.args[0]
    assert url.startswith("http://127.0.0.1:")
    assert context.client.registration_places()
    context.close()
    assert not context.connected
