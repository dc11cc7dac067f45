"""Seal authorisation (印章授权): who may use which seal, checked when a signature is verified.

The rule, from the licence manual: the legal representative and licence managers may use every
seal of their enterprise; an agent (办事人) needs a separate authorisation for each seal, valid
at the signing time; enterprises registered at another place (外地企业) are exempt. Where the
authorisations live (the seal office service) is not this package's business: the caller passes
them in, or supplies its own :data:`AuthorisationCheck`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ...pki import LicenceInfo, Role, to_utc_second
from .errors import Reason, SealRefused
from .model import SealInfo

if TYPE_CHECKING:
    from .revocations import AuthorisationRevocations

#: ``check(seal, licence, signed_at)`` returns when the signer may use the seal, and raises
#: :class:`SealRefused` (reason ``missing_seal_authorisation``) when not.
AuthorisationCheck = Callable[[SealInfo, LicenceInfo, datetime], None]


@dataclass(frozen=True)
class SealAuthorisation:
    """One agent's authorisation to use one seal of one enterprise, for a window."""

    seal_id: str
    credit_code: str
    person_id: str  # the agent's opaque person id, as in the licence
    not_before: datetime
    not_after: datetime

    def covers(self, seal: SealInfo, licence: LicenceInfo, at: datetime) -> bool:
        moment = to_utc_second(at)
        return (
            self.seal_id == seal.seal_id
            and self.credit_code == licence.credit_code
            and self.person_id == licence.person_id
            and to_utc_second(self.not_before) <= moment <= to_utc_second(self.not_after)
        )


class SealAuthorisationRule:
    """The default :data:`AuthorisationCheck`.

    ``local_places`` are the registration places the seal office serves (prefixes such as
    ``"北京市"``); an enterprise whose registration place matches none of them is registered
    elsewhere and exempt. With no ``local_places`` nobody is treated as registered elsewhere,
    the strict reading.
    """

    def __init__(
        self, authorisations: Iterable[SealAuthorisation], *, local_places: Iterable[str] = (),
        revocations: AuthorisationRevocations | None = None,
    ) -> None:
        self.authorisations = tuple(authorisations)
        self.local_places = tuple(p for p in local_places if p)
        # The seal office's signed list (revocations.py): an authorisation on it covers no time
        # from its revocation on, whatever the windows above say.
        self.revocations = revocations

    def __call__(self, seal: SealInfo, licence: LicenceInfo, at: datetime) -> None:
        if licence.role is not Role.AGENT or self.registered_elsewhere(licence):
            return
        if any(a.covers(seal, licence, at) and not self._revoked(a, at) for a in self.authorisations):
            return
        raise SealRefused(
            Reason.MISSING_AUTHORISATION,
            "{holder} is an agent without an authorisation for the seal {id} at {when}",
            holder=licence.holder_name,
            id=seal.seal_id,
            when=to_utc_second(at).isoformat(),
        )

    def _revoked(self, authorisation: SealAuthorisation, at: datetime) -> bool:
        return self.revocations is not None and self.revocations.voids(
            authorisation.seal_id, authorisation.person_id, authorisation.not_before, at)

    def registered_elsewhere(self, licence: LicenceInfo) -> bool:
        place = licence.registration_place
        return bool(self.local_places) and not any(place.startswith(p) for p in self.local_places)


def no_authorisations() -> SealAuthorisationRule:
    """The rule with no authorisations on record: agents are refused, other roles pass."""
    return SealAuthorisationRule(())
