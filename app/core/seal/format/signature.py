"""Signing a document hash with a seal (``SES_Signature``) and verifying such a signature.

The signer signs the DER of ``TBS_Sign`` SM2-with-SM3 (user ID 1234567812345678); the signature
value, a DER ``SEQUENCE { r, s }``, goes in the ``signature`` BIT STRING, as ofdrw and the
gm_0031_38540_verifier do. ``dataHash`` is the SM3 digest of the document data.
"""

from __future__ import annotations

import dataclasses
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ... import gm
from ...errors import InvalidInput, VerificationFailed
from ...pki import Certificate, Clock, LicenceInfo, RevocationList, system_clock, to_utc_second
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


def sign_with_seal(
    seal_der: bytes,
    signer_key: gm.SM2PrivateKey,
    signer_cert: Certificate,
    data_hash: bytes,
    *,
    clock: Clock = system_clock,
    property_info: str = DEFAULT_PROPERTY_INFO,
) -> bytes:
    """DER of a ``SES_Signature`` over ``data_hash`` (SM3 of the document data)."""
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
    return SESSignature(
        {
            "to_sign": tbs,
            "cert": signer_cert.der,
            "signature_alg_id": SM2_WITH_SM3,
            "signature": signature,
        }
    ).dump()


@dataclass(frozen=True)
class VerifiedSignature:
    signature: SignatureInfo
    licence: LicenceInfo  # the signer's verified licence

    @property
    def seal(self) -> SealInfo:
        return self.signature.seal


def verify_signature(
    sig_der: bytes,
    data: bytes | None = None,
    *,
    data_hash: bytes | None = None,
    roots: Sequence[Certificate],
    clock: Clock = system_clock,
    crl: RevocationList | None = None,
    authorisation_check: AuthorisationCheck | None = None,
) -> VerifiedSignature:
    """Every check of docs/formats/electronic-seal.md §5, in order; the first failure raises
    :class:`SealRefused`. Give the document ``data`` or its SM3 ``data_hash``.

    ``crl`` is the authority's revocation list, already checked against its root
    (``app.core.pki.load_crl``). Without ``authorisation_check`` no seal authorisations are on
    record, so agents are refused (see :class:`SealAuthorisationRule`)."""
    expected_hash = _expected_hash(data, data_hash)
    info = parse_signature(sig_der)
    check_signature_extensions(info)
    check_extensions(info.seal)
    check_signer_signature(info)
    if not hmac.compare_digest(info.data_hash, expected_hash):
        raise SealRefused(Reason.BAD_DOCUMENT_HASH, "The document is not the one that was sealed")
    signed_at = check_signing_time(info, clock)
    now = clock()  # a revocation list's freshness is judged here, never at the signer's stated time
    licence = check_signer_licence(info.signer_certificate, roots, at=signed_at, revocations=crl, now=now)
    seal = dataclasses.replace(info.seal, maker_signed=check_seal_signature(info.seal))
    check_seal_maker(
        seal.maker_certificate, roots, made_at=seal.created_at, used_at=signed_at, revocations=crl, now=now
    )
    check_seal_window(seal, signed_at)
    check_binding(seal, licence, info.signer_certificate)
    (authorisation_check or no_authorisations())(seal, licence, signed_at)
    return VerifiedSignature(dataclasses.replace(info, seal=seal), licence)


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


def check_signing_time(info: SignatureInfo, clock: Clock) -> datetime:
    """timeInfo is the signer's claim (no time stamp): it must at least not lie in the future."""
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
