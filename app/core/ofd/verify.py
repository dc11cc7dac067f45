"""Verifying the seal signatures of an OFD file, GB/T 38540 only, against given trust anchors.

For each ``Signature`` of ``Signatures.xml``, in this order (the first failure is the result):

1. ``Type`` is ``Seal`` (or absent); a ``Sign`` (a bare digital signature) is not verified here;
2. ``Signature.xml`` is readable, ``CheckMethod`` is SM3, ``SignatureMethod`` SM2-with-SM3,
   every ``StampAnnot`` names a page of the document;
3. every ``Reference``: the file exists and its SM3 is the base64 ``CheckValue``;
4. ``SignedValue.dat`` is a GB/T 38540 ``SES_Signature`` (v4; GM/T 0031 v1 and ofdrw's V5 read
   as ``app.core.seal.format`` reads them), with no critical extension we cannot interpret;
5. the signer's SM2 signature over ``TBS_Sign``;
6. ``dataHash`` is the SM3 of the ``Signature.xml`` bytes, exactly as stored (ofdrw and the
   standard: the seal signature signs the signature file, which lists the check values);
7. the ``Seal.esl`` named in ``SignedInfo/Seal``, if any, is byte for byte the seal inside;
8. the seal maker's signature; the signing time not in the future; the seal valid then;
9. the signer's certificate chains to an anchor at the signing time, the maker's at the maker
   time (``app.core.seal.chain``);
10. the signer is one the seal lists (by certificate or SM3 digest), or, for our own seals,
    a licence of the enterprise the seal names.

With :class:`LicenceRules` instead (our authority's seals and licences), steps 5–10 are
``app.core.seal.format.verify_signature`` over the ``Signature.xml`` bytes: the licence-aware
mode (our root, licence roles, seal authorisations, the CRL). docs/formats/ofd-signing.md §3.
"""

from __future__ import annotations

import dataclasses
import hmac
from collections.abc import Sequence
from dataclasses import dataclass

from .. import gm
from ..errors import InvalidInput
from ..gm import oids
from ..pki import Certificate, Clock, LicenceInfo, RevocationList, system_clock
from ..seal.anchored import check_anchored
from ..seal.format import (
    AuthorisationCheck,
    SealInfo,
    SealRefused,
    SignatureInfo,
    parse_signature,
    verify_signature,
)
from ..seal.format.seal import check_extensions
from ..seal.format.signature import (
    check_signature_extensions,
    check_signer_signature,
)
from .document import (
    Document,
    SignatureEntry,
    SignatureFile,
    read_document,
    read_signature_file,
    read_signature_list,
)
from .errors import OfdRefused, Reason
from .package import Package, parent, read_package

SM3_NAMES = {"sm3", oids.SM3}
SM2_WITH_SM3_NAMES = {oids.SM2_WITH_SM3}


@dataclass(frozen=True)
class LicenceRules:
    """Verify as our own verifier does: the authority's roots, its CRL (already checked, see
    ``app.core.pki.load_crl``) and the seal-authorisation hook; no other trust anchors."""

    roots: Sequence[Certificate]
    crl: RevocationList | None = None
    authorisation_check: AuthorisationCheck | None = None


@dataclass(frozen=True)
class StampPlace:
    page: int  # 1-based page number
    page_id: str
    boundary: tuple[float, float, float, float]  # x, y, width, height (mm)
    clip: str | None


@dataclass(frozen=True)
class VerifiedOfdSignature:
    signature: SignatureInfo
    seal: SealInfo  # maker_signed set
    file: SignatureFile
    stamps: tuple[StampPlace, ...]
    signer_chain: tuple[Certificate, ...]  # signer first, anchor last
    maker_chain: tuple[Certificate, ...]
    # Package files this signature does not protect, other than the signature list and the
    # signatures' own folders: content added or left out since (shown, not refused: ofdrw and
    # the standard leave the protected range to the signer).
    unprotected: tuple[str, ...] = ()
    revocation_checked: bool = False  # GB/T 38540-only mode fetches no CRL
    licence: LicenceInfo | None = None  # the signer's licence, in the LicenceRules mode
    # Which time the LicenceRules checks used ("Which time", electronic-seal.md): the template and
    # params of a TIME_MESSAGES entry; None in the GB/T 38540-only mode (judged at timeInfo).
    time_note: tuple[str, dict[str, str]] | None = None


@dataclass(frozen=True)
class SignatureResult:
    sign_id: str
    path: str
    verified: VerifiedOfdSignature | None = None
    refusal: OfdRefused | SealRefused | None = None

    @property
    def ok(self) -> bool:
        return self.verified is not None


@dataclass(frozen=True)
class OfdReport:
    signatures: tuple[SignatureResult, ...]

    @property
    def all_verified(self) -> bool:
        return all(s.ok for s in self.signatures)


