"""Tables of the keystore file. Each encrypted column holds a blob from :mod:`.blobs`.

The schema is changed only through the Alembic scripts in ``migrations/versions``; these classes
must match the newest script (a test compares them).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .db import Base, UTCDateTime, utcnow


class Meta(Base):
    """Key/value settings: the wrapped master key (with its KDF parameters), the failed-unlock
    counter, the store id, the audit anchor. Keys are the ``META_*`` names in :mod:`.storage`
    and the repositories."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)


class DeviceIdentity(Base):
    """The device's own SM2 key: it signs licence requests (proof of possession). One row."""

    __tablename__ = "device_identity"
    __table_args__ = (CheckConstraint("id = 1", name="ck_device_identity_single"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    private_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)


class Licence(Base):
    """A downloaded licence copy: its certificate (opaque DER) and its encrypted private key.

    The enterprise, holder, role and validity are copied out of the certificate by the caller so
    that lists can be shown without parsing every certificate.
    """

    __tablename__ = "licences"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    certificate: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    private_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    enterprise_code: Mapped[str] = mapped_column(String(18), nullable=False, index=True)
    enterprise_name: Mapped[str] = mapped_column(Text, nullable=False)
    holder_name: Mapped[str] = mapped_column(Text, nullable=False)
    role: Mapped[str] = mapped_column(String(32), nullable=False)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    not_after: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)


class EncryptionKey(Base):
    """An SM2 key pair for bid-file encryption ("apply for a key" on the bid page)."""

    __tablename__ = "encryption_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    licence_id: Mapped[int | None] = mapped_column(
        ForeignKey("licences.id", ondelete="SET NULL"), nullable=True
    )
    label: Mapped[str] = mapped_column(Text, nullable=False)
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    private_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    certificate: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    #: The key registry's id of this key (``K-…``, revision 0005); NULL for a key never registered.
    registry_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    #: ``own`` (applied for on this device) or ``recovered`` (the owner's key again, from a
    #: backup holder's recovery grant), revision 0005.
    origin: Mapped[str] = mapped_column(String(16), nullable=False, server_default="own")


class HeldKey(Base):
    """Another holder's key backed up to this device (备份, revision 0005): sealed under this
    device's master key like every private key, marked as held for its owner."""

    __tablename__ = "held_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    registry_id: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    key_sm3: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    private_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    owner_name: Mapped[str] = mapped_column(Text, nullable=False)
    owner_person_id: Mapped[str] = mapped_column(String(40), nullable=False)
    owner_masked_id: Mapped[str] = mapped_column(String(32), nullable=False)
    owner_serial: Mapped[str] = mapped_column(String(40), nullable=False)
    enterprise_code: Mapped[str] = mapped_column(String(18), nullable=False)
    enterprise_name: Mapped[str] = mapped_column(Text, nullable=False)
    wait_hours: Mapped[int] = mapped_column(Integer, nullable=False)
    package_id: Mapped[str] = mapped_column(String(34), nullable=False, unique=True)
    sealed_to: Mapped[str] = mapped_column(String(40), nullable=False)
    held_since: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class KeyBackupRow(Base):
    """The owner's side of a backup (revision 0005): to whom this device's key was sent, and
    whether the holder's verified acknowledgement came back."""

    __tablename__ = "key_backups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    encryption_key_id: Mapped[int] = mapped_column(
        ForeignKey("encryption_keys.id", ondelete="CASCADE"), nullable=False, index=True
    )
    holder_record: Mapped[str] = mapped_column(String(40), nullable=False)
    holder_name: Mapped[str] = mapped_column(Text, nullable=False)
    package_id: Mapped[str] = mapped_column(String(34), nullable=False, unique=True)
    wait_hours: Mapped[int] = mapped_column(Integer, nullable=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False)  # sent / verified
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class RecoveryRow(Base):
    """A recovery request (revision 0005): ``sent`` from this (new) device, or ``received`` by
    this backup holder's device, and what became of it."""

    __tablename__ = "recovery_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[str] = mapped_column(String(34), nullable=False, unique=True)
    direction: Mapped[str] = mapped_column(String(8), nullable=False)  # sent / received
    subject: Mapped[str] = mapped_column(String(40), nullable=False)  # the owner's key (K-…)
    peer_record: Mapped[str] = mapped_column(String(40), nullable=False)
    new_key: Mapped[str] = mapped_column(String(40), nullable=False)
    requester_name: Mapped[str] = mapped_column(Text, nullable=False)
    requester_masked_id: Mapped[str] = mapped_column(String(32), nullable=False)
    state: Mapped[str] = mapped_column(String(16), nullable=False)
    grant_id: Mapped[str | None] = mapped_column(String(34), nullable=True)
    not_before: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class SeenMessage(Base):
    """A key-backup message id this device has acted on (revision 0005): a second copy is a
    replay and is refused until the id's own expiry has passed."""

    __tablename__ = "seen_messages"

    message_id: Mapped[str] = mapped_column(String(34), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


class PeerRoot(Base):
    """An authority root the user confirmed out of band for the offline transport (revision
    0006), or the device's own service root a card named; with the freshest revocation list
    any card of that root carried."""

    __tablename__ = "peer_roots"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    certificate: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    subject: Mapped[str] = mapped_column(Text, nullable=False)
    pinned_by: Mapped[str] = mapped_column(String(16), nullable=False)  # fingerprint / service
    pinned_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    crl: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    crl_number: Mapped[int] = mapped_column(Integer, nullable=False)
    crl_next_update: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class PeerCard(Base):
    """Another device's registered key as its signed peer card stated it (revision 0006): the
    key record the offline transport seals to and checks against. One per key record; a newer
    card of the same key replaces the older."""

    __tablename__ = "peer_cards"

    record_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    key_sm3: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)  # SPKI DER
    holder_name: Mapped[str] = mapped_column(Text, nullable=False)
    role: Mapped[str] = mapped_column(String(32), nullable=False)
    person_id: Mapped[str] = mapped_column(String(40), nullable=False)
    serial: Mapped[str] = mapped_column(String(40), nullable=False)
    label: Mapped[str] = mapped_column(Text, nullable=False)
    enterprise_code: Mapped[str] = mapped_column(String(18), nullable=False)
    root_fingerprint: Mapped[str] = mapped_column(
        ForeignKey("peer_roots.fingerprint", ondelete="CASCADE"), nullable=False)
    card: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    created: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    expires: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)


