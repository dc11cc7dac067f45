"""The device's own SM2 key (one row): it signs licence requests as proof of possession."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..gm import SM2PrivateKey, SM2PublicKey
from .audit_log import AuditLog
from .errors import AlreadyInitialised
from .key_rows import open_key, seal_key
from .models import DeviceIdentity
from .session import Unlocked
from .storage import Storage

_ROW_ID = 1  # the table holds one row (ck_device_identity_single)


@dataclass(frozen=True)
class DeviceIdentityInfo:
    public_key: SM2PublicKey
    created_at: datetime


class DeviceIdentityKey:
    def __init__(self, storage: Storage, audit: AuditLog) -> None:
        self._storage = storage
        self._audit = audit

    def create(self, unlocked: Unlocked) -> DeviceIdentityInfo:
        key = SM2PrivateKey.generate()
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            if s.get(DeviceIdentity, _ROW_ID) is not None:
                raise AlreadyInitialised("This device already has an identity key")
            public = key.public_key().to_bytes()
            row = DeviceIdentity(id=_ROW_ID, public_key=public, private_key=b"")
            s.add(row)
            s.flush()
            seal_key(unlocked, row, key)
            self._audit.append(s, unlocked, "device.created")
            return DeviceIdentityInfo(key.public_key(), row.created_at)

    def info(self) -> DeviceIdentityInfo | None:
        with self._storage.transaction() as s:
            row = s.get(DeviceIdentity, _ROW_ID)
            if row is None:
                return None
            return DeviceIdentityInfo(SM2PublicKey.from_bytes(row.public_key), row.created_at)

    def private_key(self, unlocked: Unlocked, *, purpose: str) -> SM2PrivateKey:
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            row = self._storage.row(s, DeviceIdentity, _ROW_ID, "device identity key")
            key = open_key(unlocked, row)
            self._audit.append(
                s, unlocked, "key.used", table="device_identity", id=_ROW_ID, purpose=purpose
            )
            return key
