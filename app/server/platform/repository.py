"""The platform's records: :class:`PlatformRepository`, the few operations its rules need, and
:class:`SqlPlatformRepository` over the service database.

The rules (:mod:`.rules`) see plain dataclasses, never ORM rows. One repository lives for one
unit of work; the caller commits or rolls back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import EncryptionKeyRow, ProjectRow, SubmissionRow


@dataclass(frozen=True)
class Project:
    code: str
    name: str
    tenderee: str
    sections: tuple[str, ...]
    bid_deadline: datetime
    opening_time: datetime
    created_at: datetime


@dataclass(frozen=True)
class Submission:
    """One received bid and the receipt the platform signed for it."""

    submission_id: str
    project_code: str
    section: str
    credit_code: str
    serial: str
    person_id: str
    file_name: str
    size: int
    sm3: str
    signature: bytes
    receipt: str  # the canonical JSON the platform signed
    receipt_signature: bytes
    received_at: datetime
    task_id: str | None = None  # the encrypt task it was uploaded for, if any


@dataclass(frozen=True)
class EncryptionKey:
    """A holder's registered encryption public key (uncompressed point bytes)."""

    key_id: str
    credit_code: str
    person_id: str
    serial: str
    label: str
    public_key: bytes
    created_at: datetime


class PlatformRepository(Protocol):
    def get_project(self, code: str) -> Project | None: ...
    def list_projects(self) -> list[Project]: ...
    def put_project(self, project: Project) -> None: ...

    def add_submission(self, submission: Submission) -> None: ...
    def get_submission(self, submission_id: str) -> Submission | None: ...
    def submissions_of(self, credit_code: str) -> list[Submission]: ...
    def find_submission(self, credit_code: str, code: str, section: str, sm3: str) -> Submission | None: ...

    def find_key(self, serial: str, public_key: bytes) -> EncryptionKey | None: ...
    def add_key(self, key: EncryptionKey) -> None: ...
    def keys_of(self, credit_code: str) -> list[EncryptionKey]: ...


class SqlPlatformRepository:
    def __init__(self, session: Session) -> None:
        self.s = session

    # projects ------------------------------------------------------------------------------

    def get_project(self, code: str) -> Project | None:
        row = self.s.get(ProjectRow, code)
        return None if row is None else _project(row)

    def list_projects(self) -> list[Project]:
        query = select(ProjectRow).order_by(ProjectRow.bid_deadline, ProjectRow.code)
        return [_project(r) for r in self.s.scalars(query)]

    def put_project(self, project: Project) -> None:
        values = dict(project.__dict__)
        values["sections"] = json.dumps(list(project.sections), ensure_ascii=False)
        self.s.merge(ProjectRow(**values))
        self.s.flush()

    # submissions ---------------------------------------------------------------------------

    def add_submission(self, submission: Submission) -> None:
        self.s.add(SubmissionRow(**submission.__dict__))
        self.s.flush()

    def get_submission(self, submission_id: str) -> Submission | None:
        row = self.s.get(SubmissionRow, submission_id)
        return None if row is None else _submission(row)

    def submissions_of(self, credit_code: str) -> list[Submission]:
        query = (
            select(SubmissionRow)
            .where(SubmissionRow.credit_code == credit_code)
            .order_by(SubmissionRow.received_at, SubmissionRow.submission_id)
        )
        return [_submission(r) for r in self.s.scalars(query)]

    def find_submission(self, credit_code: str, code: str, section: str, sm3: str) -> Submission | None:
        query = select(SubmissionRow).where(
            SubmissionRow.credit_code == credit_code, SubmissionRow.project_code == code,
            SubmissionRow.section == section, SubmissionRow.sm3 == sm3,
        ).order_by(SubmissionRow.received_at).limit(1)
        row = self.s.scalars(query).first()
        return None if row is None else _submission(row)

    # encryption keys -----------------------------------------------------------------------

    def find_key(self, serial: str, public_key: bytes) -> EncryptionKey | None:
        query = select(EncryptionKeyRow).where(
            EncryptionKeyRow.serial == serial, EncryptionKeyRow.public_key == public_key
        )
        row = self.s.scalars(query).first()
        return None if row is None else _key(row)

    def add_key(self, key: EncryptionKey) -> None:
        self.s.add(EncryptionKeyRow(**key.__dict__))
        self.s.flush()

    def keys_of(self, credit_code: str) -> list[EncryptionKey]:
        query = (
            select(EncryptionKeyRow)
            .where(EncryptionKeyRow.credit_code == credit_code)
            .order_by(EncryptionKeyRow.created_at, EncryptionKeyRow.key_id)
        )
        return [_key(r) for r in self.s.scalars(query)]


def _project(row: ProjectRow) -> Project:
    return Project(
        row.code, row.name, row.tenderee, tuple(json.loads(row.sections)), row.bid_deadline,
        row.opening_time, row.created_at,
    )


def _submission(row: SubmissionRow) -> Submission:
    return Submission(**{name: getattr(row, name) for name in Submission.__dataclass_fields__})


def _key(row: EncryptionKeyRow) -> EncryptionKey:
    return EncryptionKey(**{name: getattr(row, name) for name in EncryptionKey.__dataclass_fields__})
