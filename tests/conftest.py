"""Suite-wide fixtures. Area-specific fixtures live in each area's own conftest.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def openssl() -> str:
    """Path of the OpenSSL command line, the independent checker. Never skipped: CI installs it."""
    path = shutil.which("openssl")
    assert path, "the openssl command line is required (the test command installs it)"
    return path


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command, capturing output as text."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    return subprocess.run(cmd, **kwargs)


@pytest.fixture
def ebid(tmp_path):
    """Run the real ``ebid`` command line in a subprocess with an isolated EBID_HOME."""
    env = dict(os.environ, EBID_HOME=str(tmp_path / "ebid-home"))

    def _run(*args: str, **kwargs) -> subprocess.CompletedProcess:
        kwargs.setdefault("env", env)
        kwargs.setdefault("cwd", tmp_path)
        return run([sys.executable, "-m", "app.cli.main", *args], **kwargs)

    return _run
