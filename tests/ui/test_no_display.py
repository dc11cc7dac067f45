"""Without a graphical display the desktop app says so in one line and exits 2, before Qt (whose
own message blames a missing xcb library) ever runs."""

from __future__ import annotations

import os
import subprocess
import sys

from app.ui import application
from tests.support import ROOT


def test_main_py_without_a_display_says_so_and_exits_2(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(EBID_HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    result = subprocess.run([sys.executable, str(ROOT / "main.py")], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "图形显示" in lines[0] and "No graphical display" in lines[0], lines
    assert "ebid" in lines[0] and "xcb" not in lines[0]
    assert result.stdout == ""


def test_a_chosen_qt_platform_or_any_display_counts():
    assert not application.has_display({}, "linux")
    assert application.has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert application.has_display({"DISPLAY": ":0"}, "linux") and application.has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert application.has_display({}, "win32") and application.has_display({}, "darwin")
