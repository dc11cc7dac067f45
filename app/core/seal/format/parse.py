"""Reading ``SESeal`` and ``SES_Signature`` DER strictly into :class:`SealInfo` /
:class:`SignatureInfo`. The header is read first and picks the layout (v4, GM/T 0031 v1, ofdrw
V5); a version we do not read is refused as such (``unsupported_seal_version``), anything else
that does not fit its layout as tampered. Every refusal is one line."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from asn1crypto import core

from ... import gm
from ...der import ASN1_ERRORS, load_der
from .asn1 import (
    HEADER_ID,
    OID_SEAL_ENTERPRISE,
    SEAL_VERSION,
    SM2_WITH_SM3,
    V1_VERSION,
    V5_VERSION,
    CertDigestList,
    CertInfoList,
    SESeal,
    SESealV1,
    SESealV5,
    SESSignature,
    SESSignatureV1,
    SESSignatureV5,
    Time,
    is_critical,
)
from .asn1 import (
    SealEnterprise as SealEnterpriseAsn1,
)
from .der import octets_of
from .errors import SealRefused, tampered, unsupported
from .header import Header, describe, is_bare_sm2_signature, read_header
from .model import CertListType, SealEnterprise, SealExtension, SealInfo, SignatureInfo
from .trust import load_embedded_certificate

DIGEST_TYPE = "SM3"  # CertDigestObj.type we write and match
SEAL, SIGNATURE = "electronic seal", "seal signature"

# The standard's names for our asn1crypto classes, for the one-line parse errors.
_STANDARD_NAMES = {
    "SESeal": "SESeal", "SESSealInfo": "SES_SealInfo", "SESHeader": "SES_Header",
    "SESESPropertyInfo": "SES_ESPropertyInfo", "SESESPictrueInfo": "SES_ESPictrueInfo",
    "ExtData": "ExtData", "ExtensionDatas": "ExtensionDatas", "TBSSign": "TBS_Sign",
    "SESSignature": "SES_Signature", "CertInfoList": "CertInfoList",
    "CertDigestList": "CertDigestList", "CertDigestObj": "CertDigestObj",
}


def one_line(detail: str) -> str:
    """asn1crypto's multi-line parse trace as one line: the failure and the innermost
    structure it was in, by the standard's names, without Python module paths."""
    lines = [line.strip() for line in str(detail).splitlines() if line.strip()]
    if not lines:
        return "unreadable DER"
    first = re.sub(r"Error parsing (?:[\w]+\.)*(\w+) - ", r"\1: ", lines[0])
    first = re.sub(r"(?:[a-z_0-9]+\.)+([A-Z]\w*)", r"\1", first)
    inner = next((line for line in lines[1:] if line.startswith("while parsing ")), "")
    if inner:
        name = inner.rsplit(".", 1)[-1]
        first += f" (in {_STANDARD_NAMES.get(name, name)})"
    return first


def _load(spec: type[core.Sequence], der: bytes, what: str) -> core.Sequence:
    return load_der(spec, der, lambda detail: tampered(what, one_line(detail)))


def _readable_header(der: bytes, kind: str) -> Header | None:
    """The header, if it is one we read as ``kind``; otherwise the refusal that says why."""
    what = SEAL if kind == "seal" else SIGNATURE
    header = read_header(der)
    if header is None:
        if is_bare_sm2_signature(der):
            detail = "a bare SM2 signature value (SEQUENCE {r, s}), not a GB/T 38540 structure"
            raise tampered(what, detail)
        return None  # no header to speak of: the full parse says what is wrong
    if header.kind != kind:
        raise tampered(what, "it is a seal signature" if kind == "seal" else "it is a bare seal")
    if header.id != HEADER_ID:
        raise tampered(what, f"its header ID is {header.id!r}, not {HEADER_ID!r}")
    if header.version not in (SEAL_VERSION, V1_VERSION, V5_VERSION):
        raise unsupported(what, describe(header))
    if header.kind == "signature" and header.signature_version != header.version:
        detail = f"a version {header.signature_version} signature over a version {header.version} seal"
        raise tampered(what, detail)
    return header


def parse_seal(der: bytes) -> SealInfo:
    """A parsed seal — GB/T 38540 v4, GM/T 0031 v1 or ofdrw's V5 — with no signature or time
    checks; raises :class:`SealRefused` if malformed or of another version."""
    header = _readable_header(der, "seal")
    if header is not None and header.version == V1_VERSION:
        return _guarded(SEAL, _seal_info_v1, _load(SESealV1, der, SEAL), bytes(der))
    if header is not None and header.version == V5_VERSION:
        return seal_from_asn1(_load(SESealV5, der, SEAL), bytes(der))
    return seal_from_asn1(_load(SESeal, der, SEAL), bytes(der))


def _guarded(what: str, build, value, der: bytes):
    try:
        return build(value, der)
    except SealRefused:
        raise
    except ASN1_ERRORS as exc:
        raise tampered(what, one_line(str(exc))) from None


