"""The real desktop app (main.py) as a process: at start it removes what a killed run left
behind and warns about a data folder others can open, and SIGTERM ends it cleanly (exit 0)
instead of killing it mid-write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or sys.platform == "win32", reason="POSIX signals")
def test_start_removes_stale_temporaries_and_sigterm_ends_the_app_cleanly(tmp_path):
    folder = tmp_path / "home" / "bids" / "encrypted"
    folder.mkdir(parents=True)
    stale, fresh = folder / ".~投标.pdf.bidx.k3j4h5g6.tmp", folder / ".~other.bidx.a1b2c3d4.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"left by a killed run")
    os.utime(stale, (10**9, 10**9))
    (tmp_path / "home").chmod(0o755)  # a folder made by hand: others may open it
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", EBID_HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), EBID_STARTUP_MARKER="1")
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py")], env=env, cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        seen = []
        while not any("EBID-MAIN-WINDOW-SHOWN" in line for line in seen) and app.poll() is None:
            seen.append(app.stdout.readline())  # Qt's offscreen plugin may say a line first
        assert app.poll() is None, "".join(seen)
        deadline = time.monotonic() + 60
        while stale.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        app.send_signal(signal.SIGTERM)
        code = app.wait(60)
    finally:
        if app.poll() is None:
            app.kill()
    assert code == 0, app.stdout.read()
    assert not stale.exists() and fresh.exists()
    log = (tmp_path / "home" / "logs" / "ebid-desk.log").read_text(encoding="utf-8")
    assert "removed 1 stale temporary files" in log and "stopping on SIGTERM" in log
    assert "has mode 755: other users can open it" in log
