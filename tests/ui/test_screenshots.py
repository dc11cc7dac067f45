"""Screenshots of the real application under Xvfb: ``main.py`` in a subprocess, one start per main
page, the screen grabbed by Qt from a second process on the same display.

Each screenshot is saved under the test's temporary folder and copied to
``artifacts/screenshots/`` at the repository root (gitignored; CI keeps it as an artifact). The
checks: the image is not blank, a CJK font is installed, Chinese characters render as distinct
glyphs (without a CJK font they all become the same box), and the home page's title appears in
the screenshot as drawn with that font (template match).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from app import APP_NAME_ZH
from tests.support import ROOT

pytestmark = pytest.mark.slow

HELPER = Path(__file__).with_name("screenshot_helper.py")
ARTIFACTS = ROOT / "artifacts" / "screenshots"
PAGES = ["home", "licences", "bids", "settings"]
MARKER = "EBID-MAIN-WINDOW-SHOWN"
PASSWORD = "Screenshot!Opening-Day 2026"


@pytest.fixture(scope="module")
def display():
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is installed by ./dev test"
    name = f":{150 + os.getpid() % 100}"
    server = subprocess.Popen(
        [xvfb, name, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    yield name
    server.terminate()
    server.wait(10)


def _env(display: str, home: Path) -> dict[str, str]:
    return dict(
        os.environ,
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        EBID_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        EBID_STARTUP_MARKER="1",
    )


def _prepare(env: dict[str, str], page: str) -> None:
    """A returning user (licence password set) whose last page was ``page``."""
    code = (
        "from app.ui.application import create_application; from app.ui import settings; "
        "from app.core.keystore import Keystore; create_application([]); "
        f"settings.LAST_PAGE.set({page!r}); s = Keystore.open(); "
        f"s.is_initialised() or s.initialise({PASSWORD!r}.encode()); s.close()"
    )
    subprocess.run(
        [sys.executable, "-c", code],
        env=dict(env, QT_QPA_PLATFORM="offscreen"),
        cwd=ROOT,
        check=True,
    )


def _helper(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(HELPER), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


def _screenshot(display: str, home: Path, page: str, out: Path) -> None:
    env = _env(display, home)
    _prepare(env, page)
    app = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        for line in app.stdout:
            if MARKER in line or time.monotonic() > deadline:
                break
        assert app.poll() is None, "main.py exited before showing its window"
        time.sleep(2.5)  # the embedded service starts and the page fills in
        _helper(env, "grab", str(out))
    finally:
        app.terminate()
        app.wait(10)


def _not_blank(image: np.ndarray) -> None:
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert grey.std() > 10, "the screenshot is (nearly) one colour"
    assert len(np.unique(grey)) > 32, "the screenshot has too few tones to hold text"


def test_screenshots_of_the_main_pages_show_chinese(display, tmp_path):
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=True).stdout
    assert fonts.strip(), "no CJK font installed (./dev test installs fonts-noto-cjk)"
    env = _env(display, tmp_path)
    distinct = int(_helper(env, "glyphs", APP_NAME_ZH))
    assert distinct == len(set(APP_NAME_ZH)), (
        f"Chinese characters render as {distinct} distinct glyph(s): boxes"
    )

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    home = tmp_path / "user"
    for page in PAGES:
        out = tmp_path / f"{page}.png"
        _screenshot(display, home, page, out)
        image = cv2.imread(str(out))
        assert image is not None and image.shape[:2] == (800, 1280)
        _not_blank(image)
        shutil.copy(out, ARTIFACTS / out.name)

    title = tmp_path / "title.png"
    _helper(env, "title", str(title), APP_NAME_ZH)
    template = cv2.cvtColor(cv2.imread(str(title)), cv2.COLOR_BGR2GRAY)
    screen = cv2.cvtColor(cv2.imread(str(tmp_path / "home.png")), cv2.COLOR_BGR2GRAY)
    score = cv2.minMaxLoc(cv2.matchTemplate(screen, template, cv2.TM_CCOEFF_NORMED))[1]
    assert score > 0.8, f"the home page title is not drawn as Chinese glyphs (match {score:.2f})"
