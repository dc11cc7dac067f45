"""Managers and agent authorisations: the grant rules of the authority.

A mixin of :class:`~.authority.Authority`, kept apart so each module stays small; it uses the
authority's repository, clock, catalogue, ``enterprise``, ``person_record``, ``actor`` and
``revoke_where``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..pki import Mode, Role, to_utc_second
from .errors import BadRequest, Conflict, NotFound
from .model import Authorisation, ManagerRecord, Person, PersonRecord, PersonRef, new_id

if TYPE_CHECKING:
    from .authority import Authority

MAX_MANAGERS = 5
DEFAULT_WINDOW = timedelta(days=3)


class GrantRules:
    """Adding and removing managers; authorising agents and revoking authorisations."""

    # -- the people the enterprise knows -------------------------------------------------------

    def known_person(self: Authority, credit_code: str, person_id: str) -> PersonRecord:
        """A manager of the enterprise or an agent of any of its authorisations (revoked and
        ended ones too: the people its holders entered); anyone else is ``unknown_person``, so
        a person id of another enterprise names nobody here."""
        code = self.enterprise(credit_code).credit_code
        known = {m.person_id for m in self.repo.list_managers(code)} | {
            a.agent_person_id for a in self.repo.list_authorisations(code)
        }
        record = self.repo.get_person(person_id) if person_id in known else None
        if record is None:
            raise NotFound(
                "unknown_person", "That person is not a manager or an agent of {code}", code=code
            )
        return record

    def grantee(self: Authority, credit_code: str, who: Person | PersonRef) -> PersonRecord:
        """The record of a person stated in full (created on first sight) or of a known one."""
        if isinstance(who, PersonRef):
            return self.known_person(credit_code, who.person_id)
        return self.person_record(who)

    # -- managers ------------------------------------------------------------------------------

    def managers(self: Authority, credit_code: str) -> list[ManagerRecord]:
        return self.repo.list_managers(self.enterprise(credit_code).credit_code)

    def add_manager(
        self: Authority, credit_code: str, who: Person | PersonRef, *, by: int
    ) -> ManagerRecord:
        enterprise = self.enterprise(credit_code)
        actor = self.actor(enterprise.credit_code, by, (Role.LEGAL_REPRESENTATIVE,))
        current = self.repo.list_managers(enterprise.credit_code)
        record = self.grantee(enterprise.credit_code, who)
        person = record.person
        if person.id_number == enterprise.legal_representative.id_number:
            raise Conflict(
                "already_legal_representative", "The legal representative cannot also be a manager"
            )
        if any(m.person_id == record.person_id for m in current):
            raise Conflict(
                "already_manager", "{name} is already a licence manager", name=person.name
            )
        if len(current) >= MAX_MANAGERS:
            raise Conflict(
                "too_many_managers",
                "An enterprise has at most {n} licence managers: remove one before adding another",
                n=MAX_MANAGERS,
            )
        manager = ManagerRecord(
            new_id("M"), enterprise.credit_code, record.person_id, actor.person_id, self.now()
        )
        self.repo.put_manager(manager)
        return manager

    def remove_manager(self: Authority, credit_code: str, person_id: str, *, by: int) -> list[int]:
        """Remove a manager and revoke every licence copy they downloaded; the revoked serials."""
        enterprise = self.enterprise(credit_code)
        self.actor(enterprise.credit_code, by, (Role.LEGAL_REPRESENTATIVE,))
        manager = next(
            (
                m
                for m in self.repo.list_managers(enterprise.credit_code)
                if m.person_id == person_id
            ),
            None,
        )
        if manager is None:
            raise NotFound(
                "unknown_manager",
                "That person is not a licence manager of {code}",
                code=enterprise.credit_code,
            )
        self.repo.delete_manager(manager.manager_id)
        withdrawn = manager.manager_id
        return self.revoke_where(lambda lic: lic.grant_id == withdrawn, "privilege_withdrawn")

    # -- agent authorisations ------------------------------------------------------------------

    def authorisations(self: Authority, credit_code: str) -> list[Authorisation]:
        return self.repo.list_authorisations(self.enterprise(credit_code).credit_code)

    def authorise_agent(
        self,
        credit_code: str,
        agent: Person | PersonRef,
        *,
        by: int,
        mode: Mode,
        matters: tuple[str, ...] | list[str] = (),
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> Authorisation:
        """Authorise an agent — stated in full, or a person the enterprise knows — for all
        business or specific matters (default window: 3 days)."""
        enterprise = self.enterprise(credit_code)
        actor = self.actor(enterprise.credit_code, by, (Role.LEGAL_REPRESENTATIVE, Role.MANAGER))
        codes = self._matter_codes(Mode(mode), matters)
        begin = to_utc_second(start) if start is not None else self.now()
        finish = to_utc_second(end) if end is not None else begin + DEFAULT_WINDOW
        if finish <= begin:
            raise BadRequest("bad_window", "The authorisation must end after it starts")
        if finish <= self.now():
            raise BadRequest("bad_window", "The authorisation would already have ended")
        grant = Authorisation(
            new_id("A"),
            enterprise.credit_code,
            self.grantee(enterprise.credit_code, agent).person_id,
            actor.person_id,
            Mode(mode),
            codes,
            begin,
            finish,
            self.now(),
        )
        self.repo.put_authorisation(grant)
        return grant

    def _matter_codes(self: Authority, mode: Mode, matters) -> tuple[str, ...]:
        if mode is Mode.ALL_BUSINESS:
            if matters:
                raise BadRequest("bad_matters", "An all-business authorisation lists no matters")
            return ()
        if not matters:
            raise BadRequest("bad_matters", "A specific authorisation names at least one matter")
        return tuple(m.code for m in self.catalogue.resolve(tuple(matters)))

    def revoke_authorisation(self: Authority, authorisation_id: str, *, by: int) -> list[int]:
        grant = self.repo.get_authorisation(authorisation_id)
        if grant is None:
            raise NotFound("unknown_authorisation", "No authorisation {id}", id=authorisation_id)
        self.actor(grant.credit_code, by, (Role.LEGAL_REPRESENTATIVE, Role.MANAGER))
        if grant.revoked_at is None:
            self.repo.put_authorisation(replace(grant, revoked_at=self.now()))
        return self.revoke_where(
            lambda lic: lic.grant_id == authorisation_id, "privilege_withdrawn"
        )
