"""The seal office's records: imprint uploads and their review, seal issuance, records.

States of an imprint: ``pending`` (waiting for a reviewer) → ``approved`` (a seal was made from
it) or ``rejected`` (with the reviewer's reason); a newer upload of the same enterprise and seal
type makes earlier ``pending``/``rejected`` uploads ``superseded`` at once, and a newer approval
makes the earlier ``approved`` one ``superseded`` (its seal stays issued). Every function runs
inside the caller's unit of work (one transaction).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...core.pki import Certificate, Role
from ...core.seal.catalogue import load_catalogue
from ...core.seal.format import CertListType, make_seal
from ..auth import Holder
from ..authority.models import LicenceRow
from ..context import Unit
from ..errors import ApiError
from .imprints import TERMS_VERSION, Analysis, UploadSpec
from .keys import OfficeKeys
from .models import ImprintRow, SealRow

HOLDERS = (Role.LEGAL_REPRESENTATIVE, Role.MANAGER)
PENDING, APPROVED, REJECTED, SUPERSEDED = "pending", "approved", "rejected", "superseded"
SEAL_VALIDITY = timedelta(days=3 * 365)
MAX_REASON = 500
# SES_ESPropertyInfo.type per catalogue code (docs/formats/electronic-seal.md §3.2; 7 and 8 are
# ours, for the catalogue's customs and department seals).
TYPE_NUMBERS = {
    "official": 1,
    "legal-representative": 2,
    "contract": 3,
    "finance": 4,
    "invoice": 5,
    "bidding": 6,
    "customs": 7,
    "department": 8,
}


def new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(8).upper()}"


def record_upload(
    u: Unit, who: Holder, credit_code: str, spec: UploadSpec, found: Analysis
) -> ImprintRow:
    """Store a checked upload; earlier pending or rejected uploads of the type are superseded."""
    u.authority.actor(credit_code, who.serial, HOLDERS)
    now = u.authority.now()
    row = ImprintRow(
        imprint_id=new_id("IMP"),
        credit_code=credit_code,
        seal_type=spec.seal_type,
        shape=spec.shape,
        width_mm=spec.width_mm,
        height_mm=spec.height_mm,
        png=spec.png,
        width_px=found.width_px,
        height_px=found.height_px,
        dpi=found.dpi,
        precheck=found.precheck_json,
        precheck_passed=found.passed,
        terms_accepted=True,
        terms_version=TERMS_VERSION,
        uploaded_by_serial=format(who.serial, "x"),
        uploaded_by_person=who.person_id,
        uploaded_at=now,
        state=PENDING,
    )
    for older in _of_type(u.session, credit_code, spec.seal_type, (PENDING, REJECTED)):
        _supersede(older, row.imprint_id, now)
    u.session.add(row)
    return row


def imprints(s: Session, credit_code: str) -> list[ImprintRow]:
    query = select(ImprintRow).where(ImprintRow.credit_code == credit_code)
    return list(s.scalars(query.order_by(ImprintRow.uploaded_at, ImprintRow.imprint_id)))


def pending(s: Session) -> list[ImprintRow]:
    query = select(ImprintRow).where(ImprintRow.state == PENDING)
    return list(s.scalars(query.order_by(ImprintRow.uploaded_at, ImprintRow.imprint_id)))


def imprint(s: Session, imprint_id: str, *, lock: bool = False) -> ImprintRow:
    query = select(ImprintRow).where(ImprintRow.imprint_id == imprint_id)
    row = s.scalars(query.with_for_update() if lock else query).first()
    if row is None:
        raise ApiError(404, "unknown_imprint", "No imprint {id}", id=imprint_id)
    return row


def reject(u: Unit, imprint_id: str, *, reviewer: str, reason: str) -> ImprintRow:
    reason = " ".join(reason.split())
    if not reason or len(reason) > MAX_REASON:
        raise ApiError(
            400, "reason_required", "A rejection needs a reason (1 to {n} characters)", n=MAX_REASON
        )
    row = _pending(u.session, imprint_id)
    row.state, row.reason = REJECTED, reason
    row.reviewed_by, row.reviewed_at = reviewer, u.authority.now()
    return row


def approve(u: Unit, imprint_id: str, *, reviewer: str, office: OfficeKeys) -> SealRow:
    """Make the seal from the imprint, signed by the office; the imprint becomes the valid one."""
    row = _pending(u.session, imprint_id)
    now = u.authority.now()
    seal_id = new_id("ES")
    der = make_seal(
        office.key,
        office.certificate,
        seal_id=seal_id,
        seal_type=TYPE_NUMBERS[row.seal_type],
        name=_seal_name(u, row),
        holders=holder_certificates(u.session, row.credit_code, now),
        valid_start=now,
        valid_end=now + SEAL_VALIDITY,
        picture_png=row.png,
        width_mm=row.width_mm,
        height_mm=row.height_mm,
        cert_list_type=CertListType.DIGESTS,
        clock=lambda: now,
    )
    for older in _of_type(u.session, row.credit_code, row.seal_type, (APPROVED,)):
        _supersede(older, row.imprint_id, now)
    row.state, row.reviewed_by, row.reviewed_at = APPROVED, reviewer, now
    seal = SealRow(
        seal_id=seal_id,
        imprint_id=row.imprint_id,
        credit_code=row.credit_code,
        seal_type=row.seal_type,
        name=_seal_name(u, row),
        der=der,
        valid_start=now,
        valid_end=now + SEAL_VALIDITY,
        made_at=now,
        made_by=reviewer,
    )
    u.session.add(seal)
    return seal


def holder_certificates(s: Session, credit_code: str, now: datetime) -> list[Certificate]:
    """The enterprise's usable legal-representative and manager licences, listed in the seal
    (as SM3 digests). Agents are not listed: they sign under a seal authorisation, and the seal's
    enterprise entry binds any licence of the enterprise (docs/formats/electronic-seal.md §3.3)."""
    query = select(LicenceRow).where(
        LicenceRow.credit_code == credit_code,
        LicenceRow.role.in_([r.value for r in HOLDERS]),
        LicenceRow.revoked_at.is_(None),
        LicenceRow.not_before <= now,
        LicenceRow.not_after >= now,
    )
    found = [
        Certificate.load(r.certificate) for r in s.scalars(query.order_by(LicenceRow.issued_at))
    ]
    if not found:
        raise ApiError(
            409,
            "no_holder_licence",
            "The enterprise has no usable licence of its legal representative or a manager to list in the seal",
        )
    return found


def seals(s: Session, credit_code: str) -> list[SealRow]:
    query = select(SealRow).where(SealRow.credit_code == credit_code)
    return list(s.scalars(query.order_by(SealRow.made_at, SealRow.seal_id)))


def seal(s: Session, seal_id: str) -> SealRow:
    row = s.get(SealRow, seal_id)
    if row is None:
        raise ApiError(404, "unknown_seal", "No seal {id}", id=seal_id)
    return row


def _seal_name(u: Unit, row: ImprintRow) -> str:
    enterprise = u.authority.enterprise(row.credit_code)
    if row.seal_type == "legal-representative":
        return f"{enterprise.legal_representative.name}印"
    return f"{enterprise.name}{load_catalogue()[row.seal_type].zh}"


def _pending(s: Session, imprint_id: str) -> ImprintRow:
    row = imprint(s, imprint_id, lock=True)  # row lock on PostgreSQL; SQLite serialises writers
    if row.state != PENDING:
        raise ApiError(
            409,
            "not_pending",
            "Imprint {id} is {state}, not pending",
            id=imprint_id,
            state=row.state,
        )
    return row


def _of_type(
    s: Session, credit_code: str, seal_type: str, states: tuple[str, ...]
) -> list[ImprintRow]:
    query = select(ImprintRow).where(
        ImprintRow.credit_code == credit_code,
        ImprintRow.seal_type == seal_type,
        ImprintRow.state.in_(states),
    )
    return list(s.scalars(query.with_for_update()))


def _supersede(row: ImprintRow, by: str, now: datetime) -> None:
    row.state, row.superseded_by, row.superseded_at = SUPERSEDED, by, now