#: Tables whose ``private_key`` column is a data blob under the master key (re-encrypted together
#: when the password changes).
KEY_TABLES: tuple[type[Base], ...] = (DeviceIdentity, Licence, EncryptionKey, HeldKey)


class StoredSealRow(Base):
    """A collected electronic seal (GB/T 38540 ``SESeal`` DER, public: no blob encryption).

    The seal id, enterprise, type, name, validity and picture are copied out of the seal by the
    caller, like a licence's fields, so lists need no ASN.1 parsing. ``licence_id`` is the
    licence it was collected with.
    """

    __tablename__ = "seals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    seal_id: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    enterprise_code: Mapped[str] = mapped_column(String(18), nullable=False, index=True)
    seal_type: Mapped[str] = mapped_column(String(40), nullable=False)
    name: Mapped[str] = mapped_column(Text, nullable=False)
    valid_start: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    valid_end: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    seal: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    picture: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    licence_id: Mapped[int | None] = mapped_column(
        ForeignKey("licences.id", ondelete="SET NULL"), nullable=True
    )
    collected_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)


class AuditRow(Base):
    """One entry of the audit log (revision 0002); the chain and anchor rules are in
    :mod:`app.core.audit`, the appending in :mod:`.audit_log`."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    event: Mapped[str] = mapped_column(String(64), nullable=False)
    details: Mapped[str] = mapped_column(Text, nullable=False)
    prev_hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    hash: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)


class AuditHeadRow(Base):
    """A head of the audit log the service countersigned (revision 0007;
    :mod:`app.core.audit.countersign`). Signed by the service, so kept as received."""

    __tablename__ = "audit_heads"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    head: Mapped[bytes] = mapped_column(LargeBinary(32), nullable=False)
    counter: Mapped[int] = mapped_column(Integer, nullable=False)
    store: Mapped[str] = mapped_column(String(64), nullable=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    signature: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)


class TaskHistoryRow(Base):
    """One answer this device gave to a platform's QR task (revision 0004; :mod:`.task_history`).

    ``answer`` is what the holder chose (``confirm`` / ``cancel``); ``action`` what became of it:
    ``confirmed`` or ``cancelled`` when the platform took it, ``refused`` when it did not, with
    the platform's state or refusal code in ``outcome``. ``licence_serial`` (lower-case hex) is
    the licence that signed; NULL for an unsigned cancel."""

    __tablename__ = "task_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    task_id: Mapped[str] = mapped_column(String(22), nullable=False, index=True)
    task_type: Mapped[str] = mapped_column(String(16), nullable=False)
    platform_name: Mapped[str] = mapped_column(Text, nullable=False)
    platform_url: Mapped[str] = mapped_column(Text, nullable=False)
    answer: Mapped[str] = mapped_column(String(8), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    licence_serial: Mapped[str | None] = mapped_column(String(40), nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    outcome: Mapped[str] = mapped_column(Text, nullable=False)
    document_sm3: Mapped[str] = mapped_column(String(64), nullable=False)
