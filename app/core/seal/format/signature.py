"""Signing a document hash with a seal (``SES_Signature``) and verifying such a signature.

The signer signs the DER of ``TBS_Sign`` SM2-with-SM3 (user ID 1234567812345678); the signature
value, a DER ``SEQUENCE { r, s }``, goes in the ``signature`` BIT STRING, as ofdrw and the
gm_0031_38540_verifier do. ``dataHash`` is the SM3 digest of the document data.

Which time (docs/formats/electronic-seal.md "Which time"): a signature made with a service at
hand carries, in ``timeStamp``, an RFC 3161 token of the authority's time-stamping service over
the signature value; a verifier checks the token and judges the licence, the seal's window, the
maker certificate and the seal authorisation at the token's ``genTime``. ``timeInfo`` is the
signer's claim: it may not be later than ``genTime`` (plus :data:`TIME_INFO_TOLERANCE`). Without a
token everything is judged at the verifier's *now*, and the result says so.
"""

from __future__ import annotations

import dataclasses
import hmac
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ... import gm
from ...errors import EbidError, InvalidInput, VerificationFailed
from ...pki import Certificate, Clock, LicenceInfo, RevocationList, system_clock, to_utc_second
from ...pki import timestamp as ts
from .asn1 import SEAL_VERSION, SM2_WITH_SM3, SESSignature, TBSSign
from .authorisation import AuthorisationCheck, no_authorisations
from .der import generalized_time, is_ia5
from .errors import Reason, SealRefused
from .model import SealInfo, SignatureInfo
from .parse import parse_seal, parse_signature
from .seal import check_extensions, check_seal_signature, check_seal_window
from .trust import check_seal_maker, check_signer_licence

DEFAULT_PROPERTY_INFO = "ebid:sm3-of-whole-file"  # propertyInfo: what dataHash covers
FUTURE_SKEW = timedelta(minutes=5)  # tolerated clock difference between signer and verifier
#: How much later than the token's genTime ``timeInfo`` may be: the signer's clock and the
#: authority's may differ a little (the token is asked for after timeInfo is written).
TIME_INFO_TOLERANCE = timedelta(minutes=5)

#: ``stamp(signature_value) -> TimeStampToken DER``: asks a time-stamping authority for a token
#: over the signature value (``app.core.client.tsa.time_stamper``).
TimeStamper = Callable[[bytes], bytes]

#: What a verified signature's time means, for the CLI and the UI (translated like errors).
TIME_MESSAGES = {
    "trusted_time": "Trusted time: checked as of the time stamp, {when}",
    "no_trusted_time": "No trusted time: checked as of now ({when})",
}
_TOKEN_MESSAGES = {"refused": "The signature's time stamp: {detail}"}
#: The verdict of a verified signature: plain OK only when revocation was checked too (a
#: signature verified without the authority's revocation list may be by a revoked licence).
VERDICT_MESSAGES = {
    "ok": "Seal signature OK",
    "revocation_not_checked": "Seal signature valid, but revocation NOT CHECKED: no current revocation list "
                              "was given, so the signer's licence or the seal maker may have been revoked",
}


def sign_with_seal(
    seal_der: bytes,
    signer_key: gm.SM2PrivateKey,
    signer_cert: Certificate,
    data_hash: bytes,
    *,
    clock: Clock = system_clock,
    property_info: str = DEFAULT_PROPERTY_INFO,
    time_stamper: TimeStamper | None = None,
) -> bytes:
    """DER of a ``SES_Signature`` over ``data_hash`` (SM3 of the document data); with a
    ``time_stamper`` (a service at hand) its ``timeStamp`` holds a token over the signature
    value, without one (offline) it has none and verifiers judge it at their own time."""
    if signer_cert.public_key() != signer_key.public_key():
        raise InvalidInput("The signing key does not match the signer's certificate")
    if len(data_hash) != 32:
        raise InvalidInput("The data hash must be an SM3 digest (32 bytes)")
    if not is_ia5(property_info):
        raise InvalidInput("propertyInfo must be printable ASCII (an IA5String)")
    seal = parse_seal(seal_der)
    if seal.version != SEAL_VERSION:  # we read GM/T 0031 v1 seals, we do not make signatures
        raise InvalidInput("EBid Desk signs with GB/T 38540 version 4 seals only")
    now = to_utc_second(clock())
    check_seal_window(seal, now)  # refuse early: a verifier would refuse it anyway
    tbs = TBSSign(
        {
            "version": SEAL_VERSION,
            "eseal": seal.asn1,  # the seal's original bytes, unchanged
            "time_info": generalized_time(now),
            "data_hash": data_hash,
            "property_info": property_info,
        }
    )
    signature = signer_key.sign(tbs.dump())
    fields = {"to_sign": tbs, "cert": signer_cert.der, "signature_alg_id": SM2_WITH_SM3,
              "signature": signature}
    if time_stamper is not None:
        fields["time_stamp"] = time_stamper(signature)  # GB/T 38540: over the signature value
    return SESSignature(fields).dump()


