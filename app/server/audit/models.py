"""ORM class of the countersigned heads (made by ``migrations/versions/0008_audit_heads.py``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base, UTCDateTime


class AuditHeadRecord(Base):
    """The newest head countersigned for one keystore, and the holder it is bound to."""

    __tablename__ = "audit_heads"
    store: Mapped[str] = mapped_column(String(32), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(BigInteger)
    head: Mapped[str] = mapped_column(String(64))
    counter: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
