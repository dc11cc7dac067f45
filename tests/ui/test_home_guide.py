"""The home page's guide (the manual's preparation flow): with nothing on the device it points to
the licence; each step turns done as the keystore gets what it needs — a licence, a collected
seal, a key whose backup was verified, an answered task — and its one button opens the page of
the next step; when all are done the guide steps aside for the opening-day view."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from app.ui.home.guide import StepState
from app.ui.main_window import MainWindow

from . import bid_service
from .bid_service import PASSWORD, make_context
from .test_encryption_guard import _applied, _back_up
from .test_keys_page import MANAGER, REP, add_manager, device

service = bid_service.service  # the module's service (fixture)
WAIT = 30_000


def _window(qtbot, context) -> tuple[MainWindow, object]:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.show_page("home")
    home = window.current_page()
    qtbot.waitUntil(lambda: bool(home.guide.steps), timeout=WAIT)
    return window, home


def _states(home) -> list[tuple[str, StepState]]:
    return [(s.key, s.state) for s in home.guide.steps]


def test_with_nothing_on_the_device_the_guide_points_to_the_licence(app, qtbot, service, monkeypatch):
    context = make_context(qtbot, service, monkeypatch, licence=False)
    try:
        window, home = _window(qtbot, context)
        assert _states(home) == [("licence", StepState.NEXT), ("seal", StepState.LATER),
                                 ("key", StepState.LATER), ("scan", StepState.LATER)]
        assert home.guide.isVisible() and "下载" in home.guide.next_button.text()
        qtbot.mouseClick(home.guide.next_button, Qt.MouseButton.LeftButton)
        assert window.current_page().page_id == "licences"
    finally:
        context.close()


def test_each_step_turns_done_from_the_keystore_and_the_guide_leads_on(app, qtbot, service, monkeypatch, tmp_path):
    a = device(qtbot, service, monkeypatch, tmp_path, "a", REP)
    add_manager(a, MANAGER)
    b = device(qtbot, service, monkeypatch, tmp_path, "b", MANAGER)
    try:
        window, home = _window(qtbot, a)
        assert _states(home)[:2] == [("licence", StepState.DONE), ("seal", StepState.NEXT)]
        assert REP.name in home.guide.labels[0].text() and "✓" in home.guide.labels[0].text()
        qtbot.mouseClick(home.guide.next_button, Qt.MouseButton.LeftButton)
        assert window.current_page().page_id == "seals"

        store = a.keystore
        unlocked = store.unlock(PASSWORD.encode())
        now = datetime.now(UTC)
        store.add_seal(unlocked, seal_id="ES-GUIDE-0001", enterprise_code=store.list_licences()[0].enterprise_code,
                       seal_type="official", name="公章", valid_start=now, valid_end=now + timedelta(days=365),
                       seal=b"\x30\x00", picture=b"", licence_id=store.list_licences()[0].id)
        unlocked.lock()
        key_a, key_b = _applied(a), _applied(b)
        home.refresh()
        assert _states(home)[1:3] == [("seal", StepState.DONE), ("key", StepState.NEXT)]
        assert key_a in home.guide.labels[2].text()  # applied for, not yet backed up: said so

        _back_up(a, b, key_a, key_b)
        store.record_task(None, task_id="T-guide-000000000000", answer="confirm", action="confirmed",
                          outcome="confirmed", task_type="login", platform_name="演示招投标平台",
                          platform_url="http://127.0.0.1", document_sm3="ab" * 32)
        home.refresh()
        assert [state for _, state in _states(home)] == [StepState.DONE] * 4
        assert not home.guide.isVisible()
    finally:
        a.close()
        b.close()
