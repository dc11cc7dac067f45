"""What the Keys page shows, gathered on a pool thread through core's key-backup steps
(:mod:`app.core.keybackup.flows`, the same calls as ``ebid key``), and each action the page
offers. Nothing here touches a widget; every function takes a :class:`~flows.Device`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from ...core.bidding import apply_for_key
from ...core.errors import InvalidInput, Refused
from ...core.fsutil import atomic_write, describe_os_error
from ...core.keybackup import card as cards
from ...core.keybackup import flows
from ...core.keybackup import frame as fr
from ...core.pki import Certificate, parse_licence
from ...core.wire import Candidates

OWN, RECOVERED, HELD, ELSEWHERE = "own", "recovered", "held", "elsewhere"


@dataclass(frozen=True)
class Holder:
    """One backup holder of a key: ``state`` is sent / verified / revoked / expired / withdrawn."""

    name: str
    record_id: str
    state: str
    since: datetime | None


@dataclass(frozen=True)
class KeyRow:
    registry_id: str  # "" for a key never registered
    kind: str  # own / recovered / held (for someone) / elsewhere (mine, on another device)
    label: str
    key_id: str  # container key id (SM3 of the SPKI), hex
    holders: tuple[Holder, ...] = ()
    owner: str = ""  # held: whose key
    since: datetime | None = None
    local_id: int | None = None  # own / recovered: the keystore's id
    requested: datetime | None = None  # elsewhere: this device asked for it back (申请恢复), when

    def verified_holders(self) -> tuple[Holder, ...]:
        return tuple(h for h in self.holders if h.state == "verified")


@dataclass(frozen=True)
class Incoming:
    """A message waiting for this device's decision: a backup to verify, a recovery request, or a
    pending recovery grant of this device's key to another device (the owner may veto it)."""

    message_id: str
    kind: str  # backup / request / grant
    sender: str
    subject: str
    created: datetime
    masked_id: str = ""
    new_device: str = ""  # fingerprint of the requesting device's key
    problem: Refused | None = None  # why it cannot be confirmed
    takes_effect: datetime | None = None  # a pending grant: when


@dataclass(frozen=True)
class Answer:
    """An answer to this device taken from the inbox at the last check (an acknowledgement of a
    backup, a recovery grant, a veto), or one it could not take (``problem``)."""

    message_id: str
    kind: str  # ack / grant / veto
    sender: str
    subject: str
    problem: Refused | None = None


@dataclass(frozen=True)
class KeysView:
    keys: tuple[KeyRow, ...]
    incoming: tuple[Incoming, ...]
    online: bool  # states come from the service now (False: what this device knows, since a change)
    said: bool = False  # what the service said at the last check is kept in it (backup states, …)
    answers: tuple[Answer, ...] = ()


def grouped(hex_text: str) -> str:
    """A whole fingerprint in groups of four, to read out and compare."""
    return " ".join(hex_text[i:i + 4] for i in range(0, len(hex_text), 4))


def fingerprint(hex_id: str) -> str:
    """The first 16 hex digits of a key id, in groups of four."""
    head = hex_id[:16].upper()
    return " ".join(head[i:i + 4] for i in range(0, len(head), 4))


def local_view(store) -> KeysView:
    """What the keystore knows without the password or the service."""
    rows = []
    for key in store.list_encryption_keys():
        holders = tuple(Holder(b.holder_name, b.holder_record, b.state, b.verified_at or b.sent_at)
                        for b in store.backups.sent_backups(key.id))
        rows.append(KeyRow(key.registry_id or "", RECOVERED if key.origin == "recovered" else OWN, key.label,
                           fr.key_sm3(key.public_key), holders, local_id=key.id, since=key.created_at))
    rows += [KeyRow(h.registry_id, HELD, "", h.key_sm3, owner=f"{h.owner_name} ({h.enterprise_name})",
                    since=h.held_since) for h in store.backups.held_keys()]
    return KeysView(tuple(rows), (), False)


def merged(local: KeysView, before: KeysView) -> KeysView:
    """The keystore's view after a change made elsewhere, keeping what the service said before
    (backup states, keys on other devices, waiting messages) until the next check."""
    if not before.said:
        return local
    said = {(r.registry_id, r.kind): r for r in before.keys if r.registry_id}
    here = {r.registry_id for r in local.keys}
    rows = [replace(r, holders=said[(r.registry_id, r.kind)].holders) if (r.registry_id, r.kind) in said else r
            for r in local.keys]
    rows += [r for r in before.keys if r.kind == ELSEWHERE and r.registry_id not in here]
    return KeysView(tuple(rows), before.incoming, False, said=True)


