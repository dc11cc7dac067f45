"""The keystore's stated limits, checked by behaviour rather than through their own constants
(issue "hostile inputs" §15): the Argon2id floor on writing and reading, the lanes really used,
FREE_ATTEMPTS and the 15-minute cap through a real keystore, a damaged password record said as
damaged, and a data blob's version byte authenticated."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from app.core.errors import DecryptionFailed, WrongPassword
from app.core.gm import sm4_gcm_decrypt
from app.core.keystore import Keystore, KeystoreError, NullUnlockCache, blobs
from app.core.keystore.attempts import FREE_ATTEMPTS, MAX_DELAY, AttemptState
from app.core.keystore.blobs import (
    _HEADER,
    CEILING,
    FLOOR,
    KdfParams,
    master_params,
    seal,
    unseal,
    wrap_master,
)
from tests.keystore.conftest import PASSWORD

BELOW_FLOOR = [KdfParams(64 * 1024 - 1, 3, 4), KdfParams(64 * 1024, 2, 4), KdfParams(64 * 1024, 3, 3)]
ABOVE_CEILING = [KdfParams(4 * 1024 * 1024 + 1, 3, 4), KdfParams(64 * 1024, 17, 4), KdfParams(64 * 1024, 3, 17)]
IDS = ["m", "t", "p"]


def _set_meta(path, key: str, value: bytes) -> None:
    with sqlite3.connect(path) as db:
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


def _master_blob(path) -> bytes:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT value FROM meta WHERE key = 'master_key'").fetchone()[0]


# -- Argon2id: the floor, the ceiling, the lanes ---------------------------------------------------

@pytest.mark.parametrize("params", BELOW_FLOOR, ids=IDS)
def test_parameters_one_below_the_floor_are_never_written(tmp_path, params):
    with pytest.raises(KeystoreError, match="below the floor"):
        wrap_master(b"m" * 32, PASSWORD, params)
    with Keystore.open(tmp_path / "ks.sqlite", kdf=params, unlock_cache=NullUnlockCache()) as store:
        with pytest.raises(KeystoreError, match="below the floor"):
            store.initialise(PASSWORD)
        assert not store.is_initialised()


@pytest.mark.parametrize("params", [*BELOW_FLOOR, *ABOVE_CEILING], ids=[f"{i} below" for i in IDS] + [f"{i} above" for i in IDS])
def test_a_record_one_past_a_bound_is_refused_on_reading(params):
    blob = wrap_master(b"m" * 32, PASSWORD, FLOOR)
    version, kdf, _, _, _, salt_len = _HEADER.unpack_from(blob)
    edited = _HEADER.pack(version, kdf, params.memory_kib, params.iterations, params.lanes, salt_len) + blob[_HEADER.size:]
    with pytest.raises(KeystoreError, match="outside what EBid Desk writes"):
        blobs.unwrap_master(edited, PASSWORD)


def test_the_floor_and_the_ceiling_themselves_are_read(tmp_path):
    blob = wrap_master(b"m" * 32, PASSWORD, FLOOR)
    assert blobs.unwrap_master(blob, PASSWORD) == b"m" * 32
    version, kdf, _, _, _, salt_len = _HEADER.unpack_from(blob)
    at_ceiling = _HEADER.pack(version, kdf, CEILING.memory_kib, CEILING.iterations, CEILING.lanes, salt_len) + blob[_HEADER.size:]
    assert master_params(at_ceiling)[0] == CEILING  # accepted (not derived: that would take 4 GiB)


def test_the_kek_is_derived_with_the_stored_lanes_and_nothing_else(store, unlocked):
    """An independent Argon2id with p = 4 opens the record; p = 1 (or any other) does not."""
    params, salt, header, rest = master_params(unlocked.master_blob)
    assert params == KdfParams(64 * 1024, 3, 4)
    aad = b"EBidDesk/keystore\0meta\0master_key\0" + header

    def opens(lanes: int) -> bool:
        kek = Argon2id(salt=salt, length=16, iterations=3, lanes=lanes, memory_cost=64 * 1024).derive(PASSWORD)
        try:
            return sm4_gcm_decrypt(kek, rest[:12], rest[12:], aad) == unlocked.master()
        except DecryptionFailed:
            return False

    assert opens(4) and not opens(1)


# -- throttling through a real keystore -------------------------------------------------------------

def test_three_wrong_passwords_are_free_and_the_fourth_waits_a_second(tmp_path, clock):
    with Keystore.open(tmp_path / "ks.sqlite", clock=clock, unlock_cache=NullUnlockCache()) as store:
        store.initialise(PASSWORD).lock()
        for _ in range(1, FREE_ATTEMPTS):
            with pytest.raises(WrongPassword) as wrong:
                store.unlock(b"guess")
            assert "wait" not in wrong.value.message and store.unlock_wait() == 0
        with pytest.raises(WrongPassword) as wrong:
            store.unlock(b"guess")  # the third: the next one waits
        assert wrong.value.message.endswith("wait 1 s before trying again") and store.unlock_wait() == 1
        assert FREE_ATTEMPTS == 3
        clock.advance(1)
        store.unlock(PASSWORD)
        assert store.failed_attempts() == 0


def test_the_wait_never_exceeds_15_minutes(tmp_path, clock):
    path = tmp_path / "ks.sqlite"
    with Keystore.open(path, clock=clock, unlock_cache=NullUnlockCache()) as store:
        store.initialise(PASSWORD).lock()
    _set_meta(path, "failed_unlocks", AttemptState(1_000, clock.now).encode())
    with Keystore.open(path, clock=clock, unlock_cache=NullUnlockCache()) as store:
        assert store.unlock_wait() == 15 * 60 == MAX_DELAY
        clock.advance(15 * 60 - 1)
        assert store.unlock_wait() == 1
        clock.advance(1)
        assert store.unlock_wait() == 0
        store.unlock(PASSWORD)  # a legitimate user always gets back in


# -- a damaged password record ---------------------------------------------------------------------

DAMAGES = {
    "empty": lambda b: b"",
    "cut inside the header": lambda b: b[:10],
    "one byte short": lambda b: b[:-1],
    "one byte more": lambda b: b + b"\0",
    "salt length changed": lambda b: b[:_HEADER.size - 1] + bytes([b[_HEADER.size - 1] + 1]) + b[_HEADER.size:],
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_password_record_is_said_to_be_damaged_not_a_wrong_password(tmp_path, damage):
    path = tmp_path / "ks.sqlite"
    with Keystore.open(path, unlock_cache=NullUnlockCache()) as store:
        store.initialise(PASSWORD).lock()
    _set_meta(path, "master_key", damage(_master_blob(path)))
    with Keystore.open(path, unlock_cache=NullUnlockCache()) as store:
        with pytest.raises(KeystoreError) as info:
            store.unlock(PASSWORD)
    assert not isinstance(info.value, WrongPassword)
    assert "password record is damaged" in info.value.message


def test_a_password_record_of_another_format_says_so(tmp_path):
    blob = wrap_master(b"m" * 32, PASSWORD, FLOOR)
    with pytest.raises(KeystoreError, match="has format 2, which this version"):
        blobs.unwrap_master(b"\x02" + blob[1:], PASSWORD)


# -- a data blob's version byte is authenticated -------------------------------------------------------

WHERE = dict(table="licences", column="private_key", row_id=7)


def test_a_data_blob_does_not_open_under_another_version_byte(monkeypatch):
    """A reader that knew a version 2 must not take a version-1 blob relabelled 2 (or the reverse):
    the version byte is in the associated data. Fails if unseal authenticates the constant
    instead of the blob's own byte."""
    key = b"k" * 16
    blob = seal(key, b"secret scalar", **WHERE)
    assert unseal(key, blob, **WHERE) == b"secret scalar"
    monkeypatch.setattr(blobs, "DATA_VERSION", 2)  # a later reader that accepts version 2
    with pytest.raises(DecryptionFailed, match="does not authenticate"):
        unseal(key, b"\x02" + blob[1:], **WHERE)


