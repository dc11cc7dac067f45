"""Shared by the bid task end-to-end tests: Chromium logged in to the platform's web pages as the
context's stored licence, through the login page's QR read off a screenshot (confirmed by the
device's task client, not the dialog: the login flow has its own end-to-end test)."""

from __future__ import annotations

from app.core import qr
from app.core.client.tasks import TaskClient
from app.core.pki import Certificate

from .bid_service import PASSWORD


def log_in(browser, context, url, tmp_path) -> None:
    """Chromium logged in as the stored licence, through the login page's QR (read off a screenshot)."""
    store = context.keystore
    info = store.list_licences()[0]
    browser.goto(f"{url}/platform/login")
    browser.wait_for("document.getElementById('qr').complete")
    shot = tmp_path / "login.png"
    shot.write_bytes(browser.screenshot_png())
    (code,) = qr.decode(qr.load_image(shot))
    unlocked = store.unlock(PASSWORD.encode())
    try:
        with TaskClient([context.client.root_certificate()], clock=context.client.clock) as tasks:
            signer = store.licence_signer(unlocked, info.id, purpose="test: log the browser in")
            tasks.confirm(tasks.fetch(code.text), signer, Certificate.load(signer.certificate))
    finally:
        unlocked.lock()
    browser.wait_for("location.pathname === '/platform/home' && !!document.getElementById('enterprise')")


def task_dialog(scan, qtbot, screenshot, timeout: int = 60_000):
    """The Scan page reads the code off Chromium's ``screenshot`` (the app's own decoder) and opens
    the task dialog; returned once the task was fetched and verified."""
    scan.scan_file(screenshot)
    qtbot.waitUntil(lambda: scan.task_dialog is not None, timeout=timeout)
    dialog = scan.task_dialog
    qtbot.waitUntil(lambda: dialog.fetched is not None or dialog.problem.isVisible(), timeout=timeout)
    assert dialog.fetched is not None, dialog.problem.text()
    return dialog
