"""Scan to log in, end to end (issue: QR tasks): headless Chromium shows the platform's login page;
the QR is read from a screenshot of that page by the Scan page, as the user's "scan an image" or
"scan my screen" would; the task dialog (real widgets) confirms with the licence password; and
the page in Chromium changes by itself to the logged-in home showing the enterprise."""

from __future__ import annotations

import pytest

from app.core.licence.demo import DEMO_ENTERPRISES
from app.ui import seams
from tests.seal_service import chromium

from . import bid_service, task_scan
from .bid_service import PASSWORD

pytestmark = pytest.mark.slow
browser = chromium.browser  # the fixture

service, clock, context = bid_service.service, bid_service.clock, bid_service.context  # fixtures
scan = task_scan.scan  # the fixture
WAIT = 30_000




def test_the_browser_logs_in_when_the_app_confirms_the_qr_read_off_its_screenshot(
        service, browser, scan, qtbot, tmp_path):
    running, _ = service
    browser.goto(f"{running.url}/platform/login")
    browser.wait_for("document.getElementById('qr').complete")
    screenshot = tmp_path / "login-page.png"
    screenshot.write_bytes(browser.screenshot_png())

    scan.scan_file(screenshot)  # the app's own decoder reads the code off the screenshot
    qtbot.waitUntil(lambda: scan.task_dialog is not None, timeout=WAIT)
    dialog = scan.task_dialog
    qtbot.waitUntil(lambda: dialog.fetched is not None or dialog.problem.isVisible(), timeout=WAIT)
    assert dialog.fetched is not None, dialog.problem.text()
    assert dialog.kind.text() == "登录" and dialog.address.text() == running.url
    assert browser.wait_for("document.getElementById('status').dataset.state === 'scanned'")

    seams.answer_next(PASSWORD)
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.state is not None or dialog.problem.isVisible(), timeout=WAIT)
    enterprise = DEMO_ENTERPRISES[0].enterprise
    assert dialog.state is not None, dialog.problem.text()
    assert dialog.outcome.text().startswith("登录成功：") and enterprise.name in dialog.outcome.text()

    shown = browser.wait_for(  # both sides say it: the page moved on by itself
        "location.pathname === '/platform/home' && document.getElementById('enterprise')"
        " && document.getElementById('enterprise').textContent")
    assert shown == enterprise.name
    assert "登录成功" in browser.js("document.body.textContent")
    (tmp_path / "home.png").write_bytes(browser.screenshot_png())