def test_an_unknown_version_byte_is_refused_before_decrypting():
    blob = seal(b"k" * 16, b"secret scalar", **WHERE)
    for version in (0, 2, 255):
        with pytest.raises(KeystoreError, match="unknown format"):
            unseal(b"k" * 16, bytes([version]) + blob[1:], **WHERE)


def test_the_associated_data_differs_in_the_version_byte_only():
    one, two = blobs.data_aad(**WHERE, version=1), blobs.data_aad(**WHERE, version=2)
    assert one[:-1] == two[:-1] and (one[-1], two[-1]) == (1, 2)


def test_the_wait_is_measured_from_the_last_attempt(tmp_path, clock):
    """The wait counts from the stored last attempt, not from opening the file."""
    path = tmp_path / "ks.sqlite"
    with Keystore.open(path, clock=clock, unlock_cache=NullUnlockCache()) as store:
        store.initialise(PASSWORD).lock()
    _set_meta(path, "failed_unlocks", AttemptState(FREE_ATTEMPTS + 1, clock.now - timedelta(seconds=1)).encode())
    with Keystore.open(path, clock=clock, unlock_cache=NullUnlockCache()) as store:
        assert store.unlock_wait() == 1  # delay 2 s, 1 s already gone


# -- cells edited into another type (found by tests/hostile/test_keystore_rows.py) -------------------

@pytest.mark.parametrize("raw", [1.0, 7, "text", b"\x00" * 3])
def test_an_attempt_counter_of_another_type_or_size_counts_as_none(raw):
    assert AttemptState.decode(raw) == AttemptState()


def test_an_attempt_counter_with_an_impossible_time_keeps_its_count():
    import struct

    assert AttemptState.decode(struct.pack(">Iq", 5, 2 ** 62)) == AttemptState(5, None)


@pytest.mark.parametrize("cell", [7, 1.5, "text"])
def test_a_password_record_or_data_blob_of_another_type_is_damaged(cell):
    with pytest.raises(KeystoreError, match="password record is damaged"):
        master_params(cell)
    with pytest.raises(KeystoreError, match="unknown format"):
        unseal(b"k" * 16, cell, **WHERE)
