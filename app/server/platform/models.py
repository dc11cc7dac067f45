"""ORM classes of the e-bidding platform's tables (made by ``migrations/versions/0001_initial.py``;
keep the two in step): projects, bid submissions with their receipts, encryption keys."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, UTCDateTime


class ProjectRow(Base):
    __tablename__ = "projects"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    tenderee: Mapped[str] = mapped_column(Text)
    sections: Mapped[str] = mapped_column(Text)  # JSON list of section codes
    bid_deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    opening_time: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SubmissionRow(Base):
    __tablename__ = "submissions"
    submission_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    project_code: Mapped[str] = mapped_column(String(64), ForeignKey("projects.code"))
    section: Mapped[str] = mapped_column(String(64))
    credit_code: Mapped[str] = mapped_column(String(18))
    serial: Mapped[str] = mapped_column(String(40))
    person_id: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    sm3: Mapped[str] = mapped_column(String(64))
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    receipt: Mapped[str] = mapped_column(Text)  # the canonical JSON the platform signed
    receipt_signature: Mapped[bytes] = mapped_column(LargeBinary)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # the encrypt task the bid was uploaded for (migration 0006; None from the app's bid page)
    task_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)


class EncryptionKeyRow(Base):
    __tablename__ = "encryption_keys"
    key_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18))
    person_id: Mapped[str] = mapped_column(String(40))
    serial: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(Text)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
