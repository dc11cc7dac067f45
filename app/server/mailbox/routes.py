"""The mailbox over HTTP (docs/protocols/key-backup.md §4); every request signed by a holder's
licence key (docs/protocols/request-signing.md)."""

from __future__ import annotations

import base64
import binascii

from fastapi import APIRouter, Depends, Path, Query, Response

from ...core.wire import BackupIn, BackupState, Candidates, KeyRecord, MessageIn, MessageMeta
from ..auth import Holder
from ..context import ServiceContext
from ..deps import get_ctx, holder
from ..errors import ApiError
from .repository import BackupRecord, Message

router = APIRouter(prefix="/mailbox", tags=["mailbox"])
KeyId = Query(min_length=1, max_length=40, description="registry id of one of your keys")


@router.post("/messages", response_model=MessageMeta, status_code=201)
def post_message(body: MessageIn, who: Holder = Depends(holder), ctx: ServiceContext = Depends(get_ctx)):
    raw = _b64(body.frame)
    with ctx.unit() as u:
        return _meta(u.mailbox.post(who, raw), True)


@router.get("/messages", response_model=list[MessageMeta])
def inbox(key: str = KeyId, who: Holder = Depends(holder), ctx: ServiceContext = Depends(get_ctx)):
    with ctx.unit() as u:
        return [_meta(m, addressed) for m, addressed in u.mailbox.inbox(who, key)]


@router.get("/messages/{message_id}", response_model=MessageMeta)
def message(message_id: str = Path(min_length=1, max_length=40), who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    with ctx.unit() as u:
        return _meta(*u.mailbox.message(who, message_id))


@router.delete("/messages/{message_id}", status_code=204, response_class=Response)
def delete_message(message_id: str = Path(min_length=1, max_length=40), who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    with ctx.unit() as u:
        u.mailbox.delete(who, message_id)
    return Response(status_code=204)


@router.get("/records", response_model=Candidates)
def candidates(key: str = KeyId, who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    with ctx.unit() as u:
        return u.mailbox.candidates(who, key)


@router.get("/records/{record_id}", response_model=KeyRecord)
def record(record_id: str = Path(min_length=1, max_length=40), who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    with ctx.unit() as u:
        return u.mailbox.record(who, record_id)


@router.post("/backups", response_model=BackupState, status_code=201)
def record_backup(body: BackupIn, who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    proof = _b64(body.proof)
    with ctx.unit() as u:
        found = u.mailbox.record_backup(who, body.key_id, body.holder_key, body.package_id, proof)
        return _state(found, "verified")


@router.get("/backups", response_model=list[BackupState])
def backups(key: str = KeyId, who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    with ctx.unit() as u:
        return [_state(b, status.value) for b, status in u.mailbox.backups(who, key)]


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError("malformed_message", "Not a valid key-backup message: {detail}",
                       detail="not base64") from None


def _meta(m: Message, addressed: bool) -> MessageMeta:
    return MessageMeta(
        message_id=m.message_id, kind=m.kind, sender_serial=m.sender_serial,
        sender_name=m.sender_name, recipient_key=m.recipient_key, subject=m.subject,
        reply_to=m.reply_to, size=m.size, created_at=m.created_at, expires_at=m.expires_at,
        deliver_after=m.deliver_after, addressed=addressed, frame=m.frame,
    )


def _state(b: BackupRecord, status: str) -> BackupState:
    state = "verified" if status == "active" else status
    return BackupState(
        key_id=b.key_id, holder_key=b.holder_key, holder_name=b.holder_name,
        holder_role=b.holder_role, holder_serial=b.holder_serial, package_id=b.package_id,
        verified_at=b.verified_at, state=state, counts=state == "verified",
    )