def parse_seal_or_signature(der: bytes) -> tuple[SealInfo, SignatureInfo | None]:
    """The seal, and the signature when ``der`` is one: the header decides which it is, so a
    refusal is about the structure the file claims to be."""
    header = read_header(der)
    if header is not None and header.kind == "signature":
        signature = parse_signature(der)
        return signature.seal, signature
    return parse_seal(der), None


def seal_from_asn1(seal: SESeal, der: bytes) -> SealInfo:
    return _guarded(SEAL, _seal_info, seal, der)


def _seal_info(seal: SESeal | SESealV5, der: bytes) -> SealInfo:
    """A v4 seal, or ofdrw's V5 (the v4 fields and an optional time stamp)."""
    info = seal["e_seal_info"]
    header, prop, picture = info["header"], info["property"], info["picture"]
    version = V5_VERSION if isinstance(seal, SESealV5) else SEAL_VERSION
    if header["id"].native != HEADER_ID or header["version"].native != version:
        raise tampered("electronic seal", "not a GB/T 38540 version 4 seal header")
    if seal["sign_alg_id"].dotted != SM2_WITH_SM3:
        raise tampered("electronic seal", "the seal is not signed SM2-with-SM3")
    list_type, certs, digests = _cert_list(prop["cert_list_type"].native, prop["cert_list"])
    return SealInfo(
        der=der,
        vendor_id=header["vid"].native,
        seal_id=info["es_id"].native,
        seal_type=prop["type"].native,
        name=prop["name"].native,
        cert_list_type=list_type,
        holder_certificates=certs,
        holder_digests=digests,
        created_at=_utc(prop["create_date"]),
        valid_start=_utc(prop["valid_start"]),
        valid_end=_utc(prop["valid_end"]),
        picture_type=picture["type"].native,
        picture=picture["data"].native,
        width_mm=picture["width"].native,
        height_mm=picture["height"].native,
        enterprise=_enterprise(info["ext_datas"]),
        maker_certificate=load_embedded_certificate(seal["cert"].native, "seal maker's cert"),
        signed_value=octets_of(seal["signed_value"]),
        asn1=seal,
        version=version,
        extensions=_extensions(info["ext_datas"]),
    )


def _seal_info_v1(seal: SESealV1, der: bytes) -> SealInfo:
    """A GM/T 0031-2014 seal: certList holds certificates; the maker's part is SES_SignInfo."""
    info, sign_info = seal["e_seal_info"], seal["sign_info"]
    header, prop, picture = info["header"], info["property"], info["picture"]
    if header["id"].native != HEADER_ID or header["version"].native != V1_VERSION:
        raise tampered("electronic seal", "not a GM/T 0031 version 1 seal header")
    if sign_info["signature_algorithm"].dotted != SM2_WITH_SM3:
        raise tampered("electronic seal", "the seal is not signed SM2-with-SM3")
    certs = tuple(c.native for c in prop["cert_list"])
    return SealInfo(
        der=der,
        vendor_id=header["vid"].native,
        seal_id=info["es_id"].native,
        seal_type=prop["type"].native,
        name=prop["name"].native,
        cert_list_type=CertListType.CERTIFICATES,
        holder_certificates=certs,
        holder_digests=tuple(gm.sm3(c) for c in certs),
        created_at=_utc(prop["create_date"].chosen),
        valid_start=_utc(prop["valid_start"].chosen),
        valid_end=_utc(prop["valid_end"].chosen),
        picture_type=picture["type"].native,
        picture=picture["data"].native,
        width_mm=picture["width"].native,
        height_mm=picture["height"].native,
        enterprise=_enterprise(info["ext_datas"]),
        maker_certificate=load_embedded_certificate(
            sign_info["cert"].native, "seal maker's cert"
        ),
        signed_value=octets_of(sign_info["sign_data"]),
        asn1=seal,
        version=V1_VERSION,
        extensions=_extensions(info["ext_datas"]),
    )


def _utc(value: core.GeneralizedTime) -> datetime:
    """A GeneralizedTime as an aware UTC datetime; a local time (no ``Z``) is ambiguous."""
    moment = value.native
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise tampered("electronic seal", "a time without a time zone")
    return moment.astimezone(UTC)


def _cert_list(list_type: int, value: core.Sequence) -> tuple[CertListType, tuple, tuple]:
    """SES_CertList is a CHOICE of two untagged SEQUENCE OFs: certListType picks the reading."""
    if list_type == CertListType.CERTIFICATES:
        certs = tuple(c.native for c in CertInfoList.load(value.dump(), strict=True))
        return CertListType.CERTIFICATES, certs, tuple(gm.sm3(c) for c in certs)
    if list_type == CertListType.DIGESTS:
        entries = CertDigestList.load(value.dump(), strict=True).native
        digests = tuple(e["value"] for e in entries if e["type"] == DIGEST_TYPE)
        return CertListType.DIGESTS, (), digests
    raise tampered(SEAL, f"unknown certListType {list_type}")