def _holders(device: flows.Device, registry_id: str, sent) -> tuple[Holder, ...]:
    latest = {b.holder_record: b for b in sent}  # the newest record per holder decides
    sent = list(latest.values())
    states = [s for s in (device.mailbox.backups(registry_id) if registry_id else [])
              if getattr(latest.get(s.holder_key), "state", None) != "withdrawn"]  # withdrawn by file
    shown = [Holder(s.holder_name, s.holder_key, "verified" if s.counts else s.state, s.verified_at)
             for s in states]
    known = {s.holder_key for s in states}
    # Not in the registry: sent, or acknowledged by file by a holder on another service.
    shown += [Holder(b.holder_name, b.holder_record, b.state, b.verified_at or b.sent_at) for b in sent
              if b.holder_record not in known]
    return tuple(shown)


def _incoming(device: flows.Device, entry: flows.InboxEntry) -> Incoming | None:
    meta = entry.meta
    base = dict(message_id=meta.message_id, kind=meta.kind, sender=meta.sender_name,
                subject=meta.subject, created=meta.created_at)
    if not meta.addressed:
        return Incoming(**base, takes_effect=meta.deliver_after) if meta.kind == "grant" else None
    if meta.kind not in ("backup", "request"):
        return None  # answers to this device were taken by the inbox
    if meta.kind == "backup":
        return Incoming(**base)
    try:
        checked = flows.check_request(device, fr.parse(meta.frame))
    except Refused as exc:
        return Incoming(**base, problem=exc, **_requester(meta))
    return Incoming(**base, masked_id=checked.requester.masked_id_number,
                    new_device=fingerprint(fr.key_sm3(checked.new_public)))


def _requester(meta) -> dict:
    try:
        terms = parse_licence(fr.parse(meta.frame).header.certificate()).terms
    except (Refused, ValueError):  # the request's problem is said already
        return {}
    return {"masked_id": terms.masked_id_number}


def load(device: flows.Device) -> KeysView:
    """Everything, with the service's backup states; answers waiting in the inbox (acknowledgements,
    grants, vetoes) are taken on the way, as ``ebid key inbox`` does."""
    entries = flows.inbox(device)
    store = device.store
    rows, here = [], set()
    for key in store.list_encryption_keys():
        here.add(key.registry_id)
        rows.append(KeyRow(key.registry_id or "", RECOVERED if key.origin == "recovered" else OWN, key.label,
                           fr.key_sm3(key.public_key),
                           _holders(device, key.registry_id or "", store.backups.sent_backups(key.id)),
                           local_id=key.id, since=key.created_at))
    rows += [KeyRow(h.registry_id, HELD, "", h.key_sm3, owner=f"{h.owner_name} ({h.enterprise_name})",
                    since=h.held_since) for h in store.backups.held_keys()]
    asked = {r.subject: r.created_at for r in store.backups.recoveries() if r.direction == "sent" and r.state == "sent"}
    for key in device.holder.keys():
        if key.person_id == device.terms.person_id and key.key_id not in here:
            rows.append(KeyRow(key.key_id, ELSEWHERE, key.label, "", _holders(device, key.key_id, []),
                               requested=asked.get(key.key_id)))
    incoming = tuple(i for e in entries if (i := _incoming(device, e)) is not None)
    answers = tuple(Answer(e.meta.message_id, e.meta.kind, e.meta.sender_name, e.meta.subject, e.refusal)
                    for e in entries if e.meta.addressed and e.meta.kind in ("ack", "grant", "veto"))
    return KeysView(tuple(rows), incoming, True, said=True, answers=answers)


# -- actions (each returns the view afterwards) ----------------------------------------------------

def apply(device: flows.Device, label: str) -> KeysView:
    apply_for_key(device.holder, device.store, device.unlocked, device.licence_id, label)
    return load(device)


def candidates(device: flows.Device, registry_id: str) -> Candidates:
    return device.mailbox.candidates(registry_id)


def backup(device: flows.Device, registry_id: str, record_id: str, wait_hours: int = 0) -> KeysView:
    flows.send_backup(device, registry_id, record_id, wait_hours=wait_hours)
    return load(device)


def verify(device: flows.Device, message_id: str) -> KeysView:
    _, frame = flows.fetch(device, message_id, flows.Kind.BACKUP)
    flows.verify_backup(device, frame)
    device.mailbox.delete(message_id)
    return load(device)


def request(device: flows.Device, registry_id: str, record_id: str) -> KeysView:
    flows.request_recovery(device, registry_id, record_id)
    return load(device)


def veto(device: flows.Device, message_id: str) -> KeysView:
    flows.veto(device, message_id)
    return load(device)


def confirm(device: flows.Device, message_id: str) -> KeysView:
    flows.confirm_recovery(device, message_id)
    return load(device)


def refuse(device: flows.Device, message_id: str) -> KeysView:
    flows.refuse_recovery(device, message_id)
    return load(device)


# -- the offline transport: the same frame in a file, with the sender's peer card ---------------------

