"""The registration authority's JSON: look-ups, licences, managers, agent authorisations."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, model_validator

from .base import Base64Bytes, WireModel

PersonId = Field(
    default=None, min_length=1, max_length=40,
    description="a person the enterprise already knows (GET …/people), instead of the identity",
)
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
    authorisation — so a holder picks them instead of retyping: the grant calls take them by
    ``person_id``. Only the masked ID number comes back (the service never returns a full one);
    the legal representative, who comes from the registry, is not listed."""

    person_id: str
    name: str
    masked_id_number: str
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


def one_person(person_id: str | None, identity: tuple[str | None, ...]) -> None:
    """A person is named one way: by ``person_id`` alone, or by the identity fields (the first
    two — name and ID number — required)."""
    if person_id is not None:
        if any(value is not None for value in identity):
            raise ValueError("give either person_id or the person's name and ID number, not both")
    elif identity[0] is None or identity[1] is None:
        raise ValueError("give the person's name and ID number, or the person_id of a known person")


class PersonIn(WireModel):
    """A new person by name, ID number and optionally mobile; or, by ``person_id``, a manager or
    an agent the enterprise already has (their stored details are used, mobile included), so the
    client never needs their full ID number."""

    person_id: str | None = PersonId
    name: str | None = Field(default=None, min_length=1, max_length=100)
    id_number: str | None = Field(default=None, min_length=18, max_length=18,
                                  description="resident identity number")
    phone: str | None = Phone

    @model_validator(mode="after")
    def _one_way(self):
        one_person(self.person_id, (self.name, self.id_number, self.phone))
        return self


class AuthoriseIn(PersonIn):
    mode: Literal["all_business", "specific"]
    matters: list[str] = Field(default_factory=list, max_length=50)
    start: datetime | None = Field(default=None, description="default: now")
    end: datetime | None = Field(default=None, description="default: start + 3 days")


class RevokeIn(WireModel):
    reason: Literal[
        "cessation_of_operation", "key_compromise", "superseded", "affiliation_changed"
    ] = "cessation_of_operation"
