"""Key backup's records in the keystore (revision 0005; docs/protocols/key-backup.md §6): keys
held for other holders, the owner's sent backups, recovery requests, recovered keys and the ids
of messages already acted on. Each change is one transaction with its audit entry and, where a
message caused it, the message id remembered as seen: nothing is ever half done, and a retried
step either finds its work done or does it whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..errors import Refused
from ..gm import SM2PrivateKey, SM2PublicKey
from ..keybackup.frame import replayed
from .audit_log import AuditLog
from .key_rows import open_key, seal_key
from .models import EncryptionKey, HeldKey, KeyBackupRow, RecoveryRow, SeenMessage
from .session import Unlocked
from .storage import Storage


@dataclass(frozen=True)
class HeldKeyInfo:
    id: int
    registry_id: str
    key_sm3: str
    public_key: SM2PublicKey
    owner_name: str
    owner_person_id: str
    owner_masked_id: str
    owner_serial: str
    enterprise_code: str
    enterprise_name: str
    wait_hours: int
    package_id: str
    sealed_to: str
    held_since: datetime


@dataclass(frozen=True)
class SentBackup:
    id: int
    encryption_key_id: int
    holder_record: str
    holder_name: str
    package_id: str
    wait_hours: int
    state: str  # sent / verified / withdrawn
    sent_at: datetime
    verified_at: datetime | None


@dataclass(frozen=True)
class Recovery:
    id: int
    message_id: str
    direction: str  # sent / received
    subject: str
    peer_record: str
    new_key: str
    requester_name: str
    requester_masked_id: str
    state: str  # sent, received, granted, refused, vetoed, recovered
    grant_id: str | None
    not_before: datetime | None
    created_at: datetime
    updated_at: datetime


def _held(row: HeldKey) -> HeldKeyInfo:
    fields = {n: getattr(row, n) for n in HeldKeyInfo.__dataclass_fields__ if n != "public_key"}
    return HeldKeyInfo(public_key=SM2PublicKey.from_bytes(row.public_key), **fields)


def _sent(row: KeyBackupRow) -> SentBackup:
    return SentBackup(**{n: getattr(row, n) for n in SentBackup.__dataclass_fields__})


def _recovery(row: RecoveryRow) -> Recovery:
    return Recovery(**{n: getattr(row, n) for n in Recovery.__dataclass_fields__})


class KeyBackups:
    def __init__(self, storage: Storage, audit: AuditLog) -> None:
        self._storage = storage
        self._audit = audit

    # seen messages -----------------------------------------------------------------------------

    def _remember(self, s: Session, message_id: str, kind: str, expires: datetime) -> None:
        """Refuse a message id seen before (a replay); else remember it until it expires."""
        now = self._storage.clock()
        s.execute(delete(SeenMessage).where(SeenMessage.expires_at < now))
        if s.get(SeenMessage, message_id) is not None:
            raise replayed(message_id)
        s.add(SeenMessage(message_id=message_id, kind=kind, seen_at=now, expires_at=expires))

    def seen(self, message_id: str) -> bool:
        with self._storage.transaction() as s:
            return s.get(SeenMessage, message_id) is not None

    def mark_seen(self, unlocked: Unlocked, message_id: str, kind: str, expires: datetime,
                  event: str, **details: object) -> None:
        """A message handled with no other record (a refusal, a veto noted): seen and audited."""
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            self._remember(s, message_id, kind, expires)
            self._audit.append(s, unlocked, event, message=message_id, **details)

    # the owner's side --------------------------------------------------------------------------

    def record_sent(self, unlocked: Unlocked, *, encryption_key_id: int, holder_record: str,
                    holder_name: str, package_id: str, wait_hours: int) -> SentBackup:
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            self._storage.row(s, EncryptionKey, encryption_key_id, "encryption key")
            row = KeyBackupRow(
                encryption_key_id=encryption_key_id, holder_record=holder_record,
                holder_name=holder_name, package_id=package_id, wait_hours=wait_hours,
                state="sent", sent_at=self._storage.clock(),
            )
            s.add(row)
            s.flush()
            self._audit.append(s, unlocked, "key_backup.sent", key=encryption_key_id,
                               holder=holder_record, package=package_id, wait_hours=wait_hours)
            return _sent(row)

    def sent_backups(self, encryption_key_id: int | None = None) -> list[SentBackup]:
        with self._storage.transaction() as s:
            query = select(KeyBackupRow).order_by(KeyBackupRow.id)
            if encryption_key_id is not None:
                query = query.where(KeyBackupRow.encryption_key_id == encryption_key_id)
            return [_sent(r) for r in s.scalars(query)]

    def record_ack(self, unlocked: Unlocked, *, ack_id: str, expires: datetime,
                   package_id: str) -> SentBackup:
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            row = s.scalars(select(KeyBackupRow).where(KeyBackupRow.package_id == package_id)).first()
            if row is None:
                raise Refused("unknown_package", "This device sent no backup package {id}", id=package_id)
            self._remember(s, ack_id, "ack", expires)
            row.state, row.verified_at = "verified", self._storage.clock()
            self._audit.append(s, unlocked, "key_backup.verified", key=row.encryption_key_id,
                               holder=row.holder_record, package=package_id, message=ack_id)
            return _sent(row)

    def record_withdrawn(self, unlocked: Unlocked, *, package_id: str, withdrawal_id: str) -> SentBackup:
        """The owner took the backup ``package_id`` back: it no longer counts here."""
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            row = s.scalars(select(KeyBackupRow).where(KeyBackupRow.package_id == package_id)).first()
            if row is None:
                raise Refused("unknown_package", "This device sent no backup package {id}", id=package_id)
            row.state = "withdrawn"
            self._audit.append(s, unlocked, "key_backup.withdrawn", key=row.encryption_key_id,
                               holder=row.holder_record, package=package_id, message=withdrawal_id)
            return _sent(row)

    # the backup holder's side ------------------------------------------------------------------

    def store_held(self, unlocked: Unlocked, *, message_id: str, expires: datetime,
                   private_key: SM2PrivateKey, registry_id: str, key_sm3: str, owner_name: str,
                   owner_person_id: str, owner_masked_id: str, owner_serial: str,
                   enterprise_code: str, enterprise_name: str, wait_hours: int,
                   sealed_to: str) -> HeldKeyInfo:
        """The verified copy, the package id as seen and the audit entry, in one transaction."""
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            self._remember(s, message_id, "backup", expires)
            for old in s.scalars(select(HeldKey).where(HeldKey.registry_id == registry_id)):
                s.delete(old)  # a newer package of the same key replaces the older copy
            row = HeldKey(
                registry_id=registry_id, key_sm3=key_sm3,
                public_key=private_key.public_key().to_bytes(), private_key=b"",
                owner_name=owner_name, owner_person_id=owner_person_id,
                owner_masked_id=owner_masked_id, owner_serial=owner_serial,
                enterprise_code=enterprise_code, enterprise_name=enterprise_name,
                wait_hours=wait_hours, package_id=message_id, sealed_to=sealed_to,
                held_since=self._storage.clock(),
            )
            s.add(row)
            s.flush()
            seal_key(unlocked, row, private_key)
            self._audit.append(s, unlocked, "key_backup.held", id=row.id, key=registry_id,
                               owner=owner_person_id, enterprise_code=enterprise_code,
                               package=message_id)
            return _held(row)

    def drop_held(self, unlocked: Unlocked, held_id: int, *, withdrawal_id: str, expires: datetime) -> None:
        """The owner withdrew the backup: its copy deleted, the withdrawal seen, in one transaction."""
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            row = self._storage.row(s, HeldKey, held_id, "held key")
            self._remember(s, withdrawal_id, "withdrawal", expires)
            self._audit.append(s, unlocked, "key_backup.withdrawn_by_owner", id=held_id, key=row.registry_id,
                               owner=row.owner_person_id, package=row.package_id, message=withdrawal_id)
            s.delete(row)

    def held_keys(self) -> list[HeldKeyInfo]:
        with self._storage.transaction() as s:
            return [_held(r) for r in s.scalars(select(HeldKey).order_by(HeldKey.id))]

    def held_private_key(self, held_id: int, unlocked: Unlocked, *, purpose: str) -> SM2PrivateKey:
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            key = open_key(unlocked, self._storage.row(s, HeldKey, held_id, "held key"))
            self._audit.append(s, unlocked, "key.used", table="held_keys", id=held_id, purpose=purpose)
            return key

    # recovery ----------------------------------------------------------------------------------

    def record_recovery(self, unlocked: Unlocked, *, message_id: str, direction: str, subject: str,
                        peer_record: str, new_key: str, requester_name: str,
                        requester_masked_id: str, state: str, expires: datetime | None = None,
                        grant_id: str | None = None, not_before: datetime | None = None) -> Recovery:
        """A request sent from here, or one received and answered (its id then remembered as
        seen, so the same request is never answered twice)."""
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            if direction == "received":
                assert expires is not None
                self._remember(s, message_id, "request", expires)
            now = self._storage.clock()
            row = RecoveryRow(
                message_id=message_id, direction=direction, subject=subject,
                peer_record=peer_record, new_key=new_key, requester_name=requester_name,
                requester_masked_id=requester_masked_id, state=state, grant_id=grant_id,
                not_before=not_before, created_at=now, updated_at=now,
            )
            s.add(row)
            s.flush()
            self._audit.append(s, unlocked, f"key_recovery.{state}", key=subject, message=message_id,
                               peer=peer_record, new_key=new_key, grant=grant_id)
            return _recovery(row)

    def recoveries(self) -> list[Recovery]:
        with self._storage.transaction() as s:
            return [_recovery(r) for r in s.scalars(select(RecoveryRow).order_by(RecoveryRow.id))]

    def set_recovery_state(self, unlocked: Unlocked, message_id: str, state: str, *,
                           seen: tuple[str, str, datetime] | None = None) -> Recovery:
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            row = s.scalars(select(RecoveryRow).where(
                (RecoveryRow.message_id == message_id) | (RecoveryRow.grant_id == message_id))).first()
            if row is None:
                raise Refused("unknown_request", "No recovery request {id} on this device", id=message_id)
            if seen is not None:
                self._remember(s, *seen)
            row.state, row.updated_at = state, self._storage.clock()
            self._audit.append(s, unlocked, f"key_recovery.{state}", key=row.subject,
                               message=message_id)
            return _recovery(row)

    def store_recovered(self, unlocked: Unlocked, *, grant_id: str, expires: datetime,
                        request_id: str, private_key: SM2PrivateKey, registry_id: str,
                        licence_id: int | None, label: str) -> int:
        """The owner's key again on this new device (origin ``recovered``), the grant seen, the
        request marked recovered and audited: one transaction. The new encryption key's id."""
        with self._storage.transaction() as s:
            self._storage.check_session(s, unlocked)
            self._remember(s, grant_id, "grant", expires)
            request = s.scalars(select(RecoveryRow).where(RecoveryRow.message_id == request_id,
                                                          RecoveryRow.direction == "sent")).first()
            if request is None:
                raise Refused("unknown_request", "This device sent no recovery request {id}", id=request_id)
            row = EncryptionKey(
                licence_id=licence_id, label=label, public_key=private_key.public_key().to_bytes(),
                private_key=b"", certificate=None, registry_id=registry_id, origin="recovered",
            )
            s.add(row)
            s.flush()
            seal_key(unlocked, row, private_key)
            request.state, request.grant_id = "recovered", grant_id
            request.updated_at = self._storage.clock()
            self._audit.append(s, unlocked, "key_recovery.recovered", id=row.id, key=registry_id,
                               message=grant_id, request=request_id)
            return row.id
