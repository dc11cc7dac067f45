"""The authority's records in the service database: :class:`AuthorityRepository` over a Session.

One repository lives for one unit of work (one HTTP request or one CLI command): the caller
commits or rolls back, so a refused request leaves nothing half-stored.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ...core.licence import (
    Authorisation,
    Enterprise,
    IssuedLicence,
    ManagerRecord,
    Person,
    PersonRecord,
)
from ...core.pki import Mode, Role
from ..models import CounterRow, claim_nonce
from .models import AuthorisationRow, EnterpriseRow, LicenceRow, ManagerRow, PersonRow

CRL_COUNTER = "crl_number"


def serial_hex(serial: int) -> str:
    return format(serial, "x")


class SqlAuthorityRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # enterprises ---------------------------------------------------------------------------

    def get_enterprise(self, credit_code: str) -> Enterprise | None:
        row = self.s.get(EnterpriseRow, credit_code)
        return None if row is None else _enterprise(row)

    def put_enterprise(self, enterprise: Enterprise) -> None:
        rep = enterprise.legal_representative
        self.s.merge(
            EnterpriseRow(
                credit_code=enterprise.credit_code,
                name=enterprise.name,
                registration_place=enterprise.registration_place,
                legal_rep_name=rep.name,
                legal_rep_id_number=rep.id_number,
                legal_rep_mobile=rep.mobile,
            )
        )
        self.s.flush()

    def lock_enterprise(self, credit_code: str) -> None:
        """Hold the enterprise's row until the transaction ends, so that check-then-write rules
        about it (at most five managers) see every concurrent change: ``SELECT … FOR UPDATE``
        on PostgreSQL. SQLite has no row locks and SQLAlchemy drops the clause there; every
        transaction there starts with ``BEGIN IMMEDIATE`` (db.py), so it is the only writer."""
        self.s.execute(
            select(EnterpriseRow.credit_code)
            .where(EnterpriseRow.credit_code == credit_code)
            .with_for_update()
        )

    def list_enterprises(self) -> list[Enterprise]:
        rows = self.s.scalars(select(EnterpriseRow).order_by(EnterpriseRow.credit_code))
        return [_enterprise(r) for r in rows]

    # persons -------------------------------------------------------------------------------

    def get_person(self, person_id: str) -> PersonRecord | None:
        row = self.s.get(PersonRow, person_id)
        return None if row is None else _person(row)

    def find_person(self, id_number: str) -> PersonRecord | None:
        row = self.s.scalars(select(PersonRow).where(PersonRow.id_number == id_number)).first()
        return None if row is None else _person(row)

    def put_person(self, record: PersonRecord) -> None:
        p = record.person
        self.s.merge(
            PersonRow(
                person_id=record.person_id, name=p.name, id_number=p.id_number, mobile=p.mobile
            )
        )
        self.s.flush()

    # managers ------------------------------------------------------------------------------

    def list_managers(self, credit_code: str) -> list[ManagerRecord]:
        rows = self.s.scalars(
            select(ManagerRow)
            .where(ManagerRow.credit_code == credit_code)
            .order_by(ManagerRow.added_at, ManagerRow.manager_id)
        )
        return [
            ManagerRecord(r.manager_id, r.credit_code, r.person_id, r.added_by, r.added_at)
            for r in rows
        ]

    def put_manager(self, record: ManagerRecord) -> None:
        self.s.merge(ManagerRow(**record.__dict__))
        self.s.flush()

    def delete_manager(self, manager_id: str) -> None:
        self.s.execute(delete(ManagerRow).where(ManagerRow.manager_id == manager_id))

    # authorisations ------------------------------------------------------------------------

    def get_authorisation(self, authorisation_id: str) -> Authorisation | None:
        row = self.s.get(AuthorisationRow, authorisation_id)
        return None if row is None else _authorisation(row)

    def put_authorisation(self, record: Authorisation) -> None:
        self.s.merge(
            AuthorisationRow(
                authorisation_id=record.authorisation_id,
                credit_code=record.credit_code,
                agent_person_id=record.agent_person_id,
                granted_by=record.granted_by,
                mode=record.mode.value,
                matters=json.dumps(list(record.matters)),
                start_at=record.start,
                end_at=record.end,
                created_at=record.created_at,
                revoked_at=record.revoked_at,
            )
        )
        self.s.flush()

    def list_authorisations(self, credit_code: str) -> list[Authorisation]:
        rows = self.s.scalars(
            select(AuthorisationRow)
            .where(AuthorisationRow.credit_code == credit_code)
            .order_by(AuthorisationRow.created_at, AuthorisationRow.authorisation_id)
        )
        return [_authorisation(r) for r in rows]

    # licences ------------------------------------------------------------------------------

    def get_licence(self, serial: int) -> IssuedLicence | None:
        row = self.s.get(LicenceRow, serial_hex(serial))
        return None if row is None else _licence(row)

    def put_licence(self, record: IssuedLicence) -> None:
        values = dict(record.__dict__, serial=serial_hex(record.serial), role=record.role.value)
        values["certificate"] = values.pop("certificate_der")
        self.s.merge(LicenceRow(**values))
        self.s.flush()

    def list_licences(self, credit_code: str | None = None) -> list[IssuedLicence]:
        query = select(LicenceRow).order_by(LicenceRow.issued_at, LicenceRow.serial)
        if credit_code is not None:
            query = query.where(LicenceRow.credit_code == credit_code)
        return [_licence(r) for r in self.s.scalars(query)]

    # replay protection and counters -------------------------------------------------------

    def claim_nonce(self, nonce: bytes, expires_at: datetime, now: datetime) -> bool:
        return claim_nonce(self.s, "licence-request:" + nonce.hex(), expires_at, now)

    def next_crl_number(self) -> int:
        updated = self.s.execute(
            update(CounterRow)
            .where(CounterRow.name == CRL_COUNTER)
            .values(value=CounterRow.value + 1)
            .returning(CounterRow.value)
        ).scalar()
        if updated is not None:
            return int(updated)
        self.s.add(CounterRow(name=CRL_COUNTER, value=1))
        self.s.flush()
        return 1


def _enterprise(row: EnterpriseRow) -> Enterprise:
    rep = Person(row.legal_rep_name, row.legal_rep_id_number, row.legal_rep_mobile)
    return Enterprise(row.credit_code, row.name, row.registration_place, rep)


def _person(row: PersonRow) -> PersonRecord:
    return PersonRecord(row.person_id, Person(row.name, row.id_number, row.mobile))


def _authorisation(row: AuthorisationRow) -> Authorisation:
    return Authorisation(
        row.authorisation_id,
        row.credit_code,
        row.agent_person_id,
        row.granted_by,
        Mode(row.mode),
        tuple(json.loads(row.matters)),
        row.start_at,
        row.end_at,
        row.created_at,
        row.revoked_at,
    )


def _licence(row: LicenceRow) -> IssuedLicence:
    return IssuedLicence(
        serial=int(row.serial, 16),
        credit_code=row.credit_code,
        person_id=row.person_id,
        role=Role(row.role),
        grant_id=row.grant_id,
        certificate_der=row.certificate,
        not_before=row.not_before,
        not_after=row.not_after,
        issued_at=row.issued_at,
        revoked_at=row.revoked_at,
        revocation_reason=row.revocation_reason,
    )
