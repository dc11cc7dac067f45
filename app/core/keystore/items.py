"""What the keystore holds: licences, the device identity key, encryption keys.

Every private key is a 32-byte SM2 scalar sealed under the session's data key, bound to its
table, column and row (:func:`.blobs.seal`). A new row is inserted first to learn its id, then its
blob is sealed with that id, inside the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import log as audit_log  # module binding: audit imports keystore.db
from ..errors import InvalidInput
from ..gm import SM2PrivateKey, SM2PublicKey
from .blobs import seal, unseal
from .db import Base
from .errors import AlreadyInitialised, NotFound
from .models import DeviceIdentity, EncryptionKey, Licence
from .session import Unlocked

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


@dataclass(frozen=True)
class LicenceInfo:
    id: int
    certificate: bytes
    enterprise_code: str
    enterprise_name: str
    holder_name: str
    role: str
    not_before: datetime
    not_after: datetime
    created_at: datetime


@dataclass(frozen=True)
class EncryptionKeyInfo:
    id: int
    licence_id: int | None
    label: str
    public_key: SM2PublicKey
    certificate: bytes | None
    created_at: datetime


@dataclass(frozen=True)
class DeviceIdentityInfo:
    public_key: SM2PublicKey
    created_at: datetime


def _licence_info(row: Licence) -> LicenceInfo:
    return LicenceInfo(
        row.id, row.certificate, row.enterprise_code, row.enterprise_name, row.holder_name,
        row.role, row.not_before, row.not_after, row.created_at,
    )


def _key_info(row: EncryptionKey) -> EncryptionKeyInfo:
    return EncryptionKeyInfo(
        row.id, row.licence_id, row.label, SM2PublicKey.from_bytes(row.public_key), row.certificate, row.created_at
    )


def _seal_row(unlocked: Unlocked, row: Base, key: SM2PrivateKey) -> None:
    row.private_key = seal(unlocked.data_key(), key.to_bytes(), **_where(row))


def _open_row(unlocked: Unlocked, row: Base) -> SM2PrivateKey:
    return SM2PrivateKey.from_bytes(unseal(unlocked.data_key(), row.private_key, **_where(row)))


def _where(row: Base) -> dict:
    return dict(table=row.__tablename__, column="private_key", row_id=row.id)


def _check_window(not_before: datetime, not_after: datetime) -> None:
    if not_before.tzinfo is None or not_after.tzinfo is None:
        raise InvalidInput("Licence validity times must carry a time zone (use UTC)")
    if not_after <= not_before:
        raise InvalidInput("A licence must end after it starts")


class ItemsMixin:
    """Key operations of :class:`~.store.Keystore`; each needs an :class:`Unlocked` to touch a key."""

    clock: Callable[[], datetime]

    def transaction(self) -> AbstractContextManager[Session]: ...  # provided by Keystore
    def _check_session(self, s: Session, unlocked: Unlocked) -> None: ...

    # licences ---------------------------------------------------------------------------------

    def add_licence(
        self, unlocked: Unlocked, *, certificate: bytes, private_key: SM2PrivateKey, enterprise_code: str,
        enterprise_name: str, holder_name: str, role: str, not_before: datetime, not_after: datetime,
    ) -> LicenceInfo:
        _check_window(not_before, not_after)
        with self.transaction() as s:
            self._check_session(s, unlocked)
            row = Licence(
                certificate=bytes(certificate), private_key=b"", enterprise_code=enterprise_code,
                enterprise_name=enterprise_name, holder_name=holder_name, role=role,
                not_before=not_before, not_after=not_after,
            )
            s.add(row)
            s.flush()  # assigns row.id, which the blob's associated data needs
            _seal_row(unlocked, row, private_key)
            self._audit(s, unlocked, "licence.added", licence_id=row.id, enterprise_code=enterprise_code, role=role)
            return _licence_info(row)

    def list_licences(self) -> list[LicenceInfo]:
        with self.transaction() as s:
            return [_licence_info(r) for r in s.scalars(select(Licence).order_by(Licence.id))]

    def get_licence(self, licence_id: int) -> LicenceInfo:
        with self.transaction() as s:
            return _licence_info(self._row(s, Licence, licence_id, "licence"))

    def remove_licence(self, unlocked: Unlocked, licence_id: int) -> None:
        with self.transaction() as s:
            self._check_session(s, unlocked)
            s.delete(self._row(s, Licence, licence_id, "licence"))
            self._audit(s, unlocked, "licence.removed", licence_id=licence_id)

    def private_key(self, licence_id: int, unlocked: Unlocked, *, purpose: str) -> SM2PrivateKey:
        """The licence's private key; ``purpose`` (e.g. ``"sign"``) is written to the audit log."""
        with self.transaction() as s:
            self._check_session(s, unlocked)
            key = _open_row(unlocked, self._row(s, Licence, licence_id, "licence"))
            self._audit(s, unlocked, "key.used", table="licences", id=licence_id, purpose=purpose)
            return key

    # device identity --------------------------------------------------------------------------

    def create_device_identity(self, unlocked: Unlocked) -> DeviceIdentityInfo:
        key = SM2PrivateKey.generate()
        with self.transaction() as s:
            self._check_session(s, unlocked)
            if s.get(DeviceIdentity, 1) is not None:
                raise AlreadyInitialised("This device already has an identity key")
            row = DeviceIdentity(id=1, public_key=key.public_key().to_bytes(), private_key=b"")
            s.add(row)
            s.flush()
            _seal_row(unlocked, row, key)
            self._audit(s, unlocked, "device.created")
            return DeviceIdentityInfo(key.public_key(), row.created_at)

    def device_identity(self) -> DeviceIdentityInfo | None:
        with self.transaction() as s:
            row = s.get(DeviceIdentity, 1)
            return None if row is None else DeviceIdentityInfo(SM2PublicKey.from_bytes(row.public_key), row.created_at)

    def device_private_key(self, unlocked: Unlocked, *, purpose: str) -> SM2PrivateKey:
        with self.transaction() as s:
            self._check_session(s, unlocked)
            key = _open_row(unlocked, self._row(s, DeviceIdentity, 1, "device identity key"))
            self._audit(s, unlocked, "key.used", table="device_identity", id=1, purpose=purpose)
            return key

    # encryption keys --------------------------------------------------------------------------

    def add_encryption_key(
        self, unlocked: Unlocked, *, label: str, private_key: SM2PrivateKey | None = None,
        licence_id: int | None = None, certificate: bytes | None = None,
    ) -> EncryptionKeyInfo:
        """Store (or, without ``private_key``, generate) a key pair for bid-file encryption."""
        key = private_key or SM2PrivateKey.generate()
        with self.transaction() as s:
            self._check_session(s, unlocked)
            if licence_id is not None:
                self._row(s, Licence, licence_id, "licence")
            row = EncryptionKey(
                licence_id=licence_id, label=label, public_key=key.public_key().to_bytes(),
                private_key=b"", certificate=certificate,
            )
            s.add(row)
            s.flush()
            _seal_row(unlocked, row, key)
            self._audit(s, unlocked, "encryption_key.added", id=row.id, licence_id=licence_id)
            return _key_info(row)

    def list_encryption_keys(self) -> list[EncryptionKeyInfo]:
        with self.transaction() as s:
            return [_key_info(r) for r in s.scalars(select(EncryptionKey).order_by(EncryptionKey.id))]

    def get_encryption_key(self, key_id: int) -> EncryptionKeyInfo:
        with self.transaction() as s:
            return _key_info(self._row(s, EncryptionKey, key_id, "encryption key"))

    def encryption_private_key(self, key_id: int, unlocked: Unlocked, *, purpose: str) -> SM2PrivateKey:
        with self.transaction() as s:
            self._check_session(s, unlocked)
            key = _open_row(unlocked, self._row(s, EncryptionKey, key_id, "encryption key"))
            self._audit(s, unlocked, "key.used", table="encryption_keys", id=key_id, purpose=purpose)
            return key

    # helpers ----------------------------------------------------------------------------------

    @staticmethod
    def _row(s: Session, model: type[Base], row_id: int, what: str):
        row = s.get(model, row_id)
        if row is None:
            raise NotFound("No {what} with id {id} in the keystore", what=what, id=row_id)
        return row

    def _audit(self, s: Session, unlocked: Unlocked | None, event: str, **details: object) -> None:
        """Append a security event in the same transaction (see :mod:`app.core.audit`)."""
        audit_log.append(s, event, details, at=self.clock(), unlocked=unlocked)
