"""ORM classes of the seal office's tables (made by ``migrations/versions/0002_seal_office.py``).

Each counterpart keeps its own models, so the seal office can change without touching the
rest; all share :class:`..db.Base`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, UTCDateTime


class ImprintRow(Base):
    """One uploaded imprint and what became of it (pending → approved / rejected / superseded)."""

    __tablename__ = "seal_imprints"
    imprint_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18))
    seal_type: Mapped[str] = mapped_column(String(40))  # catalogue code, e.g. "bidding"
    shape: Mapped[str] = mapped_column(String(16))
    width_mm: Mapped[int] = mapped_column(Integer)
    height_mm: Mapped[int] = mapped_column(Integer)
    png: Mapped[bytes] = mapped_column(LargeBinary)
    width_px: Mapped[int] = mapped_column(Integer)
    height_px: Mapped[int] = mapped_column(Integer)
    dpi: Mapped[float | None] = mapped_column(Float)  # from the PNG's pHYs chunk, if any
    precheck: Mapped[str] = mapped_column(Text)  # JSON: scores, ink, findings
    precheck_passed: Mapped[bool] = mapped_column(Boolean)
    terms_accepted: Mapped[bool] = mapped_column(Boolean)
    terms_version: Mapped[str] = mapped_column(String(40))
    uploaded_by_serial: Mapped[str] = mapped_column(String(40))
    uploaded_by_person: Mapped[str] = mapped_column(String(40))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    reviewed_by: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    superseded_by: Mapped[str | None] = mapped_column(String(40))
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class SealRow(Base):
    """An issued electronic seal; also the seal-making record (from which imprint, when, by whom)."""

    __tablename__ = "seals"
    seal_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    imprint_id: Mapped[str] = mapped_column(String(40), ForeignKey("seal_imprints.imprint_id"))
    credit_code: Mapped[str] = mapped_column(String(18))
    seal_type: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    der: Mapped[bytes] = mapped_column(LargeBinary)
    valid_start: Mapped[datetime] = mapped_column(UTCDateTime)
    valid_end: Mapped[datetime] = mapped_column(UTCDateTime)
    made_at: Mapped[datetime] = mapped_column(UTCDateTime)
    made_by: Mapped[str] = mapped_column(Text)  # the reviewer who approved the imprint


class SealAuthorisationRow(Base):
    """印章授权: one agent may use (and collect) one seal during a window."""

    __tablename__ = "seal_authorisations"
    authorisation_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    seal_id: Mapped[str] = mapped_column(String(64), ForeignKey("seals.seal_id"))
    credit_code: Mapped[str] = mapped_column(String(18))
    agent_person_id: Mapped[str] = mapped_column(String(40))
    granted_by: Mapped[str] = mapped_column(String(40))  # person_id of the grantor
    start_at: Mapped[datetime] = mapped_column(UTCDateTime)
    end_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReviewerTokenRow(Base):
    """A reviewer's access token for the review page; only its SM3 digest is stored."""

    __tablename__ = "reviewer_tokens"
    token_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    token_sm3: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReviewSessionRow(Base):
    """A signed-in review page session: the cookie's SM3 digest and the session's CSRF token."""

    __tablename__ = "review_sessions"
    session_sm3: Mapped[str] = mapped_column(String(64), primary_key=True)
    token_id: Mapped[str] = mapped_column(String(40), ForeignKey("reviewer_tokens.token_id"))
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
