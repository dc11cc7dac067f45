"""The registration authority over HTTP: public look-ups, licence issuance, and the actions a
holder signs (managers, agent authorisations, revocation)."""

from __future__ import annotations

import base64
import binascii

from fastapi import APIRouter, Depends, Path, Query, Response

from ...core.licence import Person, PersonRef, Status, validate_mobile
from ...core.licence.demo import DEMO_ENTERPRISES
from ...core.pki import Mode, Role, crl_to_pem
from ...core.wire import (
    Authorisation,
    AuthoriseIn,
    Enterprise,
    KnownPerson,
    Licence,
    LicenceDownload,
    Manager,
    Matter,
    PersonIn,
    Places,
    Revoked,
    RevokeIn,
)
from ..auth import Holder
from ..context import ServiceContext
from ..deps import get_ctx, holder
from ..errors import ApiError

router = APIRouter(prefix="/authority", tags=["authority"])
CreditCode = Path(min_length=18, max_length=18, pattern=r"^[0-9A-Za-z]{18}$")
HOLDERS = (Role.LEGAL_REPRESENTATIVE, Role.MANAGER)


@router.get("/places", response_model=Places)
def places(ctx: ServiceContext = Depends(get_ctx)):
    with ctx.unit() as u:
        found = {e.registration_place for e in u.authority.repo.list_enterprises()}
    return Places(places=sorted(found))


@router.get("/matters", response_model=list[Matter])
def matters(ctx: ServiceContext = Depends(get_ctx)):
    with ctx.unit() as u:
        return [Matter(code=m.code, zh=m.zh, en=m.en) for m in u.authority.catalogue]


_DEMO_CODES = frozenset(d.enterprise.credit_code for d in DEMO_ENTERPRISES)


def _enterprise(e) -> Enterprise:
    return Enterprise(credit_code=e.credit_code, name=e.name, registration_place=e.registration_place,
                      demo=e.credit_code in _DEMO_CODES)


@router.get("/enterprises", response_model=list[Enterprise])
def enterprises_at(place: str = Query(min_length=1, max_length=100), ctx: ServiceContext = Depends(get_ctx)):
    """The enterprises registered at ``place`` (public registry data: name and credit code), so
    the download guide offers them instead of asking for an 18-character code."""
    with ctx.unit() as u:
        found = [e for e in u.authority.repo.list_enterprises() if e.registration_place == place]
    return [_enterprise(e) for e in sorted(found, key=lambda e: (e.name, e.credit_code))]


@router.get("/enterprises/{credit_code}", response_model=Enterprise)
def enterprise(credit_code: str = CreditCode, ctx: ServiceContext = Depends(get_ctx)):
    with ctx.unit() as u:
        e = u.authority.enterprise(credit_code)
    return _enterprise(e)


@router.get("/root.pem", response_class=Response)
def root_certificate(ctx: ServiceContext = Depends(get_ctx)):
    return Response(ctx.keys.authority.root.to_pem(), media_type="application/x-pem-file")


@router.get("/crl.pem", response_class=Response)
def revocation_list(ctx: ServiceContext = Depends(get_ctx)):
    # The CRL in force, re-signed only when revocations change or nextUpdate nears (crl.py).
    with ctx.session() as s:
        der = ctx.crl.current(s, ctx.now())
    return Response(crl_to_pem(der), media_type="application/x-pem-file")


