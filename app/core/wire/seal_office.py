"""The seal office's JSON: imprint uploads and their pre-check, seals, collection, seal
authorisations, and the use rule a verifier applies (docs/seal-office.md)."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, model_validator

from .authority import PersonId, one_person
from .base import Base64Bytes, WireModel


class Finding(WireModel):
    code: str
    message: str
    reject: bool


class Precheck(WireModel):
    passed: bool
    ink: str | None
    scores: dict[str, float]
    findings: tuple[Finding, ...]


class Imprint(WireModel):
    imprint_id: str
    credit_code: str
    seal_type: str
    shape: str
    width_mm: int
    height_mm: int
    width_px: int
    height_px: int
    dpi: float | None
    state: str = Field(description="pending, approved, rejected or superseded")
    reason: str | None = Field(description="the reviewer's reason for a rejection")
    uploaded_at: datetime
    reviewed_at: datetime | None
    superseded_by: str | None
    superseded_at: datetime | None
    precheck: Precheck

    @property
    def precheck_passed(self) -> bool:
        return self.precheck.passed

    @property
    def findings(self) -> tuple[str, ...]:
        """The pre-check's findings, as sentences."""
        return tuple(f.message for f in self.precheck.findings)


class Seal(WireModel):
    seal_id: str
    imprint_id: str
    credit_code: str
    seal_type: str
    name: str
    valid_start: datetime
    valid_end: datetime
    made_at: datetime
    made_by: str


class CollectedSeal(Seal):
    der: Base64Bytes = Field(alias="seal", description="base64 DER of the GB/T 38540 SESeal")


class SealRecords(WireModel):
    valid: tuple[Imprint, ...] = Field(description="approved uploads (in use)")
    superseded: tuple[Imprint, ...] = Field(
        description="earlier uploads replaced by a newer one"
    )
    seal_making: tuple[Seal, ...] = Field(
        description="which seal was made from which imprint, when, by whom"
    )


class SealGrant(WireModel):
    authorisation_id: str
    seal_id: str
    agent_person_id: str
    agent_name: str
    start: datetime
    end: datetime
    status: str = Field(description="not_yet_valid, active, expired or revoked")
    created_at: datetime
    revoked_at: datetime | None


class Window(WireModel):
    start: datetime
    end: datetime


class UseRule(WireModel):
    """What a verifier needs to apply the seal-authorisation rule to one signer."""

    seal_id: str
    person_id: str
    local_places: tuple[str, ...]
    windows: tuple[Window, ...] = Field(
        description="authorisations, a revoked one cut at its revocation"
    )


class SealAuthoriseIn(WireModel):
    """The agent by name and ID number, or by the ``person_id`` of one of the enterprise's agents
    (GET /authority/enterprises/{code}/people)."""

    person_id: str | None = PersonId
    agent_name: str | None = Field(default=None, min_length=1, max_length=100)
    agent_id_number: str | None = Field(default=None, min_length=18, max_length=18)
    start: datetime | None = Field(default=None, description="default: now")
    end: datetime | None = Field(default=None, description="default: start + 3 days")

    @model_validator(mode="after")
    def _one_way(self):
        one_person(self.person_id, (self.agent_name, self.agent_id_number))
        return self
