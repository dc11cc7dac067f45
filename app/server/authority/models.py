"""ORM classes of the authority's tables (made by ``migrations/versions/0001_initial.py``; keep
the two in step): persons, enterprises, managers, agent authorisations, licences."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String, Text
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