@router.post("/licences", response_model=Licence, status_code=201)
def issue_licence(body: LicenceDownload, ctx: ServiceContext = Depends(get_ctx)):
    try:
        der = base64.b64decode(body.request, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError("malformed_request", "The licence request is not base64") from None
    # The phone goes to the real-name plug-in as evidence; the default check ignores it.
    evidence = {"mobile": validate_mobile(body.phone).encode()} if body.phone else {}
    with ctx.unit() as u:
        issued = u.authority.issue_licence(der, evidence=evidence)
    return Licence(
        serial=format(issued.serial, "x"),
        certificate=issued.certificate_der,
        role=issued.role.value,
        not_before=issued.not_before,
        not_after=issued.not_after,
    )


@router.get("/enterprises/{credit_code}/managers", response_model=list[Manager])
def list_managers(
    credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    with ctx.unit() as u:
        u.authority.actor(credit_code.upper(), who.serial, HOLDERS)
        return [_manager(u, m) for m in u.authority.managers(credit_code.upper())]


@router.post("/enterprises/{credit_code}/managers", response_model=Manager, status_code=201)
def add_manager(
    body: PersonIn, credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    person = _person(body)
    with ctx.unit() as u:
        # The limit of five managers is checked, then written: lock the enterprise first so two
        # concurrent additions cannot both see four (repository.lock_enterprise).
        u.authority.repo.lock_enterprise(credit_code.upper())
        record = u.authority.add_manager(credit_code.upper(), person, by=who.serial)
        return _manager(u, record)


@router.delete("/enterprises/{credit_code}/managers/{person_id}", response_model=Revoked)
def remove_manager(
    person_id: str = Path(max_length=40),
    credit_code: str = CreditCode,
    who: Holder = Depends(holder),
    ctx=Depends(get_ctx),
):
    with ctx.unit() as u:
        revoked = u.authority.remove_manager(credit_code.upper(), person_id, by=who.serial)
    return Revoked(revoked=[format(s, "x") for s in revoked])


@router.get("/enterprises/{credit_code}/authorisations", response_model=list[Authorisation])
def list_authorisations(
    credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    with ctx.unit() as u:
        u.authority.actor(credit_code.upper(), who.serial, HOLDERS)
        now = u.authority.now()
        return [_authorisation(u, a, now) for a in u.authority.authorisations(credit_code.upper())]


@router.get("/enterprises/{credit_code}/people", response_model=list[KnownPerson])
def list_people(credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)):
    """The managers and agents the enterprise's holders entered, so the app offers them when
    authorising (the same callers as the managers' and authorisations' lists)."""
    code = credit_code.upper()
    with ctx.unit() as u:
        u.authority.actor(code, who.serial, HOLDERS)
        return _known_people(u, code)


@router.post(
    "/enterprises/{credit_code}/authorisations", response_model=Authorisation, status_code=201
)
def authorise(
    body: AuthoriseIn, credit_code: str = CreditCode, who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    agent = _person(body)
    with ctx.unit() as u:
        grant = u.authority.authorise_agent(
            credit_code.upper(), agent, by=who.serial, mode=Mode(body.mode),
            matters=body.matters, start=body.start, end=body.end,
        )
        return _authorisation(u, grant, u.authority.now())


@router.delete("/authorisations/{authorisation_id}", response_model=Revoked)
def revoke_authorisation(
    authorisation_id: str = Path(max_length=40), who: Holder = Depends(holder), ctx=Depends(get_ctx)
):
    with ctx.unit() as u:
        revoked = u.authority.revoke_authorisation(authorisation_id, by=who.serial)
    return Revoked(revoked=[format(s, "x") for s in revoked])


@router.post("/licences/{serial}/revoke", response_model=Revoked)
def revoke_licence(
    body: RevokeIn,
    serial: str = Path(pattern=r"^[0-9a-f]{1,40}$"),
    who: Holder = Depends(holder),
    ctx=Depends(get_ctx),
):
    with ctx.unit() as u:
        u.authority.revoke_licence(int(serial, 16), by=who.serial, reason=body.reason)
    return Revoked(revoked=[serial])


def _person(body: PersonIn) -> Person | PersonRef:
    """Who the body names: a known person by id (checked against the enterprise by the rules),
    or a person stated in full."""
    if body.person_id is not None:
        return PersonRef(body.person_id)
    return Person(body.name, body.id_number, body.phone)


def _manager(u, record) -> Manager:
    person = u.authority.repo.get_person(record.person_id)
    return Manager(
        manager_id=record.manager_id,
        person_id=record.person_id,
        name=person.person.name if person else "",
        masked_id_number=person.person.masked_id_number if person else "",
        added_at=record.added_at,
    )


def _known_people(u, credit_code: str) -> list[KnownPerson]:
    roles: dict[str, set[str]] = {}
    latest: dict[str, object] = {}
    for m in u.authority.managers(credit_code):
        roles.setdefault(m.person_id, set()).add(Role.MANAGER.value)
    for a in u.authority.authorisations(credit_code):
        roles.setdefault(a.agent_person_id, set()).add(Role.AGENT.value)
        if a.agent_person_id not in latest or a.start > latest[a.agent_person_id]:
            latest[a.agent_person_id] = a.start
    people = []
    for person_id, held in roles.items():
        record = u.authority.repo.get_person(person_id)
        if record is None:
            continue
        p = record.person
        people.append(KnownPerson(
            person_id=person_id, name=p.name, masked_id_number=p.masked_id_number,
            roles=tuple(r for r in (Role.MANAGER.value, Role.AGENT.value) if r in held),
            last_authorised=latest.get(person_id),
        ))
    return sorted(people, key=lambda k: (k.name, k.person_id))


def _authorisation(u, grant, now) -> Authorisation:
    person = u.authority.repo.get_person(grant.agent_person_id)
    return Authorisation(
        authorisation_id=grant.authorisation_id,
        agent_person_id=grant.agent_person_id,
        agent_name=person.person.name if person else "",
        mode=grant.mode.value,
        matters=tuple(grant.matters),
        start=grant.start,
        end=grant.end,
        status=Status(grant.status(now)).value,
        revoked_at=grant.revoked_at,
    )
