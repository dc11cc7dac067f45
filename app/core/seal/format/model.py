"""What a parsed seal and a parsed seal signature say, as typed values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum

from ... import gm
from ...pki import Certificate
from .asn1 import SESeal, SESSignature


class SealType(IntEnum):
    """SES_ESPropertyInfo.type. GB/T 38540 leaves the values to the application; 1 and 2 follow
    the common GM/T 0031 usage (1 organisation seal, 2 personal seal), the rest are ours."""

    OFFICIAL = 1  # 公章 (organisation seal)
    PERSONAL = 2  # 法定代表人名章 (legal representative's personal seal)
    CONTRACT = 3  # 合同专用章
    FINANCE = 4  # 财务专用章
    INVOICE = 5  # 发票专用章
    BIDDING = 6  # 投标专用章


class CertListType(IntEnum):
    CERTIFICATES = 1  # certList holds the DER of each signer certificate
    DIGESTS = 2  # certList holds SM3 digests of them


@dataclass(frozen=True)
class SealEnterprise:
    """The enterprise a seal belongs to (our extDatas entry, signed by the office)."""

    credit_code: str
    name: str
    registration_place: str


@dataclass(frozen=True)
class SealInfo:
    """A parsed ``SESeal``; nothing here is verified (see ``verify_seal``)."""

    der: bytes
    vendor_id: str
    seal_id: str
    seal_type: int
    name: str
    cert_list_type: CertListType
    holder_certificates: tuple[bytes, ...]  # DER; empty for a digest list
    holder_digests: tuple[bytes, ...]  # SM3 of each holder certificate's DER
    created_at: datetime
    valid_start: datetime
    valid_end: datetime
    picture_type: str
    picture: bytes
    width_mm: int
    height_mm: int
    enterprise: SealEnterprise | None
    maker_certificate: Certificate
    signed_value: bytes
    asn1: SESeal = field(repr=False, compare=False)

    def lists(self, cert: Certificate) -> bool:
        """Whether the seal's certList names this certificate (by DER or by SM3 digest)."""
        return gm.sm3(cert.der) in self.holder_digests

    def type_name(self) -> str:
        try:
            return SealType(self.seal_type).name.lower()
        except ValueError:
            return f"type {self.seal_type}"


@dataclass(frozen=True)
class SignatureInfo:
    """A parsed ``SES_Signature``; nothing here is verified (see ``verify_signature``)."""

    der: bytes
    seal: SealInfo
    signed_at: datetime  # TBS_Sign.timeInfo, as the signer claims it
    data_hash: bytes
    property_info: str
    signer_certificate: Certificate
    signature: bytes
    has_time_stamp: bool
    asn1: SESSignature = field(repr=False, compare=False)