@dataclass(frozen=True)
class VerifiedSignature:
    signature: SignatureInfo
    licence: LicenceInfo  # the signer's verified licence
    judged_at: datetime | None = None  # the time every check was made at
    time_stamp: ts.TimeStamp | None = None  # the verified token, when the signature has one
    revocation_checked: bool = False  # True when the authority's (current) revocation list was given

    @property
    def seal(self) -> SealInfo:
        return self.signature.seal

    @property
    def trusted_time(self) -> bool:
        """True when the checks were made at a time stamp's time, False when at "now"."""
        return self.time_stamp is not None

    @property
    def time_note(self) -> tuple[str, dict[str, str]]:
        """(template, params) of :data:`TIME_MESSAGES` saying which time the checks used."""
        when = self.judged_at.isoformat() if self.judged_at else ""
        key = "trusted_time" if self.trusted_time else "no_trusted_time"
        return TIME_MESSAGES[key], {"when": when}

    @property
    def time_message(self) -> str:
        template, params = self.time_note
        return template.format(**params)

    @property
    def verdict(self) -> str:
        """The :data:`VERDICT_MESSAGES` template: "OK" only when revocation was checked."""
        return VERDICT_MESSAGES["ok" if self.revocation_checked else "revocation_not_checked"]


def verify_signature(
    sig_der: bytes,
    data: bytes | None = None,
    *,
    data_hash: bytes | None = None,
    roots: Sequence[Certificate],
    clock: Clock = system_clock,
    crl: RevocationList | None = None,
    authorisation_check: AuthorisationCheck | None = None,
    received_by: datetime | None = None,
) -> VerifiedSignature:
    """Every check of docs/formats/electronic-seal.md §5, in order; the first failure raises
    :class:`SealRefused`. Give the document ``data`` or its SM3 ``data_hash``.

    ``crl`` is the authority's revocation list, already checked against its root
    (``app.core.pki.load_crl``); its freshness is judged at the verifier's clock. Without one the
    result is valid but not revocation-checked (``revocation_checked`` False, see ``verdict``).
    Without ``authorisation_check`` no seal authorisations are on record, so agents are refused
    (see :class:`SealAuthorisationRule`). ``received_by``: a trusted time by which the signature
    existed — the signed ``received_at`` of the bid receipt of the upload that carried the
    document (:func:`check_received_by`)."""
    expected_hash = _expected_hash(data, data_hash)
    info = parse_signature(sig_der)
    check_signature_extensions(info)
    check_extensions(info.seal)
    check_signer_signature(info)
    if not hmac.compare_digest(info.data_hash, expected_hash):
        raise SealRefused(Reason.BAD_DOCUMENT_HASH, "The document is not the one that was sealed")
    check_signing_time(info, clock)
    now = to_utc_second(clock())  # a revocation list's freshness is judged here, never at timeInfo
    stamp = check_time_stamp(info, roots, crl, now)
    if received_by is not None:
        check_received_by(info, stamp, received_by)
    at = stamp.gen_time if stamp is not None else now  # "Which time": never timeInfo
    licence = check_signer_licence(info.signer_certificate, roots, at=at, revocations=crl, now=now)
    seal = dataclasses.replace(info.seal, maker_signed=check_seal_signature(info.seal))
    check_seal_maker(
        seal.maker_certificate, roots, made_at=seal.created_at, used_at=at, revocations=crl, now=now
    )
    check_seal_window(seal, at)
    check_binding(seal, licence, info.signer_certificate)
    (authorisation_check or no_authorisations())(seal, licence, at)
    return VerifiedSignature(dataclasses.replace(info, seal=seal), licence, at, stamp,
                             revocation_checked=crl is not None)


def _expected_hash(data: bytes | None, data_hash: bytes | None) -> bytes:
    if (data is None) == (data_hash is None):
        raise InvalidInput("Give either the document data or its SM3 hash")
    return gm.sm3(data) if data is not None else bytes(data_hash)


def check_signature_extensions(info: SignatureInfo) -> None:
    if info.unknown_critical:
        raise SealRefused(
            Reason.UNKNOWN_CRITICAL_EXTENSION,
            "The seal signature has a critical extension EBid Desk does not understand: {oid}",
            oid=", ".join(info.unknown_critical),
        )