def verify_ofd(
    data: bytes | Package,
    *,
    trust: Sequence[Certificate] = (),
    intermediates: Sequence[Certificate] = (),
    clock: Clock = system_clock,
    licence_rules: LicenceRules | None = None,
) -> OfdReport:
    """Every signature of the document, each with its result: GB/T 38540 only against the
    ``trust`` anchors, or, given ``licence_rules``, under our licence rules. Raises
    :class:`PackageRefused` for a package we do not read and :class:`OfdRefused`
    (``ofd_not_signed``) when the document has no signature."""
    if licence_rules is not None and (trust or intermediates):
        raise InvalidInput("Give trust anchors or licence rules, not both")
    package = data if isinstance(data, Package) else read_package(data)
    document = read_document(package)
    if document.signatures_path is None:
        raise OfdRefused(Reason.NOT_SIGNED, "The OFD document is not signed")
    entries, _ = read_signature_list(package, document.signatures_path)
    if not entries:
        raise OfdRefused(Reason.NOT_SIGNED, "The OFD document is not signed")
    results = []
    signature_files = {document.signatures_path} | {
        name for name in package.names()
        if any(name.startswith(parent(e.path) + "/") for e in entries)}
    for entry in entries:
        try:
            verified = _verify_entry(package, document, entry, trust, intermediates, clock,
                                     licence_rules)
            protected = {ref.path for ref in verified.file.references}
            left_out = sorted(set(package.names()) - protected - signature_files)
            verified = dataclasses.replace(verified, unprotected=tuple(left_out))
            results.append(SignatureResult(entry.sign_id, entry.path, verified=verified))
        except (OfdRefused, SealRefused) as refusal:
            results.append(SignatureResult(entry.sign_id, entry.path, refusal=refusal))
    return OfdReport(tuple(results))


def _verify_entry(
    package: Package,
    document: Document,
    entry: SignatureEntry,
    trust: Sequence[Certificate],
    intermediates: Sequence[Certificate],
    clock: Clock,
    licence_rules: LicenceRules | None,
) -> VerifiedOfdSignature:
    if entry.type != "Seal":
        raise OfdRefused(
            Reason.NOT_A_SEAL,
            "Signature {id} is a digital signature (Type {type}), not a GB/T 38540 seal "
            "signature: not verified",
            id=entry.sign_id, type=entry.type,
        )
    file = read_signature_file(package, entry.path)
    _check_methods(file)
    stamps = _stamp_places(file, document)
    check_references(package, file)
    signed_value = _member(package, file.signed_value_path)
    info = parse_signature(signed_value)
    check_signature_extensions(info)
    check_extensions(info.seal)
    check_signer_signature(info)
    if not hmac.compare_digest(info.data_hash, gm.sm3(file.raw)):
        raise OfdRefused(
            Reason.SIGNATURE_FILE_CHANGED,
            "{name} is not what the seal signature signed: it was changed, or the signed "
            "value belongs to another signature", name=file.path,
        )
    if file.seal_path is not None and _member(package, file.seal_path) != info.seal.der:
        raise OfdRefused(Reason.SEAL_FILE_MISMATCH,
                         "{name} is not the seal inside the seal signature", name=file.seal_path)
    if licence_rules is not None:
        rules = licence_rules
        done = verify_signature(signed_value, file.raw, roots=rules.roots, clock=clock,
                                crl=rules.crl, authorisation_check=rules.authorisation_check)
        return VerifiedOfdSignature(done.signature, done.seal, file, stamps, (), (),
                                    revocation_checked=rules.crl is not None, licence=done.licence,
                                    time_note=done.time_note)
    done = check_anchored(info, trust, intermediates, clock)
    return VerifiedOfdSignature(info, done.seal, file, stamps, done.signer_chain, done.maker_chain)


def _check_methods(file: SignatureFile) -> None:
    if file.check_method.lower() not in SM3_NAMES:
        raise OfdRefused(Reason.BAD_SIGNATURE_FILE,
                         "{name} uses the check method {method}, not SM3",
                         name=file.path, method=file.check_method or "(none)")
    method = file.signature_method
    if method is not None and method not in SM2_WITH_SM3_NAMES:
        raise OfdRefused(Reason.BAD_SIGNATURE_FILE,
                         "{name} uses the signature method {method}, not SM2-with-SM3",
                         name=file.path, method=method)
    if not file.references:
        raise OfdRefused(Reason.BAD_SIGNATURE_FILE, "{name} protects no file", name=file.path)


def check_references(package: Package, file: SignatureFile) -> None:
    for ref in file.references:
        data = package.get(ref.path)
        if data is None:
            raise OfdRefused(Reason.MISSING_FILE,
                             "{name}, which the signature protects, is missing", name=ref.file_ref)
        if not hmac.compare_digest(gm.sm3(data), ref.check_value):
            raise OfdRefused(
                Reason.BAD_CHECK_VALUE,
                "{name} was changed after signing: its SM3 is not the check value", name=ref.file_ref,
            )


def _stamp_places(file: SignatureFile, document: Document) -> tuple[StampPlace, ...]:
    places = []
    for stamp in file.stamps:
        page = document.page_by_id(stamp.page_ref)
        if page is None:
            raise OfdRefused(Reason.BAD_STAMP,
                             "A stamp of {name} is on page ID {page}, which the document lacks",
                             name=file.path, page=stamp.page_ref)
        places.append(StampPlace(page.number, page.page_id, stamp.boundary, stamp.clip))
    return tuple(places)


def _member(package: Package, name: str) -> bytes:
    data = package.get(name)
    if data is None:
        raise OfdRefused(Reason.MISSING_FILE, "The signature's file {name} is missing", name=name)
    return data
