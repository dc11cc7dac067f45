"""RFC 3161 time stamps with SM2/SM3: the request, the authority's token, and its verification.

A ``TimeStampToken`` is a CMS ``SignedData`` (RFC 5652) whose content is a ``TSTInfo``: the
authority's statement that a digest (the message imprint, SM3 here) existed at ``genTime``.
The authority's one ``SignerInfo`` signs the DER of its signed attributes (content type,
``messageDigest`` = SM3 of the TSTInfo DER, and the ESS ``signingCertificateV2`` naming the
authority's certificate by its SM3 digest, RFC 5816) SM2-with-SM3 with the standard user ID
``1234567812345678``. Profile of the authority's certificate: docs/pki/certificate-profile.md.

A token is trusted only when (:func:`verify_token`): it is well formed; its imprint is the SM3 of
the bytes in question; its certificate chains to a trusted root and carries the time-stamping
extended key usage, critical and alone (RFC 3161 §2.3), is no CA, and was valid at ``genTime``
(as was the root); the signed attributes' ``messageDigest`` and ``signingCertificateV2`` match;
the SM2 signature verifies; and the certificate is not revoked by the given list.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import cms, core, tsp, x509

from .. import gm
from ..der import ASN1_ERRORS
from ..errors import EbidError, InvalidInput, Refused, VerificationFailed
from ..gm.oids import SM2_WITH_SM3, SM3
from .asn1 import EBID_ARC
from .certs import Certificate, new_serial
from .clock import system_clock, to_utc_second
from .crl import RevocationList
from .issue import make_role_certificate
from .verify import check_issued_by, check_not_revoked, check_root, check_validity

#: id-kp-timeStamping (RFC 3161 §2.3): the only extended key usage of an authority's certificate.
OID_KP_TIME_STAMPING = "1.3.6.1.5.5.7.3.8"
#: The reference service's time-stamping policy (TSTInfo.policy).
OID_TSA_POLICY = EBID_ARC + ".300.1"
#: SM2 signature OID some producers write in a SignerInfo instead of SM2-with-SM3.
SM2_SIGN = "1.2.156.10197.1.301.1"
MEDIA_QUERY = "application/timestamp-query"
MEDIA_REPLY = "application/timestamp-reply"
#: The largest request or reply we read (a request is ~60 bytes, a reply ~1.5 KiB).
MAX_QUERY_BYTES = 4 << 10
MAX_REPLY_BYTES = 64 << 10

# Reason codes (TimeStampRefused.code).
BAD_TIME_STAMP = "bad_time_stamp"  # malformed, or its signature or signed attributes fail
TIME_STAMP_OTHER_DATA = "time_stamp_other_data"  # the imprint is not the digest of these bytes
UNTRUSTED_TIME_STAMP_AUTHORITY = "untrusted_time_stamp_authority"  # no chain to a trusted root
NOT_A_TIME_STAMP_AUTHORITY = "not_a_time_stamp_authority"  # chains, but lacks the EKU profile
TIME_STAMP_OUTSIDE_AUTHORITY_VALIDITY = "time_stamp_outside_authority_validity"
TIME_STAMP_REJECTED = "time_stamp_rejected"  # the authority answered with a rejection


#: Templates wrapped around a certificate check's own message (the i18n tool collects *_MESSAGES).
_GUARD_MESSAGES = {
    "authority": "The time-stamping authority's certificate: {detail}",
    "window": "The time stamp's genTime lies outside its authority's certificate: {detail}",
}


class TimeStampRefused(Refused, VerificationFailed):
    """A time-stamp token, request or reply that is refused; ``code`` says which check."""


@dataclass(frozen=True)
class TimeStampRequest:
    """A parsed ``TimeStampReq`` (what the authority reads)."""

    digest: bytes  # SM3, 32 bytes
    nonce: int | None
    cert_req: bool


@dataclass(frozen=True)
class TimeStamp:
    """A verified token: the authority certifies that ``digest`` existed at ``gen_time``."""

    gen_time: datetime
    serial: int
    digest: bytes
    authority: Certificate
    policy: str


def _sm3_algorithm() -> dict:
    return {"algorithm": SM3}  # parameters absent, as GmSSL and OpenSSL write it


# --- the request (client side) -----------------------------------------------------------


def new_nonce() -> int:
    return secrets.randbits(63) | (1 << 62)


def make_request(digest: bytes, *, nonce: int | None = None) -> bytes:
    """DER of a ``TimeStampReq`` over an SM3 ``digest``, asking for the certificate (certReq)."""
    if len(digest) != 32:
        raise InvalidInput("A time stamp is asked for over an SM3 digest (32 bytes)")
    fields = {
        "version": "v1",
        "message_imprint": {"hash_algorithm": _sm3_algorithm(), "hashed_message": bytes(digest)},
        "cert_req": True,
    }
    if nonce is not None:
        fields["nonce"] = nonce
    return tsp.TimeStampReq(fields).dump()


def parse_request(der: bytes) -> TimeStampRequest:
    """The authority's reading of a request: v1, SM3 imprint of 32 bytes, no extensions."""
    if len(der) > MAX_QUERY_BYTES:
        raise TimeStampRefused(BAD_TIME_STAMP, "The time-stamp request is too large")
    try:
        req = tsp.TimeStampReq.load(bytes(der), strict=True)
        native = req.native
        imprint = req["message_imprint"]
        algorithm = imprint["hash_algorithm"]["algorithm"].dotted
    except ASN1_ERRORS:
        raise TimeStampRefused(BAD_TIME_STAMP, "The time-stamp request is malformed") from None
    if native["version"] != "v1" or native["extensions"] is not None:
        raise TimeStampRefused(BAD_TIME_STAMP, "The time-stamp request is not a plain version 1 request")
    if algorithm != SM3 or len(imprint["hashed_message"].native) != 32:
        raise TimeStampRefused(BAD_TIME_STAMP, "The time-stamp request is not over an SM3 digest")
    return TimeStampRequest(imprint["hashed_message"].native, native["nonce"], bool(native["cert_req"]))


