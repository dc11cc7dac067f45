"""Making an electronic seal (the office's side) and verifying one.

What the office signs: the DER of ``eSealInfo`` alone, as every deployed v4 seal, ofdrw's v4
classes and gm_0031_38540_verifier do. Until December 2026 we signed ``SEQUENCE { eSealInfo,
cert, signAlgID }`` (GM/T 0031 v1's rule) for v4 too; ``check_seal_signature`` still accepts that
form for seals with our Vid, so seals already issued keep verifying, and says which form it found.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime

from asn1crypto import core

from ... import gm
from ...errors import InvalidInput, VerificationFailed
from ...pki import Certificate, Clock, RevocationList, parse_licence, system_clock, to_utc_second
from .asn1 import (
    HEADER_ID,
    OID_SEAL_ENTERPRISE,
    SEAL_VERSION,
    SM2_WITH_SM3,
    V1_VERSION,
    VENDOR_ID,
    CertDigestList,
    CertInfoList,
    SESeal,
    SESSealInfo,
)
from .asn1 import (
    SealEnterprise as SealEnterpriseAsn1,
)
from .der import der_sequence, generalized_time, is_ia5
from .errors import Reason, SealRefused
from .model import CertListType, MakerSigned, SealInfo
from .office import is_seal_maker
from .parse import DIGEST_TYPE, parse_seal
from .trust import check_seal_maker

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_SIZE_MM = 200  # larger than any seal in the catalogue; catches pixel/mm mix-ups

def make_seal(
    office_key: gm.SM2PrivateKey,
    office_cert: Certificate,
    *,
    seal_id: str,
    seal_type: int,
    name: str,
    holders: Sequence[Certificate],
    valid_start: datetime,
    valid_end: datetime,
    picture_png: bytes,
    width_mm: int,
    height_mm: int,
    cert_list_type: CertListType = CertListType.CERTIFICATES,
    clock: Clock = system_clock,
) -> bytes:
    """DER of a GB/T 38540 v4 ``SESeal`` signed SM2-with-SM3 by the seal office."""
    _check_maker(office_key, office_cert)
    _check_fields(seal_id, seal_type, name, valid_start, valid_end)
    _check_picture(picture_png, width_mm, height_mm)
    info = SESSealInfo(
        {
            "header": {"id": HEADER_ID, "version": SEAL_VERSION, "vid": VENDOR_ID},
            "es_id": seal_id,
            "property": {
                "type": int(seal_type),
                "name": name,
                "cert_list_type": int(cert_list_type),
                "cert_list": _cert_list(holders, cert_list_type),
                "create_date": generalized_time(clock()),
                "valid_start": generalized_time(valid_start),
                "valid_end": generalized_time(valid_end),
            },
            "picture": {"type": "PNG", "data": picture_png, "width": width_mm, "height": height_mm},
            "ext_datas": [_enterprise_extension(holders)],
        }
    )
    seal = SESeal({"e_seal_info": info, "cert": office_cert.der, "sign_alg_id": SM2_WITH_SM3})
    seal["signed_value"] = office_key.sign(seal_tbs(seal))
    return seal.dump()

def seal_tbs(seal: SESeal) -> bytes:
    """The bytes the office signs: DER of eSealInfo, exactly as it appears in the seal."""
    return seal["e_seal_info"].dump()

def legacy_seal_tbs(seal: SESeal) -> bytes:
    """What we signed for v4 before December 2026: SEQUENCE { eSealInfo, cert, signAlgID }."""
    return der_sequence(seal["e_seal_info"].dump(), seal["cert"].dump(), seal["sign_alg_id"].dump())

def _check_maker(office_key: gm.SM2PrivateKey, office_cert: Certificate) -> None:
    if office_cert.public_key() != office_key.public_key():
        raise InvalidInput("The seal office's key does not match its certificate")
    if not is_seal_maker(office_cert):
        raise InvalidInput("The certificate given for the seal office may not make seals")

def _check_fields(seal_id: str, seal_type: int, name: str, start: datetime, end: datetime) -> None:
    if not seal_id or not is_ia5(seal_id) or len(seal_id) > 64:
        raise InvalidInput("A seal id is 1 to 64 printable ASCII characters: {id}", id=seal_id)
    if int(seal_type) < 1:
        raise InvalidInput("Unknown seal type {type}", type=seal_type)
    if not name.strip():
        raise InvalidInput("A seal needs a name")
    if to_utc_second(start) >= to_utc_second(end):
        raise InvalidInput("A seal's validity must end after it starts")

def _check_picture(png: bytes, width_mm: int, height_mm: int) -> None:
    if not png.startswith(PNG_MAGIC):
        raise InvalidInput("The seal imprint must be a PNG image")
    for size in (width_mm, height_mm):
        if not 1 <= size <= MAX_SIZE_MM:
            raise InvalidInput(
                "A seal is 1 to {max} mm wide and high, not {size}", max=MAX_SIZE_MM, size=size
            )

def _cert_list(holders: Sequence[Certificate], kind: CertListType) -> core.Sequence:
    """The certList as a generic SEQUENCE (the declared type; see asn1.SESESPropertyInfo)."""
    if not holders:
        raise InvalidInput("A seal must name at least one holder certificate")
    if kind is CertListType.CERTIFICATES:
        listed = CertInfoList([h.der for h in holders])
    else:
        listed = CertDigestList([{"type": DIGEST_TYPE, "value": gm.sm3(h.der)} for h in holders])
    return core.Sequence.load(listed.dump())

def _enterprise_extension(holders: Sequence[Certificate]) -> dict:
    """Our extDatas entry naming the enterprise; every holder must be a licence of it."""
    licences = [parse_licence(h) for h in holders]
    codes = {info.credit_code for info in licences}
    if len(codes) != 1:
        raise InvalidInput("The holder certificates belong to several enterprises")
    first = licences[0]
    value = SealEnterpriseAsn1(
        {
            "credit_code": first.credit_code,
            "name": first.enterprise_name,
            "registration_place": first.registration_place,
        }
    )
    return {"extn_id": OID_SEAL_ENTERPRISE, "critical": False, "extn_value": value.dump()}

def verify_seal(
    seal: bytes | SealInfo,
    *,
    roots: Sequence[Certificate],
    clock: Clock = system_clock,
    at: datetime | None = None,
    crl: RevocationList | None = None,
) -> SealInfo:
    """The office's signature, its certificate (docs/formats/electronic-seal.md §5, "Which
    time"), and the seal's window at ``at`` (default: now). Returns the seal with
    ``maker_signed`` set; raises :class:`SealRefused` with the first failing reason."""
    info = seal if isinstance(seal, SealInfo) else parse_seal(seal)
    moment = to_utc_second(at if at is not None else clock())
    check_extensions(info)
    form = check_seal_signature(info)
    check_seal_maker(
        info.maker_certificate, roots, made_at=info.created_at, used_at=moment, revocations=crl,
        now=clock(),
    )
    check_seal_window(info, moment)
    return dataclasses.replace(info, maker_signed=form)

def check_extensions(info: SealInfo) -> None:
    """A critical extension we do not understand: the seal is readable but not verifiable."""
    if info.unknown_critical:
        raise SealRefused(
            Reason.UNKNOWN_CRITICAL_EXTENSION,
            "The seal {id} has a critical extension EBid Desk does not understand: {oid}",
            id=info.seal_id,
            oid=", ".join(info.unknown_critical),
        )

def check_seal_signature(info: SealInfo) -> MakerSigned:
    """The maker's signature over eSealInfo; over the older SEQUENCE form only for our own
    seals (no other v4 producer uses it). Returns the form that verified."""
    key = _maker_key(info)
    for form, tbs in _signed_forms(info):
        try:
            key.verify(info.signed_value, tbs)
            return form
        except (VerificationFailed, InvalidInput):  # InvalidInput: not a DER SEQUENCE{r, s}
            continue
    raise SealRefused(
        Reason.BAD_SEAL_SIGNATURE, "The seal office's signature on the seal is invalid"
    )

def _signed_forms(info: SealInfo) -> list[tuple[MakerSigned, bytes]]:
    if info.version == V1_VERSION:  # GM/T 0031: SEQUENCE { sealInfo, cert, signatureAlgorithm }
        sign_info = info.asn1["sign_info"]
        parts = (sign_info["cert"].dump(), sign_info["signature_algorithm"].dump())
        return [(MakerSigned.SEQUENCE, der_sequence(info.asn1["e_seal_info"].dump(), *parts))]
    forms = [(MakerSigned.SEAL_INFO, seal_tbs(info.asn1))]
    if info.vendor_id == VENDOR_ID and info.version == SEAL_VERSION:
        forms.append((MakerSigned.SEQUENCE, legacy_seal_tbs(info.asn1)))
    return forms

def _maker_key(info: SealInfo) -> gm.SM2PublicKey:
    try:
        return info.maker_certificate.public_key()
    except InvalidInput as exc:
        raise SealRefused(
            Reason.BAD_SEAL_MAKER, "The seal maker's certificate: {detail}", detail=exc.message
        ) from None

def check_seal_window(info: SealInfo, at: datetime) -> None:
    """validStart <= at <= validEnd, to the second, both ends included (as for certificates)."""
    if at < info.valid_start:
        raise SealRefused(
            Reason.SEAL_NOT_YET_VALID,
            "The seal {id} is not valid until {start}",
            id=info.seal_id,
            start=info.valid_start.isoformat(),
        )
    if at > info.valid_end:
        raise SealRefused(
            Reason.SEAL_EXPIRED,
            "The seal {id} expired at {end}",
            id=info.seal_id,
            end=info.valid_end.isoformat(),
        )
