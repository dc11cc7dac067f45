"""Issuing a licence copy: proof of possession, freshness, real-name check, then the grant the
person downloads under (legal representative, manager or agent), then the certificate.

Rules enforced here: the legal representative makes the enterprise's first download; a
manager downloads while they are a manager; an agent downloads under an authorisation that
has not ended and is not revoked (one that has not started yet may be downloaded: the
certificate's notBefore is its start, so it cannot be used before then).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..pki import Certificate, LicenceTerms, Mode, Role, make_licence, parse_licence
from .errors import BadRequest, Conflict, LicenceRefused, NotAuthorised, RealNameFailed
from .model import Enterprise, IssuedLicence, PersonRecord, Status
from .realname import RealNameCheck, RealNameClaim
from .request import LicenceRequest, open_signed_request

if TYPE_CHECKING:
    from .authority import Authority

MAX_CLOCK_SKEW = timedelta(minutes=5)
HOLDER_VALIDITY = timedelta(days=365)  # legal representatives' and managers' copies
LEGAL_REP_GRANT = "legal-representative"


class Issuer:
    def __init__(self, authority: Authority, real_name: RealNameCheck) -> None:
        self.authority = authority
        self.real_name = real_name

    def issue(self, signed_request: bytes, evidence: dict[str, bytes]) -> IssuedLicence:
        request = open_signed_request(signed_request)
        self._check_fresh(request)
        enterprise = self.authority.enterprise(request.credit_code)
        person = self._verify_person(request, enterprise, evidence)
        terms = self._terms_for(request, enterprise, person)
        return self._sign_and_store(terms, request)

    def _check_fresh(self, request: LicenceRequest) -> None:
        now = self.authority.now()
        if abs(now - request.requested_at) > MAX_CLOCK_SKEW:
            raise BadRequest(
                "stale_licence_request",
                "The licence request was made at {at}: check the device clock",
                at=request.requested_at.isoformat(),
            )
        if not self.authority.repo.claim_nonce(
            request.nonce, request.requested_at + MAX_CLOCK_SKEW, now
        ):
            raise Conflict("replayed_licence_request", "This licence request was already used")

    def _verify_person(
        self, request: LicenceRequest, enterprise: Enterprise, evidence: dict[str, bytes]
    ) -> PersonRecord:
        record = self.authority.repo.find_person(request.id_number.strip().upper())
        if record is None:
            raise RealNameFailed(
                "identity_mismatch", "The name and ID number do not match the registered person"
            )
        claim = RealNameClaim(
            request.holder_name, request.id_number, request.registration_place, evidence
        )
        self.real_name.verify(claim, record.person, enterprise)
        return record

    def _terms_for(
        self, request: LicenceRequest, enterprise: Enterprise, person: PersonRecord
    ) -> LicenceTerms:
        now = self.authority.now()
        if (
            person.person.id_number == enterprise.legal_representative.id_number
            and not request.authorisation_id
        ):
            return _terms(
                enterprise,
                person,
                Role.LEGAL_REPRESENTATIVE,
                Mode.ALL_BUSINESS,
                LEGAL_REP_GRANT,
                person.person_id,
                (),
                now,
                now + HOLDER_VALIDITY,
            )
        if not self._first_download_done(enterprise):
            raise LicenceRefused(
                "first_download_by_legal_representative",
                "The legal representative must download the licence first",
            )
        if not request.authorisation_id:
            manager = next(
                (
                    m
                    for m in self.authority.repo.list_managers(enterprise.credit_code)
                    if m.person_id == person.person_id
                ),
                None,
            )
            if manager is not None:
                return _terms(
                    enterprise,
                    person,
                    Role.MANAGER,
                    Mode.ALL_BUSINESS,
                    manager.manager_id,
                    manager.added_by,
                    (),
                    now,
                    now + HOLDER_VALIDITY,
                )
        return self._agent_terms(request, enterprise, person)

    def _first_download_done(self, enterprise: Enterprise) -> bool:
        return any(
            lic.role is Role.LEGAL_REPRESENTATIVE
            for lic in self.authority.repo.list_licences(enterprise.credit_code)
        )

    def _agent_terms(
        self, request: LicenceRequest, enterprise: Enterprise, person: PersonRecord
    ) -> LicenceTerms:
        now = self.authority.now()
        grants = [
            a
            for a in self.authority.repo.list_authorisations(enterprise.credit_code)
            if a.agent_person_id == person.person_id
        ]
        if request.authorisation_id:
            grants = [a for a in grants if a.authorisation_id == request.authorisation_id]
            if grants and grants[0].status(now) in (Status.EXPIRED, Status.REVOKED):
                status = grants[0].status(now).value
                raise NotAuthorised(
                    status, "The authorisation is {status} and cannot be downloaded", status=status
                )
        usable = [a for a in grants if a.status(now) in (Status.ACTIVE, Status.NOT_YET_VALID)]
        if not usable:
            raise LicenceRefused(
                "no_authorisation",
                "{name} holds no current authorisation from {enterprise}",
                name=person.person.name,
                enterprise=enterprise.name,
            )
        if len(usable) > 1:
            raise Conflict(
                "choose_authorisation",
                "{name} holds several authorisations: choose one",
                name=person.person.name,
            )
        grant = usable[0]
        matters = tuple(self.authority.catalogue.get(code).ref() for code in grant.matters)
        return _terms(
            enterprise,
            person,
            Role.AGENT,
            grant.mode,
            grant.authorisation_id,
            grant.granted_by,
            matters,
            grant.start,
            grant.end,
        )

    def _sign_and_store(self, terms: LicenceTerms, request: LicenceRequest) -> IssuedLicence:
        keys = self.authority.keys
        cert = make_licence(terms, request.device_public_key, root=keys.root, root_key=keys.key)
        issued = IssuedLicence(
            serial=cert.serial,
            credit_code=terms.credit_code,
            person_id=terms.person_id,
            role=terms.role,
            grant_id=terms.authorisation_id,
            certificate_der=cert.der,
            not_before=cert.not_before,
            not_after=cert.not_after,
            issued_at=self.authority.now(),
        )
        self.authority.repo.put_licence(issued)
        return issued

    @staticmethod
    def terms_of(licence: IssuedLicence) -> LicenceTerms:
        return parse_licence(Certificate.load(licence.certificate_der)).terms


def _terms(
    enterprise: Enterprise,
    person: PersonRecord,
    role: Role,
    mode: Mode,
    grant_id: str,
    granted_by: str,
    matters,
    start: datetime,
    end: datetime,
) -> LicenceTerms:
    return LicenceTerms(
        credit_code=enterprise.credit_code,
        enterprise_name=enterprise.name,
        registration_place=enterprise.registration_place,
        holder_name=person.person.name,
        person_id=person.person_id,
        masked_id_number=person.person.masked_id_number,
        role=role,
        mode=mode,
        authorisation_id=grant_id,
        granted_by=granted_by,
        matters=tuple(matters),
        not_before=start,
        not_after=end,
    )
