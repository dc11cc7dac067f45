"""Issue "trust and time" §4: the keystore's public halves are readable and writable without the
password. Someone who can write keystore.sqlite swaps an encryption key's public half for their
own; every opening of the private key now notices, and encryption takes the public key derived
from the sealed private key — the swapped one is refused, never encrypted to."""

from __future__ import annotations

import sqlite3

import pytest

from app.core.gm import SM2PrivateKey
from app.core.keystore import Keystore, NullUnlockCache, TamperedKey

PASSWORD = b"Tender!Open-Day 2026 lotus"


@pytest.fixture
def store(tmp_path):
    with Keystore.open(tmp_path / "keystore.sqlite", unlock_cache=NullUnlockCache()) as store:
        store.initialise(PASSWORD).lock()
        yield store


def _swap(store, key_id: int, public: bytes) -> None:
    """What a sync tool or another process of the same user can do: a plain SQL write."""
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE encryption_keys SET public_key = ? WHERE id = ?", (public, key_id))


def test_the_derived_public_key_is_the_key_s_own(store):
    unlocked = store.unlock(PASSWORD)
    info = store.add_encryption_key(unlocked, label="bid key")
    assert store.encryption_public_key(info.id, unlocked) == info.public_key


def test_a_swapped_public_half_is_refused_when_encrypting_and_when_the_key_is_opened(store):
    unlocked = store.unlock(PASSWORD)
    info = store.add_encryption_key(unlocked, label="bid key")
    attacker = SM2PrivateKey.generate().public_key()
    _swap(store, info.id, attacker.to_bytes())
    assert store.get_encryption_key(info.id).public_key == attacker  # what a reader without the password sees
    with pytest.raises(TamperedKey, match="changed without the password"):
        store.encryption_public_key(info.id, unlocked)
    with pytest.raises(TamperedKey):
        store.encryption_private_key(info.id, unlocked, purpose="decrypt bid")
