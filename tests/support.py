"""Plain helpers for tests (import as ``from tests.support import run``)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shared_data() -> Path:
    """The team's shared samples (``../shared/data`` beside the checkout). A clean clone made
    elsewhere finds them beside the repository it was cloned from, or through
    ``EBID_SHARED_DATA``; tests that need them skip, saying so, where none of these exist."""
    candidates = [os.environ.get("EBID_SHARED_DATA"), ROOT.parent / "shared" / "data"]
    origin = subprocess.run(["git", "-C", str(ROOT), "config", "--get", "remote.origin.url"],
                            capture_output=True, text=True).stdout.strip()
    if origin and "://" not in origin and ":" not in origin.split("/")[0]:  # a local path
        candidates.append(Path(origin).resolve().parent / "shared" / "data")
    for candidate in candidates:
        if candidate and (Path(candidate) / "qr").is_dir():
            return Path(candidate)
    return ROOT.parent / "shared" / "data"


SHARED_DATA = _shared_data()


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command, capturing output (text unless ``text=False``)."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    return subprocess.run(cmd, **kwargs)


def needs_shared_data(folder: str):
    """Skip, naming the folder, when the shared samples are not on this machine."""
    import pytest

    return pytest.mark.skipif(not (SHARED_DATA / folder).is_dir(),
                              reason=f"shared samples not found: {SHARED_DATA / folder} (set EBID_SHARED_DATA)")
