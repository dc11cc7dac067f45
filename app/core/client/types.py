"""Typed answers of the service (plain frozen dataclasses built from its JSON)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime

from ..errors import EbidError, VerificationFailed
from ..pki import Certificate


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class Licence:
    serial: str
    certificate: bytes
    role: str
    not_before: datetime
    not_after: datetime

    @classmethod
    def from_json(cls, d: dict) -> Licence:
        return cls(d["serial"], base64.b64decode(d["certificate"]), d["role"],
                   _time(d["not_before"]), _time(d["not_after"]))


@dataclass(frozen=True)
class Manager:
    manager_id: str
    person_id: str
    name: str
    masked_id_number: str
    added_at: datetime

    @classmethod
    def from_json(cls, d: dict) -> Manager:
        return cls(d["manager_id"], d["person_id"], d["name"], d["masked_id_number"], _time(d["added_at"]))


@dataclass(frozen=True)
class Authorisation:
    authorisation_id: str
    agent_person_id: str
    agent_name: str
    mode: str
    matters: tuple[str, ...]
    start: datetime
    end: datetime
    status: str
    revoked_at: datetime | None

    @classmethod
    def from_json(cls, d: dict) -> Authorisation:
        return cls(d["authorisation_id"], d["agent_person_id"], d["agent_name"], d["mode"],
                   tuple(d["matters"]), _time(d["start"]), _time(d["end"]), d["status"],
                   _time(d.get("revoked_at")))


@dataclass(frozen=True)
class Project:
    code: str
    name: str
    tenderee: str
    sections: tuple[str, ...]
    bid_deadline: datetime
    opening_time: datetime

    @classmethod
    def from_json(cls, d: dict) -> Project:
        return cls(d["code"], d["name"], d["tenderee"], tuple(d["sections"]),
                   _time(d["bid_deadline"]), _time(d["opening_time"]))


@dataclass(frozen=True)
class Receipt:
    """The platform's signed receipt for one bid file."""

    submission_id: str
    project: str
    section: str
    file_name: str
    size: int
    sm3: str
    received_at: datetime
    receipt: str  # the canonical JSON the platform signed
    signature: bytes

    @classmethod
    def from_json(cls, d: dict) -> Receipt:
        return cls(d["submission_id"], d["project"], d["section"], d["file_name"], d["size"],
                   d["sm3"], _time(d["received_at"]), d["receipt"], base64.b64decode(d["signature"]))

    def verify(self, platform_certificate: Certificate) -> dict:
        """Check the platform's signature and that the signed fields match; the signed fields."""
        try:
            platform_certificate.public_key().verify(self.signature, self.receipt.encode("utf-8"))
            signed = json.loads(self.receipt)
        except (EbidError, ValueError):
            raise VerificationFailed("The receipt's platform signature does not verify") from None
        if (signed.get("sm3"), signed.get("submission_id"), signed.get("size")) != (
            self.sm3, self.submission_id, self.size
        ):
            raise VerificationFailed("The receipt's signed fields differ from the answer")
        return signed


@dataclass(frozen=True)
class RegisteredKey:
    key_id: str
    label: str
    person_id: str
    serial: str
    public_key: bytes  # SubjectPublicKeyInfo DER
    created_at: datetime

    @classmethod
    def from_json(cls, d: dict) -> RegisteredKey:
        return cls(d["key_id"], d["label"], d["person_id"], d["serial"],
                   base64.b64decode(d["public_key"]), _time(d["created_at"]))
