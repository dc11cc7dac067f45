"""The seal office over HTTP: imprint uploads, their state and records, issued seals, collection
(领章) and seal authorisations. Every holder call is a signed request
(docs/protocols/request-signing.md); the review queue is on the server's command line and on the
review page (:mod:`.routes_review`)."""

from __future__ import annotations

import base64

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from ...core import gm
from ...core.pki import Role
from ..auth import Holder, authenticate, signed_parts
from ..context import ServiceContext
from ..deps import get_ctx, holder, request_target
from ..errors import ApiError
from . import grants as seal_grants
from . import records as seal_office
from .imprints import MAX_IMPRINT_BYTES, UploadSpec, analyse, check_catalogue, check_terms
from .keys import load_office_keys
from .schemas import (
    CollectedSeal,
    ImprintOut,
    RecordsOut,
    SealAuthorisationOut,
    SealAuthoriseIn,
    SealOut,
    UseRuleOut,
    Window,
)

router = APIRouter(prefix="/seal-office", tags=["seal office"])
CreditCode = Path(min_length=18, max_length=18, pattern=r"^[0-9A-Za-z]{18}$")
SealId = Path(min_length=1, max_length=64, pattern=r"^[!-~]+$")
ANYONE = (Role.LEGAL_REPRESENTATIVE, Role.MANAGER, Role.AGENT)


async def png_upload(request: Request) -> tuple[Holder, bytes]:
    """Signed request with a raw PNG body, read with a cap before anything is stored."""
    parts = signed_parts(request.method, request_target(request), request.headers)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_IMPRINT_BYTES:
        raise ApiError("imprint_too_large", "An imprint is at most {n} bytes", n=MAX_IMPRINT_BYTES
        )
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_IMPRINT_BYTES:
            raise ApiError("imprint_too_large", "An imprint is at most {n} bytes", n=MAX_IMPRINT_BYTES
            )
    digest = gm.sm3(bytes(body)).hex()
    who = await run_in_threadpool(authenticate, get_ctx(request), parts, request.headers, digest)
    return who, bytes(body)


@router.post("/enterprises/{credit_code}/imprints", response_model=ImprintOut, status_code=201)
def upload_imprint(
    credit_code: str = CreditCode,
    seal_type: str = Query(max_length=40),
    shape: str = Query(max_length=16),
    width_mm: int = Query(ge=1, le=200),
    height_mm: int = Query(ge=1, le=200),
    agree_terms: bool = Query(description="the enterprise agrees to the seal office's terms"),
    upload: tuple[Holder, bytes] = Depends(png_upload),
    ctx: ServiceContext = Depends(get_ctx),
):
    """Body: the imprint PNG (with alpha), signed like any request."""
    who, png = upload
    spec = UploadSpec(seal_type, shape, width_mm, height_mm, agree_terms, png)
    check_terms(spec)
    check_catalogue(spec)
    with ctx.unit() as u:  # the role first: a stranger learns nothing from the analysis
        u.authority.actor(credit_code.upper(), who.serial, seal_office.HOLDERS)
    found = analyse(spec)  # CPU work outside any transaction
    with ctx.unit() as u:
        return ImprintOut.of(seal_office.record_upload(u.seal_office, who, credit_code.upper(), spec, found))


@router.get("/enterprises/{credit_code}/imprints", response_model=list[ImprintOut])
def list_imprints(
    credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    with ctx.unit() as u:
        u.authority.actor(credit_code.upper(), who.serial, seal_office.HOLDERS)
        return [ImprintOut.of(r) for r in seal_office.imprints(u.seal_office, credit_code.upper())]


@router.get("/enterprises/{credit_code}/records", response_model=RecordsOut)
def records(credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    code = credit_code.upper()
    with ctx.unit() as u:
        u.authority.actor(code, who.serial, seal_office.HOLDERS)
        rows = seal_office.imprints(u.seal_office, code)
        return RecordsOut(
            valid=[ImprintOut.of(r) for r in rows if r.state == seal_office.APPROVED],
            superseded=[ImprintOut.of(r) for r in rows if r.state == seal_office.SUPERSEDED],
            seal_making=[SealOut.of(s) for s in seal_office.seals(u.seal_office, code)],
        )


@router.get("/enterprises/{credit_code}/seals", response_model=list[SealOut])
def list_seals(credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    with ctx.unit() as u:
        u.authority.actor(credit_code.upper(), who.serial, ANYONE)
        return [SealOut.of(s) for s in seal_office.seals(u.seal_office, credit_code.upper())]


@router.get("/seals/{seal_id}", response_model=CollectedSeal)
def collect(seal_id: str = SealId, who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    """领章: the seal itself, for a holder who may use it now (agents need a seal authorisation)."""
    with ctx.unit() as u:
        row = seal_office.seal(u.seal_office, seal_id)
        seal_grants.require_use(u.seal_office, who, row)
        out = SealOut.of(row).model_dump()
        return CollectedSeal(**out, seal=base64.b64encode(row.der).decode())


@router.post(
    "/seals/{seal_id}/authorisations", response_model=SealAuthorisationOut, status_code=201
)
def authorise(
    body: SealAuthoriseIn,
    seal_id: str = SealId,
    who: Holder = Depends(holder),
    ctx=Depends(get_ctx),
):
    with ctx.unit() as u:
        row = seal_grants.grant(
            u.seal_office,
            who,
            seal_office.seal(u.seal_office, seal_id),
            name=body.agent_name,
            id_number=body.agent_id_number,
            start=body.start,
            end=body.end,
        )
        return _authorisation(u, row)


@router.get(
    "/enterprises/{credit_code}/seal-authorisations", response_model=list[SealAuthorisationOut]
)
def list_authorisations(
    credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    with ctx.unit() as u:
        return [_authorisation(u, r) for r in seal_grants.listed(u.seal_office, who, credit_code.upper())]


@router.delete("/seal-authorisations/{authorisation_id}", response_model=SealAuthorisationOut)
def revoke_authorisation(
    authorisation_id: str = Path(max_length=40), who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    with ctx.unit() as u:
        return _authorisation(u, seal_grants.revoke(u.seal_office, who, authorisation_id))


@router.get("/seals/{seal_id}/use-rule/{person_id}", response_model=UseRuleOut)
def use_rule(seal_id: str = SealId, person_id: str = Path(max_length=40), ctx=Depends(get_ctx)):
    """Public, for verifiers of a sealed document: the signer's authorisation windows for the
    seal and the places the office serves. The signer's person id is in their certificate."""
    with ctx.unit() as u:
        seal_office.seal(u.seal_office, seal_id)
        found = seal_grants.windows(u.seal_office, seal_id, person_id)
    return UseRuleOut(
        seal_id=seal_id,
        person_id=person_id,
        local_places=list(ctx.settings.seal_local_places),
        windows=[Window(start=w.not_before, end=w.not_after) for w in found],
    )


@router.get("/certificate.pem", response_class=Response)
def office_certificate(ctx: ServiceContext = Depends(get_ctx)):
    cert = load_office_keys(ctx.settings.keys_dir).certificate
    return Response(cert.to_pem(), media_type="application/x-pem-file")


def _authorisation(u, row) -> SealAuthorisationOut:
    person = u.authority.repo.get_person(row.agent_person_id)
    name = person.person.name if person else ""
    return SealAuthorisationOut.of(row, name, seal_grants.status(row, u.authority.now()))
