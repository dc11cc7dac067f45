"""Suite-wide fixtures. Area-specific fixtures live in each area's own conftest.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# Real widgets, no screen: the test command sets this too; plain `pytest` must not abort in Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the user's own data: tests set their own EBID_HOME, and whatever still runs after a test
# restored the environment (a page retranslated at teardown, late background work) lands here.
SESSION_HOME = os.environ["EBID_HOME"] = tempfile.mkdtemp(prefix="ebid-tests-home-")


def pytest_unconfigure(config) -> None:
    shutil.rmtree(SESSION_HOME, ignore_errors=True)


def pytest_sessionfinish(session, exitstatus) -> None:
    """The post-suite file scan (tests/file_scan.py): a file of ours readable by others, or a
    keystore holding a key in clear, fails the run."""
    from tests import file_scan

    factory = getattr(session.config, "_tmp_path_factory", None)
    bases = [Path(SESSION_HOME)] + ([factory.getbasetemp()] if factory is not None else [])
    found = [line for base in bases for line in file_scan.check(Path(base))]
    if found:
        session.config.pluginmanager.get_plugin("terminalreporter").write_line(
            "post-suite file scan:\n  " + "\n  ".join(found), red=True)
        session.exitstatus = 1

from tests.support import ROOT, SHARED_DATA, run  # noqa: F401  (re-exported for older imports)


@pytest.fixture(scope="session")
def openssl() -> str:
    """Path of the OpenSSL command line, the independent checker. Never skipped: CI installs it."""
    path = shutil.which("openssl")
    assert path, "the openssl command line is required (the test command installs it)"
    return path


@pytest.fixture
def ebid(tmp_path):
    """Run the real ``ebid`` command line in a subprocess with an isolated EBID_HOME."""
    env = dict(os.environ, EBID_HOME=str(tmp_path / "ebid-home"))

    def _run(*args: str, **kwargs) -> subprocess.CompletedProcess:
        kwargs.setdefault("env", env)
        kwargs.setdefault("cwd", tmp_path)
        return run([sys.executable, "-m", "app.cli.main", *args], **kwargs)

    return _run
