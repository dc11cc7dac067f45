"""ORM class of the QR tasks table (made by ``migrations/versions/0003_tasks.py``; keep the two
in step). The secret and the poll token are stored only as their SM3."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ...db import Base, UTCDateTime

STATES = ("waiting", "scanned", "confirmed", "cancelled", "expired")
OPEN_STATES = ("waiting", "scanned")


class TaskRow(Base):
    __tablename__ = "platform_tasks"
    task_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    task_type: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    secret_sm3: Mapped[str] = mapped_column(String(64))
    poll_sm3: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)  # the canonical JSON the platform signed
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    requester_address: Mapped[str] = mapped_column(Text)
    requester_agent: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    scanned_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    serial: Mapped[str | None] = mapped_column(String(40), nullable=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), nullable=True)
    enterprise_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    person_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    person_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    role: Mapped[str | None] = mapped_column(String(40), nullable=True)
    response: Mapped[str | None] = mapped_column(Text, nullable=True)  # the holder's signed response
    response_signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # what the task achieved, canonical JSON (0006; a decrypt task: the plaintext's SM3, or why not)
    outcome: Mapped[str | None] = mapped_column(Text, nullable=True)
