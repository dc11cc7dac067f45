"""SM2 key pairs for bid-file encryption ("apply for a key" on the bid page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..gm import SM2PrivateKey, SM2PublicKey
from .audit_log import AuditLog
from .key_rows import checked_public_key, open_key, seal_key
from .models import EncryptionKey, Licence
from .session import Unlocked
from .storage import Storage


@dataclass(frozen=True)
class EncryptionKeyInfo:
    id: int
    licence_id: int | None
    label: str
    public_key: SM2PublicKey
    certificate: bytes | None
    created_at: datetime
    registry_id: str | None = None  # the key registry's id (K-…), once registered
    origin: str = "own"  # own / recovered (docs/protocols/key-backup.md)


def _info(row: EncryptionKey) -> EncryptionKeyInfo:
    public = SM2PublicKey.from_bytes(row.public_key)
    return EncryptionKeyInfo(
        row.id, row.licence_id, row.label, public, row.certificate, row.created_at,
        row.registry_id, row.origin,
    )


class EncryptionKeys:
    def __init__(self, storage: Storage, audit: AuditLog) -> None:
        self._storage = storage
        self._audit = audit

    def add(
        self, unlocked: Unlocked, *, label: str, private_key: SM2PrivateKey | None = None,
        licence_id: int | None = None, certificate: bytes | None = None,
        registry_id: str | None = None,
    ) -> EncryptionKeyInfo:
        """Store (or, without ``private_key``, generate) a key pair for bid-file encryption."""
        key = private_key or SM2PrivateKey.generate()
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            if licence_id is not None:
                self._storage.row(s, Licence, licence_id, "licence")
            row = EncryptionKey(
                licence_id=licence_id, label=label, public_key=key.public_key().to_bytes(),
                private_key=b"", certificate=certificate, registry_id=registry_id, origin="own",
            )
            s.add(row)
            s.flush()
            seal_key(unlocked, row, key)
            self._audit.append(
                s, unlocked, "encryption_key.added", id=row.id, licence_id=licence_id,
                registry_id=registry_id
            )
            return _info(row)

    def list_all(self) -> list[EncryptionKeyInfo]:
        with self._storage.transaction() as s:
            query = select(EncryptionKey).order_by(EncryptionKey.id)
            return [_info(r) for r in s.scalars(query)]

    def get(self, key_id: int) -> EncryptionKeyInfo:
        with self._storage.transaction() as s:
            return _info(self._storage.row(s, EncryptionKey, key_id, "encryption key"))

    def checked_public_key(self, key_id: int, unlocked: Unlocked) -> SM2PublicKey:
        """The key to encrypt to: derived from the sealed private key, checked against the row."""
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            return checked_public_key(unlocked, self._storage.row(s, EncryptionKey, key_id, "encryption key"))

    def private_key(self, key_id: int, unlocked: Unlocked, *, purpose: str) -> SM2PrivateKey:
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            key = open_key(unlocked, self._storage.row(s, EncryptionKey, key_id, "encryption key"))
            self._audit.append(
                s, unlocked, "key.used", table="encryption_keys", id=key_id, purpose=purpose
            )
            return key
