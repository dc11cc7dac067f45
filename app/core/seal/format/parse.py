"""Reading ``SESeal`` and ``SES_Signature`` DER strictly into :class:`SealInfo` /
:class:`SignatureInfo`. Anything we cannot read as GB/T 38540 v4 is refused as tampered."""

from __future__ import annotations

from datetime import UTC, datetime

from asn1crypto import core

from ... import gm
from ...der import ASN1_ERRORS, load_der
from .asn1 import (
    HEADER_ID,
    OID_SEAL_ENTERPRISE,
    SEAL_VERSION,
    SM2_WITH_SM3,
    CertDigestList,
    CertInfoList,
    SealEnterprise as SealEnterpriseAsn1,
    SESeal,
    SESSignature,
)
from .der import octets_of
from .errors import SealRefused, tampered
from .model import CertListType, SealEnterprise, SealInfo, SignatureInfo
from .trust import load_embedded_certificate

DIGEST_TYPE = "SM3"  # CertDigestObj.type we write and match


def _load(spec: type[core.Sequence], der: bytes, what: str) -> core.Sequence:
    return load_der(spec, der, lambda detail: tampered(what, detail))


def parse_seal(der: bytes) -> SealInfo:
    """A parsed seal (no signature or time checks); raises :class:`SealRefused` if malformed."""
    return seal_from_asn1(_load(SESeal, der, "electronic seal"), bytes(der))


def seal_from_asn1(seal: SESeal, der: bytes) -> SealInfo:
    try:
        return _seal_info(seal, der)
    except SealRefused:
        raise
    except ASN1_ERRORS as exc:
        raise tampered("electronic seal", str(exc)) from None


def _seal_info(seal: SESeal, der: bytes) -> SealInfo:
    info = seal["e_seal_info"]
    header, prop, picture = info["header"], info["property"], info["picture"]
    if header["id"].native != HEADER_ID or header["version"].native != SEAL_VERSION:
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
    raise tampered("electronic seal", f"unknown certListType {list_type}")


def _enterprise(ext_datas) -> SealEnterprise | None:
    found = None
    for ext in ext_datas or []:
        if ext["extn_id"].dotted == OID_SEAL_ENTERPRISE:
            value = SealEnterpriseAsn1.load(ext["extn_value"].native, strict=True).native
            found = SealEnterprise(
                value["credit_code"], value["name"], value["registration_place"]
            )
        elif ext["critical"].native:
            # GB/T 38540: a critical extension the verifier does not understand invalidates it.
            raise tampered("electronic seal", f"unknown critical extension {ext['extn_id'].dotted}")
    return found


def parse_signature(der: bytes) -> SignatureInfo:
    """A parsed seal signature (nothing verified); raises :class:`SealRefused` if malformed."""
    value = _load(SESSignature, der, "seal signature")
    try:
        return _signature_info(value, bytes(der))
    except SealRefused:
        raise
    except ASN1_ERRORS as exc:
        raise tampered("seal signature", str(exc)) from None


def _signature_info(value: SESSignature, der: bytes) -> SignatureInfo:
    tbs = value["to_sign"]
    if tbs["version"].native != SEAL_VERSION:
        raise tampered("seal signature", "not a GB/T 38540 version 4 signature")
    if value["signature_alg_id"].dotted != SM2_WITH_SM3:
        raise tampered("seal signature", "the signature is not SM2-with-SM3")
    for ext in tbs["ext_datas"] or []:
        if ext["critical"].native:
            raise tampered("seal signature", f"unknown critical extension {ext['extn_id'].dotted}")
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
    )