# --- the authority (service side) --------------------------------------------------------


def make_tsa_certificate(
    public_key: gm.SM2PublicKey, *, subject: x509.Name, root: Certificate, root_key: gm.SM2PrivateKey,
    not_before: datetime, not_after: datetime,
) -> Certificate:
    """A time-stamping authority's certificate under ``root``: digitalSignature + nonRepudiation,
    extendedKeyUsage id-kp-timeStamping, critical and alone (RFC 3161 §2.3)."""
    return make_role_certificate(
        public_key, subject=subject, key_usage={"digital_signature", "non_repudiation"},
        extended_key_usage=OID_KP_TIME_STAMPING, critical_eku=True,
        root=root, root_key=root_key, not_before=not_before, not_after=not_after,
    )


def issue_token(
    request: TimeStampRequest, *, key: gm.SM2PrivateKey, certificate: Certificate, gen_time: datetime,
    serial: int | None = None, policy: str = OID_TSA_POLICY,
) -> bytes:
    """DER of a granted ``TimeStampResp`` whose token stamps ``request.digest`` at ``gen_time``
    (whole seconds, accuracy one second), echoing the nonce; ``serial`` defaults to a fresh
    127-bit random number (unique per authority with overwhelming probability)."""
    tst = tsp.TSTInfo(
        {
            "version": "v1",
            "policy": policy,
            "message_imprint": {"hash_algorithm": _sm3_algorithm(), "hashed_message": request.digest},
            "serial_number": serial if serial is not None else new_serial(),
            "gen_time": to_utc_second(gen_time),
            "accuracy": {"seconds": 1},
            "nonce": request.nonce,
            "tsa": x509.GeneralName(name="directory_name", value=certificate.tbs["subject"]),
        }
    )
    tst_der = tst.dump()
    attrs = cms.CMSAttributes(
        [
            {"type": "content_type", "values": ["tst_info"]},
            {"type": "message_digest", "values": [gm.sm3(tst_der)]},
            {"type": "signing_certificate_v2", "values": [_ess_signing_certificate(certificate)]},
        ]
    )
    signature = key.sign(attrs.dump())  # over the DER SET OF (RFC 5652 §5.4)
    signer = cms.SignerInfo(
        {
            "version": "v1",
            "sid": cms.SignerIdentifier(
                name="issuer_and_serial_number",
                value={"issuer": certificate.tbs["issuer"], "serial_number": certificate.serial},
            ),
            "digest_algorithm": _sm3_algorithm(),
            "signed_attrs": attrs,
            "signature_algorithm": {"algorithm": SM2_WITH_SM3},
            "signature": signature,
        }
    )
    signed = cms.SignedData(
        {
            "version": "v3",
            "digest_algorithms": [_sm3_algorithm()],
            "encap_content_info": {"content_type": "tst_info", "content": tst},
            "certificates": [certificate.asn1] if request.cert_req else [],
            "signer_infos": [signer],
        }
    )
    token = cms.ContentInfo({"content_type": "signed_data", "content": signed})
    return tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": token}).dump()


def rejection(fail_info: str, text: str) -> bytes:
    """DER of a rejecting ``TimeStampResp`` (``fail_info`` e.g. ``bad_alg``, ``bad_data_format``)."""
    status = tsp.PKIStatusInfo({"status": "rejection", "status_string": [text], "fail_info": {fail_info}})
    # asn1crypto's TimeStampResp cannot leave out the token, which a rejection must: by hand.
    return _der_sequence(status.dump())


def _der_sequence(contents: bytes) -> bytes:
    n = len(contents)
    if n < 0x80:
        return b"\x30" + bytes([n]) + contents
    size = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return b"\x30" + bytes([0x80 | len(size)]) + size + contents


def _ess_signing_certificate(certificate: Certificate) -> tsp.SigningCertificateV2:
    return tsp.SigningCertificateV2(
        {
            "certs": [
                {
                    "hash_algorithm": _sm3_algorithm(),
                    "cert_hash": gm.sm3(certificate.der),
                    "issuer_serial": {
                        "issuer": [x509.GeneralName(name="directory_name", value=certificate.tbs["issuer"])],
                        "serial_number": certificate.serial,
                    },
                }
            ]
        }
    )


# --- the reply (client side) -------------------------------------------------------------


class _Parts(core.SequenceOf):
    """TimeStampResp read field by field: asn1crypto's class insists on the token, which a
    rejection leaves out."""

    _child_spec = core.Any


def token_from_reply(der: bytes, *, digest: bytes, nonce: int | None) -> bytes:
    """The ``TimeStampToken`` DER of a granted reply to our request: refused when the authority
    rejected it, when the nonce is not echoed or the imprint is not our digest. (The token's
    signature and certificate are checked by :func:`verify_token`, by whoever relies on it.)"""
    if len(der) > MAX_REPLY_BYTES:
        raise TimeStampRefused(BAD_TIME_STAMP, "The time-stamp reply is too large")
    try:
        parts = _Parts.load(bytes(der), strict=True)
        status = parts[0].parse(tsp.PKIStatusInfo).native
        token = parts[1].parse(cms.ContentInfo) if len(parts) == 2 else None
        if len(parts) > 2:
            raise ValueError("trailing fields")
    except ASN1_ERRORS:
        raise TimeStampRefused(BAD_TIME_STAMP, "The time-stamp reply is malformed") from None
    if status["status"] not in ("granted", "granted_with_mods") or token is None:
        text = "; ".join(status.get("status_string") or ()) or str(status["status"])
        raise TimeStampRefused(TIME_STAMP_REJECTED, "The time-stamping authority refused: {detail}",
                               detail=text[:200])
    token_der = token.dump()
    tst = _tst_info(_signed_data(token_der))
    if tst["nonce"].native != nonce:
        raise TimeStampRefused(BAD_TIME_STAMP, "The time-stamp reply does not answer our request (nonce)")
    if not hmac.compare_digest(tst["message_imprint"]["hashed_message"].native, bytes(digest)):
        raise TimeStampRefused(TIME_STAMP_OTHER_DATA, "The time stamp is over other data")
    return token_der


# --- the token (verifier side) -----------------------------------------------------------


def verify_token(
    token_der: bytes, *, digest: bytes, roots: Sequence[Certificate],
    revocations: RevocationList | None = None, now: datetime | None = None,
) -> TimeStamp:
    """Every check of the module docstring; the first failure raises :class:`TimeStampRefused`.
    ``digest`` is the SM3 of the stamped bytes; ``revocations`` a list already checked against
    its root, current at ``now`` (the verifier's clock; default: the system clock)."""
    try:
        return _verify_token(token_der, digest, roots, revocations, now)
    except ASN1_ERRORS as exc:  # a field asn1crypto could not read after all: malformed
        raise _malformed(str(exc)[:120] or type(exc).__name__) from None


def _verify_token(token_der: bytes, digest: bytes, roots: Sequence[Certificate],
                  revocations: RevocationList | None, now: datetime | None) -> TimeStamp:
    signed = _signed_data(token_der)
    tst = _tst_info(signed)
    gen_time, serial, imprint = _tst_fields(tst)
    if not hmac.compare_digest(imprint, bytes(digest)):
        raise TimeStampRefused(TIME_STAMP_OTHER_DATA, "The time stamp is over other data")
    signer = _one_signer(signed)
    cert = _signer_certificate(signed, signer)
    root = _check_authority(cert, roots)
    _check_window(cert, root, gen_time)
    _check_signed_attributes(signer, signed, cert)
    if revocations is not None:
        # The list must be current at the verifier's clock: never at genTime (by default, now).
        moment = now if now is not None else system_clock()
        _guard(lambda: check_not_revoked(cert, revocations, gen_time, moment),
               BAD_TIME_STAMP, _GUARD_MESSAGES["authority"])
    return TimeStamp(gen_time, serial, imprint, cert, tst["policy"].dotted)


