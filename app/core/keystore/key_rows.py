"""Private keys in rows: a 32-byte SM2 scalar sealed under the session's data key, bound to its
table, column and row (:func:`.blobs.seal`). A new row is inserted first to learn its id, then
its blob is sealed with that id, inside the same transaction."""

from __future__ import annotations

from ..gm import SM2PrivateKey
from .blobs import seal, unseal
from .db import Base
from .session import Unlocked


def where(row: Base) -> dict:
    """The associated data naming a row's key blob."""
    return {"table": row.__tablename__, "column": "private_key", "row_id": row.id}


def seal_key(unlocked: Unlocked, row: Base, key: SM2PrivateKey) -> None:
    row.private_key = seal(unlocked.data_key(), key.to_bytes(), **where(row))


def open_key(unlocked: Unlocked, row: Base) -> SM2PrivateKey:
    return SM2PrivateKey.from_bytes(unseal(unlocked.data_key(), row.private_key, **where(row)))
