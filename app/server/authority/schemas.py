"""Bodies of the authority's JSON API (they become part of the OpenAPI schema)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

Name = Field(min_length=1, max_length=100)
IdNumber = Field(min_length=18, max_length=18, description="resident identity number")
Phone = Field(default=None, min_length=11, max_length=11, description="mainland mobile number")


class EnterpriseOut(BaseModel):
    credit_code: str
    name: str
    registration_place: str


class PlacesOut(BaseModel):
    places: list[str]


class MatterOut(BaseModel):
    code: str
    zh: str
    en: str


class LicenceDownload(BaseModel):
    request: str = Field(
        max_length=8192, description="base64 DER of the SignedLicenceRequest (docs/pki)"
    )
    phone: str | None = Phone


class LicenceOut(BaseModel):
    serial: str = Field(description="certificate serial, lower-case hex")
    certificate: str = Field(description="base64 DER of the licence certificate")
    role: str
    not_before: datetime
    not_after: datetime


class PersonIn(BaseModel):
    name: str = Name
    id_number: str = IdNumber
    phone: str | None = Phone


class ManagerOut(BaseModel):
    manager_id: str
    person_id: str
    name: str
    masked_id_number: str
    added_at: datetime


class AuthoriseIn(PersonIn):
    mode: Literal["all_business", "specific"]
    matters: list[str] = Field(default_factory=list, max_length=50)
    start: datetime | None = Field(default=None, description="default: now")
    end: datetime | None = Field(default=None, description="default: start + 3 days")


class AuthorisationOut(BaseModel):
    authorisation_id: str
    agent_person_id: str
    agent_name: str
    mode: str
    matters: list[str]
    start: datetime
    end: datetime
    status: str
    revoked_at: datetime | None


class RevokeIn(BaseModel):
    reason: Literal[
        "cessation_of_operation", "key_compromise", "superseded", "affiliation_changed"
    ] = "cessation_of_operation"


class RevokedOut(BaseModel):
    revoked: list[str] = Field(description="serials of the licence copies revoked")
