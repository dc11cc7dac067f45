"""ASN.1 of the project's certificate extensions, and the OIDs the certificates use.

The project's own extensions live under a UUID-derived arc, ``2.25.<uuid>`` (ITU-T X.667 /
ISO/IEC 9834-8): anyone may mint an OID from a fresh random UUID without registering it, so
this arc is ours without a Private Enterprise Number. The UUID is
``3fdf5232-9791-4f17-afb5-ea5e68607b67``. Should the project obtain a PEN, move the arc and
keep reading this one. Every value is a UTF8String (or a SEQUENCE of them) so that
``openssl x509 -text`` prints the ASCII fields readably and ``-certopt ext_parse`` shows the
structure. See docs/pki/certificate-profile.md.
"""

from __future__ import annotations

from asn1crypto import core, x509

from .. import gm  # noqa: F401  (registers the SM2 named curve with asn1crypto)
from ..gm.oids import SM2_WITH_SM3  # noqa: F401  (re-exported for the certificate code)

EBID_ARC = "2.25.84900913099806495935049559454567660391"
OID_ENTERPRISE = EBID_ARC + ".1"
OID_HOLDER = EBID_ARC + ".2"
OID_AUTHORISATION = EBID_ARC + ".3"


class EbidEnterprise(core.Sequence):
    """EbidEnterprise ::= SEQUENCE {
    creditCode UTF8String, name UTF8String, registrationPlace UTF8String }"""

    _fields = [
        ("credit_code", core.UTF8String),
        ("name", core.UTF8String),
        ("registration_place", core.UTF8String),
    ]


class EbidHolder(core.Sequence):
    """EbidHolder ::= SEQUENCE {
    role UTF8String, personId UTF8String, maskedIdNumber UTF8String }"""

    _fields = [
        ("role", core.UTF8String),
        ("person_id", core.UTF8String),
        ("masked_id_number", core.UTF8String),
    ]


class EbidMatter(core.Sequence):
    """EbidMatter ::= SEQUENCE { code UTF8String, name UTF8String }"""

    _fields = [("code", core.UTF8String), ("name", core.UTF8String)]


class EbidMatters(core.SequenceOf):
    _child_spec = EbidMatter


class EbidAuthorisation(core.Sequence):
    """EbidAuthorisation ::= SEQUENCE { mode UTF8String, authorisationId UTF8String,
    grantedBy UTF8String, matters SEQUENCE OF EbidMatter }"""

    _fields = [
        ("mode", core.UTF8String),
        ("authorisation_id", core.UTF8String),
        ("granted_by", core.UTF8String),
        ("matters", EbidMatters),
    ]


EXTENSION_SPECS: dict[str, type[core.Asn1Value]] = {
    OID_ENTERPRISE: EbidEnterprise,
    OID_HOLDER: EbidHolder,
    OID_AUTHORISATION: EbidAuthorisation,
}

# asn1crypto picks an extension's value type by the native form of its OID, which for an
# unmapped OID is the dotted string, so registering by dotted OID needs no reverse-map edits.
for _oid, _spec in EXTENSION_SPECS.items():
    x509.Extension._oid_specs.setdefault(_oid, _spec)
