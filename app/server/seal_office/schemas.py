"""Bodies of the seal office's JSON API (they become part of the OpenAPI schema)."""

from __future__ import annotations

import json
from datetime import datetime

from pydantic import BaseModel, Field

from .repository import Imprint, Seal, SealGrant


class Finding(BaseModel):
    code: str
    message: str
    reject: bool


class PrecheckOut(BaseModel):
    passed: bool
    ink: str | None
    scores: dict[str, float]
    findings: list[Finding]


class ImprintOut(BaseModel):
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
    precheck: PrecheckOut

    @classmethod
    def of(cls, row: Imprint) -> ImprintOut:
        found = json.loads(row.precheck)
        return cls(
            imprint_id=row.imprint_id,
            credit_code=row.credit_code,
            seal_type=row.seal_type,
            shape=row.shape,
            width_mm=row.width_mm,
            height_mm=row.height_mm,
            width_px=row.width_px,
            height_px=row.height_px,
            dpi=row.dpi,
            state=row.state,
            reason=row.reason,
            uploaded_at=row.uploaded_at,
            reviewed_at=row.reviewed_at,
            superseded_by=row.superseded_by,
            superseded_at=row.superseded_at,
            precheck=PrecheckOut(passed=row.precheck_passed, **found),
        )


class SealOut(BaseModel):
    seal_id: str
    imprint_id: str
    credit_code: str
    seal_type: str
    name: str
    valid_start: datetime
    valid_end: datetime
    made_at: datetime
    made_by: str

    @classmethod
    def of(cls, row: Seal) -> SealOut:
        return cls(
            seal_id=row.seal_id,
            imprint_id=row.imprint_id,
            credit_code=row.credit_code,
            seal_type=row.seal_type,
            name=row.name,
            valid_start=row.valid_start,
            valid_end=row.valid_end,
            made_at=row.made_at,
            made_by=row.made_by,
        )


class CollectedSeal(SealOut):
    seal: str = Field(description="base64 DER of the GB/T 38540 SESeal")


class RecordsOut(BaseModel):
    valid: list[ImprintOut] = Field(description="approved uploads (in use)")
    superseded: list[ImprintOut] = Field(description="earlier uploads replaced by a newer one")
    seal_making: list[SealOut] = Field(
        description="which seal was made from which imprint, when, by whom"
    )


class SealAuthoriseIn(BaseModel):
    agent_name: str = Field(min_length=1, max_length=100)
    agent_id_number: str = Field(min_length=18, max_length=18)
    start: datetime | None = Field(default=None, description="default: now")
    end: datetime | None = Field(default=None, description="default: start + 3 days")


class SealAuthorisationOut(BaseModel):
    authorisation_id: str
    seal_id: str
    agent_person_id: str
    agent_name: str
    start: datetime
    end: datetime
    status: str = Field(description="not_yet_valid, active, expired or revoked")
    created_at: datetime
    revoked_at: datetime | None

    @classmethod
    def of(cls, row: SealGrant, name: str, status: str) -> SealAuthorisationOut:
        return cls(
            authorisation_id=row.authorisation_id,
            seal_id=row.seal_id,
            agent_person_id=row.agent_person_id,
            agent_name=name,
            start=row.start_at,
            end=row.end_at,
            status=status,
            created_at=row.created_at,
            revoked_at=row.revoked_at,
        )


class Window(BaseModel):
    start: datetime
    end: datetime


class UseRuleOut(BaseModel):
    """What a verifier needs to apply the seal-authorisation rule to one signer."""

    seal_id: str
    person_id: str
    local_places: list[str]
    windows: list[Window] = Field(description="authorisations, a revoked one cut at its revocation")
