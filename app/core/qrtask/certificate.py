"""The platform's task-signing certificate and the device's trust check (qr-tasks.md §4, §5.3).

What makes a certificate a platform's is the extendedKeyUsage :data:`OID_KP_QR_TASK`: every
licence is issued under the same authority root, and a licence must not pose as a platform."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from asn1crypto import x509

from .. import gm
from ..errors import Refused
from ..pki import EBID_ARC, Certificate, CertificateInvalid
from ..pki.issue import make_role_certificate
from ..pki.verify import check_issued_by, check_validity

OID_KP_QR_TASK = EBID_ARC + ".200.1"  # extendedKeyUsage: signs QR task documents


def make_task_certificate(
    platform_key: gm.SM2PublicKey, *, name: str, root: Certificate, root_key: gm.SM2PrivateKey,
    not_before: datetime, not_after: datetime,
) -> Certificate:
    """A QR-task signing certificate for ``platform_key`` (subject CN ``name``) under ``root``."""
    return make_role_certificate(
        platform_key,
        subject=x509.Name.build({"country_name": "CN", "organization_name": name, "common_name": name}),
        key_usage={"digital_signature"}, extended_key_usage=OID_KP_QR_TASK,
        root=root, root_key=root_key, not_before=not_before, not_after=not_after,
    )


def common_name(cert: Certificate) -> str:
    try:
        return str(cert.tbs["subject"].native.get("common_name", "")) or cert.tbs["subject"].human_friendly
    except (ValueError, TypeError, KeyError):
        return "?"


def is_task_signer(cert: Certificate) -> bool:
    try:
        usage = cert.extension_value("extended_key_usage")
        basic = cert.extension_value("basic_constraints")
        if basic is not None and basic["ca"].native:
            return False
        key_usage = cert.extension_value("key_usage")
        if key_usage is not None and "digital_signature" not in key_usage.native:
            return False
        return usage is not None and OID_KP_QR_TASK in {oid.dotted for oid in usage}
    except (ValueError, TypeError, KeyError):
        return False


def check_platform(chain: Sequence[Certificate], roots: Iterable[Certificate], at: datetime) -> Certificate:
    """The leaf of ``chain`` (leaf first, root left out) if it is a task signer issued, through
    ``chain``, by one of ``roots``, everything valid at ``at``; else ``untrusted_platform``."""
    leaf = chain[0]
    name = common_name(leaf)
    if not is_task_signer(leaf):
        raise Refused("untrusted_platform", "The task comes from {name}, whose certificate may not sign tasks",
                      name=name)
    try:
        for cert, issuer in zip(chain, chain[1:]):
            check_issued_by(cert, issuer)
        for cert in chain:
            check_validity(cert, at, "platform certificate")
    except CertificateInvalid as exc:
        raise Refused("untrusted_platform", "The task comes from {name}, whose certificate does not verify: {detail}",
                      name=name, detail=exc.message) from None
    last = chain[-1]
    for root in roots:
        try:
            check_issued_by(last, root)
            check_validity(root, at, "root certificate")
            return leaf
        except CertificateInvalid:
            continue
    raise Refused("untrusted_platform", "The task comes from {name}, a platform this device does not trust",
                  name=name)
