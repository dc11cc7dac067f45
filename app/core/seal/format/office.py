"""The seal office's (制章者) certificate: an SM2 end-entity certificate for seal making.

``app.core.pki.issue.make_role_certificate`` builds it under the authority root. What makes it an
office certificate is the extendedKeyUsage ``OID_KP_SEAL_MAKING``: a verifier must not let
any certificate under the authority root make seals, or every licence holder could forge one.
"""

from __future__ import annotations

from datetime import datetime

from asn1crypto import x509

from ... import gm
from ...der import ASN1_ERRORS
from ...pki import Certificate
from ...pki.issue import make_role_certificate
from .asn1 import OID_KP_SEAL_MAKING


def office_name(organisation: str, common_name: str) -> x509.Name:
    return x509.Name.build(
        {"country_name": "CN", "organization_name": organisation, "common_name": common_name}
    )


def make_office_certificate(
    office_key: gm.SM2PublicKey,
    *,
    organisation: str,
    common_name: str,
    root: Certificate,
    root_key: gm.SM2PrivateKey,
    not_before: datetime,
    not_after: datetime,
) -> Certificate:
    """A seal-making certificate for ``office_key``, signed SM2-with-SM3 by the authority root."""
    return make_role_certificate(
        office_key, subject=office_name(organisation, common_name),
        key_usage={"digital_signature", "non_repudiation"}, extended_key_usage=OID_KP_SEAL_MAKING,
        root=root, root_key=root_key, not_before=not_before, not_after=not_after,
    )


def is_seal_maker(cert: Certificate) -> bool:
    """True when the certificate carries the seal-making extended key usage."""
    try:
        usage = cert.extension_value("extended_key_usage")
        return usage is not None and OID_KP_SEAL_MAKING in {oid.dotted for oid in usage}
    except ASN1_ERRORS:
        return False
