"""Verifying a licence certificate against the authority root, at a given time.

The checks, in order, each failing with its own reason code: the root is a usable CA
(self-signed, CA flag, keyCertSign) marking no extension critical that this verifier does not
process; the leaf names the root as issuer (issuer DN and the AKI/SKI key identifiers); the
root's signature over the leaf; the leaf is not a CA, marks no unknown extension critical, and its
key is for signing as a holder (keyUsage digitalSignature, no CA use, no extendedKeyUsage); the
root signs leaves directly (no intermediates, so its pathLenConstraint 0 always holds); the time
lies in both validity periods (inclusive at both ends, to the second); the leaf is not on the
authority's revocation list, and that list has not passed its nextUpdate. Only then is the
leaf parsed into a ``LicenceInfo``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..errors import InvalidInput, Refused, VerificationFailed
from ..gm.oids import SM2_WITH_SM3
from .certs import Certificate, signature_bytes
from .clock import to_utc_second
from .crl import RevocationList
from .info import LicenceInfo
from .parse import parse_licence


class CertificateInvalid(Refused, VerificationFailed):
    """A certificate that does not verify; ``code`` is one of the reason constants below."""


BAD_ROOT = "bad_root"
WRONG_ISSUER = "wrong_issuer"
BAD_SIGNATURE = "bad_signature"
NOT_A_LICENCE = "not_a_licence"
NOT_YET_VALID = "not_yet_valid"
EXPIRED = "expired"
REVOKED = "revoked"
STALE_REVOCATION_LIST = "stale_revocation_list"
UNKNOWN_CRITICAL_EXTENSION = "unknown_critical_extension"
WRONG_KEY_USAGE = "wrong_key_usage"

#: Extensions this verifier processes; any other marked critical makes a certificate unusable
#: (RFC 5280 §4.2: a critical extension that is not recognised must be refused).
KNOWN_CRITICAL = {
    "2.5.29.19",  # basicConstraints
    "2.5.29.15",  # keyUsage
    "2.5.29.37",  # extendedKeyUsage (a licence carries none: refused below)
    "2.5.29.14",  # subjectKeyIdentifier
    "2.5.29.35",  # authorityKeyIdentifier
    "2.5.29.17",  # subjectAltName (informational here)
}


def check_critical_extensions(cert: Certificate, *, root: bool = False) -> None:
    for ext in cert.tbs["extensions"] or []:
        if ext["critical"].native and ext["extn_id"].dotted not in KNOWN_CRITICAL:
            if root:
                raise CertificateInvalid(
                    UNKNOWN_CRITICAL_EXTENSION, "The root certificate marks an extension this verifier does not "
                    "know as critical ({oid}): it is not used", oid=ext["extn_id"].dotted)
            raise CertificateInvalid(
                UNKNOWN_CRITICAL_EXTENSION, "The certificate marks an extension this verifier does not know as "
                "critical ({oid}): it is not used", oid=ext["extn_id"].dotted)


def check_licence_purpose(leaf: Certificate) -> None:
    """A licence's key signs (keyUsage digitalSignature, present as the profile writes it) and has
    no other purpose: no CA or CRL signing, and no extendedKeyUsage (a time-stamping or role
    certificate of the same authority is not a licence)."""
    usage = leaf.extension_value("key_usage")
    granted = set(usage.native) if usage is not None else set()
    if "digital_signature" not in granted or granted & {"key_cert_sign", "crl_sign"}:
        raise CertificateInvalid(
            WRONG_KEY_USAGE, "The certificate's key is not for signing as a licence holder (keyUsage: {usage})",
            usage=", ".join(sorted(granted)) or "none")
    purposes = leaf.extension_value("extended_key_usage")
    if purposes is not None:
        raise CertificateInvalid(
            WRONG_KEY_USAGE, "The certificate is for another purpose ({purposes}): it is not a licence",
            purposes=", ".join(p.dotted for p in purposes))


def check_root(root: Certificate) -> None:
    """A root we may trust to sign licences: self-issued, self-signed, CA, keyCertSign."""
    constraints = root.extension_value("basic_constraints")
    usage = root.extension_value("key_usage")
    if constraints is None or not constraints["ca"].native:
        raise CertificateInvalid(BAD_ROOT, "The root certificate is not a certificate authority")
    if usage is None or "key_cert_sign" not in usage.native:
        raise CertificateInvalid(BAD_ROOT, "The root certificate may not sign certificates")
    if root.tbs["issuer"] != root.tbs["subject"]:
        raise CertificateInvalid(BAD_ROOT, "The root certificate is not self-issued")
    _check_signature(root, root, BAD_ROOT, "The root certificate's own signature is invalid")


def check_issued_by(leaf: Certificate, root: Certificate) -> None:
    if leaf.tbs["issuer"] != root.tbs["subject"]:
        raise CertificateInvalid(
            WRONG_ISSUER,
            "The certificate was issued by another authority: {issuer}",
            issuer=leaf.tbs["issuer"].human_friendly,
        )
    aki = leaf.extension_value("authority_key_identifier")
    ski = root.extension_value("key_identifier")
    # RFC 5280 §4.2.1.1: an AKI may name the issuer by name and serial only (no keyIdentifier);
    # then there is nothing to compare, and the signature below decides.
    named = aki["key_identifier"].native if aki is not None else None
    if named is not None and ski is not None and named != ski.native:
        raise CertificateInvalid(
            WRONG_ISSUER, "The certificate was signed by another key of the authority"
        )
    _check_signature(
        leaf, root, BAD_SIGNATURE, "The authority's signature on the certificate is invalid"
    )


def _check_signature(cert: Certificate, issuer: Certificate, reason: str, message: str) -> None:
    algorithm = cert.asn1["signature_algorithm"]["algorithm"].dotted
    if algorithm != SM2_WITH_SM3 or cert.tbs["signature"]["algorithm"].dotted != algorithm:
        raise CertificateInvalid(reason, "The certificate is not signed SM2-with-SM3")
    try:
        value = signature_bytes(cert.asn1["signature_value"], "certificate")
        issuer.public_key().verify(value, cert.tbs.dump())
    except (VerificationFailed, InvalidInput):  # a malformed value is as bad as a wrong one
        raise CertificateInvalid(reason, message) from None


def check_validity(cert: Certificate, at: datetime, what: str = "certificate") -> None:
    """RFC 5280: valid when notBefore <= at <= notAfter (whole seconds; both ends included)."""
    moment = to_utc_second(at)
    if moment < cert.not_before:
        raise CertificateInvalid(
            NOT_YET_VALID,
            "The {what} is not valid until {start}",
            what=what,
            start=cert.not_before.isoformat(),
        )
    if moment > cert.not_after:
        raise CertificateInvalid(
            EXPIRED, "The {what} expired at {end}", what=what, end=cert.not_after.isoformat()
        )


#: How far a list's thisUpdate may be ahead of this device's clock.
CRL_SKEW = timedelta(minutes=5)


def check_not_revoked(cert: Certificate, revocations: RevocationList | None, at: datetime,
                      now: datetime | None = None) -> None:
    """Not on the list; and the list itself current **now** — at the verifier's clock, not at
    ``at`` (a signing time the signer wrote: judging freshness there lets a back-dated
    signature make a stale list count as fresh). ``now`` defaults to ``at`` for checks made at
    the present moment."""
    if revocations is None:
        return
    moment = to_utc_second(now if now is not None else at)
    if revocations.next_update is not None and moment > revocations.next_update:
        raise CertificateInvalid(
            STALE_REVOCATION_LIST,
            "The revocation list expired at {when}: fetch a fresh one",
            when=revocations.next_update.isoformat(),
        )
    if revocations.this_update > moment + CRL_SKEW:
        raise CertificateInvalid(
            STALE_REVOCATION_LIST,
            "The revocation list claims to be issued at {when}, in the future: it is not used",
            when=revocations.this_update.isoformat(),
        )
    if revocations.is_revoked(cert.serial):
        raise CertificateInvalid(
            REVOKED,
            "The certificate was revoked at {when}",
            when=revocations.revoked[cert.serial].isoformat(),
        )


def verify_licence(
    leaf: Certificate, root: Certificate, *, at: datetime, revocations: RevocationList | None = None,
    now: datetime | None = None,
) -> LicenceInfo:
    """Every check above, then the parsed licence; raises :class:`CertificateInvalid`."""
    check_root(root)
    check_critical_extensions(root, root=True)
    check_issued_by(leaf, root)
    constraints = leaf.extension_value("basic_constraints")
    if constraints is not None and constraints["ca"].native:
        raise CertificateInvalid(
            NOT_A_LICENCE, "A certificate authority's certificate is not a licence"
        )
    check_critical_extensions(leaf)
    check_licence_purpose(leaf)
    check_validity(root, at, "root certificate")
    check_validity(leaf, at)
    check_not_revoked(leaf, revocations, at, now)
    return parse_licence(leaf)
