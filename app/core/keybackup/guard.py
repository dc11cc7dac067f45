"""The bid-survival guard (docs/protocols/key-backup.md §8): a bid is encrypted to one key, so
that key must live on more than one device before a bid is encrypted to it. A key *counts as
protected* when some holder's verified backup of it still counts — the holder acknowledged it
with a proof made by the key itself (备份验证) and, when the service is asked, the holder's
licence still holds. Anything less is refused unless the user accepts the risk, each time, and
that acceptance goes into the audit log.

Two sources, one rule: the service's backup states when the caller has a holder client (the
desktop, ``ebid task confirm``), else the keystore's own records (``ebid bid encrypt``), which
cannot see a holder's licence revoked since.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import Refused
from ..keystore import EncryptionKeyInfo, Keystore, Unlocked
from ..wire import BackupState
from .frame import key_sm3

RISK_ACCEPTED = "bid.unprotected_key_accepted"


@dataclass(frozen=True)
class Protection:
    """Who holds a backup of ``key``, by how much it counts."""

    key: EncryptionKeyInfo
    live: tuple[str, ...] = ()  # verified, the holder's licence holding (as far as known)
    lapsed: tuple[tuple[str, str], ...] = ()  # (holder, revoked / expired): verified once
    unverified: tuple[str, ...] = ()  # sent, 备份验证 not done yet
    online: bool = False  # the service's states were asked

    @property
    def protected(self) -> bool:
        return bool(self.live)

    @property
    def key_label(self) -> str:
        return self.key.registry_id or f"#{self.key.id}"

    def refusal(self) -> Unprotected:
        return Unprotected(self)


class Unprotected(Refused):
    """Encrypting to a key that only this device holds; the message says what would make it
    count and :attr:`protection` carries the detail."""

    def __init__(self, protection: Protection) -> None:
        self.protection = p = protection
        key = p.key_label
        if p.lapsed and not p.unverified:
            holders = "、".join(name for name, _ in p.lapsed)
            super().__init__(
                "backup_lapsed",
                "The backup of the key {key} no longer counts: its holder's licence is no longer valid ({holders}). "
                "Back the key up to another holder (Keys page, or `ebid key backup`) before you encrypt a bid to it",
                key=key, holders=holders)
        elif p.unverified:
            super().__init__(
                "backup_unverified",
                "The backup of the key {key} is not verified yet: {holders} must verify it (备份验证) on their "
                "device before a bid is encrypted to it (their acknowledgement arrives in the inbox: Keys page, "
                "or `ebid key inbox`)",
                key=key, holders="、".join(p.unverified))
        else:
            super().__init__(
                "no_verified_backup",
                "The key {key} is on this device only: if this device is lost or broken before the opening, a bid "
                "encrypted to it cannot be opened. Back it up to a colleague's device (Keys page, or `ebid key "
                "backup`) and have them verify it, or accept the risk explicitly",
                key=key)


def protection(store: Keystore, key: EncryptionKeyInfo,
               states: Sequence[BackupState] | None = None) -> Protection:
    """The backup standing of ``key`` from the service's ``states`` (None: the keystore's own
    records only). A recovered key is held by the holder who gave it back."""
    sent = store.backups.sent_backups(key.id)
    unverified = tuple(b.holder_name for b in sent if b.state == "sent")  # a withdrawn one is no backup
    if states is not None:
        # Withdrawn by file (§3): the relay was not told, the device's latest record decides.
        latest = {b.holder_record: b for b in sent}
        states = [s for s in states if getattr(latest.get(s.holder_key), "state", None) != "withdrawn"]
        known = {s.holder_key for s in states}
        # A backup acknowledged by file to a holder on another authority (§2.3) is not in this
        # service's registry: the device's record of the verified acknowledgement decides.
        live = tuple([s.holder_name for s in states if s.counts]
                     + [b.holder_name for b in sent if b.holder_record not in known and b.state == "verified"])
        lapsed = tuple((s.holder_name, s.state) for s in states if not s.counts)
        unverified = tuple(b.holder_name for b in sent if b.holder_record not in known and b.state == "sent")
        return Protection(key, live, lapsed, unverified, online=True)
    live = [b.holder_name for b in sent if b.state == "verified"]
    if key.origin == "recovered":
        live += [r.peer_record for r in store.backups.recoveries()
                 if r.direction == "sent" and r.state == "recovered" and r.subject == key.registry_id]
    return Protection(key, tuple(dict.fromkeys(live)), (), unverified)


def online_protection(holder, store: Keystore, key: EncryptionKeyInfo) -> Protection:
    """:func:`protection` with the service's states of the registered key, asked as ``holder``."""
    from ..client.mailbox import MailboxClient

    states = MailboxClient(holder).backups(key.registry_id) if key.registry_id else []
    return protection(store, key, states)


def bid_key(keys: Iterable[EncryptionKeyInfo], standing) -> tuple[EncryptionKeyInfo, Protection] | None:
    """The key a new bid is encrypted to among a licence's ``keys`` on this device: the newest
    protected one, else the newest. ``standing(key)`` gives each key's :class:`Protection`."""
    judged = [(key, standing(key)) for key in keys]
    if not judged:
        return None
    protected = [pair for pair in judged if pair[1].protected]
    return (protected or judged)[-1]


def device_key_protections(store: Keystore, public_keys: Iterable) -> list[Protection]:
    """The keystore's standing of each of ``public_keys`` that is a key on this device (own or
    recovered); keys this device does not hold are someone else's to back up."""
    wanted = {key_sm3(p) for p in public_keys}
    return [protection(store, k) for k in store.list_encryption_keys() if key_sm3(k.public_key) in wanted]


def accept_risk(store: Keystore, unlocked: Unlocked | None, found: Protection, *, via: str,
                **details: object) -> None:
    """The user's explicit "I accept that losing this device loses this bid", asked each time:
    recorded before the encryption starts."""
    store.log_event(RISK_ACCEPTED, unlocked, key=found.key_label, key_id=key_sm3(found.key.public_key)[:16],
                    standing=found.refusal().code, via=via, **details)


def guard(store: Keystore, unlocked: Unlocked | None, found: Protection, *, accepted: bool, via: str,
          **details: object) -> None:
    """Refuse an unprotected key, or record the user's acceptance; nothing for a protected one."""
    if found.protected:
        return
    if not accepted:
        raise found.refusal()
    accept_risk(store, unlocked, found, via=via, **details)

