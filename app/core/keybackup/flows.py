"""Each step of key backup and recovery on a device (docs/protocols/key-backup.md §3, §5): build,
seal, post, fetch, open and check every message, and record what it changed in the keystore.

Every function takes a :class:`Device`: the keystore and its unlocked session, and a holder
client signing with this device's licence. The desktop app's Keys page and ``ebid key`` both
call these; none of them locks the session.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from .. import gm
from ..client import HolderClient
from ..client.mailbox import MailboxClient
from ..errors import Refused
from ..keystore import EncryptionKeyInfo, Keystore, Unlocked
from ..keystore.key_backups import HeldKeyInfo
from ..pki import Certificate, LicenceTerms, parse_licence
from ..wire import KeyRecord, MessageMeta
from . import card as cards
from . import frame as fr
from .directory import Directory
from .frame import Frame, Header, Kind, MessageRefused, b64, unb64

MAX_WAIT_HOURS = 72

#: Where an offline step hands its answer: the bundled file's bytes (card + frame, §2.3).
ToFile = Callable[[bytes], object]


@dataclass
class Device:
    store: Keystore
    unlocked: Unlocked
    holder: HolderClient
    licence_id: int
    _terms: LicenceTerms | None = field(default=None, repr=False)

    @property
    def mailbox(self) -> MailboxClient:
        return MailboxClient(self.holder)

    @property
    def directory(self) -> Directory:
        """Roots, revocation lists and key records: this device's service, or pinned cards."""
        return Directory(self)

    def now(self) -> datetime:
        return fr.parse_time(fr.fmt_time(self.holder.service.clock()))

    @property
    def terms(self) -> LicenceTerms:
        if self._terms is None:
            self._terms = parse_licence(self.holder.certificate).terms
        return self._terms

    @property
    def serial(self) -> str:
        return format(self.holder.certificate.serial, "x")

    def header(self, kind: Kind, *, to: KeyRecord | tuple[str, str], subject: str, reply_to: str = "",
               not_before: datetime | None = None) -> Header:
        now = self.now()
        start = not_before or now
        to_key, to_sm3 = (to.record_id, to.key_sm3) if isinstance(to, KeyRecord) else to
        expires = (start + timedelta(hours=24)) if kind is Kind.GRANT else now + fr.LIFETIME[kind]
        return Header(
            fr.new_message_id(), kind, self.terms.credit_code, self.serial,
            self.holder.certificate.der, to_key, to_sm3, subject, reply_to, now, expires, start,
        )


@dataclass(frozen=True)
class InboxEntry:
    meta: MessageMeta
    header: Header
    status: str  # what this device did or can do with it
    refusal: Refused | None = field(default=None, compare=False)  # why an answer could not be taken


# ---------------------------------------------------------------------------------------------
# keys on this device


def own_key(store: Keystore, ref: str) -> EncryptionKeyInfo:
    """A key on this device (own or recovered) by registry id, local id or key id (hex prefix)."""
    ref = ref.strip()
    for key in store.list_encryption_keys():
        if ref in (key.registry_id, str(key.id)) or (len(ref) >= 8 and fr.key_sm3(key.public_key).startswith(ref.lower())):
            return key
    raise Refused("unknown_key", "No key {ref} on this device (see `ebid key list`)", ref=ref)


def _registered(key: EncryptionKeyInfo) -> str:
    if not key.registry_id:
        raise Refused("key_not_registered", "The key {id} is not in the key registry: apply for a key with `ebid key apply`",
                      id=key.id)
    return key.registry_id


def _my_key_for(device: Device, registry_id: str) -> tuple[EncryptionKeyInfo, gm.SM2PrivateKey]:
    for key in device.store.list_encryption_keys():
        if key.registry_id == registry_id:
            return key, device.store.encryption_private_key(
                key.id, device.unlocked, purpose="open key-backup message")
    raise MessageRefused("not_addressed_here", "The message is sealed to the key {id}, which this device does not hold",
                         id=registry_id)


def registered_key(device: Device, registry_id: str):
    """The key registry's record of ``registry_id`` in this enterprise (whatever its holder's
    licence state): the public key a backup or grant must match. From the device's service, or
    the key's pinned peer card (another authority's key)."""
    return device.directory.record(registry_id, live=False)


