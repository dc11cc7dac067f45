"""Licences in the keystore: the certificate, the fields lists show, and the sealed private key."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..errors import InvalidInput
from ..gm import SM2PrivateKey
from .audit_log import AuditLog
from .key_rows import open_key, seal_key
from .models import Licence
from .session import Unlocked
from .signer import LicenceSigner
from .storage import Storage


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


def _info(row: Licence) -> LicenceInfo:
    return LicenceInfo(
        row.id, row.certificate, row.enterprise_code, row.enterprise_name, row.holder_name,
        row.role, row.not_before, row.not_after, row.created_at,
    )


def _check_window(not_before: datetime, not_after: datetime) -> None:
    if not_before.tzinfo is None or not_after.tzinfo is None:
        raise InvalidInput("Licence validity times must carry a time zone (use UTC)")
    if not_after <= not_before:
        raise InvalidInput("A licence must end after it starts")


class Licences:
    def __init__(self, storage: Storage, audit: AuditLog) -> None:
        self._storage = storage
        self._audit = audit

    def add(
        self, unlocked: Unlocked, *, certificate: bytes, private_key: SM2PrivateKey,
        enterprise_code: str, enterprise_name: str, holder_name: str, role: str,
        not_before: datetime, not_after: datetime,
    ) -> LicenceInfo:
        _check_window(not_before, not_after)
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            row = Licence(
                certificate=bytes(certificate), private_key=b"", enterprise_code=enterprise_code,
                enterprise_name=enterprise_name, holder_name=holder_name, role=role,
                not_before=not_before, not_after=not_after,
            )
            s.add(row)
            s.flush()  # assigns row.id, which the blob's associated data needs
            seal_key(unlocked, row, private_key)
            self._audit.append(
                s, unlocked, "licence.added", licence_id=row.id,
                enterprise_code=enterprise_code, role=role,
            )
            return _info(row)

    def list_all(self) -> list[LicenceInfo]:
        with self._storage.transaction() as s:
            return [_info(r) for r in s.scalars(select(Licence).order_by(Licence.id))]

    def get(self, licence_id: int) -> LicenceInfo:
        with self._storage.transaction() as s:
            return _info(self._storage.row(s, Licence, licence_id, "licence"))

    def remove(self, unlocked: Unlocked, licence_id: int) -> None:
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            s.delete(self._storage.row(s, Licence, licence_id, "licence"))
            self._audit.append(s, unlocked, "licence.removed", licence_id=licence_id)

    def private_key(self, licence_id: int, unlocked: Unlocked, *, purpose: str) -> SM2PrivateKey:
        return self._open(licence_id, unlocked, purpose)[1]

    def signer(self, unlocked: Unlocked, licence_id: int, *, purpose: str) -> LicenceSigner:
        row, key = self._open(licence_id, unlocked, purpose)
        return LicenceSigner(row.id, row.certificate, key, unlocked)

    def _open(
        self, licence_id: int, unlocked: Unlocked, purpose: str
    ) -> tuple[Licence, SM2PrivateKey]:
        """The row and its opened key; the use is audited with ``purpose`` (e.g. ``"sign"``)."""
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            row = self._storage.row(s, Licence, licence_id, "licence")
            key = open_key(unlocked, row)
            self._audit.append(
                s, unlocked, "key.used", table="licences", id=licence_id, purpose=purpose
            )
            return row, key
