"""After the whole suite (issue "hostile inputs" §14): every file EBid Desk itself wrote under the
run's temporary folders — keystores, service keys, logs, task records — is readable by its owner
only, and no service or keystore file holds a private key in clear.

Tests write keys and documents of their own (a test's ``KEY.pem``); those are not the app's and
are not judged. What is the app's is known by name: the keystore and its SQLite companions,
the service's and the seal office's key files, the rotating log, the submitted-bids record."""

from __future__ import annotations

import stat
from pathlib import Path

OURS = {"keystore.sqlite", "keystore.sqlite-wal", "keystore.sqlite-shm", "authority-key.pem",
        "platform-key.pem", "seal-office-key.pem", "ebid-desk.log", "submitted-bids.json"}
SECRET_FILES = {"authority-key.pem", "platform-key.pem", "seal-office-key.pem"}
IN_CLEAR = b"-----BEGIN PRIVATE KEY-----"


def problems(base: Path) -> list[str]:
    found = []
    for path in base.rglob("*"):
        try:
            if not path.is_file() or path.is_symlink() or path.name not in OURS:
                continue
            mode = stat.S_IMODE(path.stat().st_mode)
        except OSError:  # removed meanwhile
            continue
        if mode & 0o077:
            found.append(f"{path} is readable by others (mode {mode:o})")
        if path.name.startswith("keystore.sqlite") and IN_CLEAR in path.read_bytes():
            found.append(f"{path} holds a private key in clear")
    return found


def check(base: Path) -> list[str]:
    """The problems, or [] — also when nothing of ours was written (a subset of the suite)."""
    return problems(base) if base.is_dir() else []
