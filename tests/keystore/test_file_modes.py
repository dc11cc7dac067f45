"""The keystore is readable by its owner only, whatever the umask and whether its folder existed
(POSIX): the database and SQLite's -wal and -shm files are 0600; an older, looser one is tightened."""

from __future__ import annotations

import os
import stat

import pytest

from app.core.keystore import Keystore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
PASSWORD = b"Tender!Open-Day 2026 lotus"


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    old = os.umask(0o022)  # the usual default: new files 0644
    yield
    os.umask(old)


def test_a_new_keystore_in_an_existing_folder_is_private(tmp_path, loose_umask):
    folder = tmp_path / "existing"
    folder.mkdir(mode=0o755)
    path = folder / "keystore.sqlite"
    store = Keystore.open(path)
    store.initialise(PASSWORD)
    files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    assert {f.name: _mode(f) for f in files if f.exists()} == {f.name: 0o600 for f in files if f.exists()}
    assert path.with_name(path.name + "-wal").exists()  # WAL mode: the case that matters
    store.close()


def test_an_older_world_readable_keystore_is_tightened_on_open(tmp_path, loose_umask):
    path = tmp_path / "keystore.sqlite"
    store = Keystore.open(path)
    store.initialise(PASSWORD)
    store.close()
    path.chmod(0o644)
    Keystore.open(path).close()
    assert _mode(path) == 0o600


def test_the_command_line_warns_about_a_data_folder_others_can_open(ebid, tmp_path):
    home = tmp_path / "ebid-home"  # the ebid fixture's data folder
    home.mkdir(mode=0o700)
    quiet = ebid("keystore", "info")
    assert "other users" not in quiet.stderr
    home.chmod(0o755)
    loose = ebid("keystore", "info")
    assert f"other users of this computer can open the data folder {home} (mode 755)" in loose.stderr