def _key_record(device: Device, record_id: str) -> KeyRecord:
    """A key a message may be sealed to: same enterprise, registered, its holder's licence live."""
    return device.directory.record(record_id)


def find_decryption_key(store: Keystore, unlocked: Unlocked, key_ids: list[str], *,
                        purpose: str) -> tuple[gm.SM2PrivateKey, str]:
    """The key among a container's recipient ids (hex) this device holds — own, recovered or a
    backup held for someone — and a line saying which one it is."""
    wanted = set(key_ids)
    for key in store.list_encryption_keys():
        if fr.key_sm3(key.public_key) in wanted:
            kind = "recovered key" if key.origin == "recovered" else "own key"
            name = key.registry_id or f"#{key.id}"
            return store.encryption_private_key(key.id, unlocked, purpose=purpose), f"{kind} {name}"
    for held in store.backups.held_keys():
        if held.key_sm3 in wanted:
            key = store.backups.held_private_key(held.id, unlocked, purpose=purpose)
            return key, f"backup of {held.registry_id} held for {held.owner_name} ({held.enterprise_name})"
    raise Refused("no_device_key", "This device holds no key that opens this container")


# ---------------------------------------------------------------------------------------------
# offline files (§2.3): a frame bundled with its sender's card


def bundled(device: Device, registry_id: str, raw: bytes) -> bytes:
    """``raw`` with this device's card of its key ``registry_id``, for a file."""
    key = next((k for k in device.store.list_encryption_keys() if k.registry_id == registry_id), None)
    if key is None:
        raise Refused("unknown_key", "No key {ref} on this device (see `ebid key list`)", ref=registry_id)
    return cards.bundle(device.directory.make_card(key), raw)


def read_file(device: Device, raw: bytes) -> Frame:
    """The frame of an offline file. A bundle's card must be of the frame's sender (its licence
    is the one in the header) and pass every card check against a root already trusted here;
    it is then kept (the sender's key record, the freshest revocation list of its root). A
    plain frame (version 1 files, one authority) is taken as it is."""
    if not cards.is_bundle(raw):
        return fr.parse(raw)
    card_raw, frame_raw = cards.unbundle(raw)
    frame = fr.parse(frame_raw)
    card, how = device.directory.check_card(card_raw)
    if card.licence.der != frame.header.sender_certificate:
        raise MessageRefused("card_mismatch", "The card in the file is of {name}, not of the message's sender",
                             name=card.holder_name)
    frame.verify_signature()  # a card is kept only beside a frame its licence signed
    if not any(k.registry_id == card.record_id for k in device.store.list_encryption_keys()):
        device.directory.keep(card, how, via=f"{frame.header.kind.label} {frame.header.message_id}")
    return frame


def needs_file_answer(device: Device, frame: Frame) -> bool:
    """Whether the sender is on another authority than this device's service: its relay cannot
    reach them, so an answer goes back as a file."""
    return not device.directory.issued_here(frame.header.certificate())


def import_card(device: Device, raw: bytes, *, trust_root: str | None = None):
    """Check and keep a peer card; (card, ``new`` / ``refreshed`` / ``kept``)."""
    return device.directory.take_card(raw, trust_root=trust_root, via="import")


def export_card(device: Device, key_ref: str) -> tuple[bytes, cards.Card]:
    """This device's signed card of its registered key ``key_ref``, and what it says."""
    key = own_key(device.store, key_ref)
    _registered(key)
    raw = device.directory.make_card(key)
    return raw, cards.parse_card(raw)


# ---------------------------------------------------------------------------------------------
# checks shared by every received message


def check_sender(device: Device, frame: Frame) -> LicenceTerms:
    """The signature, the sender's licence (chain, window, revocation) now, the times and the
    enterprise; and that this device has not handled the message before."""
    header = frame.header
    cert: Certificate = frame.verify_signature()
    now = device.now()
    fr.check_times(header, now)
    info = device.directory.licence(cert, now)
    if info.terms.credit_code != header.enterprise or header.enterprise != device.terms.credit_code:
        raise MessageRefused("other_enterprise", "The message comes from another enterprise's licence")
    if device.store.backups.seen(header.message_id):
        raise fr.replayed(header.message_id)
    return info.terms


