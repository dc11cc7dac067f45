"""Issuing the authority's root certificate, licence certificates and the certificates of the
service's own roles (seal making, QR task signing) under the root (profiles: docs/pki)."""

from __future__ import annotations

from datetime import datetime, timedelta

from asn1crypto import x509

from .. import gm
from .asn1 import OID_AUTHORISATION, OID_ENTERPRISE, OID_HOLDER
from .certs import (
    Certificate,
    asn1_time,
    extension,
    key_identifier,
    new_serial,
    public_key_info,
    sign_tbs,
    signature_algorithm,
)
from .clock import to_utc_second
from .info import LicenceTerms

ROOT_LIFETIME = timedelta(days=20 * 365)


def root_name(common_name: str) -> x509.Name:
    return x509.Name.build(
        {
            "country_name": "CN",
            "organization_name": "EBid Desk reference authority",
            "common_name": common_name,
        }
    )


def make_root(
    key: gm.SM2PrivateKey,
    *,
    common_name: str,
    not_before: datetime,
    lifetime: timedelta = ROOT_LIFETIME,
) -> Certificate:
    """A self-signed CA certificate: basicConstraints CA (path length 0), keyCertSign + cRLSign."""
    name = root_name(common_name)
    ski = key_identifier(key.public_key())
    start = to_utc_second(not_before)
    tbs = x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": new_serial(),
            "signature": signature_algorithm(),
            "issuer": name,
            "validity": {"not_before": asn1_time(start), "not_after": asn1_time(start + lifetime)},
            "subject": name,
            "subject_public_key_info": public_key_info(key.public_key()),
            "extensions": [
                extension(
                    "basic_constraints", {"ca": True, "path_len_constraint": 0}, critical=True
                ),
                extension("key_usage", {"key_cert_sign", "crl_sign"}, critical=True),
                extension("key_identifier", ski),
                extension("authority_key_identifier", {"key_identifier": ski}),
            ],
        }
    )
    return Certificate.from_asn1(sign_tbs(tbs, key))


def licence_subject(terms: LicenceTerms) -> x509.Name:
    """C, L (registration place), O (enterprise), title (role), CN (holder), serialNumber
    (opaque person id) and pseudonym (masked ID number: PrintableString cannot hold ``*``)."""
    return x509.Name.build(
        {
            "country_name": "CN",
            "locality_name": terms.registration_place,
            "organization_name": terms.enterprise_name,
            "title": terms.role.value,
            "common_name": terms.holder_name,
            "serial_number": terms.person_id,
            "pseudonym": terms.masked_id_number,
        }
    )


def make_licence(
    terms: LicenceTerms,
    device_key: gm.SM2PublicKey,
    *,
    root: Certificate,
    root_key: gm.SM2PrivateKey,
    serial: int | None = None,
) -> Certificate:
    """A licence certificate for one person's device key; validity = the authorisation window."""
    tbs = x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": serial if serial is not None else new_serial(),
            "signature": signature_algorithm(),
            "issuer": root.tbs["subject"],
            "validity": {
                "not_before": asn1_time(terms.not_before),
                "not_after": asn1_time(terms.not_after),
            },
            "subject": licence_subject(terms),
            "subject_public_key_info": public_key_info(device_key),
            "extensions": _licence_extensions(terms, device_key, root),
        }
    )
    return Certificate.from_asn1(sign_tbs(tbs, root_key))


def _licence_extensions(
    terms: LicenceTerms, device_key: gm.SM2PublicKey, root: Certificate
) -> list[dict]:
    return [
        extension("basic_constraints", {"ca": False}, critical=True),
        extension("key_usage", {"digital_signature", "non_repudiation"}, critical=True),
        extension("key_identifier", key_identifier(device_key)),
        extension(
            "authority_key_identifier",
            {"key_identifier": root.extension_value("key_identifier").native},
        ),
        # Non-critical: a verifier that does not know them (OpenSSL) must still accept the chain.
        extension(
            OID_ENTERPRISE,
            {
                "credit_code": terms.credit_code,
                "name": terms.enterprise_name,
                "registration_place": terms.registration_place,
            },
        ),
        extension(
            OID_HOLDER,
            {
                "role": terms.role.value,
                "person_id": terms.person_id,
                "masked_id_number": terms.masked_id_number,
            },
        ),
        extension(
            OID_AUTHORISATION,
            {
                "mode": terms.mode.value,
                "authorisation_id": terms.authorisation_id,
                "granted_by": terms.granted_by,
                "matters": [{"code": m.code, "name": m.name} for m in terms.matters],
            },
        ),
    ]


def make_role_certificate(
    public_key: gm.SM2PublicKey,
    *,
    subject: x509.Name,
    key_usage: set[str],
    extended_key_usage: str,
    root: Certificate,
    root_key: gm.SM2PrivateKey,
    not_before: datetime,
    not_after: datetime,
    critical_eku: bool = False,
) -> Certificate:
    """An end-entity certificate for one of the service's roles, signed SM2-with-SM3 by the root.

    The extended key usage names the role. It is not critical: OpenSSL's `verify` without
    -purpose accepts an unknown EKU either way, and our verifiers require it regardless.
    ``critical_eku``: for a time-stamping authority, whose EKU RFC 3161 §2.3 requires critical."""
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
            "subject": subject,
            "subject_public_key_info": public_key_info(public_key),
            "extensions": [
                extension("basic_constraints", {"ca": False}, critical=True),
                extension("key_usage", key_usage, critical=True),
                extension("extended_key_usage", [extended_key_usage], critical=critical_eku),
                extension("key_identifier", key_identifier(public_key)),
                extension(
                    "authority_key_identifier",
                    {"key_identifier": root.extension_value("key_identifier").native},
                ),
            ],
        }
    )
    return Certificate.from_asn1(sign_tbs(tbs, root_key))
