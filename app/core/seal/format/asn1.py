"""ASN.1 of GB/T 38540-2020 (安全电子签章密码技术规范) version 4: ``SESeal``, ``SES_Signature``.

Field names, order and types follow the standard's ASN.1 module, cross-checked against two
independent open implementations (ofdrw ``org.ofdrw.gm.ses.v4``, Java/BouncyCastle; and
Chingliu/gm_0031_38540_verifier ``38540.cpp``, C/OpenSSL templates). The standard spells the
picture structure ``SES_ESPictrueInfo``; the class here keeps that spelling so a reader can find it
in the standard. See docs/formats/electronic-seal.md for the profile we emit.
"""

from __future__ import annotations

from asn1crypto import core

from ...gm.oids import SM2_WITH_SM3  # noqa: F401  (the only algorithm we emit or accept)
from ...pki import EBID_ARC
from ...pki.asn1 import EbidEnterprise

HEADER_ID = "ES"  # SES_Header.ID, fixed by the standard
SEAL_VERSION = 4  # SES_Header.version and TBS_Sign.version for GB/T 38540-2020
VENDOR_ID = "EBID-DESK"  # SES_Header.Vid: identifies the implementation that made the seal

# certListType values (GB/T 38540 7.1.2): 1 = signer certificates, 2 = digests of them.
CERT_LIST_CERTIFICATES = 1
CERT_LIST_DIGESTS = 2

# Our own extension OIDs live under the project's UUID arc (docs/pki/certificate-profile.md §4),
# in a sub-arc .100 reserved for seals so they cannot collide with the licence extensions.
OID_SEAL_ARC = EBID_ARC + ".100"
OID_SEAL_ENTERPRISE = OID_SEAL_ARC + ".1"  # extDatas entry: the enterprise the seal belongs to
OID_KP_SEAL_MAKING = OID_SEAL_ARC + ".2"  # extendedKeyUsage of a seal office (制章者)


class ExtData(core.Sequence):
    """ExtData ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE,
    extnValue OCTET STRING }

    ``critical`` is declared optional, not DEFAULT: asn1crypto leaves a DEFAULT-valued field out
    when writing (as DER says), but every deployed producer writes ``BOOLEAN FALSE`` and ofdrw
    (``ExtData(ASN1Sequence)`` reads three elements) and gm_0031_38540_verifier (a plain
    ``ASN1_BOOLEAN``) cannot read the field's absence. Optional writes whatever is set, so we
    always set it; a value read without it (our seals before 2026-12) has ``critical`` VOID,
    which reads as FALSE (:func:`is_critical`)."""

    _fields = [
        ("extn_id", core.ObjectIdentifier),
        ("critical", core.Boolean, {"optional": True}),
        ("extn_value", core.OctetString),
    ]


def is_critical(ext: ExtData) -> bool:
    """``critical`` as the DEFAULT FALSE rule reads it, whether written or left out."""
    return bool(ext["critical"].native)


class ExtensionDatas(core.SequenceOf):
    _child_spec = ExtData


class SESHeader(core.Sequence):
    """SES_Header ::= SEQUENCE { ID IA5String, version INTEGER, Vid IA5String }"""

    _fields = [("id", core.IA5String), ("version", core.Integer), ("vid", core.IA5String)]


class CertInfoList(core.SequenceOf):
    """CertInfoList ::= SEQUENCE OF cert OCTET STRING (DER of each signer certificate)"""

    _child_spec = core.OctetString


class CertDigestObj(core.Sequence):
    """CertDigestObj ::= SEQUENCE { type PrintableString, value OCTET STRING }"""

    _fields = [("type", core.PrintableString), ("value", core.OctetString)]


class CertDigestList(core.SequenceOf):
    _child_spec = CertDigestObj