def _enterprise(ext_datas) -> SealEnterprise | None:
    found = None
    for ext in ext_datas or []:
        if ext["extn_id"].dotted == OID_SEAL_ENTERPRISE:
            value = SealEnterpriseAsn1.load(ext["extn_value"].native, strict=True).native
            found = SealEnterprise(
                value["credit_code"], value["name"], value["registration_place"]
            )
    return found


def _extensions(ext_datas, understood: frozenset[str] = frozenset({OID_SEAL_ENTERPRISE})):
    """Every entry, critical or not. A critical one we do not understand does not make the
    structure unreadable: it is shown, and verification refuses it (GB/T 38540, like X.509:
    a verifier must not accept what it cannot interpret)."""
    return tuple(
        SealExtension(ext["extn_id"].dotted, is_critical(ext), ext["extn_id"].dotted in understood)
        for ext in ext_datas or []
    )


def parse_signature(der: bytes) -> SignatureInfo:
    """A parsed seal signature (nothing verified); raises :class:`SealRefused` if malformed."""
    header = _readable_header(der, "signature")
    if header is not None and header.version == V1_VERSION:
        return _guarded(
            SIGNATURE, _signature_info_v1, _load(SESSignatureV1, der, SIGNATURE), bytes(der)
        )
    spec = SESSignatureV5 if header is not None and header.version == V5_VERSION else SESSignature
    return _guarded(SIGNATURE, _signature_info, _load(spec, der, SIGNATURE), bytes(der))


def _signature_info(value: SESSignature, der: bytes) -> SignatureInfo:
    tbs = value["to_sign"]
    version = V5_VERSION if isinstance(value, SESSignatureV5) else SEAL_VERSION
    if tbs["version"].native != version:
        raise tampered("seal signature", "not a GB/T 38540 version 4 signature")
    if value["signature_alg_id"].dotted != SM2_WITH_SM3:
        raise tampered("seal signature", "the signature is not SM2-with-SM3")
    return SignatureInfo(
        der=der,
        seal=seal_from_asn1(tbs["eseal"], tbs["eseal"].dump()),
        signed_at=_utc(tbs["time_info"]),
        data_hash=octets_of(tbs["data_hash"]),
        property_info=tbs["property_info"].native,
        signer_certificate=load_embedded_certificate(value["cert"].native, "signer's certificate"),
        signature=octets_of(value["signature"]),
        has_time_stamp=bool(value["time_stamp"].native is not None),
        asn1=value,
        extensions=_extensions(tbs["ext_datas"], frozenset()),
    )


def _signature_info_v1(value: SESSignatureV1, der: bytes) -> SignatureInfo:
    """A GM/T 0031-2014 signature: the signer's certificate and algorithm are inside TBS_Sign."""
    tbs = value["to_sign"]
    if tbs["version"].native != V1_VERSION:
        raise tampered("seal signature", "not a GM/T 0031 version 1 signature")
    if tbs["signature_algorithm"].dotted != SM2_WITH_SM3:
        raise tampered("seal signature", "the signature is not SM2-with-SM3")
    return SignatureInfo(
        der=der,
        seal=_seal_info_v1(tbs["eseal"], tbs["eseal"].dump()),
        signed_at=v1_signing_time(octets_of(tbs["time_info"])),
        data_hash=octets_of(tbs["data_hash"]),
        property_info=tbs["property_info"].native,
        signer_certificate=load_embedded_certificate(tbs["cert"].native, "signer's certificate"),
        signature=octets_of(value["signature"]),
        has_time_stamp=False,
        asn1=value,
    )


BEIJING = timezone(timedelta(hours=8))
_V1_TEXT_TIMES = ("%Y-%m-%d %H:%M:%S", "%Y%m%d%H%M%SZ", "%y%m%d%H%M%SZ")


def v1_signing_time(raw: bytes) -> datetime:
    """GM/T 0031's timeInfo is a BIT STRING holding "a time stamp or a UTCTIME". Producers
    write a DER UTCTime / GeneralizedTime, or the time as text: ofdrw writes local
    ``yyyy-MM-dd HH:mm:ss`` without a zone, which we read as Beijing time (UTC+8), the zone
    every GM/T 0031 deployment we know of runs in. A time stamp token is not read."""
    if raw[:1] in (b"\x17", b"\x18"):
        return _utc(Time.load(raw, strict=True).chosen)
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise tampered("seal signature", "timeInfo is neither a time nor a time text") from None
    for pattern in _V1_TEXT_TIMES:
        try:
            moment = datetime.strptime(text, pattern)
        except ValueError:
            continue
        zone = UTC if pattern.endswith("Z") else BEIJING
        return moment.replace(tzinfo=zone).astimezone(UTC)
    raise tampered("seal signature", "timeInfo is neither a time nor a time text")
