"""The seal office over HTTP: imprint uploads, their state and records, issued seals, collection
(领章) and seal authorisations. Every holder call is a signed request
(docs/protocols/request-signing.md); the review queue is on the server's command line and on the
review page (:mod:`.routes_review`)."""

from __future__ import annotations

import json

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from ...core import gm
from ...core.pki import Role
from ...core.seal.format import revocations
from ...core.wire import (
    CollectedSeal,
    Imprint,
    Precheck,
    Seal,
    SealAuthoriseIn,
    SealGrant,
    SealRecords,
    UseRule,
    Window,
)
from ..auth import Holder, authenticate, signed_parts
from ..context import ServiceContext
from ..deps import get_ctx, holder, request_target
from ..errors import ApiError
from . import grants as seal_grants
from . import records as seal_office
from . import repository
from .imprints import MAX_IMPRINT_BYTES, UploadSpec, analyse, check_catalogue, check_terms
from .keys import load_office_keys

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


@router.post("/enterprises/{credit_code}/imprints", response_model=Imprint, status_code=201)
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
        return _imprint(seal_office.record_upload(u.seal_office, who, credit_code.upper(), spec, found))


@router.get("/enterprises/{credit_code}/imprints", response_model=list[Imprint])
def list_imprints(
    credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    with ctx.unit() as u:
        u.authority.actor(credit_code.upper(), who.serial, seal_office.HOLDERS)
        return [_imprint(r) for r in seal_office.imprints(u.seal_office, credit_code.upper())]


@router.get("/enterprises/{credit_code}/records", response_model=SealRecords)
def records(credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    code = credit_code.upper()
    with ctx.unit() as u:
        u.authority.actor(code, who.serial, seal_office.HOLDERS)
        rows = seal_office.imprints(u.seal_office, code)
        return SealRecords(
            valid=[_imprint(r) for r in rows if r.state == seal_office.APPROVED],
            superseded=[_imprint(r) for r in rows if r.state == seal_office.SUPERSEDED],
            seal_making=[_seal(s) for s in seal_office.seals(u.seal_office, code)],
        )


@router.get("/enterprises/{credit_code}/seals", response_model=list[Seal])
def list_seals(credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    with ctx.unit() as u:
        u.authority.actor(credit_code.upper(), who.serial, ANYONE)
        return [_seal(s) for s in seal_office.seals(u.seal_office, credit_code.upper())]


@router.get("/seals/{seal_id}", response_model=CollectedSeal)
def collect(seal_id: str = SealId, who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    """领章: the seal itself, for a holder who may use it now (agents need a seal authorisation)."""
    with ctx.unit() as u:
        row = seal_office.seal(u.seal_office, seal_id)
        seal_grants.require_use(u.seal_office, who, row)
        return CollectedSeal(**_seal(row).model_dump(), seal=row.der)


@router.post(
    "/seals/{seal_id}/authorisations", response_model=SealGrant, status_code=201
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
            person_id=body.person_id,
            start=body.start,
            end=body.end,
        )
        return _authorisation(u, row)


@router.get(
    "/enterprises/{credit_code}/seal-authorisations", response_model=list[SealGrant]
)
def list_authorisations(
    credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    with ctx.unit() as u:
        return [_authorisation(u, r) for r in seal_grants.listed(u.seal_office, who, credit_code.upper())]


@router.delete("/seal-authorisations/{authorisation_id}", response_model=SealGrant)
def revoke_authorisation(
    authorisation_id: str = Path(max_length=40), who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    with ctx.unit() as u:
        return _authorisation(u, seal_grants.revoke(u.seal_office, who, authorisation_id))


@router.get("/seals/{seal_id}/use-rule/{person_id}", response_model=UseRule)
def use_rule(seal_id: str = SealId, person_id: str = Path(max_length=40), ctx=Depends(get_ctx)):
    """Public, for verifiers of a sealed document: the signer's authorisation windows for the
    seal and the places the office serves. The signer's person id is in their certificate."""
    with ctx.unit() as u:
        seal_office.seal(u.seal_office, seal_id)
        found = seal_grants.windows(u.seal_office, seal_id, person_id)
    return UseRule(
        seal_id=seal_id,
        person_id=person_id,
        local_places=list(ctx.settings.seal_local_places),
        windows=[Window(start=w.not_before, end=w.not_after) for w in found],
    )


@router.get("/revoked-authorisations", response_class=Response,
            responses={200: {"content": {revocations.MEDIA_TYPE: {}},
                             "description": "The signed list of revoked seal authorisations (DER)"}})
def revoked_authorisations(ctx=Depends(get_ctx)):
    """Public: every revoked seal authorisation, signed by the office's key now, valid a day
    (docs/formats/electronic-seal.md §6). Verifiers check it as they check the CRL."""
    keys = load_office_keys(ctx.settings.keys_dir)
    with ctx.unit() as u:
        revoked = [revocations.RevokedAuthorisation(g.authorisation_id, g.seal_id, g.agent_person_id,
                                                    g.start_at, g.revoked_at)
                   for g in u.seal_office.repo.revoked_grants()]
    der = revocations.make_revocations(revoked, key=keys.key, certificate=keys.certificate,
                                       this_update=ctx.now())
    return Response(der, media_type=revocations.MEDIA_TYPE)


@router.get("/certificate.pem", response_class=Response)
def office_certificate(ctx: ServiceContext = Depends(get_ctx)):
    cert = load_office_keys(ctx.settings.keys_dir).certificate
    return Response(cert.to_pem(), media_type="application/x-pem-file")


def _imprint(row: repository.Imprint) -> Imprint:
    found = json.loads(row.precheck)
    return Imprint(
        imprint_id=row.imprint_id,
        credit_code=row.credit_code,
        seal_type=row.seal_type,
        shape=row.shape,
        width_mm=row.width_mm,
        height_mm=row.height_mm,
        width_px=row.width_px,
        height_px=row.height_px,
        dpi=row.dpi,
        state=row.state,
        reason=row.reason,
        uploaded_at=row.uploaded_at,
        reviewed_at=row.reviewed_at,
        superseded_by=row.superseded_by,
        superseded_at=row.superseded_at,
        precheck=Precheck(passed=row.precheck_passed, **found),
    )


def _seal(row: repository.Seal) -> Seal:
    return Seal(
        seal_id=row.seal_id,
        imprint_id=row.imprint_id,
        credit_code=row.credit_code,
        seal_type=row.seal_type,
        name=row.name,
        valid_start=row.valid_start,
        valid_end=row.valid_end,
        made_at=row.made_at,
        made_by=row.made_by,
    )


def _authorisation(u, row: repository.SealGrant) -> SealGrant:
    person = u.authority.repo.get_person(row.agent_person_id)
    return SealGrant(
        authorisation_id=row.authorisation_id,
        seal_id=row.seal_id,
        agent_person_id=row.agent_person_id,
        agent_name=person.person.name if person else "",
        start=row.start_at,
        end=row.end_at,
        status=seal_grants.status(row, u.authority.now()),
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )
