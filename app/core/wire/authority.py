"""The registration authority's JSON: look-ups, licences, managers, agent authorisations."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .base import Base64Bytes, WireModel

Name = Field(min_length=1, max_length=100)
IdNumber = Field(min_length=18, max_length=18, description="resident identity number")
Phone = Field(default=None, min_length=11, max_length=11, description="mainland mobile number")

# answers -------------------------------------------------------------------------------------


class Enterprise(WireModel):
    credit_code: str
    name: str
    registration_place: str
    demo: bool = False  # one of the fictitious DEMO enterprises (app/core/licence/demo.py)


class Places(WireModel):
    places: tuple[str, ...]


class Matter(WireModel):
    code: str
    zh: str
    en: str


class Licence(WireModel):
    serial: str = Field(description="certificate serial, lower-case hex")
    certificate: Base64Bytes = Field(description="base64 DER of the licence certificate")
    role: str
    not_before: datetime
    not_after: datetime


class Manager(WireModel):
    manager_id: str
    person_id: str
    name: str
    masked_id_number: str
    added_at: datetime


class Authorisation(WireModel):
    authorisation_id: str
    agent_person_id: str
    agent_name: str
    mode: str
    matters: tuple[str, ...]
    start: datetime
    end: datetime
    status: str
    revoked_at: datetime | None


class KnownPerson(WireModel):
    """A person the enterprise's holders entered — a licence manager, or an agent of any earlier
    authorisation — so a holder picks them instead of retyping. The authorisation calls take a
    person by name and ID number, so the number the holders entered comes back to them (only to
    the enterprise's legal representative and managers); the legal representative, who comes
    from the registry, is not listed."""

    person_id: str
    name: str
    masked_id_number: str
    id_number: str
    roles: tuple[str, ...] = Field(description="manager (while one) and/or agent")
    last_authorised: datetime | None = Field(description="start of the newest agent authorisation")


class Revoked(WireModel):
    revoked: tuple[str, ...] = Field(description="serials of the licence copies revoked")


# requests ------------------------------------------------------------------------------------


class LicenceDownload(WireModel):
    request: str = Field(
        max_length=8192, description="base64 DER of the SignedLicenceRequest (docs/pki)"
    )
    phone: str | None = Phone


class PersonIn(WireModel):
    name: str = Name
    id_number: str = IdNumber
    phone: str | None = Phone


class AuthoriseIn(PersonIn):
    mode: Literal["all_business", "specific"]
    matters: list[str] = Field(default_factory=list, max_length=50)
    start: datetime | None = Field(default=None, description="default: now")
    end: datetime | None = Field(default=None, description="default: start + 3 days")


class RevokeIn(WireModel):
    reason: Literal[
        "cessation_of_operation", "key_compromise", "superseded", "affiliation_changed"
    ] = "cessation_of_operation"
