"""Why a seal or a seal signature is refused: one reason code per kind of failure."""

from __future__ import annotations

from enum import StrEnum

from ...errors import Refused, VerificationFailed


class Reason(StrEnum):
    TAMPERED_STRUCTURE = "tampered_structure"  # not DER we accept: malformed, wrong header/OID
    UNSUPPORTED_VERSION = "unsupported_seal_version"  # a seal format (header version) we don't read
    UNKNOWN_CRITICAL_EXTENSION = "unknown_critical_extension"  # readable, but not verifiable
    BAD_SEAL_SIGNATURE = "bad_seal_signature"  # the office's signature over the seal fails
    BAD_SEAL_MAKER = "bad_seal_maker"  # office certificate: chain, usage, validity, revocation
    SEAL_NOT_YET_VALID = "seal_not_yet_valid"
    SEAL_EXPIRED = "seal_expired"
    BAD_SIGNATURE = "bad_signature"  # the signer's SM2 signature over TBS_Sign fails
    BAD_LICENCE = "bad_licence"  # signer certificate: chain, validity, not a licence
    REVOKED_LICENCE = "revoked_licence"
    WRONG_ENTERPRISE = "wrong_enterprise"  # signer's enterprise is not the seal's
    SIGNER_NOT_IN_SEAL = "signer_not_in_seal"  # not listed, and the seal names no enterprise
    MISSING_AUTHORISATION = "missing_seal_authorisation"
    BAD_AUTHORISATION_LIST = "bad_seal_authorisation_list"  # the office's signed revocation list
    BAD_DOCUMENT_HASH = "bad_document_hash"
    SIGNED_IN_FUTURE = "signing_time_in_future"
    # the signature's time stamp (app.core.pki.timestamp's codes, the same values)
    BAD_TIME_STAMP = "bad_time_stamp"
    TIME_STAMP_OTHER_DATA = "time_stamp_other_data"
    UNTRUSTED_TIME_STAMP_AUTHORITY = "untrusted_time_stamp_authority"
    NOT_A_TIME_STAMP_AUTHORITY = "not_a_time_stamp_authority"
    TIME_STAMP_OUTSIDE_AUTHORITY_VALIDITY = "time_stamp_outside_authority_validity"
    SIGNED_AFTER_TIME_STAMP = "signing_time_after_time_stamp"  # timeInfo later than genTime
    # verified with the receipt of the bid that carried it: sealed after the platform had it
    SIGNED_AFTER_RECEIPT = "signing_time_after_receipt"  # timeInfo later than received_at
    STAMPED_AFTER_RECEIPT = "time_stamp_after_receipt"  # genTime later than received_at
    UNTRUSTED_SIGNER = "untrusted_signer"  # GB/T 38540 only: no chain to a given anchor
    UNTRUSTED_SEAL_MAKER = "untrusted_seal_maker"


class SealRefused(Refused, VerificationFailed):
    """A seal or seal signature that does not verify; ``code`` (a :class:`Reason`) says which
    check refused it."""


def unsupported(what: str, description: str) -> SealRefused:
    return SealRefused(
        Reason.UNSUPPORTED_VERSION,
        "The {what} is {description}, which EBid Desk does not read",
        what=what,
        description=description,
    )


def tampered(what: str, detail: str = "") -> SealRefused:
    """The common refusal for bytes we cannot read as the structure they claim to be."""
    if detail:
        return SealRefused(
            Reason.TAMPERED_STRUCTURE, "The {what} is malformed: {detail}", what=what, detail=detail
        )
    return SealRefused(Reason.TAMPERED_STRUCTURE, "The {what} is malformed", what=what)
