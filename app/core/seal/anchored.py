"""Verifying a seal signature "GB/T 38540 only": against trust anchors the user or platform
gives (any CA: the national root, a provincial tax CA, ofdrw's test root), through intermediate
CAs, needing none of our licence extensions — beside the licence-aware
:func:`app.core.seal.format.verify_signature`.

The checks after the signature is parsed and the signer's signature verified (the OFD verifier
runs the same ones over ``Signature.xml``, :mod:`app.core.ofd.verify`):

1. the seal maker's signature (either form, :func:`~.format.seal.check_seal_signature`);
2. the signing time is not in the future, and the seal is valid then;
3. the signer's certificate chains to an anchor at the signing time, the maker's at the maker
   time (:mod:`.chain`, :func:`~.format.trust.maker_time`);
4. the signer is one the seal lists (by certificate or its SM3), or — for our own seals, which
   name an enterprise — a licence of that enterprise.

Revocation is not checked in this mode (no CRL is fetched); results say so.
"""

from __future__ import annotations

import dataclasses
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ..errors import EbidError
from ..pki import Certificate, Clock, parse_licence, system_clock
from .chain import ChainError, chain_to_anchor
from .format import SealInfo, SealRefused, SignatureInfo, parse_signature
from .format.errors import Reason
from .format.seal import check_extensions, check_seal_signature, check_seal_window
from .format.signature import (
    _expected_hash,
    check_signature_extensions,
    check_signer_signature,
    check_signing_time,
)
from .format.trust import maker_time


@dataclass(frozen=True)
class AnchoredSignature:
    signature: SignatureInfo
    seal: SealInfo  # maker_signed set
    signed_at: datetime
    signer_chain: tuple[Certificate, ...]  # signer first, anchor last
    maker_chain: tuple[Certificate, ...]
    revocation_checked: bool = False


def verify_signature_anchored(
    sig_der: bytes,
    data: bytes | None = None,
    *,
    data_hash: bytes | None = None,
    trust: Sequence[Certificate],
    intermediates: Sequence[Certificate] = (),
    clock: Clock = system_clock,
) -> AnchoredSignature:
    """A bare ``SES_Signature`` over a document's ``data`` (or its SM3 ``data_hash``)."""
    expected = _expected_hash(data, data_hash)
    info = parse_signature(sig_der)
    check_signature_extensions(info)
    check_extensions(info.seal)
    check_signer_signature(info)
    if not hmac.compare_digest(info.data_hash, expected):
        raise SealRefused(Reason.BAD_DOCUMENT_HASH, "The document is not the one that was sealed")
    return check_anchored(info, trust, intermediates, clock)


def check_anchored(info: SignatureInfo, trust: Sequence[Certificate], intermediates: Sequence[Certificate],
                   clock: Clock) -> AnchoredSignature:
    """Steps 1–4 above, for a signature already parsed, its signer's signature and its data
    hash checked by the caller."""
    seal = dataclasses.replace(info.seal, maker_signed=check_seal_signature(info.seal))
    signed_at = check_signing_time(info, clock)
    check_seal_window(seal, signed_at)
    signer_chain = _chain(info.signer_certificate, trust, intermediates, signed_at, signer=True)
    made_at = maker_time(seal.maker_certificate, seal.created_at, signed_at)
    maker_chain = _chain(seal.maker_certificate, trust, intermediates, made_at, signer=False)
    check_signer_in_seal(seal, info.signer_certificate)
    return AnchoredSignature(dataclasses.replace(info, seal=seal), seal, signed_at, signer_chain, maker_chain)


def _chain(cert, trust, intermediates, at, *, signer: bool) -> tuple[Certificate, ...]:
    try:
        return chain_to_anchor(cert, trust, at=at, intermediates=intermediates,
                               what="signer's certificate" if signer else "seal maker's certificate")
    except ChainError as exc:
        code = Reason.UNTRUSTED_SIGNER if signer else Reason.UNTRUSTED_SEAL_MAKER
        raise SealRefused(code, exc.template, **exc.params) from None


def check_signer_in_seal(seal: SealInfo, cert: Certificate) -> None:
    """GB/T 38540: the signer is a holder the seal lists. Our own seals name an enterprise
    instead (licences are reissued per device), so there a licence of it is accepted too."""
    if seal.lists(cert):
        return
    if seal.enterprise is not None:
        try:
            if parse_licence(cert).credit_code == seal.enterprise.credit_code:
                return
        except EbidError:
            pass
    raise SealRefused(Reason.SIGNER_NOT_IN_SEAL, "The signer's certificate is not one the seal {id} lists",
                      id=seal.seal_id)
