"""Countersigning audit heads over HTTP (docs/protocols/audit-countersign.md); every request
signed by a holder's licence key (docs/protocols/request-signing.md).

The service keeps, per keystore id, the newest head it signed and the person it is bound to. It
refuses a head older than that one (seq or counter lower: the log was cut back or the file
restored from a copy) and another hash at the same seq (rewritten), so a rolled-back keystore
is caught at its next countersigning, and ``GET`` gives a verifier the newest head to compare."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Path

from ...core.audit import countersign_message
from ...core.wire.audit import AuditHead, AuditHeadIn
from ..auth import Holder
from ..context import ServiceContext
from ..deps import get_ctx, holder
from ..errors import ApiError
from .models import AuditHeadRecord

router = APIRouter(prefix="/audit", tags=["audit"])
Store = Path(pattern="^[0-9a-f]{32}$", description="the keystore's random id")


@router.post("/heads", response_model=AuditHead, status_code=201)
def countersign(body: AuditHeadIn, who: Holder = Depends(holder), ctx: ServiceContext = Depends(get_ctx)):
    now = ctx.now()
    with ctx.session() as s:
        row = s.get(AuditHeadRecord, body.store, with_for_update=True)
        if row is not None:
            _check_newer(row, body, who)
        signature = ctx.keys.authority.key.sign(
            countersign_message(body.store, body.seq, bytes.fromhex(body.head), body.counter, now))
        if row is None:
            row = AuditHeadRecord(store=body.store, person_id=who.person_id)
            s.add(row)
        row.seq, row.head, row.counter, row.at, row.signature = body.seq, body.head, body.counter, now, signature
        return _answer(row)


@router.get("/heads/{store}", response_model=AuditHead)
def newest(store: str = Store, who: Holder = Depends(holder), ctx: ServiceContext = Depends(get_ctx)):
    with ctx.session() as s:
        row = s.get(AuditHeadRecord, store)
        if row is None or row.person_id != who.person_id:
            raise ApiError("unknown_audit_head", "No audit head of this keystore was countersigned for you")
        return _answer(row)


def _check_newer(row: AuditHeadRecord, body: AuditHeadIn, who: Holder) -> None:
    if row.person_id != who.person_id:
        raise ApiError("audit_log_of_another", "This keystore's audit log is countersigned for another holder")
    if body.seq < row.seq or body.counter < row.counter:
        raise ApiError(
            "audit_log_cut_back",
            "The service countersigned head {seq} (counter {counter}) of this audit log; this head is "
            "older: the log was cut back or the keystore restored from an older copy",
            seq=row.seq, counter=row.counter)
    if body.seq == row.seq and body.head != row.head:
        raise ApiError("audit_head_differs",
                       "The service countersigned another entry {seq} of this audit log: the log was rewritten",
                       seq=row.seq)


def _answer(row: AuditHeadRecord) -> AuditHead:
    return AuditHead(store=row.store, seq=row.seq, head=row.head, counter=row.counter, at=row.at,
                     signature=row.signature)
