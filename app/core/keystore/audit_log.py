"""The audit log's rows in the keystore file (table ``audit_log``, Alembic revision 0002; the
countersigned heads in ``audit_heads``, revision 0007).

Rows are appended in the caller's transaction, so an event and the change it records commit
together; ``BEGIN IMMEDIATE`` serialises writers. The chain, the anchored head and the
countersigned heads are :mod:`app.core.audit`'s rules; this module stores what they compute
(the anchor in meta).

An unlocked append first checks the anchor it replaces. If that anchor is missing (once the log
had one), forged, or no longer matches the log, the append writes an ``audit.tampering_found``
entry saying so before its own: otherwise the next unlocked append would re-anchor a cut or
rewritten log and erase the trace. Verification reports such an entry as tampering.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..audit import (
    Anchor,
    BadAnchor,
    CountersignedHead,
    Entry,
    Report,
    check_anchor,
    check_countersigned,
    make_anchor,
    next_entry,
    read_anchor,
    verify_chain,
)
from .errors import KeystoreError
from .models import AuditHeadRow, AuditRow
from .session import Unlocked
from .storage import META_STORE_ID, Storage

META_ANCHOR = "audit_anchor"
#: The only event appended without the password (a wrong one was given). Any other entry was
#: written unlocked, and so anchored: from it on, the log must have an anchor.
LOCKED_EVENTS = ("unlock.failed",)
TAMPERING_FOUND = "audit.tampering_found"
#: Appended with a session of a *new* master key (app.core.keystore.password): the anchor it
#: replaces was made under the old one, which is gone, so only its consistency is checked.
REKEY_EVENTS = ("password.changed",)


def _entry(row: AuditRow) -> Entry:
    return Entry(row.seq, row.at, row.event, row.details, row.prev_hash, row.hash)


def _head(row: AuditHeadRow) -> CountersignedHead:
    return CountersignedHead(row.store, row.seq, row.head, row.counter, row.at, row.signature)


class AuditLog:
    def __init__(self, storage: Storage) -> None:
        self._storage = storage

    def append(
        self, s: Session, unlocked: Unlocked | None, event: str, /, **details: object
    ) -> Entry:
        """Add one entry in ``s``; with ``unlocked`` also move the anchor to it."""
        last = self._last(s)
        if unlocked is None:
            return self._add(s, last, event, details)
        key, store = unlocked.audit_key(), self._store_id(s)
        prior, problem = self._prior_anchor(s, None if event in REKEY_EVENTS else key, store, last)
        if problem is not None:
            last = self._add(s, last, TAMPERING_FOUND, {"reason": problem})
        entry = self._add(s, last, event, details)
        if prior is None:  # never anchored (an old file), or its anchor removed
            since = last.seq if problem is not None and last is not None else entry.seq
        else:  # a version-1 anchor did not say: anchored at least since its head
            since = prior.since if prior.version == 2 else prior.seq
        counter = prior.counter + 1 if prior is not None else 1
        countersigned = prior.countersigned if prior is not None else 0
        self._storage.set_meta(s, META_ANCHOR, make_anchor(
            key, entry, store=store, counter=counter, since=since, countersigned=countersigned))
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
            if report.ok:
                report = _tampering_recorded(rows, report)
            if unlocked is None or not report.ok:
                return report
            anchor = self._storage.get_meta(s, META_ANCHOR)
            key, store = unlocked.audit_key(), self._store_id(s)
            report = check_anchor(key, anchor, rows, report, store=store, required_from=_required_from(s))
            if not report.ok:
                return report
            found = read_anchor(key, anchor, store=store) if anchor is not None else None
            return check_countersigned(rows, self._heads(s), found, report)

    # countersigned heads ---------------------------------------------------------------------

    def head_to_countersign(self, unlocked: Unlocked) -> Anchor:
        """The anchored head, once the whole log verified with the password (a tampered log is
        not sent to be countersigned). A log never anchored gets an ``audit.anchored`` entry."""
        report = self.verify(unlocked)
        if not report.ok:
            raise KeystoreError("The audit log does not verify, so its head is not sent to be "
                                "countersigned: {reason}", reason=report.reason)
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            anchor = self._storage.get_meta(s, META_ANCHOR)
            if anchor is None:
                self.append(s, unlocked, "audit.anchored")
                anchor = self._storage.get_meta(s, META_ANCHOR)
            return read_anchor(unlocked.audit_key(), anchor, store=self._store_id(s))

    def record_countersigned(self, unlocked: Unlocked, head: CountersignedHead) -> None:
        """Keep a head the service countersigned (its signature checked by the caller), and
        record its seq under the anchor's MAC, so that removing the record is seen."""
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            key, store = unlocked.audit_key(), self._store_id(s)
            raw = self._storage.get_meta(s, META_ANCHOR)
            if raw is None:
                raise KeystoreError("The audit log has no anchor to bind a countersigned head to")
            anchor = read_anchor(key, raw, store=store)
            row = s.get(AuditRow, head.seq)
            if row is None or row.hash != head.head:
                raise KeystoreError("The countersigned head {seq} is not a head of this audit log",
                                    seq=head.seq)
            s.merge(AuditHeadRow(seq=head.seq, head=head.head, counter=head.counter,
                                 store=head.store, at=head.at, signature=head.signature))
            tip = self._last(s)
            assert tip is not None  # the row above exists
            since = anchor.since or anchor.seq
            self._storage.set_meta(s, META_ANCHOR, make_anchor(
                key, tip, store=store, counter=anchor.counter + 1, since=since,
                countersigned=max(anchor.countersigned, head.seq)))

    def countersigned_heads(self) -> list[CountersignedHead]:
        with self._storage.transaction() as s:
            return self._heads(s)

    # rows ------------------------------------------------------------------------------------

    def _add(self, s: Session, last: Entry | None, event: str, details: dict) -> Entry:
        entry = next_entry(last, at=self._storage.clock(), event=event, details=details)
        s.add(AuditRow(
            seq=entry.seq, at=entry.at, event=entry.event, details=entry.details,
            prev_hash=entry.prev_hash, hash=entry.hash,
        ))
        s.flush()
        return entry

    @staticmethod
    def _last(s: Session) -> Entry | None:
        row = s.scalars(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1)).first()
        return None if row is None else _entry(row)

    def _prior_anchor(
        self, s: Session, key: bytes | None, store: str, last: Entry | None
    ) -> tuple[Anchor | None, str | None]:
        """The anchor this append replaces, and what is wrong with it (None: nothing).

        Checks the anchor against the head it names, not the whole chain (an append stays
        cheap); verification checks everything."""
        raw = self._storage.get_meta(s, META_ANCHOR)
        if raw is None:
            required = _required_from(s)
            if required is None:
                return None, None
            return None, f"the audit anchor was removed (entry {required} was written with the password)"
        try:
            anchor = read_anchor(key, raw, store=store)
        except BadAnchor as exc:
            return None, str(exc)
        row, length = s.get(AuditRow, anchor.seq), 0 if last is None else last.seq
        if row is None or anchor.seq > length:
            return anchor, f"entries {min(length, anchor.seq) + 1} to {anchor.seq} were removed"
        if row.hash != anchor.head:
            return anchor, f"the log was rewritten up to entry {anchor.seq} (recomputed chain)"
        return anchor, None

    def _store_id(self, s: Session) -> str:
        """The keystore's id (made now in a file that has none yet), read in ``s``."""
        raw = self._storage.get_meta(s, META_STORE_ID)
        if raw is None:
            raw = uuid.uuid4().hex.encode("ascii")
            self._storage.set_meta(s, META_STORE_ID, raw)
        return raw.decode("ascii", "replace")

    @staticmethod
    def _heads(s: Session) -> list[CountersignedHead]:
        return [_head(row) for row in s.scalars(select(AuditHeadRow).order_by(AuditHeadRow.seq))]

    @staticmethod
    def _entries(s: Session, *, since: int = 0, limit: int | None = None) -> list[Entry]:
        query = select(AuditRow).where(AuditRow.seq > since).order_by(AuditRow.seq).limit(limit)
        return [_entry(row) for row in s.scalars(query)]


def _required_from(s: Session) -> int | None:
    """The first entry written with the password (from it on the log must be anchored)."""
    return s.scalar(select(func.min(AuditRow.seq)).where(AuditRow.event.not_in(LOCKED_EVENTS)))


def _tampering_recorded(rows: list[Entry], chained: Report) -> Report:
    for entry in rows:
        if entry.event == TAMPERING_FOUND:
            reason = entry.details_dict().get("reason", "")
            return Report(False, chained.count, entry.seq,
                          f"entry {entry.seq} records tampering found when it was written: {reason}")
    return chained


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
