"""Where the checks of docs/protocols/key-backup.md §5 get what they trust: an authority root,
its current revocation list and the key record of an id. Two sources, one answer shape:

- the device's own service (its authority root, its CRL, its key registry), as in version 1;
- peer cards (§2.2) the user imported after confirming their root's fingerprint out of band,
  for devices on another authority (two PCs, each with its own embedded service).

So the same code refuses the same things online and offline, plus ``untrusted_root`` (a
licence or card of an authority nobody confirmed) and ``stale_card`` (a card, or the newest
revocation list known for its root, past its time: ask the holder for a fresh card).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .. import gm
from ..errors import VerificationFailed
from ..pki import (
    Certificate,
    CertificateInvalid,
    LicenceInfo,
    RevocationList,
    load_crl,
    verify_licence,
)
from ..pki.verify import STALE_REVOCATION_LIST, check_issued_by, check_root
from ..wire import KeyRecord
from . import card as cards
from .frame import MAX_SKEW, MessageRefused, fmt_time, key_sm3

if TYPE_CHECKING:
    from ..keystore.peers import StoredCard
    from .flows import Device

#: How long a card made now may be used (its revocation list usually ends sooner: one day).
CARD_LIFETIME = timedelta(days=7)


def normalise_fingerprint(text: str) -> str:
    """A SHA-256 fingerprint as typed or read out: colons, spaces and case do not matter."""
    return "".join(c for c in text.lower() if c in "0123456789abcdef")


def untrusted_root(fingerprint: str) -> MessageRefused:
    return MessageRefused(
        "untrusted_root",
        "The authority root {fingerprint} is not trusted on this device: confirm its SHA-256 fingerprint with its "
        "holder (by phone or in person) and import their card with --trust-root",
        fingerprint=fingerprint)


def stale_card(record_id: str, at: datetime) -> MessageRefused:
    return MessageRefused("stale_card", "The peer card of {id} expired at {at}: ask its holder for a fresh card "
                          "(`ebid key export-card`)", id=record_id, at=fmt_time(at))


def stale_crl(fingerprint: str, at: datetime) -> MessageRefused:
    return MessageRefused(
        "stale_card",
        "The newest revocation list this device has of the authority {fingerprint} expired at {at}: ask a holder "
        "of that authority for a fresh card (`ebid key export-card`)", fingerprint=fingerprint[:16], at=fmt_time(at))


@dataclass
class Directory:
    device: Device

    # roots and licences ------------------------------------------------------------------------

    def _service(self):
        return self.device.holder.service

    def service_root(self) -> Certificate:
        return self._service().root_certificate()

    def issued_here(self, cert: Certificate) -> bool:
        """``cert`` was issued by this device's own service's authority."""
        return _issued_by(cert, self.service_root())

    def _authority(self, cert: Certificate, now: datetime) -> tuple[Certificate, RevocationList]:
        """The root that issued ``cert`` among this device's service's and the pinned ones, and
        its current revocation list."""
        own = self.service_root()
        if _issued_by(cert, own):
            return own, self._service().revocation_list()
        for pinned in self.device.store.peers.roots():
            root = Certificate.load(pinned.certificate)
            if _issued_by(cert, root):
                crl = load_crl(pinned.crl, root)
                if crl.next_update is not None and now > crl.next_update:
                    raise stale_crl(pinned.fingerprint, crl.next_update)
                return root, crl
        raise MessageRefused(
            "untrusted_root",
            "The licence was issued by an authority this device does not trust ({issuer}): confirm the root's "
            "fingerprint with its holder and import their card with --trust-root",
            issuer=cert.tbs["issuer"].human_friendly)

    def licence(self, cert: Certificate, now: datetime, *, holder_of: str = "") -> LicenceInfo:
        """``cert`` verified now against its authority (chain, window, revocation): a message's
        sender's, or (``holder_of``) the licence of the holder of that key record."""
        root, crl = self._authority(cert, now)
        try:
            return verify_licence(cert, root, at=now, revocations=crl)
        except CertificateInvalid as exc:
            if exc.code == STALE_REVOCATION_LIST:
                raise stale_crl(root.fingerprint(), crl.next_update or now) from None
            if holder_of:
                raise MessageRefused("holder_licence_not_live", "The licence of the holder of {id} does not hold "
                                     "now: {reason}", id=holder_of, reason=exc.message) from None
            raise MessageRefused("untrusted_sender", "The sender's licence does not hold now: {reason}",
                                 reason=exc.message) from None

    # key records -------------------------------------------------------------------------------

    def record(self, record_id: str, *, live: bool = True):
        """The key record ``record_id`` of this enterprise: from a pinned card, else the service.
        ``live``: its holder's licence must hold now (a backup or request is sealed to it);
        otherwise any registered key (the public key a package or grant must match)."""
        stored = self.device.store.peers.card(record_id)
        if stored is None:
            return self._service_record(record_id, live=live)
        now = self.device.now()
        if now > stored.expires:
            raise stale_card(record_id, stored.expires)
        card = cards.parse_card(stored.card)
        if live:
            self.licence(card.licence, now, holder_of=record_id)
        return _record(stored, same_person=stored.person_id == self.device.terms.person_id)

    def _service_record(self, record_id: str, *, live: bool):
        if live:
            return self.device.mailbox.record(record_id)
        for key in self.device.holder.keys():
            if key.key_id == record_id:
                return key
        raise MessageRefused("unknown_key_record", "No registered key {id}", id=record_id)

    # cards -------------------------------------------------------------------------------------

    def make_card(self, key) -> bytes:
        """This device's signed card of its registered ``key`` (an EncryptionKeyInfo)."""
        device = self.device
        now = device.now()
        licence = device.holder.certificate
        return cards.build_card(
            record_id=key.registry_id, public_key=key.public_key, label=key.label, licence=licence,
            root=self.service_root(), crl=self._service().crl_pem(), created=now,
            expires=min(now + CARD_LIFETIME, licence.not_after), signer=device.holder.key)

    def check_card(self, raw: bytes, *, trust_root: str | None = None) -> tuple[cards.Card, str]:
        """A card's checks (nothing stored): signature, root trusted (the fingerprint confirmed
        out of band, pinned before, or this device's own service's), revocation list signed by
        that root and current, licence valid now and not revoked, same enterprise as this
        device's licence, card not expired. (card, how its root is trusted)."""
        card = cards.parse_card(raw)
        now = self.device.now()
        try:
            check_root(card.root)
        except CertificateInvalid as exc:
            raise cards.malformed(exc.message) from None
        fingerprint = card.root_fingerprint
        pinned = {r.fingerprint: r for r in self.device.store.peers.roots()}
        if fingerprint == self.service_root().fingerprint():
            how = "service"
        elif trust_root is not None and normalise_fingerprint(trust_root) == fingerprint:
            how = "fingerprint"
        elif fingerprint in pinned:
            how = pinned[fingerprint].pinned_by
        else:
            raise untrusted_root(fingerprint)
        if card.created - now > MAX_SKEW:
            raise cards.malformed("it was made in the future: check the clock")
        if now > card.expires:
            raise stale_card(card.record_id, card.expires)
        try:
            crl = load_crl(card.crl, card.root)
        except VerificationFailed:
            raise cards.malformed("its revocation list is not signed by its root") from None
        if crl.next_update is not None and now > crl.next_update:
            raise stale_crl(fingerprint, crl.next_update)
        try:
            info = verify_licence(card.licence, card.root, at=now, revocations=crl)
        except CertificateInvalid as exc:
            raise MessageRefused("holder_licence_not_live", "The licence of {name} in the card does not hold now: "
                                 "{reason}", name=card.holder_name, reason=exc.message) from None
        if info.terms.credit_code != self.device.terms.credit_code:
            raise MessageRefused("other_enterprise", "The card of {name} is of another enterprise ({code})",
                                 name=card.holder_name, code=info.terms.credit_code)
        return card, how

    def take_card(self, raw: bytes, *, trust_root: str | None = None, via: str) -> tuple[cards.Card, str]:
        """Check and keep a card (root pinned, freshest revocation list kept); audited.
        (card, ``new`` / ``refreshed`` / ``kept``)."""
        card, how = self.check_card(raw, trust_root=trust_root)
        return card, self.keep(card, how, via=via)

    def keep(self, card: cards.Card, how: str, *, via: str) -> str:
        from ..keystore.peers import PinnedRoot, StoredCard

        crl = load_crl(card.crl, card.root)
        now = self.device.store.clock()
        root = PinnedRoot(card.root_fingerprint, card.root.der, card.root.tbs["subject"].human_friendly, how,
                          now, card.crl, int(crl.number), crl.next_update)
        stored = StoredCard(card.record_id, card.key_sm3, card.public_key, card.holder_name, card.role,
                            card.person_id, card.serial, card.label, card.enterprise, card.root_fingerprint,
                            card.raw, card.created, card.expires, now)
        return self.device.store.peers.store(self.device.unlocked, root=root, card=stored, via=via)


def _issued_by(cert: Certificate, root: Certificate) -> bool:
    try:
        check_issued_by(cert, root)
    except CertificateInvalid:
        return False
    return True


def _record(stored: StoredCard, *, same_person: bool) -> KeyRecord:
    public = gm.load_public_key(stored.public_key)
    return KeyRecord(record_id=stored.record_id, holder_name=stored.holder_name, role=stored.role,
                     person_id=stored.person_id, serial=stored.serial, label=stored.label,
                     same_person=same_person, public_key=stored.public_key, key_sm3=key_sm3(public))
