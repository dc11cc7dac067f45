"""Shared by the task dialog tests: the Scan page with no camera (codes come from images)."""

from __future__ import annotations

import pytest
import shiboken6

from app.ui import camera
from app.ui.camera import CameraBackend
from app.ui.scan.page import ScanPage


class NoCameras(CameraBackend):
    def cameras(self):
        return []

    def open(self, info, parent):
        raise AssertionError("no camera in these tests")


@pytest.fixture
def scan(app, qtbot, context):
    camera.set_backend(NoCameras())
    page = ScanPage(context)
    qtbot.addWidget(page)
    page.resize(900, 700)
    yield page
    if page.task_dialog is not None and shiboken6.isValid(page.task_dialog):
        page.task_dialog.close()
    camera.set_backend(None)


def scan_screenshot(scan, qtbot, browser, path, *, wait: int = 30_000):
    """What the holder does with a task QR on a page in Chromium: a screenshot of the page, read
    by the Scan page (the app's own decoder); the task dialog it opens, once fetched and checked
    (a new one: a scan replaces an earlier dialog)."""
    before = scan.task_dialog
    path.write_bytes(browser.screenshot_png())
    scan.scan_file(path)
    qtbot.waitUntil(lambda: scan.task_dialog is not None and scan.task_dialog is not before, timeout=wait)
    dialog = scan.task_dialog
    qtbot.waitUntil(lambda: dialog.fetched is not None or dialog.problem.isVisible(), timeout=wait)
    assert dialog.fetched is not None, dialog.problem.text()
    return dialog
