"""Collected seals in the keystore: stored after the licence password (the same session that
signed the collection), listed without it, replaced when the same seal is collected again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import InvalidInput
from .audit_log import AuditLog
from .errors import NotFound
from .models import Licence, StoredSealRow
from .session import Unlocked
from .storage import Storage


@dataclass(frozen=True)
class StoredSeal:
    id: int
    seal_id: str
    enterprise_code: str
    seal_type: str
    name: str
    valid_start: datetime
    valid_end: datetime
    seal: bytes  # SESeal DER as issued
    picture: bytes  # the imprint PNG inside it
    licence_id: int | None
    collected_at: datetime


def _info(row: StoredSealRow) -> StoredSeal:
    return StoredSeal(
        row.id,
        row.seal_id,
        row.enterprise_code,
        row.seal_type,
        row.name,
        row.valid_start,
        row.valid_end,
        row.seal,
        row.picture,
        row.licence_id,
        row.collected_at,
    )


def _find(s: Session, seal_id: str) -> StoredSealRow | None:
    return s.scalars(select(StoredSealRow).where(StoredSealRow.seal_id == seal_id)).first()


class Seals:
    def __init__(self, storage: Storage, audit: AuditLog) -> None:
        self._storage = storage
        self._audit = audit

    def add(
        self,
        unlocked: Unlocked,
        *,
        seal_id: str,
        enterprise_code: str,
        seal_type: str,
        name: str,
        valid_start: datetime,
        valid_end: datetime,
        seal: bytes,
        picture: bytes,
        licence_id: int | None = None,
    ) -> StoredSeal:
        """Store a collected seal (replacing an earlier copy of the same seal id)."""
        if valid_start.tzinfo is None or valid_end.tzinfo is None or valid_end <= valid_start:
            raise InvalidInput("A seal's validity needs time zones and must end after it starts")
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            if licence_id is not None and s.get(Licence, licence_id) is None:
                raise NotFound("No licence with id {id} in the keystore", id=licence_id)
            row = _find(s, seal_id) or StoredSealRow(seal_id=seal_id)
            row.enterprise_code, row.seal_type, row.name = enterprise_code, seal_type, name
            row.valid_start, row.valid_end = valid_start, valid_end
            row.seal, row.picture, row.licence_id = bytes(seal), bytes(picture), licence_id
            row.collected_at = self._storage.clock()
            s.add(row)
            s.flush()
            self._audit.append(
                s,
                unlocked,
                "seal.collected",
                seal_id=seal_id,
                licence_id=licence_id,
                enterprise_code=enterprise_code,
            )
            return _info(row)

    def list_all(self) -> list[StoredSeal]:
        with self._storage.transaction() as s:
            return [_info(r) for r in s.scalars(select(StoredSealRow).order_by(StoredSealRow.id))]

    def get(self, seal_id: str) -> StoredSeal:
        with self._storage.transaction() as s:
            row = _find(s, seal_id)
            if row is None:
                raise NotFound("No seal {id} in the keystore: collect it first", id=seal_id)
            return _info(row)

    def remove(self, unlocked: Unlocked, seal_id: str) -> None:
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            row = _find(s, seal_id)
            if row is None:
                raise NotFound("No seal {id} in the keystore", id=seal_id)
            s.delete(row)
            self._audit.append(s, unlocked, "seal.removed", seal_id=seal_id)
