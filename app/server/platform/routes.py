"""The e-bidding platform over HTTP: projects (public), bid upload and receipts, the opening,
and the encryption-key registry (all signed by a holder's licence key)."""

from __future__ import annotations

import base64
import binascii

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from ...core import gm
from ...core.bidx.naming import safe_file_name
from ...core.wire import KeyIn, Project, Receipt, RegisteredKey
from ..auth import Holder, authenticate, signed_parts
from ..context import ServiceContext
from ..deps import get_ctx, holder, request_target
from ..errors import ApiError
from . import repository
from .rules import store_submission
from .tasks.uploads import check_upload_task
from .upload import check_declared_size, receive

router = APIRouter(prefix="/platform", tags=["platform"])
Code = Path(min_length=1, max_length=64)

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.get("/certificate.pem", response_class=Response)
def platform_certificate(ctx: ServiceContext = Depends(get_ctx)):
    return Response(ctx.keys.platform_cert.to_pem(), media_type="application/x-pem-file")


@router.get("/projects", response_model=list[Project])
def projects(ctx: ServiceContext = Depends(get_ctx)):
    with ctx.unit() as u:
        return [_project(p) for p in u.platform.projects()]


@router.get("/projects/{code}", response_model=Project)
def project(code: str = Code, ctx: ServiceContext = Depends(get_ctx)):
    with ctx.unit() as u:
        return _project(u.platform.project(code))


@router.post(
    "/projects/{code}/sections/{section}/bids",
    response_model=Receipt,
    status_code=201,
    openapi_extra=_UPLOAD_BODY,
)
async def submit_bid(
    request: Request,
    code: str = Code,
    section: str = Path(min_length=1, max_length=64),
    name: str = Query(min_length=1, max_length=255, description="the file's name"),
    signature: str = Query(max_length=200, description="base64url DER SM2 signature over the file"),
    task: str | None = Query(None, max_length=40, pattern=r"^[A-Za-z0-9_-]+$",
                             description="the encrypt task (QR) this upload answers, if any"),
):
    """Body: the BIDX file, streamed. The request is signed like any other (its body digest is
    the file's SM3); ``signature`` is the bidder's detached signature over the file."""
    ctx: ServiceContext = get_ctx(request)
    check_declared_size(request, ctx.settings.max_upload_bytes)
    if safe_file_name(name, "") != name:  # every receiver reduces it too; refuse it at the door
        raise ApiError("bad_file_name", "A bid file's name must be a plain file name: no folder, "
                       "no control, bidi or reserved character, not hidden, at most 240 bytes")
    parts = signed_parts(request.method, request_target(request), request.headers)
    who = await run_in_threadpool(authenticate, ctx, parts, request.headers, None)
    await run_in_threadpool(_check_may_submit, ctx, who, code, section)
    if task is not None:  # bound to an upload page's encrypt task (tasks/uploads.py)
        await run_in_threadpool(check_upload_task, ctx, task, who, code, section)
    incoming = await receive(
        request, ctx.settings.incoming_dir, limit=ctx.settings.max_upload_bytes,
        signer=who.public_key, signature=_b64url(signature), signed_sm3=parts.content_sm3,
    )
    try:
        found = await run_in_threadpool(
            store_submission, ctx, who, code, section, name, _b64url(signature), incoming, task
        )
    finally:
        incoming.discard()  # moved into place on success; removed on any refusal
    return _receipt(found)


def _check_may_submit(ctx: ServiceContext, who: Holder, code: str, section: str) -> None:
    with ctx.unit() as u:
        u.platform.check_may_submit(who, code, section)


@router.get("/submissions", response_model=list[Receipt])
def submissions(who: Holder = Depends(holder), ctx: ServiceContext = Depends(get_ctx)):
    with ctx.unit() as u:
        return [_receipt(r) for r in u.platform.submissions_of(who)]


@router.get("/submissions/{submission_id}/file", response_class=FileResponse)
def fetch_bid(
    submission_id: str = Path(max_length=40), who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    with ctx.unit() as u:
        found = u.platform.openable_submission(who, submission_id)
        path = u.platform.bid_path(found.submission_id)
    return FileResponse(path, media_type="application/octet-stream")


@router.post("/keys", response_model=RegisteredKey, status_code=201)
def apply_for_key(body: KeyIn, who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    try:
        der = base64.b64decode(body.public_key, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError("malformed_key", "The public key is not base64") from None
    with ctx.unit() as u:
        return _key(u.platform.register_key(who, body.label, der))


@router.get("/keys", response_model=list[RegisteredKey])
def list_keys(who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    with ctx.unit() as u:
        return [_key(k) for k in u.platform.keys_of(who)]


def _b64url(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise ApiError("malformed_signature", "The bid signature is not base64url") from None


def _project(p: repository.Project) -> Project:
    return Project(
        code=p.code, name=p.name, tenderee=p.tenderee, sections=tuple(p.sections),
        bid_deadline=p.bid_deadline, opening_time=p.opening_time,
    )


def _receipt(r: repository.Submission) -> Receipt:
    return Receipt(
        submission_id=r.submission_id, project=r.project_code, section=r.section, file_name=r.file_name,
        size=r.size, sm3=r.sm3, received_at=r.received_at, receipt=r.receipt,
        signature=r.receipt_signature,
    )


def _key(k: repository.EncryptionKey) -> RegisteredKey:
    public = gm.public_key_to_der(gm.SM2PublicKey.from_bytes(k.public_key))
    return RegisteredKey(
        key_id=k.key_id, label=k.label, person_id=k.person_id, serial=k.serial,
        public_key=public, created_at=k.created_at,
    )