def fetch(device: Device, message_id: str, kind: Kind) -> tuple[MessageMeta, Frame]:
    meta = device.mailbox.message(message_id)
    frame = fr.parse(meta.frame)
    if frame.header.kind is not kind or frame.header.message_id != message_id:
        raise fr.malformed(f"{message_id} is not a {kind.label} message")
    return meta, frame


def _person(terms: LicenceTerms, serial: str) -> dict:
    return {"name": terms.holder_name, "person_id": terms.person_id,
            "masked_id": terms.masked_id_number, "serial": serial}


def _spki(key: gm.SM2PublicKey) -> str:
    return b64(gm.public_key_to_der(key))


def _key_from_body(body: dict, subject: str) -> gm.SM2PrivateKey:
    try:
        key = body["key"]
        private = gm.SM2PrivateKey.from_bytes(unb64(key["private"]))
        public = gm.load_public_key(unb64(key["public"]))
        same = key["id"] == subject
    except (KeyError, TypeError, ValueError):
        raise fr.malformed("the key") from None
    if not same or private.public_key() != public:
        raise MessageRefused("backup_mismatch", "The key in the message is not the key {id} it names", id=subject)
    return private


def _check_against_registry(device: Device, private: gm.SM2PrivateKey, subject: str,
                            owner_person_id: str) -> None:
    """The private key matches the registry's public key of ``subject``, which is the owner's,
    and decrypts a challenge made fresh here."""
    record = registered_key(device, subject)
    registered = gm.load_public_key(record.public_key)
    if registered != private.public_key() or record.person_id != owner_person_id:
        raise MessageRefused("backup_mismatch", "The key in the message does not match the key registry's {id}",
                             id=subject)
    challenge = os.urandom(32)
    if private.decrypt(registered.encrypt(challenge)) != challenge:
        raise MessageRefused("backup_mismatch", "The key in the message does not decrypt a challenge for {id}",
                             id=subject)


# ---------------------------------------------------------------------------------------------
# backup (the owner) and verification (the backup holder)


def make_backup(device: Device, key_ref: str, record_id: str, *, wait_hours: int = 0) -> tuple[bytes, KeyRecord]:
    """The sealed backup package of ``key_ref`` for the key record ``record_id`` (recorded as
    sent on this device); the caller posts it or writes it to a file."""
    if not 0 <= wait_hours <= MAX_WAIT_HOURS:
        raise Refused("bad_wait", "The waiting period is 0 to 72 hours, not {n}", n=wait_hours)
    key = own_key(device.store, key_ref)
    subject = _registered(key)
    record = _key_record(device, record_id)
    if record.key_sm3 == fr.key_sm3(key.public_key):
        raise Refused("backup_to_itself", "A key cannot be backed up to itself: choose another holder's key")
    private = device.store.encryption_private_key(key.id, device.unlocked, purpose="back up key")
    header = device.header(Kind.BACKUP, to=record, subject=subject)
    body = {
        "key": {"id": subject, "public": _spki(key.public_key), "private": b64(private.to_bytes())},
        "owner": _person(device.terms, device.serial),
        "enterprise_name": device.terms.enterprise_name, "wait_hours": wait_hours,
    }
    raw = fr.build(header, body, gm.load_public_key(record.public_key), device.holder.key)
    device.store.backups.record_sent(
        device.unlocked, encryption_key_id=key.id, holder_record=record.record_id,
        holder_name=record.holder_name, package_id=header.message_id, wait_hours=wait_hours,
    )
    return raw, record


def send_backup(device: Device, key_ref: str, record_id: str, *, wait_hours: int = 0) -> tuple[str, KeyRecord]:
    raw, record = make_backup(device, key_ref, record_id, wait_hours=wait_hours)
    return device.mailbox.post(raw).message_id, record


