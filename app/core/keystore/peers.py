"""Peer cards in the keystore (revision 0006; docs/protocols/key-backup.md §2.2): authority roots
pinned for the offline transport, each with the freshest revocation list seen, and other
devices' key records as their cards stated them. The checks are the caller's
(:mod:`app.core.keybackup.directory`); an import is one transaction with its audit entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from .audit_log import AuditLog
from .models import PeerCard, PeerRoot
from .session import Unlocked
from .storage import Storage


@dataclass(frozen=True)
class PinnedRoot:
    fingerprint: str
    certificate: bytes
    subject: str
    pinned_by: str  # fingerprint (confirmed out of band) / service (the device's own)
    pinned_at: datetime
    crl: bytes
    crl_number: int
    crl_next_update: datetime | None


@dataclass(frozen=True)
class StoredCard:
    record_id: str
    key_sm3: str
    public_key: bytes
    holder_name: str
    role: str
    person_id: str
    serial: str
    label: str
    enterprise_code: str
    root_fingerprint: str
    card: bytes
    created: datetime
    expires: datetime
    imported_at: datetime


def _root(row: PeerRoot) -> PinnedRoot:
    return PinnedRoot(**{n: getattr(row, n) for n in PinnedRoot.__dataclass_fields__})


def _card(row: PeerCard) -> StoredCard:
    return StoredCard(**{n: getattr(row, n) for n in StoredCard.__dataclass_fields__})


class PeerCards:
    def __init__(self, storage: Storage, audit: AuditLog) -> None:
        self._storage = storage
        self._audit = audit

    def roots(self) -> list[PinnedRoot]:
        with self._storage.transaction() as s:
            return [_root(r) for r in s.scalars(select(PeerRoot).order_by(PeerRoot.pinned_at))]

    def card(self, record_id: str) -> StoredCard | None:
        with self._storage.transaction() as s:
            row = s.get(PeerCard, record_id)
            return _card(row) if row is not None else None

    def cards(self) -> list[StoredCard]:
        with self._storage.transaction() as s:
            return [_card(r) for r in s.scalars(select(PeerCard).order_by(PeerCard.imported_at))]

    def store(self, unlocked: Unlocked, *, root: PinnedRoot, card: StoredCard, via: str) -> str:
        """Pin the root (keeping its freshest revocation list) and keep the card unless a newer
        one of the same key is kept already: one transaction, audited. What happened: ``new``,
        ``refreshed`` or ``kept`` (an older or the same card)."""
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            pinned = s.get(PeerRoot, root.fingerprint)
            if pinned is None:
                s.add(PeerRoot(**root.__dict__))
            elif root.crl_number > pinned.crl_number:
                pinned.crl, pinned.crl_number = root.crl, root.crl_number
                pinned.crl_next_update = root.crl_next_update
            row = s.get(PeerCard, card.record_id)
            if row is None:
                s.add(PeerCard(**card.__dict__))
                outcome = "new"
            elif card.created > row.created:
                for name, value in card.__dict__.items():
                    setattr(row, name, value)
                outcome = "refreshed"
            else:
                outcome = "kept"
            self._audit.append(s, unlocked, "peer_card.imported", key=card.record_id, holder=card.person_id,
                               serial=card.serial, root=root.fingerprint, pinned_by=root.pinned_by,
                               via=via, outcome=outcome)
            return outcome
