"""Building and reading X.509 v3 certificates with SM2 keys, signed SM2-with-SM3.

The signature covers the DER of the TBSCertificate, hashed with ZA for the standard user ID
``1234567812345678`` (what ``openssl verify -vfyopt distid:1234567812345678`` expects). The
signatureAlgorithm is the bare OID 1.2.156.10197.1.501 with parameters absent, as OpenSSL 3
writes it.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import keys, pem, x509

from .. import gm
from ..der import ASN1_ERRORS, load_der
from ..errors import InvalidInput, InvalidKey
from .asn1 import SM2_WITH_SM3
from .clock import to_utc_second

# RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
_UTCTIME_LIMIT_YEAR = 2050


def signature_algorithm() -> dict:
    return {"algorithm": SM2_WITH_SM3}  # parameters absent


def asn1_time(moment: datetime) -> x509.Time:
    moment = to_utc_second(moment)
    if moment.year < _UTCTIME_LIMIT_YEAR:
        return x509.Time(name="utc_time", value=moment)
    return x509.Time(name="general_time", value=moment)


def new_serial() -> int:
    """A positive 127-bit random serial (RFC 5280: at most 20 octets, unpredictable)."""
    return secrets.randbits(127) | (1 << 126)


def key_identifier(public_key: gm.SM2PublicKey) -> bytes:
    """RFC 5280 4.2.1.2 method 1, with SM3 in place of SHA-1 truncated to 20 bytes."""
    return gm.sm3(public_key.to_bytes())[:20]


def public_key_info(public_key: gm.SM2PublicKey) -> keys.PublicKeyInfo:
    return keys.PublicKeyInfo.load(gm.public_key_to_der(public_key))


def extension(oid_or_name: str, value, *, critical: bool = False) -> dict:
    return {"extn_id": oid_or_name, "critical": critical, "extn_value": value}


def sign_tbs(tbs: x509.TbsCertificate, issuer_key: gm.SM2PrivateKey) -> x509.Certificate:
    signature = issuer_key.sign(tbs.dump())
    return x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": signature_algorithm(),
            "signature_value": signature,
        }
    )


@dataclass(frozen=True)
class Certificate:
    """A parsed certificate with its original DER (the bytes the signature covers stay intact)."""

    der: bytes
    asn1: x509.Certificate

    @classmethod
    def load(cls, data: bytes) -> Certificate:
        """PEM or DER; the first ``CERTIFICATE`` block of a PEM file."""
        der = _unarmor_certificate(data) if pem.detect(data) else bytes(data)
        cert = load_der(x509.Certificate, der, lambda detail: InvalidInput(
            "The certificate is malformed: {detail}", detail=detail))
        return cls(der, cert)

    @classmethod
    def from_asn1(cls, cert: x509.Certificate) -> Certificate:
        return cls.load(cert.dump())

    def to_pem(self) -> bytes:
        return pem.armor("CERTIFICATE", self.der)

    @property
    def tbs(self) -> x509.TbsCertificate:
        return self.asn1["tbs_certificate"]

    @property
    def serial(self) -> int:
        return self.tbs["serial_number"].native

    @property
    def not_before(self) -> datetime:
        return self.tbs["validity"]["not_before"].native

    @property
    def not_after(self) -> datetime:
        return self.tbs["validity"]["not_after"].native

    def public_key(self) -> gm.SM2PublicKey:
        try:
            return gm.load_public_key(self.tbs["subject_public_key_info"].dump())
        except InvalidKey as exc:
            raise InvalidKey(
                "The certificate's key is not an SM2 key: {detail}", detail=exc.message
            ) from None

    def extension_value(self, oid_or_name: str):
        """The parsed value of an extension, or ``None`` when the certificate lacks it."""
        for ext in self.tbs["extensions"]:
            if ext["extn_id"].native == oid_or_name or ext["extn_id"].dotted == oid_or_name:
                return ext["extn_value"].parsed
        return None

    def fingerprint(self) -> str:
        """SHA-256 of the DER, hex: the value ``openssl x509 -fingerprint -sha256`` shows."""
        return hashlib.sha256(self.der).hexdigest()


def signature_bytes(bits, what: str) -> bytes:
    """The octets of a signature BIT STRING; refuse padding bits (asn1crypto would drop them
    silently, so a changed encoding would still verify)."""
    contents = bits.contents or b""
    if not contents or contents[0] != 0:
        raise InvalidInput("The {what} signature is malformed (unused bits in its BIT STRING)", what=what)
    return contents[1:]


def _unarmor_certificate(data: bytes) -> bytes:
    try:
        for label, _headers, der in pem.unarmor(bytes(data), multiple=True):
            if label in ("CERTIFICATE", "X509 CERTIFICATE"):
                return der
    except ASN1_ERRORS as exc:
        raise InvalidInput("The PEM file is malformed: {detail}", detail=str(exc)) from None
    raise InvalidInput("The PEM file holds no certificate")
