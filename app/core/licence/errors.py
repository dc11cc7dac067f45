"""Refusals of the licence rules. Each carries a stable ``code``; the kinds (not found, conflict,
bad request) say what sort of refusal it is. The service maps codes to HTTP statuses itself."""

from __future__ import annotations

from ..errors import Refused


class LicenceRefused(Refused):
    """The authority refuses an action under the licence rules."""


class NotAuthorised(LicenceRefused):
    """A licence may not be used for an action; ``code`` is a :class:`~.check.Reason` value."""


class RealNameFailed(LicenceRefused):
    """The person's identity does not match the registry (real-name verification failed)."""


class NotFound(LicenceRefused):
    """What the action names does not exist."""


class Conflict(LicenceRefused):
    """The request contradicts the current state (a sixth manager, a duplicate, a replay)."""


class BadRequest(LicenceRefused):
    """The request itself is not acceptable (a malformed request, a bad window)."""
