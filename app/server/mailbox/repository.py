"""The mailbox's records over the service database: messages, backup states, and read access
to the platform's key registry (``encryption_keys``), whose backup state this extends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..platform.models import EncryptionKeyRow
from ..platform.repository import EncryptionKey
from .models import KeyBackupStateRow, MailboxMessageRow


@dataclass(frozen=True)
class Message:
    message_id: str
    kind: str
    credit_code: str
    sender_serial: str
    sender_person_id: str
    sender_name: str
    recipient_key: str
    subject: str
    reply_to: str
    size: int
    frame: bytes
    created_at: datetime
    expires_at: datetime
    deliver_after: datetime
    received_at: datetime


@dataclass(frozen=True)
class BackupRecord:
    key_id: str
    holder_key: str
    holder_serial: str
    holder_person_id: str
    holder_name: str
    holder_role: str
    package_id: str
    verified_at: datetime


def _message(row: MailboxMessageRow) -> Message:
    return Message(**{n: getattr(row, n) for n in Message.__dataclass_fields__})


def _backup(row: KeyBackupStateRow) -> BackupRecord:
    return BackupRecord(**{n: getattr(row, n) for n in BackupRecord.__dataclass_fields__})


class SqlMailboxRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    def key(self, key_id: str) -> EncryptionKey | None:
        row = self.s.get(EncryptionKeyRow, key_id)
        if row is None:
            return None
        return EncryptionKey(**{n: getattr(row, n) for n in EncryptionKey.__dataclass_fields__})

    def purge(self, now: datetime) -> None:
        self.s.execute(delete(MailboxMessageRow).where(MailboxMessageRow.expires_at < now))

    def add(self, message: Message) -> None:
        self.s.add(MailboxMessageRow(**message.__dict__))
        self.s.flush()

    def get(self, message_id: str) -> Message | None:
        row = self.s.get(MailboxMessageRow, message_id)
        return None if row is None else _message(row)

    def remove(self, message_id: str) -> None:
        self.s.execute(delete(MailboxMessageRow).where(MailboxMessageRow.message_id == message_id))

    def count_to(self, key_id: str) -> int:
        query = select(func.count()).select_from(MailboxMessageRow).where(
            MailboxMessageRow.recipient_key == key_id)
        return int(self.s.scalar(query) or 0)

    def to_or_about(self, key_id: str) -> list[Message]:
        query = select(MailboxMessageRow).where(
            (MailboxMessageRow.recipient_key == key_id)
            | ((MailboxMessageRow.subject == key_id) & (MailboxMessageRow.kind == "grant"))
        ).order_by(MailboxMessageRow.created_at, MailboxMessageRow.message_id)
        return [_message(r) for r in self.s.scalars(query)]

    def put_backup(self, record: BackupRecord) -> None:
        row = self.s.scalars(select(KeyBackupStateRow).where(
            KeyBackupStateRow.key_id == record.key_id,
            KeyBackupStateRow.holder_key == record.holder_key)).first()
        if row is None:
            self.s.add(KeyBackupStateRow(**record.__dict__))
        else:
            for name, value in record.__dict__.items():
                setattr(row, name, value)
        self.s.flush()

    def remove_backup(self, key_id: str, holder_key: str) -> None:
        self.s.execute(delete(KeyBackupStateRow).where(
            KeyBackupStateRow.key_id == key_id, KeyBackupStateRow.holder_key == holder_key))

    def backups_of(self, key_id: str) -> list[BackupRecord]:
        query = select(KeyBackupStateRow).where(KeyBackupStateRow.key_id == key_id).order_by(
            KeyBackupStateRow.verified_at, KeyBackupStateRow.id)
        return [_backup(r) for r in self.s.scalars(query)]
