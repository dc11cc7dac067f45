"""Screenshots of the real application under Xvfb, on every page and with the main dialogs open,
in Chinese, light and dark, on a 1366×768 laptop screen and a 1920×1080 one.

The user is a returning one: a licence password and a DEMO licence downloaded through the
command line into the same data folder, so the embedded service and the pages have real
content. ``screenshot_tour.py`` shows each page in one process per scheme and screen, grabs the
X screen and reports texts drawn clipped without a tooltip and whether the window fits.

Each screenshot is copied to ``artifacts/screenshots/`` at the repository root (gitignored; CI
keeps it as an artifact). The checks: no clipped text, no Alt+letter shortcut given to two
visible controls, the window fits the screen, the image is
not blank, a CJK font is installed, Chinese characters render as distinct glyphs (without a CJK
font they all become the same box), and the home page's title appears in the screenshot as
drawn with that font (template match).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from app import APP_NAME_ZH
from app.core.licence.demo import DEMO_ENTERPRISES
from tests.support import ROOT

pytestmark = pytest.mark.slow

TOUR = Path(__file__).with_name("screenshot_tour.py")
HELPER = Path(__file__).with_name("screenshot_helper.py")
ARTIFACTS = ROOT / "artifacts" / "screenshots"
SCREENS = [(1366, 768), (1920, 1080)]
SCHEMES = ["light", "dark"]
PAGES = ["home", "scan", "licences", "bids", "seals", "keys", "settings"]
DIALOGS = ["dialog-password", "dialog-info", "dialog-warning", "dialog-question", "dialog-critical"]
PASSWORD = "Screenshot!Opening-Day 2026"


def _xvfb(width: int, height: int, number: int) -> subprocess.Popen:
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is installed by ./dev test"
    return subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _env(home: Path, **extra: str) -> dict[str, str]:
    return dict(os.environ, EBID_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
                EBID_PASSWORD_FILE=str(home / "password"), **extra)


@pytest.fixture(scope="module")
def returning_user(tmp_path_factory) -> Path:
    """A data folder with the licence password set and the DEMO representative's licence."""
    home = tmp_path_factory.mktemp("screenshots")
    (home / "password").write_text(PASSWORD + "\n")
    enterprise = DEMO_ENTERPRISES[0].enterprise
    person = enterprise.legal_representative
    env = dict(_env(home), QT_QPA_PLATFORM="offscreen")
    env.pop("EBID_SERVER", None)  # the embedded service of this data folder, as the window uses
    for args in (["keystore", "init"],
                 ["licence", "download", "--place", enterprise.registration_place, "--credit-code",
                  enterprise.credit_code, "--name", person.name, "--id-number", person.id_number,
                  "--phone", person.mobile]):
        done = subprocess.run([sys.executable, "-m", "app.cli.main", *args], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, (args, done.stdout, done.stderr)
    return home


def _not_blank(image: np.ndarray) -> None:
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert grey.std() > 10, "the screenshot is (nearly) one colour"
    assert len(np.unique(grey)) > 32, "the screenshot has too few tones to hold text"


def test_chinese_renders_as_distinct_glyphs():
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=True).stdout
    assert fonts.strip(), "no CJK font installed (./dev test installs fonts-noto-cjk)"
    done = subprocess.run([sys.executable, str(HELPER), "glyphs", APP_NAME_ZH],
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                          capture_output=True, text=True, timeout=60, check=True)
    assert int(done.stdout.strip()) == len(set(APP_NAME_ZH)), (
        f"Chinese characters render as {done.stdout.strip()} distinct glyph(s): boxes")