def _write(path: str, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise describe_os_error(exc, path) from None


def _read(path: str, limit: int) -> bytes:
    try:
        with open(path, "rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as exc:
        raise InvalidInput("Cannot read {path}: {reason}", path=path, reason=exc.strerror or str(exc)) from None
    return raw  # one byte over the limit is enough for the parser to refuse it


def export_backup(device: flows.Device, registry_id: str, record_id: str, wait_hours: int, path: str) -> KeysView:
    raw, _ = flows.make_backup(device, registry_id, record_id, wait_hours=wait_hours)
    _write(path, flows.bundled(device, registry_id, raw))
    return load(device)


@dataclass(frozen=True)
class FileMessage:
    """What a key-backup file holds, read without the password or the service (to ask the right
    questions before the work): its kind, who sent it, and whether the sender's licence is of
    another authority than this device's (an answer must then go back as a file)."""

    kind: str
    sender: str
    masked_id: str
    subject: str
    other_authority: bool


def peek(store, licence_id: int, path: str) -> FileMessage:
    raw = _read(path, cards.MAX_BUNDLE)
    frame = fr.parse(cards.unbundle(raw)[1] if cards.is_bundle(raw) else raw)
    sender = frame.header.certificate()
    terms = parse_licence(sender).terms
    mine = Certificate.load(store.get_licence(licence_id).certificate)
    # Licences of one authority name the same issuing key (authority key identifier).
    other = _authority_key(sender) != _authority_key(mine)
    return FileMessage(frame.header.kind.label, terms.holder_name, terms.masked_id_number, frame.header.subject,
                       other)


def _authority_key(cert: Certificate) -> bytes | None:
    aki = cert.extension_value("authority_key_identifier")
    return aki["key_identifier"].native if aki is not None else None


def import_message(device: flows.Device, path: str, answer_to: str | None = None) -> tuple[str, KeysView]:
    """Take a key-backup message from a file, as ``ebid key import``: a backup is verified (备份验证)
    and kept (its acknowledgement written to ``answer_to`` when given); an acknowledgement, grant or
    veto is taken. (its kind, the view afterwards)"""
    frame = flows.read_file(device, _read(path, cards.MAX_BUNDLE))
    kind = frame.header.kind
    if kind is fr.Kind.BACKUP:
        flows.verify_backup(device, frame, answer=(lambda data: _write(answer_to, data)) if answer_to else None)
    elif kind is fr.Kind.WITHDRAWAL:
        flows.take_withdrawal(device, frame)
    elif kind in (fr.Kind.ACK, fr.Kind.GRANT, fr.Kind.VETO):
        {fr.Kind.ACK: flows.take_ack, fr.Kind.GRANT: flows.take_grant, fr.Kind.VETO: flows.take_veto}[kind](
            device, frame)
    else:
        raise fr.malformed(f"a {kind.label} is answered with \"Confirm recovery from a file\"")
    return kind.label, load(device)


def withdraw(device: flows.Device, registry_id: str, record_id: str, path: str | None = None) -> KeysView:
    """Take the backup held by ``record_id`` back: through the relay, or (a holder known by
    card, on another service) written to ``path``."""
    flows.withdraw_backup(device, registry_id, record_id, to_file=(lambda data: _write(path, data)) if path else None)
    return load(device)


def by_file(store, record_id: str) -> bool:
    """Whether ``record_id`` is a holder known by card (another service): answers go by file."""
    return store.peers.card(record_id) is not None


def confirm_file(device: flows.Device, path: str, grant_to: str) -> KeysView:
    """确认恢复 of a request file: the grant, bundled with this device's card, written to ``grant_to``."""
    frame = flows.read_file(device, _read(path, cards.MAX_BUNDLE))
    flows.confirm_recovery(device, frame.header.message_id, frame=frame, to_file=lambda data: _write(grant_to, data))
    return load(device)


def request_file(device: flows.Device, registry_id: str, record_id: str, path: str) -> KeysView:
    """申请恢复 by file: the request, bundled with this device's card of its new key."""
    flows.request_recovery(device, registry_id, record_id, to_file=lambda data: _write(path, data))
    return load(device)


def export_card(device: flows.Device, registry_id: str, path: str) -> cards.Card:
    raw, card = flows.export_card(device, registry_id)
    _write(path, raw)
    return card


def read_file(path: str) -> bytes:
    """A key-backup file or card, within the largest size either may have."""
    return _read(path, cards.MAX_BUNDLE)  # one byte over: refused by what reads it


def is_card(path: str) -> bool:
    """Whether the file holds a peer card (rather than a message or a bundle)."""
    try:
        with open(path, "rb") as stream:
            return stream.read(len(cards.CARD_MAGIC)) == cards.CARD_MAGIC
    except OSError:
        return False  # the message path says why it cannot be read


def read_card(path: str) -> cards.Card:
    """A card's signature and fields, checked without the keystore: what the page shows before
    the user confirms its root's fingerprint."""
    return cards.parse_card(_read(path, cards.MAX_CARD))


def import_card(device: flows.Device, path: str, fingerprint: str) -> KeysView:
    flows.import_card(device, _read(path, cards.MAX_CARD), trust_root=fingerprint)
    return load(device)


def peer_cards(store) -> list:
    """Other devices' key records kept from their cards (the offline transport's candidates)."""
    return store.peers.cards()
