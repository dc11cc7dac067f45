"""The post-suite file scan (tests/file_scan.py, run by tests/conftest.py at the end of every
run) finds what it is for — a file of ours readable by others, a keystore with a key in clear —
and leaves a test's own files alone; the app's log is created for its owner only."""

from __future__ import annotations

import logging
import stat
import sys

from tests import file_scan


def test_the_scan_flags_our_files_readable_by_others_and_ignores_the_tests_own(tmp_path):
    ours, theirs = tmp_path / "home" / "keystore.sqlite", tmp_path / "KEY.pem"
    ours.parent.mkdir()
    ours.write_bytes(b"SQLite format 3\0")
    theirs.write_bytes(b"-----BEGIN PRIVATE KEY-----\n")
    ours.chmod(0o600)
    theirs.chmod(0o644)
    assert file_scan.check(tmp_path) == []
    ours.chmod(0o644)
    assert file_scan.check(tmp_path) == [f"{ours} is readable by others (mode 644)"]
    ours.chmod(0o600)
    ours.write_bytes(b"SQLite format 3\0...-----BEGIN PRIVATE KEY-----...")
    assert file_scan.check(tmp_path) == [f"{ours} holds a private key in clear"]
    ours.unlink()  # made bad on purpose: the real scan at the end of the run must not find it


def test_the_log_is_created_for_its_owner_only(tmp_path):
    from app.ui import errors

    root = logging.getLogger()
    before, hook = list(root.handlers), sys.excepthook
    path = errors.install(tmp_path / "logs")
    try:
        logging.getLogger("ebid").info("a line naming a project")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        sys.excepthook = hook
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