def _tour(home: Path, out: Path, width: int, height: int, runs: list[tuple[str, str]]) -> None:
    display = 150 + (os.getpid() + width) % 100
    server = _xvfb(width, height, display)
    try:
        time.sleep(0.5)
        for scheme, language in runs:
            env = _env(home, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
            env.pop("EBID_SERVER", None)
            folder = out / language
            folder.mkdir(parents=True, exist_ok=True)
            done = subprocess.run([sys.executable, str(TOUR), str(folder), scheme, language], env=env,
                                  cwd=ROOT, capture_output=True, text=True, timeout=240)
            assert done.returncode == 0, done.stderr[-3000:]
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="module")
def tours(returning_user, tmp_path_factory) -> Path:
    """Every screen in both schemes in Chinese, and the laptop screen once in English."""
    out = tmp_path_factory.mktemp("tours")
    for width, height in SCREENS:
        runs = [(scheme, "zh_CN") for scheme in SCHEMES]
        if (width, height) == SCREENS[0]:
            runs.append(("light", "en"))
        _tour(returning_user, out, width, height, runs)
    return out


@pytest.mark.parametrize("width,height", SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
def test_every_page_and_dialog_fits_without_clipped_text(tours, width, height):
    out = tours / "zh_CN"
    size = f"{width}x{height}"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for scheme in SCHEMES:
        report = json.loads((out / f"report-{scheme}-{size}.json").read_text(encoding="utf-8"))
        assert sorted(report) == sorted(PAGES + DIALOGS)
        for name, seen in report.items():
            shot = out / f"{scheme}-{size}-{name}.png"
            image = cv2.imread(str(shot))
            assert image is not None and image.shape[:2] == (height, width), shot.name
            _not_blank(image)
            shutil.copy(shot, ARTIFACTS / shot.name)
            problems += [f"{scheme} {name}: {text}" for text in seen["clipped"]]
            problems += [f"{scheme} {name}: {clash}" for clash in seen["mnemonics"]]
            if not seen["fits"]:
                problems.append(f"{scheme} {name}: the window is larger than the screen")

        template = cv2.cvtColor(cv2.imread(str(out / f"title-{scheme}-{size}.png")), cv2.COLOR_BGR2GRAY)
        screen = cv2.cvtColor(cv2.imread(str(out / f"{scheme}-{size}-home.png")), cv2.COLOR_BGR2GRAY)
        score = cv2.minMaxLoc(cv2.matchTemplate(screen, template, cv2.TM_CCOEFF_NORMED))[1]
        assert score > 0.8, f"{scheme}: the home page title is not drawn as Chinese glyphs (match {score:.2f})"
    assert not problems, "\n".join(problems)


# Latin words a Chinese user may meet: our DEMO marker, keyboard keys, the language's own name.
LATIN_ALLOWED = {"DEMO", "Ctrl", "English"}
# A credit code, serial, project code or key id (K-0123…): data, not words.
CODE = re.compile(r"\b(?:(?=[0-9A-Z-]*\d)[0-9A-Z][0-9A-Z-]+|[A-Z]{1,3}-[0-9a-f]{8,})\b")
PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][^\s，。；：、）)]+")  # a file or folder path is the user's own


def _texts(folder: Path) -> dict[str, list[str]]:
    report = json.loads((folder / f"report-light-{SCREENS[0][0]}x{SCREENS[0][1]}.json").read_text(encoding="utf-8"))
    return {page: seen["texts"] for page, seen in report.items()}


def test_the_chinese_window_has_no_english_and_the_english_one_no_chinese(tours):
    """Item by item, as a user reads them: labels, buttons, titles, tabs, headers, cells, tooltips.
    In Chinese no English words or internal codes; in English no Chinese but names (enterprises,
    people, projects, the language menu), which the tour reads from the keystore and service."""
    english_words = []
    for page, texts in _texts(tours / "zh_CN").items():
        for text in texts:
            words = set(re.findall(r"[A-Za-z_]{3,}", CODE.sub("", PATH.sub("", text)))) - LATIN_ALLOWED
            if words:
                english_words.append(f"{page}: {text[:120]!r} ({', '.join(sorted(words))})")
    assert not english_words, "\n".join(english_words)

    names = json.loads((tours / "en" / "names.json").read_text(encoding="utf-8"))
    chinese = []
    for page, texts in _texts(tours / "en").items():
        for text in texts:
            runs = re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", text)
            if [run for run in runs if not any(run in name for name in names)]:
                chinese.append(f"{page}: {text[:120]!r}")
    assert not chinese, "\n".join(chinese)
