"""The seal office's records: :class:`SealOfficeRepository`, the few operations its rules need,
and :class:`SqlSealOfficeRepository` over the service database.

The rules (:mod:`.records`, :mod:`.grants`) see plain dataclasses, never ORM rows; they change a
record with :func:`dataclasses.replace` and store it back. One repository lives for one unit of
work; the caller commits or rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import ImprintRow, SealAuthorisationRow, SealRow


@dataclass(frozen=True)
class Imprint:
    """One uploaded imprint and what became of it (pending → approved / rejected / superseded)."""

    imprint_id: str
    credit_code: str
    seal_type: str
    shape: str
    width_mm: int
    height_mm: int
    png: bytes
    width_px: int
    height_px: int
    dpi: float | None
    precheck: str  # JSON: scores, ink, findings
    precheck_passed: bool
    terms_accepted: bool
    terms_version: str
    uploaded_by_serial: str
    uploaded_by_person: str
    uploaded_at: datetime
    state: str
    reason: str | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    superseded_by: str | None = None
    superseded_at: datetime | None = None


@dataclass(frozen=True)
class Seal:
    """An issued electronic seal; also the seal-making record (from which imprint, when, by whom)."""

    seal_id: str
    imprint_id: str
    credit_code: str
    seal_type: str
    name: str
    der: bytes
    valid_start: datetime
    valid_end: datetime
    made_at: datetime
    made_by: str


@dataclass(frozen=True)
class SealGrant:
    """印章授权: one agent may use (and collect) one seal during a window."""

    authorisation_id: str
    seal_id: str
    credit_code: str
    agent_person_id: str
    granted_by: str  # person_id of the grantor
    start_at: datetime
    end_at: datetime
    created_at: datetime
    revoked_at: datetime | None = None


class SealOfficeRepository(Protocol):
    def add_imprint(self, imprint: Imprint) -> None: ...
    def put_imprint(self, imprint: Imprint) -> None: ...
    def get_imprint(self, imprint_id: str, *, lock: bool = False) -> Imprint | None: ...
    def imprints_of(self, credit_code: str) -> list[Imprint]: ...
    def imprints_of_type(
        self, credit_code: str, seal_type: str, states: tuple[str, ...]
    ) -> list[Imprint]: ...
    def imprints_in_state(self, state: str) -> list[Imprint]: ...
    def recently_reviewed(self, limit: int) -> list[Imprint]: ...

    def add_seal(self, seal: Seal) -> None: ...
    def get_seal(self, seal_id: str) -> Seal | None: ...
    def seals_of(self, credit_code: str) -> list[Seal]: ...

    def add_grant(self, grant: SealGrant) -> None: ...
    def put_grant(self, grant: SealGrant) -> None: ...
    def get_grant(self, authorisation_id: str) -> SealGrant | None: ...
    def grants_of(self, credit_code: str) -> list[SealGrant]: ...
    def grants_for(self, seal_id: str, person_id: str) -> list[SealGrant]: ...
    def revoked_grants(self) -> list[SealGrant]: ...


class SqlSealOfficeRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # imprints ------------------------------------------------------------------------------

    def add_imprint(self, imprint: Imprint) -> None:
        self.s.add(ImprintRow(**imprint.__dict__))
        self.s.flush()

    def put_imprint(self, imprint: Imprint) -> None:
        self.s.merge(ImprintRow(**imprint.__dict__))
        self.s.flush()

    def get_imprint(self, imprint_id: str, *, lock: bool = False) -> Imprint | None:
        """``lock``: a row lock until the transaction ends (PostgreSQL; SQLite serialises
        writers with ``BEGIN IMMEDIATE``)."""
        query = select(ImprintRow).where(ImprintRow.imprint_id == imprint_id)
        row = self.s.scalars(query.with_for_update() if lock else query).first()
        return None if row is None else _imprint(row)

    def imprints_of(self, credit_code: str) -> list[Imprint]:
        query = select(ImprintRow).where(ImprintRow.credit_code == credit_code)
        return self._imprints(query)

    def imprints_of_type(
        self, credit_code: str, seal_type: str, states: tuple[str, ...]
    ) -> list[Imprint]:
        """Locked, like :meth:`get_imprint` with ``lock``."""
        query = select(ImprintRow).where(
            ImprintRow.credit_code == credit_code,
            ImprintRow.seal_type == seal_type,
            ImprintRow.state.in_(states),
        )
        return [_imprint(r) for r in self.s.scalars(query.with_for_update())]

    def imprints_in_state(self, state: str) -> list[Imprint]:
        return self._imprints(select(ImprintRow).where(ImprintRow.state == state))

    def recently_reviewed(self, limit: int) -> list[Imprint]:
        query = (
            select(ImprintRow)
            .where(ImprintRow.reviewed_at.is_not(None))
            .order_by(ImprintRow.reviewed_at.desc())
            .limit(limit)
        )
        return [_imprint(r) for r in self.s.scalars(query)]

    def _imprints(self, query) -> list[Imprint]:
        query = query.order_by(ImprintRow.uploaded_at, ImprintRow.imprint_id)
        return [_imprint(r) for r in self.s.scalars(query)]

    # seals ---------------------------------------------------------------------------------

    def add_seal(self, seal: Seal) -> None:
        self.s.add(SealRow(**seal.__dict__))
        self.s.flush()

    def get_seal(self, seal_id: str) -> Seal | None:
        row = self.s.get(SealRow, seal_id)
        return None if row is None else _copy(Seal, row)

    def seals_of(self, credit_code: str) -> list[Seal]:
        query = select(SealRow).where(SealRow.credit_code == credit_code)
        rows = self.s.scalars(query.order_by(SealRow.made_at, SealRow.seal_id))
        return [_copy(Seal, r) for r in rows]

    # seal authorisations -------------------------------------------------------------------

    def add_grant(self, grant: SealGrant) -> None:
        self.s.add(SealAuthorisationRow(**grant.__dict__))
        self.s.flush()

    def put_grant(self, grant: SealGrant) -> None:
        self.s.merge(SealAuthorisationRow(**grant.__dict__))
        self.s.flush()

    def get_grant(self, authorisation_id: str) -> SealGrant | None:
        row = self.s.get(SealAuthorisationRow, authorisation_id)
        return None if row is None else _copy(SealGrant, row)

    def grants_of(self, credit_code: str) -> list[SealGrant]:
        query = select(SealAuthorisationRow).where(SealAuthorisationRow.credit_code == credit_code)
        rows = self.s.scalars(query.order_by(SealAuthorisationRow.created_at))
        return [_copy(SealGrant, r) for r in rows]

    def grants_for(self, seal_id: str, person_id: str) -> list[SealGrant]:
        query = select(SealAuthorisationRow).where(
            SealAuthorisationRow.seal_id == seal_id,
            SealAuthorisationRow.agent_person_id == person_id,
        )
        return [_copy(SealGrant, r) for r in self.s.scalars(query)]

    def revoked_grants(self) -> list[SealGrant]:
        query = select(SealAuthorisationRow).where(SealAuthorisationRow.revoked_at.is_not(None))
        rows = self.s.scalars(query.order_by(SealAuthorisationRow.revoked_at))
        return [_copy(SealGrant, r) for r in rows]


def _copy(kind, row):
    return kind(**{name: getattr(row, name) for name in kind.__dataclass_fields__})


def _imprint(row: ImprintRow) -> Imprint:
    return _copy(Imprint, row)
