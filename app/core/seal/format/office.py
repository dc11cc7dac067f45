"""The seal office's (制章者) certificate: an SM2 end-entity certificate for seal making.

``app.core.pki`` issues roots and licences only, so this module builds the office certificate
from pki's public building blocks (``app.core.pki.certs``) without touching pki itself. What makes
it an office certificate is the extendedKeyUsage ``OID_KP_SEAL_MAKING``: a verifier must not let
any certificate under the authority root make seals, or every licence holder could forge one.
"""

from __future__ import annotations

from datetime import datetime

from asn1crypto import x509

from ... import gm
from ...pki import Certificate, to_utc_second
from ...pki.certs import (
    asn1_time,
    extension,
    key_identifier,
    new_serial,
    public_key_info,
    sign_tbs,
    signature_algorithm,
)
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
    tbs = x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": new_serial(),
            "signature": signature_algorithm(),
            "issuer": root.tbs["subject"],
            "validity": {
                "not_before": asn1_time(to_utc_second(not_before)),
                "not_after": asn1_time(to_utc_second(not_after)),
            },
            "subject": office_name(organisation, common_name),
            "subject_public_key_info": public_key_info(office_key),
            "extensions": _office_extensions(office_key, root),
        }
    )
    return Certificate.from_asn1(sign_tbs(tbs, root_key))


def _office_extensions(office_key: gm.SM2PublicKey, root: Certificate) -> list[dict]:
    return [
        extension("basic_constraints", {"ca": False}, critical=True),
        extension("key_usage", {"digital_signature", "non_repudiation"}, critical=True),
        # Not critical: OpenSSL's `verify` without -purpose accepts an unknown EKU either way,
        # and our verifier requires it regardless of the flag.
        extension("extended_key_usage", [OID_KP_SEAL_MAKING]),
        extension("key_identifier", key_identifier(office_key)),
        extension(
            "authority_key_identifier",
            {"key_identifier": root.extension_value("key_identifier").native},
        ),
    ]


def is_seal_maker(cert: Certificate) -> bool:
    """True when the certificate carries the seal-making extended key usage."""
    try:
        usage = cert.extension_value("extended_key_usage")
        return usage is not None and OID_KP_SEAL_MAKING in {oid.dotted for oid in usage}
    except (ValueError, TypeError, KeyError):
        return False
