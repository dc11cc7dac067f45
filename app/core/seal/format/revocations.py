"""The seal office's signed list of revoked seal authorisations (印章授权撤销列表).

Revoked licences are on the authority's CRL; a seal authorisation is no certificate, so the seal
office signs its own list, with its seal-making key, and a verifier checks it as it checks the
CRL: signed by an office certificate that chains to a trusted root, current at the verifier's
clock. An authorisation on the list no longer covers a time at or after its revocation, whatever
a (possibly old, cached or tampered) window answer says. ASN.1 (DER, our own):

    SealAuthorisationRevocations ::= SEQUENCE {
        toSign     SEQUENCE {
            version     INTEGER (1),
            thisUpdate  GeneralizedTime,
            nextUpdate  GeneralizedTime,
            revoked     SEQUENCE OF SEQUENCE {
                authorisationId UTF8String, sealId UTF8String, personId UTF8String,
                notBefore GeneralizedTime, revokedAt GeneralizedTime } },
        cert       OCTET STRING,        -- the seal office's certificate (DER)
        signatureAlgorithm OBJECT IDENTIFIER,  -- SM2-with-SM3
        signature  BIT STRING }         -- SM2 over DER(toSign), standard user ID
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from asn1crypto import core

from ... import gm
from ...der import ASN1_ERRORS
from ...errors import EbidError, InvalidInput, VerificationFailed
from ...pki import Certificate, to_utc_second
from ...pki import verify as pki_verify
from .asn1 import SM2_WITH_SM3
from .der import generalized_time, octets_of
from .errors import Reason, SealRefused
from .office import is_seal_maker
from .trust import issuing_root

VERSION = 1
LIFETIME = timedelta(days=1)
SKEW = timedelta(minutes=5)
MEDIA_TYPE = "application/x-ebid-seal-revocations"


class _Entry(core.Sequence):
    _fields = [
        ("authorisation_id", core.UTF8String),
        ("seal_id", core.UTF8String),
        ("person_id", core.UTF8String),
        ("not_before", core.GeneralizedTime),
        ("revoked_at", core.GeneralizedTime),
    ]


class _Entries(core.SequenceOf):
    _child_spec = _Entry


class _ToSign(core.Sequence):
    _fields = [
        ("version", core.Integer),
        ("this_update", core.GeneralizedTime),
        ("next_update", core.GeneralizedTime),
        ("revoked", _Entries),
    ]


class _Signed(core.Sequence):
    _fields = [
        ("to_sign", _ToSign),
        ("cert", core.OctetString),
        ("signature_algorithm", core.ObjectIdentifier),
        ("signature", core.OctetBitString),
    ]


@dataclass(frozen=True)
class RevokedAuthorisation:
    authorisation_id: str
    seal_id: str
    person_id: str
    not_before: datetime  # the authorisation's start: with seal and person, it names the window
    revoked_at: datetime


@dataclass(frozen=True)
class AuthorisationRevocations:
    """A verified list (:func:`load_revocations`)."""

    this_update: datetime
    next_update: datetime
    revoked: tuple[RevokedAuthorisation, ...]

    def voids(self, seal_id: str, person_id: str, not_before: datetime, at: datetime) -> bool:
        """True when the authorisation of ``person_id`` for ``seal_id`` starting ``not_before``
        was revoked at or before ``at``."""
        start, moment = to_utc_second(not_before), to_utc_second(at)
        return any(r.seal_id == seal_id and r.person_id == person_id and r.not_before == start
                   and r.revoked_at <= moment for r in self.revoked)


def make_revocations(revoked: Iterable[RevokedAuthorisation], *, key: gm.SM2PrivateKey,
                     certificate: Certificate, this_update: datetime,
                     lifetime: timedelta = LIFETIME) -> bytes:
    """The office's signed list (DER)."""
    start = to_utc_second(this_update)
    to_sign = _ToSign({
        "version": VERSION,
        "this_update": generalized_time(start),
        "next_update": generalized_time(start + lifetime),
        "revoked": [{
            "authorisation_id": r.authorisation_id, "seal_id": r.seal_id, "person_id": r.person_id,
            "not_before": generalized_time(r.not_before), "revoked_at": generalized_time(r.revoked_at),
        } for r in revoked],
    })
    return _Signed({
        "to_sign": to_sign, "cert": certificate.der, "signature_algorithm": SM2_WITH_SM3,
        "signature": key.sign(to_sign.dump()),
    }).dump()


def _bad(detail: str) -> SealRefused:
    return SealRefused(Reason.BAD_AUTHORISATION_LIST,
                       "The list of revoked seal authorisations is not usable: {detail}", detail=detail)


def load_revocations(der: bytes, roots: Sequence[Certificate], *, now: datetime) -> AuthorisationRevocations:
    """The list, after every check: strict DER; signed SM2-with-SM3 by a seal-making certificate
    that chains to one of ``roots`` and is valid ``now``; ``thisUpdate`` not in the future,
    ``nextUpdate`` not passed — at the verifier's clock ``now``."""
    try:
        value = _Signed.load(bytes(der), strict=True)
        native = value.native
        cert = Certificate.load(native["cert"])
        signature = octets_of(value["signature"])
    except (*ASN1_ERRORS, InvalidInput):
        raise _bad("malformed") from None
    if native["to_sign"]["version"] != VERSION or value["signature_algorithm"].dotted != SM2_WITH_SM3:
        raise _bad("not version 1, or not signed SM2-with-SM3")
    _check_office(cert, roots, to_utc_second(now))
    try:
        cert.public_key().verify(signature, value["to_sign"].dump())
    except (VerificationFailed, InvalidInput):
        raise _bad("the seal office's signature is invalid") from None
    body = native["to_sign"]
    this_update, next_update = to_utc_second(body["this_update"]), to_utc_second(body["next_update"])
    moment = to_utc_second(now)
    if this_update > moment + SKEW or moment > next_update:
        raise _bad("it is not current (issued {this}, valid until {next})".format(
            this=this_update.isoformat(), next=next_update.isoformat()))
    revoked = tuple(RevokedAuthorisation(e["authorisation_id"], e["seal_id"], e["person_id"],
                                         to_utc_second(e["not_before"]), to_utc_second(e["revoked_at"]))
                    for e in body["revoked"])
    return AuthorisationRevocations(this_update, next_update, revoked)


def _check_office(cert: Certificate, roots: Sequence[Certificate], now: datetime) -> None:
    root = issuing_root(cert, roots)
    if root is None:
        raise _bad("signed by an authority we do not trust")
    try:
        pki_verify.check_root(root)
        pki_verify.check_issued_by(cert, root)
        pki_verify.check_validity(root, now, "root certificate")
        pki_verify.check_validity(cert, now, "seal office's certificate")
    except EbidError as exc:
        raise _bad(exc.message) from None
    if not is_seal_maker(cert):
        raise _bad("signed by a certificate that is not the seal office's")