class SESESPropertyInfo(core.Sequence):
    """SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER,
    certList SES_CertList, createDate GeneralizedTime, validStart GeneralizedTime,
    validEnd GeneralizedTime }

    SES_CertList ::= CHOICE { certs CertInfoList, certDigestList CertDigestList }. Both
    alternatives are an untagged SEQUENCE OF, so BER cannot tell them apart: certListType decides
    (ofdrw's ``SES_CertList.getInstance(type, obj)`` does the same). The field is therefore
    declared as a plain SEQUENCE and re-read as CertInfoList or CertDigestList by type."""

    _fields = [
        ("type", core.Integer),
        ("name", core.UTF8String),
        ("cert_list_type", core.Integer),
        ("cert_list", core.Sequence),  # read by cert_list_type (see above)
        ("create_date", core.GeneralizedTime),
        ("valid_start", core.GeneralizedTime),
        ("valid_end", core.GeneralizedTime),
    ]


class SESESPictrueInfo(core.Sequence):
    """SES_ESPictrueInfo ::= SEQUENCE { type IA5String, data OCTET STRING, width INTEGER,
    height INTEGER }  -- width and height in millimetres"""

    _fields = [
        ("type", core.IA5String),
        ("data", core.OctetString),
        ("width", core.Integer),
        ("height", core.Integer),
    ]


class SESSealInfo(core.Sequence):
    """SES_SealInfo ::= SEQUENCE { header SES_Header, esID IA5String,
    property SES_ESPropertyInfo, picture SES_ESPictrueInfo, extDatas ExtensionDatas OPTIONAL }"""

    _fields = [
        ("header", SESHeader),
        ("es_id", core.IA5String),
        ("property", SESESPropertyInfo),
        ("picture", SESESPictrueInfo),
        ("ext_datas", ExtensionDatas, {"optional": True}),
    ]


class SESeal(core.Sequence):
    """SESeal ::= SEQUENCE { eSealInfo SES_SealInfo, cert OCTET STRING,
    signAlgID OBJECT IDENTIFIER, signedValue BIT STRING }"""

    _fields = [
        ("e_seal_info", SESSealInfo),
        ("cert", core.OctetString),
        ("sign_alg_id", core.ObjectIdentifier),
        ("signed_value", core.OctetBitString),
    ]


class TBSSign(core.Sequence):
    """TBS_Sign ::= SEQUENCE { version INTEGER, eseal SESeal, timeInfo GeneralizedTime,
    dataHash BIT STRING, propertyInfo IA5String, extDatas ExtensionDatas OPTIONAL }"""

    _fields = [
        ("version", core.Integer),
        ("eseal", SESeal),
        ("time_info", core.GeneralizedTime),
        ("data_hash", core.OctetBitString),
        ("property_info", core.IA5String),
        ("ext_datas", ExtensionDatas, {"optional": True}),
    ]


class SESSignature(core.Sequence):
    """SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING,
    signatureAlgID OBJECT IDENTIFIER, signature BIT STRING,
    timeStamp [0] BIT STRING OPTIONAL }  -- [0] explicit, as ofdrw writes it"""

    _fields = [
        ("to_sign", TBSSign),
        ("cert", core.OctetString),
        ("signature_alg_id", core.ObjectIdentifier),
        ("signature", core.OctetBitString),
        ("time_stamp", core.OctetBitString, {"explicit": 0, "optional": True}),
    ]


class SealEnterprise(EbidEnterprise):
    """Value of our ``OID_SEAL_ENTERPRISE`` extDatas entry: the same structure as the licence's
    ebidEnterprise extension (creditCode, name, registrationPlace)."""


# --- GM/T 0031-2014 (version 1), read and verified, never written ---------------------------
# Layout as ofdrw's org.ofdrw.gm.ses.v1 classes and gm_0031_38540_verifier's SESv2_* templates
# have it: no certListType (certList is always certificates), UTCTime, and the maker's
# certificate, algorithm and signature in a separate SES_SignInfo.

V1_VERSION = 1


class Time(core.Choice):
    """UTCTime as GM/T 0031 says; some v1 producers write GeneralizedTime (ofdrw reads both)."""

    _alternatives = [("utc_time", core.UTCTime), ("general_time", core.GeneralizedTime)]