def check_signer_signature(info: SignatureInfo) -> None:
    try:
        key = info.signer_certificate.public_key()
        key.verify(info.signature, info.asn1["to_sign"].dump())
    except (VerificationFailed, InvalidInput):
        raise SealRefused(Reason.BAD_SIGNATURE, "The signer's signature is invalid") from None


def time_stamp_token(info: SignatureInfo) -> bytes | None:
    """The DER of the signature's ``timeStamp`` token, or None (v1 signatures have no field)."""
    if not info.has_time_stamp:
        return None
    return bytes(info.asn1["time_stamp"].native)


def check_time_stamp(info: SignatureInfo, roots: Sequence[Certificate], crl: RevocationList | None,
                     now: datetime) -> ts.TimeStamp | None:
    """The verified token over the signature value, or None when the signature has none; a
    token that does not verify refuses the signature (it is never ignored), and so does a
    ``timeInfo`` later than the token's time (beyond :data:`TIME_INFO_TOLERANCE`)."""
    token = time_stamp_token(info)
    if token is None:
        return None
    try:
        stamp = ts.verify_token(token, digest=gm.sm3(info.signature), roots=roots, revocations=crl, now=now)
    except ts.TimeStampRefused as exc:
        reason = Reason(exc.code) if exc.code in Reason._value2member_map_ else Reason.BAD_TIME_STAMP
        raise SealRefused(reason, _TOKEN_MESSAGES["refused"], detail=exc.message) from None
    except EbidError as exc:  # an embedded certificate or key that does not even parse
        raise SealRefused(Reason.BAD_TIME_STAMP, _TOKEN_MESSAGES["refused"], detail=exc.message) from None
    if info.signed_at > stamp.gen_time + TIME_INFO_TOLERANCE:
        raise SealRefused(
            Reason.SIGNED_AFTER_TIME_STAMP,
            "The signature claims a signing time ({claimed}) later than its time stamp ({stamped})",
            claimed=info.signed_at.isoformat(), stamped=stamp.gen_time.isoformat(),
        )
    return stamp


def check_received_by(info: SignatureInfo, stamp: ts.TimeStamp | None, received_by: datetime) -> None:
    """A document sealed for a bid was sealed before the platform received the bid: ``timeInfo``
    not later than the receipt's time (beyond :data:`TIME_INFO_TOLERANCE`: the signer's clock),
    and a time stamp not later at all (the authority's clock, as trusted as the platform's)."""
    received = to_utc_second(received_by)
    if info.signed_at > received + TIME_INFO_TOLERANCE:
        raise SealRefused(
            Reason.SIGNED_AFTER_RECEIPT,
            "The signature claims a signing time ({claimed}) later than the platform received the bid ({received})",
            claimed=info.signed_at.isoformat(), received=received.isoformat(),
        )
    if stamp is not None and stamp.gen_time > received:
        raise SealRefused(
            Reason.STAMPED_AFTER_RECEIPT,
            "The signature was time-stamped ({stamped}) after the platform received the bid ({received})",
            stamped=stamp.gen_time.isoformat(), received=received.isoformat(),
        )


def check_signing_time(info: SignatureInfo, clock: Clock) -> datetime:
    """timeInfo is the signer's claim: it must at least not lie in the future."""
    now = to_utc_second(clock())
    if info.signed_at > now + FUTURE_SKEW:
        raise SealRefused(
            Reason.SIGNED_IN_FUTURE,
            "The signature claims a signing time in the future: {when}",
            when=info.signed_at.isoformat(),
        )
    return info.signed_at


def check_binding(seal: SealInfo, licence: LicenceInfo, cert: Certificate) -> None:
    """The signer belongs to the seal's enterprise (our extDatas entry), and is listed in the
    seal's certList unless the seal names its enterprise (licences are reissued per device and
    per authorisation, so the list cannot name every future holder)."""
    enterprise = seal.enterprise
    if enterprise is not None and enterprise.credit_code != licence.credit_code:
        raise SealRefused(
            Reason.WRONG_ENTERPRISE,
            "The seal belongs to {seal_owner} ({seal_code}); the signer's licence is for "
            "{signer_owner} ({signer_code})",
            seal_owner=enterprise.name,
            seal_code=enterprise.credit_code,
            signer_owner=licence.enterprise_name,
            signer_code=licence.credit_code,
        )
    if enterprise is None and not seal.lists(cert):
        raise SealRefused(
            Reason.SIGNER_NOT_IN_SEAL, "The signer's certificate is not listed in the seal"
        )
