"""ORM classes for the tables made by ``migrations/versions`` (keep the two in step)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, UTCDateTime


class PersonRow(Base):
    __tablename__ = "persons"
    person_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    mobile: Mapped[str | None] = mapped_column(String(11))


class EnterpriseRow(Base):
    __tablename__ = "enterprises"
    credit_code: Mapped[str] = mapped_column(String(18), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    registration_place: Mapped[str] = mapped_column(Text)
    legal_rep_name: Mapped[str] = mapped_column(Text)
    legal_rep_id_number: Mapped[str] = mapped_column(String(18))
    legal_rep_mobile: Mapped[str | None] = mapped_column(String(11))


class ManagerRow(Base):
    __tablename__ = "managers"
    manager_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18))
    person_id: Mapped[str] = mapped_column(String(40))
    added_by: Mapped[str] = mapped_column(String(40))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuthorisationRow(Base):
    __tablename__ = "authorisations"
    authorisation_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18))
    agent_person_id: Mapped[str] = mapped_column(String(40))
    granted_by: Mapped[str] = mapped_column(String(40))
    mode: Mapped[str] = mapped_column(String(20))
    matters: Mapped[str] = mapped_column(Text)  # JSON list of matter codes
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LicenceRow(Base):
    __tablename__ = "licences"
    serial: Mapped[str] = mapped_column(String(40), primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18))
    person_id: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(32))
    grant_id: Mapped[str] = mapped_column(String(40))
    certificate: Mapped[bytes] = mapped_column(LargeBinary)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime)
    not_after: Mapped[datetime] = mapped_column(UTCDateTime)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revocation_reason: Mapped[str | None] = mapped_column(String(40))


class NonceRow(Base):
    __tablename__ = "nonces"
    nonce: Mapped[str] = mapped_column(String(200), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CounterRow(Base):
    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


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


class EncryptionKeyRow(Base):
    __tablename__ = "encryption_keys"
    key_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18))
    person_id: Mapped[str] = mapped_column(String(40))
    serial: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(Text)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
