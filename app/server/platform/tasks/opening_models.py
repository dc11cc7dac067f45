"""ORM classes of the opening hall's decrypt tasks and the upload page's encrypt tasks (made by ``migrations/versions/0006_bid_tasks.py``;
keep the two in step). The opening private key is stored only sealed to the platform key, and
dropped (NULL) once the bid is decrypted."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ...db import Base, UTCDateTime


class OpeningTaskRow(Base):
    __tablename__ = "platform_opening_tasks"
    __table_args__ = (Index("ix_opening_tasks_enterprise", "credit_code", "project_code"),)
    task_id: Mapped[str] = mapped_column(String(40), ForeignKey("platform_tasks.task_id"), primary_key=True)
    submission_id: Mapped[str] = mapped_column(
        String(40), ForeignKey("submissions.submission_id"), index=True)
    project_code: Mapped[str] = mapped_column(String(64))
    credit_code: Mapped[str] = mapped_column(String(18))  # the enterprise whose page made it
    poll_token: Mapped[str] = mapped_column(String(64))  # never leaves the server
    opening_key_id: Mapped[str] = mapped_column(String(64))
    opening_key_sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    decrypted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    plaintext_sm3: Mapped[str | None] = mapped_column(String(64), nullable=True)
    plaintext_size: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    plaintext_path: Mapped[str | None] = mapped_column(Text, nullable=True)


class UploadTaskRow(Base):
    """An encrypt task the upload page made: for which project and section, by which enterprise's
    session, and the poll token its page uses (never leaves the server)."""

    __tablename__ = "platform_upload_tasks"
    __table_args__ = (Index("ix_upload_tasks_enterprise", "credit_code", "project_code"),)
    task_id: Mapped[str] = mapped_column(String(40), ForeignKey("platform_tasks.task_id"), primary_key=True)
    project_code: Mapped[str] = mapped_column(String(64))
    section: Mapped[str] = mapped_column(String(64))
    credit_code: Mapped[str] = mapped_column(String(18))
    poll_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