def verify_backup(device: Device, frame: Frame, *, online: bool = True,
                  answer: ToFile | None = None) -> HeldKeyInfo:
    """备份验证: open the package, check it against the key registry and a fresh challenge, keep
    the copy under this device's password, then acknowledge (signed, with the key's proof) and
    record the verified backup in the registry. Retrying after a failure completes the steps
    not done.

    With ``answer`` (the offline transport) the acknowledgement is bundled with this device's
    card and handed to it instead of the relay; a re-import of the same package writes it
    again (the copy is kept once)."""
    header = frame.header
    if header.kind is not Kind.BACKUP:
        raise fr.malformed("not a backup")
    store = device.store
    held = next((h for h in store.backups.held_keys() if h.package_id == header.message_id), None)
    if held is None:
        sender = check_sender(device, frame)
        mine, my_private = _my_key_for(device, header.to_key)
        body = frame.open(my_private)
        private = _key_from_body(body, header.subject)
        owner = body.get("owner") or {}
        if owner.get("person_id") != sender.person_id or owner.get("serial") != header.sender_serial:
            raise MessageRefused("backup_mismatch", "The package names another owner than its sender")
        wait = body.get("wait_hours")
        if not isinstance(wait, int) or not 0 <= wait <= MAX_WAIT_HOURS:
            raise fr.malformed("wait_hours")
        _check_against_registry(device, private, header.subject, sender.person_id)
        held = store.backups.store_held(
            device.unlocked, message_id=header.message_id, expires=header.expires,
            private_key=private, registry_id=header.subject, key_sm3=fr.key_sm3(private.public_key()),
            owner_name=sender.holder_name, owner_person_id=sender.person_id,
            owner_masked_id=sender.masked_id_number, owner_serial=header.sender_serial,
            enterprise_code=sender.credit_code, enterprise_name=sender.enterprise_name,
            wait_hours=wait, sealed_to=mine.registry_id or "",
        )
    else:  # kept before: a retry completes the acknowledgement; a replay of a finished one is refused
        if online and answer is None and any(b.package_id == header.message_id and b.holder_key == held.sealed_to
                          for b in device.mailbox.backups(header.subject)):
            raise fr.replayed(header.message_id)
        private = store.backups.held_private_key(held.id, device.unlocked, purpose="acknowledge backup")
    proof = private.sign(fr.proof_bytes(header.message_id, header.subject, device.serial))
    if online or answer is not None:
        owner_key = registered_key(device, header.subject)
        ack = device.header(Kind.ACK, to=(header.subject, fr.key_sm3(gm.load_public_key(owner_key.public_key))),
                            subject=header.subject, reply_to=header.message_id)
        body = {"package": header.message_id, "proof": b64(proof),
                "holder": _person(device.terms, device.serial)}
        raw = fr.build(ack, body, gm.load_public_key(owner_key.public_key), device.holder.key)
        if answer is not None:
            answer(bundled(device, held.sealed_to, raw))
            store.log_event("key_backup.acknowledged", device.unlocked, key=header.subject,
                            package=header.message_id, message=ack.message_id, via="file")
            return held
        device.mailbox.post(raw)
        # Audited before the relay records it: once recorded, a retry only deletes the package.
        store.log_event("key_backup.acknowledged", device.unlocked, key=header.subject,
                        package=header.message_id, message=ack.message_id)
        device.mailbox.record_backup(header.subject, held.sealed_to, header.message_id, proof)
    return held


def take_ack(device: Device, frame: Frame) -> None:
    """The holder's acknowledgement: its proof verifies with our key; the backup counts."""
    header = frame.header
    check_sender(device, frame)
    key, private = _my_key_for(device, header.to_key)
    body = frame.open(private)
    proof = unb64(body.get("proof", ""))
    package = str(body.get("package", ""))
    if package != header.reply_to or not fr.verify_proof(key.public_key, proof, package, header.subject,
                                                          header.sender_serial):
        raise MessageRefused("bad_backup_proof", "The proof does not verify with the registered key {id}",
                             id=header.subject)
    device.store.backups.record_ack(device.unlocked, ack_id=header.message_id, expires=header.expires,
                                    package_id=package)


# ---------------------------------------------------------------------------------------------
# recovery


