"""The audit log's table, appending, and verification against the anchored head.

The log lives in the keystore file (table ``audit_log``, Alembic revision 0002) so that an event
and the change it records commit in one transaction. The chain alone catches edits, deletions,
reordering and insertions that are not recomputed; someone who rewrites the file can recompute an
unkeyed chain, and can cut its tail. So every append made with an unlocked keystore also stores
an *anchor* in ``meta`` — the head's seq and hash under HMAC-SM3 with a key derived from the
master key. Verifying with the password then also catches a rewritten chain and a cut tail, up to
the last anchored entry. Entries appended while locked (failed unlocks) are chained but not
anchored until the next unlocked append.
"""

from __future__ import annotations

import struct
from datetime import datetime

from sqlalchemy import LargeBinary, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..gm import hmac_sm3, hmac_sm3_verify
from ..keystore.db import Base, UTCDateTime
from ..keystore.models import Meta
from ..keystore.session import Unlocked
from .chain import GENESIS, Entry, Report, canonical_details, entry_hash, verify_chain

META_ANCHOR = "audit_anchor"
_ANCHOR = struct.Struct(">Q32s32s")


class AuditRow(Base):
    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    event: Mapped[str] = mapped_column(String(64), nullable=False)
    details: Mapped[str] = mapped_column(Text, nullable=False)
    prev_hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)

    def entry(self) -> Entry:
        return Entry(self.seq, self.at, self.event, self.details, self.prev_hash, self.hash)


def append(s: Session, event: str, details: dict, *, at: datetime, unlocked: Unlocked | None = None) -> Entry:
    """Add one entry in the caller's transaction (``BEGIN IMMEDIATE`` serialises writers)."""
    text = canonical_details(details)
    last = s.scalars(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1)).first()
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
    row = AuditRow(seq=seq, at=at, event=event, details=text, prev_hash=prev, hash=entry_hash(at, event, text, prev))
    s.add(row)
    if unlocked is not None:
        _set_anchor(s, unlocked, seq, row.hash)
    return row.entry()


def entries(s: Session, *, since: int = 0, limit: int | None = None) -> list[Entry]:
    query = select(AuditRow).where(AuditRow.seq > since).order_by(AuditRow.seq).limit(limit)
    return [row.entry() for row in s.scalars(query)]


def verify(s: Session, unlocked: Unlocked | None = None) -> Report:
    rows = entries(s)
    report = verify_chain(rows)
    if unlocked is None or not report.ok:
        return report
    return _check_anchor(s, unlocked, rows, report)


def _anchor_message(seq: int, head: bytes) -> bytes:
    return b"EBidDesk audit anchor v1\0" + struct.pack(">Q", seq) + head


def _anchor_mac(unlocked: Unlocked, seq: int, head: bytes) -> bytes:
    return hmac_sm3(unlocked.audit_key(), _anchor_message(seq, head))


def _set_anchor(s: Session, unlocked: Unlocked, seq: int, head: bytes) -> None:
    s.merge(Meta(key=META_ANCHOR, value=_ANCHOR.pack(seq, head, _anchor_mac(unlocked, seq, head))))


def _check_anchor(s: Session, unlocked: Unlocked, rows: list[Entry], report: Report) -> Report:
    anchor = s.get(Meta, META_ANCHOR)
    if anchor is None:
        # Only a store upgraded from revision 0001 and never unlocked since lacks one.
        return Report(True, report.count, reason="no anchor yet: the tail is not protected", anchor_checked=False)
    if len(anchor.value) != _ANCHOR.size:
        return Report(False, report.count, 1, "the audit anchor is damaged", anchor_checked=True)
    seq, head, mac = _ANCHOR.unpack(anchor.value)
    if not hmac_sm3_verify(unlocked.audit_key(), _anchor_message(seq, head), mac):
        return Report(False, report.count, 1, "the audit anchor was forged or replaced", anchor_checked=True)
    if seq > len(rows):
        return Report(False, report.count, len(rows) + 1, f"entries {len(rows) + 1} to {seq} were removed", anchor_checked=True)
    if rows[seq - 1].hash != head:
        return Report(False, report.count, 1, f"the log was rewritten up to entry {seq} (recomputed chain)", anchor_checked=True)
    return Report(True, report.count, anchor_checked=True)

