"""Certificate checks for seals: the seal maker's (office) certificate and the signer's licence.

Both go through ``app.core.pki.verify``; its ``CertificateInvalid`` reasons become seal refusal
reasons here so a caller sees one error type (:class:`SealRefused`) for the whole verification.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ...errors import EbidError, InvalidInput
from ...pki import Certificate, LicenceInfo, RevocationList, to_utc_second, verify_licence
from ...pki import verify as pki_verify
from .der import octets_of
from .errors import Reason, SealRefused, tampered
from .office import is_seal_maker


def load_embedded_certificate(der: bytes, what: str) -> Certificate:
    """A certificate carried in an OCTET STRING of the seal or signature.

    The signatureValue BIT STRING must have no unused bits: asn1crypto drops padding bits
    silently, so a certificate with that byte changed would still verify (pki does not check it),
    and a changed byte must never go unnoticed here."""
    from .parse import one_line  # parse imports this module

    try:
        cert = Certificate.load(der)
        octets_of(cert.asn1["signature_value"])
    except InvalidInput as exc:
        raise tampered(what, one_line(exc.message)) from None
    except ValueError as exc:
        raise tampered(what, one_line(str(exc))) from None
    return cert


def issuing_root(cert: Certificate, roots: Sequence[Certificate]) -> Certificate | None:
    """The trusted root whose subject is the certificate's issuer (the chain is one level deep)."""
    for root in roots:
        if root.tbs["subject"] == cert.tbs["issuer"]:
            return root
    return None


def maker_time(cert: Certificate, made_at: datetime, used_at: datetime) -> datetime:
    """When the maker's certificate must have been valid: the seal's createDate, or, for a seal
    re-signed by a renewed maker certificate (createDate is kept, the new certificate starts
    later), that certificate's notBefore. That re-signature must exist before the seal is used,
    so such a notBefore after ``used_at`` (the signing time, or the verifier's time) is refused.
    (``used_at`` may precede createDate by a little: validStart can be earlier than createDate.)"""
    made = to_utc_second(made_at)
    if cert.not_before <= made:
        return made
    moment = cert.not_before
    if moment > to_utc_second(used_at):
        raise SealRefused(
            Reason.BAD_SEAL_MAKER,
            "The seal maker's certificate is not valid until {start}, after the seal was used "
            "at {used}",
            start=cert.not_before.isoformat(),
            used=to_utc_second(used_at).isoformat(),
        )
    return moment


def check_seal_maker(
    cert: Certificate,
    roots: Sequence[Certificate],
    *,
    made_at: datetime,
    used_at: datetime,
    revocations: RevocationList | None = None,
    now: datetime | None = None,
) -> None:
    """The office certificate chains to a trusted root, was valid when it signed the seal
    (:func:`maker_time`), is not revoked by a list current ``now`` (the verifier's clock), and
    may make seals."""
    root = _root_or_refuse(cert, roots, Reason.BAD_SEAL_MAKER, "seal maker's")
    at = maker_time(cert, made_at, used_at)
    try:
        pki_verify.check_root(root)
        check_issued_by(cert, root)
        pki_verify.check_validity(root, at, "root certificate")
        pki_verify.check_validity(cert, at, "seal maker's certificate")
        pki_verify.check_not_revoked(cert, revocations, at, now)
    except EbidError as exc:  # CertificateInvalid, or InvalidInput for a malformed signature
        raise SealRefused(
            Reason.BAD_SEAL_MAKER, "The seal maker's certificate: {detail}", detail=exc.message
        ) from None
    if not is_seal_maker(cert):
        raise SealRefused(
            Reason.BAD_SEAL_MAKER, "The seal was made with a certificate that may not make seals"
        )


def check_signer_licence(
    cert: Certificate,
    roots: Sequence[Certificate],
    *,
    at: datetime,
    revocations: RevocationList | None = None,
    now: datetime | None = None,
) -> LicenceInfo:
    """The signer's licence, verified against its root at ``at`` (the signing time), with a
    revocation list current ``now`` (the verifier's clock)."""
    root = _root_or_refuse(cert, roots, Reason.BAD_LICENCE, "signer's")
    try:
        return verify_licence(cert, root, at=at, revocations=revocations, now=now)
    except pki_verify.CertificateInvalid as exc:
        reason = Reason.REVOKED_LICENCE if exc.reason == pki_verify.REVOKED else Reason.BAD_LICENCE
        raise SealRefused(reason, "The signer's licence: {detail}", detail=exc.message) from None
    except EbidError as exc:  # NotALicence, or InvalidInput for a malformed signature
        raise SealRefused(
            Reason.BAD_LICENCE, "The signer's licence: {detail}", detail=exc.message
        ) from None


def check_issued_by(cert: Certificate, root: Certificate) -> None:
    """Issuer DN, key identifiers (compared only when both are present, RFC 5280 §4.2.1.1) and
    the root's SM2 signature: pki's one check."""
    pki_verify.check_issued_by(cert, root)


def _root_or_refuse(
    cert: Certificate, roots: Sequence[Certificate], reason: Reason, whose: str
) -> Certificate:
    root = issuing_root(cert, roots)
    if root is None:
        raise SealRefused(
            reason,
            "The {whose} certificate was issued by an authority we do not trust: {issuer}",
            whose=whose,
            issuer=cert.tbs["issuer"].human_friendly,
        )
    return root
