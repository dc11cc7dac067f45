"""The main window opens in Chinese by default, English on request, and remembers its geometry."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from app import __version__
from app.ui import i18n
from app.ui.main_window import MainWindow
from tests.support import ROOT


def test_window_is_chinese_by_default(app, qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "电子投标助手"
    assert window.findChild(QLabel, "productName").text() == "电子投标助手"
    assert window.findChild(QLabel, "productVersion").text() == f"版本 {__version__}"


def test_qt_standard_dialogs_are_translated(app):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_english_is_selectable(app, qtbot):
    i18n.install(app, "en")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.windowTitle() == "EBid Desk"
    finally:
        i18n.install(app, i18n.DEFAULT_LANGUAGE)


def test_geometry_is_remembered(app, qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.resize(777, 555)
    window.close()
    assert QSettings().value("window/geometry", type=bytes)
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.size().width() == 777


@pytest.mark.slow
def test_main_py_opens_a_real_window_under_xvfb(tmp_path):
    xvfb = shutil.which("Xvfb")
    assert xvfb and shutil.which("xwininfo"), "Xvfb and xwininfo are installed by ./dev test"
    display = f":{90 + os.getpid() % 100}"
    server = subprocess.Popen([xvfb, display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", EBID_HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    app = None
    try:
        time.sleep(0.5)
        app = subprocess.Popen([sys.executable, str(ROOT / "main.py")], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 30
        found = False
        while time.monotonic() < deadline and app.poll() is None:
            tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True).stdout
            if "电子投标助手" in tree:
                found = True
                break
            time.sleep(0.2)
        output = "" if app.poll() is None else app.stdout.read()
        assert found, f"main window never appeared; app output:\n{output}"
    finally:
        if app is not None:
            app.terminate()
            app.wait(10)
        server.terminate()
        server.wait(10)
