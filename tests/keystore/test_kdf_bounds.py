"""Issue trust and time §6: the Argon2id parameters in the keystore's password record are read
from the file, so they are bounded before use — an edit asking for 2 TiB of memory does not
hang the machine, one below the floor is not taken for a wrong password."""

from __future__ import annotations

import sqlite3
import subprocess
import time

import pytest

from app.core.keystore import Keystore, KeystoreError, NullUnlockCache
from app.core.keystore.blobs import _HEADER

PASSWORD = b"Tender!Open-Day 2026 lotus"


def _edit_params(path, memory_kib: int, iterations: int, lanes: int) -> None:
    with sqlite3.connect(path) as db:
        (blob,) = db.execute("SELECT value FROM meta WHERE key = 'master_key'").fetchone()
        version, kdf, _, _, _, salt_len = _HEADER.unpack_from(blob)
        edited = _HEADER.pack(version, kdf, memory_kib, iterations, lanes, salt_len) + blob[_HEADER.size:]
        db.execute("UPDATE meta SET value = ? WHERE key = 'master_key'", (edited,))


@pytest.mark.parametrize("params", [(2 ** 31, 3, 4), (64 * 1024, 1, 4), (1024, 3, 4), (64 * 1024, 3, 255)])
def test_edited_argon2id_parameters_are_refused_at_once_not_as_a_wrong_password(tmp_path, params):
    path = tmp_path / "keystore.sqlite"
    with Keystore.open(path, unlock_cache=NullUnlockCache()) as store:
        store.initialise(PASSWORD).lock()
    _edit_params(path, *params)
    with Keystore.open(path, unlock_cache=NullUnlockCache()) as store:
        start = time.monotonic()
        with pytest.raises(KeystoreError, match="outside what EBid Desk writes"):
            store.unlock(PASSWORD)
        assert time.monotonic() - start < 5  # refused before any key derivation


def test_the_cli_refuses_a_weak_new_password_and_says_how_long_a_good_one_holds(ebid, tmp_path):
    (tmp_path / "weak").write_text("bidding2026\n")
    (tmp_path / "good").write_text("correct horse\n")
    weak = ebid("keystore", "init", "--password-file", "weak")
    assert weak.returncode == 2 and "too weak" in weak.stderr
    assert not (tmp_path / "ebid-home" / "keystore.sqlite").exists() or \
        "no password" in ebid("keystore", "info").stderr
    good = ebid("keystore", "init", "--password-file", "good")
    assert good.returncode == 0 and "days of one computer core to guess" in good.stderr
    changed = ebid("password", "change", "--password-file", "good", "--new-password-file", "weak",
                   stdin=subprocess.DEVNULL)
    assert changed.returncode == 2 and "too weak" in changed.stderr

