"""The key-backup message frame (docs/protocols/key-backup.md §2): one byte format for every
message kind, carried by the service's mailbox or as a file.

::

    "EBKB" | version 0x01 | kind (u8) | header length (u16) | header (canonical JSON)
    | sealed length (u32) | sealed body | signature length (u16) | signature (DER)

    sealed body = key length (u16) | SM2 ciphertext (DER) of a fresh 16-byte content key
                  | nonce (12) | SM4-GCM(content key, nonce, body JSON, AAD = header bytes)
    signature   = SM2-with-SM3 (standard user ID) of the sender's licence key over
                  "EBid key backup message v1\\0" || every byte before the signature length

The header is readable by the relay (who, to which key, about which key, when); the body only
by the holder of the recipient key. Everything here is pure: no keystore, no service.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import struct
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum

from .. import gm
from ..bidx import key_id as bidx_key_id
from ..errors import DecryptionFailed, EbidError, Refused
from ..pki import Certificate, to_utc_second

MAGIC = b"EBKB"
VERSION = 1
SIGNED_PREFIX = b"EBid key backup message v1\0"
PROOF_PREFIX = b"EBid key backup proof v1\0"
MAX_FRAME = 16 * 1024
MAX_HEADER = 8 * 1024
CONTENT_KEY = 16
NONCE = 12
#: Clock difference tolerated between devices for ``created`` in the future.
MAX_SKEW = timedelta(minutes=5)


class Kind(IntEnum):
    BACKUP = 1
    ACK = 2
    REQUEST = 3
    GRANT = 4
    VETO = 5
    WITHDRAWAL = 6

    @property
    def label(self) -> str:
        return self.name.lower()


#: How long each kind may live (expires - created at most this).
LIFETIME: dict[Kind, timedelta] = {
    Kind.BACKUP: timedelta(days=7),
    Kind.ACK: timedelta(days=7),
    Kind.REQUEST: timedelta(days=1),
    Kind.GRANT: timedelta(hours=72 + 24),
    Kind.VETO: timedelta(days=4),
    Kind.WITHDRAWAL: timedelta(days=7),
}


class MessageRefused(Refused):
    """A key-backup message that fails a check (docs/protocols/key-backup.md §5)."""


def new_message_id() -> str:
    return "M-" + secrets.token_hex(16)


def fmt_time(moment: datetime) -> str:
    return to_utc_second(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: object) -> datetime:
    try:
        return datetime.strptime(str(text), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        raise malformed("a time is not of the form 2026-03-02T01:00:00Z") from None


def canonical(data: dict) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: object) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except ValueError:
        raise malformed("a field is not base64") from None


def replayed(message_id: str) -> MessageRefused:
    return MessageRefused("message_replayed", "The message {id} was already handled on this device: a replay",
                          id=message_id)


def key_sm3(public_key: gm.SM2PublicKey) -> str:
    """The key's id in bid containers: SM3 of its SubjectPublicKeyInfo DER, hex."""
    return bidx_key_id(public_key).hex()


def malformed(detail: str) -> MessageRefused:
    return MessageRefused("malformed_message", "Not a valid key-backup message: {detail}", detail=detail)


@dataclass(frozen=True)
class Header:
    message_id: str
    kind: Kind
    enterprise: str  # credit code of the sender's licence
    sender_serial: str  # lower-case hex
    sender_certificate: bytes  # DER
    to_key: str  # registry id of the recipient's device key
    to_key_sm3: str
    subject: str  # registry id of the key the message is about
    reply_to: str  # a message id, or ""
    created: datetime
    expires: datetime
    not_before: datetime

    def to_json(self) -> dict:
        return {
            "v": VERSION, "id": self.message_id, "kind": self.kind.label,
            "enterprise": self.enterprise,
            "sender": {"serial": self.sender_serial, "certificate": b64(self.sender_certificate)},
            "to": {"key": self.to_key, "key_sm3": self.to_key_sm3},
            "subject": self.subject, "reply_to": self.reply_to,
            "created": fmt_time(self.created), "expires": fmt_time(self.expires),
            "not_before": fmt_time(self.not_before),
        }

    @classmethod
    def from_json(cls, kind: Kind, data: object) -> Header:
        try:
            # Not an assert: `python -O` (a frozen build may use it) would drop the check.
            if not (isinstance(data, dict) and data["v"] == VERSION and data["kind"] == kind.label):
                raise TypeError("version or kind")
            sender, to = data["sender"], data["to"]
            header = cls(
                str(data["id"]), kind, str(data["enterprise"]), str(sender["serial"]),
                unb64(sender["certificate"]), str(to["key"]), str(to["key_sm3"]),
                str(data["subject"]), str(data["reply_to"]), parse_time(data["created"]),
                parse_time(data["expires"]), parse_time(data["not_before"]),
            )
        except (KeyError, TypeError):
            raise malformed("the header lacks a field or names another kind") from None
        if not header.message_id.startswith("M-") or len(header.message_id) != 34:
            raise malformed("the message id")
        return header

    def certificate(self) -> Certificate:
        try:
            cert = Certificate.load(self.sender_certificate)
        except (EbidError, ValueError, TypeError):
            raise malformed("the sender's certificate") from None
        if format(cert.serial, "x") != self.sender_serial:
            raise malformed("the sender's serial is not its certificate's")
        return cert