def request_recovery(device: Device, subject: str, record_id: str, *, to_file: ToFile | None = None) -> str:
    """申请恢复 from a new device: ask the holder of ``record_id`` for the key ``subject`` (the
    owner's key as the registry names it), to be re-wrapped to this device's own key. With
    ``to_file`` the request is bundled with this device's card of the new key and handed to it."""
    mine = [k for k in device.store.list_encryption_keys()
            if k.origin == "own" and k.registry_id and k.licence_id == device.licence_id]
    if not mine:
        raise Refused("no_device_key", "Apply for a key on this device first (`ebid key apply`): the recovered key is sealed to it")
    new = mine[-1]
    if new.registry_id == subject:
        raise Refused("already_here", "The key {id} is on this device already", id=subject)
    record = _key_record(device, record_id)
    header = device.header(Kind.REQUEST, to=record, subject=subject)
    body = {"key": subject, "new_key": {"id": new.registry_id, "public": _spki(new.public_key)},
            "requester": _person(device.terms, device.serial)}
    raw = fr.build(header, body, gm.load_public_key(record.public_key), device.holder.key)
    # Recorded before it leaves: a grant answering it is then always matched, even after a crash
    # (or a lost reply) between sending and the end. Until it is known to be sent the request is
    # ``sending``, which does not hold back asking again.
    device.store.backups.record_recovery(
        device.unlocked, message_id=header.message_id, direction="sent", subject=subject,
        peer_record=record.record_id, new_key=new.registry_id or "",
        requester_name=device.terms.holder_name, requester_masked_id=device.terms.masked_id_number,
        state="sending",
    )
    if to_file is None:
        device.mailbox.post(raw)
    else:
        to_file(bundled(device, new.registry_id or "", raw))
    device.store.backups.set_recovery_state(device.unlocked, header.message_id, "sent")
    return header.message_id


@dataclass(frozen=True)
class CheckedRequest:
    header: Header
    held: HeldKeyInfo
    requester: LicenceTerms
    new_key: str
    new_public: gm.SM2PublicKey


def check_request(device: Device, frame: Frame) -> CheckedRequest:
    """The request comes now from a valid licence of the same enterprise held by the key's owner
    (same name and person, hence ID number), for a new key registered to that person."""
    header = frame.header
    if header.kind is not Kind.REQUEST:
        raise fr.malformed("not a request")
    held = next((h for h in device.store.backups.held_keys() if h.registry_id == header.subject), None)
    if held is None:
        raise MessageRefused("not_backup_holder", "This device holds no backup of {id}: only its backup holder can confirm",
                             id=header.subject)
    requester = check_sender(device, frame)
    _, private = _my_key_for(device, header.to_key)
    body = frame.open(private)
    if (requester.person_id, requester.holder_name, requester.masked_id_number, requester.credit_code) != (
            held.owner_person_id, held.owner_name, held.owner_masked_id, held.enterprise_code):
        raise MessageRefused(
            "not_same_person",
            "The request comes from {name} ({masked}), not from the key's owner {owner} ({owner_masked})",
            name=requester.holder_name, masked=requester.masked_id_number, owner=held.owner_name,
            owner_masked=held.owner_masked_id)
    try:
        new_id, new_public = str(body["new_key"]["id"]), gm.load_public_key(unb64(body["new_key"]["public"]))
    except (KeyError, TypeError):
        raise fr.malformed("new_key") from None
    record = registered_key(device, new_id)
    if gm.load_public_key(record.public_key) != new_public or record.person_id != held.owner_person_id:
        raise MessageRefused("not_same_person", "The new key {id} is not registered to the key's owner", id=new_id)
    if body.get("key") != header.subject:
        raise fr.malformed("key")
    return CheckedRequest(header, held, requester, new_id, new_public)


