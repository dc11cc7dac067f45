"""The wheel as a user gets it: built from a copy of the tree, installed into a fresh virtual
environment outside the checkout, both entry points started from there.

The new environment has no pip and no dependencies of its own: one ``.pth`` line puts the test
interpreter's site-packages (this project's dependencies, already installed) after its own. A
``.pth`` line only appends a folder to ``sys.path``, so the ``.pth`` files inside that folder — among
them the editable install that points at the checkout — are not processed: ``app`` can come only
from the installed wheel, and the test asserts that it does. The wheel is built as ``pip install .``
builds it, in an isolated build environment made from ``[build-system] requires`` (setuptools, and
PySide6 for lrelease): that needs the package index (or pip's cache), as installing does.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import sysconfig
import threading
import time
import venv
import zipfile
from pathlib import Path

import pytest

from tests.support import ROOT

pytestmark = pytest.mark.slow

MARKER = "EBID-MAIN-WINDOW-SHOWN"
SKIP = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__",
                              "artifacts", "*.qm", ".pytest_cache", ".hypothesis")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The ``bin`` folder of a fresh environment holding only the wheel."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=SKIP)  # no compiled .qm: the build must make them
    wheels = base / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)], check=True, cwd=base, env=_clean_env())
    (wheel,) = wheels.glob("ebid_desk-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "app/resources/i18n/ebid_zh_CN.qm" in names, names
    env_dir = base / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
                    "--no-deps", str(wheel)], check=True, cwd=base, env=_clean_env())
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "zz-test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    found = subprocess.run([python, "-c", "import app; print(app.__file__)"], cwd=base,
                           env=_clean_env(), capture_output=True, text=True, check=True).stdout
    assert Path(found.strip()).is_relative_to(env_dir), found  # not the checkout
    return env_dir / "bin"


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "EBID_", "VIRTUAL_ENV"))}
    return {**env, **extra}


def _app_env(home: Path) -> dict[str, str]:
    return _clean_env(EBID_HOME=str(home / "ebid"), XDG_CONFIG_HOME=str(home / "config"),
                      HOME=str(home), QT_QPA_PLATFORM="offscreen", EBID_STARTUP_MARKER="1")


def test_the_installed_command_line_reads_the_catalogues(installed, tmp_path):
    result = subprocess.run([installed / "ebid", "project", "list"], cwd=tmp_path,
                            env=_app_env(tmp_path), capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    assert "DEMO-ZB-001" in result.stdout
    assert "Traceback" not in result.stderr


def test_the_installed_desktop_app_opens_its_window_in_chinese(installed, tmp_path):
    env = _app_env(tmp_path)
    app = subprocess.Popen([installed / "ebid-desk"], cwd=tmp_path, env=env, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in app.stdout], daemon=True)
    reader.start()
    shown, seen = "", []
    try:
        deadline = time.monotonic() + 90  # a modal error dialog would never let it print
        while not shown and time.monotonic() < deadline and app.poll() is None:
            try:
                seen.append(line := lines.get(timeout=0.5))
            except queue.Empty:
                continue
            shown = line if MARKER in line else ""
        time.sleep(3)  # the first-run guide and the page preloading come right after the show
    finally:
        app.terminate()
        app.wait(30)
    reader.join(10)
    output = "".join(seen) + "".join(lines.queue)
    log = tmp_path / "ebid" / "logs" / "ebid-desk.log"
    log_text = log.read_text(encoding="utf-8") if log.exists() else ""
    assert shown, f"the main window never showed:\n{output}\n{log_text}"
    assert "电子投标助手" in shown  # the window title: our Chinese catalogue was loaded
    for text in (output, log_text):
        assert "Unexpected error" not in text and "unexpected error" not in text, text
        assert "Traceback" not in text and "not found" not in text, text
