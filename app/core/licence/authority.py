"""The registration authority: registry, real-name checks, licence issuance, managers,
agent authorisations (rules in :mod:`.grants`) and revocation. No HTTP, no storage details:
the service wraps it.

Who acts is identified by the serial of a licence they hold (the service authenticates the call
with that licence's key); that licence must be active, for the same enterprise, in the right role.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from .. import gm
from ..pki import Certificate, Clock, LicenceTerms, Role, make_root, system_clock, to_utc_second
from ..pki.crl import REASONS, Revocation, make_crl
from .check import Decision, check_use
from .errors import BadRequest, Conflict, LicenceRefused, NotFound
from .grants import GrantRules
from .issuance import Issuer
from .matters import MatterCatalogue, default_catalogue
from .model import (
    Enterprise,
    IssuedLicence,
    Person,
    PersonRecord,
    Status,
    new_id,
)
from .realname import RealNameCheck, RegistryRealNameCheck
from .repository import AuthorityRepository

# Who may act, in words: the refusal names the roles a user recognises, not their codes.
_ROLE_MESSAGES = {
    frozenset({Role.LEGAL_REPRESENTATIVE}): "Only the legal representative may do this",
    frozenset({Role.LEGAL_REPRESENTATIVE, Role.MANAGER}):
        "Only the legal representative or a licence manager may do this",
}


@dataclass(frozen=True)
class AuthorityKeys:
    root: Certificate
    key: gm.SM2PrivateKey

    @classmethod
    def create(cls, common_name: str, *, not_before: datetime) -> AuthorityKeys:
        key = gm.SM2PrivateKey.generate()
        return cls(make_root(key, common_name=common_name, not_before=not_before), key)


class Authority(GrantRules):
    def __init__(
        self,
        repository: AuthorityRepository,
        keys: AuthorityKeys,
        *,
        clock: Clock = system_clock,
        real_name: RealNameCheck | None = None,
        catalogue: MatterCatalogue | None = None,
        terms_of: Callable[[IssuedLicence], LicenceTerms] | None = None,
    ) -> None:
        self.repo = repository
        self.keys = keys
        self.clock = clock
        self.catalogue = catalogue or default_catalogue()
        self.issuer = Issuer(self, real_name or RegistryRealNameCheck())
        # How a licence record's certificate is read into its terms: parsed on every call by
        # default; a caller that keeps parsed certificates (the service) passes its own.
        self.terms_of = terms_of or self.issuer.terms_of

    def now(self) -> datetime:
        return to_utc_second(self.clock())

    @property
    def root(self) -> Certificate:
        return self.keys.root

    # -- registry ------------------------------------------------------------------------------

    def register_enterprise(self, enterprise: Enterprise) -> Enterprise:
        if self.repo.get_enterprise(enterprise.credit_code) is not None:
            raise Conflict(
                "duplicate_enterprise",
                "Enterprise {code} is already registered",
                code=enterprise.credit_code,
            )
        self.person_record(enterprise.legal_representative)
        self.repo.put_enterprise(enterprise)
        return enterprise

    def enterprise(self, credit_code: str) -> Enterprise:
        found = self.repo.get_enterprise(credit_code.strip().upper())
        if found is None:
            raise NotFound(
                "unknown_enterprise",
                "No enterprise with credit code {code} is registered",
                code=credit_code,
            )
        return found

    def person_record(self, person: Person) -> PersonRecord:
        """The authority's record of ``person``, created on first sight."""
        record = self.repo.find_person(person.id_number)
        if record is None:
            record = PersonRecord(new_id("P"), person)
            self.repo.put_person(record)
        elif record.person.name != person.name:
            raise Conflict("person_mismatch", "The ID number is registered under another name")
        return record

    # -- issuance ------------------------------------------------------------------------------

    def issue_licence(
        self, signed_request: bytes, *, evidence: dict[str, bytes] | None = None
    ) -> IssuedLicence:
        """Verify the device's signed request and the person, then issue a licence certificate."""
        return self.issuer.issue(signed_request, evidence or {})

    def licences(self, credit_code: str) -> list[IssuedLicence]:
        return self.repo.list_licences(self.enterprise(credit_code).credit_code)

    def licence(self, serial: int) -> IssuedLicence:
        found = self.repo.get_licence(serial)
        if found is None:
            raise NotFound("unknown_licence", "No licence with serial {serial:x}", serial=serial)
        return found

    # -- actors --------------------------------------------------------------------------------

    def actor(self, credit_code: str, by: int, roles: tuple[Role, ...]) -> IssuedLicence:
        """The acting licence: active now, for this enterprise, in one of ``roles``."""
        licence = self.licence(by)
        check_use(
            self.terms_of(licence),
            credit_code=credit_code,
            matter=None,
            at=self.now(),
            revoked=licence.status(self.now()) is Status.REVOKED,
        ).require()
        if licence.role not in roles:
            raise LicenceRefused(
                "role_not_permitted",
                _ROLE_MESSAGES.get(frozenset(roles), "Your licence does not permit this action"),
            )
        return licence

    # -- revocation ----------------------------------------------------------------------------

    def revoke_licence(
        self, serial: int, *, by: int, reason: str = "cessation_of_operation"
    ) -> None:
        """The holder revokes their own copy, or the legal representative revokes any copy."""
        target = self.licence(serial)
        if reason not in REASONS:
            raise BadRequest("bad_reason", "Unknown revocation reason {reason}", reason=reason)
        if by != serial:
            self.actor(target.credit_code, by, (Role.LEGAL_REPRESENTATIVE,))
        self.revoke_where(lambda lic: lic.serial == serial, reason)

    def revoke_where(self, predicate: Callable[[IssuedLicence], bool], reason: str) -> list[int]:
        """Revoke every unrevoked licence matching ``predicate``; the serials revoked."""
        now, revoked = self.now(), []
        for licence in self.repo.list_licences():
            if licence.revoked_at is None and predicate(licence):
                self.repo.put_licence(replace(licence, revoked_at=now, revocation_reason=reason))
                revoked.append(licence.serial)
        return revoked

    def publish_crl(self, *, lifetime: timedelta = timedelta(days=1)) -> bytes:
        """DER of a fresh CRL, signed by the root, listing every revoked licence."""
        revocations = [
            Revocation(lic.serial, lic.revoked_at, lic.revocation_reason or "unspecified")
            for lic in self.repo.list_licences()
            if lic.revoked_at is not None
        ]
        return make_crl(
            revocations,
            root=self.root,
            root_key=self.keys.key,
            number=self.repo.next_crl_number(),
            this_update=self.now(),
            lifetime=lifetime,
        )

    def check(self, serial: int, *, credit_code: str, matter: str) -> Decision:
        """May licence ``serial`` act for ``credit_code`` on ``matter`` now (by live records)?"""
        licence = self.licence(serial)
        return check_use(
            self.terms_of(licence),
            credit_code=credit_code,
            matter=matter,
            at=self.now(),
            revoked=licence.status(self.now()) is Status.REVOKED,
        )
