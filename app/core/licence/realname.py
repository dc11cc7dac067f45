"""Real-name verification (实名认证), pluggable.

The default compares the stated name and ID number with the record the authority holds: for the
legal representative, the one registered for the enterprise at the registration place the user
chose; for a manager or an agent, the person the legal representative or manager entered. The
real authority adds face recognition against the identity-card photo; a plug-in that does so
receives the ``evidence`` (e.g. a photo) through the same interface.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from .errors import RealNameFailed
from .model import Enterprise, Person


@dataclass(frozen=True)
class RealNameClaim:
    """Who the user says they are, where, and any evidence a stronger check needs."""

    name: str
    id_number: str
    registration_place: str
    evidence: Mapping[str, bytes] = field(default_factory=dict)


class RealNameCheck(Protocol):
    def verify(self, claim: RealNameClaim, expected: Person, enterprise: Enterprise) -> None:
        """Return if ``claim`` is ``expected`` acting for ``enterprise``; else RealNameFailed."""


class RegistryRealNameCheck:
    """Name, ID number and registration place must match the registry exactly."""

    def verify(self, claim: RealNameClaim, expected: Person, enterprise: Enterprise) -> None:
        if claim.registration_place.strip() != enterprise.registration_place:
            raise RealNameFailed(
                "wrong_registration_place",
                "The enterprise is not registered at {place}",
                place=claim.registration_place,
            )
        if (
            claim.id_number.strip().upper() != expected.id_number
            or claim.name.strip() != expected.name
        ):
            raise RealNameFailed(
                "identity_mismatch", "The name and ID number do not match the registered person"
            )
