"""Keys in and out of the keystore, their binding to their rows, and sessions after a change."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from app.core.errors import DecryptionFailed, InvalidInput
from app.core.gm import SM2PrivateKey
from app.core.keystore import AlreadyInitialised, Locked, NotFound

from .conftest import PASSWORD


def test_licence_round_trip(store, unlocked, add_licence, clock):
    key = SM2PrivateKey.generate()
    info = add_licence(unlocked, key, holder_name="李四", role="agent")
    assert info.id == 1 and info.holder_name == "李四" and info.role == "agent"
    assert info.not_after - info.not_before == timedelta(days=3)
    assert info.not_before.tzinfo is not None and info.created_at.tzinfo is not None
    assert store.get_licence(info.id) == info
    assert store.list_licences() == [info]
    assert store.private_key(info.id, unlocked, purpose="sign").to_bytes() == key.to_bytes()
    assert [e.event for e in store.audit_entries()][-2:] == ["licence.added", "key.used"]


def test_licence_fields_are_checked(unlocked, add_licence, clock):
    with pytest.raises(InvalidInput, match="end after it starts"):
        add_licence(unlocked, not_after=clock.now)
    with pytest.raises(InvalidInput, match="time zone"):
        add_licence(unlocked, not_before=clock.now.replace(tzinfo=None))


def test_remove_licence(store, unlocked, add_licence):
    info = add_licence(unlocked)
    key = store.add_encryption_key(unlocked, label="bid", licence_id=info.id)
    store.remove_licence(unlocked, info.id)
    with pytest.raises(NotFound, match="No licence with id 1"):
        store.get_licence(info.id)
    assert store.get_encryption_key(key.id).licence_id is None  # ON DELETE SET NULL: foreign keys are on


def test_device_identity_and_encryption_keys(store, unlocked):
    assert store.device_identity() is None
    device = store.create_device_identity(unlocked)
    assert store.device_identity() == device
    assert store.device_private_key(unlocked, purpose="sign request").public_key() == device.public_key
    with pytest.raises(AlreadyInitialised):
        store.create_device_identity(unlocked)

    given = SM2PrivateKey.generate()
    made = store.add_encryption_key(unlocked, label="given", private_key=given, certificate=b"DER")
    generated = store.add_encryption_key(unlocked, label="generated")
    assert [k.label for k in store.list_encryption_keys()] == ["given", "generated"]
    assert store.get_encryption_key(made.id).certificate == b"DER"
    assert store.encryption_private_key(made.id, unlocked, purpose="decrypt").to_bytes() == given.to_bytes()
    assert store.encryption_private_key(generated.id, unlocked, purpose="decrypt").public_key() == generated.public_key
    with pytest.raises(NotFound):
        store.add_encryption_key(unlocked, label="orphan", licence_id=99)


def _copy_blob(path, src: tuple[str, int], dst: tuple[str, int]) -> None:
    with sqlite3.connect(path) as db:
        (blob,) = db.execute(f"SELECT private_key FROM {src[0]} WHERE id = ?", (src[1],)).fetchone()
        db.execute(f"UPDATE {dst[0]} SET private_key = ? WHERE id = ?", (blob, dst[1]))


def test_a_blob_copied_to_another_row_fails(store, unlocked, add_licence):
    first, second = add_licence(unlocked), add_licence(unlocked)
    _copy_blob(store.path, ("licences", first.id), ("licences", second.id))
    with pytest.raises(DecryptionFailed, match="licences row 2 does not authenticate: .*copied from another row"):
        store.private_key(second.id, unlocked, purpose="sign")
    store.private_key(first.id, unlocked, purpose="sign")  # the original still opens


def test_a_blob_copied_to_another_table_fails(store, unlocked, add_licence):
    licence = add_licence(unlocked)
    key = store.add_encryption_key(unlocked, label="bid")
    assert licence.id == key.id == 1  # same row id: only the table name tells them apart
    _copy_blob(store.path, ("licences", 1), ("encryption_keys", 1))
    with pytest.raises(DecryptionFailed, match="encryption_keys row 1"):
        store.encryption_private_key(1, unlocked, purpose="decrypt")


def test_a_damaged_blob_fails_cleanly(store, unlocked, add_licence):
    licence = add_licence(unlocked)
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE licences SET private_key = substr(private_key, 1, 5) WHERE id = ?", (licence.id,))
    with pytest.raises(DecryptionFailed, match="does not authenticate"):
        store.private_key(licence.id, unlocked, purpose="sign")


def test_change_password_rewraps_every_key_and_retires_old_sessions(store, unlocked, add_licence):
    keys = [SM2PrivateKey.generate() for _ in range(3)]
    ids = [add_licence(unlocked, k).id for k in keys]
    enc = store.add_encryption_key(unlocked, label="bid")
    store.create_device_identity(unlocked)
    steps: list[tuple[int, int]] = []
    new = store.change_password(PASSWORD, b"new password", progress=lambda d, t: steps.append((d, t)))
    assert steps == [(n, 6) for n in range(1, 7)]  # 5 keys, then the password record
    with pytest.raises(Locked, match="password was changed"):
        store.private_key(ids[0], unlocked, purpose="sign")
    assert new.master() != unlocked.master()  # a fresh master key, not just a re-wrapped one
    for licence_id, key in zip(ids, keys):
        assert store.private_key(licence_id, new, purpose="sign").to_bytes() == key.to_bytes()
    assert store.encryption_private_key(enc.id, new, purpose="decrypt").public_key() == enc.public_key
    new.lock()
    with pytest.raises(Locked, match="locked"):
        store.device_private_key(new, purpose="sign")
