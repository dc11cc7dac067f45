"""The key-backup mailbox's JSON (docs/protocols/key-backup.md §4): sealed messages as the relay
keeps them, the records of keys a backup may be sent to (可备份密钥记录), and the registry's
backup state."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .base import Base64Bytes, WireModel


class MessageIn(WireModel):
    frame: str = Field(max_length=22000, description="base64 of one EBKB frame (at most 16 KiB)")


class MessageMeta(WireModel):
    """What the relay knows of a message, and the sealed frame itself."""

    message_id: str
    kind: str
    sender_serial: str
    sender_name: str
    recipient_key: str
    subject: str = Field(description="registry id of the key the message is about")
    reply_to: str
    size: int
    created_at: datetime
    expires_at: datetime
    deliver_after: datetime
    addressed: bool = Field(description="false: a pending grant about your key (you may veto it)")
    frame: Base64Bytes


class KeyRecord(WireModel):
    """A registered key another holder of the enterprise could receive a backup with."""

    record_id: str
    holder_name: str
    role: str
    person_id: str
    serial: str
    label: str
    same_person: bool
    public_key: Base64Bytes  # SubjectPublicKeyInfo DER
    key_sm3: str


class HolderWithoutKey(WireModel):
    person_id: str
    name: str
    role: str


class Candidates(WireModel):
    records: tuple[KeyRecord, ...]
    without_key: tuple[HolderWithoutKey, ...] = Field(
        description="holders of the enterprise who have not applied for a key yet"
    )


class BackupIn(WireModel):
    key_id: str = Field(max_length=40)
    holder_key: str = Field(max_length=40)
    package_id: str = Field(max_length=34)
    proof: str = Field(max_length=200, description="base64 DER signature of the backed-up key")


class BackupState(WireModel):
    key_id: str
    holder_key: str
    holder_name: str
    holder_role: str
    holder_serial: str
    package_id: str
    verified_at: datetime
    state: str = Field(description="verified, or revoked / expired: the holder's licence")
    counts: bool
