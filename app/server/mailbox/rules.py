"""The mailbox's rules (docs/protocols/key-backup.md §4), over one transaction.

The relay checks what it can without a key: the sender is the authenticated licence and signed
the frame; sender and recipient are of one enterprise; the recipient key is registered and the
frame is sealed to it; the times and sizes are in bounds; a veto comes from the owner of the key
a pending grant is about, and in time. Only the addressed key's holder (same person, same
enterprise) lists, fetches and deletes a message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from ...core import gm
from ...core.errors import EbidError
from ...core.keybackup import frame as fr
from ...core.licence import Authority, Status
from ...core.pki import Certificate, parse_licence
from ..errors import ApiError
from ..platform.repository import EncryptionKey
from .repository import BackupRecord, Message, SqlMailboxRepository

if TYPE_CHECKING:
    from ..auth import Holder

MAX_PENDING_PER_KEY = 100


def _serial(who: Holder) -> str:
    return format(who.serial, "x")


class Mailbox:
    def __init__(self, repo: SqlMailboxRepository, authority: Authority,
                 clock: Callable[[], datetime]) -> None:
        self.repo = repo
        self.authority = authority
        self.now = clock

    # keys ------------------------------------------------------------------------------------

    def _key(self, key_id: str) -> EncryptionKey:
        found = self.repo.key(key_id)
        if found is None:
            raise ApiError("unknown_key_record", "No registered key {id}", id=key_id)
        return found

    def own_key(self, who: Holder, key_id: str) -> EncryptionKey:
        """A key registered by this person for this enterprise (any of their devices)."""
        found = self._key(key_id)
        if found.person_id != who.person_id or found.credit_code != who.credit_code:
            raise ApiError("not_your_key", "The key {id} is not one of your registered keys", id=key_id)
        return found

    def _licence_status(self, serial: str) -> tuple[Status, str, str]:
        """(status now, holder name, role) of the licence ``serial`` (hex)."""
        try:
            issued = self.authority.licence(int(serial, 16))
        except (EbidError, ValueError):
            return Status.REVOKED, "?", "?"
        terms = parse_licence(Certificate.load(issued.certificate_der)).terms
        return issued.status(self.now()), terms.holder_name, terms.role.value

    def _record(self, who: Holder, key: EncryptionKey) -> object:
        from ...core.wire import KeyRecord

        _, name, role = self._licence_status(key.serial)
        public = gm.SM2PublicKey.from_bytes(key.public_key)
        return KeyRecord(
            record_id=key.key_id, holder_name=name, role=role, person_id=key.person_id,
            serial=key.serial, label=key.label, same_person=key.person_id == who.person_id,
            public_key=gm.public_key_to_der(public), key_sm3=fr.key_sm3(public),
        )

    def candidates(self, who: Holder, key_id: str):
        """可备份密钥记录 for ``key_id``: the enterprise's other registered keys whose holder's
        licence is live now, and the live holders who have no key yet."""
        from ...core.wire import Candidates, HolderWithoutKey
        from ..platform.repository import SqlPlatformRepository

        subject = self.own_key(who, key_id)
        keys = SqlPlatformRepository(self.repo.s).keys_of(who.credit_code)
        records, with_key = [], set()
        for key in keys:
            status, _, _ = self._licence_status(key.serial)
            if status is not Status.ACTIVE:
                continue
            with_key.add(key.person_id)
            if key.key_id != subject.key_id and key.public_key != subject.public_key:
                records.append(self._record(who, key))
        without, listed = [], set()
        for licence in self.authority.licences(who.credit_code):
            if (licence.person_id in with_key or licence.person_id in listed
                    or licence.status(self.now()) is not Status.ACTIVE):
                continue
            listed.add(licence.person_id)
            terms = parse_licence(Certificate.load(licence.certificate_der)).terms
            without.append(HolderWithoutKey(person_id=licence.person_id, name=terms.holder_name,
                                            role=terms.role.value))
        return Candidates(records=tuple(records), without_key=tuple(without))

    def record(self, who: Holder, record_id: str):
        """One key a backup may be sent to, or the reason it may not."""
        found = self.repo.key(record_id)
        if found is None:
            for licence in self.authority.licences(who.credit_code):
                if licence.person_id == record_id and licence.status(self.now()) is Status.ACTIVE:
                    name = parse_licence(Certificate.load(licence.certificate_der)).terms.holder_name
                    raise ApiError(
                        "no_registered_key",
                        "{name} has not applied for a key on their device: ask them to apply for "
                        "a key (申请密钥) first; then they are listed as a backup holder", name=name)
            raise ApiError("unknown_key_record", "No registered key {id}", id=record_id)
        if found.credit_code != who.credit_code:
            raise ApiError(
                "other_enterprise",
                "The key {id} belongs to another enterprise: a key is backed up only to holders "
                "of the same enterprise's licence", id=record_id)
        status, name, _ = self._licence_status(found.serial)
        if status is not Status.ACTIVE:
            raise ApiError("holder_licence_not_live",
                           "The licence {name} registered the key {id} with is {status}: it cannot "
                           "receive a backup", name=name, id=record_id, status=status.value)
        return self._record(who, found)

    # messages --------------------------------------------------------------------------------

    def post(self, who: Holder, raw: bytes) -> Message:
        now = self.now()
        frame = fr.parse(raw)
        header = frame.header
        if header.sender_serial != _serial(who) or header.sender_certificate != who.certificate.der:
            raise ApiError("sender_mismatch", "The message names another sender than the licence that sent it")
        frame.verify_signature()
        fr.check_times(header, now)
        if header.enterprise != who.credit_code:
            raise ApiError("sender_mismatch", "The message names another enterprise than its sender's")
        recipient = self.record(who, header.to_key)  # same enterprise, registered, live
        if recipient.key_sm3 != header.to_key_sm3:
            raise ApiError("wrong_recipient_key", "The message is not sealed to the key {id}", id=header.to_key)
        if self.repo.get(header.message_id) is not None:
            raise ApiError("message_exists", "The message {id} was already posted", id=header.message_id)
        self.repo.purge(now)
        if self.repo.count_to(header.to_key) >= MAX_PENDING_PER_KEY:
            raise ApiError("mailbox_full", "The mailbox of {id} holds {n} messages: it must fetch some first",
                           id=header.to_key, n=MAX_PENDING_PER_KEY)
        if header.kind is fr.Kind.VETO:
            self._veto(who, header, now)
        elif header.kind is fr.Kind.WITHDRAWAL:
            self._withdrawal(who, header)
        message = Message(
            message_id=header.message_id, kind=header.kind.label, credit_code=who.credit_code,
            sender_serial=header.sender_serial, sender_person_id=who.person_id,
            sender_name=who.terms.holder_name, recipient_key=header.to_key, subject=header.subject,
            reply_to=header.reply_to, size=len(raw), frame=raw, created_at=header.created,
            expires_at=header.expires, deliver_after=header.not_before, received_at=now,
        )
        self.repo.add(message)
        return message

    def _veto(self, who: Holder, header: fr.Header, now: datetime) -> None:
        grant = self.repo.get(header.reply_to)
        if grant is None or grant.kind != "grant":
            raise ApiError("unknown_grant", "No pending recovery grant {id}", id=header.reply_to)
        subject = self._key(grant.subject)
        if subject.person_id != who.person_id or subject.credit_code != who.credit_code:
            raise ApiError("not_your_key", "The key {id} is not one of your registered keys", id=grant.subject)
        if grant.deliver_after <= now:
            raise ApiError("veto_too_late", "The recovery grant {id} took effect at {at}: too late to veto",
                           id=grant.message_id, at=grant.deliver_after)
        self.repo.remove(grant.message_id)  # the grant is never delivered

    def _withdrawal(self, who: Holder, header: fr.Header) -> None:
        """The owner takes a backup back: the holder's key no longer counts as a backup of the
        subject, and a package not fetched yet is never delivered. The withdrawal itself is
        relayed, so that the holder's device deletes a copy it already verified."""
        self.own_key(who, header.subject)
        self.repo.remove_backup(header.subject, header.to_key)
        package = self.repo.get(header.reply_to)
        if package is not None and package.kind == "backup" and package.sender_person_id == who.person_id \
                and package.subject == header.subject and package.recipient_key == header.to_key:
            self.repo.remove(package.message_id)

    def inbox(self, who: Holder, key_id: str) -> list[tuple[Message, bool]]:
        """(message, addressed): deliverable messages to ``key_id``, and pending grants about it."""
        self.own_key(who, key_id)
        now = self.now()
        self.repo.purge(now)
        found = []
        for m in self.repo.to_or_about(key_id):
            if m.recipient_key == key_id and m.deliver_after <= now:
                found.append((m, True))
            elif m.subject == key_id and m.kind == "grant" and m.deliver_after > now:
                found.append((m, False))
        return found

    def message(self, who: Holder, message_id: str) -> tuple[Message, bool]:
        found, now = self.repo.get(message_id), self.now()
        if found is not None and found.expires_at >= now:
            if self._mine(who, found.recipient_key) and found.deliver_after <= now:
                return found, True
            if found.kind == "grant" and self._mine(who, found.subject) and found.deliver_after > now:
                return found, False
        raise ApiError("unknown_message", "No message {id} for you", id=message_id)

    def _mine(self, who: Holder, key_id: str) -> bool:
        key = self.repo.key(key_id)
        return key is not None and key.person_id == who.person_id and key.credit_code == who.credit_code

    def delete(self, who: Holder, message_id: str) -> None:
        found = self.repo.get(message_id)
        if found is None or not self._mine(who, found.recipient_key):
            raise ApiError("unknown_message", "No message {id} for you", id=message_id)
        self.repo.remove(message_id)

    # backup state ----------------------------------------------------------------------------

    def record_backup(self, who: Holder, key_id: str, holder_key: str, package_id: str,
                      proof: bytes) -> BackupRecord:
        """The holder's signed word that their copy of ``key_id`` works, with the key's proof."""
        self.own_key(who, holder_key)
        subject = self._key(key_id)
        if subject.credit_code != who.credit_code:
            raise ApiError("other_enterprise",
                           "The key {id} belongs to another enterprise: a key is backed up only to "
                           "holders of the same enterprise's licence", id=key_id)
        public = gm.SM2PublicKey.from_bytes(subject.public_key)
        if not fr.verify_proof(public, proof, package_id, key_id, _serial(who)):
            raise ApiError("bad_backup_proof", "The proof does not verify with the registered key {id}", id=key_id)
        record = BackupRecord(
            key_id=key_id, holder_key=holder_key, holder_serial=_serial(who),
            holder_person_id=who.person_id, holder_name=who.terms.holder_name,
            holder_role=who.role.value, package_id=package_id, verified_at=self.now(),
        )
        self.repo.put_backup(record)
        return record

    def backups(self, who: Holder, key_id: str) -> list[tuple[BackupRecord, Status]]:
        subject = self._key(key_id)
        if subject.credit_code != who.credit_code:
            raise ApiError("not_your_key", "The key {id} is not one of your registered keys", id=key_id)
        return [(b, self._licence_status(b.holder_serial)[0]) for b in self.repo.backups_of(key_id)]