def confirm_recovery(device: Device, message_id: str, *, frame: Frame | None = None,
                     to_file: ToFile | None = None) -> tuple[str, datetime]:
    """确认恢复: after :func:`check_request`, re-wrap the key to the owner's new device key; the
    grant takes effect after the owner's waiting period. (grant id, in effect from).

    The grant is recorded here (state ``granting``, with its id) before it is posted, then marked
    ``granted``: a retry after a crash in between posts the same grant id again — the relay
    refuses a second copy (``message_exists``) — and never a second grant.

    Offline, ``frame`` is the request read from its file and ``to_file`` takes the bundled
    grant; a retry writes the same grant id again (the new device takes one copy). The waiting
    period still holds (the new device checks ``not_before``); a veto cannot reach this device
    offline (§10)."""
    done = next((r for r in device.store.backups.recoveries()
                 if r.message_id == message_id and r.direction == "received"
                 and r.state in ("granting", "granted")), None)
    if done is not None and done.grant_id and done.not_before:  # a retry
        not_before = done.not_before
        if done.state == "granting" or to_file is not None:
            not_before = _resend_grant(device, done, to_file=to_file)
            if done.state == "granting":
                device.store.backups.set_recovery_state(device.unlocked, message_id, "granted")
        if to_file is None:
            _forget(device, message_id)
        return done.grant_id, not_before
    if frame is None:
        _, frame = fetch(device, message_id, Kind.REQUEST)
    elif frame.header.kind is not Kind.REQUEST or frame.header.message_id != message_id:
        raise fr.malformed(f"{message_id} is not a request message")
    checked = check_request(device, frame)
    held = checked.held
    to = (checked.new_key, fr.key_sm3(checked.new_public))
    header = device.header(Kind.GRANT, to=to, subject=held.registry_id, reply_to=message_id,
                           not_before=_after_wait(device, held.wait_hours))
    not_before = header.not_before
    device.store.backups.record_recovery(
        device.unlocked, message_id=message_id, direction="received", subject=held.registry_id,
        peer_record=checked.new_key, new_key=checked.new_key, requester_name=checked.requester.holder_name,
        requester_masked_id=checked.requester.masked_id_number, state="granting",
        expires=frame.header.expires, grant_id=header.message_id, not_before=not_before,
    )
    _post_grant(device, header, held, checked.new_public, to_file=to_file)
    device.store.backups.set_recovery_state(device.unlocked, message_id, "granted")
    if to_file is None:
        device.mailbox.delete(message_id)
    return header.message_id, not_before


def _post_grant(device: Device, header: Header, held: HeldKeyInfo, new_public: gm.SM2PublicKey, *,
                to_file: ToFile | None = None) -> bool:
    """Seal the held key to the new device key and post the grant (or bundle it for a file);
    False if the relay has this grant id already (posted before a crash)."""
    private = device.store.backups.held_private_key(held.id, device.unlocked, purpose="recovery grant")
    body = {"request": header.reply_to, "not_before": fr.fmt_time(header.not_before),
            "key": {"id": held.registry_id, "public": _spki(held.public_key), "private": b64(private.to_bytes())}}
    raw = fr.build(header, body, new_public, device.holder.key)
    if to_file is not None:
        to_file(bundled(device, held.sealed_to, raw))
        return True
    try:
        device.mailbox.post(raw)
    except Refused as exc:
        if exc.code != "message_exists":
            raise
        return False
    return True


def _resend_grant(device: Device, recorded, *, to_file: ToFile | None = None) -> datetime:
    """The grant recorded as ``granting`` (a crash came around its post), posted again under the
    same id. Its time of effect: the recorded one if still ahead, else a full waiting period from
    now (if the first copy never arrived, the owner's other devices still get their time to
    veto; if it did, the relay keeps that one). Refused if the owner vetoed it meanwhile."""
    held = next((h for h in device.store.backups.held_keys() if h.registry_id == recorded.subject), None)
    if held is None:
        raise MessageRefused("not_backup_holder", "This device holds no backup of {id}: only its backup holder can confirm",
                             id=recorded.subject)
    if to_file is None and any(m.kind == "veto" and m.reply_to == recorded.grant_id
                               for m in device.mailbox.inbox(held.sealed_to)):
        raise Refused("recovery_vetoed", "The owner vetoed the recovery grant {id}: see `ebid key inbox`",
                      id=recorded.grant_id)
    new_public = gm.load_public_key(registered_key(device, recorded.new_key).public_key)
    ahead = recorded.not_before if recorded.not_before > device.now() else None
    header = replace(device.header(Kind.GRANT, to=(recorded.new_key, fr.key_sm3(new_public)),
                                   subject=held.registry_id, reply_to=recorded.message_id,
                                   not_before=ahead or _after_wait(device, held.wait_hours)),
                     message_id=recorded.grant_id)
    posted = _post_grant(device, header, held, new_public, to_file=to_file)
    return header.not_before if posted else recorded.not_before


def _after_wait(device: Device, hours: int) -> datetime | None:
    """A grant's time of effect: None (its creation time: no wait) or now + the waiting period."""
    return device.now() + timedelta(hours=hours) if hours else None


def _forget(device: Device, message_id: str) -> None:
    """Delete a handled message at the relay; gone already is as good."""
    try:
        device.mailbox.delete(message_id)
    except Refused as exc:
        if exc.code != "unknown_message":
            raise


