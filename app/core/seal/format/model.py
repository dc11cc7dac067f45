"""What a parsed seal and a parsed seal signature say, as typed values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum

from ... import gm
from ...pki import Certificate
from .asn1 import VENDOR_ID, SESeal, SESSignature


class SealType(IntEnum):
    """SES_ESPropertyInfo.type. GB/T 38540 leaves the values to the application; 1 and 2 follow
    the common GM/T 0031 usage (1 organisation seal, 2 personal seal), the rest are ours. The
    names hold for seals we made (our Vid) only: another maker's type 3 is not our contract seal."""

    OFFICIAL = 1  # 公章 (organisation seal)
    PERSONAL = 2  # 法定代表人名章 (legal representative's personal seal)
    CONTRACT = 3  # 合同专用章
    FINANCE = 4  # 财务专用章
    INVOICE = 5  # 发票专用章
    BIDDING = 6  # 投标专用章


class CertListType(IntEnum):
    CERTIFICATES = 1  # certList holds the DER of each signer certificate
    DIGESTS = 2  # certList holds SM3 digests of them


class MakerSigned(StrEnum):
    """Which bytes the seal maker's signature covers (see docs/formats/electronic-seal.md §1)."""

    SEAL_INFO = "eSealInfo"  # GB/T 38540 v4 as every deployed reader and writer does it
    # GM/T 0031 v1's rule; also what EBid Desk signed for v4 seals before December 2026, still
    # accepted for those (our Vid only) so seals already issued keep verifying.
    SEQUENCE = "SEQUENCE{eSealInfo, cert, signAlgID}"


@dataclass(frozen=True)
class SealExtension:
    """One ``ExtData`` entry of a seal or a signature."""

    oid: str
    critical: bool
    understood: bool  # one we read (our enterprise entry); others are shown, not interpreted


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
    version: int = 4  # SES_Header.version: 4 (GB/T 38540-2020) or 1 (GM/T 0031-2014)
    extensions: tuple[SealExtension, ...] = ()
    maker_signed: MakerSigned | None = None  # set by verification: what the maker signed

    def lists(self, cert: Certificate) -> bool:
        """Whether the seal's certList names this certificate (by DER or by SM3 digest)."""
        return gm.sm3(cert.der) in self.holder_digests

    def type_name(self) -> str:
        """Our name for the type on our own seals; another maker's numbers mean what it says."""
        if self.vendor_id == VENDOR_ID:
            try:
                return SealType(self.seal_type).name.lower()
            except ValueError:
                pass
        return f"type {self.seal_type}"

    @property
    def unknown_critical(self) -> tuple[str, ...]:
        return tuple(e.oid for e in self.extensions if e.critical and not e.understood)


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
    extensions: tuple[SealExtension, ...] = ()  # TBS_Sign.extDatas

    @property
    def unknown_critical(self) -> tuple[str, ...]:
        return tuple(e.oid for e in self.extensions if e.critical and not e.understood)
