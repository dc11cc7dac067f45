"""The platform's receipt-signing certificate: the platform key, certified by the authority root
for signing bid receipts (docs/pki/certificate-profile.md §6b).

A receipt is trusted only through this chain: the client checks the certificate against the
root it pinned, so a service (or someone in between) cannot hand it a self-signed key of its own
and sign receipts for files it never received. What makes a certificate a receipt signer is the
extendedKeyUsage :data:`OID_KP_BID_RECEIPT`: every licence and role certificate is issued under
the same root, and none of them may pose as the platform.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from asn1crypto import x509

from .. import gm
from ..der import ASN1_ERRORS
from ..errors import EbidError, VerificationFailed
from .asn1 import EBID_ARC
from .certs import Certificate
from .issue import make_role_certificate
from .verify import (
    WRONG_KEY_USAGE,
    CertificateInvalid,
    check_critical_extensions,
    check_issued_by,
    check_root,
    check_validity,
)

#: extendedKeyUsage of the platform's receipt-signing certificate (the 200 branch: the platform).
OID_KP_BID_RECEIPT = EBID_ARC + ".200.2"


def make_receipt_certificate(
    public_key: gm.SM2PublicKey, *, name: str, root: Certificate, root_key: gm.SM2PrivateKey,
    not_before: datetime, not_after: datetime,
) -> Certificate:
    """A receipt-signing certificate for ``public_key`` (subject CN ``name``) under ``root``:
    digitalSignature, extendedKeyUsage :data:`OID_KP_BID_RECEIPT`, no CA."""
    return make_role_certificate(
        public_key,
        subject=x509.Name.build({"country_name": "CN", "organization_name": name, "common_name": name}),
        key_usage={"digital_signature"}, extended_key_usage=OID_KP_BID_RECEIPT,
        root=root, root_key=root_key, not_before=not_before, not_after=not_after,
    )


def is_receipt_signer(cert: Certificate) -> bool:
    """Not a CA, keyUsage (when present) allows digitalSignature, and the receipt EKU is named."""
    try:
        basic = cert.extension_value("basic_constraints")
        if basic is not None and basic["ca"].native:
            return False
        usage = cert.extension_value("key_usage")
        if usage is not None and "digital_signature" not in usage.native:
            return False
        purposes = cert.extension_value("extended_key_usage")
        return purposes is not None and OID_KP_BID_RECEIPT in {oid.dotted for oid in purposes}
    except ASN1_ERRORS:
        return False


def check_receipt_certificate(cert: Certificate, root: Certificate, *, at: datetime) -> Certificate:
    """``cert`` if the (pinned) ``root`` issued it for signing receipts and both are valid at
    ``at``; else :class:`CertificateInvalid` (``wrong_issuer``, ``bad_signature``,
    ``wrong_key_usage``, ``expired``…)."""
    check_root(root)
    check_issued_by(cert, root)
    check_critical_extensions(cert)
    if not is_receipt_signer(cert):
        raise CertificateInvalid(
            WRONG_KEY_USAGE, "The certificate may not sign bid receipts (it lacks the receipt extended key usage)")
    check_validity(root, at, "root certificate")
    check_validity(cert, at, "platform's receipt certificate")
    return cert


#: The ``type`` of a bid receipt's signed JSON (docs/protocols/bid-receipts.md §1).
RECEIPT_TYPE = "ebid-bid-receipt"


def verify_receipt(receipt: str, signature: bytes, platform_cert: Certificate, root: Certificate, *,
                   at: datetime) -> dict:
    """The signed fields of a bid receipt (the canonical JSON ``receipt`` and the platform's
    ``signature`` over it, as ``ebid bid submit`` saves them), once the platform certificate is
    checked against ``root`` at ``at`` and the signature verifies; raises VerificationFailed."""
    try:
        check_receipt_certificate(platform_cert, root, at=at)
    except CertificateInvalid as exc:
        raise VerificationFailed(
            "The platform's receipt certificate is not one the authority issued for receipts: {detail}",
            detail=exc.message) from None
    try:
        platform_cert.public_key().verify(signature, receipt.encode("utf-8"))
        signed = json.loads(receipt)
    except (EbidError, ValueError):
        raise VerificationFailed("The receipt's platform signature does not verify") from None
    if not isinstance(signed, dict) or signed.get("type") != RECEIPT_TYPE:
        raise VerificationFailed("The signed text is not a bid receipt")
    return signed


def received_at(signed: dict) -> datetime:
    """The signed ``received_at`` of a verified receipt, in UTC."""
    try:
        return datetime.strptime(str(signed["received_at"]), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except (KeyError, ValueError):
        raise VerificationFailed("The receipt's signed time is not a time") from None
