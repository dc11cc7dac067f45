"""The authority's revocation list: an X.509 v2 CRL signed SM2-with-SM3 by the root.

Profile (RFC 5280 §5): issuer = the root's subject; thisUpdate/nextUpdate; one entry per
revoked serial with its revocation date and a reasonCode; cRLNumber and authorityKeyIdentifier
extensions. OpenSSL reads it (``openssl crl -text``); see docs/pki/certificate-profile.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from asn1crypto import crl, pem

from .. import gm
from ..der import ASN1_ERRORS, load_der
from ..errors import InvalidInput, VerificationFailed
from .asn1 import SM2_WITH_SM3
from .certs import Certificate, asn1_time, extension, signature_algorithm, signature_bytes
from .clock import to_utc_second

DEFAULT_CRL_LIFETIME = timedelta(days=1)


# RFC 5280 CRLReason values as asn1crypto names them (removeFromCRL is for delta CRLs only).
REASONS = frozenset(
    {
        "unspecified",
        "key_compromise",
        "ca_compromise",
        "affiliation_changed",
        "superseded",
        "cessation_of_operation",
        "certificate_hold",
        "privilege_withdrawn",
        "aa_compromise",
    }
)


@dataclass(frozen=True)
class Revocation:
    serial: int
    revoked_at: datetime
    reason: str = "cessation_of_operation"

    def __post_init__(self) -> None:
        if self.reason not in REASONS:
            raise InvalidInput("Unknown revocation reason {reason}", reason=self.reason)


def make_crl(
    revocations: list[Revocation],
    *,
    root: Certificate,
    root_key: gm.SM2PrivateKey,
    number: int,
    this_update: datetime,
    lifetime: timedelta = DEFAULT_CRL_LIFETIME,
) -> bytes:
    """DER of a CRL listing ``revocations``, numbered ``number``."""
    start = to_utc_second(this_update)
    entries = [_entry(r) for r in sorted(revocations, key=lambda r: r.serial)]
    fields = {
        "version": "v2",
        "signature": signature_algorithm(),
        "issuer": root.tbs["subject"],
        "this_update": asn1_time(start),
        "next_update": asn1_time(start + lifetime),
        "crl_extensions": [
            extension("crl_number", number),
            extension(
                "authority_key_identifier",
                {"key_identifier": root.extension_value("key_identifier").native},
            ),
        ],
    }
    if entries:  # RFC 5280: omit the list rather than encode an empty one
        fields["revoked_certificates"] = entries
    tbs = crl.TbsCertList(fields)
    signed = crl.CertificateList(
        {
            "tbs_cert_list": tbs,
            "signature_algorithm": signature_algorithm(),
            "signature": root_key.sign(tbs.dump()),
        }
    )
    return signed.dump()


def _entry(revocation: Revocation) -> dict:
    return {
        "user_certificate": revocation.serial,
        "revocation_date": asn1_time(revocation.revoked_at),
        "crl_entry_extensions": [extension("crl_reason", revocation.reason)],
    }


@dataclass(frozen=True)
class RevocationList:
    """A CRL whose signature was checked against the root."""

    number: int
    this_update: datetime
    next_update: datetime | None
    revoked: dict[int, datetime]

    def is_revoked(self, serial: int) -> bool:
        return serial in self.revoked


def crl_to_pem(der: bytes) -> bytes:
    return pem.armor("X509 CRL", der)


def load_crl(data: bytes, root: Certificate) -> RevocationList:
    """Parse a PEM or DER CRL and check it was signed by ``root``; raises VerificationFailed."""
    parsed = _parse(data)
    tbs = parsed["tbs_cert_list"]
    if parsed["signature_algorithm"]["algorithm"].dotted != SM2_WITH_SM3:
        raise VerificationFailed("The revocation list is not signed SM2-with-SM3")
    if tbs["issuer"] != root.tbs["subject"]:
        raise VerificationFailed("The revocation list was issued by another authority")
    try:
        root.public_key().verify(signature_bytes(parsed["signature"], "revocation list"), tbs.dump())
    except (VerificationFailed, InvalidInput):
        raise VerificationFailed("The revocation list's signature is invalid") from None
    extensions = {ext["extn_id"].native: ext["extn_value"].native for ext in tbs["crl_extensions"]}
    entries = tbs["revoked_certificates"].native or []
    return RevocationList(
        number=extensions.get("crl_number", 0),
        this_update=tbs["this_update"].native,
        next_update=tbs["next_update"].native,
        revoked={e["user_certificate"]: e["revocation_date"] for e in entries},
    )


def _parse(data: bytes) -> crl.CertificateList:
    def refuse(detail: str) -> InvalidInput:
        return InvalidInput("The revocation list is malformed: {detail}", detail=detail)

    if pem.detect(data):
        try:
            _label, _headers, data = pem.unarmor(bytes(data))
        except ASN1_ERRORS as exc:
            raise refuse(str(exc)) from None
    return load_der(crl.CertificateList, data, refuse)
