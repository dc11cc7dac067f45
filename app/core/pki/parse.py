"""Reading a licence certificate back into a :class:`LicenceInfo`."""

from __future__ import annotations

from ..der import ASN1_ERRORS
from ..errors import InvalidInput
from .asn1 import OID_AUTHORISATION, OID_ENTERPRISE, OID_HOLDER
from .certs import Certificate
from .info import LicenceInfo, LicenceTerms, MatterRef, Mode, Role


class NotALicence(InvalidInput):
    """A well-formed certificate that lacks the licence extensions or has unknown values in them."""


def parse_licence(cert: Certificate) -> LicenceInfo:
    """The licence a certificate carries; no signature or time checks (see ``verify_licence``)."""
    enterprise = _required(cert, OID_ENTERPRISE, "enterprise")
    holder = _required(cert, OID_HOLDER, "holder")
    grant = _required(cert, OID_AUTHORISATION, "authorisation")
    terms = LicenceTerms(
        credit_code=enterprise["credit_code"],
        enterprise_name=enterprise["name"],
        registration_place=enterprise["registration_place"],
        holder_name=_common_name(cert),
        person_id=holder["person_id"],
        masked_id_number=holder["masked_id_number"],
        role=_enum(Role, holder["role"], "role"),
        mode=_enum(Mode, grant["mode"], "authorisation mode"),
        authorisation_id=grant["authorisation_id"],
        granted_by=grant["granted_by"],
        matters=tuple(MatterRef(m["code"], m["name"]) for m in grant["matters"]),
        not_before=cert.not_before,
        not_after=cert.not_after,
    )
    return LicenceInfo(
        terms=terms,
        serial=cert.serial,
        issuer=cert.tbs["issuer"].human_friendly,
        fingerprint=cert.fingerprint(),
    )


def _required(cert: Certificate, oid: str, what: str) -> dict:
    try:
        value = cert.extension_value(oid)
        native = value.native if value is not None else None
    except ASN1_ERRORS as exc:
        raise NotALicence(
            "The licence's {what} extension is malformed: {detail}", what=what, detail=str(exc)
        ) from None
    if native is None:
        raise NotALicence("The certificate is not a licence: it has no {what} extension", what=what)
    return native


def _common_name(cert: Certificate) -> str:
    names = cert.tbs["subject"].native
    if "common_name" not in names:
        raise NotALicence("The licence names no holder")
    return names["common_name"]


def _enum(kind, value: str, what: str):
    try:
        return kind(value)
    except ValueError:
        raise NotALicence(
            "Unknown {what} in the licence: {value}", what=what, value=value
        ) from None
