"""ORM classes of the mailbox's tables (made by ``migrations/versions/0007_key_mailbox.py``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, UTCDateTime


class MailboxMessageRow(Base):
    __tablename__ = "mailbox_messages"
    message_id: Mapped[str] = mapped_column(String(34), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    credit_code: Mapped[str] = mapped_column(String(18))
    sender_serial: Mapped[str] = mapped_column(String(40))
    sender_person_id: Mapped[str] = mapped_column(String(40))
    sender_name: Mapped[str] = mapped_column(Text)
    recipient_key: Mapped[str] = mapped_column(String(40), index=True)
    subject: Mapped[str] = mapped_column(String(40), index=True)
    reply_to: Mapped[str] = mapped_column(String(34))
    size: Mapped[int] = mapped_column(Integer)
    frame: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    deliver_after: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class KeyBackupStateRow(Base):
    """A verified backup in the key registry: ``holder_key`` holds a copy of ``key_id``."""

    __tablename__ = "key_backup_states"
    __table_args__ = (UniqueConstraint("key_id", "holder_key", name="uq_key_backup_holder"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_id: Mapped[str] = mapped_column(String(40), index=True)
    holder_key: Mapped[str] = mapped_column(String(40))
    holder_serial: Mapped[str] = mapped_column(String(40))
    holder_person_id: Mapped[str] = mapped_column(String(40))
    holder_name: Mapped[str] = mapped_column(Text)
    holder_role: Mapped[str] = mapped_column(String(32))
    package_id: Mapped[str] = mapped_column(String(34))
    verified_at: Mapped[datetime] = mapped_column(UTCDateTime)