def refuse_recovery(device: Device, message_id: str) -> None:
    _, frame = fetch(device, message_id, Kind.REQUEST)
    header = frame.header
    check_sender(device, frame)
    device.store.backups.record_recovery(
        device.unlocked, message_id=message_id, direction="received", subject=header.subject,
        peer_record=header.sender_serial, new_key="", requester_name="",
        requester_masked_id="", state="refused", expires=header.expires,
    )
    device.mailbox.delete(message_id)


def veto(device: Device, message_id: str) -> str:
    """The owner's other device stops a pending grant of its key; the relay drops the grant."""
    meta, frame = fetch(device, message_id, Kind.GRANT)
    header = frame.header
    frame.verify_signature()
    key = own_key(device.store, header.subject)
    holder = next((b.holder_key for b in device.mailbox.backups(header.subject)
                   if b.holder_serial == header.sender_serial), None)
    if holder is None:
        sent = device.store.backups.sent_backups(key.id)
        holder = sent[-1].holder_record if sent else None
    if holder is None:
        raise Refused("unknown_grant", "No pending recovery grant {id}", id=message_id)
    record = registered_key(device, holder)
    to = (holder, fr.key_sm3(gm.load_public_key(record.public_key)))
    veto_header = device.header(Kind.VETO, to=to, subject=header.subject, reply_to=message_id)
    raw = fr.build(veto_header, {"grant": message_id, "reason": "vetoed by the owner"},
                   gm.load_public_key(record.public_key), device.holder.key)
    device.mailbox.post(raw)
    device.store.log_event("key_recovery.vetoed", device.unlocked, key=header.subject, grant=message_id,
                           message=veto_header.message_id)
    return veto_header.message_id


def take_veto(device: Device, frame: Frame) -> None:
    header = frame.header
    terms = check_sender(device, frame)
    _, private = _my_key_for(device, header.to_key)
    frame.open(private)
    held = next((h for h in device.store.backups.held_keys() if h.registry_id == header.subject), None)
    if held is None or held.owner_person_id != terms.person_id:
        raise MessageRefused("not_same_person", "The veto does not come from the key's owner")
    device.store.backups.set_recovery_state(device.unlocked, header.reply_to, "vetoed",
                                            seen=(header.message_id, "veto", header.expires))


# ---------------------------------------------------------------------------------------------
# withdrawal: the owner takes a backup back


def withdraw_backup(device: Device, key_ref: str, record_id: str, *, to_file: ToFile | None = None) -> str:
    """The owner withdraws the backup of ``key_ref`` sent to ``record_id``: it stops counting here
    at once (recorded before the message leaves), the relay drops its backup state (and the
    package, if not fetched yet), and the holder's device deletes its copy when it takes the
    withdrawal. Sending again is allowed (a lost message, a crash). It cannot make a holder forget
    a copy kept elsewhere: bids encrypted to the key stay open to them (§3)."""
    key = own_key(device.store, key_ref)
    subject = _registered(key)
    sent = [b for b in device.store.backups.sent_backups(key.id) if b.holder_record == record_id]
    if not sent:
        raise Refused("unknown_backup", "No backup of {key} was sent to {record}", key=subject, record=record_id)
    package = sent[-1].package_id
    record = _key_record(device, record_id)
    header = device.header(Kind.WITHDRAWAL, to=record, subject=subject, reply_to=package)
    raw = fr.build(header, {"withdraws": package}, gm.load_public_key(record.public_key), device.holder.key)
    device.store.backups.record_withdrawn(device.unlocked, package_id=package, withdrawal_id=header.message_id)
    if to_file is None:
        device.mailbox.post(raw)
    else:
        to_file(bundled(device, subject, raw))
    return header.message_id


