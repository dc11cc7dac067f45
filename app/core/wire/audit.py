"""The audit-head countersignature (docs/protocols/audit-countersign.md): the keystore's anchored
head sent in, the service's signed answer back."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from .base import Base64Bytes, WireModel

_HEX32 = "^[0-9a-f]{64}$"


class AuditHeadIn(WireModel):
    """An anchored head of one keystore's audit log."""

    store: str = Field(pattern="^[0-9a-f]{32}$", description="the keystore's random id")
    seq: int = Field(ge=1, le=2**63 - 1)
    head: str = Field(pattern=_HEX32, description="SM3 hash of entry seq, lower-case hex")
    counter: int = Field(ge=1, le=2**63 - 1, description="the anchor's counter")


class AuditHead(WireModel):
    """A head the service countersigned: ``signature`` is the authority root's SM2 signature
    over the message in app.core.audit.countersign."""

    store: str
    seq: int
    head: str
    counter: int
    at: datetime
    signature: Base64Bytes
