"""The licence request a device sends, signed with the device key (proof of possession).

    LicenceRequest ::= SEQUENCE {
        version            INTEGER (1),
        creditCode         UTF8String,
        registrationPlace  UTF8String,
        holderName         UTF8String,
        idNumber           UTF8String,
        authorisationId    UTF8String,          -- "" when not downloading as an agent
        devicePublicKey    SubjectPublicKeyInfo,  -- SM2
        nonce              OCTET STRING (SIZE (16..64)),
        requestedAt        GeneralizedTime }
    SignedLicenceRequest ::= SEQUENCE {
        request            LicenceRequest,
        signature          OCTET STRING }       -- SM2-with-SM3, standard ID, over the request DER

The authority verifies the signature with the key inside the request, so only a holder of that
private key can obtain a certificate for it; the nonce and time stop a captured request from
being replayed.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime

from asn1crypto import core, keys

from .. import gm
from ..der import ASN1_ERRORS
from ..errors import InvalidInput, VerificationFailed
from ..pki import to_utc_second
from .errors import BadRequest

VERSION = 1


class _Request(core.Sequence):
    _fields = [
        ("version", core.Integer),
        ("credit_code", core.UTF8String),
        ("registration_place", core.UTF8String),
        ("holder_name", core.UTF8String),
        ("id_number", core.UTF8String),
        ("authorisation_id", core.UTF8String),
        ("device_public_key", keys.PublicKeyInfo),
        ("nonce", core.OctetString),
        ("requested_at", core.GeneralizedTime),
    ]


class _SignedRequest(core.Sequence):
    _fields = [("request", _Request), ("signature", core.OctetString)]


@dataclass(frozen=True)
class LicenceRequest:
    credit_code: str
    registration_place: str
    holder_name: str
    id_number: str
    device_public_key: gm.SM2PublicKey
    requested_at: datetime
    authorisation_id: str = ""
    nonce: bytes = field(default_factory=lambda: secrets.token_bytes(16))

    def _asn1(self) -> _Request:
        return _Request(
            {
                "version": VERSION,
                "credit_code": self.credit_code,
                "registration_place": self.registration_place,
                "holder_name": self.holder_name,
                "id_number": self.id_number,
                "authorisation_id": self.authorisation_id,
                "device_public_key": keys.PublicKeyInfo.load(
                    gm.public_key_to_der(self.device_public_key)
                ),
                "nonce": self.nonce,
                "requested_at": to_utc_second(self.requested_at),
            }
        )

    def sign(self, device_key: gm.SM2PrivateKey) -> bytes:
        """DER of the signed request; ``device_key`` must be the key the request names."""
        if device_key.public_key() != self.device_public_key:
            raise InvalidInput("The request must be signed with the key it asks a licence for")
        body = self._asn1()
        return _SignedRequest({"request": body, "signature": device_key.sign(body.dump())}).dump()


def open_signed_request(der: bytes) -> LicenceRequest:
    """Parse a signed request and check its proof of possession; raises BadRequest."""
    try:
        signed = _SignedRequest.load(bytes(der), strict=True)
        body = signed["request"]
        native = body.native
        key = gm.load_public_key(body["device_public_key"].dump())
        signature = signed["signature"].native  # parsed here: asn1crypto parses fields lazily
    except (*ASN1_ERRORS, InvalidInput) as exc:
        raise BadRequest(
            "malformed_request", "The licence request is malformed: {detail}", detail=str(exc)
        ) from None
    if native["version"] != VERSION:
        raise BadRequest(
            "malformed_request", "Unsupported licence request version {v}", v=native["version"]
        )
    if not 16 <= len(native["nonce"]) <= 64:
        raise BadRequest("malformed_request", "The licence request nonce must be 16 to 64 bytes")
    try:
        key.verify(signature, body.dump())
    except (VerificationFailed, InvalidInput):  # a wrong signature, or no SM2 signature at all
        raise BadRequest(
            "bad_proof_of_possession",
            "The licence request is not signed by the device key it names",
        ) from None
    return LicenceRequest(
        credit_code=native["credit_code"],
        registration_place=native["registration_place"],
        holder_name=native["holder_name"],
        id_number=native["id_number"],
        device_public_key=key,
        requested_at=native["requested_at"],
        authorisation_id=native["authorisation_id"],
        nonce=native["nonce"],
    )
