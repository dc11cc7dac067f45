"""Where the authority keeps its records: a small interface and an in-memory implementation.

The service swaps in a database-backed implementation of the same :class:`AuthorityRepository`;
the authority never touches storage except through these methods.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from .model import Authorisation, Enterprise, IssuedLicence, ManagerRecord, PersonRecord


class AuthorityRepository(Protocol):
    def get_enterprise(self, credit_code: str) -> Enterprise | None: ...
    def put_enterprise(self, enterprise: Enterprise) -> None: ...
    def list_enterprises(self) -> list[Enterprise]: ...

    def get_person(self, person_id: str) -> PersonRecord | None: ...
    def find_person(self, id_number: str) -> PersonRecord | None: ...
    def put_person(self, record: PersonRecord) -> None: ...

    def list_managers(self, credit_code: str) -> list[ManagerRecord]: ...
    def put_manager(self, record: ManagerRecord) -> None: ...
    def delete_manager(self, manager_id: str) -> None: ...

    def get_authorisation(self, authorisation_id: str) -> Authorisation | None: ...
    def put_authorisation(self, record: Authorisation) -> None: ...
    def list_authorisations(self, credit_code: str) -> list[Authorisation]: ...

    def get_licence(self, serial: int) -> IssuedLicence | None: ...
    def put_licence(self, record: IssuedLicence) -> None: ...
    def list_licences(self, credit_code: str | None = None) -> list[IssuedLicence]: ...

    def claim_nonce(self, nonce: bytes, expires_at: datetime, now: datetime) -> bool:
        """Record ``nonce``; False if it was seen before and has not expired (a replay)."""
        ...

    def next_crl_number(self) -> int: ...


class InMemoryRepository:
    """Dictionaries in a process: for tests, demos and the CLI."""

    def __init__(self) -> None:
        self._enterprises: dict[str, Enterprise] = {}
        self._persons: dict[str, PersonRecord] = {}
        self._managers: dict[str, ManagerRecord] = {}
        self._authorisations: dict[str, Authorisation] = {}
        self._licences: dict[int, IssuedLicence] = {}
        self._nonces: dict[bytes, datetime] = {}
        self._crl_number = 0

    def get_enterprise(self, credit_code: str) -> Enterprise | None:
        return self._enterprises.get(credit_code)

    def put_enterprise(self, enterprise: Enterprise) -> None:
        self._enterprises[enterprise.credit_code] = enterprise

    def list_enterprises(self) -> list[Enterprise]:
        return list(self._enterprises.values())

    def get_person(self, person_id: str) -> PersonRecord | None:
        return self._persons.get(person_id)

    def find_person(self, id_number: str) -> PersonRecord | None:
        return next((p for p in self._persons.values() if p.person.id_number == id_number), None)

    def put_person(self, record: PersonRecord) -> None:
        self._persons[record.person_id] = record

    def list_managers(self, credit_code: str) -> list[ManagerRecord]:
        found = [m for m in self._managers.values() if m.credit_code == credit_code]
        return sorted(found, key=lambda m: m.added_at)

    def put_manager(self, record: ManagerRecord) -> None:
        self._managers[record.manager_id] = record

    def delete_manager(self, manager_id: str) -> None:
        self._managers.pop(manager_id, None)

    def get_authorisation(self, authorisation_id: str) -> Authorisation | None:
        return self._authorisations.get(authorisation_id)

    def put_authorisation(self, record: Authorisation) -> None:
        self._authorisations[record.authorisation_id] = record

    def list_authorisations(self, credit_code: str) -> list[Authorisation]:
        found = [a for a in self._authorisations.values() if a.credit_code == credit_code]
        return sorted(found, key=lambda a: a.created_at)

    def get_licence(self, serial: int) -> IssuedLicence | None:
        return self._licences.get(serial)

    def put_licence(self, record: IssuedLicence) -> None:
        self._licences[record.serial] = record

    def list_licences(self, credit_code: str | None = None) -> list[IssuedLicence]:
        found = [lic for lic in self._licences.values() if credit_code in (None, lic.credit_code)]
        return sorted(found, key=lambda lic: lic.issued_at)

    def claim_nonce(self, nonce: bytes, expires_at: datetime, now: datetime) -> bool:
        self._nonces = {n: t for n, t in self._nonces.items() if t >= now}  # forget expired ones
        if nonce in self._nonces:
            return False
        self._nonces[nonce] = expires_at
        return True

    def next_crl_number(self) -> int:
        self._crl_number += 1
        return self._crl_number