@dataclass(frozen=True)
class Frame:
    """A parsed frame: its header and the bytes needed to check and open it."""

    header: Header
    header_bytes: bytes
    sealed: bytes
    signature: bytes
    raw: bytes

    @property
    def signed_bytes(self) -> bytes:
        return SIGNED_PREFIX + self.raw[: len(self.raw) - 2 - len(self.signature)]

    def verify_signature(self) -> Certificate:
        """The sender's certificate, once its key verifies the frame's signature."""
        cert = self.header.certificate()
        try:
            valid = cert.public_key().is_valid_signature(self.signature, self.signed_bytes)
        except EbidError:
            raise malformed("the sender's certificate holds no SM2 key") from None
        if not valid:
            raise MessageRefused(
                "bad_message_signature",
                "The message {id} was altered or not signed by the licence it names",
                id=self.header.message_id,
            )
        return cert

    def open(self, key: gm.SM2PrivateKey) -> dict:
        """Decrypt the body with the recipient's device key; the body's JSON."""
        if key_sm3(key.public_key()) != self.header.to_key_sm3:
            raise MessageRefused("not_addressed_here", "The message {id} is sealed to another key",
                                 id=self.header.message_id)
        try:
            (klen,) = struct.unpack_from(">H", self.sealed, 0)
            wrapped = self.sealed[2 : 2 + klen]
            nonce = self.sealed[2 + klen : 2 + klen + NONCE]
            content_key = key.decrypt(wrapped)
            if len(content_key) != CONTENT_KEY or len(nonce) != NONCE:
                raise DecryptionFailed("bad content key")
            body = gm.sm4_gcm_decrypt(content_key, nonce, self.sealed[2 + klen + NONCE :],
                                      self.header_bytes)
            data = json.loads(body)
        except (EbidError, ValueError, struct.error):
            raise MessageRefused("message_altered", "The message {id} does not decrypt: altered in transit",
                                 id=self.header.message_id) from None
        if not isinstance(data, dict) or data.get("sender_serial") != self.header.sender_serial:
            raise malformed("the body names another sender")
        return data


def build(header: Header, body: dict, recipient: gm.SM2PublicKey, signer) -> bytes:
    """Seal ``body`` to ``recipient`` and sign the frame with ``signer`` (``sign(bytes)``)."""
    if key_sm3(recipient) != header.to_key_sm3:
        raise malformed("the recipient key is not the header's")
    header_bytes = canonical(header.to_json())
    content_key, nonce = os.urandom(CONTENT_KEY), os.urandom(NONCE)
    wrapped = recipient.encrypt(content_key)
    plain = canonical({**body, "sender_serial": header.sender_serial})
    sealed = (struct.pack(">H", len(wrapped)) + wrapped + nonce
              + gm.sm4_gcm_encrypt(content_key, nonce, plain, header_bytes))
    unsigned = (MAGIC + bytes([VERSION, header.kind]) + struct.pack(">H", len(header_bytes))
                + header_bytes + struct.pack(">I", len(sealed)) + sealed)
    signature = signer.sign(SIGNED_PREFIX + unsigned)
    raw = unsigned + struct.pack(">H", len(signature)) + signature
    if len(raw) > MAX_FRAME:
        raise malformed("the message is larger than 16 KiB")
    return raw


def parse(raw: bytes) -> Frame:
    """Split a frame (no signature or time check: see :meth:`Frame.verify_signature`, :func:`check_times`)."""
    if len(raw) > MAX_FRAME:
        raise malformed("larger than 16 KiB")
    try:
        if raw[:4] != MAGIC or raw[4] != VERSION:
            raise malformed("not an EBKB version 1 frame")
        kind = Kind(raw[5])
        (hlen,) = struct.unpack_from(">H", raw, 6)
        if hlen > MAX_HEADER:
            raise malformed("the header is too long")
        header_bytes = raw[8 : 8 + hlen]
        (slen,) = struct.unpack_from(">I", raw, 8 + hlen)
        start = 12 + hlen
        sealed = raw[start : start + slen]
        (glen,) = struct.unpack_from(">H", raw, start + slen)
        signature = raw[start + slen + 2 :]
        if len(sealed) != slen or len(signature) != glen or not glen:
            raise malformed("truncated")
        data = json.loads(header_bytes)
    except (IndexError, ValueError, struct.error):
        raise malformed("truncated or not JSON") from None
    if canonical(data) != header_bytes:
        raise malformed("the header is not in canonical form")
    return Frame(Header.from_json(kind, data), header_bytes, sealed, signature, bytes(raw))


def check_times(header: Header, now: datetime) -> None:
    """Refuse a message from the future, past its expiry, or living longer than its kind may."""
    if header.created - now > MAX_SKEW:
        raise MessageRefused("message_not_yet_valid", "The message {id} was made at {at}, in the future: check the clock",
                             id=header.message_id, at=fmt_time(header.created))
    if now > header.expires:
        raise MessageRefused("message_expired", "The message {id} expired at {at}",
                             id=header.message_id, at=fmt_time(header.expires))
    if header.expires - header.created > LIFETIME[header.kind] or header.not_before < header.created:
        raise malformed("its lifetime is longer than its kind allows")


def proof_bytes(package_id: str, subject: str, holder_serial: str) -> bytes:
    """What the backed-up key signs to prove the holder's copy works (the acknowledgement's proof)."""
    return PROOF_PREFIX + f"{package_id}\0{subject}\0{holder_serial}".encode()


def verify_proof(public: gm.SM2PublicKey, proof: bytes, package_id: str, subject: str,
                 holder_serial: str) -> bool:
    return public.is_valid_signature(proof, proof_bytes(package_id, subject, holder_serial))