def token_time(token_der: bytes) -> datetime:
    """The genTime a token states, unverified (for display next to a refusal)."""
    return _tst_fields(_tst_info(_signed_data(token_der)))[0]


def _malformed(detail: str = "") -> TimeStampRefused:
    if detail:
        return TimeStampRefused(BAD_TIME_STAMP, "The time stamp is malformed: {detail}", detail=detail)
    return TimeStampRefused(BAD_TIME_STAMP, "The time stamp is malformed")


def _signed_data(token_der: bytes) -> cms.SignedData:
    try:
        info = cms.ContentInfo.load(bytes(token_der), strict=True)
        if info["content_type"].native != "signed_data":
            raise _malformed("not a CMS SignedData")
        signed = info["content"]
        signed.native  # noqa: B018 - the full parse, here
    except TimeStampRefused:
        raise
    except ASN1_ERRORS as exc:
        raise _malformed(str(exc)[:120]) from None
    return signed


def _tst_info(signed: cms.SignedData) -> tsp.TSTInfo:
    try:
        encap = signed["encap_content_info"]
        if encap["content_type"].dotted != "1.2.840.113549.1.9.16.1.4":  # id-ct-TSTInfo
            raise _malformed("its content is not a TSTInfo")
        tst = encap["content"].parsed
        tst.native  # noqa: B018
    except TimeStampRefused:
        raise
    except ASN1_ERRORS as exc:
        raise _malformed(str(exc)[:120]) from None
    if not isinstance(tst, tsp.TSTInfo):
        raise _malformed("its content is not a TSTInfo")
    return tst


def _tst_fields(tst: tsp.TSTInfo) -> tuple[datetime, int, bytes]:
    imprint = tst["message_imprint"]
    if tst["version"].native != "v1" or imprint["hash_algorithm"]["algorithm"].dotted != SM3:
        raise _malformed("not a version 1 TSTInfo over an SM3 digest")
    try:
        gen_time = to_utc_second(tst["gen_time"].native)
    except EbidError:
        raise _malformed("genTime has no time zone") from None
    return gen_time, tst["serial_number"].native, imprint["hashed_message"].native


def _one_signer(signed: cms.SignedData) -> cms.SignerInfo:
    # The unsigned framing is held to the one form we accept, so no byte of a token can change
    # unnoticed: SignedData v3, digestAlgorithms exactly {SM3}, one SignerInfo (v1 with
    # issuerAndSerialNumber, v3 with a subjectKeyIdentifier, RFC 5652 §5.3).
    if signed["version"].native != "v3":
        raise _malformed("not a version 3 SignedData")
    if [a["algorithm"].dotted for a in signed["digest_algorithms"]] != [SM3]:
        raise _malformed("its digest algorithms are not SM3 alone")
    signers = signed["signer_infos"]
    if len(signers) != 1:
        raise _malformed("a time stamp has exactly one signer")
    signer = signers[0]
    expected = "v1" if signer["sid"].name == "issuer_and_serial_number" else "v3"
    if signer["version"].native != expected:
        raise _malformed("its SignerInfo version does not fit its signer identifier")
    if signer["digest_algorithm"]["algorithm"].dotted != SM3:
        raise _malformed("its digest is not SM3")
    if signer["signature_algorithm"]["algorithm"].dotted not in (SM2_WITH_SM3, SM2_SIGN):
        raise _malformed("its signature is not SM2")
    if signer["signed_attrs"].native is None:
        raise _malformed("it has no signed attributes")
    return signer


def _signer_certificate(signed: cms.SignedData, signer: cms.SignerInfo) -> Certificate:
    sid = signer["sid"]
    for choice in signed["certificates"] or ():
        if choice.name != "certificate":
            continue
        cert = Certificate.from_asn1(choice.chosen)
        if sid.name == "issuer_and_serial_number":
            matches = (sid.chosen["issuer"] == cert.tbs["issuer"]
                       and sid.chosen["serial_number"].native == cert.serial)
        else:
            ski = cert.extension_value("key_identifier")
            matches = ski is not None and ski.native == sid.chosen.native
        if matches:
            return cert
    raise TimeStampRefused(BAD_TIME_STAMP, "The time stamp does not carry its authority's certificate")


