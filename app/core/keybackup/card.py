"""Peer cards and bundled files: the offline transport between devices of two authorities
(docs/protocols/key-backup.md §2.2, §2.3).

A **card** is one registered key as its holder states it, self-contained: the key record, the
holder's licence certificate, the issuing authority's root and its current revocation list,
signed with the licence's key::

    "EBKC" | version 0x01 | body length (u32) | body (canonical JSON) | signature length (u16)
    | signature: SM2-with-SM3 of the licence key over "EBid peer card v1\\0" || every byte before
      the signature length

A **bundle** is what an offline file holds: the sender's card and one frame, unchanged::

    "EBKF" | version 0x01 | card length (u32) | card | frame length (u32) | frame

Everything here is pure (no keystore, no service): parsing, the signature and the card's own
consistency. Whether its root is trusted, and whether it is current, is the directory's
(:mod:`.directory`).
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import pem

from .. import gm
from ..errors import EbidError
from ..pki import Certificate, parse_licence
from .frame import MAX_FRAME, MessageRefused, b64, canonical, fmt_time, key_sm3, parse_time, unb64

CARD_MAGIC = b"EBKC"
BUNDLE_MAGIC = b"EBKF"
VERSION = 1
CARD_PREFIX = b"EBid peer card v1\0"
MAX_CARD = 64 * 1024  # the revocation list is the part that grows
MAX_BUNDLE = 13 + MAX_CARD + MAX_FRAME  # magic 4, version 1, two u32 lengths


def malformed(detail: str) -> MessageRefused:
    return MessageRefused("malformed_card", "Not a valid peer card: {detail}", detail=detail)


@dataclass(frozen=True)
class Card:
    record_id: str  # the key registry's id, K-…
    public_key: bytes  # SubjectPublicKeyInfo DER
    key_sm3: str
    label: str
    holder_name: str
    role: str
    person_id: str
    serial: str  # of the licence, lower-case hex
    enterprise: str  # credit code
    licence: Certificate
    root: Certificate
    crl: bytes  # DER, signed by the root
    created: datetime
    expires: datetime
    raw: bytes

    @property
    def root_fingerprint(self) -> str:
        return self.root.fingerprint()


def crl_der(data: bytes) -> bytes:
    """A revocation list as DER, whether the service gave it as PEM or DER."""
    return pem.unarmor(data)[2] if pem.detect(data) else data


def build_card(*, record_id: str, public_key: gm.SM2PublicKey, label: str, licence: Certificate,
               root: Certificate, crl: bytes, created: datetime, expires: datetime, signer) -> bytes:
    """The signed card of ``public_key`` (registered as ``record_id``); the holder's fields come
    from ``licence``, whose key ``signer`` (``sign(bytes)``) holds."""
    terms = parse_licence(licence).terms
    body = {
        "v": VERSION, "created": fmt_time(created), "expires": fmt_time(expires),
        "enterprise": terms.credit_code,
        "key": {"id": record_id, "public": b64(gm.public_key_to_der(public_key)),
                "key_sm3": key_sm3(public_key), "label": label},
        "holder": {"name": terms.holder_name, "role": terms.role.value, "person_id": terms.person_id,
                   "serial": format(licence.serial, "x")},
        "licence": b64(licence.der), "root": b64(root.der), "crl": b64(crl_der(crl)),
    }
    data = canonical(body)
    unsigned = CARD_MAGIC + bytes([VERSION]) + struct.pack(">I", len(data)) + data
    signature = signer.sign(CARD_PREFIX + unsigned)
    raw = unsigned + struct.pack(">H", len(signature)) + signature
    if len(raw) > MAX_CARD:
        raise malformed("larger than 64 KiB")
    return raw


def parse_card(raw: bytes) -> Card:
    """The card, once its signature verifies with the licence it carries and its fields are that
    licence's (``card_altered`` / ``malformed_card`` otherwise). Trust and time: the directory's."""
    if len(raw) > MAX_CARD:
        raise malformed("larger than 64 KiB")
    try:
        if raw[:4] != CARD_MAGIC or raw[4] != VERSION:
            raise malformed("not an EBKC version 1 card")
        (blen,) = struct.unpack_from(">I", raw, 5)
        data = raw[9 : 9 + blen]
        (glen,) = struct.unpack_from(">H", raw, 9 + blen)
        signature = raw[11 + blen :]
        if len(data) != blen or len(signature) != glen or not glen:
            raise malformed("truncated")
        body = _json(data)
        key, holder = body["key"], body["holder"]
        licence = Certificate.load(unb64(body["licence"]))
        root = Certificate.load(unb64(body["root"]))
        public = gm.load_public_key(unb64(key["public"]))
        card = Card(
            str(key["id"]), gm.public_key_to_der(public), str(key["key_sm3"]), str(key["label"]),
            str(holder["name"]), str(holder["role"]), str(holder["person_id"]), str(holder["serial"]),
            str(body["enterprise"]), licence, root, unb64(body["crl"]), parse_time(body["created"]),
            parse_time(body["expires"]), bytes(raw),
        )
        valid = licence.public_key().is_valid_signature(signature, CARD_PREFIX + raw[: 9 + blen])
    except MessageRefused:
        raise
    except (KeyError, TypeError, ValueError, IndexError, struct.error, EbidError):
        raise malformed("a field is missing or not what it names") from None
    if not valid:
        raise MessageRefused("card_altered", "The peer card of {id} was altered or not signed by the licence it carries",
                             id=card.record_id)
    _check_fields(card, body)
    return card


def _json(data: bytes) -> dict:
    body = json.loads(data)
    if not isinstance(body, dict) or canonical(body) != data or body.get("v") != VERSION:
        raise malformed("the body is not canonical JSON of version 1")
    return body


def _check_fields(card: Card, body: dict) -> None:
    """What the card says of its holder is what its licence says; its key id is its key's."""
    try:
        terms = parse_licence(card.licence).terms
    except EbidError:
        raise malformed("the certificate is not a licence") from None
    stated = (card.holder_name, card.role, card.person_id, card.serial, card.enterprise)
    if stated != (terms.holder_name, terms.role.value, terms.person_id, format(card.licence.serial, "x"),
                  terms.credit_code):
        raise malformed("the holder is not the licence's")
    if card.key_sm3 != key_sm3(gm.load_public_key(card.public_key)):
        raise malformed("the key id is not the key's")
    if not card.record_id.startswith("K-") or len(card.record_id) != 18:
        raise malformed("the key record id")
    if card.expires < card.created:
        raise malformed("it expires before it was made")


def bundle(card: bytes, frame: bytes) -> bytes:
    return (BUNDLE_MAGIC + bytes([VERSION]) + struct.pack(">I", len(card)) + card
            + struct.pack(">I", len(frame)) + frame)


def is_bundle(raw: bytes) -> bool:
    return raw[:4] == BUNDLE_MAGIC


def unbundle(raw: bytes) -> tuple[bytes, bytes]:
    """(card, frame) of a bundled file; unchecked."""
    try:
        if raw[:4] != BUNDLE_MAGIC or raw[4] != VERSION:
            raise malformed("not an EBKF version 1 file")
        (clen,) = struct.unpack_from(">I", raw, 5)
        card = raw[9 : 9 + clen]
        (flen,) = struct.unpack_from(">I", raw, 9 + clen)
        frame = raw[13 + clen :]
    except (IndexError, struct.error):
        raise malformed("the file is truncated") from None
    if len(card) != clen or len(frame) != flen or clen > MAX_CARD or flen > MAX_FRAME:
        raise malformed("the file is truncated or too long")
    return bytes(card), bytes(frame)
