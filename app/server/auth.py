"""Authenticating a request made for a licence holder (docs/protocols/request-signing.md).

Checks, in order: the signature headers are present and well-formed (401 ``unsigned_request``
/ ``malformed_signature_headers``); the timestamp is within ±5 minutes of the service clock
(401 ``stale_request``); the serial names a licence this authority issued, and a certificate
sent along is that licence (401 ``unknown_certificate`` / ``certificate_mismatch``); the
certificate chains to the authority root (401 ``bad_signature`` …); the SM2 signature over the
canonical string verifies with the certificate's key (401 ``bad_request_signature``); the body
matches the signed digest (401 ``content_mismatch``); the nonce was not seen before (401
``replayed_request``); and the licence is usable now by the authority's live records (403
``revoked`` / ``not_yet_valid`` / ``expired``). Role, enterprise and matters come from the
issued certificate and the authority's records, never from anything else the client sends.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from ..core import gm
from ..core.client.signing import H_CERT, H_SIGNATURE, REQUIRED, SignedParts, parse_time
from ..core.errors import EbidError
from ..core.licence import Status, check_use
from ..core.licence.model import IssuedLicence
from ..core.pki import Certificate, LicenceTerms, Role
from .authority.repository import SqlAuthorityRepository
from .context import ServiceContext
from .errors import ApiError
from .models import claim_nonce

MAX_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class Holder:
    """The authenticated licence: who acts, for which enterprise, in which role."""

    serial: int
    credit_code: str
    person_id: str
    role: Role
    terms: LicenceTerms
    certificate: Certificate
    public_key: gm.SM2PublicKey

    def require_matter(self, matter: str, at: datetime) -> None:
        """403 unless the licence covers ``matter`` (its window was checked on entry)."""
        check_use(self.terms, credit_code=self.credit_code, matter=matter, at=at).require()


def signed_parts(method: str, target: str, headers) -> SignedParts:
    missing = [h for h in REQUIRED if not headers.get(h)]
    if missing:
        raise ApiError(
            "unsigned_request",
            "This request must be signed with a licence key; missing headers: {names}",
            names=", ".join(missing),
        )
    parts = SignedParts(
        method,
        target,
        headers["x-ebid-content-sm3"],
        headers["x-ebid-timestamp"],
        headers["x-ebid-nonce"],
        headers["x-ebid-serial"],
    )
    try:
        parts.check_syntax()
    except EbidError as exc:
        raise ApiError("malformed_signature_headers", "{detail}", detail=exc.message) from None
    return parts


def authenticate(
    ctx: ServiceContext, parts: SignedParts, headers, body_sm3: str | None
) -> Holder:
    """Every check above; ``body_sm3`` None means the caller checks the body itself later.

    One short transaction: read the licence record, check the certificate and the signature,
    claim the nonce, commit. The claim is the last statement, so a request refused before it
    writes nothing; once it is committed the nonce stays used even if the request is refused
    after it (here for revocation or window, or later by the action, which runs in its own
    transaction for exactly that reason: rolling an action back must not give its nonce back)."""
    now = ctx.now()
    _check_fresh(parts, now)
    with ctx.session() as s:
        licence = _issued_licence(s, parts, headers.get(H_CERT))
        # Root (checked once at start-up) usable now; then the root's signature on this exact
        # certificate, parsed and checked once per certificate (see certcache). The leaf's
        # window is judged below, with the live record, so that it yields 403 rather than 401.
        ctx.certificates.check_root_at(now)
        known = ctx.certificates.verified(licence.serial, licence.certificate_der)
        _check_signature(known.public_key, parts, headers[H_SIGNATURE])
        if body_sm3 is not None and body_sm3 != parts.content_sm3:
            raise ApiError("content_mismatch", "The body does not match the signed digest")
        fresh = _claim(ctx, s, parts, now)
    if not fresh:
        raise ApiError("replayed_request", "This signed request was already used")
    info = known.info
    revoked = licence.status(now) is Status.REVOKED
    check_use(info.terms, credit_code=info.credit_code, matter=None, at=now, revoked=revoked).require()
    return Holder(
        licence.serial, licence.credit_code, licence.person_id, licence.role, info.terms,
        known.certificate, known.public_key,
    )


def _check_fresh(parts: SignedParts, now: datetime) -> None:
    stamp = parse_time(parts.timestamp)
    if abs(now - stamp) > MAX_SKEW:
        raise ApiError(
            "stale_request",
            "The request was signed at {at} but the service time is {now}: check the clock",
            at=parts.timestamp,
            now=now.isoformat(),
        )


def _issued_licence(s: Session, parts: SignedParts, cert_b64: str | None) -> IssuedLicence:
    licence = SqlAuthorityRepository(s).get_licence(int(parts.serial, 16))
    if licence is None:
        raise ApiError(
            "unknown_certificate", "No licence with serial {serial} was issued here", serial=parts.serial
        )
    if cert_b64 is not None:
        try:
            sent = base64.b64decode(cert_b64, validate=True)
        except (binascii.Error, ValueError):
            sent = b""
        if sent != licence.certificate_der:
            raise ApiError(
                "certificate_mismatch", "The certificate sent is not the licence with that serial"
            )
    return licence


def _check_signature(key: gm.SM2PublicKey, parts: SignedParts, signature_b64: str) -> None:
    try:
        signature = base64.b64decode(signature_b64, validate=True)
        key.verify(signature, parts.canonical())
    except (binascii.Error, ValueError, EbidError):
        raise ApiError(
            "bad_request_signature",
            "The request signature does not verify with the licence's key",
        ) from None


def _claim(ctx: ServiceContext, s: Session, parts: SignedParts, now: datetime) -> bool:
    """Insert-or-fail on the nonce table's primary key: the database decides, across workers."""
    expires = parse_time(parts.timestamp) + MAX_SKEW + timedelta(seconds=1)
    key = f"req:{parts.serial}:{parts.nonce}"
    return claim_nonce(s, key, expires, now, purge=ctx.nonce_purge_due(now))
