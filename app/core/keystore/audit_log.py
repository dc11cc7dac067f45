"""The audit log's rows in the keystore file (table ``audit_log``, Alembic revision 0002).

Rows are appended in the caller's transaction, so an event and the change it records commit
together; ``BEGIN IMMEDIATE`` serialises writers. The chain and the anchored head are
:mod:`app.core.audit`'s rules; this module stores what they compute (the anchor in meta).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select, text
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
            rows, unreadable = _readable_entries(s)
            report = verify_chain(rows)
            if report.ok and unreadable is not None:
                return Report(False, len(rows), unreadable,
                              f"entry {unreadable} was altered (it cannot even be read)")
            if unlocked is None or not report.ok:
                return report
            anchor = self._storage.get_meta(s, META_ANCHOR)
            return check_anchor(unlocked.audit_key(), anchor, rows, report)

    @staticmethod
    def _entries(s: Session, *, since: int = 0, limit: int | None = None) -> list[Entry]:
        query = select(AuditRow).where(AuditRow.seq > since).order_by(AuditRow.seq).limit(limit)
        return [_entry(row) for row in s.scalars(query)]


def _readable_entries(s: Session) -> tuple[list[Entry], int | None]:
    """The entries in order up to the first one that cannot be read, and that one's place.

    Read raw, not through the ORM: someone who edits the file can put text where a time
    belongs, and verification must say "altered", not fail the way a bug does."""
    entries: list[Entry] = []
    raw = s.execute(text("SELECT seq, at, event, details, prev_hash, hash FROM audit_log ORDER BY seq"))
    for place, (seq, at, event, details, prev_hash, hash_) in enumerate(raw, 1):
        try:
            entry = Entry(int(seq), datetime.fromisoformat(at).replace(tzinfo=UTC), event, details,
                          prev_hash, hash_)
            if not (isinstance(event, str) and isinstance(details, str)
                    and isinstance(prev_hash, bytes) and isinstance(hash_, bytes)):
                raise TypeError("column type")
        except (TypeError, ValueError):
            return entries, place
        entries.append(entry)
    return entries, None
