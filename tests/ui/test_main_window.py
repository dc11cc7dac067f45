"""The main window: Chinese by default, English live, sidebar navigation, state remembered."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel

from app import __version__
from app.ui import settings
from app.ui.main_window import MainWindow
from tests.support import ROOT


@pytest.fixture
def window(app, qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_window_is_chinese_by_default(window):
    assert window.windowTitle() == "电子投标助手"
    assert window.findChild(QLabel, "productName").text() == "电子投标助手"
    assert window.findChild(QLabel, "productVersion").text() == f"版本 {__version__}"
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles[0] == "首页" and titles[-1] == "设置"
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in title) for title in titles), titles
    assert window.sidebar.accessibleName() == "导航"


def test_qt_standard_buttons_are_chinese(app):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_switching_to_english_retranslates_live_and_is_remembered(window, qtbot):
    window.show_page("settings")
    combo = window.findChild(QComboBox, "languageCombo")
    combo.setCurrentIndex(combo.findData("en"))
    qtbot.waitUntil(lambda: window.windowTitle() == "EBid Desk")
    assert window.sidebar.item(0).text() == "Home"
    assert window.findChild(QLabel, "productName").text() == "EBid Desk"
    assert settings.LANGUAGE.get() == "en"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_keyboard_navigation_changes_pages(window, qtbot):
    window.sidebar.setFocus()
    window.sidebar.setCurrentRow(0)
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.current_page() is window.pages[1]
    qtbot.keyClick(window.sidebar, Qt.Key.Key_End)
    assert window.current_page().page_id == "settings"
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Home)
    assert window.current_page().page_id == "home"


def test_geometry_and_page_are_remembered(app, qtbot, window):
    window.resize(780, 555)  # the offscreen screen is 800x800; sizes are clamped to it
    saved = window.size()
    assert saved.height() == 555
    window.show_page("settings")
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.size() == saved
    assert again.current_page().page_id == "settings"


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
        assert (tmp_path / "logs" / "ebid-desk.log").exists()
    finally:
        if app is not None:
            app.terminate()
            app.wait(10)
        server.terminate()
        server.wait(10)
