"""May this licence be used for this action now? The answer says why not.

Used on the device (with the certificate and the authority's revocation list) and by the
service (with its own records). Order of the checks: revoked, not yet valid, expired, wrong
enterprise, matter not authorised.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from ..pki import LicenceTerms, to_utc_second
from .errors import NotAuthorised


class Reason(StrEnum):
    NOT_YET_VALID = "not_yet_valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    MATTER_NOT_AUTHORISED = "matter_not_authorised"
    WRONG_ENTERPRISE = "wrong_enterprise"


_MESSAGES = {
    Reason.NOT_YET_VALID: "The authorisation starts at {start}; it cannot be used before then",
    Reason.EXPIRED: "The authorisation ended at {end}",
    Reason.REVOKED: "The licence has been revoked",
    Reason.MATTER_NOT_AUTHORISED: "The licence is not authorised for {matter}",
    Reason.WRONG_ENTERPRISE: "The licence is for enterprise {held}, not {wanted}",
}


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: Reason | None = None
    params: dict | None = None

    @property
    def message(self) -> str:
        return "Allowed" if self.reason is None else self.error().message

    def error(self) -> NotAuthorised:
        assert self.reason is not None, "an allowed decision has no error"
        return NotAuthorised(self.reason.value, _MESSAGES[self.reason], **(self.params or {}))

    def require(self) -> None:
        """Raise :class:`NotAuthorised` (HTTP 403, with ``reason``) unless allowed."""
        if not self.allowed:
            raise self.error()


def _refuse(reason: Reason, **params: str) -> Decision:
    return Decision(False, reason, params)


def check_use(
    terms: LicenceTerms,
    *,
    credit_code: str,
    matter: str | None,
    at: datetime,
    revoked: bool = False,
) -> Decision:
    """Whether ``terms`` allow acting for ``credit_code`` on ``matter`` at ``at``.

    ``matter=None`` asks only whether the licence is usable for the enterprise at all."""
    moment = to_utc_second(at)
    if revoked:
        return _refuse(Reason.REVOKED)
    if moment < terms.not_before:
        return _refuse(Reason.NOT_YET_VALID, start=terms.not_before.isoformat())
    if moment > terms.not_after:
        return _refuse(Reason.EXPIRED, end=terms.not_after.isoformat())
    if terms.credit_code != credit_code:
        return _refuse(Reason.WRONG_ENTERPRISE, held=terms.credit_code, wanted=credit_code)
    if matter is not None and not terms.covers(matter):
        return _refuse(Reason.MATTER_NOT_AUTHORISED, matter=matter)
    return Decision(True)
