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
