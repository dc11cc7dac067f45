"""The seal office's records: imprint uploads and their review, seal issuance, records.

States of an imprint: ``pending`` (waiting for a reviewer) → ``approved`` (a seal was made from
it) or ``rejected`` (with the reviewer's reason); a newer upload of the same enterprise and seal
type makes earlier ``pending``/``rejected`` uploads ``superseded`` at once, and a newer approval
makes the earlier ``approved`` one ``superseded`` (its seal stays issued). Every function takes
the :class:`~.office.SealOffice` of the caller's unit of work (one transaction).
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ...core.pki import Certificate, Role
from ...core.seal.catalogue import load_catalogue
from ...core.seal.format import CertListType, make_seal
from ..errors import ApiError
from .imprints import TERMS_VERSION, Analysis, UploadSpec
from .keys import OfficeKeys
from .office import SealOffice
from .repository import Imprint, Seal

if TYPE_CHECKING:
    from ..auth import Holder

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
    office: SealOffice, who: Holder, credit_code: str, spec: UploadSpec, found: Analysis
) -> Imprint:
    """Store a checked upload; earlier pending or rejected uploads of the type are superseded."""
    office.authority.actor(credit_code, who.serial, HOLDERS)
    now = office.now()
    imprint = Imprint(
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
    _supersede(office, credit_code, spec.seal_type, (PENDING, REJECTED), imprint.imprint_id, now)
    office.repo.add_imprint(imprint)
    return imprint


def imprints(office: SealOffice, credit_code: str) -> list[Imprint]:
    return office.repo.imprints_of(credit_code)


def pending(office: SealOffice) -> list[Imprint]:
    return office.repo.imprints_in_state(PENDING)


def imprint(office: SealOffice, imprint_id: str, *, lock: bool = False) -> Imprint:
    found = office.repo.get_imprint(imprint_id, lock=lock)
    if found is None:
        raise ApiError("unknown_imprint", "No imprint {id}", id=imprint_id)
    return found


def reject(office: SealOffice, imprint_id: str, *, reviewer: str, reason: str) -> Imprint:
    reason = " ".join(reason.split())
    if not reason or len(reason) > MAX_REASON:
        raise ApiError("reason_required", "A rejection needs a reason (1 to {n} characters)", n=MAX_REASON
        )
    found = _pending(office, imprint_id)
    found = replace(
        found, state=REJECTED, reason=reason, reviewed_by=reviewer, reviewed_at=office.now()
    )
    office.repo.put_imprint(found)
    return found


def approve(office: SealOffice, imprint_id: str, *, reviewer: str, keys: OfficeKeys) -> Seal:
    """Make the seal from the imprint, signed by the office; the imprint becomes the valid one."""
    found = _pending(office, imprint_id)
    now = office.now()
    seal_id = new_id("ES")
    name = _seal_name(office, found)
    der = make_seal(
        keys.key,
        keys.certificate,
        seal_id=seal_id,
        seal_type=TYPE_NUMBERS[found.seal_type],
        name=name,
        holders=holder_certificates(office, found.credit_code, now),
        valid_start=now,
        valid_end=now + SEAL_VALIDITY,
        picture_png=found.png,
        width_mm=found.width_mm,
        height_mm=found.height_mm,
        cert_list_type=CertListType.DIGESTS,
        clock=lambda: now,
    )
    _supersede(office, found.credit_code, found.seal_type, (APPROVED,), found.imprint_id, now)
    office.repo.put_imprint(replace(found, state=APPROVED, reviewed_by=reviewer, reviewed_at=now))
    seal = Seal(
        seal_id=seal_id,
        imprint_id=found.imprint_id,
        credit_code=found.credit_code,
        seal_type=found.seal_type,
        name=name,
        der=der,
        valid_start=now,
        valid_end=now + SEAL_VALIDITY,
        made_at=now,
        made_by=reviewer,
    )
    office.repo.add_seal(seal)
    return seal


def holder_certificates(office: SealOffice, credit_code: str, now: datetime) -> list[Certificate]:
    """The enterprise's usable legal-representative and manager licences, listed in the seal
    (as SM3 digests). Agents are not listed: they sign under a seal authorisation, and the seal's
    enterprise entry binds any licence of the enterprise (docs/formats/electronic-seal.md §3.3)."""
    found = [
        Certificate.load(licence.certificate_der)
        for licence in office.authority.repo.list_licences(credit_code)  # by issue time
        if licence.role in HOLDERS
        and licence.revoked_at is None
        and licence.not_before <= now <= licence.not_after
    ]
    if not found:
        raise ApiError("no_holder_licence",
            "The enterprise has no usable licence of its legal representative or a manager to list in the seal",
        )
    return found


def seals(office: SealOffice, credit_code: str) -> list[Seal]:
    return office.repo.seals_of(credit_code)


def seal(office: SealOffice, seal_id: str) -> Seal:
    found = office.repo.get_seal(seal_id)
    if found is None:
        raise ApiError("unknown_seal", "No seal {id}", id=seal_id)
    return found


def _seal_name(office: SealOffice, found: Imprint) -> str:
    enterprise = office.authority.enterprise(found.credit_code)
    if found.seal_type == "legal-representative":
        return f"{enterprise.legal_representative.name}印"
    return f"{enterprise.name}{load_catalogue()[found.seal_type].zh}"


def _pending(office: SealOffice, imprint_id: str) -> Imprint:
    found = imprint(office, imprint_id, lock=True)
    if found.state != PENDING:
        raise ApiError("not_pending",
            "Imprint {id} is {state}, not pending",
            id=imprint_id,
            state=found.state,
        )
    return found


def _supersede(
    office: SealOffice, credit_code: str, seal_type: str, states: tuple[str, ...], by: str,
    now: datetime,
) -> None:
    for older in office.repo.imprints_of_type(credit_code, seal_type, states):
        office.repo.put_imprint(
            replace(older, state=SUPERSEDED, superseded_by=by, superseded_at=now)
        )
