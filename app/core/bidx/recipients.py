"""Recipients of a container: SM2 encryption keys, their key ids, and wrapping the file key.

A recipient comes from an SM2 public key (SubjectPublicKeyInfo) or from an X.509 certificate
carrying one. The key id is SM3 over the canonical SubjectPublicKeyInfo DER, so the same id comes
out of ``openssl pkey -pubin -in PUB.pem -outform DER | openssl dgst -sm3``.
"""

from __future__ import annotations

from asn1crypto import pem, x509

from ..der import ASN1_ERRORS
from ..errors import DecryptionFailed, EbidError, InvalidInput, InvalidKey
from ..gm import SM2PrivateKey, SM2PublicKey, public_key_to_der, sm3
from ..gm.keys import public_key_from_der
from .format import DamagedContainer, Stanza
from .suites import FILE_KEY_SIZE

# Key usages that allow a certificate's key to receive an encrypted file key (GM/T 0015 puts
# keyEncipherment and dataEncipherment on the encryption certificate of a dual-certificate pair).
_ENCRYPTION_USAGES = {"key_encipherment", "data_encipherment", "key_agreement"}


class NotARecipient(DecryptionFailed):
    """The container has no stanza for the given key (the usual "wrong key" case)."""


class NoDeviceKey(NotARecipient):
    """None of the keys this device holds is a recipient of the container."""


def key_id(public_key: SM2PublicKey) -> bytes:
    return sm3(public_key_to_der(public_key))


def short_id(kid: bytes) -> str:
    """The first 8 bytes in hex: enough for a person to compare, as in the UI."""
    return kid[:8].hex()


def load_recipient(data: bytes) -> SM2PublicKey:
    """An SM2 encryption public key or certificate, PEM or DER."""
    return _load_public(data, for_encryption=True)


def load_signer_key(data: bytes) -> SM2PublicKey:
    """An SM2 public key or certificate used to check a signature (no key-usage restriction)."""
    return _load_public(data, for_encryption=False)


def certificate_der(data: bytes) -> bytes | None:
    """The DER of ``data`` if it is a certificate (PEM or DER), else None (a bare key)."""
    label, der = _unarmor(data)
    return der if label == "CERTIFICATE" or (label is None and _looks_like_certificate(der)) else None


def _load_public(data: bytes, *, for_encryption: bool) -> SM2PublicKey:
    label, der = _unarmor(data)
    if label == "CERTIFICATE" or (label is None and _looks_like_certificate(der)):
        return _from_certificate(der, for_encryption)
    if label not in (None, "PUBLIC KEY"):
        raise InvalidKey("Expected an SM2 public key or certificate, found a {label}", label=label)
    return public_key_from_der(der)


def _unarmor(data: bytes) -> tuple[str | None, bytes]:
    if not pem.detect(data):
        return None, bytes(data)
    try:
        label, _headers, der = pem.unarmor(bytes(data))
    except ASN1_ERRORS as exc:
        raise InvalidInput("The PEM file is malformed: {detail}", detail=str(exc)) from None
    return label, der


def _looks_like_certificate(der: bytes) -> bool:
    try:
        return x509.Certificate.load(der)["tbs_certificate"]["subject_public_key_info"] is not None
    except ASN1_ERRORS:
        return False


def _from_certificate(der: bytes, for_encryption: bool) -> SM2PublicKey:
    try:
        cert = x509.Certificate.load(der, strict=True)
        spki = cert["tbs_certificate"]["subject_public_key_info"].dump()
        usage = cert.key_usage_value
        usages = set(usage.native) if usage is not None else None
    except ASN1_ERRORS as exc:
        raise InvalidKey("The certificate is malformed: {detail}", detail=str(exc)) from None
    if for_encryption and usages is not None and not usages & _ENCRYPTION_USAGES:
        raise InvalidKey("The certificate's key is for signing only, not for encryption")
    return public_key_from_der(spki)


def wrap_file_key(recipient: SM2PublicKey, file_key: bytes) -> Stanza:
    return Stanza(key_id(recipient), recipient.encrypt(file_key))


def unwrap_file_key(key: SM2PrivateKey, stanzas: tuple[Stanza, ...]) -> bytes:
    """Find the stanza addressed to ``key`` and recover the file key from it."""
    kid = key_id(key.public_key())
    stanza = next((s for s in stanzas if s.key_id == kid), None)
    if stanza is None:
        raise NotARecipient(
            "This file is not encrypted to your key (key id {kid}); its recipients are {ids}",
            kid=short_id(kid),
            ids=", ".join(short_id(s.key_id) for s in stanzas),
        )
    try:
        file_key = key.decrypt(stanza.wrapped)
    except EbidError:
        raise DamagedContainer("The wrapped file key for your key id {kid} is damaged", kid=short_id(kid)) from None
    if len(file_key) != FILE_KEY_SIZE:
        raise DamagedContainer("The wrapped file key for your key id {kid} has the wrong size", kid=short_id(kid))
    return file_key