def _check_authority(cert: Certificate, roots: Sequence[Certificate]) -> Certificate:
    root = next((r for r in roots if r.tbs["subject"] == cert.tbs["issuer"]), None)
    if root is None:
        raise TimeStampRefused(
            UNTRUSTED_TIME_STAMP_AUTHORITY,
            "The time stamp comes from an authority we do not trust: {issuer}",
            issuer=cert.tbs["issuer"].human_friendly,
        )

    def chain() -> None:
        check_root(root)
        check_issued_by(cert, root)

    _guard(chain, UNTRUSTED_TIME_STAMP_AUTHORITY, _GUARD_MESSAGES["authority"])
    if not is_time_stamp_authority(cert):
        raise TimeStampRefused(
            NOT_A_TIME_STAMP_AUTHORITY,
            "The time stamp is signed with a certificate that may not stamp time "
            "(it needs the time-stamping extended key usage, critical and alone)",
        )
    return root


def is_time_stamp_authority(cert: Certificate) -> bool:
    """RFC 3161 §2.3: extendedKeyUsage present, critical, id-kp-timeStamping only; not a CA;
    keyUsage, when present, allows digitalSignature or nonRepudiation."""
    try:
        found = [e for e in cert.tbs["extensions"] if e["extn_id"].native == "extended_key_usage"]
        if len(found) != 1 or not found[0]["critical"].native:
            return False
        if [oid.dotted for oid in found[0]["extn_value"].parsed] != [OID_KP_TIME_STAMPING]:
            return False
        basic = cert.extension_value("basic_constraints")
        if basic is not None and basic["ca"].native:
            return False
        usage = cert.extension_value("key_usage")
        return usage is None or bool({"digital_signature", "non_repudiation"} & set(usage.native))
    except ASN1_ERRORS:
        return False


def _check_window(cert: Certificate, root: Certificate, gen_time: datetime) -> None:
    def window() -> None:
        check_validity(root, gen_time, "root certificate")
        check_validity(cert, gen_time, "time-stamping authority's certificate")

    _guard(window, TIME_STAMP_OUTSIDE_AUTHORITY_VALIDITY, _GUARD_MESSAGES["window"])


def _check_signed_attributes(signer: cms.SignerInfo, signed: cms.SignedData, cert: Certificate) -> None:
    attrs = {}
    for attr in signer["signed_attrs"]:
        name = attr["type"].native
        if name in attrs or len(attr["values"]) != 1:
            raise _malformed("a signed attribute is repeated")
        attrs[name] = attr["values"][0]
    content = signed["encap_content_info"]["content"].contents
    if "content_type" not in attrs or attrs["content_type"].dotted != "1.2.840.113549.1.9.16.1.4":
        raise _malformed("its signed content type is not a TSTInfo")
    if "message_digest" not in attrs or not hmac.compare_digest(attrs["message_digest"].native, gm.sm3(content)):
        raise TimeStampRefused(BAD_TIME_STAMP, "The time stamp's messageDigest does not match its TSTInfo")
    if not _names_certificate(attrs.get("signing_certificate_v2"), cert):
        raise TimeStampRefused(BAD_TIME_STAMP, "The time stamp's signing certificate attribute does not name its signer")
    raw = signer["signed_attrs"].dump()
    to_verify = b"\x31" + raw[1:]  # the SET OF, not the [0] IMPLICIT tag (RFC 5652 §5.4)
    try:
        cert.public_key().verify(_signature_octets(signer), to_verify)
    except (VerificationFailed, InvalidInput):
        raise TimeStampRefused(BAD_TIME_STAMP, "The time-stamping authority's signature is invalid") from None


def _signature_octets(signer: cms.SignerInfo) -> bytes:
    return signer["signature"].native


def _names_certificate(value, cert: Certificate) -> bool:
    """ESS signingCertificateV2 (RFC 5816): its first ESSCertIDv2 is the SM3 of the signer's DER."""
    if value is None:
        return False
    try:
        first = value["certs"][0]
        algorithm = first["hash_algorithm"]["algorithm"].dotted
        return algorithm == SM3 and hmac.compare_digest(first["cert_hash"].native, gm.sm3(cert.der))
    except ASN1_ERRORS:
        return False


def _guard(check, code: str, template: str) -> None:
    try:
        check()
    except EbidError as exc:
        raise TimeStampRefused(code, template, detail=exc.message) from None


__all__ = [
    "OID_KP_TIME_STAMPING", "OID_TSA_POLICY", "MEDIA_QUERY", "MEDIA_REPLY", "TimeStampRefused",
    "TimeStampRequest", "TimeStamp", "make_request", "parse_request", "new_nonce",
    "make_tsa_certificate", "issue_token", "rejection", "token_from_reply", "verify_token",
    "token_time", "is_time_stamp_authority",
]
