"""ORM classes of the tables every counterpart shares (made by ``migrations/versions``; keep the
two in step): the nonces that make signed requests and licence requests single-use, and named
counters (the CRL number and its state)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from .db import Base, UTCDateTime


class NonceRow(Base):
    __tablename__ = "nonces"
    nonce: Mapped[str] = mapped_column(String(200), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CounterRow(Base):
    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


def claim_nonce(
    session: Session, key: str, expires_at: datetime, now: datetime, *, purge: bool = True
) -> bool:
    """Record ``key``; False if it is already there and unexpired (a replay).

    The primary key is the arbiter: ``INSERT … ON CONFLICT DO NOTHING`` inserts exactly once
    across concurrent transactions and workers (on PostgreSQL a second claimer waits for the
    first to commit or roll back), without the savepoint a failing plain INSERT would need.
    ``purge`` also deletes every expired nonce; callers may do that only now and then, because a
    key still present but expired is freed here on conflict, so the answer is exact either way.
    """
    if purge:
        session.execute(delete(NonceRow).where(NonceRow.expires_at < now))
    if _insert_nonce(session, key, expires_at):
        return True
    freed = session.execute(
        delete(NonceRow).where(NonceRow.nonce == key, NonceRow.expires_at < now)
    ).rowcount
    return bool(freed) and _insert_nonce(session, key, expires_at)


def dialect_insert(session: Session):
    """The INSERT construct with ``on_conflict_do_*`` for this session's database."""
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def _insert_nonce(session: Session, key: str, expires_at: datetime) -> bool:
    insert = dialect_insert(session)
    statement = (
        insert(NonceRow)
        .values(nonce=key, expires_at=expires_at)
        .on_conflict_do_nothing(index_elements=[NonceRow.nonce])
        .returning(NonceRow.nonce)  # a row back iff inserted (rowcount is -1 on psycopg here)
    )
    return session.execute(statement).first() is not None
