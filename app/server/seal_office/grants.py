"""Seal authorisations (印章授权) and the rule for collecting or using a seal.

The legal representative and managers may collect and use every seal of their enterprise. An
agent needs an authorisation for that seal covering the moment, unless the enterprise is
registered elsewhere (外地企业): its registration place starts with none of the service's
``seal_local_places`` (Settings; ``EBID_SEAL_LOCAL_PLACES``). With no local places configured,
no enterprise counts as registered elsewhere. The decision is the seal format's own
:class:`SealAuthorisationRule`, so the service and a verifier apply one rule.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ...core.errors import EbidError
from ...core.licence import DEFAULT_WINDOW, Person
from ...core.pki import parse_licence, to_utc_second
from ...core.seal.format import SealAuthorisation, SealAuthorisationRule, parse_seal
from ..errors import ApiError
from .office import SealOffice
from .records import HOLDERS, new_id
from .repository import Seal, SealGrant

if TYPE_CHECKING:
    from ..auth import Holder

def windows(office: SealOffice, seal_id: str, person_id: str) -> list[SealAuthorisation]:
    """Every authorisation of ``person_id`` for the seal, a revoked one cut just before its
    revocation (windows are inclusive to the second; a signature made while the authorisation
    was in force stays valid, and from the revocation's second on nothing is)."""
    found = []
    for row in office.repo.grants_for(seal_id, person_id):
        end = (
            min(row.end_at, row.revoked_at - timedelta(seconds=1)) if row.revoked_at else row.end_at
        )
        if end >= row.start_at:
            found.append(SealAuthorisation(seal_id, row.credit_code, person_id, row.start_at, end))
    return found


def require_use(office: SealOffice, who: Holder, seal: Seal) -> None:
    """403 unless ``who`` may collect or use ``seal`` now."""
    if who.credit_code != seal.credit_code:
        raise ApiError("wrong_enterprise", "The seal {id} belongs to another enterprise", id=seal.seal_id
        )
    rule = SealAuthorisationRule(
        windows(office, seal.seal_id, who.person_id), local_places=office.local_places
    )
    # A SealRefused (missing_seal_authorisation …) answers like any refusal: 403.
    rule(parse_seal(seal.der), parse_licence(who.certificate), office.now())


def grant(
    office: SealOffice,
    who: Holder,
    seal: Seal,
    *,
    name: str | None = None,
    id_number: str | None = None,
    person_id: str | None = None,
    start: datetime | None,
    end: datetime | None,
) -> SealGrant:
    """The legal representative or a manager authorises one of the enterprise's agents, named by
    name and ID number or by ``person_id`` (one the enterprise knows: a person id of another
    enterprise is ``unknown_person``)."""
    actor = office.authority.actor(seal.credit_code, who.serial, HOLDERS)
    if person_id is not None:
        person = office.authority.known_person(seal.credit_code, person_id)
        wanted = person.person
    else:
        try:
            wanted = Person(name or "", id_number or "", None)
        except EbidError as exc:
            raise ApiError("invalid_person", exc.template, **exc.params) from None
        person = office.authority.repo.find_person(wanted.id_number)
    # The same rule either way: an agent of one of the enterprise's authorisations.
    agents = {a.agent_person_id for a in office.authority.authorisations(seal.credit_code)}
    if person is None or person.person.name != wanted.name or person.person_id not in agents:
        raise ApiError("unknown_agent",
            "{name} is not an agent of this enterprise: authorise them as an agent first",
            name=wanted.name,
        )
    now = office.now()
    start_at = to_utc_second(start) if start else now
    end_at = to_utc_second(end) if end else start_at + DEFAULT_WINDOW
    if end_at <= start_at or end_at <= now:
        raise ApiError("bad_window", "The authorisation must end after it starts and after now"
        )
    record = SealGrant(
        authorisation_id=new_id("SA"),
        seal_id=seal.seal_id,
        credit_code=seal.credit_code,
        agent_person_id=person.person_id,
        granted_by=actor.person_id,
        start_at=start_at,
        end_at=end_at,
        created_at=now,
    )
    office.repo.add_grant(record)
    return record


def listed(office: SealOffice, who: Holder, credit_code: str) -> list[SealGrant]:
    office.authority.actor(credit_code, who.serial, HOLDERS)
    return office.repo.grants_of(credit_code)


def revoke(office: SealOffice, who: Holder, authorisation_id: str) -> SealGrant:
    row = office.repo.get_grant(authorisation_id)
    if row is None:
        raise ApiError("unknown_seal_authorisation", "No seal authorisation {id}", id=authorisation_id
        )
    office.authority.actor(row.credit_code, who.serial, HOLDERS)
    if row.revoked_at is None:  # revoking twice keeps the first time
        row = replace(row, revoked_at=office.now())
        office.repo.put_grant(row)
    return row


def status(row: SealGrant, now: datetime) -> str:
    if row.revoked_at is not None:
        return "revoked"
    if now < row.start_at:
        return "not_yet_valid"
    return "expired" if now > row.end_at else "active"
