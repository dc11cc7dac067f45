"""The authority's records: enterprises, persons, managers, authorisations and issued licences.

Records are frozen; a change is a new record stored through the repository
(``dataclasses.replace``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from ..errors import InvalidInput
from ..pki import Mode, Role
from .codes import mask_id_number, validate_credit_code, validate_id_number, validate_mobile

MAX_TEXT = 128  # names and places: generous, but bounded before they reach a certificate


def new_id(prefix: str) -> str:
    """An opaque id: a prefix and 16 random hex digits (never derived from personal data)."""
    return f"{prefix}-{secrets.token_hex(8)}"


def _required_text(value: str, what: str) -> str:
    text = value.strip()
    if not text or len(text) > MAX_TEXT:
        raise InvalidInput("The {what} must be 1 to {n} characters", what=what, n=MAX_TEXT)
    return text


@dataclass(frozen=True)
class Person:
    """A natural person as a user states them: validated on construction."""

    name: str
    id_number: str
    mobile: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _required_text(self.name, "person's name"))
        object.__setattr__(self, "id_number", validate_id_number(self.id_number))
        if self.mobile is not None:
            object.__setattr__(self, "mobile", validate_mobile(self.mobile))

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)


@dataclass(frozen=True)
class PersonRef:
    """A person the enterprise already knows — a manager, or an agent of any of its
    authorisations — named by the opaque ``person_id`` the service lists, so a client names them
    without holding their ID number."""

    person_id: str


@dataclass(frozen=True)
class PersonRecord:
    """A person known to the authority, with the opaque ``person_id`` certificates carry."""

    person_id: str
    person: Person


@dataclass(frozen=True)
class Enterprise:
    credit_code: str
    name: str
    registration_place: str  # 登记地
    legal_representative: Person

    def __post_init__(self) -> None:
        object.__setattr__(self, "credit_code", validate_credit_code(self.credit_code))
        object.__setattr__(self, "name", _required_text(self.name, "enterprise name"))
        object.__setattr__(
            self,
            "registration_place",
            _required_text(self.registration_place, "registration place"),
        )


@dataclass(frozen=True)
class ManagerRecord:
    manager_id: str  # the standing grant a manager's licences are issued under
    credit_code: str
    person_id: str
    added_by: str  # person_id of the legal representative
    added_at: datetime


class Status(StrEnum):
    NOT_YET_VALID = "not_yet_valid"
    ACTIVE = "active"
    EXPIRED = "expired"
    REVOKED = "revoked"


def window_status(
    start: datetime, end: datetime, revoked_at: datetime | None, at: datetime
) -> Status:
    """Both ends inclusive, to the second, like certificate validity."""
    if revoked_at is not None and revoked_at <= at:
        return Status.REVOKED
    if at < start:
        return Status.NOT_YET_VALID
    if at > end:
        return Status.EXPIRED
    return Status.ACTIVE


@dataclass(frozen=True)
class Authorisation:
    """An agent authorisation (办事人授权): all business or specific matters, for a window."""

    authorisation_id: str
    credit_code: str
    agent_person_id: str
    granted_by: str  # person_id of the legal representative or manager
    mode: Mode
    matters: tuple[str, ...]  # matter codes; empty for all business
    start: datetime
    end: datetime
    created_at: datetime
    revoked_at: datetime | None = None

    def status(self, at: datetime) -> Status:
        return window_status(self.start, self.end, self.revoked_at, at)


@dataclass(frozen=True)
class IssuedLicence:
    """One licence copy: one certificate for one person's device key."""

    serial: int
    credit_code: str
    person_id: str
    role: Role
    grant_id: str  # authorisation_id, manager_id, or the legal representative's standing grant
    certificate_der: bytes
    not_before: datetime
    not_after: datetime
    issued_at: datetime
    revoked_at: datetime | None = None
    revocation_reason: str | None = None

    def status(self, at: datetime) -> Status:
        return window_status(self.not_before, self.not_after, self.revoked_at, at)
