"""The audit log's rows in the keystore file (table ``audit_log``, Alembic revision 0002).

Rows are appended in the caller's transaction, so an event and the change it records commit
together; ``BEGIN IMMEDIATE`` serialises writers. The chain and the anchored head are
:mod:`app.core.audit`'s rules; this module stores what they compute (the anchor in meta).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..audit import Entry, Report, check_anchor, make_anchor, next_entry, verify_chain
from .models import AuditRow
from .session import Unlocked
from .storage import Storage

META_ANCHOR = "audit_anchor"


def _entry(row: AuditRow) -> Entry:
    return Entry(row.seq, row.at, row.event, row.details, row.prev_hash, row.hash)


class AuditLog:
    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    def append(
        self, s: Session, unlocked: Unlocked | None, event: str, /, **details: object
    ) -> Entry:
        """Add one entry in ``s``; with ``unlocked`` also move the anchor to it."""
        last = s.scalars(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1)).first()
        entry = next_entry(
            None if last is None else _entry(last), at=self._storage.clock(), event=event,
            details=details,
        )
        s.add(AuditRow(
            seq=entry.seq, at=entry.at, event=entry.event, details=entry.details,
            prev_hash=entry.prev_hash, hash=entry.hash,
        ))
        if unlocked is not None:
            self._storage.set_meta(s, META_ANCHOR, make_anchor(unlocked.audit_key(), entry))
        return entry

    def log_event(
        self, event: str, unlocked: Unlocked | None = None, /, **details: object
    ) -> Entry:
        with self._storage.transaction() as s:
            if unlocked is not None:
                self._storage.check_session(s, unlocked)
            return self.append(s, unlocked, event, **details)

    def entries(self, *, since: int = 0, limit: int | None = None) -> list[Entry]:
        with self._storage.transaction() as s:
            return self._entries(s, since=since, limit=limit)

    def verify(self, unlocked: Unlocked | None = None) -> Report:
        with self._storage.transaction() as s:
            if unlocked is not None:
                self._storage.check_session(s, unlocked)
            rows = self._entries(s)
            report = verify_chain(rows)
            if unlocked is None or not report.ok:
                return report
            anchor = self._storage.get_meta(s, META_ANCHOR)
            return check_anchor(unlocked.audit_key(), anchor, rows, report)

    @staticmethod
    def _entries(s: Session, *, since: int = 0, limit: int | None = None) -> list[Entry]:
        query = select(AuditRow).where(AuditRow.seq > since).order_by(AuditRow.seq).limit(limit)
        return [_entry(row) for row in s.scalars(query)]