def take_withdrawal(device: Device, frame: Frame) -> bool:
    """The backup holder's side: the copy the owner withdraws is deleted. A withdrawal of a copy
    this device does not hold (never verified, or replaced by a newer package) is noted and
    changes nothing. (whether a copy was deleted)"""
    header = frame.header
    terms = check_sender(device, frame)
    _, private = _my_key_for(device, header.to_key)
    body = frame.open(private)
    if body.get("withdraws") != header.reply_to:
        raise fr.malformed("withdraws")
    held = next((h for h in device.store.backups.held_keys() if h.registry_id == header.subject), None)
    if held is not None and held.owner_person_id != terms.person_id:
        raise MessageRefused("not_same_person", "The withdrawal does not come from the key's owner")
    if held is None or held.package_id != header.reply_to:
        device.store.backups.mark_seen(device.unlocked, header.message_id, "withdrawal", header.expires,
                                       "key_backup.withdrawal_ignored", key=header.subject, package=header.reply_to)
        return False
    device.store.backups.drop_held(device.unlocked, held.id, withdrawal_id=header.message_id, expires=header.expires)
    return True


def take_grant(device: Device, frame: Frame) -> int:
    """The recovered key, checked against the registry, stored as the owner's key again."""
    header = frame.header
    sender = check_sender(device, frame)
    if any(k.registry_id == header.subject for k in device.store.list_encryption_keys()):
        raise Refused("already_here", "The key {id} is on this device already", id=header.subject)
    if header.not_before > device.now():
        raise MessageRefused("not_yet_in_effect", "The recovery grant {id} takes effect at {at}",
                             id=header.message_id, at=fr.fmt_time(header.not_before))
    request = next((r for r in device.store.backups.recoveries()
                    if r.message_id == header.reply_to and r.direction == "sent"), None)
    if request is None or request.new_key != header.to_key:
        raise MessageRefused("unknown_request", "This device sent no recovery request {id}", id=header.reply_to)
    holder = registered_key(device, request.peer_record)
    if holder.person_id != sender.person_id:
        raise MessageRefused("not_backup_holder", "The grant does not come from the backup holder asked")
    _, private_new = _my_key_for(device, header.to_key)
    body = frame.open(private_new)
    private = _key_from_body(body, header.subject)
    _check_against_registry(device, private, header.subject, device.terms.person_id)
    return device.store.backups.store_recovered(
        device.unlocked, grant_id=header.message_id, expires=header.expires, request_id=request.message_id,
        private_key=private, registry_id=header.subject, licence_id=device.licence_id,
        label=f"recovered {header.subject}",
    )


# ---------------------------------------------------------------------------------------------
# the inbox


def inbox(device: Device) -> list[InboxEntry]:
    """Every message for this device's keys. Answers to what this device asked (acknowledgements,
    grants, vetoes) and withdrawals are taken here; backups and requests wait for the holder's
    decision."""
    entries = []
    keys = [k.registry_id for k in device.store.list_encryption_keys() if k.registry_id]
    for key_id in dict.fromkeys(keys):
        for meta in device.mailbox.inbox(key_id):
            frame = fr.parse(meta.frame)
            entries.append(InboxEntry(meta, frame.header, *_take(device, meta, frame)))
    return entries


def _take(device: Device, meta: MessageMeta, frame: Frame) -> tuple[str, Refused | None]:
    kind = frame.header.kind
    if not meta.addressed:
        return f"pending: takes effect {fr.fmt_time(meta.deliver_after)}; veto with `ebid key veto {meta.message_id}`", None
    handlers = {Kind.ACK: take_ack, Kind.GRANT: take_grant, Kind.VETO: take_veto, Kind.WITHDRAWAL: take_withdrawal}
    if kind not in handlers:
        return {Kind.BACKUP: f"verify with `ebid key verify-backup {meta.message_id}`",
                Kind.REQUEST: f"confirm or refuse: `ebid key confirm-recovery {meta.message_id}`"}.get(kind, ""), None
    try:
        taken = handlers[kind](device, frame)
    except Refused as exc:
        if exc.code not in ("message_replayed", "already_here"):
            return f"refused: {exc.message} ({exc.code})", exc
        device.mailbox.delete(meta.message_id)  # taken before (a retry, or a second grant)
        return f"already taken on this device ({exc.code})", None
    device.mailbox.delete(meta.message_id)
    if kind is Kind.WITHDRAWAL and not taken:
        return "backup withdrawn by its owner: this device held no copy of that package", None
    return {Kind.ACK: "backup verified by its holder", Kind.GRANT: "key recovered on this device",
            Kind.VETO: "recovery vetoed by the owner",
            Kind.WITHDRAWAL: "backup withdrawn by its owner: the copy on this device is deleted"}[kind], None