class SESESPropertyInfoV1(core.Sequence):
    """SES_ESPropertyInfo ::= SEQUENCE { type INTEGER, name UTF8String, certList SEQUENCE OF
    OCTET STRING, createDate UTCTime, validStart UTCTime, validEnd UTCTime }"""

    _fields = [
        ("type", core.Integer),
        ("name", core.UTF8String),
        ("cert_list", CertInfoList),
        ("create_date", Time),
        ("valid_start", Time),
        ("valid_end", Time),
    ]


class SESSealInfoV1(core.Sequence):
    _fields = [
        ("header", SESHeader),
        ("es_id", core.IA5String),
        ("property", SESESPropertyInfoV1),
        ("picture", SESESPictrueInfo),
        ("ext_datas", ExtensionDatas, {"optional": True}),
    ]


class SESSignInfo(core.Sequence):
    """SES_SignInfo ::= SEQUENCE { cert OCTET STRING, signatureAlgorithm OBJECT IDENTIFIER,
    signData BIT STRING }  -- signData: the maker's signature over
    SEQUENCE { sealInfo, cert, signatureAlgorithm }"""

    _fields = [
        ("cert", core.OctetString),
        ("signature_algorithm", core.ObjectIdentifier),
        ("sign_data", core.OctetBitString),
    ]


class SESealV1(core.Sequence):
    """SESeal ::= SEQUENCE { esealInfo SES_SealInfo, signInfo SES_SignInfo }"""

    _fields = [("e_seal_info", SESSealInfoV1), ("sign_info", SESSignInfo)]


class TBSSignV1(core.Sequence):
    """TBS_Sign ::= SEQUENCE { version INTEGER, eseal SESeal, timeInfo BIT STRING,
    dataHash BIT STRING, propertyInfo IA5String, cert OCTET STRING,
    signatureAlgorithm OBJECT IDENTIFIER }  -- timeInfo: a time stamp or a time as text"""

    _fields = [
        ("version", core.Integer),
        ("eseal", SESealV1),
        ("time_info", core.OctetBitString),
        ("data_hash", core.OctetBitString),
        ("property_info", core.IA5String),
        ("cert", core.OctetString),
        ("signature_algorithm", core.ObjectIdentifier),
    ]


class SESSignatureV1(core.Sequence):
    """SES_Signature ::= SEQUENCE { toSign TBS_Sign, signature BIT STRING }"""

    _fields = [("to_sign", TBSSignV1), ("signature", core.OctetBitString)]


# --- ofdrw's "V5" (header version 5, 2026-04), read and verified, never written --------------
# The v4 layout with two additions, as org.ofdrw.gm.ses.v5 has it: SESeal and SES_Signature end
# with an optional [0] EXPLICIT timeStamp BIT STRING, and TBS_Sign's extDatas is [0] EXPLICIT.
# The maker signs DER(eSealInfo), the signer DER(toSign), as in v4.

V5_VERSION = 5


class SESealV5(core.Sequence):
    _fields = [
        ("e_seal_info", SESSealInfo),
        ("cert", core.OctetString),
        ("sign_alg_id", core.ObjectIdentifier),
        ("signed_value", core.OctetBitString),
        ("time_stamp", core.OctetBitString, {"explicit": 0, "optional": True}),
    ]


class TBSSignV5(core.Sequence):
    _fields = [
        ("version", core.Integer),
        ("eseal", SESealV5),
        ("time_info", core.GeneralizedTime),
        ("data_hash", core.OctetBitString),
        ("property_info", core.IA5String),
        ("ext_datas", ExtensionDatas, {"explicit": 0, "optional": True}),
    ]


class SESSignatureV5(core.Sequence):
    _fields = [
        ("to_sign", TBSSignV5),
        ("cert", core.OctetString),
        ("signature_alg_id", core.ObjectIdentifier),
        ("signature", core.OctetBitString),
        ("time_stamp", core.OctetBitString, {"explicit": 0, "optional": True}),
    ]
