"""Private keys in rows: a 32-byte SM2 scalar sealed under the session's data key, bound to its
table, column and row (:func:`.blobs.seal`). A new row is inserted first to learn its id, then
its blob is sealed with that id, inside the same transaction.

A row's public half (``public_key``) is not sealed — it is read without the password (key ids,
the home page) — so whoever can write the file could swap it for their own, and bids would be
encrypted to them. Every opening of a private key therefore checks that the stored public half
is its public key, and work that encrypts to a device key takes the public key derived from the
unsealed private key (:func:`checked_public_key`), never the stored one."""

from __future__ import annotations

from ..gm import SM2PrivateKey, SM2PublicKey
from .blobs import seal, unseal
from .db import Base
from .errors import TamperedKey
from .session import Unlocked


def where(row: Base) -> dict:
    """The associated data naming a row's key blob."""
    return {"table": row.__tablename__, "column": "private_key", "row_id": row.id}


def seal_key(unlocked: Unlocked, row: Base, key: SM2PrivateKey) -> None:
    row.private_key = seal(unlocked.data_key(), key.to_bytes(), **where(row))


def open_key(unlocked: Unlocked, row: Base) -> SM2PrivateKey:
    key = SM2PrivateKey.from_bytes(unseal(unlocked.data_key(), row.private_key, **where(row)))
    stored = getattr(row, "public_key", None)
    # A cell edited into a number or text is as tampered as another key (and bytes(n) of a number
    # would allocate n bytes).
    if stored is not None and (not isinstance(stored, bytes | bytearray | memoryview)
                               or key.public_key().to_bytes() != bytes(stored)):
        raise TamperedKey("The stored public key of {table} #{id} is not its private key's: the keystore file was "
                          "changed without the password. Nothing was encrypted to it",
                          table=row.__tablename__, id=row.id)
    return key


def checked_public_key(unlocked: Unlocked, row: Base) -> SM2PublicKey:
    """The public key derived from the row's sealed private key (after :func:`open_key`'s check)."""
    return open_key(unlocked, row).public_key()
