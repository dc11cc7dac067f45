"""The e-bidding platform's JSON: projects, bid receipts, registered encryption keys."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pydantic import Field

from ..errors import EbidError, VerificationFailed
from .base import Base64Bytes, WireModel

if TYPE_CHECKING:
    from ..pki import Certificate


class Project(WireModel):
    code: str
    name: str
    tenderee: str
    sections: tuple[str, ...]
    bid_deadline: datetime
    opening_time: datetime


class Receipt(WireModel):
    """The platform's signed receipt for one bid file."""

    submission_id: str
    project: str
    section: str
    file_name: str
    size: int
    sm3: str
    received_at: datetime
    receipt: str = Field(description="the canonical JSON the platform signed (UTF-8)")
    signature: Base64Bytes = Field(
        description="base64 DER SM2 signature of the platform over receipt"
    )

    def verify(self, platform_certificate: Certificate) -> dict:
        """Check the platform's signature and that the signed fields match; the signed fields."""
        try:
            platform_certificate.public_key().verify(self.signature, self.receipt.encode("utf-8"))
            signed = json.loads(self.receipt)
        except (EbidError, ValueError):
            raise VerificationFailed("The receipt's platform signature does not verify") from None
        # Every field shown to the user is one the platform signed: the answer's copies are
        # unsigned, so a project, section, name or time differing from the signed one is refused.
        shown = (self.sm3, self.submission_id, self.size, self.project, self.section, self.file_name,
                 self.received_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        if tuple(signed.get(k) for k in ("sm3", "submission_id", "size", "project", "section", "file_name",
                                         "received_at")) != shown:
            raise VerificationFailed("The receipt's signed fields differ from the answer")
        return signed


class RegisteredKey(WireModel):
    key_id: str
    label: str
    person_id: str
    serial: str
    public_key: Base64Bytes  # SubjectPublicKeyInfo DER
    created_at: datetime


class KeyIn(WireModel):
    label: str = Field(min_length=1, max_length=100, description="device name")
    public_key: str = Field(max_length=1024, description="base64 DER SubjectPublicKeyInfo (SM2)")
