"""``ebid keystore``, ``ebid password change`` and ``ebid audit`` through the real command line."""

from __future__ import annotations

import sqlite3
import subprocess
from contextlib import closing

from app.core.keystore.db import head_revision


def _password_files(tmp_path) -> tuple[str, str]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("旧密码 one lotus\n", encoding="utf-8")
    new.write_text("new password two\n", encoding="utf-8")
    return str(old), str(new)


def test_init_change_and_audit(ebid, tmp_path):
    old, new = _password_files(tmp_path)
    r = ebid("keystore", "init", "--password-file", old)
    assert r.returncode == 0, r.stderr
    assert "Keystore created" in r.stdout
    assert (tmp_path / "ebid-home" / "keystore.sqlite").exists()

    r = ebid("keystore", "init", "--password-file", old)
    assert r.returncode == 2 and "already has a licence password" in r.stderr

    r = ebid("password", "change", "--password-file", new, "--new-password-file", old)
    assert r.returncode == 2 and "Wrong licence password (1 wrong in a row)" in r.stderr

    r = ebid("password", "change", "--password-file", old, "--new-password-file", new)
    assert r.returncode == 0, r.stderr

    r = ebid("audit", "verify", "--password-file", new)
    assert r.returncode == 0, r.stderr
    assert "Audit log intact: 3 entries" in r.stdout

    r = ebid("audit", "list")
    events = [line.split()[2] for line in r.stdout.splitlines()]
    assert events == ["keystore.created", "unlock.failed", "password.changed"]

    r = ebid("keystore", "info")
    assert r.returncode == 0 and f"schema:          {head_revision()}" in r.stdout

    with closing(sqlite3.connect(tmp_path / "ebid-home" / "keystore.sqlite")) as db, db:
        db.execute("DROP TRIGGER audit_log_no_update")
        db.execute("UPDATE audit_log SET details = '{\"failures\":0}' WHERE seq = 2")
    r = ebid("audit", "verify")
    assert r.returncode == 1
    assert "first bad entry 2: entry 2 was altered" in r.stderr


def test_input_errors_exit_2(ebid, tmp_path):
    r = ebid("audit", "verify")
    assert r.returncode == 2 and "ebid keystore init" in r.stderr
    r = ebid("keystore", "init", "--password-file", str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and "No such password file" in r.stderr
    old, _ = _password_files(tmp_path)
    assert ebid("keystore", "init", "--password-file", old).returncode == 0
    r = ebid("password", "change", "--password-file", old, stdin=subprocess.DEVNULL)
    assert r.returncode == 2 and "--new-password-file" in r.stderr


def test_audit_verify_reports_a_deleted_anchor(ebid, tmp_path):
    """Before issue 16 §3 this printed "Audit log intact" with a note "no anchor yet"."""
    old, _ = _password_files(tmp_path)
    assert ebid("keystore", "init", "--password-file", old).returncode == 0
    with closing(sqlite3.connect(tmp_path / "ebid-home" / "keystore.sqlite")) as db, db:
        db.execute("DELETE FROM meta WHERE key = 'audit_anchor'")
    r = ebid("audit", "verify", "--password-file", old)
    assert r.returncode == 1, r.stdout
    assert "first bad entry 1: the audit anchor was removed" in r.stderr
